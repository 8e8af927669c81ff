//! Times index build, single queries and a batch on a catalog file, for bench/peers_match.py.
//!
//! Usage: cargo run --release --example time_match -- CATALOG.json QUERIES.txt
//! Prints one JSON object with seconds.

use std::time::Instant;

use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (catalog_path, queries_path) = (&args[1], &args[2]);
    let catalog = Catalog::from_file(catalog_path).expect("catalog");
    let queries: Vec<Query> = std::fs::read_to_string(queries_path)
        .expect("queries")
        .lines()
        .map(|l| Query { text: l.to_owned(), ..Query::default() })
        .collect();
    let t = Instant::now();
    let index = Index::new(catalog);
    let build = t.elapsed().as_secs_f64();
    let o = MatchOptions::default();
    let mut search = Vec::new();
    let mut matching = Vec::new();
    for q in &queries {
        let t = Instant::now();
        std::hint::black_box(index.search(q, &o.weights, 10).expect("a valid query"));
        search.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        std::hint::black_box(index.match_query(q, &o).expect("a valid query"));
        matching.push(t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    std::hint::black_box(index.match_many(&queries, &o).expect("valid queries"));
    let batch = t.elapsed().as_secs_f64();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{{\"build\": {build}, \"search_median\": {}, \"match_median\": {}, \"batch\": {batch}, \"queries\": {}, \"memory_bytes\": {}}}",
        median(&mut search),
        median(&mut matching),
        queries.len(),
        index.memory_bytes()
    );
}

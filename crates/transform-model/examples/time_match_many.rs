//! Times `Index::match_many` (the core's part of Python's `Catalog.match_many`) on a catalog
//! file, for bench/python_values.py: the same queries and default options as the Python call.
//!
//! Usage: cargo run --release --example time_match_many -- CATALOG.json QUERIES.txt [RUNS]
//! Prints one JSON object: the median and every run's seconds.

use std::time::Instant;

use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(catalog_path), Some(queries_path)) = (args.get(1), args.get(2)) else {
        return Err("usage: time_match_many CATALOG.json QUERIES.txt [RUNS]".into());
    };
    let runs: usize = args.get(3).map(|r| r.parse()).transpose()?.unwrap_or(3);
    let index = Index::new(Catalog::from_file(catalog_path)?);
    let queries: Vec<Query> = std::fs::read_to_string(queries_path)?
        .lines()
        .map(|l| Query { text: l.to_owned(), ..Query::default() })
        .collect();
    let o = MatchOptions::default();
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        std::hint::black_box(index.match_many(&queries, &o)?);
        times.push(t.elapsed().as_secs_f64());
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let list = times.iter().map(f64::to_string).collect::<Vec<_>>().join(", ");
    println!("{{\"median\": {}, \"runs\": [{list}], \"queries\": {}}}", sorted[sorted.len() / 2], queries.len());
    Ok(())
}

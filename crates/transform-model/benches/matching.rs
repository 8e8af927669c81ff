//! Matching on a synthetic catalog of 100,000 interventions (≈80 words, 8 ingredients),
//! in the query shapes the demo uses: text only; text + target groups + context; and
//! partner suggestions.
//!
//! Run: cargo bench -p transform-model --bench matching

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::json;
use transform_model::ingredient::{Index, MatchOptions, Query, sample};

/// The demo's full query shape: text, target groups and one context attribute.
fn with_facets(text: String, i: usize) -> Query {
    let groups = ["ledige", "ældre", "unge"];
    let urbanity = ["urban", "mixed", "rural"];
    let mut q = Query { text, target_groups: vec![groups[i % 3].to_owned()], ..Query::default() };
    q.context.insert("urbanity".to_owned(), json!(urbanity[i % 3]));
    q
}

fn bench(c: &mut Criterion) {
    let def = sample::sample_catalog(100_000, 42);
    let catalog = def.validate().unwrap();
    let texts = sample::sample_queries(1000, 7);
    let queries: Vec<Query> = texts.iter().map(|text| Query { text: text.clone(), ..Query::default() }).collect();
    let full: Vec<Query> = texts.iter().enumerate().map(|(i, t)| with_facets(t.clone(), i)).collect();
    let mut g = c.benchmark_group("matching");
    g.sample_size(10);
    g.bench_function("index_build_100k", |b| b.iter_batched(|| catalog.clone(), Index::new, BatchSize::LargeInput));
    let index = Index::new(catalog.clone());
    eprintln!(
        "index: {} terms, {:.1} MiB of index structures",
        index.terms(),
        index.memory_bytes() as f64 / (1024.0 * 1024.0)
    );
    let o = MatchOptions::default();
    // Loading a saved index from bytes already in memory (checksum, records checked,
    // facets and context derived; postings viewed in place), without the file read.
    let bytes = index.to_index_bytes();
    g.sample_size(10);
    g.bench_function("index_load_100k", |b| {
        b.iter_with_large_drop(|| Index::from_index_bytes(black_box(&bytes), "bench").unwrap())
    });
    drop(bytes);
    let mut i = 0;
    g.sample_size(50);
    g.bench_function("match_one_100k", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(index.match_query(&queries[i], &o))
        })
    });
    g.bench_function("match_text_groups_context_100k", |b| {
        b.iter(|| {
            i = (i + 1) % full.len();
            black_box(index.match_query(&full[i], &o))
        })
    });
    g.bench_function("bm25_one_100k", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(index.bm25(&queries[i].text))
        })
    });
    let codes: Vec<String> = transform_model::municipality::all().iter().map(|m| m.code.clone()).collect();
    g.bench_function("partners_100k", |b| {
        b.iter(|| {
            i = (i + 1) % codes.len();
            black_box(index.partners(&codes[i], 5).ok())
        })
    });
    g.sample_size(10);
    g.bench_function("match_batch_1000_100k", |b| b.iter(|| black_box(index.match_many(&queries, &o))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Matching on a synthetic catalog of 100,000 interventions (≈80 words, 8 ingredients).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use transform_model::ingredient::{Index, MatchOptions, Query, sample};

fn bench(c: &mut Criterion) {
    let def = sample::sample_catalog(100_000, 42);
    let catalog = def.validate().unwrap();
    let queries: Vec<Query> =
        sample::sample_queries(1000, 7).into_iter().map(|text| Query { text, ..Query::default() }).collect();
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
    let mut i = 0;
    g.sample_size(100);
    g.bench_function("match_one_100k", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            index.match_query(&queries[i], &o)
        })
    });
    g.bench_function("bm25_one_100k", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            index.bm25(&queries[i].text)
        })
    });
    g.sample_size(10);
    g.bench_function("match_batch_1000_100k", |b| b.iter(|| index.match_many(&queries, &o)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

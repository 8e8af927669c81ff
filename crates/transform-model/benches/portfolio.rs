//! Full portfolio analysis: 5,000 initiatives × 50 missions.
//!
//! `analyse_*` analyses the same portfolio again and again, so from the second iteration the
//! analysed text corpus comes from the portfolio's own memo (`mission/corpus.rs`), as when a
//! portfolio is re-analysed with other options or planned after its analysis.
//! `analyse_cold_*` analyses a freshly built portfolio each iteration (built outside the
//! timing), so its texts are analysed afresh, as a first analysis does.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use transform_model::mission::{AnalysisOptions, sample};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("portfolio");
    g.sample_size(20);
    let o = AnalysisOptions::default();
    for (n, m) in [(1250, 50), (2500, 50), (5000, 50)] {
        let p = sample::sample_portfolio(n, m, 3);
        g.bench_function(format!("analyse_{n}x{m}"), |b| b.iter(|| p.analyse(&o).unwrap()));
    }
    g.bench_function("analyse_cold_5000x50", |b| {
        b.iter_batched(|| sample::sample_portfolio(5000, 50, 3), |p| p.analyse(&o).unwrap(), BatchSize::LargeInput)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

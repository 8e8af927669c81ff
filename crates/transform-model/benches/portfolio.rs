//! Full portfolio analysis: 5,000 initiatives × 50 missions.

use criterion::{Criterion, criterion_group, criterion_main};
use transform_model::mission::{AnalysisOptions, sample};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("portfolio");
    g.sample_size(20);
    let o = AnalysisOptions::default();
    for (n, m) in [(1250, 50), (2500, 50), (5000, 50)] {
        let p = sample::sample_portfolio(n, m, 3);
        g.bench_function(format!("analyse_{n}x{m}"), |b| b.iter(|| p.analyse(&o).unwrap()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

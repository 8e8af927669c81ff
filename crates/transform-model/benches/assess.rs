//! `assess_100k`: 100,000 respondents × the default model's items, bootstrap 1,000.

use criterion::{Criterion, criterion_group, criterion_main};
use transform_model::maturity::sample::{sample_csv, sample_responses};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn bench(c: &mut Criterion) {
    let model = Model::default_model();
    let responses = sample_responses(&model, 100_000, 1);
    let options = AssessOptions { bootstrap: 1000, seed: 1, ..AssessOptions::default() };
    let mut g = c.benchmark_group("maturity");
    g.sample_size(10);
    g.bench_function("assess_100k", |b| b.iter(|| assess(&model, &responses, &options).unwrap()));
    let no_boot = AssessOptions { bootstrap: 0, ..options.clone() };
    g.bench_function("assess_100k_no_bootstrap", |b| b.iter(|| assess(&model, &responses, &no_boot).unwrap()));
    let csv = sample_csv(&model, 100_000, 1, None);
    g.bench_function("read_csv_100k", |b| {
        b.iter(|| Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

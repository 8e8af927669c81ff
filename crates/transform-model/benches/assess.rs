//! `assess_100k`: 100,000 respondents × the default model's items, bootstrap 1,000.

use criterion::{Criterion, criterion_group, criterion_main};
use transform_model::maturity::sample::{sample_csv, sample_responses};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn bench(c: &mut Criterion) {
    let model = Model::default_model();
    let responses = sample_responses(&model, 100_000, 1);
    let mut options = AssessOptions::default();
    options.bootstrap = 1000;
    options.seed = 1;
    let mut g = c.benchmark_group("maturity");
    g.sample_size(10);
    g.bench_function("assess_100k", |b| b.iter(|| assess(&model, &responses, &options).unwrap()));
    let mut no_boot = options.clone();
    no_boot.bootstrap = 0;
    g.bench_function("assess_100k_no_bootstrap", |b| b.iter(|| assess(&model, &responses, &no_boot).unwrap()));
    // The numpy path: a dense matrix with ids and roles.
    let n_items = model.items().len();
    let ids: Vec<String> = (0..responses.len()).map(|r| responses.respondent_id(r).unwrap().to_owned()).collect();
    let roles: Vec<String> =
        (0..responses.len()).map(|r| model.roles()[responses.role_of(r).unwrap()].id.clone()).collect();
    let items: Vec<String> = model.items().iter().map(|i| i.id.clone()).collect();
    let values: Vec<i64> = (0..responses.len())
        .flat_map(|r| (0..n_items).map(move |i| (r, i)))
        .map(|(r, i)| responses.value(r, i).unwrap().unwrap_or(-1))
        .collect();
    g.bench_function("from_matrix_100k", |b| {
        b.iter(|| Responses::from_matrix(&model, &ids, &roles, &items, &values, -1).unwrap())
    });
    let csv = sample_csv(&model, 100_000, 1, None);
    g.bench_function("read_csv_100k", |b| {
        b.iter(|| Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

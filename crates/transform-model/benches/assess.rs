//! `assess_100k`: 100,000 respondents × the default model's items, bootstrap 1,000.
//! `assess_100k_by_department`: the same with a breakdown by 40 departments × 5 roles,
//! secondary suppression and the disclosure audit of every layer.
//! `audit_100k_<D>x5`: `disclosure::audit_min` alone on one layer of 100,000 respondents in
//! D departments × 5 roles (roles, departments, department × role, fixed total), to show how
//! the audit scales with the number of cells.

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
    let departments: Vec<String> = (0..responses.len()).map(|r| format!("Forvaltning {:02}", r % 40 + 1)).collect();
    let by_unit = responses.clone().with_unit_column(&model, "department", &departments).unwrap();
    let mut by = options.clone();
    by.group_by = vec!["department".into()];
    g.bench_function("assess_100k_by_department", |b| b.iter(|| assess(&model, &by_unit, &by).unwrap()));
    let mut by_no_boot = by.clone();
    by_no_boot.bootstrap = 0;
    g.bench_function("assess_100k_by_department_no_bootstrap", |b| {
        b.iter(|| assess(&model, &by_unit, &by_no_boot).unwrap())
    });
    for departments in [40usize, 400] {
        let (cells, n) = table(100_000, departments, 5);
        g.bench_function(format!("audit_100k_{departments}x5"), |b| {
            b.iter(|| transform_model::disclosure::audit_min(&cells, n, 5).unwrap())
        });
    }
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

/// One layer of a role × department table: respondent r is in role r % roles and
/// department (r / roles) % departments.
fn table(n: usize, departments: usize, roles: usize) -> (Vec<transform_model::disclosure::Cell>, usize) {
    use transform_model::disclosure::Cell;
    let members = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&r| f(r)).collect::<Vec<_>>();
    let mut cells = vec![Cell::new("total", (0..n).collect()).fixed()];
    for g in 0..roles {
        cells.push(Cell::new(format!("R{g}"), members(&|r| r % roles == g)));
    }
    for d in 0..departments {
        cells.push(Cell::new(format!("D{d}"), members(&|r| (r / roles) % departments == d)));
        for g in 0..roles {
            cells.push(Cell::new(format!("D{d}/R{g}"), members(&|r| r % roles == g && (r / roles) % departments == d)));
        }
    }
    (cells, n)
}

criterion_group!(benches, bench);
criterion_main!(benches);

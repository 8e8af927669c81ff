//! The five-year plan for 5,000 initiatives × 50 missions with the 100k synthetic catalog.
//! The index, the portfolio analysis and the assessment are built outside the timed part:
//! the figure is the plan itself (chain, catalog matches of the under-served missions,
//! scheduling, numbering).

use criterion::{Criterion, criterion_group, criterion_main};
use transform_model::ingredient::{Index, sample as catalog_sample};
use transform_model::maturity::sample::sample_csv;
use transform_model::mission::{AnalysisOptions, sample};
use transform_model::plan::{PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn bench(c: &mut Criterion) {
    let model = Model::default_model();
    let r = Responses::from_csv_str(&model, &sample_csv(&model, 200, 1, None), &ReadOptions::default()).unwrap();
    let assessment = assess(&model, &r, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap();
    let portfolio = sample::sample_portfolio(5000, 50, 3);
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(catalog_sample::sample_catalog(100_000, 42).validate().unwrap());
    let inputs = PlanInputs {
        model: &model,
        assessment: &assessment,
        portfolio: Some((&portfolio, &analysis)),
        index: Some(&index),
    };
    let mut o = PlanOptions::default();
    o.start_year = Some(2026);
    let p = plan(inputs, &o).unwrap();
    eprintln!(
        "plan: {} planned, {} deferred, {} adopt_ingredient",
        p.actions().count(),
        p.deferred.len(),
        p.actions().filter(|(_, a)| a.kind == transform_model::plan::ActionKind::AdoptIngredient).count()
    );
    // PLAN_BENCH_JSON=path writes this plan's JSON (and the bundled sample's beside it), so
    // that two builds can be compared byte for byte.
    if let Ok(path) = std::env::var("PLAN_BENCH_JSON") {
        std::fs::write(&path, p.to_json()).unwrap();
        let (sample, catalog) =
            (transform_model::mission::Portfolio::sample(), transform_model::ingredient::Catalog::sample());
        let sample_analysis = sample.analyse(&AnalysisOptions::default()).unwrap();
        let sample_index = Index::new(catalog);
        let sample_inputs =
            PlanInputs { portfolio: Some((&sample, &sample_analysis)), index: Some(&sample_index), ..inputs };
        std::fs::write(format!("{path}.sample"), plan(sample_inputs, &o).unwrap().to_json()).unwrap();
    }
    let mut g = c.benchmark_group("plan");
    g.sample_size(10);
    g.bench_function("plan_5000x50_catalog_100k", |b| b.iter(|| plan(inputs, &o).unwrap()));
    let bare = PlanInputs { index: None, ..inputs };
    g.bench_function("plan_5000x50_no_catalog", |b| b.iter(|| plan(bare, &o).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

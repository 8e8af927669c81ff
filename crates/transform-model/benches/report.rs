//! The council's HTML report for the bundled sample (assessment, portfolio, catalog, plan):
//! the figure is `render_html` itself (views, eight SVG charts, the template); the
//! assessment, analysis, index and plan are built outside the timed part.

use criterion::{Criterion, criterion_group, criterion_main};
use transform_model::ingredient::{Catalog, Index};
use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{PlanInputs, PlanOptions, plan};
use transform_model::report::{ReportInputs, ReportOptions, render_html};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Lang, Model, Responses, assess};

fn bench(c: &mut Criterion) {
    let model = Model::default_model();
    let r = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default()).unwrap();
    let assessment = assess(&model, &r, &AssessOptions::default()).unwrap();
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    let index = Index::new(Catalog::sample());
    let p = plan(
        PlanInputs {
            model: &model,
            assessment: &assessment,
            portfolio: Some((&portfolio, &analysis)),
            index: Some(&index),
        },
        &PlanOptions::default(),
    )
    .unwrap();
    let inputs = ReportInputs {
        model: &model,
        assessment: &assessment,
        portfolio: Some((&portfolio, &analysis)),
        index: Some(&index),
        plan: Some(&p),
    };
    let options = ReportOptions::new(Lang::Da);
    eprintln!("report: {} bytes", render_html(&inputs, &options).unwrap().len());
    let mut g = c.benchmark_group("report");
    g.sample_size(20);
    g.bench_function("sample_full_report_da", |b| b.iter(|| render_html(&inputs, &options).unwrap()));
    let bare = ReportInputs { portfolio: None, index: None, plan: None, ..inputs };
    g.bench_function("sample_assessment_only_da", |b| b.iter(|| render_html(&bare, &options).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Make the five-year transformation plan from an assessment, a portfolio and a catalog:
//! the bundled sample municipality, portfolio and catalog, starting in 2026.
//!
//! Run: `cargo run -p transform-model --example plan`

use transform_model::ingredient::{Catalog, Index};
use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{PlanInputs, PlanOptions, output, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Lang, Model, Responses, assess};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = Model::default_model();
    let responses = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default())?;
    let assessment = assess(&model, &responses, &AssessOptions::default())?;
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default())?;
    let index = Index::new(Catalog::sample());

    // Portfolio and catalog are optional: without them the plan covers the maturity gaps only.
    let inputs = PlanInputs {
        model: &model,
        assessment: &assessment,
        portfolio: Some((&portfolio, &analysis)),
        index: Some(&index),
    };
    let mut options = PlanOptions::default();
    options.start_year = Some(2026); // never the clock: the same inputs give the same plan
    let plan = plan(inputs, &options)?;

    println!("{}–{}: {} actions", plan.start_year, plan.start_year + plan.years - 1, plan.actions().count());
    print!("{}", output::render_short(&plan, Lang::En));
    Ok(())
}

//! The five-year plan (issue 14): each acceptance rule as a test that can fail.

use std::collections::{BTreeMap, BTreeSet};

use transform_model::ingredient::{Catalog, Index};
use transform_model::maturity::sample::sample_csv;
use transform_model::mission::{AnalysisOptions, Portfolio, PortfolioAnalysis};
use transform_model::plan::{ActionKind, Plan, PlanError, PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

fn model() -> Model {
    Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/models/dtm-2026.2.json")).unwrap()
}

fn assessment(model: &Model) -> Assessment {
    let r = Responses::from_csv_str(model, &sample_csv(model, 120, 7, None), &ReadOptions::default()).unwrap();
    assess(model, &r, &AssessOptions { bootstrap: 0, ..AssessOptions::default() }).unwrap()
}

struct Fixture {
    model: Model,
    assessment: Assessment,
    portfolio: Portfolio,
    analysis: PortfolioAnalysis,
    index: Index,
}

fn fixture() -> Fixture {
    let model = model();
    let assessment = assessment(&model);
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    Fixture { model, assessment, portfolio, analysis, index: Index::new(Catalog::sample()) }
}

impl Fixture {
    fn inputs(&self) -> PlanInputs<'_> {
        PlanInputs {
            model: &self.model,
            assessment: &self.assessment,
            portfolio: Some((&self.portfolio, &self.analysis)),
            index: Some(&self.index),
        }
    }
    fn plan(&self, o: &PlanOptions) -> Plan {
        plan(self.inputs(), o).unwrap()
    }
}

fn start_2026() -> PlanOptions {
    PlanOptions { start_year: Some(2026), ..PlanOptions::default() }
}

#[test]
fn sample_plan_prints() {
    let f = fixture();
    let p = f.plan(&start_2026());
    println!("{}", p.to_json());
    println!("{}", transform_model::plan::output::render_table(&p, transform_model::Lang::Da));
}

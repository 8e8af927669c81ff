//! The two-dimension model and survey of shared/design/worked-example.md.
#![allow(dead_code)]

use transform_model::{Model, Responses, responses::ReadOptions};

pub const WORKED_MODEL: &str = include_str!("../fixtures/worked_model.json");

pub const WORKED_CSV: &str = include_str!("../fixtures/worked_responses.csv");

pub fn worked() -> (Model, Responses) {
    let model = Model::from_json(WORKED_MODEL).expect("worked model is valid");
    let responses = Responses::from_csv_str(&model, WORKED_CSV, &ReadOptions::default()).expect("worked CSV reads");
    (model, responses)
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

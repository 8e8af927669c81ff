//! Every JSON document the library writes starts with `schema_version` (the assessment
//! with its scoring-contract version), and the JSON Schemas of the outputs require it.

use serde_json::Value;
use transform_model::OUTPUT_SCHEMA_VERSION;
use transform_model::ingredient::partners_json;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};
use transform_model::maturity::{ItemOptions, compare_rounds, item_analysis};
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

/// The first key of a pretty-printed JSON object and the parsed document.
fn first_key(text: &str) -> (String, Value) {
    let line = text.lines().nth(1).expect("a second line");
    let key = line.trim().split('"').nth(1).expect("a key").to_owned();
    (key, serde_json::from_str(text).expect("JSON"))
}

fn assert_versioned(text: &str, what: &str) -> Value {
    let (key, doc) = first_key(text);
    assert_eq!(key, "schema_version", "{what}: first key");
    assert_eq!(doc["schema_version"], Value::from(OUTPUT_SCHEMA_VERSION), "{what}");
    doc
}

#[test]
fn every_output_document_starts_with_its_schema_version() {
    let model = Model::default_model();
    let csv = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample_responses.csv")).unwrap();
    let responses = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
    let a = assess(&model, &responses, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap();
    let (key, doc) = first_key(&a.to_json());
    assert_eq!((key.as_str(), doc["schema_version"].as_u64()), ("schema_version", Some(3)));

    let comparison = assert_versioned(&compare_rounds(&a, &a).unwrap().to_json(), "round comparison");
    assert!(comparison["changes"].is_array());
    let items =
        assert_versioned(&item_analysis(&model, &responses, &ItemOptions::default()).unwrap().to_json(), "items");
    assert!(items["items"].is_array());

    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).unwrap();
    assert!(assert_versioned(&analysis.to_json(), "portfolio analysis")["economics"].is_array());

    let index = Index::new(Catalog::sample());
    let q = Query { text: "ældre medicin i hjemmeplejen".into(), ..Query::default() };
    let m = index.match_query(&q, &MatchOptions::default()).unwrap();
    assert!(assert_versioned(&m.to_json(), "match")["ingredients"].is_array());
    let report = index.match_report(&q, &MatchOptions::default()).unwrap();
    assert!(assert_versioned(&report.to_json(), "match report")["similar"]["interventions"].is_array());
    let similar = index.similar(&q, &MatchOptions::default().weights, 3).unwrap();
    assert_eq!(assert_versioned(&similar.to_json(), "similar")["interventions"].as_array().unwrap().len(), 3);
    let partners = index.partners("561", 2).unwrap();
    assert_eq!(assert_versioned(&partners_json(&partners), "partners")["partners"].as_array().unwrap().len(), 2);

    let inputs = PlanInputs { model: &model, assessment: &a, portfolio: Some((&portfolio, &analysis)), index: None };
    let p = plan(inputs, &PlanOptions::default()).unwrap();
    assert!(assert_versioned(&p.to_json(), "plan")["phases"].is_array());
}

#[test]
fn output_schemas_require_the_schema_version() {
    for name in ["round_comparison", "portfolio_analysis", "match_result"] {
        let schema = transform_model::schema::schema(name).unwrap();
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(required.contains(&"schema_version"), "{name}: {required:?}");
        assert_eq!(schema["properties"]["schema_version"]["type"], "integer", "{name}");
        assert_ne!(schema["title"], "Versioned", "{name}");
    }
}

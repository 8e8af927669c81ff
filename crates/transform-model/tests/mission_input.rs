//! Portfolio input is read strictly (issue 9, item 3): an unknown key is an error naming its
//! path and the nearest known key, never silently dropped; a municipality code may be a number.

use serde_json::{Value, json};
use transform_model::mission::{AnalysisOptions, Portfolio};

fn tiny() -> Value {
    json!({
        "municipality": {"code": "860", "name": "Hjørring"},
        "year": 2026,
        "missions": [
            {"id": "M1", "title": {"da": "Unge i job", "en": "Youth in work"}, "statement": "Alle unge i job",
             "indicators": [{"name": "andel i job", "unit": "%", "baseline": 80, "target": 95, "year": 2030}]}
        ],
        "initiatives": [
            {"id": "I1", "title": "Jobgaranti", "stage": "operations", "mode": "exploit", "facet": "enhancement",
             "cost_per_year": 100, "citizen_value": "positive", "start_year": 2024,
             "links": [{"mission": "M1", "strength": 3}]}
        ]
    })
}

fn error(v: Value) -> String {
    Portfolio::from_json(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn a_cost_typo_is_refused_with_path_and_suggestion() {
    // Today `cost_per_yr` is dropped: the yearly cost silently becomes the default.
    let mut v = tiny();
    let i = v["initiatives"][0].as_object_mut().unwrap();
    i.remove("cost_per_year");
    i.insert("cost_per_yr".into(), json!(500_000));
    assert_eq!(
        error(v),
        "portfolio JSON at `initiatives[0].cost_per_yr`: unknown key `cost_per_yr` (did you mean `cost_per_year`?)"
    );
}

#[test]
fn every_portfolio_struct_refuses_unknown_keys() {
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 6] = [
        (|v| v["yaer"] = json!(2026), "`yaer`: unknown key `yaer` (did you mean `year`?)"),
        (
            |v| v["municipality"]["kode"] = json!("860"),
            "`municipality.kode`: unknown key `kode` (did you mean `code`?)",
        ),
        (
            |v| v["missions"][0]["statment"] = json!("x"),
            "`missions[0].statment`: unknown key `statment` (did you mean `statement`?)",
        ),
        (
            |v| v["missions"][0]["indicators"][0]["baseline_year"] = json!(2024),
            "`missions[0].indicators[0].baseline_year`: unknown key `baseline_year` (did you mean `baseline`?)",
        ),
        (
            |v| v["initiatives"][0]["links"][0]["strenght"] = json!(2),
            "`initiatives[0].links[0].strenght`: unknown key `strenght` (did you mean `strength`?)",
        ),
        (
            |v| v["initiatives"][0]["mandatroy"] = json!(true),
            "`initiatives[0].mandatroy`: unknown key `mandatroy` (did you mean `mandatory`?)",
        ),
    ];
    for (edit, expected) in cases {
        let mut v = tiny();
        edit(&mut v);
        let e = error(v);
        assert_eq!(e, format!("portfolio JSON at {expected}"));
    }
    // The analysis options too.
    let mut o = serde_json::to_value(AnalysisOptions::default()).unwrap();
    o["horizn"] = json!(4);
    let e = serde_json::from_value::<AnalysisOptions>(o).unwrap_err().to_string();
    assert!(e.starts_with("unknown field `horizn`"), "{e}");
    let mut o = serde_json::to_value(AnalysisOptions::default()).unwrap();
    o["weights"]["txt"] = json!(0.1);
    let e = serde_json::from_value::<AnalysisOptions>(o).unwrap_err().to_string();
    assert!(e.starts_with("unknown field `txt`"), "{e}");
}

#[test]
fn a_municipality_code_may_be_a_number() {
    let mut v = tiny();
    v["municipality"]["code"] = json!(860);
    let p = Portfolio::from_json(&v.to_string()).unwrap();
    assert_eq!(p.municipality.code.as_deref(), Some("860"));
    // A number is zero-padded to three digits, then checked against the 98 codes.
    let mut v = tiny();
    v["municipality"]["code"] = json!(81);
    assert_eq!(
        error(v),
        "invalid portfolio at `municipality.code`: `081` is not the code of one of the 98 Danish municipalities"
    );
    let mut v = tiny();
    v["municipality"]["code"] = json!(8.6);
    let e = error(v);
    assert!(
        e.starts_with(
            "portfolio JSON at `municipality.code`: a municipality code must be a whole number 0–999 or a string, not 8.6"
        ),
        "{e}"
    );
    let mut v = tiny();
    v["municipality"]["code"] = json!(null);
    assert_eq!(Portfolio::from_json(&v.to_string()).unwrap().municipality.code, None);
    // The sample still reads, and a portfolio written back reads the same.
    let p = Portfolio::sample();
    assert_eq!(Portfolio::from_json(&p.to_json()).unwrap(), p);
}

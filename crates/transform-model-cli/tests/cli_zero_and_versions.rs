//! Zero for `--top` and `--horizon` is refused with the option named (as in Python and C),
//! and every JSON the CLI writes carries `schema_version`.

mod common;

use common::{data, fails, scratch, stdout};
use serde_json::Value;

#[test]
fn zero_counts_are_refused() {
    fails(&["match", "ældre medicin i hjemmeplejen", "--top", "0"], "zero_match", &["`top`", "at least 1"]);
    fails(&["match", "ældre medicin", "--top", "0", "--similar"], "zero_similar", &["`top`"]);
    fails(&["partners", "561", "--top", "0"], "zero_partners", &["`top`", "at least 1"]);
    fails(&["portfolio", "--horizon", "0"], "zero_horizon", &["`horizon`", "1..100"]);
}

fn version(text: &str) -> Value {
    let doc: Value = serde_json::from_str(text).unwrap();
    doc["schema_version"].clone()
}

#[test]
fn json_outputs_carry_schema_version() {
    let one = Value::from(1);
    assert_eq!(version(&stdout(&["partners", "561", "--top", "2", "--format", "json"], "v_partners")), one);
    assert_eq!(version(&stdout(&["match", "ældre medicin", "--format", "json"], "v_match")), one);
    assert_eq!(version(&stdout(&["match", "ældre medicin", "--similar", "--format", "json"], "v_similar")), one);
    assert_eq!(version(&stdout(&["portfolio", "--format", "json"], "v_portfolio")), one);
    let csv = data("sample_responses.csv");
    let assessment = stdout(&["assess", &csv, "--bootstrap", "0", "--format", "json"], "v_assess");
    assert_eq!(version(&assessment), Value::from(3));
    let dir = scratch("v_compare");
    let path = dir.join("a.json");
    std::fs::write(&path, &assessment).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(version(&stdout(&["compare", p, p], "v_compare")), one);
}

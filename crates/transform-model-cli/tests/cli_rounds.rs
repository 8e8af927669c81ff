//! A re-survey on a newer model version, compared with a baseline whose role groups differ by
//! fewer than k: the comparison withholds what it must instead of refusing (issue 25's
//! release control, found by issue 27's switch to dtm 2027.1).

mod common;

use common::{scratch, tm};
use serde_json::Value;

fn run_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = tm(dir).args(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_baseline_whose_groups_moved_by_less_than_k_withholds_an_interval_rather_than_failing() {
    let dir = scratch("rounds-moved");
    let old = run_in(&dir, &["sample", "--model", "dtm@2026.1", "--respondents", "120", "--seed", "5"]);
    std::fs::write(dir.join("old.csv"), old).unwrap();
    let counts = "politician=4,top_manager=12,middle_manager=24,frontline=30,external_partner=8";
    let new = run_in(
        &dir,
        &["sample", "--model", "dtm@2027.1", "--respondents", "78", "--seed", "6", "--role-counts", counts],
    );
    std::fs::write(dir.join("new.csv"), new).unwrap();
    let earlier = run_in(&dir, &["assess", "old.csv", "--model", "dtm@2026.1", "--bootstrap", "0"]);
    std::fs::write(dir.join("old.json"), earlier).unwrap();
    let alone: Value =
        serde_json::from_str(&run_in(&dir, &["assess", "new.csv", "--model", "dtm@2027.1", "--bootstrap", "0"]))
            .unwrap();
    let compared: Value = serde_json::from_str(&run_in(
        &dir,
        &["assess", "new.csv", "--model", "dtm@2027.1", "--bootstrap", "0", "--baseline", "old.json"],
    ))
    .unwrap();
    let dims = |a: &Value| a["dimensions"].as_array().unwrap().clone();
    // Alone, every dimension has its interval; against the baseline at least one is withheld
    // (this survey: D7, whose linked spreads the moved groups pin), and withheld whole: no
    // se or df left to solve for a spread.
    assert!(dims(&alone).iter().all(|d| !d["ci"].is_null()));
    let withheld: Vec<Value> = dims(&compared).into_iter().filter(|d| d["ci"].is_null()).collect();
    assert!(!withheld.is_empty(), "the moved groups should cost an interval");
    for d in &withheld {
        assert!(d["se"].is_null() && d["df"].is_null(), "{}: interval withheld but se/df published", d["id"]);
        assert!(!d["score"].is_null(), "{}: the score itself stays", d["id"]);
    }
    assert!(
        compared["suppression"]["secondary"].as_u64().unwrap() > alone["suppression"]["secondary"].as_u64().unwrap()
    );
}

//! `assess --by` (breakdowns with disclosure control), `assess --municipality` and
//! `benchmark`, run as a user runs them.

mod common;

use common::{fails, scratch, stdout};
use serde_json::Value;
use transform_model::Model;
use transform_model::maturity::sample::sample_csv;

/// 12 frontline respondents in Social (6), Teknik (5) and Kultur (1), written to `dir`.
fn departments_csv(test: &str, seed: u64) -> String {
    let model = Model::default_model();
    let csv = sample_csv(&model, 12, seed, Some(&[0, 0, 0, 12, 0]));
    let mut lines = csv.lines();
    let mut out = format!("{},department\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        let d = if i < 6 {
            "Social"
        } else if i < 11 {
            "Teknik"
        } else {
            "Kultur"
        };
        out.push_str(&format!("{line},{d}\n"));
    }
    let path = scratch(test).join(format!("departments_{seed}.csv"));
    std::fs::write(&path, out).unwrap();
    path.display().to_string()
}

#[test]
fn by_department_suppresses_the_department_of_one_and_one_more() {
    let file = departments_csv("by_dept", 1);
    let out = stdout(&["assess", &file, "--by", "department", "--bootstrap", "0"], "by_dept");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["by"], serde_json::json!(["department"]));
    let units = v["units"].as_array().unwrap();
    let n_of = |dept: &str| units.iter().find(|u| u["department"] == dept && u["role"].is_null()).unwrap()["n"].clone();
    // Kultur (1) is under k; Teknik (5) is hidden so total − Social does not give Kultur.
    assert_eq!((n_of("Social"), n_of("Teknik"), n_of("Kultur")), (Value::from(6), Value::Null, Value::Null));
    assert!(v["suppression"]["secondary"].as_u64().unwrap() >= 1, "{}", v["suppression"]);
    // The table shows the same, Danish by default.
    let table = stdout(&["assess", &file, "--by", "department", "--bootstrap", "0", "--format", "table"], "by_dept");
    assert!(table.contains("Resultater pr. enhed"), "{table}");
    let teknik = table.lines().find(|l| l.starts_with("Teknik") && l.contains("alle")).unwrap();
    assert!(teknik.contains('–'), "{teknik}");
    let secondary = v["suppression"]["secondary"].as_u64().unwrap();
    assert!(table.contains(&format!("{secondary} tal, for at ingen skjult værdi kan regnes baglæns")), "{table}");
}

#[test]
fn bad_unit_input_is_named() {
    let file = departments_csv("bad_units", 2);
    fails(&["assess", &file, "--by", "area", "--bootstrap", "0"], "bad_units", &["`area`", "`department`"]);
    let text = std::fs::read_to_string(&file).unwrap().replacen(",Social\n", ",\n", 1);
    let empty = scratch("bad_units").join("empty.csv");
    std::fs::write(&empty, text).unwrap();
    // A blank department is no error (issue 32): the respondent is counted, "uden enhed".
    let json = stdout(&["assess", empty.to_str().unwrap(), "--by", "department", "--bootstrap", "0"], "bad_units");
    assert!(json.contains("\"uden enhed\""), "{json}");
    let text = std::fs::read_to_string(&file).unwrap().replacen(",Social\n", ",politician\n", 1);
    let role_like = scratch("bad_units").join("role_like.csv");
    std::fs::write(&role_like, text).unwrap();
    fails(&["assess", role_like.to_str().unwrap()], "bad_units", &["named like role `politician`"]);
    fails(&["assess", &file, "--municipality", "999"], "bad_units", &["`999`", "98"]);
}

/// Writes the assessment of `seed`'s survey for municipality `code`; returns its path.
fn assessment(test: &str, code: &str, seed: u64) -> String {
    let file = departments_csv(test, seed);
    let json = stdout(&["assess", &file, "--municipality", code, "--bootstrap", "0"], test);
    let path = scratch(test).join(format!("{code}_{seed}.json"));
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

#[test]
fn benchmark_of_three_municipalities() {
    let t = "benchmark";
    let files: Vec<String> = [("101", 1), ("147", 2), ("151", 3)].iter().map(|(c, s)| assessment(t, c, *s)).collect();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(v["municipality"], serde_json::json!({"code": "101", "name": "København"}));
    let mut args = vec!["benchmark"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--of", "147"]);
    let out: Value = serde_json::from_str(&stdout(&args, t)).unwrap();
    assert_eq!(out["peers"], serde_json::json!({"kind": "all", "n": 3}));
    // Each dimension: the median of three is the middle score; 147's rank is 1 + the
    // number of higher scores, read back from the three files.
    let scores: Vec<Vec<Option<f64>>> = files
        .iter()
        .map(|f| {
            let a: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            a["dimensions"].as_array().unwrap().iter().map(|d| d["score"].as_f64()).collect()
        })
        .collect();
    for (d, dim) in out["dimensions"].as_array().unwrap().iter().enumerate() {
        let mut s: Vec<f64> = scores.iter().filter_map(|x| x[d]).collect();
        if s.len() < 3 {
            assert!(dim["median"].is_null());
            continue;
        }
        s.sort_by(f64::total_cmp);
        assert_eq!(dim["median"].as_f64(), Some(s[1]));
        let mine = scores[1][d].unwrap();
        let rank = 1 + s.iter().filter(|&&x| x > mine).count();
        assert_eq!(dim["of"]["rank"].as_u64(), Some(rank as u64));
    }
    let mut table_args = args.clone();
    table_args.extend(["--format", "table"]);
    let table = stdout(&table_args, t);
    assert!(table.contains("3 kommuner (alle)"), "{table}");
    let mut csv_args = args.clone();
    csv_args.extend(["--format", "csv"]);
    assert!(stdout(&csv_args, t).starts_with("dimension,n,min,p25,median,p75,max,of_code"));
    // The same municipality twice is refused, naming both files.
    let dup = vec!["benchmark", files[0].as_str(), files[1].as_str(), files[0].as_str()];
    fails(&dup, t, &["101 appears twice", "101_1.json"]);
    // Two municipalities are too few.
    fails(&["benchmark", files[0].as_str(), files[1].as_str()], t, &["at least 3"]);
}

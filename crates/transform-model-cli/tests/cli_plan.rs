//! `transform-model plan`: the JSON equals the library's plan for the same inputs, the
//! Danish årshjul marks election and budget years, and bad options name their flag.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use transform_model::ingredient::{Catalog, Index};
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{Plan, PlanInputs, PlanOptions, plan};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

fn data(name: &str) -> String {
    format!("{}/../transform-model/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory outside the repository (one per test, so tests may run in parallel).
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transform-model-cli-plan-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tm(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("transform-model").unwrap();
    cmd.current_dir(dir).env("RUST_BACKTRACE", "1");
    cmd
}

fn stdout(args: &[&str], test: &str) -> String {
    let out = tm(&scratch(test)).args(args).assert().success().stderr("").get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

fn stderr_of_failure(args: &[&str], test: &str) -> String {
    let out = tm(&scratch(test)).args(args).assert().failure().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn json_equals_the_library_plan() {
    let responses = data("sample_responses.csv");
    let portfolio = data("portfolio.json");
    let args = ["plan", &responses, "--portfolio", &portfolio, "--start-year", "2026", "--format", "json"];
    let got = Plan::from_json(&stdout(&args, "json")).unwrap();

    let model = Model::default_model();
    let r = Responses::from_file(&model, &responses, &ReadOptions::default()).unwrap();
    let a = assess(&model, &r, &AssessOptions::default()).unwrap();
    let p = Portfolio::from_file(&portfolio).unwrap();
    let an = p
        .analyse(&{
            let mut o = AnalysisOptions::default();
            o.year = Some(2026);
            o
        })
        .unwrap();
    let index = Index::new(Catalog::sample());
    let inputs = PlanInputs { model: &model, assessment: &a, portfolio: Some((&p, &an)), index: Some(&index) };
    let want = plan(inputs, &{
        let mut o = PlanOptions::default();
        o.start_year = Some(2026);
        o
    })
    .unwrap();
    assert_eq!(got, want);
}

#[test]
fn assessment_json_without_catalog_lists_what_is_missing() {
    let dir = scratch("assessment");
    let responses = data("sample_responses.csv");
    let out = tm(&dir).args(["assess", &responses, "--bootstrap", "0"]).assert().success().get_output().clone();
    let file = dir.join("a.json");
    std::fs::write(&file, out.stdout).unwrap();
    let json = stdout(
        &["plan", file.to_str().unwrap(), "--no-catalog", "--start-year", "2027", "--format", "json"],
        "assessment",
    );
    let p = Plan::from_json(&json).unwrap();
    assert_eq!(p.start_year, 2027);
    assert!(p.missing.iter().any(|m| m.get(transform_model::Lang::En).contains("No portfolio")));
}

#[test]
fn danish_table_marks_the_election_year() {
    let responses = data("sample_responses.csv");
    let portfolio = data("portfolio.json");
    let table = stdout(&["plan", &responses, "--portfolio", &portfolio, "--elections", "2025,2029"], "table");
    assert!(table.contains("2029 (valgår"), "{table}");
    assert!(table.contains("2. behandling: budget 2027"));
    assert!(table.contains("Økonomi pr. budgetår") && table.contains("Belastning"));
    assert!(!table.contains("secure_in_budget") && !table.contains("anchor_politically"));
    let md = stdout(&["plan", &responses, "--portfolio", &portfolio, "--format", "markdown", "--lang", "en"], "md");
    assert!(md.contains("## 2029 (election year"), "{md}");
}

#[test]
fn bad_options_name_their_flag() {
    let responses = data("sample_responses.csv");
    for (args, flag) in [
        (vec!["--start-year", "2026", "--capacity-hours", "0"], "--capacity-hours"),
        (vec!["--start-year", "2026", "--years", "11"], "--years"),
        (vec!["--start-year", "1800"], "--start-year"),
        (vec!["--start-year", "2026", "--elections", "2029,2050"], "--elections"),
        (vec!["--start-year", "2026", "--department-capacity", "Direktionen=0"], "--department-capacity"),
        (vec!["--start-year", "2026", "--budget-month", "adoption=13"], "--budget-month"),
        (vec!["--start-year", "2026", "--budget-month", "hearing=11"], "--budget-month"),
        (vec!["--start-year", "2026", "--phase-out-quarters", "5"], "--phase-out-quarters"),
    ] {
        let mut all = vec!["plan", responses.as_str(), "--no-catalog"];
        all.extend(args);
        let err = stderr_of_failure(&all, "bad");
        assert!(err.contains(flag), "{flag}: {err}");
    }
    // With a portfolio, a bad start year is the plan's option, not the analysis year.
    let portfolio = data("portfolio.json");
    let err = stderr_of_failure(&["plan", &responses, "--portfolio", &portfolio, "--start-year", "1800"], "bad-year");
    assert!(err.contains("--start-year"), "{err}");
    // A department the organisation does not have is named.
    let err = stderr_of_failure(
        &["plan", &responses, "--portfolio", &portfolio, "--department-capacity", "Havnevæsen=300"],
        "bad-dept",
    );
    assert!(err.contains("Havnevæsen") && err.contains("--department-capacity"), "{err}");
    // No portfolio and no --start-year: no year to start from.
    let err = stderr_of_failure(&["plan", &responses, "--no-catalog"], "noyear");
    assert!(err.contains("start year"), "{err}");
}

#[test]
fn demo_ends_with_the_plan() {
    let out = stdout(&["demo"], "demo");
    let tail = &out[out.find("== Femårsplan").expect("plan section")..];
    for year in 2026..=2030 {
        assert!(tail.contains(&format!("\n{year}")), "{year} missing: {tail}");
    }
    assert!(tail.contains("2029 (valgår): ") && tail.contains("sikres i budgettet"), "{tail}");
    assert!(tail.contains("lukning"));
}

/// `--format xlsx`: one row per action (planned, then deferred), numbers as numbers, the
/// same figures as the JSON of the same plan; without `--output` a clear error.
#[test]
fn plan_xlsx_has_the_json_figures() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let csv = data("sample_responses.csv");
    let portfolio = data("portfolio.json");
    let args = ["plan", csv.as_str(), "--portfolio", portfolio.as_str(), "--start-year", "2026"];
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&[&args[..], &["--format", "json"]].concat(), "xlsx_json")).unwrap();
    let dir = scratch("xlsx");
    let path = dir.join("plan.xlsx");
    let path_s = path.to_str().unwrap();
    let out = stdout(&[&args[..], &["--format", "xlsx", "--output", path_s]].concat(), "xlsx");
    assert_eq!(out.trim_end(), format!("Skrev {path_s}"));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Handlinger").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("År".into()));
    let planned: Vec<(i64, &serde_json::Value)> = json["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["actions"].as_array().unwrap().iter().map(move |a| (p["year"].as_i64().unwrap(), a)))
        .collect();
    let deferred = json["deferred"].as_array().unwrap();
    assert_eq!(rows.len() - 1, planned.len() + deferred.len());
    let num = |d: &Data| match d {
        Data::Float(x) => Some(*x),
        Data::Int(x) => Some(*x as f64),
        _ => None,
    };
    for (row, (year, a)) in rows[1..].iter().zip(&planned) {
        assert_eq!(num(&row[0]), Some(*year as f64));
        // The Danish workbook numbers the actions: the JSON's `A09` is nr. 9.
        let id = a["id"].as_str().unwrap();
        assert_eq!(num(&row[2]), id[1..].parse::<f64>().ok(), "number of {id}");
        assert_eq!(num(&row[11]), a["hours"].as_f64(), "hours of {}", a["id"]);
        assert_eq!(num(&row[9]), a["budget_year"].as_f64(), "budget year of {}", a["id"]);
        assert_eq!(num(&row[10]), a["cost_kr"].as_f64(), "kroner of {}", a["id"]);
    }
    let err = stderr_of_failure(&[&args[..], &["--format", "xlsx"]].concat(), "xlsx_no_output");
    assert!(err.contains("--output"), "{err}");
}

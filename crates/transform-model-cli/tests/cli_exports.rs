//! `--format csv|xlsx` of assess, portfolio, match and plan: the exported figures are the
//! ones the same command prints as JSON, the workbook has numbers as numbers and Danish
//! headers, and a bad `--output` is an error that leaves no file.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{data, fails, scratch, stdout, tm};
use transform_model::export;
use transform_model::mission::{Portfolio, PortfolioAnalysis};
use transform_model::{Assessment, Lang};

const ASSESS: &[&str] = &["assess", "--bootstrap", "0"];

fn assess_args<'a>(extra: &[&'a str], sample: &'a str) -> Vec<&'a str> {
    let mut args = ASSESS.to_vec();
    args.push(sample);
    args.extend_from_slice(extra);
    args
}

/// The CSV the library writes for the JSON the CLI printed: the CLI's CSV must be these bytes.
fn csv_of_json_assessment(json: &str, lang: Lang) -> String {
    let a = Assessment::from_json(json).unwrap();
    let bytes = export::to_csv(&export::assessment_table(&a, lang), lang).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn assess_csv_holds_the_figures_of_its_json_in_both_languages() {
    let sample = data("sample_responses.csv");
    let json = stdout(&assess_args(&["--format", "json"], &sample), "assess-json");
    for (lang, sep) in [("da", ';'), ("en", ',')] {
        let csv = stdout(&assess_args(&["--format", "csv", "--lang", lang], &sample), "assess-csv");
        let want = csv_of_json_assessment(&json, lang.parse().unwrap());
        // stdout ends the text with one newline, as the library's CSV does.
        assert_eq!(csv, want, "{lang}");
        assert!(csv.starts_with('\u{feff}'), "BOM");
        assert_eq!(csv.lines().next().unwrap().matches(sep).count(), 8, "{lang}: nine columns");
    }
}

/// Every sheet of a workbook as rows of cells.
fn sheets(path: &std::path::Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let rows = book.worksheet_range(&n).unwrap().rows().map(<[Data]>::to_vec).collect();
            (n, rows)
        })
        .collect()
}

#[test]
fn assess_xlsx_has_danish_sheets_and_headers_and_the_json_numbers_as_numbers() {
    let sample = data("sample_responses.csv");
    let dir = scratch("assess-xlsx");
    let json = stdout(&assess_args(&["--format", "json"], &sample), "assess-xlsx-json");
    let out = dir.join("vurdering.xlsx");
    let args = assess_args(&["--format", "xlsx", "-o", out.to_str().unwrap()], &sample);
    // One line says where the workbook went.
    tm(&dir).args(&args).assert().success().stdout(format!("Skrev {}\n", out.display()));
    let book = sheets(&out);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Samlet", "Dimensioner", "Grupper", "Forskelle", "Anbefalinger"]);
    let want = export::assessment_table(&Assessment::from_json(&json).unwrap(), Lang::Da);
    for ((_, rows), section) in book.iter().zip(&want.sections) {
        assert_eq!(rows[0][4], Data::String("Nøgletal".into()));
        assert_eq!(rows.len(), section.rows.len() + 1, "{}", section.name);
        for (got, row) in rows[1..].iter().zip(&section.rows) {
            for (cell, want) in got.iter().zip(row) {
                match want {
                    export::Cell::Number(x) => assert_eq!(cell, &Data::Float(*x)),
                    export::Cell::Text(s) if !s.is_empty() => assert_eq!(cell, &Data::String(s.clone())),
                    _ => assert_eq!(cell, &Data::Empty),
                }
            }
        }
    }
}

#[test]
fn portfolio_and_match_exports_equal_their_json() {
    let dir = scratch("portfolio-match");
    let json = stdout(&["portfolio", "--format", "json"], "portfolio-json");
    let analysis: PortfolioAnalysis = serde_json::from_str(&json).unwrap();
    let csv = stdout(&["portfolio", "--format", "csv", "--lang", "da"], "portfolio-csv");
    let want = export::to_csv(&export::portfolio_table(&Portfolio::sample(), &analysis, Lang::Da), Lang::Da).unwrap();
    assert_eq!(csv.as_bytes(), want.as_slice());

    let problem = "Flere ledige i vores boligområder skal i job";
    let json = stdout(&["match", problem, "--format", "json", "--similar"], "match-json");
    let report: transform_model::ingredient::MatchReport = serde_json::from_str(&json).unwrap();
    let out = dir.join("match.xlsx");
    tm(&dir)
        .args(["match", problem, "--similar", "--format", "xlsx", "--lang", "en", "-o"])
        .arg(&out)
        .assert()
        .success();
    let table = export::match_table(&report.result, Some(&report.similar.interventions), Lang::En);
    let book = sheets(&out);
    assert_eq!(book.len(), table.sections.len());
    let ingredients = &book[1].1;
    assert_eq!(book[1].0, "Ingredients");
    let first = &report.result.ingredients[0];
    let score =
        ingredients.iter().find(|r| r[1] == Data::String(first.id.clone()) && r[4] == Data::String("score".into()));
    assert_eq!(score.unwrap()[5], Data::Float(first.score));
}

#[test]
fn plan_csv_has_one_row_per_action_of_its_json() {
    let sample = data("sample_responses.csv");
    let portfolio = data("portfolio.json");
    let base = ["plan", sample.as_str(), "--portfolio", portfolio.as_str()];
    let json = stdout(&[&base[..], &["--format", "json"]].concat(), "plan-json");
    let plan = transform_model::plan::Plan::from_json(&json).unwrap();
    let csv = stdout(&[&base[..], &["--format", "csv", "--lang", "da"]].concat(), "plan-csv");
    let want = export::to_csv(&export::plan_table(&plan, Lang::Da), Lang::Da).unwrap();
    assert_eq!(csv.as_bytes(), want.as_slice());
    let table = export::plan_table(&plan, Lang::Da);
    let actions = plan.actions().count() + plan.deferred.len();
    assert_eq!(table.sections[0].rows.len(), actions);
    assert_eq!(csv.lines().count(), table.rows().count() + 1);
    assert!(csv.contains("Budgetår i alt") && csv.contains("Merudgift (kr.)"));
}

#[test]
fn a_bad_output_is_a_clear_error_and_leaves_no_file() {
    let sample = data("sample_responses.csv");
    let dir = scratch("bad-output");
    fails(&assess_args(&["--format", "xlsx"], &sample), "bad-output", &["--output"]);
    let missing = dir.join("mangler").join("a.csv");
    let m = missing.to_str().unwrap();
    fails(&assess_args(&["--format", "csv", "-o", m], &sample), "bad-output", &["mangler", "does not exist"]);
    assert!(!missing.exists());
    fails(&["portfolio", "--format", "json", "-o", m], "bad-output", &["does not exist"]);
    let plan = ["plan", &sample, "--start-year", "2026", "--format", "csv", "-o", m];
    fails(&plan, "bad-output", &["mangler", "does not exist"]);
    // A path that is a folder cannot be replaced by a file: an error, nothing left over.
    let folder = dir.join("a-folder.xlsx");
    std::fs::create_dir_all(&folder).unwrap();
    let f = folder.to_str().unwrap();
    fails(&assess_args(&["--format", "xlsx", "-o", f], &sample), "bad-output", &["cannot write", "a-folder.xlsx"]);
    assert!(folder.is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("a-folder.xlsx")]);
    // A failing command leaves an existing output as it was.
    let existing = dir.join("old.csv");
    std::fs::write(&existing, "old").unwrap();
    let args = ["assess", "no-such-responses.csv", "--format", "csv", "-o", existing.to_str().unwrap()];
    fails(&args, "bad-output", &["no-such-responses.csv"]);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "old");
}

//! One Danish voice: every Danish output of the CLI — the report, the tables of `assess`,
//! `portfolio`, `match` and `plan`, the plan's markdown, csv and xlsx, and the demo — read for
//! English words, ids (D3, M2, P05, A09, start1, greb3), dots as decimal separators,
//! "1 handlinger"-style plurals, counts of zero, doubled phrases and the Ordliste's jargon
//! (REPORT.md; docs/ordliste.md). Ids and method terms are allowed in the report's method
//! appendix only.
//!
//! The checker and its word lists are shared with the C ABI's and the Python face's language
//! tests (tests/danish/). The allow-list below holds only the plan's own texts (issue 29),
//! each a known finding to be fixed there; it is to be emptied, never grown.

mod common;

use std::path::Path;

use common::*;

#[path = "../../../tests/danish/check.rs"]
mod check;

use check::violations;

/// The text a reader sees in an HTML page, cells and blocks on their own lines; without the
/// style sheet and, when `appendix` is false, without the method appendix.
fn visible_text(html: &str) -> String {
    let body = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    };
    let body = match body.find("aria-labelledby=\"s-method\"") {
        Some(at) => body[..at].to_owned(),
        None => body,
    };
    let mut out = String::new();
    let mut tag = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' => {
                in_tag = false;
                let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("").to_owned();
                let block =
                    ["p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "caption", "text", "tspan", "title", "desc"];
                out.push(if block.contains(&name.as_str()) { '\n' } else { ' ' });
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
}

/// The shared strings of an xlsx workbook: the texts a reader sees in its cells.
fn xlsx_text(path: &Path) -> String {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                if let calamine::Data::String(s) = cell {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn the_checker_finds_each_kind_of_slip_and_passes_plain_danish() {
    let found = violations(
        "closed 1, P01 spread; afstand til målet 0.54 point; dtm 2026.2; 1 handlinger; 0 udskudt\n\
         for tidligt at vurdere for tidligt at vurdere; Herfindahl; katalogmatch; start1; greb3; k = 5; løft\n\
         spørgsmål D3_2; greb 9 først; Start 3: begynd",
    );
    for expected in [
        "engelsk: closed",
        "engelsk: spread",
        "id: P01",
        "decimalpunktum: 0.54",
        "decimalpunktum: 2026.2",
        "flertal: 1 handlinger",
        "nul: 0 udskudt",
        "gentaget: for tidligt at vurdere",
        "fagsprog: herfindahl",
        "fagsprog: katalogmatch",
        "id: start1",
        "id: greb3",
        "fagsprog: k = ",
        "fagsprog: løft",
        "id: D3_2",
        "id: greb 9",
        "id: start 3",
    ] {
        assert!(found.contains(&expected.to_owned()), "missed `{expected}` in {found:?}");
    }
    let clean = "Kommunen er på niveau 2 af 5, »Projektkommune«, på vej mod niveau 3. 1 handling; 3 indsatser; \
                 1.000 dage; 12.500.000 kr.; 2,71; 8. klasse; udbredelse; Byrådets medlemmer; 29. november 2026; \
                 Model: Dansk model (dtm, version 2026.2)";
    assert!(violations(clean).is_empty(), "{:?}", violations(clean));
}

/// Findings allowed in an output family, each to be fixed where it is made: none. A new entry
/// needs a reason in a comment. (output family, the finding's start)
const KNOWN: &[(&str, &str)] = &[];

fn allowed(output: &str, finding: &str) -> bool {
    let family = output.split('-').next().unwrap_or(output);
    KNOWN.iter().any(|(o, f)| (*o == family || (family == "demo" && *o == "plan")) && finding.starts_with(f))
}

/// A survey of 40 on an explicit model and seed with a department column (20 Social,
/// 17 Teknik, 3 Kultur: one department under k), assessed by department to JSON; returns the
/// CSV's and the assessment's paths.
fn departments_survey(dir: &Path) -> (String, String) {
    let csv = stdout(&["sample", "--respondents", "40", "--seed", "2027", "--model", MODEL], "danish_voice");
    let mut lines = csv.lines();
    let mut text = format!("{},department\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        let d = if i < 20 {
            "Social"
        } else if i < 37 {
            "Teknik"
        } else {
            "Kultur"
        };
        text.push_str(&format!("{line},{d}\n"));
    }
    let survey = dir.join("departments.csv");
    std::fs::write(&survey, text).unwrap();
    let json = dir.join("departments.json");
    tm(dir)
        .args(["assess", survey.to_str().unwrap(), "--model", MODEL, "--by", "department", "--bootstrap", "20"])
        .args(["--output", json.to_str().unwrap()])
        .assert()
        .success();
    (survey.display().to_string(), json.display().to_string())
}

/// The model of the departments survey, named explicitly (the default model changes).
const MODEL: &str = "dtm@2026.2";

#[test]
fn every_danish_output_is_danish() {
    let dir = scratch("danish_voice");
    let responses = data("sample_responses.csv");
    let portfolio = data("portfolio.json");
    let catalog = data("catalog.json");
    let report = dir.join("report.html");
    tm(&dir)
        .args([
            "report",
            &responses,
            "--portfolio",
            &portfolio,
            "--catalog",
            &catalog,
            "--plan",
            "--invited",
            "politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30",
            "--out",
            report.to_str().unwrap(),
        ])
        .assert()
        .success();
    let xlsx = dir.join("plan.xlsx");
    tm(&dir)
        .args(["plan", &responses, "--portfolio", &portfolio, "--format", "xlsx", "--output", xlsx.to_str().unwrap()])
        .assert()
        .success();
    let (survey, assessed) = departments_survey(&dir);
    let units_report = dir.join("units.html");
    tm(&dir).args(["report", &assessed, "--model", MODEL, "--out", units_report.to_str().unwrap()]).assert().success();
    let plan =
        |format: &str| stdout(&["plan", &responses, "--portfolio", &portfolio, "--format", format], "danish_voice");
    let outputs = [
        ("report", visible_text(&std::fs::read_to_string(&report).unwrap())),
        ("assess", stdout(&["assess", &responses, "--bootstrap", "20", "--format", "table"], "danish_voice")),
        ("report-units", visible_text(&std::fs::read_to_string(&units_report).unwrap())),
        (
            "assess-units",
            stdout(
                &["assess", &survey, "--model", MODEL, "--by", "department", "--bootstrap", "20", "--format", "table"],
                "danish_voice",
            ),
        ),
        ("portfolio", stdout(&["portfolio", &portfolio, "--format", "table"], "danish_voice")),
        (
            "match",
            stdout(
                &[
                    "match",
                    "Flere ledige skal i arbejde",
                    "--catalog",
                    &catalog,
                    "--context",
                    "urbanity=rural",
                    "--similar",
                ],
                "danish_voice",
            ),
        ),
        ("demo", stdout(&["demo", "--lang", "da"], "danish_voice")),
        ("plan-table", plan("table")),
        ("plan-markdown", plan("markdown")),
        ("plan-csv", plan("csv")),
        ("plan-xlsx", xlsx_text(&xlsx)),
    ];
    let mut failures = Vec::new();
    for (name, text) in &outputs {
        let hits: Vec<String> = violations(text).into_iter().filter(|f| !allowed(name, f)).collect();
        if !hits.is_empty() {
            failures.push(format!("`{name}`: {hits:?}"));
        }
    }
    assert!(failures.is_empty(), "not Danish:\n{}", failures.join("\n"));
}

//! `transform-model report`: the HTML carries the assessment JSON's figures written the
//! Danish way, is self-contained, leaves the seed out, and bad input (a missing folder, an
//! unwritable path, another model's assessment) is a clear error with no file left behind.
//! The paper's own options (municipality, committee, meeting date, survey period, status)
//! are checked before anything is written. The Danish-language test is cli_danish.rs.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const INVITED: &str = "politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30";

/// Writes the sample assessment (bootstrap 20, seed `seed`) as JSON into `dir`.
fn assessment_json(dir: &Path, seed: &str) -> (String, Value) {
    let path = dir.join("assessment.json");
    let out = tm(dir)
        .args(["assess", &data("sample_responses.csv"), "--bootstrap", "20", "--seed", seed])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    std::fs::write(&path, &out).unwrap();
    (path.display().to_string(), serde_json::from_slice(&out).unwrap())
}

fn report(dir: &Path, args: &[&str]) -> String {
    let out = dir.join("report.html");
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", out.to_str().unwrap()]);
    // `--out` is the hidden alias of `-o/--output`; success is one line naming the file.
    let said = tm(dir).args(&all).assert().success().stderr("").get_output().stdout.clone();
    let said = String::from_utf8(said).unwrap();
    assert!(said == format!("Skrev {}\n", out.display()) || said == format!("Wrote {}\n", out.display()), "{said}");
    std::fs::read_to_string(out).unwrap()
}

/// A reference formatting, written independently of the library: one decimal, comma.
fn danish_1(x: f64) -> String {
    format!("{x:.1}").replace('.', ",").replace('-', "−")
}

/// The bundled model's plain Danish dimension names, read from the model JSON itself.
fn plain_names() -> Vec<(String, String)> {
    let model: Value = serde_json::from_str(&transform_model::Model::default_model().to_json()).unwrap();
    model["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap().to_owned(), d["label_plain"]["da"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn the_dimension_table_has_the_json_scores_with_a_decimal_comma() {
    let dir = scratch("figures");
    let (path, json) = assessment_json(&dir, "3");
    let html = report(&dir, &[&path]);
    let names = plain_names();
    for d in json["dimensions"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        let name = &names.iter().find(|(i, _)| i == id).unwrap().1;
        let score = danish_1(d["score"].as_f64().unwrap());
        let row = format!("<td>{name}</td><td class=\"num\">{score}</td>");
        assert!(html.contains(&row), "no row `{row}`");
        let [lo, hi] = [d["ci"][0].as_f64().unwrap(), d["ci"][1].as_f64().unwrap()];
        let between = format!("<td>mellem {} og {}</td>", danish_1(lo), danish_1(hi));
        assert!(html.contains(&between), "no interval `{between}` for {id}");
    }
}

#[test]
fn page_one_gives_the_response_rate_from_the_invited_counts_and_the_anonymity_rule() {
    let dir = scratch("rate");
    let (path, json) = assessment_json(&dir, "3");
    let html = report(&dir, &[&path, "--invited", INVITED]);
    let answered = json["n_respondents"].as_u64().unwrap() + json["excluded_for_anonymity"].as_u64().unwrap();
    let invited = 27 + 12 + 40 + 120 + 30;
    let pct = (100.0 * answered as f64 / invited as f64).round();
    let sentence = format!("{answered} af {invited} inviterede svarede ({pct} pct.)");
    assert!(html.contains(&sentence), "no `{sentence}`");
    let excluded = json["excluded_for_anonymity"].as_u64().unwrap();
    assert!(excluded > 0, "the sample leaves small groups out");
    assert!(html.contains(&format!("{excluded} besvarelser indgår ikke, da gruppen havde færre end 5 svar")));
    // The politicians (4 in the sample) are under k: named as missing (in the Ordliste's
    // words), never with a count.
    assert!(html.contains("Byrådets medlemmer indgår ikke, da færre end 5 svarede."));
}

#[test]
fn the_report_is_self_contained_has_one_h1_and_leaves_the_seed_out() {
    let dir = scratch("selfcontained");
    let (path, json) = assessment_json(&dir, "987654321");
    assert_eq!(json["bootstrap"]["seed"], 987654321);
    let html =
        report(&dir, &[&path, "--portfolio", &data("portfolio.json"), "--catalog", &data("catalog.json"), "--plan"]);
    assert!(!html.contains("987654321"), "the seed is in the report");
    assert!(!html.to_lowercase().contains("<script"));
    for attr in ["src=", "href=", "@import", "url(http"] {
        assert!(!html.contains(attr), "external reference `{attr}`");
    }
    // The only URL is the SVG namespace.
    assert_eq!(html.matches("http").count(), html.matches("http://www.w3.org/2000/svg").count());
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"da\">"));
    for title in ["Resumé", "Indstilling", "Porteføljen af indsatser", "Planen", "Bilag 7: Metode"] {
        assert!(html.contains(title), "no section `{title}`");
    }
    // Every chart has its title and description.
    assert_eq!(html.matches("<svg").count(), html.matches("<title>").count() - 1);
    assert_eq!(html.matches("<svg").count(), html.matches("<desc>").count());
}

#[test]
fn english_on_request() {
    let dir = scratch("english");
    let html = report(&dir, &[&data("sample_responses.csv"), "--lang", "en"]);
    assert!(html.contains("<html lang=\"en\">") && html.contains("The executive board recommends that"));
    assert!(!html.contains("Direktionen indstiller"));
}

#[test]
fn a_missing_folder_is_named_and_nothing_is_written() {
    let dir = scratch("missing_folder");
    let out = dir.join("no-such-folder").join("r.html");
    fails(
        &["report", &data("sample_responses.csv"), "--out", out.to_str().unwrap()],
        "missing_folder",
        &["no-such-folder", "does not exist"],
    );
    assert!(!out.parent().unwrap().exists());
}

#[test]
fn an_unwritable_path_is_an_error_and_leaves_no_temporary_file() {
    // A directory where the file should go: no user (not even root) can replace it by a file.
    let dir = scratch("unwritable");
    let target = dir.join("taken");
    std::fs::create_dir_all(&target).unwrap();
    let before: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    fails(
        &["report", &data("sample_responses.csv"), "--out", target.to_str().unwrap()],
        "unwritable",
        &["cannot write", "taken"],
    );
    let after: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(before, after, "a temporary file was left behind");
    assert!(target.is_dir());
}

#[test]
fn an_assessment_of_another_model_is_refused_and_an_old_report_is_kept() {
    let dir = scratch("other_model");
    let ci = tm(&dir)
        .args(["assess", &data("sample_responses_ci.csv"), "--model", "ci", "--bootstrap", "0"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let path = dir.join("ci.json");
    std::fs::write(&path, ci).unwrap();
    let out = dir.join("report.html");
    std::fs::write(&out, "old report").unwrap();
    fails(
        &["report", path.to_str().unwrap(), "--out", out.to_str().unwrap()],
        "other_model",
        &["model `ci@", "not on `dtm@"],
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old report");
}

#[test]
fn invited_counts_are_checked() {
    let path = data("sample_responses.csv");
    fails(
        &["report", &path, "--invited", "politican=3", "--out", "r.html"],
        "invited_typo",
        &["politican", "politician"],
    );
    fails(&["report", &path, "--invited", "frontline=x", "--out", "r.html"], "invited_count", &["`x`", "frontline"]);
    fails(
        &["report", &path, "--invited", "frontline=2", "--out", "r.html"],
        "invited_few",
        &["frontline", "2 invited"],
    );
}

#[test]
fn bad_paper_options_are_named_and_nothing_is_written() {
    let dir = scratch("paper_options");
    let out = dir.join("r.html");
    let csv = data("sample_responses.csv");
    let o = out.to_str().unwrap();
    let cases: [(&[&str], &[&str]); 5] = [
        (&["--municipality", "Atlantis"], &["--municipality", "`Atlantis`", "98"]),
        (&["--municipality", "Ringkøbing"], &["`Ringkøbing`", "did you mean `Ringkøbing-Skjern`"]),
        (
            &["--survey-period", "2026-03-02..2026-03-20", "--meeting-date", "2026-03-10"],
            &["meeting date 2026-03-10", "before the survey ended (2026-03-20)"],
        ),
        (&["--status", "godkendelse"], &["--status", "`godkendelse`", "beslutning", "orientering"]),
        (&["--meeting-date", "2026-02-30"], &["--meeting-date", "`2026-02-30`", "no such day"]),
    ];
    for (i, (flags, needles)) in cases.iter().enumerate() {
        let mut args = vec!["report", csv.as_str(), "--out", o];
        args.extend_from_slice(flags);
        fails(&args, &format!("paper_options_{i}"), needles);
        assert!(!out.exists(), "a report was written for {flags:?}");
    }
}

#[test]
fn the_paper_takes_its_municipality_committee_meeting_and_period() {
    let dir = scratch("paper_inputs");
    let html = report(
        &dir,
        &[
            &data("sample_responses.csv"),
            "--municipality",
            "751",
            "--committee",
            "Børne- og Ungeudvalget",
            "--meeting-date",
            "2026-05-12",
            "--survey-period",
            "2026-03-02..2026-03-20",
            "--status",
            "orientering",
        ],
    );
    assert!(html.contains("<h1>Aarhus Kommune: modenhedsmåling og forslag til næste skridt</h1>"));
    assert!(
        html.contains("<span>Børne- og Ungeudvalget</span><span>Mødet 12. maj 2026</span><span>Til orientering</span>")
    );
    assert!(html.contains("Målingen blev gennemført 2.–20. marts 2026."));
    assert!(html.contains("<li>orienteringen tages til efterretning.</li>"));
}

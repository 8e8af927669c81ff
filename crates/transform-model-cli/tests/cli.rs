//! The `transform-model` binary, run from a scratch directory outside the repository with
//! absolute paths to the bundled data: every subcommand's output is a serialised library
//! type (read back with the library's own readers and compared with the library's result),
//! and bad input exits non-zero with a message naming what was wrong, never a panic.

mod common;

use predicates::prelude::*;
use transform_model::ingredient::{Catalog, Index, MatchOptions, MatchResult, Partner, Query};
use transform_model::mission::{AnalysisOptions, Portfolio, PortfolioAnalysis};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

use common::{data, fails, scratch, stdout, tm};

fn sample_responses(model: &Model) -> Responses {
    Responses::from_csv_file(model, data("sample_responses.csv"), &ReadOptions::default()).unwrap()
}

// ---------- model ----------

#[test]
fn model_json_is_the_model() {
    let text = stdout(&["model", "--format", "json"], "model_json");
    let model = Model::from_json(&text).unwrap();
    let default = Model::default_model();
    assert_eq!(model.id(), default.id());
    assert_eq!(model.version(), default.version());
    assert_eq!(model.dimensions().len(), 10);
    assert_eq!(model.to_json(), default.to_json());
}

#[test]
fn model_markdown_has_danish_headings() {
    let text = stdout(&["model", "--format", "markdown"], "model_md");
    assert!(text.starts_with("# Fra driftskommune til transformativ kommune"), "{text}");
    assert!(text.contains("## Niveauer"), "{text}");
}

#[test]
fn model_bad_input_is_named() {
    fails(&["model", "--model", "/no/such/model.json"], "model_bad", &["/no/such/model.json"]);
    fails(&["model", "--overlay", "/no/such/overlay.json"], "model_bad", &["/no/such/overlay.json"]);
    fails(&["model", "--format", "yaml"], "model_bad", &["yaml", "--format"]);
}

// ---------- assess ----------

#[test]
fn assess_json_is_the_library_assessment() {
    let path = data("sample_responses.csv");
    let text = stdout(&["assess", &path, "--bootstrap", "50", "--seed", "7"], "assess_json");
    let cli = Assessment::from_json(&text).unwrap();
    assert_eq!(cli.schema_version, 3);
    assert_eq!(cli.dimensions.len(), 10);
    // The scoring contract fields are there by name.
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(raw["dimensions"][0].get("level_probabilities").is_some(), "{text}");
    assert!(raw["warnings"].as_array().unwrap().iter().all(|w| w.get("kind").is_some()), "{text}");
    // Exactly what the library computes with the same options.
    let model = Model::default_model();
    let mut options = AssessOptions::default();
    options.bootstrap = 50;
    options.seed = 7;
    let library = assess(&model, &sample_responses(&model), &options).unwrap();
    assert_eq!(cli, library);
}

#[test]
fn assess_table_has_headings_in_the_chosen_language() {
    let path = data("sample_responses.csv");
    let da = stdout(&["assess", &path, "--bootstrap", "0", "--format", "table"], "assess_table");
    assert!(da.contains("Samlet niveau:"), "{da}");
    assert!(da.contains("Dimension") && da.contains("Niveau"), "{da}");
    let en = stdout(&["assess", &path, "--bootstrap", "0", "--format", "table", "--lang", "en"], "assess_table");
    assert!(en.contains("Overall level:"), "{en}");
}

#[test]
fn assess_baseline_round_trips_through_a_file() {
    let dir = scratch("assess_baseline");
    let path = data("sample_responses.csv");
    let earlier = stdout(&["assess", &path, "--bootstrap", "0"], "assess_baseline");
    std::fs::write(dir.join("earlier.json"), &earlier).unwrap();
    // A relative path: resolved against the working directory (the scratch dir), not the repo.
    let text = stdout(&["assess", &path, "--bootstrap", "0", "--baseline", "earlier.json"], "assess_baseline");
    let now = Assessment::from_json(&text).unwrap();
    assert!(now.baseline.is_some(), "{text}");
    fails(&["assess", &path, "--baseline", "/no/such/earlier.json"], "assess_baseline", &["/no/such/earlier.json"]);
}

#[test]
fn assess_bad_input_is_named() {
    let path = data("sample_responses.csv");
    fails(&["assess", "/no/such/responses.csv"], "assess_bad", &["/no/such/responses.csv"]);
    fails(&["assess", &path, "--weighting", "heavy"], "assess_bad", &["heavy", "--weighting"]);
    fails(&["assess", &path, "--format", "xml"], "assess_bad", &["xml", "--format"]);
    fails(
        &["assess", &path, "--min-group-size", "2"],
        "assess_bad",
        &["min_group_size", "2 is below 3", "--min-group-size"],
    );
    fails(&["assess", &path, "--min-group-size", "4"], "assess_bad", &["min_group_size", "--allow-small-groups"]);
    fails(&["assess", &path, "--min-common-items", "0"], "assess_bad", &["min_common_items", "--min-common-items"]);
}

#[test]
fn assess_small_groups_only_when_allowed() {
    let path = data("sample_responses.csv");
    let text = stdout(&["assess", &path, "--bootstrap", "0", "--min-group-size", "4", "--allow-small-groups"], "small");
    assert_eq!(Assessment::from_json(&text).unwrap().min_group_size, 4);
}

#[test]
fn assess_unknown_column_names_it_and_hints_at_ignore_column() {
    let dir = scratch("assess_column");
    let csv = std::fs::read_to_string(data("sample_responses.csv")).unwrap();
    // Append a column `timestamp` to every line.
    let with_extra: String = csv
        .lines()
        .enumerate()
        .map(|(i, line)| if i == 0 { format!("{line},timestamp\n") } else { format!("{line},x\n") })
        .collect();
    let file = dir.join("extra.csv");
    std::fs::write(&file, with_extra).unwrap();
    let file = file.to_str().unwrap();
    fails(&["assess", file], "assess_column", &["timestamp", "--ignore-column"]);
    // The hint works: skipping the column gives the same assessment as the plain file.
    let skipped = stdout(&["assess", file, "--bootstrap", "0", "--ignore-column", "timestamp"], "assess_column");
    let plain = stdout(&["assess", &data("sample_responses.csv"), "--bootstrap", "0"], "assess_column");
    assert_eq!(Assessment::from_json(&skipped).unwrap(), Assessment::from_json(&plain).unwrap());
}

// ---------- sample ----------

#[test]
fn sample_csv_reads_back_as_responses() {
    let text = stdout(&["sample", "--respondents", "7", "--seed", "3"], "sample");
    let model = Model::default_model();
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    assert_eq!(responses.len(), 7);
    assert_eq!(text, stdout(&["sample", "--respondents", "7", "--seed", "3"], "sample"));
    assert_ne!(text, stdout(&["sample", "--respondents", "7", "--seed", "4"], "sample"));
}

#[test]
fn sample_role_counts_are_kept() {
    let text = stdout(&["sample", "--respondents", "5", "--role-counts", "politician=2,frontline=3"], "roles");
    let model = Model::default_model();
    let responses = Responses::from_csv_str(&model, &text, &ReadOptions::default()).unwrap();
    let count = |role: &str| {
        let r = model.role_index(role).unwrap();
        (0..responses.len()).filter(|&i| responses.role_of(i) == Some(r)).count()
    };
    assert_eq!((responses.len(), count("politician"), count("frontline")), (5, 2, 3));
}

#[test]
fn sample_bad_input_is_named() {
    fails(&["sample", "--respondents", "5", "--role-counts", "mayor=5"], "sample_bad", &["unknown role `mayor`"]);
    fails(
        &["sample", "--respondents", "5", "--role-counts", "politician"],
        "sample_bad",
        &["`politician` is not ROLE=N"],
    );
    fails(&["sample", "--respondents", "many"], "sample_bad", &["many", "--respondents"]);
    fails(&["sample"], "sample_bad", &["--respondents"]);
}

// ---------- portfolio ----------

#[test]
fn portfolio_json_is_the_library_analysis() {
    let text = stdout(&["portfolio", &data("portfolio.json"), "--format", "json"], "portfolio");
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in ["year", "horizon", "alignment", "coverage", "mission_quality", "closure_candidates", "balance"] {
        assert!(raw.get(key).is_some(), "no `{key}` in {text}");
    }
    let cli: PortfolioAnalysis = serde_json::from_value(raw).unwrap();
    let library = Portfolio::sample().analyse(&AnalysisOptions::default()).unwrap();
    assert_eq!(cli, library);
    // No file: the bundled sample, the same analysis.
    let bundled: PortfolioAnalysis =
        serde_json::from_str(&stdout(&["portfolio", "--format", "json"], "portfolio")).unwrap();
    assert_eq!(bundled, library);
}

#[test]
fn portfolio_table_has_danish_headings() {
    let text = stdout(&["portfolio"], "portfolio_table");
    assert!(text.contains("analyseår") && text.contains("Missioner: dækning og kvalitet"), "{text}");
}

#[test]
fn portfolio_bad_input_is_named() {
    fails(&["portfolio", "/no/such/portfolio.json"], "portfolio_bad", &["/no/such/portfolio.json"]);
    fails(&["portfolio", "--horizon", "soon"], "portfolio_bad", &["soon", "--horizon"]);
}

// ---------- match ----------

const PROBLEM: &str = "Flere ledige i vores boligområder skal i job";

fn library_match(top: usize) -> (Index, Query, MatchOptions) {
    let query = Query { text: PROBLEM.into(), ..Query::default() };
    (Index::new(Catalog::sample()), query, {
        let mut o = MatchOptions::default();
        o.top = top;
        o
    })
}

#[test]
fn match_json_is_the_library_result() {
    let text = stdout(&["match", PROBLEM, "--top", "3", "--format", "json"], "match_json");
    let cli: MatchResult = serde_json::from_str(&text).unwrap();
    let (index, query, options) = library_match(3);
    assert_eq!(cli, index.match_query(&query, &options).unwrap());
}

/// Regression: `retrieved` was the number of ingredients shown, assembled by hand with `json!`.
/// Now the output is the library's `MatchReport` (result + similar interventions).
#[test]
fn match_similar_json_is_the_library_report() {
    let text = stdout(&["match", PROBLEM, "--top", "2", "--similar", "--format", "json"], "match_similar");
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (index, query, options) = library_match(2);
    let library = index.match_report(&query, &options).unwrap();
    // The test only means something when fewer ingredients are shown than interventions retrieved.
    assert!(library.result.retrieved > library.result.ingredients.len(), "{library:?}");
    assert_eq!(raw["retrieved"], serde_json::json!(library.result.retrieved));
    let versioned: serde_json::Value = serde_json::from_str(&library.to_json()).unwrap();
    assert_eq!(raw, versioned);
}

#[test]
fn match_table_has_danish_headings() {
    let text = stdout(&["match", PROBLEM, "--top", "2", "--similar"], "match_table");
    assert!(text.contains("gode match fundet i kataloget"), "{text}");
    assert!(text.contains("kilder:"), "{text}");
}

#[test]
fn match_bad_input_is_named() {
    fails(&["match", PROBLEM, "--context", "urbanity"], "match_bad", &["--context", "`urbanity` is not KEY=VALUE"]);
    fails(&["match", PROBLEM, "--catalog", "/no/such/catalog.json"], "match_bad", &["/no/such/catalog.json"]);
    fails(&["match", PROBLEM, "--lang", "xx"], "match_bad", &["xx", "--lang"]);
    fails(&["match"], "match_bad", &["<PROBLEM>"]);
}

// ---------- partners ----------

#[test]
fn partners_json_is_the_library_result() {
    let text =
        stdout(&["partners", "901", "--catalog", &data("catalog.json"), "--top", "2", "--format", "json"], "partners");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["schema_version"], serde_json::json!(1));
    let cli: Vec<Partner> = serde_json::from_value(doc["partners"].clone()).unwrap();
    let library = Index::new(Catalog::sample()).partners("901", 2).unwrap();
    assert_eq!(cli, library);
    assert_eq!(cli.len(), 2);
}

#[test]
fn partners_table_lists_each_partner() {
    let library = Index::new(Catalog::sample()).partners("901", 3).unwrap();
    let text = stdout(&["partners", "901"], "partners_table");
    for p in &library {
        assert!(text.contains(&format!("{} {}", p.code, p.name)), "no {} in {text}", p.code);
    }
}

#[test]
fn partners_bad_input_is_named() {
    fails(&["partners", "999"], "partners_bad", &["`999`"]);
    fails(&["partners", "901", "--catalog", "/no/such/catalog.json"], "partners_bad", &["/no/such/catalog.json"]);
}

// ---------- catalog-import ----------

const INGREDIENTS_CSV: &str = "id,name_da,name_en,description_da,description_en,category,tags\n\
A,Mentor,Mentor,,,relation,mentor;støtte\nB,Praktik,Placement,,,job,\n";
const INTERVENTIONS_CSV: &str = "id,title,description,municipality_code,municipality_name,year,area,target_groups,problems,urbanity,population_band,ingredients,evidence_level,evidence_label,outcome,transfer\n\
I1,Job,ledige unge i job,901,Havbjerg,2021,beskæftigelse,unge;ledige,ledighed,rural,30-60.000,A:1;B:0.5,2,lokal,positive,context_dependent\n";

#[test]
fn catalog_import_is_the_library_catalog() {
    let dir = scratch("import");
    std::fs::write(dir.join("ingredients.csv"), INGREDIENTS_CSV).unwrap();
    std::fs::write(dir.join("interventions.csv"), INTERVENTIONS_CSV).unwrap();
    let text = stdout(&["catalog-import", "ingredients.csv", "interventions.csv"], "import");
    let cli = Catalog::from_json(&text).unwrap();
    assert_eq!(cli, Catalog::from_csv(INGREDIENTS_CSV, INTERVENTIONS_CSV).unwrap());
    assert_eq!(cli.interventions().len(), 1);
}

#[test]
fn catalog_import_bad_input_is_named() {
    let dir = scratch("import_bad");
    std::fs::write(dir.join("ingredients.csv"), INGREDIENTS_CSV).unwrap();
    std::fs::write(dir.join("interventions.csv"), INTERVENTIONS_CSV.replace("positive", "great")).unwrap();
    fails(&["catalog-import", "ingredients.csv", "interventions.csv"], "import_bad", &["column `outcome`", "great"]);
    fails(&["catalog-import", "ingredients.csv", "/no/such/iv.csv"], "import_bad", &["/no/such/iv.csv"]);
}

// ---------- catalog-sample ----------

#[test]
fn catalog_sample_is_the_library_sample() {
    let text = stdout(&["catalog-sample", "--interventions", "5", "--seed", "2"], "catalog_sample");
    let cli = Catalog::from_json(&text).unwrap();
    assert_eq!(cli.interventions().len(), 5);
    assert_eq!(cli.def(), &transform_model::ingredient::sample::sample_catalog(5, 2));
    fails(&["catalog-sample", "--interventions", "-1"], "catalog_sample", &["--interventions"]);
}

// ---------- demo ----------

#[test]
fn demo_prints_all_three_parts() {
    let text = stdout(&["demo"], "demo");
    for heading in [
        "== Modenhed (indbygget eksempelkommune, til illustration) / Maturity",
        "Samlet niveau / Overall level:",
        "== Missioner og portefølje (fiktiv kommune, til illustration) / Missions and portfolio",
        "== Virksomme ingredienser (eksempelkatalog, til illustration) / Active ingredients",
    ] {
        assert!(text.contains(heading), "no `{heading}` in {text}");
    }
}

#[test]
fn unknown_subcommand_is_refused() {
    fails(&["evaluate"], "unknown", &["evaluate"]);
    tm(&scratch("unknown")).arg("--help").assert().success().stdout(predicate::str::contains("catalog-import"));
}

/// A reader that stops early (`| head`) ends the output quietly; it used to panic in `println!`.
#[test]
fn closed_stdout_is_not_a_panic() {
    use std::process::{Command as Std, Stdio};
    // Far more than a pipe buffer (64 KiB), so the write meets the closed pipe.
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("transform-model"))
        .args(["catalog-sample", "--interventions", "2000"])
        .current_dir(scratch("pipe"))
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}

//! `compare CURRENT.json BASELINE.json`: the output is the library's round comparison of the
//! two files, and mismatched rounds fail with a message naming the cause.

use std::path::PathBuf;

use assert_cmd::Command;
use transform_model::maturity::{RoundComparison, compare_rounds};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, Weighting, assess};

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transform-model-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn round(weighting: Weighting, shift: bool) -> Assessment {
    let model = Model::default_model();
    let mut csv = transform_model::maturity::SAMPLE_RESPONSES_CSV.to_owned();
    if shift {
        // Frontline answers of 2 become 3: a change in that group only.
        csv = csv
            .lines()
            .map(|l| if l.contains(",frontline,") { l.replace(",2,", ",3,") } else { l.to_owned() })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let responses = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
    let mut o = AssessOptions::default();
    o.weighting = weighting;
    o.bootstrap = 0;
    o.min_dispersion_n = 5;
    assess(&model, &responses, &o).unwrap()
}

#[test]
fn compare_prints_the_library_comparison() {
    let dir = scratch("compare");
    let (before, after) = (round(Weighting::Balanced, false), round(Weighting::Balanced, true));
    std::fs::write(dir.join("before.json"), before.to_json()).unwrap();
    std::fs::write(dir.join("after.json"), after.to_json()).unwrap();
    let out = Command::cargo_bin("transform-model")
        .unwrap()
        .current_dir(&dir)
        .args(["compare", "after.json", "before.json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed: RoundComparison = serde_json::from_slice(&out).unwrap();
    // Read back through the files' JSON, as the command did.
    let expected = compare_rounds(
        &Assessment::from_json(&after.to_json()).unwrap(),
        &Assessment::from_json(&before.to_json()).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, expected);
    let frontline: Vec<_> = printed.changes.iter().filter(|c| c.group.as_deref() == Some("frontline")).collect();
    assert!(frontline.iter().any(|c| c.change.is_some_and(|x| x > 0.0) && c.p.is_some()));
}

#[test]
fn compare_refuses_rounds_under_another_weighting() {
    let dir = scratch("compare-weighting");
    std::fs::write(dir.join("before.json"), round(Weighting::Pooled, false).to_json()).unwrap();
    std::fs::write(dir.join("after.json"), round(Weighting::Balanced, true).to_json()).unwrap();
    let out = Command::cargo_bin("transform-model")
        .unwrap()
        .current_dir(&dir)
        .args(["compare", "after.json", "before.json"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("weighting") && !err.contains("panicked"), "{err}");
}

//! `compare CURRENT.json BASELINE.json`: the change between two saved rounds (the JSON of
//! `assess --format json`), with Welch intervals and Holm-adjusted significance.

use std::path::Path;

use transform_model::Assessment;
use transform_model::maturity::compare_rounds;

fn read(path: &Path, what: &str) -> Result<Assessment, String> {
    let text = transform_model::limits::read_text(path)
        .map_err(|e| format!("cannot read {what} `{}`: {e}", path.display()))?;
    Assessment::from_json(&text).map_err(|e| format!("{what} `{}`: {e}", path.display()))
}

/// The `round_comparison` JSON of the two files.
pub fn run(current: &Path, baseline: &Path) -> Result<String, String> {
    let comparison =
        compare_rounds(&read(current, "current")?, &read(baseline, "baseline")?).map_err(|e| e.to_string())?;
    Ok(comparison.to_json())
}

//! `transform-model pilot-guide`: the cognitive-interview guide for one role's questions.

use std::path::PathBuf;

use transform_model::questionnaire::pilot_guide;
use transform_model::{Lang, Model};

/// The guide as Markdown on stdout, or written to `output` (replaced whole).
pub fn run(model: &Model, role: &str, lang: Lang, output: Option<&PathBuf>) -> Result<String, String> {
    let guide = pilot_guide(model, role, lang).map_err(|e| e.to_string())?;
    match output {
        None => Ok(guide),
        Some(path) => {
            transform_model::atomic::write_atomically(path, guide.as_bytes())
                .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
            Ok(format!("{} {}", lang.pick("Skrev", "Wrote"), path.display()))
        }
    }
}

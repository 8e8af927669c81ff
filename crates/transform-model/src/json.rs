//! JSON reading shared by the model, catalog and portfolio loaders: every failure names the
//! JSON path (or file) it is about, and each module wraps it in its own error type.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Where the text went wrong and why.
pub(crate) struct JsonError {
    pub path: String,
    pub message: String,
}

fn root(p: String) -> String {
    if p == "." { "$".to_owned() } else { p }
}

/// serde's message for a key refused by `#[serde(deny_unknown_fields)]`, with the nearest
/// known key suggested: "unknown key `cost_per_yr` (did you mean `cost_per_year`?)".
fn explain(message: String) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else { return message };
    let Some((key, expected)) = rest.split_once('`') else { return message };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match nearest(key, &known) {
        Some(best) => format!("unknown key `{key}` (did you mean `{best}`?)"),
        None => format!("unknown key `{key}` (known keys: {})", known.join(", ")),
    }
}

/// The known name closest to `name`, when it is close enough to be a likely typo.
pub(crate) fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    // The edit distance takes time and memory in len(name) × len(known): a name far longer
    // than any limit on names is no typo of one.
    if name.len() > 4 * crate::limits::QUOTE_CHARS {
        return None;
    }
    known
        .iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(name, k), *k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Parses `text` as `T`, naming the JSON path of the first mismatch.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| JsonError {
        path: bounded(root(e.path().to_string())),
        message: bounded(explain(e.inner().to_string())),
    })
}

/// The input quoted in serde's messages and paths (keys, strings), cut to a readable size.
fn bounded(text: String) -> String {
    crate::limits::bound_message(&text)
}

/// Converts a JSON value to `T`, naming the JSON path of the first mismatch.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, JsonError> {
    serde_path_to_error::deserialize(value).map_err(|e| JsonError {
        path: bounded(root(e.path().to_string())),
        message: bounded(explain(e.inner().to_string())),
    })
}

/// A file that could not be read: which, and the system's error or the limit, kept whole as
/// the source of each module's `Io` error.
pub(crate) struct FileError {
    pub path: String,
    pub source: crate::limits::ReadError,
}

/// Reads a text file within [`crate::limits::Limit::FileBytes`]; the error's path is the
/// file's, and a file above the limit says which limit and how to raise it.
pub(crate) fn read_file(path: &Path) -> Result<String, FileError> {
    crate::limits::read_text(path).map_err(|source| FileError { path: path.display().to_string(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Costs {
        cost_per_year: Option<f64>,
        investment: Option<f64>,
    }

    #[test]
    fn unknown_key_names_the_nearest_known_one() {
        let e = parse::<Vec<Costs>>(r#"[{"investment": 1}, {"cost_per_yr": 5}]"#).unwrap_err();
        assert_eq!(e.path, "[1].cost_per_yr");
        assert_eq!(e.message, "unknown key `cost_per_yr` (did you mean `cost_per_year`?)");
        let e = parse::<Costs>(r#"{"zzz": 5}"#).unwrap_err();
        assert_eq!(e.message, "unknown key `zzz` (known keys: cost_per_year, investment)");
    }
}

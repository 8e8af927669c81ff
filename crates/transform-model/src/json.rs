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

/// Parses `text` as `T`, naming the JSON path of the first mismatch.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de)
        .map_err(|e| JsonError { path: root(e.path().to_string()), message: e.inner().to_string() })
}

/// Converts a JSON value to `T`, naming the JSON path of the first mismatch.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, JsonError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| JsonError { path: root(e.path().to_string()), message: e.inner().to_string() })
}

/// Reads a text file; the error's path is the file's.
pub(crate) fn read_file(path: &Path) -> Result<String, JsonError> {
    std::fs::read_to_string(path).map_err(|e| JsonError { path: path.display().to_string(), message: e.to_string() })
}

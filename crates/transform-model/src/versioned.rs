//! `schema_version` on every JSON document the library writes (besides the assessment,
//! which has its own scoring-contract version, and the model and catalog files, which are
//! inputs with their own `version`). The field comes first; a reader that finds a version it
//! does not know should refuse the document. Raised when a field is removed or changes
//! meaning; adding a field does not raise it. A leaf: each written type calls [`to_json`]
//! from its own `to_json` method.

use serde::Serialize;

/// The schema version of the match result, similarity list, partner list, portfolio
/// analysis, plan, item analysis and round comparison JSON.
pub const OUTPUT_SCHEMA_VERSION: u32 = 1;

/// A document with its schema version as the first field.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Versioned<'a, T: ?Sized> {
    /// Version of this document's layout.
    pub schema_version: u32,
    /// The document's own fields, at the same level as `schema_version`.
    #[serde(flatten)]
    pub document: &'a T,
}

/// The document as pretty JSON with `schema_version` first.
pub fn to_json<T: Serialize + ?Sized>(document: &T) -> String {
    serde_json::to_string_pretty(&Versioned { schema_version: OUTPUT_SCHEMA_VERSION, document })
        .expect("a document serializes")
}

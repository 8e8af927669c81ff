//! JSON Schemas of every input and output document, generated from the Rust types with
//! `schemars`: field doc comments become descriptions, `deny_unknown_fields` becomes
//! `additionalProperties: false` (so a schema refuses a typo as the reader does). The
//! Python package ships them (`tm.schema(name)`) and `docs/schema/*.json` holds them for
//! readers; `cargo run -p transform-model --example write_schemas` rewrites those files.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::ingredient::{CatalogDef, MatchResult};
use crate::maturity::{Assessment, RoundComparison};
use crate::mission::{Portfolio, PortfolioAnalysis};
use crate::model::ModelDef;
use crate::responses::json_long::Record;
use crate::versioned::Versioned;

/// Whether a document is read (inputs: defaults make fields optional) or written (outputs:
/// every field is present).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A document read by the library (defaults make fields optional).
    Input,
    /// A document written by the library (every field present).
    Output,
}

/// The documents with a schema: name, direction, and what the document is.
pub const SCHEMAS: &[(&str, Direction, &str)] = &[
    ("model", Direction::Input, "A maturity model definition (dimensions, items, roles, levels, levers)."),
    ("responses", Direction::Input, "Survey responses in long form: one object per answer."),
    ("portfolio", Direction::Input, "A mission portfolio: missions, initiatives and their links."),
    ("catalog", Direction::Input, "A catalog of other municipalities' interventions and their active ingredients."),
    ("assessment", Direction::Output, "The result of an assessment (scoring contract version 2)."),
    ("round_comparison", Direction::Output, "Changes from an earlier round to this one, with Welch intervals."),
    ("portfolio_analysis", Direction::Output, "The analysis of a mission portfolio."),
    ("match_result", Direction::Output, "Active ingredients matched to a problem."),
];

/// Errors when asking for a schema.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum SchemaError {
    /// No schema has this name.
    #[error("no schema named `{name}`{hint}; the schemas are: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// A "did you mean" hint, or empty.
        hint: String,
        /// Every schema name.
        known: String,
    },
}

fn generate<T: JsonSchema>(direction: Direction, description: &str) -> Value {
    let settings = match direction {
        Direction::Input => SchemaSettings::draft2020_12().for_deserialize(),
        Direction::Output => SchemaSettings::draft2020_12().for_serialize(),
    };
    let mut schema: Schema = settings.into_generator().into_root_schema_for::<T>();
    schema.insert("description".to_owned(), Value::String(description.to_owned()));
    schema.to_value()
}

/// An output document written with `schema_version` first ([`crate::versioned`]).
fn generate_versioned<T: JsonSchema + 'static>(direction: Direction, description: &str) -> Value {
    let mut schema = generate::<Versioned<'static, T>>(direction, description);
    schema["title"] = Value::String(T::schema_name().into_owned());
    schema
}

/// The JSON Schema named `name` (one of [`SCHEMAS`]).
pub fn schema(name: &str) -> Result<Value, SchemaError> {
    let Some(&(_, direction, description)) = SCHEMAS.iter().find(|s| s.0 == name) else {
        let names: Vec<&str> = SCHEMAS.iter().map(|s| s.0).collect();
        let hint = crate::json::nearest(name, &names).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
        return Err(SchemaError::Unknown { name: name.to_owned(), hint, known: names.join(", ") });
    };
    Ok(match name {
        "model" => generate::<ModelDef>(direction, description),
        "responses" => generate::<Vec<Record>>(direction, description),
        "portfolio" => generate::<Portfolio>(direction, description),
        "catalog" => generate::<CatalogDef>(direction, description),
        "assessment" => generate::<Assessment>(direction, description),
        "round_comparison" => generate_versioned::<RoundComparison>(direction, description),
        "portfolio_analysis" => generate_versioned::<PortfolioAnalysis>(direction, description),
        _ => generate_versioned::<MatchResult>(direction, description),
    })
}

/// The schema as the file `docs/schema/{name}.json` holds it: pretty JSON, newline-terminated.
pub fn schema_file(name: &str) -> Result<String, SchemaError> {
    let mut text = serde_json::to_string_pretty(&schema(name)?).expect("a schema serializes");
    text.push('\n');
    Ok(text)
}

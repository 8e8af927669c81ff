//! Active ingredients: the intervention catalog, its search index, distillation, matching
//! and partner suggestions (DOMAIN.md §4).

mod catalog;
mod context;
mod csv_import;
mod distill;
mod docs;
mod facets;
mod index;
mod partners;
mod query;
mod reason;
pub mod report;
pub mod sample;
mod search;
mod similar;
mod store;

pub use catalog::{
    Catalog, CatalogDef, Declaration, Evidence, Grade, Ingredient, IngredientUse, Intervention, MunicipalityRef,
    Outcome, SAMPLE_CATALOG_JSON, Transfer,
};
pub use distill::{EvidenceSummary, IngredientMatch, LIFT_EPSILON, MatchOptions, MatchResult, Source, Support};
pub use index::{B, GOOD_MATCH, Hit, Index, K1, RelevanceWeights, bm25_term, idf, indexed_text};
pub use partners::Partner;
pub use query::Query;
pub use reason::{Reason, ReasonKind};
pub use similar::{MatchReport, Similar, SimilarIntervention};
pub use store::{FORMAT_VERSION, HEADER_LEN, MAGIC, StoreError};

/// Errors in a catalog or a catalog query; each names its JSON path or value.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum CatalogError {
    #[error("catalog JSON at `{path}`: {message}")]
    Parse { path: String, message: String },
    #[error("invalid catalog at `{path}`: {message}")]
    Invalid { path: String, message: String },
    #[error("cannot read catalog `{path}`: {message}")]
    Io { path: String, message: String },
    #[error("`{code}` is not the code of a Danish municipality")]
    UnknownMunicipality { code: String },
    #[error("municipality `{code}` has no interventions in the catalog, so it has no profile to match")]
    NoProfile { code: String },
    /// A query names a context key or value, an area or an ingredient the catalog lacks.
    #[error("query `{field}`: unknown value `{value}`{}", hint(suggestion.as_deref(), known))]
    UnknownInQuery { field: String, value: String, suggestion: Option<String>, known: Vec<String> },
    /// Query number `index` of a batch is invalid.
    #[error("query {index}: {error}")]
    InBatch { index: usize, error: Box<CatalogError> },
}

fn hint(suggestion: Option<&str>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None if known.is_empty() => " (the catalog has none)".to_owned(),
        None => format!(" (known: {})", known.join(", ")),
    }
}

//! Active ingredients: the intervention catalog, its search index, distillation, matching
//! and partner suggestions (DOMAIN.md §4).

// Layers, each importing only from those above it in this list: catalog and its
// derivations → the saved file's format (store) → the catalog behind an index (docs,
// profiles) → the index → what answers queries and saves or loads an index.
mod catalog;
mod context;
mod context_names;
mod csv_import;
mod derived;
mod distill;
mod docs;
mod facets;
mod index;
mod labels;
mod partners;
mod problem_partners;
mod profiles;
mod query;
mod reason;
pub mod sample;
mod saved;
mod search;
mod similar;
mod store;

pub use catalog::{
    Catalog, CatalogDef, Declaration, Evidence, Grade, Ingredient, IngredientUse, Intervention, MunicipalityRef,
    Outcome, SAMPLE_CATALOG_JSON, Transfer,
};
pub use context_names::{key_name as context_key_name, value_name as context_value_name};
pub use distill::{EvidenceSummary, IngredientMatch, LIFT_EPSILON, MatchOptions, MatchResult, Source, Support};
pub use index::{GOOD_MATCH, Hit, Index, RelevanceWeights, indexed_text};
pub use labels::{context_key, context_value, urbanity_note};
pub use partners::{Partner, PartnerList, partners_json};
pub use problem_partners::{PartnerCase, ProblemPartner, ProblemPartnerList, problem_partners_json};
pub use query::Query;
pub use reason::{Reason, ReasonKind};
pub use similar::{MatchReport, Similar, SimilarIntervention};
pub use store::StoreError;

/// Errors in a catalog or a catalog query; each names its JSON path or value.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum CatalogError {
    /// The text is not JSON of the catalog's shape.
    #[error("catalog JSON at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Parse {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The JSON breaks a rule of the catalog (duplicate id, unknown ingredient, weight out of range, …).
    #[error("invalid catalog at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Invalid {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The catalog file could not be read.
    #[error("cannot read catalog `{}`: {source}", crate::limits::quote(path))]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason, or the file size limit.
        #[source]
        source: crate::limits::ReadError,
    },
    /// A code that is not a Danish kommunekode.
    #[error("`{code}` is not the code of a Danish municipality")]
    UnknownMunicipality {
        /// The code given.
        code: String,
    },
    /// The municipality has no intervention in the catalog to build its problem profile from.
    #[error("municipality `{code}` has no interventions in the catalog, so it has no profile to match")]
    NoProfile {
        /// The municipality's code.
        code: String,
    },
    /// A query names a context key or value, an area or an ingredient the catalog lacks.
    #[error("query `{field}`: unknown value `{}`{}", crate::limits::quote(value), hint(suggestion.as_deref(), known))]
    UnknownInQuery {
        /// The query field (`context.urbanity`, `area`, `exclude`, …).
        field: String,
        /// The value given.
        value: String,
        /// The nearest known value, if one is close.
        suggestion: Option<String>,
        /// Every known value.
        known: Vec<String>,
    },
    /// Query number `index` of a batch is invalid.
    #[error("query {index}: {error}")]
    InBatch {
        /// Position of the query in the batch, from 0.
        index: usize,
        /// What is wrong with it.
        #[source]
        error: Box<CatalogError>,
    },

    /// A document position past the last intervention of the catalog.
    #[error("no intervention at position {doc}: the catalog has {len}")]
    NoSuchDocument {
        /// The position asked for, from 0.
        doc: usize,
        /// Interventions in the catalog.
        len: usize,
    },

    /// A record of a loaded index that does not decode (a file that passed its checksum but
    /// was not written by this library).
    #[error("saved index is damaged at `{part}`: {message}")]
    DamagedIndex {
        /// The part of the file (e.g. `catalog.interventions[3].title`).
        part: String,
        /// What is wrong with it.
        message: String,
    },

    /// A query text longer than [`Limit::QueryChars`](crate::limits::Limit::QueryChars).
    #[error("query `text`: {0}")]
    QueryTooLong(#[source] crate::limits::LimitError),
    /// A context value given as text (`--context KEY=VALUE`) that is not `KEY=VALUE`, or a
    /// number that is not finite (`inf`, `NaN`, `1e999`: no catalog value is near it).
    #[error("query `context`: `{}` {reason}", crate::limits::quote(value))]
    ContextValue {
        /// The text given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An option has a value no search can use (`top` or `retrieve` of 0).
    #[error("option `{name}`: {message}")]
    InvalidOption {
        /// The option.
        name: String,
        /// What is wrong with its value.
        message: String,
    },
    /// The caller cancelled the call ([`crate::cancel`]).
    #[error(transparent)]
    Cancelled(#[from] crate::cancel::Cancelled),
}

/// A count option (`top`, `retrieve`): 0 is refused in every face, never read as "none",
/// "all" or "the default" (docs/c-api.md, "Zero").
pub(crate) fn at_least_one(name: &str, value: usize) -> Result<(), CatalogError> {
    if value == 0 {
        return Err(CatalogError::InvalidOption { name: name.to_owned(), message: "must be at least 1, not 0".into() });
    }
    Ok(())
}

fn hint(suggestion: Option<&str>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None if known.is_empty() => " (the catalog has none)".to_owned(),
        None => format!(" (known: {})", known.join(", ")),
    }
}

//! Active ingredients: the intervention catalog, its search index, distillation, matching
//! and partner suggestions (DOMAIN.md §4).

mod catalog;
mod csv_import;
mod distill;
mod index;
mod partners;
pub mod report;
pub mod sample;

pub use catalog::{
    Catalog, CatalogDef, Declaration, Evidence, Grade, Ingredient, IngredientUse, Intervention, MunicipalityRef,
    Outcome, SAMPLE_CATALOG_JSON, Transfer,
};
pub use distill::{EvidenceSummary, IngredientMatch, LIFT_EPSILON, MatchOptions, MatchResult, Source, Support};
pub use index::{B, Hit, Index, K1, Query, RelevanceWeights, bm25_term, idf, indexed_text};
pub use partners::Partner;

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
}

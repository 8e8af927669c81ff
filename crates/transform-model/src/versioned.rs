//! `schema_version` on every JSON document the library writes (besides the assessment,
//! which has its own scoring-contract version, and the model and catalog files, which are
//! inputs with their own `version`). The field comes first; a reader that finds a version it
//! does not know should refuse the document. Raised when a field is removed or changes
//! meaning; adding a field does not raise it.

use serde::Serialize;

use crate::ingredient::{MatchReport, Partner, ProblemPartner, Similar};

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

/// A list of partner municipalities as a document: `{"schema_version", "partners": [...]}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PartnerList<'a> {
    /// Best first.
    pub partners: &'a [Partner],
}

/// Partners as the CLI's `partners --format json` and the C API's `tm_catalog_partners` write them.
pub fn partners_json(partners: &[Partner]) -> String {
    to_json(&PartnerList { partners })
}

/// Partners for a problem as a document: `{"schema_version", "partners": [...]}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ProblemPartnerList<'a> {
    /// Best first.
    pub partners: &'a [ProblemPartner],
}

/// Partners for a problem as the CLI's `partners --problem --format json` and the C API's
/// `tm_catalog_partners_for_problem` write them.
pub fn problem_partners_json(partners: &[ProblemPartner]) -> String {
    to_json(&ProblemPartnerList { partners })
}

/// The similarity list as the C API's `tm_catalog_similar` writes it.
pub fn similar_json(similar: &Similar) -> String {
    to_json(similar)
}

/// A match with its similarity list, as the CLI's `match --similar --format json` writes it.
pub fn match_report_json(report: &MatchReport) -> String {
    to_json(report)
}

impl crate::maturity::RoundComparison {
    /// The comparison as pretty JSON with `schema_version` first (docs/schema/round_comparison.json).
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

//! The options of a portfolio analysis, apart from the analysis so that each step it runs
//! (alignment, cross-fertilisation, …) can read them without importing the pipeline.

use serde::{Deserialize, Serialize};

use super::alignment::AlignmentWeights;
use crate::localized::Lang;

/// Options of a portfolio analysis; `AnalysisOptions::default()` is the documented default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AnalysisOptions {
    /// How the alignment components weigh.
    pub weights: AlignmentWeights,
    /// Alignment from which an initiative counts as serving a mission.
    pub threshold: f64,
    /// Payback horizon in years (greb 9: 4–5 years).
    pub horizon: i64,
    /// Analysis year; overrides the file's `year`. One of them is required.
    pub year: Option<i64>,
    /// Language of the reasons and texts in the analysis.
    pub lang: Lang,
    /// Cross-fertilisation pairs returned.
    pub cross_top: usize,
    /// Items (target groups, outcomes, ingredients) shared by more initiatives than this are
    /// too common to signal anything and are skipped; keeps the pair search linear.
    pub common_item_cap: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            weights: AlignmentWeights::default(),
            threshold: 0.3,
            horizon: 5,
            year: None,
            lang: Lang::Da,
            cross_top: 25,
            common_item_cap: 64,
        }
    }
}

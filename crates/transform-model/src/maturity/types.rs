//! The assessment's output types: plain data, serialised as the JSON contract
//! (docs/scoring.md, version 2). Fields added in version 2 default when a version-1
//! assessment is read back as a baseline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Weighting;
use super::baseline::BaselineComparison;
use super::warning::Warning;
use crate::localized::Localized;

/// The scoring contract version this library writes.
pub const SCHEMA_VERSION: u32 = 2;

fn version_one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
}

/// How the level probabilities were drawn. The seed is for the analyst's reproduction;
/// reader-facing reports leave it out (DOMAIN.md, "Anonymity and disclosure").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BootstrapInfo {
    pub resamples: usize,
    pub seed: u64,
    pub confidence: f64,
}

/// P(level) for levels "1".."L": the share of bootstrap replicates at each level.
pub type LevelProbabilities = BTreeMap<String, f64>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Overall {
    /// Unweighted mean of the dimension scores.
    pub score: Option<f64>,
    /// Staged level: the lowest attained dimension level.
    pub level: Option<i64>,
    /// Distribution of the staged level over the bootstrap replicates.
    #[serde(default)]
    pub level_probabilities: Option<LevelProbabilities>,
    /// Target level of the profile.
    pub target: i64,
    /// Mean gap to the target in scale points over the scored dimensions (replaces
    /// version 1's `percent_to_target`, which read as progress where there was none).
    #[serde(default)]
    pub mean_gap: Option<f64>,
}

/// Where a dimension stands against its target, given its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// The interval's upper bound is below the target.
    ClearlyBelow,
    /// The interval contains the target.
    Uncertain,
    /// The interval's lower bound is at or above the target.
    AtOrAbove,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DimensionResult {
    pub id: String,
    pub label: Localized,
    pub score: Option<f64>,
    pub level: Option<i64>,
    /// Score points above the attained level (score − level).
    pub progress: Option<f64>,
    pub ci: Option<[f64; 2]>,
    /// Standard error of the score, published exactly when `ci` is (a later round's
    /// comparison needs it).
    #[serde(default)]
    pub se: Option<f64>,
    /// Degrees of freedom behind `ci` (Welch–Satterthwaite under balanced weighting, n − 1
    /// under pooled); null when infinite (no spread in any group) or when `ci` is null.
    #[serde(default)]
    pub df: Option<f64>,
    /// The interval crosses a level boundary: the level is not certain.
    #[serde(default)]
    pub borderline: Option<bool>,
    #[serde(default)]
    pub level_probabilities: Option<LevelProbabilities>,
    /// A perspective of the model (a role asked the dimension) is not in the score.
    #[serde(default)]
    pub partial: bool,
    #[serde(default)]
    pub missing_perspectives: Vec<String>,
    /// Respondents behind the score.
    pub n: usize,
    /// Kish's effective n of the weighting ((Σw)²/Σw²).
    #[serde(default)]
    pub n_effective: Option<f64>,
    /// Cronbach's alpha (pairwise, as psych::alpha).
    pub alpha: Option<f64>,
    /// The smallest number of respondents answering both items of any item pair.
    pub alpha_n: Option<usize>,
    #[serde(default)]
    pub icc1: Option<f64>,
    #[serde(default)]
    pub icc2: Option<f64>,
    /// Target score of the profile and the gap max(target − score, 0).
    pub target: f64,
    pub gap: Option<f64>,
    #[serde(default)]
    pub status: Option<TargetStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupDimension {
    pub id: String,
    /// Null when suppressed (fewer than k scored respondents, or all of them alike under 20).
    pub score: Option<f64>,
    /// Null when suppressed: even the count is not shown.
    pub n: Option<usize>,
    /// Dispersion figures: null under `min_dispersion_n` or by the linked-dispersion rule.
    pub ci: Option<[f64; 2]>,
    #[serde(default)]
    pub sd: Option<f64>,
    #[serde(default)]
    pub rwg_uniform: Option<f64>,
    #[serde(default)]
    pub rwg_slight_skew: Option<f64>,
    /// Items behind r_wg(J).
    #[serde(default)]
    pub j: Option<usize>,
    /// The group's roles are asked a single item of the dimension: no agreement figure.
    #[serde(default)]
    pub single_item: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupResult {
    /// Role id, or `other` for merged small role groups.
    pub role: String,
    pub label: Localized,
    /// Role ids in the group (more than one for `other`).
    pub roles: Vec<String>,
    pub n: usize,
    pub dimensions: Vec<GroupDimension>,
}

/// Why a perception gap (or its interval) is not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WithheldReason {
    /// Fewer common items than `min_common_items`: no gap.
    TooFewCommonItems,
    /// Fewer than k respondents scored on the common items: no gap.
    TooFewRespondents,
    /// A group's dispersion is not published: the difference without interval or p.
    Dispersion,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Withheld {
    pub reason: WithheldReason,
    pub text: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Gap {
    pub a: String,
    pub b: String,
    pub dimension: String,
    /// Score of `a` minus score of `b` on the common items.
    pub diff: Option<f64>,
    /// Welch interval of the difference.
    pub ci: Option<[f64; 2]>,
    /// Two-sided Welch p-value.
    #[serde(default)]
    pub p: Option<f64>,
    /// Holm-adjusted over all gaps of the assessment.
    #[serde(default)]
    pub p_adjusted: Option<f64>,
    /// p_adjusted below 1 − confidence.
    pub significant: Option<bool>,
    /// The items both groups were asked, on which the difference is computed.
    #[serde(default)]
    pub common_items: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<Withheld>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recommendation {
    pub dimension: String,
    pub label: Localized,
    pub gap: f64,
    pub weighted_gap: f64,
    #[serde(default)]
    pub status: Option<TargetStatus>,
    /// 1 = first.
    pub priority: usize,
    pub levers: Vec<String>,
    pub lever_labels: Vec<Localized>,
}

/// The result of an assessment: plain data, serializable to the documented JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    /// Version of the scoring contract the figures follow (1 when absent: an old file).
    #[serde(default = "version_one")]
    pub schema_version: u32,
    pub model: ModelRef,
    pub weighting: Weighting,
    pub min_group_size: usize,
    #[serde(default)]
    pub min_dispersion_n: Option<usize>,
    #[serde(default)]
    pub min_common_items: Option<usize>,
    pub bootstrap: BootstrapInfo,
    /// Respondents behind the figures (after anonymity exclusions).
    pub n_respondents: usize,
    pub overall: Overall,
    pub dimensions: Vec<DimensionResult>,
    pub groups: Vec<GroupResult>,
    pub gaps: Vec<Gap>,
    pub recommendations: Vec<Recommendation>,
    pub excluded_for_anonymity: usize,
    #[serde(deserialize_with = "super::warning::read_warnings")]
    pub warnings: Vec<Warning>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineComparison>,
}

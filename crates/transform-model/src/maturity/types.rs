//! The assessment's output types: plain data, serialised as the JSON contract
//! (docs/scoring.md, version 3). Fields added in versions 2 and 3 default when an older
//! assessment is read back as a baseline.
//!
//! Longer than 400 lines on purpose: the JSON contract is read and reviewed as one document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Weighting;
use super::baseline::BaselineComparison;
use super::warning::Warning;
use crate::localized::Localized;

/// The scoring contract version this library writes.
pub const SCHEMA_VERSION: u32 = 3;

fn version_one() -> u32 {
    1
}

/// The model an assessment was made with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ModelRef {
    /// Model id.
    pub id: String,
    /// Model version.
    pub version: String,
}

/// How the level probabilities were drawn. The seed is for the analyst's reproduction;
/// reader-facing reports leave it out (DOMAIN.md, "Anonymity and disclosure").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BootstrapInfo {
    /// Bootstrap resamples (0: none).
    pub resamples: usize,
    /// Seed of the resampling.
    pub seed: u64,
    /// Coverage of the intervals (0.95).
    pub confidence: f64,
}

/// P(level) for levels 1..L: the share of bootstrap replicates at each level, keyed and
/// ordered by the level itself (a String key would sort "10" before "2"); in JSON the keys
/// are the level numbers as strings, "1".."L", as before.
pub type LevelProbabilities = BTreeMap<i64, f64>;

/// The municipality's overall figures: the mean of its dimension scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Overall {
    /// Unweighted mean of the dimension scores.
    pub score: Option<f64>,
    /// Overall level (version 3): the level of the overall score, lowered to the level of
    /// any dimension that is surely below it (`surely_below`). Version 2: the lowest
    /// dimension level.
    pub level: Option<i64>,
    /// Interval of the overall score (delta-method Welch over the role groups); null when
    /// any scored dimension's dispersion may not be published.
    #[serde(default)]
    pub ci: Option<[f64; 2]>,
    /// Standard error of the overall score, published exactly when `ci` is.
    #[serde(default)]
    pub se: Option<f64>,
    /// Degrees of freedom behind `ci`; null when infinite or when `ci` is null.
    #[serde(default)]
    pub df: Option<f64>,
    /// The overall score's interval crosses a level boundary.
    #[serde(default)]
    pub borderline: Option<bool>,
    /// Dimension ids surely below the overall score's level (their interval's upper bound
    /// is below its boundary, or they have no interval and a lower level): they set `level`.
    #[serde(default)]
    pub surely_below: Vec<String>,
    /// Distribution of the overall level over the bootstrap replicates (the overall score's
    /// level per replicate, capped at the lowest `surely_below` dimension's level).
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

/// The municipality's figures on one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DimensionResult {
    /// Dimension id.
    pub id: String,
    /// Name per language.
    pub label: Localized,
    /// Score on the answer scale; null when not reported.
    pub score: Option<f64>,
    /// Level attained; null when not reported.
    pub level: Option<i64>,
    /// Score points above the attained level (score − level).
    pub progress: Option<f64>,
    /// Interval of the score (confidence of `bootstrap.confidence`), clipped to the scale; null when dispersion may not be published.
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
    /// P(level) from the bootstrap replicates.
    #[serde(default)]
    pub level_probabilities: Option<LevelProbabilities>,
    /// A perspective of the model (a role asked the dimension) is not in the score.
    #[serde(default)]
    pub partial: bool,
    /// Role ids asked the dimension that are not in the score.
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
    /// ICC(1) across the reported role groups.
    #[serde(default)]
    pub icc1: Option<f64>,
    /// ICC(2): reliability of the group means.
    #[serde(default)]
    pub icc2: Option<f64>,
    /// Target score of the profile and the gap max(target − score, 0).
    pub target: f64,
    /// max(target − score, 0); null without a score.
    pub gap: Option<f64>,
    /// Where the dimension stands against the target, given its interval.
    #[serde(default)]
    pub status: Option<TargetStatus>,
    /// Items asked of every role of every group reported on the dimension: the group
    /// table's `common_score` compares the groups on these (empty: nothing in common).
    #[serde(default)]
    pub common_items: Vec<String>,
    /// Score on the common perspectives (`priorities.perspectives`, each role once): the
    /// score dimensions are compared on for priority; null when there is no common basis.
    #[serde(default)]
    pub priority_score: Option<f64>,
    /// max(target − priority_score, 0): the gap that orders the recommendations.
    #[serde(default)]
    pub priority_gap: Option<f64>,
}

/// A role group's figures on one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupDimension {
    /// Dimension id.
    pub id: String,
    /// Null when suppressed (fewer than k scored respondents, or all of them alike under 20).
    pub score: Option<f64>,
    /// Null when suppressed: even the count is not shown.
    pub n: Option<usize>,
    /// Dispersion figures: null under `min_dispersion_n` or by the linked-dispersion rule.
    pub ci: Option<[f64; 2]>,
    /// Standard deviation of the members' scores.
    #[serde(default)]
    pub sd: Option<f64>,
    /// r_wg(J) against the uniform null.
    #[serde(default)]
    pub rwg_uniform: Option<f64>,
    /// r_wg(J) against the slight-skew null.
    #[serde(default)]
    pub rwg_slight_skew: Option<f64>,
    /// Items behind r_wg(J).
    #[serde(default)]
    pub j: Option<usize>,
    /// The group's roles are asked a single item of the dimension: no agreement figure.
    #[serde(default)]
    pub single_item: bool,
    /// The group's mean on the dimension's `common_items` (members with at least half of
    /// them answered, at least k of them), where the group is asked more than those items:
    /// the figure to compare groups on. Null when the cell is suppressed or when `score`
    /// already rests on the common items only.
    #[serde(default)]
    pub common_score: Option<f64>,
    /// Cronbach's alpha of the group on its own items (pairwise), where the reported groups
    /// are asked different item subsets of the dimension; null otherwise, or when the
    /// cell's dispersion is not published or an item pair has fewer than max(k, 3) answers.
    #[serde(default)]
    pub alpha: Option<f64>,
    /// Share of "ved ikke" (don't know / missing) among the items of the dimension asked
    /// of the group's members; null when the cell's dispersion is not published.
    #[serde(default)]
    pub dont_know_rate: Option<f64>,
}

/// A role group's figures (roles below k merged into `other`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupResult {
    /// Role id, or `other` for merged small role groups.
    pub role: String,
    /// Name of the group per language.
    pub label: Localized,
    /// Role ids in the group (more than one for `other`).
    pub roles: Vec<String>,
    /// Respondents in the group.
    pub n: usize,
    /// The group's figures per dimension.
    pub dimensions: Vec<GroupDimension>,
}

/// Why a perception gap (or its interval) is not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WithheldReason {
    /// Fewer common items than `min_common_items`: no gap.
    TooFewCommonItems,
    /// Fewer than k respondents scored on the common items: no gap.
    TooFewRespondents,
    /// A group's dispersion is not published: the difference without interval or p.
    Dispersion,
}

/// A figure that is not reported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Withheld {
    /// Why, as a code.
    pub reason: WithheldReason,
    /// Why, per language.
    pub text: Localized,
}

/// A perception gap: how two role groups see one dimension differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Gap {
    /// First group.
    pub a: String,
    /// Second group.
    pub b: String,
    /// Dimension id.
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
    /// Why the gap or its interval is not reported; absent when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<Withheld>,
    /// What a reader may conclude: a sure difference, an uncertain one ("ved ikke" rates
    /// differ), no sure difference, or not tested.
    #[serde(default)]
    pub verdict: GapVerdict,
    /// "Ved ikke" rates of `a` and `b` on the common items; null when the interval is not
    /// published.
    #[serde(default)]
    pub dont_know: Option<[f64; 2]>,
}

/// What a perception gap lets a reader conclude (version 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GapVerdict {
    /// Significant after Holm, with similar "ved ikke" rates: a sure difference.
    Difference,
    /// Significant after Holm, but the groups' "ved ikke" rates on the common items differ
    /// by more than `DONT_KNOW_DIFFERENCE`: who did not answer may explain it.
    Uncertain,
    /// Tested, not significant after Holm: no sure difference.
    NoSureDifference,
    /// Not tested (withheld, or no interval): nothing can be said.
    #[default]
    NotTested,
}

impl GapVerdict {
    /// The verdict in words.
    pub fn label(self) -> Localized {
        match self {
            GapVerdict::Difference => Localized::da_en("sikker forskel", "sure difference"),
            GapVerdict::Uncertain => Localized::da_en(
                "usikker forskel (forskellig andel ved ikke)",
                "uncertain (different don't-know rates)",
            ),
            GapVerdict::NoSureDifference => Localized::da_en("ingen sikker forskel", "no sure difference"),
            GapVerdict::NotTested => Localized::da_en("ikke testet", "not tested"),
        }
    }
}

/// A dimension to work on first, with the levers the model recommends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recommendation {
    /// Dimension id.
    pub dimension: String,
    /// Name per language.
    pub label: Localized,
    /// target − score.
    pub gap: f64,
    /// gap × the dimension's weight.
    pub weighted_gap: f64,
    /// The gap of the dimension's priority score (common perspectives) to the target;
    /// × weight, it orders the recommendations.
    #[serde(default)]
    pub priority_gap: Option<f64>,
    /// Where the dimension stands against the target.
    #[serde(default)]
    pub status: Option<TargetStatus>,
    /// 1 = first.
    pub priority: usize,
    /// Lever ids to pull.
    pub levers: Vec<String>,
    /// Lever names per language.
    pub lever_labels: Vec<Localized>,
}

/// One dimension of a unit cell; every figure null when suppressed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitDimension {
    /// Dimension id.
    pub id: String,
    /// Mean of the cell's scored respondents (every respondent counts once); null when suppressed.
    pub score: Option<f64>,
    /// Scored respondents; null when suppressed.
    pub n: Option<usize>,
    /// Student t interval of the score; null under `min_dispersion_n` or when suppressed.
    pub ci: Option<[f64; 2]>,
}

/// One cell of the breakdown by unit (docs/disclosure.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitResult {
    /// Value of the first breakdown column (the department, forvaltning).
    pub department: String,
    /// Value of the second breakdown column; null for the department as a whole.
    pub unit: Option<String>,
    /// Role group id (a role, or `other`); null for all roles of the unit.
    pub role: Option<String>,
    /// Respondents in the cell; null when suppressed.
    pub n: Option<usize>,
    /// The cell's figures per dimension, in model order.
    pub dimensions: Vec<UnitDimension>,
}

/// How many figures disclosure control withheld, and why (never which respondents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Suppression {
    /// Cells withheld because they rest on fewer than k respondents (or all alike under 20).
    pub primary: usize,
    /// Cells withheld so that no withheld cell and no respondent can be derived from the published ones.
    pub secondary: usize,
}

/// The municipality an assessment is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MunicipalityRef {
    /// 3-digit kommunekode, one of the 98.
    pub code: String,
    /// The municipality's name.
    pub name: String,
}

/// The result of an assessment: plain data, serializable to the documented JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    /// Version of the scoring contract the figures follow (1 when absent: an old file).
    #[serde(default = "version_one")]
    pub schema_version: u32,
    /// The model the assessment was computed on.
    pub model: ModelRef,
    /// How role groups combine into a score: balanced (each perspective once) or pooled (each respondent once).
    pub weighting: Weighting,
    /// k: the fewest respondents behind any figure.
    pub min_group_size: usize,
    /// The fewest respondents behind any dispersion figure (interval, SD, r_wg, alpha).
    #[serde(default)]
    pub min_dispersion_n: Option<usize>,
    /// The fewest common items a perception gap needs.
    #[serde(default)]
    pub min_common_items: Option<usize>,
    /// How the level probabilities were drawn.
    pub bootstrap: BootstrapInfo,
    /// Respondents behind the figures (after anonymity exclusions).
    pub n_respondents: usize,
    /// The municipality's overall figures.
    pub overall: Overall,
    /// Per dimension, in model order.
    pub dimensions: Vec<DimensionResult>,
    /// Per reported role group.
    pub groups: Vec<GroupResult>,
    /// Perception gaps between groups.
    pub gaps: Vec<Gap>,
    /// Dimensions to act on, first first.
    pub recommendations: Vec<Recommendation>,
    /// How dimensions were compared for priority, and the order under each weighting.
    #[serde(default)]
    pub priorities: Option<Priorities>,
    /// Respondents left out of every figure (role groups below k).
    pub excluded_for_anonymity: usize,
    /// Warnings, each with a kind and a text per language.
    #[serde(deserialize_with = "super::warning::read_warnings")]
    pub warnings: Vec<Warning>,
    /// The municipality assessed, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityRef>,
    /// The unit columns of the breakdown (first: `department`, second: `unit`); empty without.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// Figures per unit and unit × role group; empty without a breakdown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<UnitResult>,
    /// Counts of withheld cells over everything published together (role groups, units, unit × role).
    #[serde(default)]
    pub suppression: Suppression,
    /// Progress against an earlier round, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineComparison>,
}

/// The score dimensions are compared on for priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriorityBasis {
    /// The roles asked every dimension, each once: routing cannot favour a dimension.
    CommonPerspectives,
    /// No role group is asked and reported on every dimension: the dimension scores.
    DimensionScores,
}

/// Recommended dimensions in order under each way of combining the groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PriorityOrders {
    /// By the common-perspective score (the rule).
    pub common_perspectives: Vec<String>,
    /// By the balanced dimension score (version 2's order).
    pub balanced: Vec<String>,
    /// By the pooled dimension score (every respondent once).
    pub pooled: Vec<String>,
}

/// How the recommendations were ordered (docs/scoring.md, "Priorities").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Priorities {
    /// The score compared.
    pub basis: PriorityBasis,
    /// Role ids behind the common-perspective score (asked every dimension, reported on
    /// every scored dimension).
    pub perspectives: Vec<String>,
    /// The order under each weighting: the sensitivity of the priorities.
    pub orders: PriorityOrders,
    /// The first priority differs between the weightings.
    pub first_differs: bool,
}

//! The options, flags and output types of an item analysis (the JSON of `transform-model items`),
//! and the thresholds behind the flags.

use serde::{Deserialize, Serialize};

use crate::maturity::{AssessOptions, ModelRef};

/// Item-rest correlations below this flag the item.
pub const LOW_ITEM_REST_R: f64 = 0.3;
/// Dimensions with alpha below this are flagged (the threshold of the assessment's warning).
pub const LOW_ALPHA: f64 = 0.7;
/// An item is flagged when at least 1/`DONT_KNOW_DENOMINATOR` (20 %) of those asked answer
/// "ved ikke"; compared in integers so 1 of 5 is exactly 20 %.
pub const DONT_KNOW_DENOMINATOR: usize = 5;
/// An item has a ceiling (floor) when at least `CEILING_NUMERATOR`/`CEILING_DENOMINATOR`
/// (80 %) of its answers, after reverse-keying, are in the two highest (lowest) categories:
/// it hardly tells respondents apart. Compared in integers.
pub const CEILING_NUMERATOR: usize = 4;
/// See [`CEILING_NUMERATOR`].
pub const CEILING_DENOMINATOR: usize = 5;

/// Options of an item analysis; k and its floor are the assessment's.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ItemOptions {
    /// Minimum respondents behind a figure (k), as
    /// [`AssessOptions::min_group_size`](crate::AssessOptions::min_group_size).
    pub min_group_size: usize,
    /// Allow k below 5, as [`AssessOptions::allow_small_groups`](crate::AssessOptions::allow_small_groups).
    pub allow_small_groups: bool,
    /// Also analyse each role group of at least k respondents on its own.
    pub by_role: bool,
    /// Minimum respondents behind an SD and every figure read from variances (item-rest r,
    /// alpha, omega), as [`AssessOptions::min_dispersion_n`](crate::AssessOptions::min_dispersion_n).
    pub min_dispersion_n: usize,
    /// Earlier published item analyses of the same survey: an item of a section whose n
    /// asked or n answered differs from theirs by 1 to k − 1 is withheld.
    pub audit_against: Vec<ItemAnalysis>,
}

impl Default for ItemOptions {
    fn default() -> Self {
        let d = AssessOptions::default();
        ItemOptions {
            min_group_size: d.min_group_size,
            allow_small_groups: d.allow_small_groups,
            by_role: false,
            min_dispersion_n: d.min_dispersion_n,
            audit_against: Vec::new(),
        }
    }
}

/// Why an item needs a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemFlag {
    /// Item-rest correlation below 0.3: the item measures something else than its dimension.
    LowItemRestR,
    /// The dimension's alpha is higher without the item.
    AlphaRisesIfDeleted,
    /// 20 % or more of those asked answered "ved ikke" (or left it blank).
    ManyDontKnow,
    /// Fewer than k answers, or all alike: the item's figures are withheld for anonymity.
    TooFewAnswers,
    /// Withheld so that no group below k can be derived from this call's other tables.
    Suppressed,
    /// 80 % or more of the answers in the two highest categories (after reverse-keying).
    Ceiling,
    /// 80 % or more of the answers in the two lowest categories (after reverse-keying).
    Floor,
}

impl ItemFlag {
    /// The flag as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemFlag::LowItemRestR => "low_item_rest_r",
            ItemFlag::AlphaRisesIfDeleted => "alpha_rises_if_deleted",
            ItemFlag::ManyDontKnow => "many_dont_know",
            ItemFlag::TooFewAnswers => "too_few_answers",
            ItemFlag::Suppressed => "suppressed",
            ItemFlag::Ceiling => "ceiling",
            ItemFlag::Floor => "floor",
        }
    }
}

/// Why a dimension needs a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DimensionFlag {
    /// Cronbach's alpha below 0.7.
    LowAlpha,
    /// Some item pair has fewer than max(k, 3) common answers: alpha and the figures read
    /// from the covariance matrix are withheld.
    TooFewAnswers,
    /// A communality of the one-factor solution reached 0.995 (a Heywood case).
    Heywood,
}

impl DimensionFlag {
    /// The flag as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DimensionFlag::LowAlpha => "low_alpha",
            DimensionFlag::TooFewAnswers => "too_few_answers",
            DimensionFlag::Heywood => "heywood",
        }
    }
}

/// The figures of one item. Values are after reverse-keying.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemStats {
    /// Item id.
    pub item: String,
    /// Id of the item's dimension.
    pub dimension: String,
    /// The item is reverse-coded.
    pub reverse: bool,
    /// Respondents asked the item (by their role).
    pub n_asked: usize,
    /// Respondents who gave an answer on the scale; `None` when it may not be published.
    pub n: Option<usize>,
    /// Mean answer; `None` when it may not be published.
    pub mean: Option<f64>,
    /// Standard deviation (ddof = 1); `None` when it may not be published.
    pub sd: Option<f64>,
    /// (n_asked − n)/n_asked: "ved ikke" and blanks among those asked.
    pub dont_know_share: Option<f64>,
    /// Correlation of the item with the rest of its dimension (corrected item-total).
    pub item_rest_r: Option<f64>,
    /// Cronbach's alpha of the dimension without this item.
    pub alpha_if_deleted: Option<f64>,
    /// What stands out (low item-rest r, many "ved ikke", …).
    pub flags: Vec<ItemFlag>,
}

/// The reliability of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionReliability {
    /// Dimension id.
    pub dimension: String,
    /// Items in the analysis (asked of someone in it).
    pub n_items: usize,
    /// Respondents with at least one answer on the dimension.
    pub n: usize,
    /// The smallest number of respondents answering both items of a pair.
    pub min_pair_n: Option<usize>,
    /// Cronbach's alpha.
    pub alpha: Option<f64>,
    /// Standardised alpha (from the mean inter-item correlation).
    pub alpha_std: Option<f64>,
    /// Mean inter-item correlation.
    pub average_r: Option<f64>,
    /// McDonald's omega total (see `omega_estimator`).
    pub omega_total: Option<f64>,
    /// What stands out (low alpha, few items, …).
    pub flags: Vec<DimensionFlag>,
}

/// The analysis of one set of respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleItemAnalysis {
    /// Role id.
    pub role: String,
    /// Respondents in the role.
    pub n: usize,
    /// The figures per item.
    pub items: Vec<ItemStats>,
    /// The reliability per dimension.
    pub dimensions: Vec<DimensionReliability>,
}

/// The item analysis of a survey (the JSON of `transform-model items`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemAnalysis {
    /// The model the responses were read for.
    pub model: ModelRef,
    /// k, the minimum respondents behind a figure.
    pub min_group_size: usize,
    /// Respondents in the analysis.
    pub n_respondents: usize,
    /// Respondents left out because their group was below k.
    pub excluded_for_anonymity: usize,
    /// The estimator behind `omega_total`, for the reader.
    pub omega_estimator: String,
    /// The figures per item.
    pub items: Vec<ItemStats>,
    /// The reliability per dimension.
    pub dimensions: Vec<DimensionReliability>,
    /// The same per role group of at least k, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_role: Option<Vec<RoleItemAnalysis>>,
}

/// Named in the output so a reader can reproduce omega.
pub const OMEGA_ESTIMATOR: &str = "one factor, iterated principal-axis factoring of the pairwise correlation matrix \
     (converges to the minres/ULS solution; communalities ≤ 0.995); omega_total = (ΣR − Σ(1 − λ²))/ΣR as psych::omega";

impl ItemAnalysis {
    /// The analysis as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

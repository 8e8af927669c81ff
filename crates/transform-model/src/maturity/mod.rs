//! Scoring a municipality on the maturity model (DOMAIN.md §2, "Scoring" and "Anonymity").

mod baseline;
mod bootstrap;
mod groups;
pub mod report;
pub mod sample;
mod score;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::localized::Localized;
use crate::model::{Model, OTHER_GROUP};
use crate::responses::Responses;
use crate::stats;

pub use baseline::{BaselineComparison, DimensionChange, compare};

/// The bundled sample municipality's survey answers (synthetic, illustrative).
pub const SAMPLE_RESPONSES_CSV: &str = include_str!("../../data/sample_responses.csv");
use score::{Layout, Sums};

/// Errors that stop an assessment.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum AssessError {
    /// Fewer than k respondents remain after anonymity merging: nothing may be reported.
    #[error(
        "anonymity: only {included} respondent(s) remain in groups of at least {k} ({excluded} left out of smaller groups); at least {k} are needed, so no figure can be reported"
    )]
    TooFewRespondents { included: usize, excluded: usize, k: usize },
    #[error("option `{name}`: {message}")]
    InvalidOption { name: String, message: String },
    #[error("baseline: {message}")]
    Baseline { message: String },
}

/// How role groups combine into the municipality's dimension score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weighting {
    /// Each reported perspective counts once, whatever its head count.
    #[default]
    Balanced,
    /// Every respondent counts once.
    Pooled,
}

impl std::str::FromStr for Weighting {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "balanced" => Ok(Weighting::Balanced),
            "pooled" => Ok(Weighting::Pooled),
            other => Err(format!("unknown weighting `{other}` (allowed: balanced, pooled)")),
        }
    }
}

/// Options of an assessment; `AssessOptions::default()` is the documented default.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessOptions {
    pub weighting: Weighting,
    /// Minimum number of respondents behind any reported figure (k).
    pub min_group_size: usize,
    /// Bootstrap resamples (0 = no intervals).
    pub bootstrap: usize,
    pub seed: u64,
    /// Coverage of the intervals.
    pub confidence: f64,
    /// Target level for every dimension; default one above the overall level, capped.
    pub target: Option<i64>,
    /// Worker threads for the bootstrap; `None` uses rayon's global pool. Results do not
    /// depend on it.
    pub threads: Option<usize>,
}

impl Default for AssessOptions {
    fn default() -> Self {
        AssessOptions {
            weighting: Weighting::Balanced,
            min_group_size: 5,
            bootstrap: 1000,
            seed: 0,
            confidence: 0.95,
            target: None,
            threads: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BootstrapInfo {
    pub resamples: usize,
    pub seed: u64,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    /// Unweighted mean of the dimension scores.
    pub score: Option<f64>,
    /// Staged level: the lowest attained dimension level.
    pub level: Option<i64>,
    pub ci: Option<[f64; 2]>,
    /// Target level of the profile.
    pub target: i64,
    /// 1 − Σ gap / Σ target score.
    pub percent_to_target: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    pub id: String,
    pub label: Localized,
    pub score: Option<f64>,
    pub level: Option<i64>,
    pub progress: Option<f64>,
    pub ci: Option<[f64; 2]>,
    /// Cronbach's alpha (listwise); null under 3 complete respondents or when undefined.
    pub alpha: Option<f64>,
    /// Respondents behind alpha.
    pub alpha_n: usize,
    /// Respondents behind the score.
    pub n: usize,
    /// Target score of the profile and the gap max(target − score, 0).
    pub target: f64,
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupDimension {
    pub id: String,
    /// Null when fewer than k of the group's respondents have a score (suppressed).
    pub score: Option<f64>,
    /// Null when suppressed: even the count is not shown.
    pub n: Option<usize>,
    pub ci: Option<[f64; 2]>,
    pub rwg: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupResult {
    /// Role id, or `other` for merged small role groups.
    pub role: String,
    pub label: Localized,
    /// Role ids in the group (more than one for `other`).
    pub roles: Vec<String>,
    pub n: usize,
    pub dimensions: Vec<GroupDimension>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub a: String,
    pub b: String,
    pub dimension: String,
    /// Score of `a` minus score of `b`.
    pub diff: f64,
    pub ci: Option<[f64; 2]>,
    /// The interval excludes 0; null without bootstrap.
    pub significant: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub dimension: String,
    pub label: Localized,
    pub gap: f64,
    pub weighted_gap: f64,
    /// 1 = first.
    pub priority: usize,
    pub levers: Vec<String>,
    pub lever_labels: Vec<Localized>,
}

/// The result of an assessment: plain data, serializable to the documented JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub model: ModelRef,
    pub weighting: Weighting,
    pub min_group_size: usize,
    pub bootstrap: BootstrapInfo,
    /// Respondents behind the figures (after anonymity exclusions).
    pub n_respondents: usize,
    pub overall: Overall,
    pub dimensions: Vec<DimensionResult>,
    pub groups: Vec<GroupResult>,
    pub gaps: Vec<Gap>,
    pub recommendations: Vec<Recommendation>,
    pub excluded_for_anonymity: usize,
    pub warnings: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineComparison>,
}

impl Assessment {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an assessment serializes")
    }

    /// Reads an assessment written by [`Assessment::to_json`] (e.g. an earlier round).
    pub fn from_json(text: &str) -> Result<Assessment, AssessError> {
        serde_json::from_str(text)
            .map_err(|e| AssessError::Baseline { message: format!("not an assessment JSON: {e}") })
    }

    /// Adds the comparison with an earlier round of the same model.
    pub fn with_baseline(mut self, baseline: &Assessment) -> Result<Assessment, AssessError> {
        self.baseline = Some(compare(&self, baseline)?);
        Ok(self)
    }
}

fn invalid(name: &str, message: impl Into<String>) -> AssessError {
    AssessError::InvalidOption { name: name.to_owned(), message: message.into() }
}

/// Scores `responses` on `model`.
pub fn assess(model: &Model, responses: &Responses, options: &AssessOptions) -> Result<Assessment, AssessError> {
    match options.threads {
        None => assess_inner(model, responses, options),
        Some(0) => Err(invalid("threads", "must be at least 1")),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| invalid("threads", e.to_string()))?
            .install(|| assess_inner(model, responses, options)),
    }
}

fn assess_inner(model: &Model, responses: &Responses, o: &AssessOptions) -> Result<Assessment, AssessError> {
    let k = o.min_group_size;
    if k == 0 {
        return Err(invalid("min_group_size", "must be at least 1"));
    }
    if !(o.confidence > 0.0 && o.confidence < 1.0) {
        return Err(invalid("confidence", format!("{} is not in (0, 1)", o.confidence)));
    }
    let levels = model.levels().len() as i64;
    if let Some(t) = o.target {
        if !(1..=levels).contains(&t) {
            return Err(invalid("target", format!("level {t} is not a level of the model (1..{levels})")));
        }
    }
    if responses.n_items() != model.items().len() {
        return Err(invalid("responses", "the responses were read for a different model"));
    }

    let grouping = groups::form_groups(model, responses, k);
    let included: usize = grouping.groups.iter().map(|g| g.members.len()).sum();
    if grouping.groups.is_empty() {
        return Err(AssessError::TooFewRespondents { included, excluded: grouping.excluded, k });
    }
    let groups = &grouping.groups;
    let packed = score::pack(model, responses, groups);
    let dims = model.dimensions().len();
    let mut warnings = Vec::new();
    if grouping.excluded > 0 {
        warnings.push(format!(
            "{} respondent(s) in role groups below {k} were left out of every figure to protect anonymity",
            grouping.excluded
        ));
    }

    // Point sums and what may be reported.
    let mut sums = Sums::zero(groups.len(), dims);
    for (g, scores) in packed.scores.iter().enumerate() {
        for row in scores.chunks_exact(dims) {
            sums.add(g, row);
        }
    }
    let reported: Vec<bool> = sums.cnt.iter().map(|&c| c as usize >= k).collect();
    let scored_dims: Vec<bool> = (0..dims).map(|d| (0..groups.len()).any(|g| reported[g * dims + d])).collect();
    let layout = Layout { groups: groups.len(), dims, reported, scored_dims, weighting: o.weighting };
    let mut point = Vec::new();
    layout.statistics(&sums, &mut point);
    let columns = if o.bootstrap > 0 { bootstrap::resample(&layout, &packed, o.bootstrap, o.seed) } else { Vec::new() };
    let ci = |s: usize| bootstrap::interval(columns.get(s), o.confidence);
    let finite = |x: f64| if x.is_finite() { Some(x) } else { None };

    // Dimensions.
    // Reliability and agreement are independent per dimension and group: computed in parallel.
    let alphas: Vec<(Option<f64>, usize)> =
        (0..dims).into_par_iter().map(|d| dimension_alpha(model, responses, groups, &packed, &layout, d)).collect();
    let options_a = model.scale_options();
    let rwgs: Vec<Option<f64>> = (0..groups.len() * dims)
        .into_par_iter()
        .map(|i| {
            let (g, d) = (i / dims, i % dims);
            if layout.reported[i] {
                group_rwg(model, responses, &groups[g], &packed.scores[g], dims, d, options_a)
            } else {
                None
            }
        })
        .collect();
    let mut dimensions = Vec::with_capacity(dims);
    for (d, def) in model.dimensions().iter().enumerate() {
        let score = finite(point[layout.dim(d)]);
        let n: usize = (0..groups.len())
            .filter(|&g| layout.reported[layout.group_dim(g, d)])
            .map(|g| sums.cnt[g * dims + d] as usize)
            .sum();
        let (alpha, alpha_n) = alphas[d];
        if score.is_none() {
            warnings.push(format!(
                "dimension {}: no role group has {k} or more scored respondents; no score is reported",
                def.id
            ));
        }
        match alpha {
            Some(a) if a < 0.7 => warnings.push(format!("dimension {}: Cronbach's alpha {a:.2} is below 0.7", def.id)),
            None => warnings.push(format!(
                "dimension {}: Cronbach's alpha not computed ({alpha_n} respondent(s) answered every item; 3 are needed, and the totals must vary)",
                def.id
            )),
            _ => {}
        }
        dimensions.push(DimensionResult {
            id: def.id.clone(),
            label: def.label.clone(),
            score,
            level: score.map(|s| model.level_of(s)),
            progress: score.map(|s| model.progress_of(s)),
            ci: score.and_then(|_| ci(layout.dim(d))),
            alpha,
            alpha_n,
            n,
            target: 0.0,
            gap: None,
        });
    }

    // Overall and target profile.
    let overall_score = finite(point[layout.overall()]);
    let overall_level = dimensions.iter().filter_map(|d| d.level).min();
    let target = o.target.unwrap_or_else(|| (overall_level.unwrap_or(0) + 1).clamp(1, levels));
    let target_score = (target + model.scale().min - 1) as f64;
    let (mut gap_sum, mut target_sum) = (0.0, 0.0);
    for d in dimensions.iter_mut() {
        d.target = target_score;
        if let Some(s) = d.score {
            let gap = (target_score - s).max(0.0);
            d.gap = Some(gap);
            gap_sum += gap;
            target_sum += target_score;
        }
    }
    let overall = Overall {
        score: overall_score,
        level: overall_level,
        ci: overall_score.and_then(|_| ci(layout.overall())),
        target,
        percent_to_target: (target_sum > 0.0).then(|| 1.0 - gap_sum / target_sum),
    };

    // Groups.
    let group_results = groups
        .iter()
        .enumerate()
        .map(|(g, group)| GroupResult {
            role: group.id.clone(),
            label: group_label(model, group),
            roles: group.roles.iter().map(|&r| model.roles()[r].id.clone()).collect(),
            n: group.members.len(),
            dimensions: (0..dims)
                .map(|d| {
                    let i = layout.group_dim(g, d);
                    let shown = layout.reported[i];
                    GroupDimension {
                        id: model.dimensions()[d].id.clone(),
                        score: if shown { finite(point[i]) } else { None },
                        n: shown.then_some(sums.cnt[i] as usize),
                        ci: if shown { ci(i) } else { None },
                        rwg: rwgs[i],
                    }
                })
                .collect(),
        })
        .collect();

    // Perception gaps between every pair of groups.
    let mut gaps = Vec::new();
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            for d in 0..dims {
                let (ia, ib) = (layout.group_dim(a, d), layout.group_dim(b, d));
                if !(layout.reported[ia] && layout.reported[ib]) {
                    continue;
                }
                let ci = bootstrap::diff_interval(&columns, ia, ib, o.confidence);
                gaps.push(Gap {
                    a: groups[a].id.clone(),
                    b: groups[b].id.clone(),
                    dimension: model.dimensions()[d].id.clone(),
                    diff: point[ia] - point[ib],
                    ci,
                    significant: ci.map(|[lo, hi]| lo > 0.0 || hi < 0.0),
                });
            }
        }
    }

    // Recommendations: largest weighted gaps first, ties in model order.
    let mut recs: Vec<(usize, f64, f64)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, r)| r.gap.filter(|g| *g > 0.0).map(|g| (d, g, g * model.dimensions()[d].weight)))
        .collect();
    recs.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    let recommendations = recs
        .into_iter()
        .enumerate()
        .map(|(i, (d, gap, weighted_gap))| {
            let def = &model.dimensions()[d];
            Recommendation {
                dimension: def.id.clone(),
                label: def.label.clone(),
                gap,
                weighted_gap,
                priority: i + 1,
                levers: def.levers.clone(),
                lever_labels: def.levers.iter().filter_map(|l| model.lever(l)).map(|l| l.label.clone()).collect(),
            }
        })
        .collect();

    Ok(Assessment {
        model: ModelRef { id: model.id().to_owned(), version: model.version().to_owned() },
        weighting: o.weighting,
        min_group_size: k,
        bootstrap: BootstrapInfo { resamples: o.bootstrap, seed: o.seed, confidence: o.confidence },
        n_respondents: included,
        overall,
        dimensions,
        groups: group_results,
        gaps,
        recommendations,
        excluded_for_anonymity: grouping.excluded,
        warnings,
        baseline: None,
    })
}

fn group_label(model: &Model, group: &groups::Group) -> Localized {
    if group.id == OTHER_GROUP {
        Localized::da_en("Øvrige", "Other")
    } else {
        model.roles()[group.roles[0]].label.clone()
    }
}

/// Reverse-coded value of an answer code.
fn item_value(model: &Model, item: usize, code: u8) -> f64 {
    let (min, max) = (model.scale().min, model.scale().max);
    let v = code as i64 + min - 1;
    (if model.items()[item].reverse { min + max - v } else { v }) as f64
}

/// Cronbach's alpha of dimension `d` over the respondents behind its score who answered
/// every item of the dimension.
fn dimension_alpha(
    model: &Model,
    responses: &Responses,
    groups: &[groups::Group],
    packed: &score::Packed,
    layout: &Layout,
    d: usize,
) -> (Option<f64>, usize) {
    let items = model.dimension_items(d);
    let mut rows = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if !layout.reported[layout.group_dim(g, d)] {
            continue;
        }
        for (j, &r) in group.members.iter().enumerate() {
            if packed.scores[g][j * packed.dims + d].is_nan() {
                continue;
            }
            let codes = responses.codes(r);
            if items.iter().all(|&i| codes[i] != 0) {
                rows.push(items.iter().map(|&i| item_value(model, i, codes[i])).collect::<Vec<_>>());
            }
        }
    }
    (stats::cronbach_alpha(&rows), rows.len())
}

/// r_wg(J) of a group on dimension `d`, over its respondents with a score there.
fn group_rwg(
    model: &Model,
    responses: &Responses,
    group: &groups::Group,
    scores: &[f64],
    dims: usize,
    d: usize,
    options: i64,
) -> Option<f64> {
    let variances: Vec<f64> = model
        .dimension_items(d)
        .iter()
        .filter_map(|&item| {
            let values: Vec<f64> = group
                .members
                .iter()
                .enumerate()
                .filter(|(j, _)| !scores[j * dims + d].is_nan())
                .filter_map(|(_, &r)| {
                    let c = responses.codes(r)[item];
                    (c != 0).then(|| item_value(model, item, c))
                })
                .collect();
            stats::sample_variance(&values)
        })
        .collect();
    stats::rwg_j(&variances, stats::uniform_null_variance(options))
}

//! Scoring a municipality on the maturity model (DOMAIN.md §2, "Scoring" version 2, and
//! "Anonymity and disclosure"; the project's own statement is docs/scoring.md).
//!
//! [`assess`] is a pipeline of named steps: form the anonymous groups, score respondents,
//! decide what may be published, compute the figures, then the gaps and recommendations.

mod agreement;
mod baseline;
mod bootstrap;
mod carried;
mod contract;
mod disclosure;
mod dont_know;
pub mod figures;
mod gaps;
mod groups;
mod item_disclosure;
mod items;
mod labels;
mod levels;
mod options;
mod overall;
mod priority;
mod recommend;
mod rounds;
pub mod sample;
mod score;
mod types;
mod units;
mod warning;
#[cfg(test)]
mod worked_example;

use rayon::prelude::*;

use crate::localized::Localized;
use crate::model::{Model, OTHER_GROUP};
use crate::responses::{ResponseError, Responses};
use crate::stats::{self, GroupMoments};

pub use baseline::{
    BaselineComparison, DimensionChange, RoundChange, RoundComparison, attach_item_changes, compare, compare_rounds,
};
pub use carried::{Round, compare_carried_over};
pub use contract::{NotComparable, not_comparable};
pub use dont_know::DONT_KNOW_DIFFERENCE;
pub use items::{
    DimensionFlag, DimensionReliability, ItemAnalysis, ItemFlag, ItemOptions, ItemStats, RoleItemAnalysis,
    item_analysis,
};
pub use options::{AssessOptions, DEFAULT_MIN_GROUP_SIZE, MAX_BOOTSTRAP, MIN_GROUP_SIZE_FLOOR, Weighting};
pub use types::{
    Assessment, BootstrapInfo, DimensionResult, Gap, GapVerdict, GroupDimension, GroupResult, LevelProbabilities,
    ModelRef, MunicipalityRef, Overall, Priorities, PriorityBasis, PriorityOrders, Recommendation, SCHEMA_VERSION,
    Suppression, TargetStatus, UnitDimension, UnitResult, Withheld, WithheldReason,
};
pub use warning::{Warning, WarningKind};

use disclosure::{Cells, Publish};
use groups::Group;
use score::{Layout, Sums};

/// The bundled sample municipality's survey answers on the default model `dtm` 2027.1
/// (synthetic, illustrative): `transform-model sample --model dtm --respondents 78 --seed 6
/// --role-counts politician=4,top_manager=12,middle_manager=24,frontline=30,external_partner=8`.
pub const SAMPLE_RESPONSES_CSV: &str = include_str!("../../data/sample_responses.csv");

/// A bundled sample alliance's survey answers on `ci` (synthetic, illustrative):
/// `transform-model sample --model ci --respondents 40 --seed 0
/// --role-counts municipality=10,region=6,business=8,civil_society=10,citizen_rep=6`.
pub const SAMPLE_RESPONSES_CI_CSV: &str = include_str!("../../data/sample_responses_ci.csv");

/// Responses by name, in every face: `sample` (unless a file of that name exists) is the
/// bundled sample survey of `model_id`'s family (`ci`, else `dtm`); None means "a file".
pub fn bundled_responses(spec: &str, model_id: &str) -> Option<&'static str> {
    (spec.trim() == "sample" && !std::path::Path::new(spec).exists()).then_some(if model_id == "ci" {
        SAMPLE_RESPONSES_CI_CSV
    } else {
        SAMPLE_RESPONSES_CSV
    })
}

/// Errors that stop an assessment.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum AssessError {
    /// Fewer than k respondents remain after anonymity merging: nothing may be reported.
    #[error(
        "anonymity: only {included} respondent(s) remain in groups of at least {k} ({excluded} left out of smaller groups); at least {k} are needed, so no figure can be reported"
    )]
    TooFewRespondents {
        /// Respondents in groups of at least k.
        included: usize,
        /// Respondents left out of smaller groups.
        excluded: usize,
        /// The minimum group size.
        k: usize,
    },
    /// An option breaks its rule.
    #[error("option `{name}`: {message}")]
    InvalidOption {
        /// The option.
        name: String,
        /// Its rule and the value given.
        message: String,
    },
    /// The baseline cannot be compared with this assessment.
    #[error("baseline: {message}")]
    Baseline {
        /// Why.
        message: String,
    },
    /// The responses were read for another model than the one given.
    #[error(transparent)]
    ModelMismatch(ResponseError),
    /// A breakdown column that the responses do not have.
    #[error("breakdown by `{column}`: the responses have no such column (unit columns read: {available})")]
    UnknownBreakdown {
        /// The column asked for.
        column: String,
        /// The unit columns the responses have, quoted; empty when none.
        available: String,
    },
    /// A municipality code that is not one of the 98.
    #[error("municipality `{code}` is not one of the 98 municipality codes{hint}")]
    UnknownMunicipality {
        /// The code given.
        code: String,
        /// " (did you mean …?)" or empty.
        hint: String,
    },
    /// The disclosure audit failed on the figures to publish; nothing is published.
    #[error("disclosure control: {0}")]
    Disclosure(#[source] crate::disclosure::Exposure),
    /// The caller cancelled the call ([`crate::cancel`]); nothing is returned.
    #[error(transparent)]
    Cancelled(#[from] crate::cancel::Cancelled),
}

impl Assessment {
    /// The assessment as pretty-printed JSON (schema `assessment`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an assessment serializes")
    }

    /// Reads an assessment written by [`Assessment::to_json`] (e.g. an earlier round),
    /// of this contract version or version 1.
    pub fn from_json(text: &str) -> Result<Assessment, AssessError> {
        crate::json::parse(text).map_err(|e| AssessError::Baseline {
            message: format!("not an assessment JSON (at `{}`: {})", e.path, e.message),
        })
    }

    /// The same assessment recorded for municipality `code` (one of the 98), as `assess`
    /// with `municipality` would have: for benchmarking assessments made without it.
    pub fn for_municipality(mut self, code: &str) -> Result<Assessment, AssessError> {
        self.municipality = Some(municipality_of(code)?);
        Ok(self)
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

/// Scores `responses` on `model`, the model they were read for.
pub fn assess(model: &Model, responses: &Responses, options: &AssessOptions) -> Result<Assessment, AssessError> {
    options.validate(model.levels().len() as i64)?;
    responses.check_model(model).map_err(AssessError::ModelMismatch)?;
    match options.threads {
        None => assess_inner(model, responses, options),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| invalid("threads", e.to_string()))?
            .install(|| assess_inner(model, responses, options)),
    }
}

/// Everything computed once and read by the figure-building steps.
struct Survey<'a> {
    model: &'a Model,
    responses: &'a Responses,
    options: &'a AssessOptions,
    groups: Vec<Group>,
    cells: Cells,
    publish: Publish,
    layout: Layout,
    point: Vec<f64>,
    /// Bootstrap replicates, one column per statistic of the layout (empty without).
    columns: Vec<Vec<f64>>,
    packed: score::Packed,
}

impl Survey<'_> {
    fn dims(&self) -> usize {
        self.layout.dims
    }
    fn scale(&self) -> (f64, f64) {
        (self.model.scale().min as f64, self.model.scale().max as f64)
    }
    fn contributing(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.groups.len()).filter(move |&g| self.publish.reported[g * self.dims() + d])
    }
    fn moments(&self, c: usize) -> Option<GroupMoments> {
        let xs = &self.cells.scores[c];
        Some(GroupMoments { mean: stats::mean(xs)?, var: stats::sample_variance(xs)?, n: xs.len() })
    }
}

fn assess_inner(model: &Model, responses: &Responses, o: &AssessOptions) -> Result<Assessment, AssessError> {
    let k = o.min_group_size;
    let grouping = groups::form_groups(model, responses, k);
    let included: usize = grouping.groups.iter().map(|g| g.members.len()).sum();
    if grouping.groups.is_empty() {
        return Err(AssessError::TooFewRespondents { included, excluded: grouping.excluded, k });
    }
    let municipality = municipality_ref(o)?;
    let (survey, breakdown) = prepare(model, responses, o, grouping.groups)?;
    let mut warnings = Vec::new();
    if k < DEFAULT_MIN_GROUP_SIZE {
        warnings.push(Warning::small_groups(k));
    }
    if grouping.excluded > 0 {
        warnings.push(Warning::excluded(grouping.excluded, k));
    }
    // Dimensions are independent (alpha reads every respondent): computed in parallel,
    // warnings kept in dimension order.
    let per_dimension: Vec<(DimensionResult, Vec<Warning>)> = (0..survey.dims())
        .into_par_iter()
        .map(|d| {
            let mut own = Vec::new();
            (dimension_result(&survey, d, &mut own), own)
        })
        .collect();
    let mut dimensions = Vec::with_capacity(per_dimension.len());
    for (dimension, own) in per_dimension {
        dimensions.push(dimension);
        warnings.extend(own);
    }
    let (overall, priorities) = overall::overall_and_targets(&survey, &mut dimensions);
    if priorities.first_differs {
        let o = &priorities.orders;
        fn first(v: &[String]) -> &str {
            v.first().map_or("–", String::as_str)
        }
        warnings.push(Warning::priority_depends_on_weighting([
            first(&o.common_perspectives),
            first(&o.balanced),
            first(&o.pooled),
        ]));
    }
    let groups = group_results(&survey);
    warnings.extend(dont_know::warnings(model, &groups));
    let rules = gaps::GapRules {
        k,
        min_dispersion_n: o.min_dispersion_n,
        min_common_items: o.min_common_items,
        confidence: o.confidence,
    };
    let gaps = gaps::perception_gaps(model, responses, &survey.groups, &survey.publish, &rules);
    let recommendations = recommend::recommendations(model, &dimensions);
    Ok(Assessment {
        schema_version: SCHEMA_VERSION,
        model: ModelRef { id: model.id().to_owned(), version: model.version().to_owned() },
        weighting: o.weighting,
        min_group_size: k,
        min_dispersion_n: Some(o.min_dispersion_n),
        min_common_items: Some(o.min_common_items),
        bootstrap: BootstrapInfo { resamples: o.bootstrap, seed: o.seed, confidence: o.confidence },
        n_respondents: included,
        overall,
        dimensions,
        groups,
        gaps,
        recommendations,
        priorities: Some(priorities),
        excluded_for_anonymity: grouping.excluded,
        warnings,
        municipality,
        by: o.group_by.clone(),
        units: breakdown.units,
        suppression: breakdown.suppression,
        baseline: None,
    })
}

/// The municipality named by `options.municipality`, checked against the 98.
fn municipality_ref(o: &AssessOptions) -> Result<Option<MunicipalityRef>, AssessError> {
    o.municipality.as_deref().map(municipality_of).transpose()
}

/// The municipality with this 3-digit code, one of the 98; a name given for a code says
/// which code it has.
fn municipality_of(code: &str) -> Result<MunicipalityRef, AssessError> {
    let code = code.trim();
    match crate::municipality::all().iter().find(|m| m.code == code) {
        Some(m) => Ok(MunicipalityRef { code: m.code.clone(), name: m.name.clone() }),
        None => {
            let names: Vec<&str> = crate::municipality::all().iter().map(|m| m.name.as_str()).collect();
            let by_name = crate::municipality::all()
                .iter()
                .find(|m| crate::text::normalize(&m.name) == crate::text::normalize(code));
            let hint = match by_name {
                Some(m) => format!(" (`{}` is the code of {})", m.code, m.name),
                None => crate::json::nearest(code, &names).map_or(String::new(), |n| format!(" (did you mean {n}?)")),
            };
            Err(AssessError::UnknownMunicipality { code: code.to_owned(), hint })
        }
    }
}

/// Scores respondents, decides what is published, computes the point figures and the
/// bootstrap replicates.
fn prepare<'a>(
    model: &'a Model,
    responses: &'a Responses,
    o: &'a AssessOptions,
    groups: Vec<Group>,
) -> Result<(Survey<'a>, units::Breakdown), AssessError> {
    let dims = model.dimensions().len();
    let packed = score::pack(model, responses, &groups);
    let cells = Cells::new(&packed);
    crate::cancel::check()?;
    let mut publish = disclosure::decide(&cells, groups.len(), o.min_group_size, o.min_dispersion_n);
    let across = rounds::withhold_groups(model, &groups, &cells, &mut publish, &o.audit_against, o.min_group_size);
    let mut breakdown = units::breakdown(model, responses, &groups, &packed, &mut publish, o)?;
    breakdown.suppression.secondary += across;
    let weights = (0..groups.len() * dims)
        .map(|c| {
            let (g, d) = (c / dims, c % dims);
            groups[g].roles.iter().filter(|&&r| model.asked_items(r, d).next().is_some()).count().max(1) as f64
        })
        .collect();
    let scored_dims = (0..dims).map(|d| (0..groups.len()).any(|g| publish.reported[g * dims + d])).collect();
    let layout = Layout {
        groups: groups.len(),
        dims,
        reported: publish.reported.clone(),
        scored_dims,
        weights,
        weighting: o.weighting,
    };
    let mut sums = Sums::zero(groups.len(), dims);
    for (g, scores) in packed.scores.iter().enumerate() {
        for row in scores.chunks_exact(dims) {
            sums.add(g, row);
        }
    }
    let mut point = Vec::new();
    layout.statistics(&sums, &mut point);
    let max_items = (0..dims).map(|d| model.dimension_items(d).len()).max().unwrap_or(1);
    let columns = if o.bootstrap > 0 {
        bootstrap::resample(&layout, &packed, max_items, o.bootstrap, o.seed)?
    } else {
        Vec::new()
    };
    Ok((Survey { model, responses, options: o, groups, cells, publish, layout, point, columns, packed }, breakdown))
}

/// The municipality's estimate of dimension `d`: Welch–Satterthwaite over the group means
/// (balanced) or Student t over every respondent (pooled).
fn dimension_estimate(s: &Survey, d: usize) -> Option<stats::Estimate> {
    let dims = s.dims();
    match s.layout.weighting {
        Weighting::Balanced => {
            let total: f64 = s.contributing(d).map(|g| s.layout.weights[g * dims + d]).sum();
            let terms: Option<Vec<(f64, GroupMoments)>> = s
                .contributing(d)
                .map(|g| Some((s.layout.weights[g * dims + d] / total, s.moments(g * dims + d)?)))
                .collect();
            let estimate = stats::welch(&terms?)?;
            Some(units::conservative_df(
                estimate,
                s.contributing(d).map(|g| (s.cells.n(g * dims + d), s.publish.dispersion[g * dims + d])),
            ))
        }
        Weighting::Pooled => {
            let all: Vec<f64> = s.contributing(d).flat_map(|g| s.cells.scores[g * dims + d].iter().copied()).collect();
            stats::t_mean(&all)
        }
    }
}

/// Kish's effective n: respondent weights w_g/n_g under balanced weighting, 1 under pooled.
fn effective_n(s: &Survey, d: usize) -> Option<f64> {
    let dims = s.dims();
    match s.layout.weighting {
        Weighting::Pooled => Some(s.contributing(d).map(|g| s.cells.n(g * dims + d)).sum::<usize>() as f64),
        Weighting::Balanced => {
            let total: f64 = s.contributing(d).map(|g| s.layout.weights[g * dims + d]).sum();
            stats::kish_effective_n(s.contributing(d).flat_map(|g| {
                let c = g * dims + d;
                let w = s.layout.weights[c] / total / s.cells.n(c) as f64;
                std::iter::repeat_n(w, s.cells.n(c))
            }))
        }
    }
}

/// Roles asked the dimension whose respondents are in no reported cell of it.
fn missing_perspectives(s: &Survey, d: usize) -> Vec<String> {
    let model = s.model;
    (0..model.roles().len())
        .filter(|&r| model.asked_items(r, d).next().is_some())
        .filter(|&r| !s.contributing(d).any(|g| s.groups[g].roles.contains(&r)))
        .map(|r| model.roles()[r].id.clone())
        .collect()
}

/// ICC(1)/ICC(2) across the reported groups; only when every contributing group's
/// dispersion is published (with the group SDs, the ANOVA's MSW would reveal a hidden one).
fn dimension_icc(s: &Survey, d: usize) -> Option<(f64, f64)> {
    let dims = s.dims();
    let cells: Vec<usize> = s.contributing(d).map(|g| g * dims + d).collect();
    if !s.publish.dim_dispersion[d] || cells.iter().any(|&c| !s.publish.dispersion[c]) {
        return None;
    }
    let slices: Vec<&[f64]> = cells.iter().map(|&c| s.cells.scores[c].as_slice()).collect();
    stats::icc(&slices)
}

fn dimension_result(s: &Survey, d: usize, warnings: &mut Vec<Warning>) -> DimensionResult {
    let (model, o, dims) = (s.model, s.options, s.dims());
    let def = &model.dimensions()[d];
    let score = Some(s.point[s.layout.dim(d)]).filter(|x| x.is_finite());
    let spread = score.is_some() && s.publish.dim_dispersion[d];
    let (lo, hi) = s.scale();
    let estimate = spread.then(|| dimension_estimate(s, d)).flatten();
    // The interval is clipped to the scale; se and df go out exactly when it does.
    let ci = estimate.and_then(|e| e.interval(o.confidence, lo, hi));
    let (se, df) = match (ci, estimate) {
        (Some(_), Some(e)) => (Some(e.se), Some(e.df).filter(|x| x.is_finite())),
        _ => (None, None),
    };
    let n: usize = s.contributing(d).map(|g| s.cells.n(g * dims + d)).sum();
    if score.is_none() {
        warnings.push(Warning::no_score(&def.id, o.min_group_size));
    }
    let (alpha, alpha_n) = agreement::alpha(model, s.responses, &s.groups, |g| s.publish.reported[g * dims + d], d);
    let needed = o.min_group_size.max(3);
    let alpha = alpha.filter(|_| spread && alpha_n.is_some_and(|n| n >= needed));
    match alpha {
        Some(a) if a < 0.7 => warnings.push(Warning::low_alpha(&def.id, a)),
        None if score.is_some() => warnings.push(Warning::alpha_not_computed(&def.id, alpha_n, needed)),
        _ => {}
    }
    if spread && alpha_n.is_some_and(|n| n >= needed) {
        let reported = |g| s.publish.reported[g * dims + d];
        warnings.extend(agreement::matrix_warnings(model, s.responses, &s.groups, reported, d, needed));
    }
    let probabilities =
        (spread && !s.columns.is_empty()).then(|| levels::of_column(model, &s.columns[s.layout.dim(d)])).flatten();
    let missing = if score.is_some() { missing_perspectives(s, d) } else { Vec::new() };
    let icc = score.and_then(|_| dimension_icc(s, d));
    // A negative ICC says the groups differ less than chance: withheld with the reason.
    if let Some((i1, i2)) = icc.filter(|&(i1, i2)| i1 < 0.0 || i2 < 0.0) {
        warnings.push(Warning::icc_withheld(&def.id, i1.min(i2)));
    }
    let icc = icc.filter(|&(i1, i2)| i1 >= 0.0 && i2 >= 0.0);
    DimensionResult {
        id: def.id.clone(),
        label: def.label.clone(),
        score,
        level: score.map(|x| model.level_of(x)),
        progress: score.map(|x| model.progress_of(x)),
        ci,
        se,
        df,
        borderline: ci.map(|ci| levels::borderline(model, ci)),
        level_probabilities: probabilities,
        partial: !missing.is_empty(),
        missing_perspectives: missing,
        n,
        n_effective: score.and_then(|_| effective_n(s, d)),
        alpha,
        alpha_n,
        icc1: icc.map(|x| x.0),
        icc2: icc.map(|x| x.1),
        target: 0.0,
        gap: None,
        status: None,
        priority_score: None,
        priority_gap: None,
        common_items: gaps::items_of_all(model, &s.contributing(d).map(|g| &s.groups[g]).collect::<Vec<_>>(), d)
            .into_iter()
            .map(|i| model.items()[i].id.clone())
            .collect(),
    }
}

fn group_results(s: &Survey) -> Vec<GroupResult> {
    let (model, dims) = (s.model, s.dims());
    let (lo, hi) = s.scale();
    // Agreement is independent per cell: computed in parallel.
    let agreements: Vec<agreement::Agreement> = (0..s.groups.len() * dims)
        .into_par_iter()
        .map(|c| {
            let (g, d) = (c / dims, c % dims);
            let a = agreement::rwg(model, s.responses, &s.groups[g], &s.packed.scores[g], dims, d);
            if s.publish.dispersion[c] {
                a
            } else {
                agreement::Agreement { single_item: a.single_item, ..Default::default() }
            }
        })
        .collect();
    s.groups
        .iter()
        .enumerate()
        .map(|(g, group)| GroupResult {
            role: group.id.clone(),
            label: group_label(model, group),
            roles: group.roles.iter().map(|&r| model.roles()[r].id.clone()).collect(),
            n: group.members.len(),
            dimensions: (0..dims)
                .map(|d| {
                    let c = g * dims + d;
                    let shown = s.publish.reported[c];
                    let spread = shown && s.publish.dispersion[c];
                    let estimate = spread.then(|| stats::t_mean(&s.cells.scores[c])).flatten();
                    let a = agreements[c];
                    let common =
                        gaps::items_of_all(model, &s.contributing(d).map(|h| &s.groups[h]).collect::<Vec<_>>(), d);
                    let own = agreement::group_items(model, group, d);
                    let common_score = (shown && !common.is_empty() && common.len() < own.len())
                        .then(|| gaps::common_mean(model, s.responses, group, &common, s.options.min_group_size))
                        .flatten();
                    GroupDimension {
                        id: model.dimensions()[d].id.clone(),
                        score: shown.then(|| s.point[c]).filter(|x| x.is_finite()),
                        n: shown.then(|| s.cells.n(c)),
                        ci: estimate.and_then(|e| e.interval(s.options.confidence, lo, hi)),
                        sd: estimate.map(|e| e.se * (s.cells.n(c) as f64).sqrt()),
                        rwg_uniform: a.uniform,
                        rwg_slight_skew: a.slight_skew,
                        j: a.j,
                        single_item: a.single_item,
                        common_score,
                        alpha: spread
                            .then(|| {
                                let reported = |h| s.publish.reported[h * dims + d];
                                let needed = s.options.min_group_size.max(3);
                                agreement::role_alpha(model, s.responses, &s.groups, reported, (g, d), needed)
                            })
                            .flatten(),
                        dont_know_rate: spread
                            .then(|| dont_know::rate(model, s.responses, group, model.dimension_items(d)))
                            .flatten(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn group_label(model: &Model, group: &Group) -> Localized {
    if group.id == OTHER_GROUP {
        Localized::da_en("Øvrige", "Other")
    } else {
        model.roles()[group.roles[0]].label.clone()
    }
}

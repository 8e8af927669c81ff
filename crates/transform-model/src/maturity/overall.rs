//! The overall figures (docs/scoring.md, "Overall level"): the overall score with its
//! interval, the overall level, the target profile and the priority gaps.
//!
//! Version 2's overall level, the lowest dimension's ⌊score⌋, is biased down: the minimum of
//! ten noisy dimension scores falls below a level the municipality has reached in about half
//! of the small surveys. Version 3 takes the level of the overall score and lowers it only
//! to a dimension that is *surely* below it.

use super::types::{DimensionResult, Overall, Priorities};
use super::{Survey, Weighting, levels, priority};
use crate::stats::boundary::{gap_to, reaches};
use crate::stats::{self, Estimate};

/// The overall figures, and the target profile and priority gaps applied to every dimension.
pub(crate) fn overall_and_targets(s: &Survey, dimensions: &mut [DimensionResult]) -> (Overall, Priorities) {
    let model = s.model;
    let levels_n = model.levels().len() as i64;
    let score = Some(s.point[s.layout.overall()]).filter(|x| x.is_finite());
    let (lo, hi) = s.scale();
    let spread = dimensions.iter().filter(|d| d.score.is_some()).all(|d| d.ci.is_some());
    let estimate = score.filter(|_| spread).and_then(|_| overall_estimate(s));
    let ci = estimate.and_then(|e| e.interval(s.options.confidence, lo, hi));
    let (se, df) = match (ci, estimate) {
        (Some(_), Some(e)) => (Some(e.se), Some(e.df).filter(|x| x.is_finite())),
        _ => (None, None),
    };
    let base = score.map(|x| model.level_of(x));
    let surely_below = surely_below(model, base, dimensions);
    let cap = surely_below.iter().filter_map(|&d| dimensions[d].level).min();
    let level = match (base, cap) {
        (Some(b), Some(c)) => Some(b.min(c)),
        (b, _) => b,
    };
    let target = s.options.target.unwrap_or_else(|| (level.unwrap_or(0) + 1).clamp(1, levels_n));
    let target_score = (target + model.scale().min - 1) as f64;
    let basis = priority::basis(s);
    let common = priority::scores(s, &basis);
    let mut gaps = Vec::new();
    for (d, r) in dimensions.iter_mut().enumerate() {
        r.target = target_score;
        if let Some(x) = r.score {
            let gap = gap_to(x, target_score);
            r.gap = Some(gap);
            r.status = super::recommend::status(r.ci, target_score);
            gaps.push(gap);
        }
        r.priority_score = common[d];
        r.priority_gap = common[d].map(|x| gap_to(x, target_score));
    }
    let balanced: Vec<Option<f64>> = match s.layout.weighting {
        Weighting::Balanced => dimensions.iter().map(|d| d.score).collect(),
        Weighting::Pooled => (0..s.dims()).map(|d| balanced_score(s, d)).collect(),
    };
    let common_or_dims: Vec<Option<f64>> =
        if basis.is_empty() { dimensions.iter().map(|d| d.score).collect() } else { common.clone() };
    let orders = priority::orders(model, &common_or_dims, &balanced, &priority::pooled_scores(s), target_score);
    let first = |o: &Vec<String>| o.first().cloned();
    let first_differs = first(&orders.common_perspectives) != first(&orders.balanced)
        || first(&orders.balanced) != first(&orders.pooled);
    let priorities = Priorities {
        basis: priority::basis_kind(&basis),
        perspectives: priority::perspective_ids(s, &basis),
        orders,
        first_differs,
    };
    let all_spread = dimensions.iter().any(|d| d.score.is_some())
        && dimensions.iter().filter(|d| d.score.is_some()).all(|d| d.level_probabilities.is_some());
    let level_probabilities = all_spread
        .then(|| {
            let column = &s.columns[s.layout.overall()];
            let capped = column.iter().filter(|x| x.is_finite()).map(|&x| {
                let l = model.level_of(x);
                cap.map_or(l, |c| l.min(c))
            });
            levels::probabilities(model, capped)
        })
        .flatten();
    let overall = Overall {
        score,
        level,
        ci,
        se,
        df,
        borderline: ci.map(|ci| levels::borderline(model, ci)),
        surely_below: surely_below.iter().map(|&d| dimensions[d].id.clone()).collect(),
        level_probabilities,
        target,
        mean_gap: stats::mean(&gaps),
    };
    (overall, priorities)
}

/// Dimensions surely below the level `base` of the overall score: the upper bound of their
/// interval does not reach its boundary; without an interval, a lower point level.
fn surely_below(model: &crate::model::Model, base: Option<i64>, dims: &[DimensionResult]) -> Vec<usize> {
    let Some(base) = base else { return Vec::new() };
    let boundary = (base + model.scale().min - 1) as f64;
    (0..dims.len())
        .filter(|&d| match (dims[d].level, dims[d].ci) {
            (Some(l), Some([_, hi])) => l < base && !reaches(hi, boundary),
            (Some(l), None) => l < base,
            _ => false,
        })
        .collect()
}

/// The balanced dimension score, for the sensitivity orders of a pooled assessment.
fn balanced_score(s: &Survey, d: usize) -> Option<f64> {
    let dims = s.dims();
    let (mut total, mut weight) = (0.0, 0.0);
    for g in s.contributing(d) {
        let c = g * dims + d;
        let m = stats::mean(&s.cells.scores[c])?;
        total += s.layout.weights[c] * m;
        weight += s.layout.weights[c];
    }
    (weight > 0.0).then(|| total / weight)
}

/// The overall score's estimate by linearisation: the overall score is a weighted sum of
/// group × dimension means; each member's influence is z_i = Σ_d a_gd/n_gd·(x_id − mean_gd)
/// over the dimensions they are scored on (a_gd the cell's share of the overall score).
/// Balanced: var = Σ_g n_g·s²(z) over the groups, df Welch–Satterthwaite; pooled: all
/// members as one sample, df = N − 1. With one dimension and no missing scores this is
/// exactly the dimension's Welch (balanced) or t (pooled) interval.
fn overall_estimate(s: &Survey) -> Option<Estimate> {
    let dims = s.dims();
    let scored: Vec<usize> = (0..dims).filter(|&d| s.layout.scored_dims[d]).collect();
    if scored.is_empty() {
        return None;
    }
    let share = 1.0 / scored.len() as f64;
    let value = s.point[s.layout.overall()];
    match s.layout.weighting {
        Weighting::Balanced => {
            let mut terms = Vec::new();
            for (g, group) in s.groups.iter().enumerate() {
                if !scored.iter().any(|&d| s.publish.reported[g * dims + d]) {
                    continue;
                }
                let n = group.members.len();
                let z = influences(s, g, &scored, |d, c| {
                    let total: f64 = s.contributing(d).map(|h| s.layout.weights[h * dims + d]).sum();
                    share * s.layout.weights[c] / total / s.cells.n(c) as f64
                });
                let var = stats::sample_variance(&z)?;
                terms.push((n as f64 * var, n));
            }
            let var: f64 = terms.iter().map(|t| t.0).sum();
            let denom: f64 = terms.iter().map(|&(v, n)| v * v / (n as f64 - 1.0)).sum();
            let df = if denom > 0.0 { var * var / denom } else { f64::INFINITY };
            Some(Estimate { value, se: var.sqrt(), df })
        }
        Weighting::Pooled => {
            let mut z = Vec::new();
            for g in 0..s.groups.len() {
                z.extend(influences(s, g, &scored, |d, _| {
                    let n: usize = s.contributing(d).map(|h| s.cells.n(h * dims + d)).sum();
                    share / n as f64
                }));
            }
            let n = z.len();
            let var = n as f64 * stats::sample_variance(&z)?;
            Some(Estimate { value, se: var.sqrt(), df: (n - 1) as f64 })
        }
    }
}

/// Each member of group `g`: Σ over the scored dimensions where the cell is reported and
/// the member scored of coef(d, cell)·(x − centre), the centre being the group mean
/// (balanced) or the pooled dimension score (pooled, via `coef`'s caller).
fn influences(s: &Survey, g: usize, scored: &[usize], coef: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    let dims = s.dims();
    let rows = &s.packed.scores[g];
    let n = rows.len() / dims;
    let mut z = vec![0.0; n];
    for &d in scored {
        let c = g * dims + d;
        if !s.publish.reported[c] {
            continue;
        }
        let centre = match s.layout.weighting {
            Weighting::Balanced => s.point[c],
            Weighting::Pooled => s.point[s.layout.dim(d)],
        };
        let k = coef(d, c);
        for (i, zi) in z.iter_mut().enumerate() {
            let x = rows[i * dims + d];
            if !x.is_nan() {
                *zi += k * (x - centre);
            }
        }
    }
    z
}

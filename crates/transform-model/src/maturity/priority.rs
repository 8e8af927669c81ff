//! Priorities robust to routing (docs/scoring.md, "Priorities"): dimensions are compared on
//! the perspectives asked every dimension, each role once, so a group asked only some
//! dimensions (external partners, say) cannot make those dimensions come out weakest. The
//! balanced and pooled orders are published beside it as the weighting's sensitivity.

use super::Survey;
use super::types::{PriorityBasis, PriorityOrders};
use crate::model::Model;

/// Per group, the number of its roles asked at least one item of every dimension of the
/// model (the common perspectives); 0 for a group with none.
fn common_weights(s: &Survey) -> Vec<f64> {
    let model = s.model;
    let dims = model.dimensions().len();
    let everywhere = |r: usize| (0..dims).all(|d| model.asked_items(r, d).next().is_some());
    s.groups.iter().map(|g| g.roles.iter().filter(|&&r| everywhere(r)).count() as f64).collect()
}

/// The common-perspective basis: groups with a common perspective whose cell is reported on
/// every scored dimension, with their weights. Empty when no group qualifies.
pub(crate) fn basis(s: &Survey) -> Vec<(usize, f64)> {
    let dims = s.dims();
    let weights = common_weights(s);
    (0..s.groups.len())
        .filter(|&g| weights[g] > 0.0)
        .filter(|&g| (0..dims).filter(|&d| s.layout.scored_dims[d]).all(|d| s.publish.reported[g * dims + d]))
        .map(|g| (g, weights[g]))
        .collect()
}

/// Dimension scores on the basis: Σ c_g·mean_gd / Σ c_g (null where the dimension has no
/// score, or with no basis).
pub(crate) fn scores(s: &Survey, basis: &[(usize, f64)]) -> Vec<Option<f64>> {
    let dims = s.dims();
    let total: f64 = basis.iter().map(|b| b.1).sum();
    (0..dims)
        .map(|d| {
            if basis.is_empty() || !s.layout.scored_dims[d] {
                return None;
            }
            let sum: f64 = basis.iter().map(|&(g, c)| c * s.point[g * dims + d]).sum();
            Some(sum / total).filter(|x| x.is_finite())
        })
        .collect()
}

/// Pooled dimension scores over the reported cells (every respondent once).
pub(crate) fn pooled_scores(s: &Survey) -> Vec<Option<f64>> {
    let dims = s.dims();
    (0..dims)
        .map(|d| {
            let all: Vec<f64> = s.contributing(d).flat_map(|g| s.cells.scores[g * dims + d].iter().copied()).collect();
            crate::stats::mean(&all)
        })
        .collect()
}

/// Role ids of the basis groups.
pub(crate) fn perspective_ids(s: &Survey, basis: &[(usize, f64)]) -> Vec<String> {
    let model = s.model;
    let dims = model.dimensions().len();
    let everywhere = |r: usize| (0..dims).all(|d| model.asked_items(r, d).next().is_some());
    basis
        .iter()
        .flat_map(|&(g, _)| s.groups[g].roles.iter().copied().filter(|&r| everywhere(r)))
        .map(|r| model.roles()[r].id.clone())
        .collect()
}

/// Dimension indices with a key (`keys[d]` = Some(weighted gap) for a dimension with a gap), the largest first
/// (ties: `tie[d]` larger first, then model order), never before a listed dimension they
/// `depends_on`.
pub(crate) fn order(model: &Model, keys: &[Option<f64>], tie: &[f64]) -> Vec<usize> {
    let mut pending: Vec<usize> = (0..keys.len()).filter(|&d| keys[d].is_some()).collect();
    let key = |d: usize| keys[d].unwrap_or(0.0);
    pending.sort_by(|&x, &y| key(y).total_cmp(&key(x)).then(tie[y].total_cmp(&tie[x])).then(x.cmp(&y)));
    let mut out = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let waiting = |d: usize| model.depends_on(d).into_iter().any(|p| pending.contains(&p));
        // The model's dependencies are acyclic, so some pending dimension is free.
        let next = pending.iter().position(|&x| !waiting(x)).unwrap_or(0);
        out.push(pending.remove(next));
    }
    out
}

/// Weighted gaps of scores to the target, gap × the dimension's weight, where the gap is
/// positive (null otherwise: not recommended).
pub(crate) fn weighted_gaps(model: &Model, scores: &[Option<f64>], target: f64) -> Vec<Option<f64>> {
    scores
        .iter()
        .enumerate()
        .map(|(d, x)| {
            let gap = crate::stats::boundary::gap_to((*x)?, target);
            (gap > 0.0).then(|| gap * model.dimensions()[d].weight)
        })
        .collect()
}

/// The order under each weighting, as dimension ids.
pub(crate) fn orders(
    model: &Model,
    common: &[Option<f64>],
    balanced: &[Option<f64>],
    pooled: &[Option<f64>],
    target: f64,
) -> PriorityOrders {
    let ids = |o: Vec<usize>| o.into_iter().map(|d| model.dimensions()[d].id.clone()).collect();
    let zero = vec![0.0; balanced.len()];
    let of = |scores: &[Option<f64>]| ids(order(model, &weighted_gaps(model, scores, target), &zero));
    PriorityOrders { common_perspectives: of(common), balanced: of(balanced), pooled: of(pooled) }
}

/// The basis's name for the output.
pub(crate) fn basis_kind(basis: &[(usize, f64)]) -> PriorityBasis {
    if basis.is_empty() { PriorityBasis::DimensionScores } else { PriorityBasis::CommonPerspectives }
}

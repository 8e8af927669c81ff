//! The target profile, each dimension's status against it, and the recommended levers in
//! an order that respects the model's `depends_on`.

use super::types::{DimensionResult, Recommendation, TargetStatus};
use crate::model::Model;

/// clearly_below when the interval's upper bound is below the target, at_or_above when its
/// lower bound reaches it, uncertain when it contains it; none without an interval.
pub(crate) fn status(ci: Option<[f64; 2]>, target: f64) -> Option<TargetStatus> {
    let [lo, hi] = ci?;
    Some(if hi < target {
        TargetStatus::ClearlyBelow
    } else if lo >= target {
        TargetStatus::AtOrAbove
    } else {
        TargetStatus::Uncertain
    })
}

/// Dimensions with a gap, largest weighted gap first (ties in model order), but never
/// before a recommended dimension they depend on.
pub(crate) fn recommendations(model: &Model, dims: &[DimensionResult]) -> Vec<Recommendation> {
    let mut pending: Vec<(usize, f64, f64)> = dims
        .iter()
        .enumerate()
        .filter_map(|(d, r)| r.gap.filter(|g| *g > 0.0).map(|g| (d, g, g * model.dimensions()[d].weight)))
        .collect();
    pending.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    let mut order = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let waiting = |d: usize| model.depends_on(d).into_iter().any(|p| pending.iter().any(|x| x.0 == p));
        // The model's dependencies are acyclic, so some pending dimension is free.
        let next = pending.iter().position(|x| !waiting(x.0)).unwrap_or(0);
        order.push(pending.remove(next));
    }
    order
        .into_iter()
        .enumerate()
        .map(|(i, (d, gap, weighted_gap))| {
            let def = &model.dimensions()[d];
            Recommendation {
                dimension: def.id.clone(),
                label: def.label.clone(),
                gap,
                weighted_gap,
                status: dims[d].status,
                priority: i + 1,
                levers: def.levers.clone(),
                lever_labels: def.levers.iter().filter_map(|l| model.lever(l)).map(|l| l.label.clone()).collect(),
            }
        })
        .collect()
}

//! The target profile, each dimension's status against it, and the recommended levers in
//! an order that respects the model's `depends_on`.

use super::types::{DimensionResult, Recommendation, TargetStatus};
use crate::model::Model;
use crate::stats::boundary::reaches;

/// clearly_below when the interval's upper bound is below the target, at_or_above when its
/// lower bound reaches it, uncertain when it contains it; none without an interval.
pub(crate) fn status(ci: Option<[f64; 2]>, target: f64) -> Option<TargetStatus> {
    let [lo, hi] = ci?;
    Some(if !reaches(hi, target) {
        TargetStatus::ClearlyBelow
    } else if reaches(lo, target) {
        TargetStatus::AtOrAbove
    } else {
        TargetStatus::Uncertain
    })
}

/// Dimensions with a gap, in the order of their weighted priority gap (the gap of the
/// common-perspective score; the gap itself where there is none), ties by weighted gap and
/// model order, but never before a recommended dimension they depend on.
pub(crate) fn recommendations(model: &Model, dims: &[DimensionResult]) -> Vec<Recommendation> {
    let weight = |d: usize| model.dimensions()[d].weight;
    let keys: Vec<Option<f64>> = dims
        .iter()
        .enumerate()
        .map(|(d, r)| {
            let gap = r.gap.filter(|g| *g > 0.0)?;
            Some(r.priority_gap.unwrap_or(gap) * weight(d))
        })
        .collect();
    let tie: Vec<f64> = dims.iter().enumerate().map(|(d, r)| r.gap.unwrap_or(0.0) * weight(d)).collect();
    super::priority::order(model, &keys, &tie)
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let def = &model.dimensions()[d];
            let gap = dims[d].gap.unwrap_or(0.0);
            Recommendation {
                dimension: def.id.clone(),
                label: def.label.clone(),
                gap,
                weighted_gap: gap * def.weight,
                priority_gap: dims[d].priority_gap,
                status: dims[d].status,
                priority: i + 1,
                levers: def.levers.clone(),
                lever_labels: def.levers.iter().filter_map(|l| model.lever(l)).map(|l| l.label.clone()).collect(),
            }
        })
        .collect()
}

//! "Ved ikke" (don't know, or no answer) as information (docs/scoring.md, "Ved ikke"):
//! the rate per group and dimension, a caveat where the groups' rates differ, and gaps on
//! items the groups left unanswered at very different rates marked uncertain.

use super::groups::Group;
use crate::model::Model;
use crate::responses::Responses;

/// Rates that differ by more than this (0.10, ten percentage points) make a comparison of
/// the groups uncertain. In the simulation of docs/scoring.md (null gaps, low raters more
/// often answering "ved ikke", n = 30 per role), version 2 flagged a gap in 6.0 % of the
/// surveys at rates 5 % and 15 % (nominal 5 %), in 20.3 % at 5 % and 25 %, and in 46.7 % at
/// 5 % and 35 %: above ten points the pull of "ved ikke" on the means is no longer small
/// against a gap's interval.
pub const DONT_KNOW_DIFFERENCE: f64 = 0.10;

/// Share of unanswered items among the `items` asked of each member's role: missing
/// answers / asked answers over the members; null when none of the items is asked.
pub(crate) fn rate(model: &Model, responses: &Responses, group: &Group, items: &[usize]) -> Option<f64> {
    let (mut asked, mut missing) = (0usize, 0usize);
    for &r in &group.members {
        let role = responses.role(r);
        let codes = responses.codes(r);
        for &i in items.iter().filter(|&&i| model.is_asked(role, i)) {
            asked += 1;
            missing += (codes[i] == 0) as usize;
        }
    }
    (asked > 0).then(|| missing as f64 / asked as f64)
}

/// The rates differ by more than [`DONT_KNOW_DIFFERENCE`].
pub(crate) fn differ(a: f64, b: f64) -> bool {
    (a - b).abs() > DONT_KNOW_DIFFERENCE
}

/// A caveat per dimension whose published group rates differ by more than
/// [`DONT_KNOW_DIFFERENCE`].
pub(crate) fn warnings(model: &Model, groups: &[super::GroupResult]) -> Vec<super::Warning> {
    (0..model.dimensions().len())
        .filter_map(|d| {
            let rates: Vec<f64> = groups.iter().filter_map(|g| g.dimensions.get(d)?.dont_know_rate).collect();
            let lo = rates.iter().copied().reduce(f64::min)?;
            let hi = rates.iter().copied().reduce(f64::max)?;
            differ(hi, lo).then(|| super::Warning::dont_know_differs(&model.dimensions()[d].id, hi - lo))
        })
        .collect()
}

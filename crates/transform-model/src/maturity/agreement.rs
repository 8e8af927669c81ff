//! Aggregation evidence and reliability: r_wg(J) within a group, ICC across groups,
//! Cronbach's alpha per dimension. The statistics are `crate::stats`; this file decides
//! which respondents and items they see.

use super::groups::Group;
use crate::model::Model;
use crate::responses::Responses;
use crate::stats;

/// Reverse-coded value of an answer code.
pub(crate) fn item_value(model: &Model, item: usize, code: u8) -> f64 {
    item_int(model, item, code) as f64
}

/// Reverse-coded value of an answer code, as the integer it is.
pub(crate) fn item_int(model: &Model, item: usize, code: u8) -> i64 {
    let (min, max) = (model.scale().min, model.scale().max);
    let v = code as i64 + min - 1;
    if model.items()[item].reverse { min + max - v } else { v }
}

/// Items of dimension `d` asked of at least one role of the group.
pub(crate) fn group_items(model: &Model, group: &Group, d: usize) -> Vec<usize> {
    model.dimension_items(d).iter().copied().filter(|&i| group.roles.iter().any(|&r| model.is_asked(r, i))).collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Agreement {
    pub uniform: Option<f64>,
    pub slight_skew: Option<f64>,
    pub j: Option<usize>,
    pub single_item: bool,
}

/// r_wg(J) of a group on dimension `d` over its respondents with a score there: each item
/// with at least 2 answers among them gives a sample variance; J = their count; needs J ≥ 2.
pub(crate) fn rwg(
    model: &Model,
    responses: &Responses,
    group: &Group,
    scores: &[f64],
    dims: usize,
    d: usize,
) -> Agreement {
    let items = group_items(model, group, d);
    let single_item = items.len() == 1;
    if single_item {
        return Agreement { single_item, ..Agreement::default() };
    }
    // One pass over the members, exact integer sums per item (n, Σv, Σv²).
    let mut sums = vec![(0i64, 0i64, 0i64); items.len()];
    for (j, &r) in group.members.iter().enumerate() {
        if scores[j * dims + d].is_nan() {
            continue;
        }
        let codes = responses.codes(r);
        for (slot, &item) in sums.iter_mut().zip(&items) {
            let c = codes[item];
            if c != 0 {
                let v = item_int(model, item, c);
                *slot = (slot.0 + 1, slot.1 + v, slot.2 + v * v);
            }
        }
    }
    let variances: Vec<f64> =
        sums.iter().filter_map(|&(n, s, ss)| stats::pairwise::variance_from_sums(n, s, ss)).collect();
    if variances.len() < 2 {
        return Agreement { j: Some(variances.len()), ..Agreement::default() };
    }
    let options = model.scale_options();
    Agreement {
        uniform: stats::rwg_j(&variances, stats::uniform_null_variance(options)),
        slight_skew: stats::slight_skew_null_variance(options).and_then(|v| stats::rwg_j(&variances, v)),
        j: Some(variances.len()),
        single_item,
    }
}

/// Pairwise Cronbach's alpha of dimension `d` over every member of the groups whose cell
/// on `d` is reported (scored on the dimension or not, as psych sees the item matrix).
pub(crate) fn alpha(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    reported: impl Fn(usize) -> bool,
    d: usize,
) -> (Option<f64>, Option<usize>) {
    let items = model.dimension_items(d);
    if items.len() < 2 {
        return (None, None);
    }
    // Answers are integers: exact one-pass pairwise sums (`stats::pairwise`) give
    // `stats::pairwise_alpha`'s figure without a float column per item.
    let mut sums = stats::pairwise::IntPairwise::new(items.len());
    for (g, group) in groups.iter().enumerate() {
        if !reported(g) {
            continue;
        }
        for &r in &group.members {
            let codes = responses.codes(r);
            sums.add(items.iter().map(|&i| (codes[i] != 0).then(|| item_int(model, i, codes[i]))));
        }
    }
    let (a, n) = sums.alpha();
    (a, Some(n))
}

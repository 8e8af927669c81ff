//! Aggregation evidence and reliability: r_wg(J) within a group, ICC across groups,
//! Cronbach's alpha per dimension. The statistics are `crate::stats`; this file decides
//! which respondents and items they see.

use super::groups::Group;
use crate::model::Model;
use crate::responses::Responses;
use crate::stats;

/// Reverse-coded value of an answer code.
pub(crate) fn item_value(model: &Model, item: usize, code: u8) -> f64 {
    let (min, max) = (model.scale().min, model.scale().max);
    let v = code as i64 + min - 1;
    (if model.items()[item].reverse { min + max - v } else { v }) as f64
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
    let variances: Vec<f64> = items
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
    let mut columns: Vec<Vec<Option<f64>>> = vec![Vec::new(); items.len()];
    for (g, group) in groups.iter().enumerate() {
        if !reported(g) {
            continue;
        }
        for &r in &group.members {
            let codes = responses.codes(r);
            for (col, &i) in columns.iter_mut().zip(items) {
                col.push((codes[i] != 0).then(|| item_value(model, i, codes[i])));
            }
        }
    }
    let (a, n) = stats::pairwise_alpha(&columns);
    (a, Some(n))
}

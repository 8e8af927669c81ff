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

/// Cronbach's alpha of one group on dimension `d`, over the items asked of the group
/// (pairwise, as [`alpha`]): for dimensions whose roles answer different item subsets,
/// where a pooled alpha would mix them. With the smallest pair count.
pub(crate) fn group_alpha(model: &Model, responses: &Responses, group: &Group, d: usize) -> (Option<f64>, usize) {
    let items = group_items(model, group, d);
    if items.len() < 2 {
        return (None, 0);
    }
    let mut sums = stats::pairwise::IntPairwise::new(items.len());
    for &r in &group.members {
        let codes = responses.codes(r);
        sums.add(items.iter().map(|&i| (codes[i] != 0).then(|| item_int(model, i, codes[i]))));
    }
    sums.alpha()
}

/// What the pairwise covariance matrix of a dimension warns of.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct MatrixChecks {
    /// Reverse-coded items whose item-rest correlation is negative: (item index, r). A
    /// negative r after reverse coding says respondents did not read the item as reversed.
    pub negative_reverse: Vec<(usize, f64)>,
    /// The smallest eigenvalue when it is not positive: the pairwise matrix is not a
    /// covariance matrix of any data set, so alpha and item-rest r read from it mislead.
    pub not_positive_definite: Option<f64>,
}

/// The pairwise covariance matrix over the same respondents as [`alpha`], each entry on at
/// least `min_n` co-answering respondents; no check when an entry is withheld.
pub(crate) fn matrix_checks(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    reported: impl Fn(usize) -> bool,
    d: usize,
    min_n: usize,
) -> MatrixChecks {
    let items = model.dimension_items(d);
    if items.len() < 2 {
        return MatrixChecks::default();
    }
    let mut columns: Vec<Vec<Option<f64>>> = vec![Vec::new(); items.len()];
    for group in groups.iter().enumerate().filter(|(g, _)| reported(*g)).map(|(_, group)| group) {
        for &r in &group.members {
            let codes = responses.codes(r);
            for (col, &i) in columns.iter_mut().zip(items) {
                col.push((codes[i] != 0).then(|| item_value(model, i, codes[i])));
            }
        }
    }
    let c = stats::reliability::PairwiseCov::of(&columns).usable(min_n);
    let Some(full) = c.iter().map(|row| row.iter().copied().collect::<Option<Vec<f64>>>()).collect::<Option<Vec<_>>>()
    else {
        return MatrixChecks::default();
    };
    let negative_reverse = (0..items.len())
        .filter(|&j| model.items()[items[j]].reverse)
        .filter_map(|j| stats::reliability::item_rest_r(&c, j).filter(|r| *r < 0.0).map(|r| (items[j], r)))
        .collect();
    let (values, _) = stats::reliability::symmetric_eigen(&full);
    // Relative to the matrix's scale: rounding leaves tiny negative eigenvalues on exact
    // singular matrices.
    let scale = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let smallest = values.iter().copied().fold(f64::INFINITY, f64::min);
    MatrixChecks { negative_reverse, not_positive_definite: (smallest <= -1e-9 * scale.max(1.0)).then_some(smallest) }
}

/// The warnings of [`matrix_checks`] for dimension `d`.
pub(crate) fn matrix_warnings(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    reported: impl Fn(usize) -> bool,
    d: usize,
    min_n: usize,
) -> Vec<super::Warning> {
    let id = &model.dimensions()[d].id;
    let checks = matrix_checks(model, responses, groups, reported, d, min_n);
    let mut out: Vec<super::Warning> = checks
        .negative_reverse
        .iter()
        .map(|&(i, r)| super::Warning::reverse_item_negative(id, &model.items()[i].id, r))
        .collect();
    out.extend(checks.not_positive_definite.map(|e| super::Warning::not_positive_definite(id, e)));
    out
}

/// Group `g`'s own alpha on `d`, published only where the reported groups are asked
/// different item subsets of `d` (a pooled alpha would mix them) and the group's thinnest
/// item pair has at least `min_n` co-answering members.
pub(crate) fn role_alpha(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    reported: impl Fn(usize) -> bool,
    (g, d): (usize, usize),
    min_n: usize,
) -> Option<f64> {
    let own = group_items(model, &groups[g], d);
    let differ = (0..groups.len()).filter(|&h| reported(h)).any(|h| group_items(model, &groups[h], d) != own);
    if !differ {
        return None;
    }
    let (a, n) = group_alpha(model, responses, &groups[g], d);
    a.filter(|_| n >= min_n)
}

//! Perception gaps between role groups, on the items both were asked, with Welch
//! intervals and Holm's correction over every gap of the assessment.

use rayon::prelude::*;

use super::agreement::item_int;
use super::disclosure::Publish;
use super::dont_know;
use super::groups::Group;
use super::types::{Gap, GapVerdict, Withheld, WithheldReason};
use crate::localized::Localized;
use crate::model::{Model, min_answered};
use crate::responses::Responses;
use crate::stats::{self, GroupMoments};

pub(crate) struct GapRules {
    pub k: usize,
    pub min_dispersion_n: usize,
    pub min_common_items: usize,
    pub confidence: f64,
}

/// Comparable items of dimension `d` asked of every role of both groups: an item about a
/// respondent's own workplace or leader is not a shared object, so it makes no gap.
fn common_items(model: &Model, a: &Group, b: &Group, d: usize) -> Vec<usize> {
    model
        .dimension_items(d)
        .iter()
        .copied()
        .filter(|&i| model.is_comparable(i) && a.roles.iter().chain(&b.roles).all(|&r| model.is_asked(r, i)))
        .collect()
}

/// Items of dimension `d` asked of every role of every group in `groups`: the items on
/// which the group table compares the groups (`common_score`).
pub(crate) fn items_of_all(model: &Model, groups: &[&Group], d: usize) -> Vec<usize> {
    model
        .dimension_items(d)
        .iter()
        .copied()
        .filter(|&i| groups.iter().flat_map(|g| &g.roles).all(|&r| model.is_asked(r, i)))
        .collect()
}

/// A group's mean on `items` over its members with a common-item score, when at least k of
/// them have one.
pub(crate) fn common_mean(
    model: &Model,
    responses: &Responses,
    group: &Group,
    items: &[usize],
    k: usize,
) -> Option<f64> {
    let xs = common_scores(model, responses, group, items);
    if xs.len() < k { None } else { stats::mean(&xs) }
}

/// Each member's mean over the common items, when at least half of them are answered.
fn common_scores(model: &Model, responses: &Responses, group: &Group, items: &[usize]) -> Vec<f64> {
    let needed = min_answered(items.len());
    group
        .members
        .iter()
        .filter_map(|&r| {
            let codes = responses.codes(r);
            let (mut sum, mut answered) = (0i64, 0usize);
            for &i in items.iter().filter(|&&i| codes[i] != 0) {
                sum += item_int(model, i, codes[i]);
                answered += 1;
            }
            (answered >= needed.max(1)).then(|| sum as f64 / answered as f64)
        })
        .collect()
}

fn moments(xs: &[f64]) -> Option<GroupMoments> {
    Some(GroupMoments { mean: stats::mean(xs)?, var: stats::sample_variance(xs)?, n: xs.len() })
}

fn withheld(reason: WithheldReason) -> Option<Withheld> {
    let text = match reason {
        WithheldReason::TooFewCommonItems => Localized::da_en(
            "for få fælles spørgsmål til at sammenligne grupperne",
            "too few items asked of both groups to compare them",
        ),
        WithheldReason::TooFewRespondents => {
            Localized::da_en("for få svarpersoner på de fælles spørgsmål", "too few respondents on the common items")
        }
        WithheldReason::Dispersion => Localized::da_en(
            "forskellen vises uden interval: en gruppes spredning kan ikke vises af hensyn til anonymiteten",
            "the difference is shown without an interval: a group's spread cannot be shown without risking anonymity",
        ),
    };
    Some(Withheld { reason, text })
}

/// One gap of groups `a` and `b` on dimension `d` (both cells reported).
#[allow(clippy::too_many_arguments)]
fn gap(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    publish: &Publish,
    rules: &GapRules,
    (a, b): (usize, usize),
    d: usize,
) -> Gap {
    let (ga, gb) = (&groups[a], &groups[b]);
    let items = common_items(model, ga, gb, d);
    let mut out = Gap {
        a: ga.id.clone(),
        b: gb.id.clone(),
        dimension: model.dimensions()[d].id.clone(),
        diff: None,
        ci: None,
        p: None,
        p_adjusted: None,
        significant: None,
        common_items: items.iter().map(|&i| model.items()[i].id.clone()).collect(),
        withheld: None,
        verdict: GapVerdict::NotTested,
        dont_know: None,
    };
    if items.len() < rules.min_common_items {
        out.withheld = withheld(WithheldReason::TooFewCommonItems);
        return out;
    }
    let (xa, xb) = (common_scores(model, responses, ga, &items), common_scores(model, responses, gb, &items));
    if xa.len() < rules.k || xb.len() < rules.k {
        out.withheld = withheld(WithheldReason::TooFewRespondents);
        return out;
    }
    out.diff = Some(stats::mean(&xa).unwrap_or(0.0) - stats::mean(&xb).unwrap_or(0.0));
    let dims = model.dimensions().len();
    let spread_shown = publish.dispersion[a * dims + d]
        && publish.dispersion[b * dims + d]
        && xa.len().min(xb.len()) >= rules.min_dispersion_n;
    let estimate = moments(&xa).zip(moments(&xb)).and_then(|(ma, mb)| stats::welch(&[(1.0, ma), (-1.0, mb)]));
    match estimate.filter(|_| spread_shown) {
        Some(e) => {
            let width = (model.scale().max - model.scale().min) as f64;
            out.ci = e.interval(rules.confidence, -width, width);
            out.p = e.p_value();
            out.dont_know = dont_know::rate(model, responses, ga, &items)
                .zip(dont_know::rate(model, responses, gb, &items))
                .map(|(x, y)| [x, y]);
        }
        None => out.withheld = withheld(WithheldReason::Dispersion),
    }
    out
}

/// A tested gap's verdict: significant with similar "ved ikke" rates is a sure difference;
/// with rates differing by more than `DONT_KNOW_DIFFERENCE`, uncertain.
fn verdict(g: &Gap) -> GapVerdict {
    match (g.significant, g.dont_know) {
        (Some(true), Some([a, b])) if dont_know::differ(a, b) => GapVerdict::Uncertain,
        (Some(true), _) => GapVerdict::Difference,
        (Some(false), _) => GapVerdict::NoSureDifference,
        (None, _) => GapVerdict::NotTested,
    }
}

/// Every pair of groups on every dimension both are reported on, in group and dimension
/// order, with Holm's adjustment over the gaps that have a p-value.
pub(crate) fn perception_gaps(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    publish: &Publish,
    rules: &GapRules,
) -> Vec<Gap> {
    let dims = model.dimensions().len();
    let mut cases = Vec::new();
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            for d in 0..dims {
                if publish.reported[a * dims + d] && publish.reported[b * dims + d] {
                    cases.push(((a, b), d));
                }
            }
        }
    }
    let mut gaps: Vec<Gap> =
        cases.into_par_iter().map(|(pair, d)| gap(model, responses, groups, publish, rules, pair, d)).collect();
    let tested: Vec<usize> = (0..gaps.len()).filter(|&i| gaps[i].p.is_some()).collect();
    let ps: Vec<f64> = tested.iter().map(|&i| gaps[i].p.unwrap_or(1.0)).collect();
    let alpha = 1.0 - rules.confidence;
    for (&i, adjusted) in tested.iter().zip(stats::holm(&ps)) {
        gaps[i].p_adjusted = Some(adjusted);
        gaps[i].significant = Some(adjusted < alpha);
        gaps[i].verdict = verdict(&gaps[i]);
    }
    gaps
}

//! Breakdowns by unit (DOMAIN.md §6) and disclosure control over everything one assessment
//! publishes: role groups, units, unit × role and the head counts (docs/disclosure.md).
//!
//! Each *layer* is one kind of figure over one set of respondents: the head counts (every
//! included respondent), per dimension the scores and n's (the respondents scored on it),
//! and per dimension the dispersion figures (sums of squares behind the intervals). A
//! layer's cells go through [`disclosure::suppress`] and then, as the gate no result
//! passes without, [`disclosure::audit_min`]. The municipality's own figures are the sum
//! of the published role groups, so they lie in the span by construction.
//!
//! Longer than 400 lines on purpose: the layers share one index and one gate, and are checked together.

use std::collections::BTreeMap;

use super::disclosure::{HOMOGENEOUS_BELOW, Publish};
use super::groups::Group;
use super::rounds;
use super::score::Packed;
use super::types::{Suppression, UnitDimension, UnitResult};
use super::{AssessError, AssessOptions, Weighting};
use crate::disclosure::{self, Cell};
use crate::model::Model;
use crate::responses::Responses;
use crate::stats;

/// The breakdown's figures and the suppression counts over every layer.
pub(crate) struct Breakdown {
    pub units: Vec<UnitResult>,
    pub suppression: Suppression,
}

/// A cell of the breakdown: a unit (department, or department/unit), optionally one role
/// group of it, and its members as (group, position in the group).
struct Entry {
    department: String,
    unit: Option<String>,
    role: Option<usize>,
    members: Vec<(usize, usize)>,
}

impl Entry {
    fn name(&self, groups: &[Group]) -> String {
        let mut s = format!("department={}", self.department);
        if let Some(u) = &self.unit {
            s.push_str(&format!("/unit={u}"));
        }
        if let Some(g) = self.role {
            s.push_str(&format!("/role={}", groups[g].id));
        }
        s
    }
}

/// Respondents of the included groups, numbered group by group.
struct Index {
    offset: Vec<usize>,
    total: usize,
}

impl Index {
    fn new(groups: &[Group]) -> Self {
        let mut offset = Vec::with_capacity(groups.len());
        let mut total = 0;
        for g in groups {
            offset.push(total);
            total += g.members.len();
        }
        Index { offset, total }
    }
    fn at(&self, (g, j): (usize, usize)) -> usize {
        self.offset[g] + j
    }
}

/// Suppresses, audits and computes the breakdown; updates `publish` where a role group's
/// figure had to be withheld too.
pub(crate) fn breakdown(
    model: &Model,
    responses: &Responses,
    groups: &[Group],
    packed: &Packed,
    publish: &mut Publish,
    o: &AssessOptions,
) -> Result<Breakdown, AssessError> {
    let entries = entries(responses, groups, &o.group_by)?;
    let index = Index::new(groups);
    let k = o.min_group_size;
    let dims = packed.dims;
    let mut counts = Suppression::default();

    let heads = head_layer(groups, &entries, &index, k, &mut counts)?;
    let head_shown: Vec<bool> = heads[groups.len()..].iter().map(|c| c.published).collect();

    let mut shown = vec![vec![false; entries.len()]; dims];
    let mut spread = vec![vec![false; entries.len()]; dims];
    for d in 0..dims {
        let scored = |m: &(usize, usize)| !packed.scores[m.0][m.1 * dims + d].is_nan();
        let score = score_layer(model, groups, packed, publish, &entries, &index, &head_shown, d, o, &mut counts)?;
        for (g, cell) in score[..groups.len()].iter().enumerate() {
            if !cell.published && publish.reported[g * dims + d] {
                publish.reported[g * dims + d] = false;
                publish.dispersion[g * dims + d] = false;
            }
        }
        shown[d] = score[groups.len()..].iter().map(|c| c.published).collect();
        let n_total: usize = (0..groups.len())
            .filter(|&g| publish.reported[g * dims + d])
            .map(|g| (0..groups[g].members.len()).filter(|&j| scored(&(g, j))).count())
            .sum();
        publish.dim_dispersion[d] = n_total >= o.min_dispersion_n.max(2);
        let disp = dispersion_layer(model, groups, publish, score, index.total, &shown[d], d, o, &mut counts)?;
        spread[d] = disp[groups.len()..groups.len() + entries.len()].iter().map(|c| c.published).collect();
    }
    if o.group_by.is_empty() {
        return Ok(Breakdown { units: Vec::new(), suppression: counts });
    }
    let (lo, hi) = (model.scale().min as f64, model.scale().max as f64);
    let units = entries
        .iter()
        .enumerate()
        .map(|(e, entry)| UnitResult {
            department: entry.department.clone(),
            unit: entry.unit.clone(),
            role: entry.role.map(|g| groups[g].id.clone()),
            n: head_shown[e].then_some(entry.members.len()),
            dimensions: (0..dims)
                .map(|d| {
                    let values = scores_of(packed, &entry.members, d);
                    let estimate = spread[d][e].then(|| stats::t_mean(&values)).flatten();
                    UnitDimension {
                        id: model.dimensions()[d].id.clone(),
                        score: shown[d][e].then(|| stats::mean(&values)).flatten(),
                        n: shown[d][e].then_some(values.len()),
                        ci: estimate.and_then(|x| x.interval(o.confidence, lo, hi)),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(Breakdown { units, suppression: counts })
}

fn scores_of(packed: &Packed, members: &[(usize, usize)], d: usize) -> Vec<f64> {
    let dims = packed.dims;
    members.iter().map(|&(g, j)| packed.scores[g][j * dims + d]).filter(|v| !v.is_nan()).collect()
}

/// A unit: its department and, for the second level, its name within the department.
type UnitKey<'a> = (&'a str, Option<&'a str>);

/// The breakdown's cells in output order: per department (by name) the department, its
/// role groups, then per unit (by name) the unit and its role groups. Empty cells are left
/// out. Without `group_by`, none.
fn entries(responses: &Responses, groups: &[Group], group_by: &[String]) -> Result<Vec<Entry>, AssessError> {
    let columns = group_by
        .iter()
        .map(|name| {
            responses.unit_column(name).ok_or_else(|| AssessError::UnknownBreakdown {
                column: name.clone(),
                available: responses.unit_columns().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let Some(first) = columns.first() else { return Ok(Vec::new()) };
    let mut units: BTreeMap<UnitKey, Vec<(usize, usize)>> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for (j, &r) in group.members.iter().enumerate() {
            let department = first.labels[first.codes[r] as usize].as_str();
            units.entry((department, None)).or_default().push((g, j));
            if let Some(second) = columns.get(1) {
                let unit = second.labels[second.codes[r] as usize].as_str();
                units.entry((department, Some(unit))).or_default().push((g, j));
            }
        }
    }
    let mut out = Vec::new();
    for ((department, unit), members) in units {
        let entry =
            |role, members| Entry { department: department.to_owned(), unit: unit.map(str::to_owned), role, members };
        let by_role: Vec<Vec<(usize, usize)>> =
            (0..groups.len()).map(|g| members.iter().copied().filter(|m| m.0 == g).collect()).collect();
        out.push(entry(None, members));
        for (g, m) in by_role.into_iter().enumerate() {
            if !m.is_empty() {
                out.push(entry(Some(g), m));
            }
        }
    }
    Ok(out)
}

/// Suppresses and then audits one layer; `withheld` cells at the start count as primary
/// (or, with `linked`, as secondary), cells hidden by the suppression as secondary.
fn protect(
    cells: &mut [Cell],
    respondents: usize,
    min: usize,
    primary: &[bool],
    counts: &mut Suppression,
    count_primary: bool,
) -> Result<(), AssessError> {
    let before: Vec<bool> = cells.iter().map(|c| c.published).collect();
    if count_primary {
        // A cell nobody in it was asked (or answered) has no figure to withhold.
        for (i, c) in cells.iter().enumerate() {
            if !c.published && !c.members.is_empty() {
                if primary.get(i).copied().unwrap_or(true) {
                    counts.primary += 1;
                } else {
                    counts.secondary += 1;
                }
            }
        }
    }
    // The audit first: most layers pass as they are, and then it is the only pass.
    if disclosure::audit_min(cells, respondents, min).is_ok() {
        return Ok(());
    }
    let done = disclosure::suppress(cells, respondents, min).map_err(AssessError::Disclosure)?;
    counts.secondary += done.secondary;
    debug_assert_eq!(before.iter().zip(cells.iter()).filter(|(b, c)| **b && !c.published).count(), done.secondary);
    disclosure::audit_min(cells, respondents, min).map_err(AssessError::Disclosure)
}

/// Head counts: the role groups (at least k by construction, always published) and every
/// entry, withheld under k.
fn head_layer(
    groups: &[Group],
    entries: &[Entry],
    index: &Index,
    k: usize,
    counts: &mut Suppression,
) -> Result<Vec<Cell>, AssessError> {
    let mut cells: Vec<Cell> = groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            Cell::new(format!("role={}", group.id), (0..group.members.len()).map(|j| index.at((g, j))).collect())
                .fixed()
        })
        .collect();
    for e in entries {
        let cell = Cell::new(e.name(groups), e.members.iter().map(|&m| index.at(m)).collect());
        cells.push(if e.members.len() < k { cell.withheld() } else { cell });
    }
    protect(&mut cells, index.total, k, &[], counts, true)?;
    Ok(cells)
}

/// Scores and n's of dimension `d`: role groups as the primary rules left them, entries
/// withheld under k, when all alike under 20, or when their head count is withheld.
#[allow(clippy::too_many_arguments)]
fn score_layer(
    model: &Model,
    groups: &[Group],
    packed: &Packed,
    publish: &Publish,
    entries: &[Entry],
    index: &Index,
    head_shown: &[bool],
    d: usize,
    o: &AssessOptions,
    counts: &mut Suppression,
) -> Result<Vec<Cell>, AssessError> {
    let dims = packed.dims;
    let k = o.min_group_size;
    let scored = |m: (usize, usize)| !packed.scores[m.0][m.1 * dims + d].is_nan();
    let mut cells = Vec::with_capacity(groups.len() + entries.len());
    let mut primary = Vec::with_capacity(groups.len() + entries.len());
    for (g, group) in groups.iter().enumerate() {
        let members = (0..group.members.len()).filter(|&j| scored((g, j))).map(|j| index.at((g, j))).collect();
        // Rank 1: unit cells are withheld before a role group's figure is.
        let cell = Cell::new(format!("role={}/{}", group.id, d), members).ranked(1);
        cells.push(if publish.reported[g * dims + d] { cell } else { cell.withheld() });
        primary.push(true);
    }
    let dim = &model.dimensions()[d].id;
    for (e, entry) in entries.iter().enumerate() {
        let values = scores_of(packed, &entry.members, d);
        let small = values.len() < k || (values.len() < HOMOGENEOUS_BELOW && values.windows(2).all(|w| w[0] == w[1]));
        let role = entry.role.map(|g| groups[g].id.as_str());
        let across = rounds::conflicts(&o.audit_against, values.len(), k, |a| {
            rounds::unit_n(a, &entry.department, entry.unit.as_deref(), role, dim)
        });
        let members = entry.members.iter().copied().filter(|&m| scored(m)).map(|m| index.at(m)).collect();
        let cell = Cell::new(format!("{}/{}", entry.name(groups), d), members);
        cells.push(if small || across || !head_shown[e] { cell.withheld() } else { cell });
        primary.push(small);
    }
    protect(&mut cells, index.total, k, &primary, counts, true)?;
    Ok(cells)
}

/// Dispersion of dimension `d`: the sums of squares behind intervals, SDs and r_wg, over
/// the same respondents as the score layer `score` (role groups, then entries). A cell's
/// spread is published only with its score and from `min_dispersion_n` on. Returns the
/// layer's cells (role groups, then entries) and updates `publish.dispersion`.
///
/// The municipality's interval is one more figure. Pooled, its variance is the plain sum of
/// squares over every reported group. Balanced, se² = Σ_g (w_g/W)²·s_g²/n_g: given the
/// published means and spreads, it tells Σ_{g hidden} c_g·SS_g with c_g = w_g²/(n_g(n_g−1)),
/// the exact weighted row the audit gets (the df is then Welch's lower bound, which rests
/// on n's only: `dimension_estimate`). A single hidden group would be that row alone, so
/// one more is hidden first (the linked-dispersion rule, applied again after every round
/// of suppression, until the hidden set is stable).
#[allow(clippy::too_many_arguments)]
fn dispersion_layer(
    model: &Model,
    groups: &[Group],
    publish: &mut Publish,
    score: Vec<Cell>,
    respondents: usize,
    shown: &[bool],
    d: usize,
    o: &AssessOptions,
    counts: &mut Suppression,
) -> Result<Vec<Cell>, AssessError> {
    let dims = publish.dim_dispersion.len();
    let min = o.min_dispersion_n.max(2);
    let g_n = groups.len();
    let mut cells = score;
    for (i, cell) in cells.iter_mut().enumerate() {
        cell.published = match i.checked_sub(g_n) {
            None => publish.reported[i * dims + d] && publish.dispersion[i * dims + d],
            Some(e) => shown[e] && cell.members.len() >= min,
        };
        cell.name.insert_str(0, "spread/");
    }
    let contributing: Vec<usize> = (0..g_n).filter(|&g| publish.reported[g * dims + d]).collect();
    loop {
        let hidden: Vec<usize> = contributing.iter().copied().filter(|&g| !cells[g].published).collect();
        if publish.dim_dispersion[d] && hidden.len() == 1 {
            // Linked dispersion: never exactly one hidden spread behind the interval.
            if let Some(&g) =
                contributing.iter().filter(|&&g| cells[g].published).min_by_key(|&&g| (cells[g].members.len(), g))
            {
                cells[g].published = false;
                counts.secondary += 1;
                continue;
            }
        }
        let mut layer = cells.clone();
        if publish.dim_dispersion[d] {
            match o.weighting {
                Weighting::Pooled => {
                    let total = contributing.iter().flat_map(|&g| cells[g].members.iter().copied()).collect();
                    layer.push(Cell::new(format!("spread/total/{d}"), total).fixed());
                }
                Weighting::Balanced if !hidden.is_empty() => {
                    layer.push(weighted_total(model, groups, &cells, &hidden, d)?.fixed());
                }
                Weighting::Balanced => {}
            }
        }
        match protect(&mut layer, respondents, min, &[], counts, false) {
            // The interval's variance row pins a hidden spread whatever spreads are hidden
            // (e.g. a group withheld because its n moved between rounds): withhold the
            // dimension's interval itself, then audit the spreads again without it.
            Err(AssessError::Disclosure(disclosure::Exposure::Unprotectable { .. })) if publish.dim_dispersion[d] => {
                publish.dim_dispersion[d] = false;
                counts.secondary += 1;
                continue;
            }
            result => result?,
        }
        layer.truncate(cells.len());
        cells = layer;
        let now: Vec<usize> = contributing.iter().copied().filter(|&g| !cells[g].published).collect();
        if now == hidden {
            break;
        }
    }
    for (g, cell) in cells[..g_n].iter().enumerate() {
        if !cell.published {
            publish.dispersion[g * dims + d] = false;
        }
    }
    Ok(cells)
}

/// The balanced interval's variance as a row over the hidden groups' members:
/// c_g = w_g²/(n_g(n_g − 1)) scaled to coprime integers.
fn weighted_total(
    model: &Model,
    groups: &[Group],
    cells: &[Cell],
    hidden: &[usize],
    d: usize,
) -> Result<Cell, AssessError> {
    let undecided = || AssessError::Disclosure(disclosure::Exposure::Undecided);
    let weight =
        |g: usize| groups[g].roles.iter().filter(|&&r| model.asked_items(r, d).next().is_some()).count().max(1) as i128;
    let denominators: Vec<i128> = hidden
        .iter()
        .map(|&g| {
            let n = cells[g].members.len() as i128;
            n * (n - 1).max(1)
        })
        .collect();
    let mut lcm = 1i128;
    for &x in &denominators {
        lcm = (lcm / gcd(lcm, x)).checked_mul(x).ok_or_else(undecided)?;
    }
    let mut members = Vec::new();
    let mut coefficients = Vec::new();
    let mut common = 0i128;
    let mut per_group = Vec::new();
    for (&g, &den) in hidden.iter().zip(&denominators) {
        let w = weight(g);
        let c = (lcm / den).checked_mul(w * w).ok_or_else(undecided)?;
        common = gcd(common, c);
        per_group.push((g, c));
    }
    for (g, c) in per_group {
        for &m in &cells[g].members {
            members.push(m);
            coefficients.push(c / common.max(1));
        }
    }
    Ok(Cell::weighted(format!("spread/total/{d}"), members, coefficients))
}

/// Welch's df combines the group variances a second way (se⁴/df = Σ a_g²/(n_g − 1)); with
/// se that would pin two hidden spreads. When a contributing group's spread is hidden
/// (`(n, published)` per group), the df is Welch's lower bound min(n_g − 1) instead: it
/// rests on the n's only, and the interval is wider, never narrower, than Welch's.
pub(crate) fn conservative_df(e: stats::Estimate, groups: impl Iterator<Item = (usize, bool)>) -> stats::Estimate {
    let (mut hidden, mut least) = (false, usize::MAX);
    for (n, published) in groups {
        hidden |= !published;
        least = least.min(n.saturating_sub(1));
    }
    if hidden && least != usize::MAX { stats::Estimate { df: least.max(1) as f64, ..e } } else { e }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i128
}

//! Breakdowns by unit (DOMAIN.md §6) and disclosure control over everything one assessment
//! publishes: role groups, units, unit × role and the head counts (docs/disclosure.md).
//!
//! Each *layer* is one kind of figure over one set of respondents: the head counts (every
//! included respondent), per dimension the scores and n's (the respondents scored on it),
//! and per dimension the dispersion figures (sums of squares behind the intervals). A
//! layer's cells go through [`disclosure::suppress`] and then, as the gate no result
//! passes without, [`disclosure::audit_min`]. The municipality's own figures are the sum
//! of the published role groups, so they lie in the span by construction.

use std::collections::BTreeMap;

use super::disclosure::{HOMOGENEOUS_BELOW, Publish};
use super::groups::Group;
use super::score::Packed;
use super::types::{Suppression, UnitDimension, UnitResult};
use super::{AssessError, AssessOptions};
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
        let score = score_layer(groups, packed, publish, &entries, &index, &head_shown, d, o, &mut counts)?;
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
        let disp = dispersion_layer(groups, publish, score, index.total, &shown[d], d, o, &mut counts)?;
        for (g, cell) in disp[..groups.len()].iter().enumerate() {
            if !cell.published {
                publish.dispersion[g * dims + d] = false;
            }
        }
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
    for (e, entry) in entries.iter().enumerate() {
        let values = scores_of(packed, &entry.members, d);
        let small = values.len() < k || (values.len() < HOMOGENEOUS_BELOW && values.windows(2).all(|w| w[0] == w[1]));
        let members = entry.members.iter().copied().filter(|&m| scored(m)).map(|m| index.at(m)).collect();
        let cell = Cell::new(format!("{}/{}", entry.name(groups), d), members);
        cells.push(if small || !head_shown[e] { cell.withheld() } else { cell });
        primary.push(small);
    }
    protect(&mut cells, index.total, k, &primary, counts, true)?;
    Ok(cells)
}

/// Dispersion of dimension `d`: the sums of squares behind intervals, SDs and r_wg, over
/// the same respondents as the score layer `score` (role groups, then entries). A cell's
/// spread is published only with its score and from `min_dispersion_n` on; the
/// municipality's interval (when published) covers every reported role group.
#[allow(clippy::too_many_arguments)]
fn dispersion_layer(
    groups: &[Group],
    publish: &Publish,
    score: Vec<Cell>,
    respondents: usize,
    shown: &[bool],
    d: usize,
    o: &AssessOptions,
    counts: &mut Suppression,
) -> Result<Vec<Cell>, AssessError> {
    let dims = publish.dim_dispersion.len();
    let min = o.min_dispersion_n.max(2);
    let mut total = Vec::new();
    let mut cells = score;
    for (i, cell) in cells.iter_mut().enumerate() {
        let publishable = match i.checked_sub(groups.len()) {
            None => {
                let c = i * dims + d;
                if publish.reported[c] {
                    total.extend_from_slice(&cell.members);
                }
                publish.dispersion[c]
            }
            Some(e) => shown[e] && cell.members.len() >= min,
        };
        cell.published = publishable;
        cell.name.insert_str(0, "spread/");
    }
    if publish.dim_dispersion[d] {
        cells.push(Cell::new(format!("spread/total/{d}"), total).fixed());
    }
    protect(&mut cells, respondents, min, &[], counts, false)?;
    Ok(cells)
}

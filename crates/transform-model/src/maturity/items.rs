//! Item analysis for piloting a questionnaire: per item n, mean, SD, share "ved ikke",
//! item-rest correlation and alpha if deleted; per dimension Cronbach's alpha, standardised
//! alpha, average inter-item correlation and one-factor omega total; flags for items that
//! do not work. Definitions follow R's `psych::alpha` and `psych::omega` on the pairwise
//! covariance matrix (docs/items.md); the kernels are `stats::reliability`.
//!
//! Anonymity as in [`super::assess`]: small roles are merged, a merged group below k is
//! left out; per-role figures only for role groups of at least k. Every figure follows the
//! assessment's rules — k for n and means, not all alike under 20, `min_dispersion_n` for
//! SDs and every figure read from a variance — and the whole table and the role tables of
//! one call are audited together per item (`item_disclosure.rs`, docs/disclosure.md).
//!
//! The options, flags and output types are in `items/types.rs`.

mod types;

use super::agreement::item_value;
use super::disclosure::HOMOGENEOUS_BELOW;
use super::groups::{self, Group};
use super::item_disclosure::{self, Gate, ItemCell};
use super::rounds::differs;
use super::{AssessError, AssessOptions, ModelRef};
use crate::model::{Model, OTHER_GROUP};
use crate::responses::Responses;
use crate::stats::reliability::{self as rel, PairwiseCov};
use crate::stats::{mean, sample_variance};

use types::{
    CEILING_DENOMINATOR, CEILING_NUMERATOR, DONT_KNOW_DENOMINATOR, LOW_ALPHA, LOW_ITEM_REST_R, OMEGA_ESTIMATOR,
};
pub use types::{
    DimensionFlag, DimensionReliability, ItemAnalysis, ItemFlag, ItemOptions, ItemStats, RoleItemAnalysis,
};

/// Analyses the items of `responses` (read for `model`).
pub fn item_analysis(model: &Model, responses: &Responses, o: &ItemOptions) -> Result<ItemAnalysis, AssessError> {
    let k = o.min_group_size;
    AssessOptions { min_group_size: k, allow_small_groups: o.allow_small_groups, ..AssessOptions::default() }
        .validate(model.levels().len() as i64)?;
    responses.check_model(model).map_err(AssessError::ModelMismatch)?;
    let grouping = groups::form_groups(model, responses, k);
    let included: Vec<usize> =
        sorted_members(responses, grouping.groups.iter().flat_map(|g| g.members.iter().copied()));
    if included.is_empty() {
        return Err(AssessError::TooFewRespondents { included: 0, excluded: grouping.excluded, k });
    }
    let roles: Vec<&Group> = if o.by_role {
        grouping.groups.iter().filter(|g| g.id != OTHER_GROUP && g.members.len() >= k).collect()
    } else {
        Vec::new()
    };
    let mut sections = vec![included.clone()];
    sections.extend(roles.iter().map(|g| sorted_members(responses, g.members.iter().copied())));
    let names: Vec<Option<&str>> = std::iter::once(None).chain(roles.iter().map(|g| Some(g.id.as_str()))).collect();
    let earlier = Earlier { releases: &o.audit_against, sections: &names, k };
    let gates = gates(model, responses, &included, &sections, &earlier, o.min_dispersion_n)?;
    let rules = Rules { k, min_dispersion_n: o.min_dispersion_n };
    crate::cancel::check()?;
    let all = Population { model, responses, members: &sections[0], rules, gates: &gates[0] };
    let (items, dimensions) = all.analyse();
    let by_role = o.by_role.then(|| {
        roles
            .iter()
            .zip(&sections[1..])
            .zip(&gates[1..])
            .map(|((g, members), gates)| {
                let (items, dimensions) = Population { model, responses, members, rules, gates }.analyse();
                RoleItemAnalysis { role: g.id.clone(), n: members.len(), items, dimensions }
            })
            .collect()
    });
    Ok(ItemAnalysis {
        model: ModelRef { id: model.id().to_owned(), version: model.version().to_owned() },
        min_group_size: k,
        n_respondents: included.len(),
        excluded_for_anonymity: grouping.excluded,
        omega_estimator: OMEGA_ESTIMATOR.to_owned(),
        items,
        dimensions,
        by_role,
    })
}

/// Respondents in the order of their ids, so figures do not depend on row order.
fn sorted_members(responses: &Responses, members: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = members.collect();
    v.sort_by(|&a, &b| responses.id_at(a).cmp(responses.id_at(b)));
    v
}

/// Per section (everyone, then the role sections) and item: what may be published, from
/// the joint audit of every section's figures of the item.
fn gates(
    model: &Model,
    responses: &Responses,
    included: &[usize],
    sections: &[Vec<usize>],
    earlier: &Earlier,
    min_dispersion_n: usize,
) -> Result<Vec<Vec<Gate>>, AssessError> {
    let k = earlier.k;
    let position: std::collections::HashMap<usize, usize> = included.iter().enumerate().map(|(p, &r)| (r, p)).collect();
    let mut out = vec![Vec::with_capacity(model.items().len()); sections.len()];
    for item in 0..model.items().len() {
        crate::cancel::check()?;
        let cells: Vec<ItemCell> = sections
            .iter()
            .map(|members| {
                let mut cell = ItemCell { asked: Vec::new(), answered: Vec::new(), values: Vec::new() };
                for &r in members {
                    let p = position[&r];
                    if model.is_asked(responses.role(r), item) {
                        cell.asked.push(p);
                    }
                    let code = responses.codes(r)[item];
                    if code != 0 {
                        cell.answered.push(p);
                        cell.values.push(item_value(model, item, code));
                    }
                }
                cell
            })
            .collect();
        let id = &model.items()[item].id;
        let across: Vec<bool> = (0..cells.len()).map(|s| earlier.conflicts(s, id, &cells[s])).collect();
        let gates = item_disclosure::decide(id, &cells, &across, included.len(), k, min_dispersion_n)?;
        for (s, g) in gates.into_iter().enumerate() {
            out[s].push(g);
        }
    }
    Ok(out)
}

/// Earlier releases to audit against, and the names of this call's sections (None: everyone).
struct Earlier<'a> {
    releases: &'a [ItemAnalysis],
    sections: &'a [Option<&'a str>],
    k: usize,
}

impl Earlier<'_> {
    /// Section `s` of this call publishes item `id` with n asked or answered 1 to k − 1 away
    /// from an earlier release's.
    fn conflicts(&self, s: usize, id: &str, cell: &ItemCell) -> bool {
        self.releases.iter().any(|a| {
            let items = match self.sections[s] {
                None => Some(&a.items),
                Some(role) => a.by_role.iter().flatten().find(|r| r.role == role).map(|r| &r.items),
            };
            items.and_then(|items| items.iter().find(|i| i.item == id)).is_some_and(|then| {
                differs(cell.asked.len(), then.n_asked, self.k)
                    || then.n.is_some_and(|n| differs(cell.values.len(), n, self.k))
            })
        })
    }
}

/// The minimum group sizes of an analysis.
#[derive(Clone, Copy)]
struct Rules {
    k: usize,
    min_dispersion_n: usize,
}

impl Rules {
    /// Respondents every entry of a covariance matrix must rest on.
    fn pairwise(self) -> usize {
        self.min_dispersion_n.max(self.k).max(3)
    }
}

/// A set of respondents to analyse.
struct Population<'a> {
    model: &'a Model,
    responses: &'a Responses,
    members: &'a [usize],
    rules: Rules,
    /// Per item of the model: what this section may publish.
    gates: &'a [Gate],
}

impl Population<'_> {
    /// Items and dimensions, in model order; an item asked of nobody here is left out.
    fn analyse(&self) -> (Vec<ItemStats>, Vec<DimensionReliability>) {
        let mut items = Vec::new();
        let mut dimensions = Vec::new();
        for d in 0..self.model.dimensions().len() {
            let asked: Vec<usize> =
                self.model.dimension_items(d).iter().copied().filter(|&i| self.n_asked(i) > 0).collect();
            if asked.is_empty() {
                continue;
            }
            let (its, dim) = self.dimension(d, &asked);
            items.extend(its);
            dimensions.push(dim);
        }
        (items, dimensions)
    }

    /// [`ItemFlag::Ceiling`] or [`ItemFlag::Floor`] when 80 % of `answers` (keyed values)
    /// sit in the two categories at one end of the scale.
    fn ceiling_or_floor(&self, answers: &[f64]) -> Option<ItemFlag> {
        let (min, max) = (self.model.scale().min as f64, self.model.scale().max as f64);
        let at = |pred: &dyn Fn(f64) -> bool| answers.iter().filter(|&&v| pred(v)).count();
        let share = |count: usize| count * CEILING_DENOMINATOR >= answers.len() * CEILING_NUMERATOR;
        if answers.is_empty() {
            None
        } else if share(at(&|v| v >= max - 1.0)) {
            Some(ItemFlag::Ceiling)
        } else if share(at(&|v| v <= min + 1.0)) {
            Some(ItemFlag::Floor)
        } else {
            None
        }
    }

    fn n_asked(&self, item: usize) -> usize {
        // Put to the respondent: routed to their role and not skipped by a filter question.
        self.members.iter().filter(|&&r| self.responses.is_put(self.model, r, item)).count()
    }

    /// The reverse-keyed answers to `item` of every member (`None`: not asked, or no answer).
    fn column(&self, item: usize) -> Vec<Option<f64>> {
        self.members
            .iter()
            .map(|&r| {
                let code = self.responses.codes(r)[item];
                (code != 0).then(|| item_value(self.model, item, code))
            })
            .collect()
    }

    /// The figures of dimension `d` over its items `asked`, and of each of those items.
    fn dimension(&self, d: usize, asked: &[usize]) -> (Vec<ItemStats>, DimensionReliability) {
        let needed = self.rules.pairwise();
        let columns: Vec<Vec<Option<f64>>> = asked.iter().map(|&i| self.column(i)).collect();
        let pairwise = PairwiseCov::of(&columns);
        // Every entry of C must rest on max(min_dispersion_n, k, 3) respondents, and every
        // item's own variance must be publishable: alpha, r̄ and omega are read from all of C.
        let all_spread = asked.iter().all(|&i| self.gates[i].spread);
        let c = pairwise.usable(needed);
        let c: Vec<Vec<Option<f64>>> =
            if all_spread { c } else { c.into_iter().map(|row| vec![None; row.len()]).collect() };
        let j = asked.len();
        let all: Vec<usize> = (0..j).collect();
        let alpha = rel::alpha_of(&c, &all);
        let cor = all
            .iter()
            .map(|&a| all.iter().map(|&b| c[a][b]).collect::<Option<Vec<f64>>>())
            .collect::<Option<Vec<Vec<f64>>>>()
            .and_then(|m| rel::cov_to_cor(&m));
        let average_r = cor.as_deref().and_then(rel::average_r);
        let factor = cor.as_deref().and_then(rel::one_factor);
        let omega = cor.as_deref().zip(factor.as_ref()).and_then(|(r, f)| rel::omega_total(r, &f.loadings));
        let min_pair_n = (j >= 2).then(|| {
            (0..j).flat_map(|a| (a + 1..j).map(move |b| (a, b))).map(|(a, b)| pairwise.n[a][b]).min().unwrap_or(0)
        });
        let mut flags = Vec::new();
        if alpha.is_some_and(|a| a < LOW_ALPHA) {
            flags.push(DimensionFlag::LowAlpha);
        }
        if j >= 2 && alpha.is_none() && min_pair_n.is_some_and(|n| n < needed) {
            flags.push(DimensionFlag::TooFewAnswers);
        }
        if factor.as_ref().is_some_and(|f| f.heywood) {
            flags.push(DimensionFlag::Heywood);
        }
        let n = (0..self.members.len()).filter(|&r| columns.iter().any(|col| col[r].is_some())).count();
        let items =
            asked.iter().enumerate().map(|(pos, &item)| self.item(item, &columns[pos], &c, pos, alpha)).collect();
        let dim = DimensionReliability {
            dimension: self.model.dimensions()[d].id.clone(),
            n_items: j,
            n,
            min_pair_n,
            alpha,
            alpha_std: average_r.and_then(|r| rel::alpha_std(j, r)),
            average_r,
            omega_total: omega,
            flags,
        };
        (items, dim)
    }

    /// One item's figures; `c` is its dimension's usable covariance matrix, `pos` its place.
    fn item(
        &self,
        item: usize,
        column: &[Option<f64>],
        c: &[Vec<Option<f64>>],
        pos: usize,
        alpha: Option<f64>,
    ) -> ItemStats {
        let k = self.rules.k;
        let gate = self.gates[item];
        let def = &self.model.items()[item];
        let answers: Vec<f64> = column.iter().flatten().copied().collect();
        let n_asked = self.n_asked(item);
        let n = answers.len();
        let item_rest_r = rel::item_rest_r(c, pos).filter(|_| gate.spread);
        let alpha_if_deleted = rel::alpha_if_deleted(c, pos).filter(|_| gate.spread);
        let mut flags = Vec::new();
        if item_rest_r.is_some_and(|r| r < LOW_ITEM_REST_R) {
            flags.push(ItemFlag::LowItemRestR);
        }
        if let (Some(without), Some(with)) = (alpha_if_deleted, alpha) {
            if without > with {
                flags.push(ItemFlag::AlphaRisesIfDeleted);
            }
        }
        let dont_know = n_asked.saturating_sub(n);
        if gate.count && dont_know * DONT_KNOW_DENOMINATOR >= n_asked {
            flags.push(ItemFlag::ManyDontKnow);
        }
        let alike = n < HOMOGENEOUS_BELOW && answers.windows(2).all(|w| w[0] == w[1]);
        if n_asked < k || n < k || alike {
            flags.push(ItemFlag::TooFewAnswers);
        } else if !gate.mean || (n >= self.rules.min_dispersion_n && !gate.spread) {
            flags.push(ItemFlag::Suppressed);
        }
        flags.extend(self.ceiling_or_floor(&answers).filter(|_| gate.mean));
        ItemStats {
            item: def.id.clone(),
            dimension: def.dimension.clone(),
            reverse: def.reverse,
            n_asked,
            n: gate.count.then_some(n),
            mean: mean(&answers).filter(|_| gate.mean),
            sd: sample_variance(&answers).map(f64::sqrt).filter(|_| gate.spread),
            dont_know_share: gate.count.then(|| dont_know as f64 / n_asked as f64),
            item_rest_r,
            alpha_if_deleted,
            flags,
        }
    }
}

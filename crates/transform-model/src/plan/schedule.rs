//! Placing candidates on the calendar (the rule of docs/plan.md).
//!
//! Greedy, in the chain's order (calendar, closures, levers by priority, spreading, missions,
//! ingredients): each candidate goes to the earliest year that
//! 1. is on or after its earliest year and after every year its dependencies are placed in,
//! 2. is not before the first budget adopted inside the plan when it costs money,
//! 3. is not an election year when it is a closure or a big new start,
//! 4. leaves its department's leader hours (with its MED step) within capacity;
//!
//! calendar actions have one fixed year. What finds no year is deferred with the reason.

use std::collections::{BTreeMap, BTreeSet};

use super::chain::{Candidate, Chain};
use super::options::Calendar;
use super::types::{Action, Decision, Milestone};
use crate::localized::{Lang, Localized};

/// Actions with their dependencies (indices) and year; plan order; deferred with reasons.
pub(crate) struct Placed {
    pub actions: Vec<(Action, Vec<usize>, Option<i64>)>,
    /// Placed action indices, by year, quarter, then placement order.
    pub order: Vec<usize>,
    pub deferred: Vec<(usize, Localized)>,
    pub departments: BTreeSet<String>,
    pub missing: Vec<Localized>,
}

fn both(f: impl Fn(Lang) -> String) -> Localized {
    Localized::da_en(&f(Lang::Da), &f(Lang::En))
}

/// Quarterly decision points for the four quarters after an experiment starts: adjust at
/// the first three, continue (or stop) at the fourth.
fn milestones(year: i64, quarter: u8) -> Vec<Milestone> {
    (1..=4)
        .map(|k| {
            let q = quarter as i64 - 1 + k;
            let last = k == 4;
            Milestone {
                year: year + q / 4,
                quarter: (q % 4 + 1) as u8,
                text: if last {
                    Localized::da_en("Beslutning: fortsæt, justér eller stop", "Decision: continue, adjust or stop")
                } else {
                    Localized::da_en("Kvartalsopfølgning: justér undervejs", "Quarterly review: adjust as needed")
                },
                decision: if last { Decision::Continue } else { Decision::Adjust },
            }
        })
        .collect()
}

struct Board<'a> {
    cal: &'a Calendar,
    used: BTreeMap<(String, i64), f64>,
}

impl Board<'_> {
    fn fits(&self, dept: &str, year: i64, need: f64) -> bool {
        self.used.get(&(dept.to_owned(), year)).copied().unwrap_or(0.0) + need <= self.cal.capacity
    }
    fn take(&mut self, dept: &str, year: i64, need: f64) {
        *self.used.entry((dept.to_owned(), year)).or_insert(0.0) += need;
    }
}

/// The first year `c` may take, or the reason it may take none.
fn first_year(c: &Candidate, years: &[Option<i64>], board: &Board<'_>) -> Result<i64, Localized> {
    let cal = board.cal;
    if let Some(r) = &c.refused {
        return Err(r.clone());
    }
    if c.deps.iter().any(|&d| years[d].is_none()) {
        return Err(Localized::da_en(
            "afhænger af en handling, der er udskudt",
            "depends on an action that is deferred",
        ));
    }
    let after_deps = c.deps.iter().filter_map(|&d| years[d]).map(|y| y + 1).max().unwrap_or(cal.start);
    let budget = if c.costs { cal.start + 1 } else { cal.start };
    let lo = c.earliest.max(after_deps).max(budget);
    let dept = c.action.capacity_department();
    let need = c.action.hours + c.med.as_ref().map_or(0.0, |m| m.hours);
    let span: Vec<i64> = match c.fixed {
        Some(y) => vec![y],
        None => (lo..=cal.end).collect(),
    };
    if span.is_empty() {
        return Err(both(|l| {
            format!(
                "{} {}–{} ({} {lo})",
                l.pick("ligger uden for planens horisont", "falls outside the plan's horizon"),
                cal.start,
                cal.end,
                l.pick("tidligst", "at the earliest"),
            )
        }));
    }
    let open: Vec<i64> = span.into_iter().filter(|&y| !(c.action.kind.is_big() && cal.is_election(y))).collect();
    if open.is_empty() {
        return Err(Localized::da_en(
            "de mulige år er valgår: ingen lukninger eller store nye starter",
            "the possible years are election years: no closures or big new starts",
        ));
    }
    open.iter().copied().find(|&y| board.fits(dept, y, need)).ok_or_else(|| {
        both(|l| {
            format!(
                "{} {dept} {} {}–{} ({} {need} {})",
                l.pick("lederkapaciteten i", "leader capacity of"),
                l.pick("er brugt i alle mulige år", "is used up in every possible year"),
                open[0],
                open[open.len() - 1],
                l.pick("behov", "needs"),
                l.pick("timer", "hours"),
            )
        })
    })
}

/// Places every candidate (see the module documentation).
pub(crate) fn place(chain: Chain, cal: &Calendar) -> Placed {
    let Chain { candidates, missing } = chain;
    let mut board = Board { cal, used: BTreeMap::new() };
    let mut years: Vec<Option<i64>> = vec![None; candidates.len()];
    let mut slot = vec![0usize; candidates.len()];
    let mut actions = Vec::new();
    let mut deferred = Vec::new();
    let mut departments = BTreeSet::new();
    let mut placed = Vec::new();
    for (i, c) in candidates.into_iter().enumerate() {
        departments.insert(c.action.capacity_department().to_owned());
        match first_year(&c, &years, &board) {
            Ok(y) => {
                years[i] = Some(y);
                let need = c.action.hours + c.med.as_ref().map_or(0.0, |m| m.hours);
                board.take(c.action.capacity_department(), y, need);
                let quarter = c.action.quarter;
                if let Some(med) = c.med {
                    placed.push(actions.len());
                    actions.push((Action { quarter: quarter - 1, ..med }, vec![], Some(y)));
                }
                let mut a = c.action;
                if c.costs {
                    a.budget_year = Some(y);
                }
                a.savings_from = c.savings_offset.map(|k| y + k);
                if a.kind.is_experiment() {
                    a.milestones = milestones(y, a.quarter);
                }
                slot[i] = actions.len();
                placed.push(actions.len());
                actions.push((a, c.deps, Some(y)));
            }
            Err(reason) => {
                slot[i] = actions.len();
                deferred.push((actions.len(), reason));
                actions.push((c.action, c.deps, None));
            }
        }
    }
    for a in &mut actions {
        a.1 = a.1.iter().map(|&d| slot[d]).collect();
    }
    placed.sort_by_key(|&i| (actions[i].2, actions[i].0.quarter, i));
    Placed { actions, order: placed, deferred, departments, missing }
}

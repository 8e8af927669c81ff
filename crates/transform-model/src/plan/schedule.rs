//! Placing candidates on the calendar (the rule of docs/plan.md): greedy, in the chain's
//! order, each candidate at the earliest year every rule of [`super::rules::RULES`]
//! admits — and, when no year meets the soft (levelling) rule, the least loaded year the
//! hard ones admit (then the earliest); calendar actions at their one fixed year. What finds no year is deferred with
//! the reasons. Then each placed action gets its year-dependent parts: money, milestones,
//! gate, decision dates.

use super::board::Board;
use super::chain::{Candidate, Chain, Part};
use super::rules::{RULES, Reason};
use super::types::{Action, Decision, Gate, Milestone};
use super::window::Window;
use crate::localized::{Lang, Localized};

/// Actions with their dependencies (indices) and year; plan order; deferred with reasons.
pub(crate) struct Placed {
    pub actions: Vec<(Action, Vec<usize>, Option<i64>)>,
    /// Placed action indices, by year, quarter, then placement order.
    pub order: Vec<usize>,
    pub deferred: Vec<(usize, Localized)>,
    pub missing: Vec<Localized>,
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

/// What the rules say about one year.
enum Verdict {
    Admitted,
    /// Only a preference (levelling) refuses it.
    OnlySoftRefuses,
    Refused(Reason),
}

fn verdict(c: &Candidate, year: i64, board: &Board<'_>) -> Verdict {
    let mut soft = false;
    for r in RULES {
        match (r.admits(c, year, board), r.soft()) {
            (Ok(()), _) => {}
            (Err(_), true) => soft = true,
            (Err(reason), false) => return Verdict::Refused(reason),
        }
    }
    if soft { Verdict::OnlySoftRefuses } else { Verdict::Admitted }
}

/// The first year every rule admits; else the least loaded year (then the earliest) that
/// only a preference refuses; else the reasons (one per kind) no year is possible.
fn first_year(c: &Candidate, board: &Board<'_>) -> Result<i64, Vec<Reason>> {
    let w = board.window;
    let span = match c.fixed {
        Some(y) => y..=y,
        None => c.earliest.max(w.start)..=w.end,
    };
    let mut reasons: Vec<Reason> = Vec::new();
    let mut admitted: Vec<i64> = Vec::new();
    for y in span {
        match verdict(c, y, board) {
            Verdict::Admitted => return Ok(y),
            Verdict::OnlySoftRefuses => admitted.push(y),
            Verdict::Refused(r) if !reasons.contains(&r) => reasons.push(r),
            Verdict::Refused(_) => {}
        }
    }
    let load = |y: i64| board.load(c, y);
    if let Some(y) = admitted.iter().copied().min_by(|a, b| load(*a).total_cmp(&load(*b)).then(a.cmp(b))) {
        return Ok(y);
    }
    if reasons.is_empty() {
        reasons.push(Reason::OutsideWindow);
    }
    Err(reasons)
}

/// The deferred reasons' texts, each list written once: the same few reasons defer
/// thousands of candidates in a large portfolio, and writing them was a third of the plan.
#[derive(Default)]
struct ReasonTexts(Vec<(Vec<Reason>, Localized)>);

impl ReasonTexts {
    fn text(&mut self, reasons: Vec<Reason>) -> Localized {
        if let Some((_, t)) = self.0.iter().find(|(r, _)| *r == reasons) {
            return t.clone();
        }
        let texts: Vec<Localized> = reasons.iter().map(Reason::text).collect();
        let join = |l| texts.iter().map(|t| t.get(l).to_owned()).collect::<Vec<_>>().join("; ");
        let t = Localized::da_en(&join(Lang::Da), &join(Lang::En));
        self.0.push((reasons, t.clone()));
        t
    }
}

/// The year-dependent parts of an action placed in `year` (its candidate's year).
fn dated(part: Part, year: i64, w: &Window) -> Action {
    let y = year + part.offset;
    let mut a = part.action;
    if let Some(rule) = &part.money {
        let m = rule.money(year, a.quarter, w);
        a.savings_from = super::money::savings_from(&m);
        a.budget_year = m.per_year.first().map(|e| e.budget_year);
        a.money = Some(m);
    }
    if let Some(d) = a.decision.as_mut() {
        d.year = y;
    }
    if a.kind.is_experiment() || part.gate.is_some() {
        a.milestones = milestones(y, a.quarter);
    }
    if let Some(criterion) = part.gate {
        a.gate = Some(Gate { year: y + 1, quarter: a.quarter, criterion });
    }
    a
}

/// Places every candidate (see the module documentation).
pub(crate) fn place(chain: Chain, w: &Window) -> Placed {
    let Chain { mut candidates, missing } = chain;
    let mut board = Board::new(&mut candidates, w);
    let mut main_slot = vec![0usize; candidates.len()];
    let mut actions: Vec<(Action, Vec<usize>, Option<i64>)> = Vec::new();
    let mut deferred = Vec::new();
    let mut placed = Vec::new();
    let mut texts = ReasonTexts::default();
    for (i, c) in candidates.into_iter().enumerate() {
        match first_year(&c, &board) {
            Ok(y) => {
                board.place(i, &c, y);
                let (main, deps) = (c.main, c.deps);
                for (k, part) in c.parts.into_iter().enumerate() {
                    let year = y + part.offset;
                    if k == main {
                        main_slot[i] = actions.len();
                    }
                    placed.push(actions.len());
                    let deps = if k == main { deps.clone() } else { vec![] };
                    actions.push((dated(part, y, w), deps, Some(year)));
                }
            }
            Err(reasons) => {
                main_slot[i] = actions.len();
                deferred.push((actions.len(), texts.text(reasons)));
                let Candidate { mut parts, main, deps, .. } = c;
                actions.push((parts.swap_remove(main).action, deps, None));
            }
        }
    }
    for a in &mut actions {
        a.1 = a.1.iter().map(|&d| main_slot[d]).collect();
    }
    placed.sort_by_key(|&i| (actions[i].2, actions[i].0.quarter, i));
    Placed { actions, order: placed, deferred, missing }
}

//! The output stage: numbers the placed actions (plan order, then deferred), resolves
//! their dependencies to ids, and adds the figures of the whole plan: capacity, money per
//! budget year, the årshjul, the load, what is missing and the summary.

use super::schedule::Placed;
use super::types::{Action, ActionKind, Capacity, Phase, Plan};
use super::window::Window;
use super::{PlanInputs, aarshjul, load, money};
use crate::localized::{Lang, Localized};

/// Ids `A01`, … in plan order, then the deferred ones.
fn ids(placed: &Placed) -> Vec<String> {
    let total = placed.order.len() + placed.deferred.len();
    let width = total.to_string().len().max(2);
    let mut ids = vec![String::new(); placed.actions.len()];
    for (n, &i) in placed.order.iter().chain(placed.deferred.iter().map(|(i, _)| i)).enumerate() {
        ids[i] = format!("A{:0width$}", n + 1);
    }
    ids
}

/// The phases and the deferred actions, with ids and dependencies as ids.
fn phases(placed: Placed, w: &Window) -> (Vec<Phase>, Vec<Action>, Vec<Localized>) {
    let ids = ids(&placed);
    let Placed { actions, order, deferred, missing } = placed;
    let mut slots: Vec<Option<(Action, Option<i64>)>> = actions
        .into_iter()
        .enumerate()
        .map(|(i, (mut a, deps, year))| {
            a.id = ids[i].clone();
            a.depends_on = deps.into_iter().map(|d| ids[d].clone()).collect();
            Some((a, year))
        })
        .collect();
    let mut phases: Vec<Phase> = w.window().map(|year| Phase { year, actions: vec![] }).collect();
    for i in order {
        let (a, year) = slots[i].take().expect("each action once");
        phases[(year.expect("a placed action has a year") - w.start) as usize].actions.push(a);
    }
    let deferred = deferred
        .into_iter()
        .map(|(i, reason)| Action { reason: Some(reason), ..slots[i].take().expect("each action once").0 })
        .collect();
    (phases, deferred, missing)
}

pub(super) fn assemble(inputs: &PlanInputs<'_>, w: &Window, placed: Placed) -> Plan {
    let (phases, deferred, missing) = phases(placed, w);
    let mut per_department = w.capacity.clone();
    for a in phases.iter().flat_map(|p| &p.actions).chain(&deferred) {
        let d = a.capacity_department();
        if !per_department.contains_key(d) {
            per_department.insert(d.to_owned(), w.capacity_of(d));
        }
    }
    Plan {
        model: inputs.assessment.model.clone(),
        start_year: w.start,
        years: w.years,
        elections: w.elections_in_window(),
        capacity: Capacity { unit: "hours".into(), per_department },
        economy: money::economy(&phases, w),
        calendar: aarshjul::calendar(&phases, w),
        load: load::load(&phases, w),
        summary: summary(w, &phases, deferred.len()),
        phases,
        deferred,
        missing,
    }
}

fn summary(w: &Window, phases: &[Phase], deferred: usize) -> Localized {
    let planned: usize = phases.iter().map(|p| p.actions.len()).sum();
    let closures = phases.iter().flat_map(|p| &p.actions).filter(|a| a.kind == ActionKind::Close).count();
    let elections: Vec<String> = w.elections_in_window().iter().map(|y| y.to_string()).collect();
    let text = |l: Lang| {
        use super::fmt::count;
        let e = match (elections.is_empty(), l) {
            (true, _) => l.pick("intet kommunalvalg i perioden", "no municipal election in the period").to_owned(),
            (false, _) => format!("{} {}", l.pick("kommunalvalg i", "municipal election in"), elections.join(", ")),
        };
        // What is zero is left out ("0 udskudt" says nothing).
        let mut parts = vec![count(planned, l.pick("handling", "action"), l.pick("handlinger", "actions"))];
        if closures > 0 {
            parts[0].push_str(&format!(
                ", {} {}",
                l.pick("heraf", "of them"),
                count(closures, l.pick("lukning", "closure"), l.pick("lukninger", "closures"))
            ));
        }
        if deferred > 0 {
            parts.push(format!("{deferred} {}", l.pick("udskudt", "deferred")));
        }
        parts.push(e);
        format!("{} {}–{}: {}.", l.pick("Plan for", "Plan for"), w.start, w.end, parts.join("; "))
    };
    Localized::da_en(&text(Lang::Da), &text(Lang::En))
}

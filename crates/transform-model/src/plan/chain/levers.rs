//! Gaps → levers: one action per lever the assessment recommends (a lever recommended for
//! two dimensions is one action serving both), owned centrally when it is about the whole
//! organisation's course and by a lead department otherwise; levers on staff and
//! cooperation bring a mobilisation action with them.

use std::collections::BTreeMap;

use super::{Candidate, Part, blank, both, gap_because, lever_name, part, single};
use crate::localized::Localized;
use crate::maturity::Recommendation;
use crate::plan::PlanInputs;
use crate::plan::owners::{Leads, Owners};
use crate::plan::types::{Action, ActionKind};
use crate::plan::window::Window;

/// One lever to act on: the recommendations (dimensions) it serves, in priority order.
struct Wanted<'a> {
    lever: &'a str,
    recs: Vec<&'a Recommendation>,
}

/// The levers in recommendation order, each once.
fn wanted<'a>(recs: &'a [Recommendation]) -> Vec<Wanted<'a>> {
    let mut out: Vec<Wanted<'a>> = Vec::new();
    for r in recs {
        for lever in &r.levers {
            match out.iter_mut().find(|w| w.lever == lever) {
                Some(w) => w.recs.push(r),
                None => out.push(Wanted { lever, recs: vec![r] }),
            }
        }
    }
    out
}

/// The mobilisation action that goes with a lever on staff or cooperation.
fn mobilise(a: &Action, lever: Option<&Localized>) -> Part {
    let mut m = blank(
        ActionKind::Mobilise,
        both(|l| {
            let who = l.pick("Involvér frontmedarbejdere og partnere", "Involve front-line staff and partners");
            match lever {
                Some(name) => format!("{who}: {}", name.get(l)),
                None => who.to_owned(),
            }
        }),
    );
    m.lever = a.lever.clone();
    m.dimension = a.dimension.clone();
    m.owner = a.owner.clone();
    m.because = a.because.clone();
    m.quarter = (a.quarter + 1).min(4);
    part(m)
}

/// The stop/go criterion of a starting point: the dimension's gap at the next survey.
fn start_gate(recs: &[&Recommendation]) -> Localized {
    let r = recs[0];
    both(|l| {
        format!(
            "{} {} {}",
            l.pick("afstanden til målet i", "the gap to the target in"),
            r.label.get(l),
            l.pick("er mindre ved næste måling", "is smaller at the next survey")
        )
    })
}

/// One action per lever; a dimension's actions depend on those of the dimensions it
/// depends on. `base` is the index of the first.
pub(super) fn levers(
    inputs: &PlanInputs<'_>,
    w: &Window,
    owners: &Owners<'_>,
    leads: &mut Leads,
    base: usize,
) -> Vec<Candidate> {
    let model = inputs.model;
    let mut out: Vec<Candidate> = Vec::new();
    let mut by_dim: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for want in wanted(&inputs.assessment.recommendations) {
        let mut deps: Vec<usize> = Vec::new();
        for r in &want.recs {
            let d = model.dimension_index(&r.dimension).expect("checked in the window");
            for p in model.depends_on(d) {
                deps.extend(by_dim.get(model.dimensions()[p].id.as_str()).cloned().unwrap_or_default());
            }
        }
        deps.sort_unstable();
        deps.dedup();
        let kind = if want.lever.starts_with("start") { ActionKind::Start } else { ActionKind::Lever };
        let name = lever_name(model, want.lever);
        let dims =
            |l| want.recs.iter().map(|r| r.label.get(l).to_owned()).collect::<Vec<_>>().join(l.pick(" og ", " and "));
        let title = both(|l| match &name {
            Some(n) => format!("{}: {}", n.get(l), dims(l)),
            None => dims(l),
        });
        let mut a = blank(kind, title);
        a.lever = Some(want.lever.to_owned());
        a.dimension = Some(want.recs[0].dimension.clone());
        a.owner = if w.central_levers.iter().any(|c| c == want.lever) {
            owners.of(None)
        } else {
            let mobilising = w.mobilising_levers.iter().any(|m| m == want.lever);
            match leads.next(1 + usize::from(mobilising)) {
                Some(dept) => owners.of(Some(&dept)),
                None => owners.of(None),
            }
        };
        a.because = want.recs.iter().map(|r| gap_because(r)).collect();
        let mut c = Candidate { deps, ..single(a, w.start) };
        if kind == ActionKind::Start {
            c.parts[0].gate = Some(start_gate(&want.recs));
        }
        if w.mobilising_levers.iter().any(|m| m == want.lever) {
            let m = mobilise(&c.parts[0].action, name.as_ref());
            c.parts.push(m);
        }
        for r in &want.recs {
            by_dim.entry(r.dimension.as_str()).or_default().push(base + out.len());
        }
        out.push(c);
    }
    out
}

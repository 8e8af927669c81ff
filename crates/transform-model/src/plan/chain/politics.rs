//! The plan's political calendar (greb 1–3): anchoring in the council at the start and
//! after each election, securing the plan in the outgoing council's last budget, inducting
//! the new council, and the re-surveys of the learning loop. Cross-cutting: the central
//! department (the kommunaldirektør) owns them.

use super::{Candidate, blank, both, cite, gap_because, single};
use crate::localized::Localized;
use crate::model::Model;
use crate::plan::PlanInputs;
use crate::plan::owners::Owners;
use crate::plan::types::{ActionKind, Because, BecauseKind};
use crate::plan::window::Window;

/// The gap entries that calendar actions point back to: the recommended dimensions (at
/// most three), or the first dimension when none is recommended.
pub(super) fn anchor_refs(inputs: &PlanInputs<'_>) -> Vec<Because> {
    let recs = &inputs.assessment.recommendations;
    if recs.is_empty() {
        let d = &inputs.model.dimensions()[0];
        let gap = inputs.assessment.dimensions.iter().find(|r| r.id == d.id).and_then(|r| r.gap);
        return vec![Because {
            kind: BecauseKind::Gap,
            reference: d.id.clone(),
            value: gap,
            text: both(|l| {
                format!("{}: {}", d.label.get(l), l.pick("ingen afstand til målet", "no gap to the target"))
            }),
        }];
    }
    recs.iter().take(3).map(gap_because).collect()
}

fn term(y: i64) -> Because {
    Because {
        kind: BecauseKind::Election,
        reference: y.to_string(),
        value: None,
        text: both(|l| format!("{} {y}", l.pick("kommunalvalg i november", "municipal election in November"))),
    }
}

/// A calendar action at its one fixed year, owned centrally.
fn fixed(
    owners: &Owners<'_>,
    refs: &[Because],
    kind: ActionKind,
    year: i64,
    title: Localized,
    why: Because,
) -> Candidate {
    let mut a = blank(kind, title);
    a.owner = owners.of(None);
    a.because = std::iter::once(why).chain(refs.iter().cloned()).collect();
    Candidate { fixed: Some(year), ..single(a, year) }
}

/// Political anchoring, budget security, re-anchoring and the re-surveys, at fixed years.
pub(super) fn calendar(model: &Model, w: &Window, owners: &Owners<'_>, refs: &[Because]) -> Vec<Candidate> {
    let at = |kind, year, title, why| fixed(owners, refs, kind, year, title, why);
    let last_before = w.elections.iter().copied().filter(|e| *e < w.start).max();
    let mut first = at(
        ActionKind::AnchorPolitically,
        w.start,
        Localized::da_en(
            "Planen forankres i byrådet: vision, missioner og planstrategi",
            "The plan is anchored in the council: vision, missions and planning strategy",
        ),
        term(last_before.unwrap_or(w.start)),
    );
    first.parts[0].action.quarter = 1;
    let mut out = vec![first];
    for e in w.elections.iter().copied().filter(|e| *e >= w.start && *e <= w.end) {
        out.push(at(
            ActionKind::SecureInBudget,
            e,
            both(|l| match l {
                crate::localized::Lang::Da => {
                    format!("Planen sikres i budget {} og overslagsårene før valget i november {e}", e + 1)
                }
                crate::localized::Lang::En => {
                    format!(
                        "The plan is secured in budget {} and its out-years before the November {e} election",
                        e + 1
                    )
                }
            }),
            term(e),
        ));
        if e < w.end {
            out.push(at(
                ActionKind::ReAnchor,
                e + 1,
                Localized::da_en(
                    "Det nye byråd introduceres til planen før sit første budget",
                    "The new council is inducted into the plan ahead of its first budget",
                ),
                term(e),
            ));
            out.push(at(
                ActionKind::AnchorPolitically,
                e + 1,
                Localized::da_en(
                    "Det nye byråds vision og planstrategi forankrer planen",
                    "The new council's vision and planning strategy anchor the plan",
                ),
                term(e),
            ));
        }
    }
    out.extend(remeasures(model, w, owners, refs));
    out
}

/// The re-surveys of the learning loop, every `remeasure_every` years after the start.
fn remeasures(model: &Model, w: &Window, owners: &Owners<'_>, refs: &[Because]) -> Vec<Candidate> {
    let why = Because {
        kind: BecauseKind::LearningLoop,
        reference: refs[0].reference.clone(),
        value: Some(w.remeasure_every as f64),
        text: both(|l| {
            format!(
                "{}{}: {} {} {}",
                l.pick("læringsløkken", "the learning loop"),
                cite(model, "greb2", l),
                l.pick("måling hvert", "a survey every"),
                w.remeasure_every,
                l.pick("år; missionernes indikatorer følges årligt", "years; the missions' indicators yearly")
            )
        }),
    };
    let title = Localized::da_en(
        "Ny modenhedsmåling sammen med trivselsmålingen; viser udviklingen siden sidste måling",
        "New maturity survey alongside the well-being survey; shows the change since the last survey",
    );
    let years = (1..).map(|k| w.start + k * w.remeasure_every).take_while(|y| *y <= w.end);
    years.map(|y| fixed(owners, refs, ActionKind::Remeasure, y, title.clone(), why.clone())).collect()
}

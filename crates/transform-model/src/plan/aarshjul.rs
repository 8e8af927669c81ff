//! The årshjul: every event of the municipal budget year for each plan year (BUDGET.md),
//! the election and the new council's first steps, and the plan's hearings and decisions
//! placed on it.

use super::types::{ActionKind, CalendarEvent, EventKind, Phase};
use super::window::{Months, Window};
use crate::localized::{Lang, Localized};

/// Quarterly budgetopfølgning: with the strategy (Q4 of last year), then May, August and
/// November.
const FOLLOW_UP_MONTHS: [u8; 4] = [2, 5, 8, 11];
/// The election is in November; the new council constitutes itself in December.
const ELECTION_MONTH: u8 = 11;
const CONSTITUTION_MONTH: u8 = 12;
/// The new council's planstrategi, in the first half of its term.
const PLANNING_STRATEGY_MONTH: u8 = 6;

fn event(year: i64, m: u8, kind: EventKind, da: String, en: String) -> CalendarEvent {
    CalendarEvent { year, month: m, kind, text: Localized::da_en(&da, &en), actions: vec![] }
}

/// One event of every budget year: its kind, its month, and its text for the budget year
/// `y` (which prepares budget `y + 1`).
struct Row {
    kind: EventKind,
    month: fn(&Months) -> u8,
    text: fn(i64, Lang) -> String,
}

/// The budget process of a year, in the order of BUDGET.md.
const BUDGET_YEAR: &[Row] = &[
    Row {
        kind: EventKind::BudgetStrategy,
        month: |m| m.strategy,
        text: |y, l| match l {
            Lang::Da => format!("Budgetstrategi og budgetforudsætninger for budget {}", y + 1),
            Lang::En => format!("Budget strategy and assumptions for budget {}", y + 1),
        },
    },
    Row {
        kind: EventKind::Accounts,
        month: |m| m.accounts,
        text: |y, l| match l {
            Lang::Da => format!("Regnskab og årsberetning {} forelægges", y - 1),
            Lang::En => format!("Accounts and annual report {} presented", y - 1),
        },
    },
    Row {
        kind: EventKind::EconomyAgreement,
        month: |m| m.economy_agreement,
        text: |y, l| match l {
            Lang::Da => format!("Økonomiaftale mellem KL og regeringen for {}", y + 1),
            Lang::En => format!("Economy agreement between KL and the government for {}", y + 1),
        },
    },
    Row {
        kind: EventKind::AccountsApproved,
        month: |m| m.accounts_approved,
        text: |y, l| match l {
            Lang::Da => format!("Byrådet godkender regnskab {} med revisionsberetningen", y - 1),
            Lang::En => format!("The council approves the {} accounts with the audit report", y - 1),
        },
    },
    Row {
        kind: EventKind::BudgetSeminar,
        month: |m| m.seminar,
        text: |y, l| match l {
            Lang::Da => format!("Budgetseminar; fagudvalgene beslutter deres forslag til budget {}", y + 1),
            Lang::En => format!("Budget seminar; the committees decide their proposals for budget {}", y + 1),
        },
    },
    Row {
        kind: EventKind::FirstReading,
        month: |m| m.first_reading,
        text: |y, l| match l {
            Lang::Da => format!("1. behandling af budget {}", y + 1),
            Lang::En => format!("First reading of budget {}", y + 1),
        },
    },
    Row {
        kind: EventKind::HearingPeriod,
        month: |m| m.hearing,
        text: |y, l| match l {
            Lang::Da => format!("Høringsperiode: HovedMED og rådene høres om budget {}", y + 1),
            Lang::En => format!("Hearing period: HovedMED and the councils are heard on budget {}", y + 1),
        },
    },
    Row {
        kind: EventKind::Adoption,
        month: |m| m.adoption,
        text: |y, l| match l {
            Lang::Da => format!("2. behandling: budget {} og overslagsårene {}–{} vedtages", y + 1, y + 2, y + 4),
            Lang::En => format!("Second reading: budget {} and the out-years {}–{} adopted", y + 1, y + 2, y + 4),
        },
    },
];

/// The budget process of one year: the rows of [`BUDGET_YEAR`] and the quarterly
/// budgetopfølgning (the first, in February, follows up Q4 of last year).
fn budget_year(y: i64, w: &Window) -> Vec<CalendarEvent> {
    let mut out: Vec<CalendarEvent> = BUDGET_YEAR
        .iter()
        .map(|r| event(y, (r.month)(&w.months), r.kind, (r.text)(y, Lang::Da), (r.text)(y, Lang::En)))
        .collect();
    for (k, &fm) in FOLLOW_UP_MONTHS.iter().enumerate() {
        let (q, qy) = if k == 0 { (4, y - 1) } else { (k, y) };
        out.push(event(
            y,
            fm,
            EventKind::BudgetFollowUp,
            format!("Budgetopfølgning for {q}. kvartal {qy}"),
            format!("Budget follow-up for Q{q} {qy}"),
        ));
    }
    out
}

/// The election, the constitution and the planstrategi around election year `e`.
fn term(e: i64, w: &Window) -> Vec<CalendarEvent> {
    let mut out = Vec::new();
    if w.window().contains(&e) {
        out.push(event(
            e,
            ELECTION_MONTH,
            EventKind::Election,
            format!("Kommunalvalg (november {e})"),
            format!("Municipal election (November {e})"),
        ));
        out.push(event(
            e,
            CONSTITUTION_MONTH,
            EventKind::Constitution,
            "Det nye byråd konstituerer sig og tiltræder 1. januar".into(),
            "The new council constitutes itself and takes office on 1 January".into(),
        ));
    }
    if w.window().contains(&(e + 1)) {
        out.push(event(
            e + 1,
            PLANNING_STRATEGY_MONTH,
            EventKind::PlanningStrategy,
            "Det nye byråds planstrategi".into(),
            "The new council's planning strategy".into(),
        ));
    }
    out
}

/// The event of `kind` in `year`.
fn find(out: &mut [CalendarEvent], year: i64, kind: EventKind) -> Option<&mut CalendarEvent> {
    out.iter_mut().find(|e| e.year == year && e.kind == kind)
}

/// The plan's actions on the årshjul: each hearing (MED, then the councils) in the
/// høringsperiode, decisions and reviews at the committees' budget meeting, and what a
/// budget funds or decides at its adoption.
fn actions_on(phases: &[Phase], out: &mut Vec<CalendarEvent>) {
    for p in phases {
        for a in &p.actions {
            match (&a.decision, a.kind) {
                (Some(d), ActionKind::Med) => {
                    let med = a.owner.as_ref().and_then(|o| o.med.as_ref());
                    for body in &d.hearings {
                        let kind = if Some(body) == med { EventKind::MedHearing } else { EventKind::CouncilHearing };
                        let mut e = event(
                            p.year,
                            d.month,
                            kind,
                            format!("{body} høres: {}", a.title.get(Lang::Da)),
                            format!("{body} heard: {}", a.title.get(Lang::En)),
                        );
                        e.actions.push(a.id.clone());
                        out.push(e);
                    }
                }
                (Some(_), _) => {
                    find(out, p.year, EventKind::BudgetSeminar).into_iter().for_each(|e| e.actions.push(a.id.clone()))
                }
                (None, _) => {}
            }
            if a.budget_year == Some(p.year + 1) || (a.kind == ActionKind::DecideClosure) {
                find(out, p.year, EventKind::Adoption).into_iter().for_each(|e| e.actions.push(a.id.clone()));
            }
        }
    }
}

/// The årshjul of the plan, by year and month.
pub(crate) fn calendar(phases: &[Phase], w: &Window) -> Vec<CalendarEvent> {
    let mut out: Vec<CalendarEvent> = w.window().flat_map(|y| budget_year(y, w)).collect();
    let mut seen = Vec::new();
    for &e in &w.elections {
        if !seen.contains(&e) {
            seen.push(e);
            out.extend(term(e, w));
        }
    }
    actions_on(phases, &mut out);
    out.sort_by_key(|e| (e.year, e.month, e.kind));
    out
}

//! The portfolio → decisions (greb 4 and 9): a closure is a political decision (the
//! committee's meeting before the 1. behandling, MED and councils heard in the
//! høringsperiode, the budget adopted) followed by its execution the next year; a spread
//! is heard the autumn before the budget that funds it; "genovervej" becomes a review.

use std::collections::HashMap;

use super::{Candidate, Cited, Part, blank, both, group, part, single};
use crate::localized::{Lang, Localized};
use crate::mission::{CitizenValue, Initiative, Portfolio, PortfolioAnalysis, Recommendation, Stage, YEARS_TO_JUDGE};
use crate::model::Model;
use crate::plan::money::MoneyRule;
use crate::plan::owners::Owners;
use crate::plan::types::{Action, ActionKind, Because, BecauseKind, DecisionPoint};
use crate::plan::window::{Window, quarter_of};

/// The hearing of the MED forum and the councils on a change to `x`, in the budget's
/// høringsperiode, `offset` years from the candidate's year.
fn hearing(x: &Initiative, of: &Action, owners: &Owners<'_>, w: &Window, offset: i64, da: &str, en: &str) -> Part {
    let mut med = blank(ActionKind::Med, both(|l| format!("{} {}", l.pick(da, en), x.title)));
    med.initiative = Some(x.id.clone());
    med.owner = of.owner.clone();
    med.because = of.because.clone();
    med.quarter = quarter_of(w.months.hearing);
    let mut bodies: Vec<String> = of.owner.as_ref().and_then(|o| o.med.clone()).into_iter().collect();
    bodies.extend(owners.hearings(of.capacity_department()));
    med.decision = Some(DecisionPoint {
        committee: None,
        year: 0,
        month: w.months.hearing,
        hearings: bodies,
        question: both(|l| {
            format!("{} {}", l.pick("Høringssvar til budgettet om", "Consultation response to the budget on"), x.title)
        }),
    });
    Part { offset, ..part(med) }
}

/// Why a named closure candidate is not closed: already closed, statutory, shared
/// infrastructure, or too young to judge (an analysis may come from elsewhere).
/// A question put to the committee at the budget seminar (year set when the action is
/// placed): "<verb> <initiative> <rest>", in both languages.
fn seminar_question(a: &Action, w: &Window, title: &str, verb: (&str, &str), rest: (&str, &str)) -> DecisionPoint {
    DecisionPoint {
        committee: a.owner.as_ref().and_then(|o| o.committee.clone()),
        year: 0,
        month: w.months.seminar,
        hearings: vec![],
        question: both(|l| format!("{} {title} {}", l.pick(verb.0, verb.1), l.pick(rest.0, rest.1))),
    }
}

fn refusal(x: &Initiative, w: &Window) -> Option<Localized> {
    if x.stage == Stage::Closed {
        Some(Localized::da_en("er allerede lukket", "already closed"))
    } else if x.mandatory {
        Some(Localized::da_en("lovpligtig opgave: lukkes ikke", "statutory task: not closed"))
    } else if x.shared_infrastructure {
        Some(Localized::da_en(
            "fælles infrastruktur, som andre indsatser bygger på: lukkes ikke",
            "shared infrastructure other work runs on: not closed",
        ))
    } else if x.citizen_value == CitizenValue::Unclear && w.start - x.start_year < YEARS_TO_JUDGE {
        Some(Localized::da_en("for tidligt at vurdere: under to år gammel", "too early to judge: under two years old"))
    } else {
        None
    }
}

/// Per closure candidate: the decision (the committee before the 1. behandling), the
/// hearing, and the execution the year after with its savings.
pub(super) fn closures(
    model: &Model,
    p: &Portfolio,
    a: &PortfolioAnalysis,
    w: &Window,
    owners: &Owners<'_>,
) -> Vec<Candidate> {
    let by_id: HashMap<&str, usize> = p.initiatives.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let greb4 = Cited::new(model, "greb4");
    let mut out = Vec::new();
    for c in &a.closure_candidates {
        let Some(&i) = by_id.get(c.initiative.as_str()) else { continue };
        let x = &p.initiatives[i];
        let mut decide = blank(
            ActionKind::DecideClosure,
            both(|l| format!("{} {}", l.pick("Beslutning om at lukke", "Decision to close"), x.title)),
        );
        decide.initiative = Some(x.id.clone());
        decide.owner = owners.of(x.departments.first().map(String::as_str));
        decide.quarter = quarter_of(w.months.seminar);
        decide.because = vec![Because {
            kind: BecauseKind::ClosureCandidate,
            reference: x.id.clone(),
            value: Some(c.best_alignment),
            text: both(|l| match l {
                Lang::Da => format!(
                    "bidrager ikke tydeligt til nogen mission; der er ikke vist værdi for borgerne{}",
                    greb4.get(l)
                ),
                Lang::En => format!(
                    "serves no mission: best alignment {:.2}; no citizen value shown{}",
                    c.best_alignment,
                    greb4.get(l)
                ),
            }),
        }];
        decide.decision = Some(seminar_question(
            &decide,
            w,
            &x.title,
            ("Skal", "Is"),
            (
                "lukkes med virkning fra næste budgetår? Besparelsen indgår i budgettet.",
                "to close from the next budget year? The saving goes into the budget.",
            ),
        ));
        let hear = hearing(
            x,
            &decide,
            owners,
            w,
            0,
            "Høring i MED og råd om lukning af",
            "Hearing of MED and councils on closing",
        );
        if let Some(d) = decide.decision.as_mut() {
            d.hearings = hear.action.decision.as_ref().map(|h| h.hearings.clone()).unwrap_or_default();
        }
        let mut close = blank(ActionKind::Close, both(|l| format!("{} {}", l.pick("Luk", "Close"), x.title)));
        close.initiative = decide.initiative.clone();
        close.owner = decide.owner.clone();
        close.because = decide.because.clone();
        let execute = Part {
            offset: 1,
            money: Some(MoneyRule::Close { running_kr: x.cost_per_year, account: x.account }),
            ..part(close)
        };
        out.push(Candidate { refused: refusal(x, w), ..group(vec![part(decide), hear, execute], w.start) });
    }
    out
}

/// The stop/go criterion of a spread of something unproven: its first outcome, or that
/// citizen value is shown.
fn outcome_gate(x: &Initiative) -> Localized {
    match x.outcomes.first() {
        Some(o) => both(|l| format!("{}: {o}", l.pick("målt effekt på", "measured effect on"))),
        None => Localized::da_en("der er vist værdi for borgerne", "citizen value has been shown"),
    }
}

/// What the economics say to spread, quickest payback first, each heard in the
/// høringsperiode the autumn before the budget that funds it.
pub(super) fn spreading(
    model: &Model,
    p: &Portfolio,
    a: &PortfolioAnalysis,
    w: &Window,
    owners: &Owners<'_>,
) -> Vec<Candidate> {
    let mut picks: Vec<usize> = (0..a.economics.len())
        .filter(|&i| a.economics[i].recommendation == Recommendation::Spread && p.initiatives[i].stage != Stage::Closed)
        .collect();
    picks.sort_by_key(|&i| (a.economics[i].payback_years.unwrap_or(i64::MAX), i));
    let greb9 = Cited::new(model, "greb9");
    picks.into_iter().map(|i| spread(&greb9, &p.initiatives[i], &a.economics[i], w, owners)).collect()
}

fn spread(greb9: &Cited, x: &Initiative, e: &crate::mission::Economics, w: &Window, owners: &Owners<'_>) -> Candidate {
    let mut act = blank(ActionKind::Spread, both(|l| format!("{} {}", l.pick("Udbred", "Spread"), x.title)));
    act.initiative = Some(x.id.clone());
    act.owner = owners.of(x.departments.first().map(String::as_str));
    act.because = vec![Because {
        kind: BecauseKind::Economics,
        reference: x.id.clone(),
        value: e.payback_years.map(|n| n as f64),
        text: both(|l| {
            let why = match e.payback_years {
                Some(n) => format!("{} {n} {}", l.pick("tjener sig hjem på", "pays back in"), l.pick("år", "years")),
                None => {
                    l.pick("mærkbar merværdi for borgerne uden merudgift", "citizen value at no extra cost").to_owned()
                }
            };
            format!("{why}{}", greb9.get(l))
        }),
    }];
    let rule = MoneyRule::spread(x);
    act.cost_kr = rule.full_year_new();
    let hear = hearing(
        x,
        &act,
        owners,
        w,
        -1,
        "Høring i MED og råd om arbejdsvilkår ved udbredelse af",
        "Hearing of MED and councils on working conditions before spreading",
    );
    let main = Part {
        money: Some(rule),
        gate: (x.citizen_value != CitizenValue::Positive).then(|| outcome_gate(x)),
        ..part(act)
    };
    Candidate { funded: x.cost_per_year.is_some_and(|c| c > 0.0), ..group(vec![main, hear], w.start) }
}

/// "Genovervej": a review at the committee's budget meeting, with the question to answer.
pub(super) fn reviews(
    model: &Model,
    p: &Portfolio,
    a: &PortfolioAnalysis,
    w: &Window,
    owners: &Owners<'_>,
) -> Vec<Candidate> {
    let closing: std::collections::HashSet<&str> = a.closure_candidates.iter().map(|c| c.initiative.as_str()).collect();
    let greb4 = Cited::new(model, "greb4");
    let mut out = Vec::new();
    for (x, e) in p.initiatives.iter().zip(&a.economics) {
        if e.recommendation != Recommendation::Reconsider || x.stage == Stage::Closed || closing.contains(x.id.as_str())
        {
            continue;
        }
        let mut act = blank(ActionKind::Review, both(|l| format!("{} {}", l.pick("Genovervej", "Review"), x.title)));
        act.initiative = Some(x.id.clone());
        act.owner = owners.of(x.departments.first().map(String::as_str));
        act.quarter = quarter_of(w.months.seminar);
        act.because = vec![Because {
            kind: BecauseKind::Reconsider,
            reference: x.id.clone(),
            value: e.net_per_year,
            text: both(|l| {
                format!(
                    "{}{}",
                    l.pick(
                        "uklar værdi eller udgift: porteføljeanalysen siger genovervej",
                        "unclear value or cost: the portfolio analysis says reconsider"
                    ),
                    greb4.get(l)
                )
            }),
        }];
        act.decision = Some(seminar_question(
            &act,
            w,
            &x.title,
            ("Skaber", "Does"),
            (
                "værdi for borgerne, der svarer til udgiften? Fortsæt, justér eller luk i næste budget.",
                "create citizen value worth its cost? Continue, adjust or close in the next budget.",
            ),
        ));
        out.push(single(act, w.start));
    }
    out
}

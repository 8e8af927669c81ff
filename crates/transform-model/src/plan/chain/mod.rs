//! The chain: from measured figures to candidate actions, each with its `because`.
//!
//! Gaps → levers and starting points (with mobilisation where the lever is on staff or
//! cooperation); the portfolio → closure decisions, reviews, spreading and missions to
//! fill; under-served missions → catalog matches → ingredients and partner
//! municipalities; the learning loop; and the election calendar.

mod levers;
mod missions;
mod politics;
mod portfolio;

use super::board::Need;
use super::money::MoneyRule;
use super::owners::{Leads, Owners};
use super::types::{Action, ActionKind, Because, BecauseKind, Owner};
use super::window::Window;
use super::{PlanError, PlanInputs};
use crate::localized::{Lang, Localized};
use crate::model::Model;

pub use super::types::UNASSIGNED;

/// Leader hours an action takes (docs/plan.md): closures cost the most leader time.
pub fn hours(kind: ActionKind) -> f64 {
    use ActionKind::*;
    match kind {
        Close => 300.0,
        Start | Spread | AdoptIngredient => 200.0,
        Lever | FillMission => 150.0,
        AnchorPolitically => 80.0,
        Remeasure | SecureInBudget | ReAnchor | Mobilise => 60.0,
        Med | DecideClosure | Review => 40.0,
    }
}

/// The quarter an action of `kind` is placed in by default; hearings and decisions take
/// the quarter of their budget month instead.
fn quarter(kind: ActionKind) -> u8 {
    use ActionKind::*;
    match kind {
        Remeasure | ReAnchor | Close => 1,
        Lever | Start | Spread | FillMission | AnchorPolitically | Review => 2,
        AdoptIngredient | SecureInBudget | Med | DecideClosure | Mobilise => 3,
    }
}

/// One action of a candidate, `offset` years from the candidate's year.
pub(crate) struct Part {
    pub offset: i64,
    pub action: Action,
    /// How its money is computed once the year is known.
    pub money: Option<MoneyRule>,
    /// The stop/go criterion of an experiment (its gate is a year after the start).
    pub gate: Option<Localized>,
}

/// Actions placed together (a closure's decision, hearing and execution; a spread and its
/// hearing the autumn before), before they have a year and ids.
pub(crate) struct Candidate {
    pub parts: Vec<Part>,
    /// The part other candidates depend on and the deferred list shows.
    pub main: usize,
    /// Candidates that must be placed in an earlier year.
    pub deps: Vec<usize>,
    /// Calendar actions: exactly this year.
    pub fixed: Option<i64>,
    pub earliest: i64,
    /// Needs new money: the budget adopted in October before its year decides it.
    pub funded: bool,
    /// Refused before scheduling (mandatory, shared infrastructure, closed), with the reason.
    pub refused: Option<Localized>,
    /// Other candidates depend on it: placed as early as it can be, not levelled.
    pub depended_on: bool,
    /// Its leader hours per department and year offset, summed by the schedule's board.
    pub needs: Vec<Need>,
}

pub(crate) struct Chain {
    pub candidates: Vec<Candidate>,
    pub missing: Vec<Localized>,
}

/// A text written in both languages (the strings moved in, not copied: the chain writes
/// tens of thousands of them for a large portfolio).
pub(crate) fn both(f: impl Fn(Lang) -> String) -> Localized {
    Localized(std::collections::BTreeMap::from([("da".to_owned(), f(Lang::Da)), ("en".to_owned(), f(Lang::En))]))
}

/// [`cite`] in both languages, written once for a whole list of actions.
pub(crate) struct Cited {
    da: String,
    en: String,
}

impl Cited {
    pub fn new(model: &Model, id: &str) -> Cited {
        Cited { da: cite(model, id, Lang::Da), en: cite(model, id, Lang::En) }
    }
    pub fn get(&self, l: Lang) -> &str {
        match l {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

/// A lever's name and its number apart: ("Luk projekter uden værdi for borgerne", "greb 4")
/// from the model's label "Greb 4: Luk projekter uden værdi for borgerne".
fn lever_parts(model: &Model, id: &str, l: Lang) -> Option<(String, String)> {
    let label = model.lever(id)?.label.get(l);
    Some(match label.split_once(": ") {
        Some((number, name)) => (name.to_owned(), number.to_lowercase()),
        None => (label.to_owned(), String::new()),
    })
}

/// A lever as a reader meets it: its name, the number only beside it ("Luk projekter uden
/// værdi for borgerne (greb 4)"); the id alone never (`None` when the model lacks it).
pub(crate) fn lever_name(model: &Model, id: &str) -> Option<Localized> {
    lever_parts(model, id, Lang::Da)?;
    Some(both(|l| match lever_parts(model, id, l) {
        Some((name, number)) if !number.is_empty() => format!("{name} ({number})"),
        Some((name, _)) => name,
        None => String::new(),
    }))
}

/// The lever a reason rests on, to end the reason with: " (jf. »Luk projekter uden værdi
/// for borgerne«, greb 4)"; nothing when the model has no such lever.
pub(crate) fn cite(model: &Model, id: &str, l: Lang) -> String {
    match lever_parts(model, id, l) {
        Some((name, number)) if !number.is_empty() => format!(" ({} »{name}«, {number})", l.pick("jf.", "cf.")),
        Some((name, _)) => format!(" ({} »{name}«)", l.pick("jf.", "cf.")),
        None => String::new(),
    }
}

pub(crate) fn blank(kind: ActionKind, title: Localized) -> Action {
    Action {
        id: String::new(),
        kind,
        title,
        lever: None,
        dimension: None,
        mission: None,
        initiative: None,
        ingredients: vec![],
        partners: vec![],
        quarter: quarter(kind),
        hours: hours(kind),
        cost_kr: None,
        budget_year: None,
        savings_from: None,
        money: None,
        owner: None,
        milestones: vec![],
        gate: None,
        decision: None,
        depends_on: vec![],
        because: vec![],
        reason: None,
    }
}

pub(crate) fn part(action: Action) -> Part {
    Part { offset: 0, action, money: None, gate: None }
}

/// A candidate of one action.
pub(crate) fn single(action: Action, earliest: i64) -> Candidate {
    group(vec![part(action)], earliest)
}

/// A candidate of several actions; the first is the main one.
pub(crate) fn group(parts: Vec<Part>, earliest: i64) -> Candidate {
    Candidate {
        parts,
        main: 0,
        deps: vec![],
        fixed: None,
        earliest,
        funded: false,
        refused: None,
        depended_on: false,
        needs: vec![],
    }
}

/// All candidates in placement order: calendar, closures, levers, spreading, reviews,
/// missions, ingredients.
pub(crate) fn candidates(inputs: &PlanInputs<'_>, w: &Window) -> Result<Chain, PlanError> {
    let owners = Owners::new(inputs.portfolio.map(|(p, _)| p));
    let anchors = politics::anchor_refs(inputs);
    let model = inputs.model;
    let mut out = politics::calendar(model, w, &owners, &anchors);
    let mut missing = Vec::new();
    match inputs.portfolio {
        Some((p, a)) => {
            let closures = portfolio::closures(model, p, a, w, &owners);
            let spreading = portfolio::spreading(model, p, a, w, &owners);
            let reviews = portfolio::reviews(model, p, a, w, &owners);
            let owned: Vec<Owner> = [&closures, &spreading, &reviews]
                .into_iter()
                .flatten()
                .filter(|c| c.refused.is_none())
                .flat_map(|c| c.parts.iter().filter_map(|p| p.action.owner.clone()))
                .collect();
            let mut leads = Leads::new(Some(p), &owned);
            out.extend(closures);
            let base = out.len();
            out.extend(levers::levers(inputs, w, &owners, &mut leads, base));
            out.extend(spreading);
            out.extend(reviews);
            let base = out.len();
            let (fill, served) = missions::fill_missions(p, a, w, &owners, base);
            out.extend(fill);
            match inputs.index {
                Some(index) => out.extend(missions::ingredients(p, index, w, &owners, &served, &mut missing)?),
                None => missing.push(Localized::da_en(
                    "Intet katalog: ingen virksomme ingredienser eller partnerkommuner i planen",
                    "No catalog: no active ingredients or partner municipalities in the plan",
                )),
            }
            if p.organisation.is_none() {
                missing.push(Localized::da_en(
                    "Porteføljen har ingen organisation: ejere (udvalg, direktør, MED) afklares",
                    "The portfolio has no organisation: owners (committee, director, MED) are to be decided",
                ));
            }
        }
        None => {
            let base = out.len();
            out.extend(levers::levers(inputs, w, &owners, &mut Leads::new(None, &[]), base));
            missing.push(Localized::da_en(
                "Ingen portefølje: ingen lukninger, udbredelser, missioner eller ingredienser i planen",
                "No portfolio: no closures, spreading, missions or ingredients in the plan",
            ));
            missing.push(Localized::da_en(
                "Ingen organisation: ejere (udvalg, direktør, MED) afklares",
                "No organisation: owners (committee, director, MED) are to be decided",
            ));
        }
    }
    if inputs.assessment.recommendations.is_empty() {
        missing.push(Localized::da_en(
            "Ingen dimension ligger under målet: ingen greb fra målingen",
            "No dimension is below its target: no levers from the assessment",
        ));
    }
    for d in out.iter().flat_map(|c| c.deps.clone()).collect::<Vec<_>>() {
        out[d].depended_on = true;
    }
    Ok(Chain { candidates: out, missing })
}

/// The gap behind a recommended dimension.
pub(crate) fn gap_because(r: &crate::maturity::Recommendation) -> Because {
    Because {
        kind: BecauseKind::Gap,
        reference: r.dimension.clone(),
        value: Some(r.gap),
        text: both(|l| {
            format!(
                "{}: {} {} {} ({} {}, {} {})",
                r.label.get(l),
                l.pick("afstand til målet", "gap to the target"),
                super::fmt::number(r.gap, 2, l),
                l.pick("point", "points"),
                l.pick("vægtet", "weighted"),
                super::fmt::number(r.weighted_gap, 2, l),
                l.pick("prioritet", "priority"),
                r.priority
            )
        }),
    }
}

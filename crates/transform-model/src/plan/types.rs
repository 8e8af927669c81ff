//! The plan's output types: plain data, serialised as the JSON contract of docs/plan.md.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::PlanInputs;
use super::options::Calendar;
use super::schedule::Placed;
use crate::localized::Localized;
use crate::maturity::ModelRef;

/// What kind of action a plan step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionKind {
    /// Work on a lever (greb) of a lagging dimension.
    Lever,
    /// A lever the model marks as a starting point (its id begins with `start`).
    Start,
    /// Close an initiative that serves no mission.
    Close,
    /// Spread an initiative that pays back.
    Spread,
    /// Fill a mission's coverage gap with a new initiative.
    FillMission,
    /// Adopt an active ingredient from the catalog.
    AdoptIngredient,
    /// Survey again, to see whether the gaps close.
    Remeasure,
    /// Anchor the plan in the council (vision, missions, planning strategy): at the start and after each
    /// election.
    AnchorPolitically,
    /// Secure an action's money in the budget.
    SecureInBudget,
    /// Induct a new council into the plan before its first budget.
    ReAnchor,
    /// Consult the MED committee (medarbejderindflydelse) on a change.
    Med,
}

impl ActionKind {
    /// Closures and big new starts: never begun in an election year.
    pub fn is_big(self) -> bool {
        use ActionKind::*;
        matches!(self, Lever | Start | Close | Spread | FillMission | AdoptIngredient)
    }
    /// Experiments: quarterly continue / adjust / stop points.
    pub fn is_experiment(self) -> bool {
        matches!(self, ActionKind::Start | ActionKind::FillMission | ActionKind::AdoptIngredient)
    }
    /// The kind's name in the reader's language.
    pub fn label(self) -> Localized {
        use ActionKind::*;
        let (da, en) = match self {
            Lever => ("greb", "lever"),
            Start => ("startsted", "starting point"),
            Close => ("lukning", "closure"),
            Spread => ("udbredelse", "spread"),
            FillMission => ("dækningshul i mission", "mission coverage gap"),
            AdoptIngredient => ("virksom ingrediens", "active ingredient"),
            Remeasure => ("ny måling", "re-survey"),
            AnchorPolitically => ("politisk forankring", "political anchoring"),
            SecureInBudget => ("sikres i budgettet", "secured in the budget"),
            ReAnchor => ("genforankring", "re-anchoring"),
            Med => ("MED-høring", "MED consultation"),
        };
        Localized::da_en(da, en)
    }
}

/// What kind of figure stands behind an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BecauseKind {
    /// A maturity gap of a dimension.
    Gap,
    /// An initiative is a closure candidate.
    ClosureCandidate,
    /// An initiative's economics (net per year, payback).
    Economics,
    /// A mission's coverage gap.
    CoverageGap,
    /// An ingredient matched in the catalog.
    Match,
    /// An election year.
    Election,
    /// The learning loop: measure again to see the effect.
    LearningLoop,
}

/// The decision a milestone asks for; the plan assumes it, the meeting decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Go on as planned.
    Continue,
    /// Go on with changes.
    Adjust,
    /// Stop the action.
    Stop,
}

/// A measured figure behind an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Because {
    /// What kind of figure it is.
    pub kind: BecauseKind,
    /// The dimension, initiative, mission, ingredient (or election year) it is about.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The figure, when it is a number.
    pub value: Option<f64>,
    /// The figure in words, per language.
    pub text: Localized,
}

/// Who carries an action: the department and its political and staff bodies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    /// The department (forvaltning).
    pub department: String,
    /// The political committee (udvalg) the department reports to.
    pub committee: Option<String>,
    /// The department's director.
    pub director: Option<String>,
    /// The department's MED committee.
    pub med: Option<String>,
}

/// A checkpoint of an action: a quarter and the decision it asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// Year of the checkpoint.
    pub year: i64,
    /// Quarter of the checkpoint, 1–4.
    pub quarter: u8,
    /// What is looked at, per language.
    pub text: Localized,
    /// The decision the meeting takes.
    pub decision: Decision,
}

/// One step of the plan, with the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Action id (`A01`, …), in plan order.
    pub id: String,
    /// What kind of step it is.
    pub kind: ActionKind,
    /// Title per language.
    pub title: Localized,
    /// The model's lever, for lever actions.
    pub lever: Option<String>,
    /// The dimension it works on, if any.
    pub dimension: Option<String>,
    /// The mission it serves, if any.
    pub mission: Option<String>,
    /// The initiative it concerns, if any.
    pub initiative: Option<String>,
    /// Catalog ingredients it adopts.
    pub ingredients: Vec<String>,
    /// Partner municipalities (kommunekoder) to learn from.
    pub partners: Vec<String>,
    /// Quarter the action starts, 1–4.
    pub quarter: u8,
    /// Leader hours the action takes.
    pub hours: f64,
    /// Cost in kroner, when known.
    pub cost_kr: Option<f64>,
    /// The budget year that must fund it.
    pub budget_year: Option<i64>,
    /// First year with savings, when it saves.
    pub savings_from: Option<i64>,
    /// Null: "to be decided" (its hours count against [`super::UNASSIGNED`]).
    pub owner: Option<Owner>,
    /// Checkpoints with their decisions.
    pub milestones: Vec<Milestone>,
    /// Actions that must be done in an earlier year.
    pub depends_on: Vec<String>,
    /// The measured figures behind the action.
    pub because: Vec<Because>,
    /// Why a deferred action is not in the plan (deferred actions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Localized>,
}

impl Action {
    /// The department whose capacity the action uses.
    pub fn capacity_department(&self) -> &str {
        self.owner.as_ref().map_or(super::UNASSIGNED, |o| o.department.as_str())
    }
}

/// The actions of one plan year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// The year.
    pub year: i64,
    /// Its actions, in start order.
    pub actions: Vec<Action>,
}

/// Leader capacity per department and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capacity {
    /// Unit of the figures (`hours`: leader hours per year).
    pub unit: String,
    /// Capacity per department.
    pub per_department: BTreeMap<String, f64>,
}

/// The five-year plan: phases per year, deferred actions, what was missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The model of the assessment.
    pub model: ModelRef,
    /// First plan year.
    pub start_year: i64,
    /// Number of plan years.
    pub years: i64,
    /// Election years inside the plan.
    pub elections: Vec<i64>,
    /// Leader capacity the schedule respects.
    pub capacity: Capacity,
    /// One phase per plan year.
    pub phases: Vec<Phase>,
    /// Actions that did not fit the capacity or the window, each with its reason.
    pub deferred: Vec<Action>,
    /// What could not be planned (no portfolio, no catalog, …).
    pub missing: Vec<Localized>,
    /// The plan in one sentence, per language.
    pub summary: Localized,
}

impl Plan {
    /// The plan as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }

    /// Reads a plan from its JSON; the error names the JSON path.
    pub fn from_json(text: &str) -> Result<Plan, String> {
        crate::json::parse(text).map_err(|e| format!("not a plan JSON (at `{}`: {})", e.path, e.message))
    }

    /// Every planned action with its year, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (i64, &Action)> {
        self.phases.iter().flat_map(|p| p.actions.iter().map(move |a| (p.year, a)))
    }
}

/// Numbers the placed actions (plan order, then deferred), resolves their dependencies to
/// ids, and adds capacity, `missing` and the summary.
pub(super) fn assemble(inputs: &PlanInputs<'_>, cal: &Calendar, placed: Placed) -> Plan {
    let Placed { mut actions, order, deferred, departments, missing } = placed;
    let total = order.len() + deferred.len();
    let width = total.to_string().len().max(2);
    let mut ids = vec![String::new(); actions.len()];
    for (n, &i) in order.iter().chain(deferred.iter().map(|(i, _)| i)).enumerate() {
        ids[i] = format!("A{:0width$}", n + 1);
    }
    let order_years: Vec<(usize, i64)> =
        order.iter().map(|&i| (i, actions[i].2.expect("a placed action has a year"))).collect();
    for i in 0..actions.len() {
        actions[i].0.id = ids[i].clone();
        let deps = std::mem::take(&mut actions[i].1);
        actions[i].0.depends_on = deps.into_iter().map(|d| ids[d].clone()).collect();
    }
    let mut slots: Vec<Option<Action>> = actions.into_iter().map(|(a, _, _)| Some(a)).collect();
    let mut phases: Vec<Phase> = cal.window().map(|year| Phase { year, actions: vec![] }).collect();
    for &(i, year) in &order_years {
        phases[(year - cal.start) as usize].actions.push(slots[i].take().expect("each action once"));
    }
    let deferred: Vec<Action> = deferred
        .into_iter()
        .map(|(i, reason)| Action { reason: Some(reason), ..slots[i].take().expect("each action once") })
        .collect();
    let planned: usize = phases.iter().map(|p| p.actions.len()).sum();
    let summary = summary(cal, planned, deferred.len(), &phases);
    Plan {
        model: inputs.assessment.model.clone(),
        start_year: cal.start,
        years: cal.years,
        elections: cal.elections_in_window(),
        capacity: Capacity {
            unit: "hours".into(),
            per_department: departments.into_iter().map(|d| (d, cal.capacity)).collect(),
        },
        phases,
        deferred,
        missing,
        summary,
    }
}

fn summary(cal: &Calendar, planned: usize, deferred: usize, phases: &[Phase]) -> Localized {
    let closures = phases.iter().flat_map(|p| &p.actions).filter(|a| a.kind == ActionKind::Close).count();
    let elections: Vec<String> = cal.elections_in_window().iter().map(|y| y.to_string()).collect();
    let (e_da, e_en) = if elections.is_empty() {
        ("intet kommunalvalg i perioden".to_owned(), "no municipal election in the period".to_owned())
    } else {
        (format!("kommunalvalg i {}", elections.join(", ")), format!("municipal election in {}", elections.join(", ")))
    };
    Localized::da_en(
        &format!(
            "Plan for {}–{}: {planned} handlinger, heraf {closures} lukninger; {deferred} udskudt; {e_da}.",
            cal.start, cal.end
        ),
        &format!(
            "Plan for {}–{}: {planned} actions, {closures} of them closures; {deferred} deferred; {e_en}.",
            cal.start, cal.end
        ),
    )
}

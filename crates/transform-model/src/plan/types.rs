//! The plan's output types: plain data, serialised as the JSON contract of docs/plan.md.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::PlanInputs;
use super::options::Calendar;
use super::schedule::Placed;
use crate::localized::Localized;
use crate::maturity::ModelRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Lever,
    Start,
    Close,
    Spread,
    FillMission,
    AdoptIngredient,
    Remeasure,
    AnchorPolitically,
    SecureInBudget,
    ReAnchor,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BecauseKind {
    Gap,
    ClosureCandidate,
    Economics,
    CoverageGap,
    Match,
    Election,
    LearningLoop,
}

/// The decision a milestone asks for; the plan assumes it, the meeting decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Continue,
    Adjust,
    Stop,
}

/// A measured figure behind an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Because {
    pub kind: BecauseKind,
    /// The dimension, initiative, mission, ingredient (or election year) it is about.
    #[serde(rename = "ref")]
    pub reference: String,
    pub value: Option<f64>,
    pub text: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    pub department: String,
    pub committee: Option<String>,
    pub director: Option<String>,
    pub med: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub year: i64,
    pub quarter: u8,
    pub text: Localized,
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub kind: ActionKind,
    pub title: Localized,
    pub lever: Option<String>,
    pub dimension: Option<String>,
    pub mission: Option<String>,
    pub initiative: Option<String>,
    pub ingredients: Vec<String>,
    pub partners: Vec<String>,
    pub quarter: u8,
    pub hours: f64,
    pub cost_kr: Option<f64>,
    pub budget_year: Option<i64>,
    pub savings_from: Option<i64>,
    /// Null: "to be decided" (its hours count against [`super::UNASSIGNED`]).
    pub owner: Option<Owner>,
    pub milestones: Vec<Milestone>,
    /// Actions that must be done in an earlier year.
    pub depends_on: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub year: i64,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capacity {
    pub unit: String,
    pub per_department: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub model: ModelRef,
    pub start_year: i64,
    pub years: i64,
    /// Election years inside the plan.
    pub elections: Vec<i64>,
    pub capacity: Capacity,
    pub phases: Vec<Phase>,
    pub deferred: Vec<Action>,
    /// What could not be planned (no portfolio, no catalog, …).
    pub missing: Vec<Localized>,
    pub summary: Localized,
}

impl Plan {
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }

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

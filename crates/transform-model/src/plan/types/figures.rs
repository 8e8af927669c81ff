//! The plan as a whole and its year-by-year figures: phases, money per budget year, the
//! årshjul and the load per department and owner.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Action;
use crate::localized::Localized;
use crate::maturity::ModelRef;
pub use crate::mission::Account;

/// An action's money in one budget year (kroner; null = "ikke opgjort", never 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoneyYear {
    /// The budget year (adopted in October the year before).
    pub budget_year: i64,
    /// What the initiative already costs inside the running budget.
    pub already_budgeted_kr: Option<f64>,
    /// Merudgift: the extra money the action needs that year.
    pub new_kr: Option<f64>,
    /// Mindreudgift: the money it frees that year.
    pub savings_kr: Option<f64>,
}

/// An action's money: its account and one entry per budget year it touches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Drift or anlæg.
    pub account: Account,
    /// One entry per budget year, from the first it touches to the plan's last overslagsår.
    pub per_year: Vec<MoneyYear>,
}

/// A following year as a budget sees it (overslagsår).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overslag {
    /// The overslagsår.
    pub budget_year: i64,
    /// Net drift of the actions decided by that budget; null when one is not opgjort.
    pub net_kr: Option<f64>,
}

/// The plan's money in one budget year (drift; anlæg apart). A total is null when any of
/// its actions is "ikke opgjort"; `known_*` and `not_costed` say what is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomyYear {
    /// The budget year.
    pub budget_year: i64,
    /// Already in the running budget (the initiatives the plan spreads or closes).
    pub already_budgeted_kr: Option<f64>,
    /// Merudgift (drift).
    pub new_kr: Option<f64>,
    /// Mindreudgift (drift).
    pub savings_kr: Option<f64>,
    /// new − savings.
    pub net_kr: Option<f64>,
    /// Net summed from the first plan year.
    pub cumulative_net_kr: Option<f64>,
    /// New money on the anlæg account (never added to the drift figures).
    pub anlaeg_kr: Option<f64>,
    /// The part of `new_kr` that is known.
    pub known_new_kr: f64,
    /// The part of `savings_kr` that is known.
    pub known_savings_kr: f64,
    /// Actions whose amount that year is not opgjort.
    pub not_costed: Vec<String>,
    /// The three following years as this budget sees them.
    pub overslag: Vec<Overslag>,
}

/// What kind of event of the årshjul.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// Budgetstrategi / budgetforudsætninger.
    BudgetStrategy,
    /// Budgetopfølgning to the committees (quarterly).
    BudgetFollowUp,
    /// Last year's accounts presented (regnskab og årsberetning).
    Accounts,
    /// The økonomiaftale between KL and the government.
    EconomyAgreement,
    /// The accounts approved by the council with the audit report.
    AccountsApproved,
    /// Budgetseminar; the committees decide their proposals.
    BudgetSeminar,
    /// 1. behandling.
    FirstReading,
    /// Høringsperiode: MED and the councils.
    HearingPeriod,
    /// A hearing of the MED system on an action.
    MedHearing,
    /// A hearing of a council (Handicaprådet, Ældrerådet, …) on an action.
    CouncilHearing,
    /// 2. behandling: the budget and its overslagsår adopted.
    Adoption,
    /// The municipal election.
    Election,
    /// The new council constitutes itself.
    Constitution,
    /// The new council's planstrategi.
    PlanningStrategy,
}

/// One event of the årshjul.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarEvent {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u8,
    /// What kind of event.
    pub kind: EventKind,
    /// The event in words, per language.
    pub text: Localized,
    /// Actions of the plan taken up at the event.
    pub actions: Vec<String>,
}

/// Hours and actions of one department or owner in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadRow {
    /// Year.
    pub year: i64,
    /// The department, or the owner (director).
    pub name: String,
    /// Leader hours planned.
    pub hours: f64,
    /// Actions planned.
    pub actions: usize,
    /// Leader hours available.
    pub capacity: f64,
}

/// The plan's load per year per department and per owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Load {
    /// Per year and department.
    pub per_department: Vec<LoadRow>,
    /// Per year and owner (the director; the pool `Direktionen` when to be decided).
    pub per_owner: Vec<LoadRow>,
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

/// The five-year plan: phases per year, money, årshjul, load, deferred actions, gaps.
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
    /// Money per budget year of the plan.
    pub economy: Vec<EconomyYear>,
    /// The årshjul: every budget-process event of each plan year, with the actions on it.
    pub calendar: Vec<CalendarEvent>,
    /// Hours and actions per year per department and owner.
    pub load: Load,
    /// Actions that did not fit the capacity or the window, each with its reason.
    pub deferred: Vec<Action>,
    /// What could not be planned (no portfolio, no catalog, …).
    pub missing: Vec<Localized>,
    /// The plan in one sentence, per language.
    pub summary: Localized,
}

/// A text that is not a plan's JSON, with the JSON path where it failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("not a plan JSON (at `{path}`: {message})")]
pub struct PlanJsonError {
    /// JSON path of the first problem.
    pub path: String,
    /// What was wrong there.
    pub message: String,
}

impl Plan {
    /// The plan as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }

    /// Reads a plan from its JSON; the error names the JSON path.
    pub fn from_json(text: &str) -> Result<Plan, PlanJsonError> {
        crate::json::parse(text).map_err(|e| PlanJsonError { path: e.path, message: e.message })
    }

    /// Every planned action with its year, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (i64, &Action)> {
        self.phases.iter().flat_map(|p| p.actions.iter().map(move |a| (p.year, a)))
    }
}

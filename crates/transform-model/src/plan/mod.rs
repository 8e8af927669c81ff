//! The five-year transformation plan (DOMAIN.md §5; the article's greb 1): measured gaps,
//! portfolio decisions and catalog matches tied into a year-by-year roadmap that respects
//! leaders' capacity, the model's dependencies, the budget year and the election cycle.
//!
//! [`plan`] is a pipeline of stages that import downwards only: check the inputs into a
//! `window` (`options` holds the public options), build candidate actions with the
//! chain of figures behind each (`chain`), place them by the rules of `rules`
//! (`schedule`), and put out the plan with its money, årshjul and load (`assemble`;
//! `output` renders it). The plain `types` are below them all. The rules are written out
//! in docs/plan.md. The year comes from the options or the portfolio, never the clock.

mod aarshjul;
mod assemble;
mod board;
mod chain;
mod fmt;
mod load;
mod money;
mod options;
pub mod output;
mod owners;
mod rules;
mod schedule;
mod types;
mod window;

pub use chain::{UNASSIGNED, hours};
pub use options::{DEFAULT_CAPACITY_HOURS, MAX_YEARS, PlanOptions, default_elections};
pub use types::{
    Account, Action, ActionKind, Because, BecauseKind, CalendarEvent, Capacity, Decision, DecisionPoint, EconomyYear,
    EventKind, Gate, Load, LoadRow, Milestone, Money, MoneyYear, Overslag, Owner, Phase, Plan, PlanJsonError,
};

pub(crate) use types::number_of;

use crate::ingredient::{CatalogError, Index};
use crate::maturity::Assessment;
use crate::mission::{Portfolio, PortfolioAnalysis};
use crate::model::Model;

/// Errors that stop a plan; each names the option or input field that was wrong.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum PlanError {
    /// An option breaks its rule.
    #[error("option `{name}`: {message}")]
    InvalidOption {
        /// The option (`elections[1]`, `department_capacity[Børn og Unge]`,
        /// `budget_months.adoption`).
        name: String,
        /// Its rule and the value given.
        message: String,
    },
    /// Neither the options nor the portfolio give the first plan year.
    #[error("no start year: give `start_year` as an option or `year` in the portfolio")]
    NoStartYear,
    /// The assessment was made with another model than the one given.
    #[error("assessment `{field}` is `{found}`, but the model given is `{expected}`")]
    ModelMismatch {
        /// The assessment's field (`model.id`, `model.version`).
        field: String,
        /// The model's value.
        expected: String,
        /// The assessment's value.
        found: String,
    },
    /// The inputs do not belong together (an analysis of another portfolio, an unknown
    /// dimension in the assessment).
    #[error("`{field}`: {message}")]
    Inconsistent {
        /// The input field concerned.
        field: String,
        /// What does not belong together.
        message: String,
    },
    /// Matching a mission's problem against the catalog failed.
    #[error("catalog match for mission `{mission}`")]
    Catalog {
        /// The mission.
        mission: String,
        /// The catalog's error.
        #[source]
        error: CatalogError,
    },
    /// The caller cancelled the call ([`crate::cancel`]).
    #[error(transparent)]
    Cancelled(#[from] crate::cancel::Cancelled),
}

/// What the plan is built from.
#[derive(Clone, Copy)]
pub struct PlanInputs<'a> {
    /// The model the assessment was made with.
    pub model: &'a Model,
    /// The municipality's assessment: its gaps drive the levers.
    pub assessment: &'a Assessment,
    /// The portfolio and its analysis, if there is one.
    pub portfolio: Option<(&'a Portfolio, &'a PortfolioAnalysis)>,
    /// The catalog index for ingredient matches, if there is one.
    pub index: Option<&'a Index>,
}

/// Builds the plan. Same inputs and options → the same plan, byte for byte.
pub fn plan(inputs: PlanInputs<'_>, options: &PlanOptions) -> Result<Plan, PlanError> {
    let window = window::check(&inputs, options)?;
    crate::cancel::check()?;
    let candidates = chain::candidates(&inputs, &window)?;
    crate::cancel::check()?;
    let placed = schedule::place(candidates, &window);
    crate::cancel::check()?;
    Ok(assemble::assemble(&inputs, &window, placed))
}

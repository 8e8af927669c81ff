//! The five-year transformation plan (DOMAIN.md §5; the article's greb 1): measured gaps,
//! portfolio decisions and catalog matches tied into a year-by-year roadmap that respects
//! leaders' capacity, the model's dependencies, the budget cycle and the election cycle.
//!
//! [`plan`] is a pipeline: check the inputs ([`options`]), build candidate actions with the
//! chain of figures behind each ([`chain`]), place them on the calendar ([`schedule`]), and
//! number them. The rule is written out in docs/plan.md. The year comes from the options
//! or the portfolio, never the clock.

mod chain;
mod options;
pub mod output;
mod schedule;
mod types;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use chain::{UNASSIGNED, hours};
pub use options::{DEFAULT_CAPACITY_HOURS, MAX_YEARS, PlanOptions, default_elections};
pub use types::{Action, ActionKind, Because, BecauseKind, Capacity, Decision, Milestone, Owner, Phase, Plan};

use crate::ingredient::{CatalogError, Index};
use crate::maturity::Assessment;
use crate::mission::{Portfolio, PortfolioAnalysis};
use crate::model::Model;

/// Errors that stop a plan; each names the option or input field that was wrong.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum PlanError {
    #[error("option `{name}`: {message}")]
    InvalidOption { name: String, message: String },
    #[error("no start year: give `start_year` as an option or `year` in the portfolio")]
    NoStartYear,
    /// The assessment was made with another model than the one given.
    #[error("assessment `{field}` is `{found}`, but the model given is `{expected}`")]
    ModelMismatch { field: String, expected: String, found: String },
    /// The inputs do not belong together (an analysis of another portfolio, an unknown
    /// dimension in the assessment).
    #[error("`{field}`: {message}")]
    Inconsistent { field: String, message: String },
    #[error("catalog match for mission `{mission}`: {error}")]
    Catalog { mission: String, error: CatalogError },
}

/// What the plan is built from.
#[derive(Clone, Copy)]
pub struct PlanInputs<'a> {
    pub model: &'a Model,
    pub assessment: &'a Assessment,
    /// The portfolio and its analysis, if there is one.
    pub portfolio: Option<(&'a Portfolio, &'a PortfolioAnalysis)>,
    /// The catalog index for ingredient matches, if there is one.
    pub index: Option<&'a Index>,
}

/// Builds the plan. Same inputs and options → the same plan, byte for byte.
pub fn plan(inputs: PlanInputs<'_>, options: &PlanOptions) -> Result<Plan, PlanError> {
    let calendar = options::check(&inputs, options)?;
    let candidates = chain::candidates(&inputs, &calendar)?;
    let placed = schedule::place(candidates, &calendar);
    Ok(types::assemble(&inputs, &calendar, placed))
}

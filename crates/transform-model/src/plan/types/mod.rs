//! The plan's output types: plain data, serialised as the JSON contract of docs/plan.md.
//! Nothing here computes; the chain, the schedule and the output stages fill them.

mod action;

/// Capacity pool of actions without an owner ("to be decided"): the executive board.
pub const UNASSIGNED: &str = "Direktionen";

mod figures;

pub(crate) use action::number_of;
pub use action::{Action, ActionKind, Because, BecauseKind, Decision, DecisionPoint, Gate, Milestone, Owner};
pub use figures::{
    Account, CalendarEvent, Capacity, EconomyYear, EventKind, Load, LoadRow, Money, MoneyYear, Overslag, Phase, Plan,
    PlanJsonError,
};

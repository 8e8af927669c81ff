//! One action of the plan and its parts: kind, owner, the figures behind it, its decision
//! points.

use serde::{Deserialize, Serialize};

use super::Money;
use crate::localized::Localized;

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
    /// Hear the MED committee (medarbejderindflydelse) and the councils on a change, in the
    /// budget's høringsperiode.
    Med,
    /// The political decision to close an initiative (committee, then the budget).
    DecideClosure,
    /// Look at an initiative again ("genovervej"): a date and the question to answer.
    Review,
    /// Involve front-line staff and partners in a lever on staff or cooperation.
    Mobilise,
}

impl ActionKind {
    /// Closures (decided or executed) and big new starts: never in an election year.
    pub fn is_big(self) -> bool {
        use ActionKind::*;
        matches!(self, Lever | Start | Close | DecideClosure | Spread | FillMission | AdoptIngredient)
    }
    /// Experiments: quarterly continue / adjust / stop points and a stop/go gate.
    pub fn is_experiment(self) -> bool {
        matches!(self, ActionKind::Start | ActionKind::FillMission | ActionKind::AdoptIngredient)
    }
    /// Its JSON name (`decide_closure`, …): for the faces' columns.
    pub fn name(self) -> &'static str {
        use ActionKind::*;
        match self {
            Lever => "lever",
            Start => "start",
            Close => "close",
            Spread => "spread",
            FillMission => "fill_mission",
            AdoptIngredient => "adopt_ingredient",
            Remeasure => "remeasure",
            AnchorPolitically => "anchor_politically",
            SecureInBudget => "secure_in_budget",
            ReAnchor => "re_anchor",
            Med => "med",
            DecideClosure => "decide_closure",
            Review => "review",
            Mobilise => "mobilise",
        }
    }
    /// The kind's name in the reader's language.
    pub fn label(self) -> Localized {
        use ActionKind::*;
        let (da, en) = match self {
            Lever => ("greb", "lever"),
            Start => ("første skridt", "starting point"),
            Close => ("lukning", "closure"),
            Spread => ("udbredelse", "spread"),
            FillMission => ("mission uden indsatser", "mission coverage gap"),
            AdoptIngredient => ("virksom ingrediens", "active ingredient"),
            Remeasure => ("ny måling", "re-survey"),
            AnchorPolitically => ("politisk forankring", "political anchoring"),
            SecureInBudget => ("sikres i budgettet", "secured in the budget"),
            ReAnchor => ("genforankring", "re-anchoring"),
            Med => ("høring (MED og råd)", "hearing (MED and councils)"),
            DecideClosure => ("beslutning om lukning", "closure decision"),
            Review => ("genovervejelse", "review"),
            Mobilise => ("mobilisering", "mobilisation"),
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
    /// The portfolio analysis says to look at an initiative again.
    Reconsider,
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

/// A stop/go decision of an experiment: when, and the criterion it is judged by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    /// Year of the decision.
    pub year: i64,
    /// Quarter of the decision, 1–4.
    pub quarter: u8,
    /// What must be true to go on, per language (the mission's indicator or the outcome).
    pub criterion: Localized,
}

/// Where politics decides: the committee and meeting, the hearings, the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionPoint {
    /// The committee that decides (or recommends to the budget); null when to be decided.
    pub committee: Option<String>,
    /// Year of the meeting.
    pub year: i64,
    /// Month of the meeting, 1–12.
    pub month: u8,
    /// Bodies heard first (the MED forum, councils whose area it touches).
    pub hearings: Vec<String>,
    /// The question the meeting answers, per language.
    pub question: Localized,
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
    /// New money (merudgift) per full year, when known; the year-by-year figures are in
    /// `money`.
    pub cost_kr: Option<f64>,
    /// The budget year that must fund it (adopted the October before).
    pub budget_year: Option<i64>,
    /// First year with savings, when it saves.
    pub savings_from: Option<i64>,
    /// Its money per budget year, when it touches money.
    pub money: Option<Money>,
    /// Null: "to be decided" (its hours count against [`super::UNASSIGNED`]).
    pub owner: Option<Owner>,
    /// Checkpoints with their decisions.
    pub milestones: Vec<Milestone>,
    /// The stop/go decision of an experiment.
    pub gate: Option<Gate>,
    /// The political decision or review it asks for.
    pub decision: Option<DecisionPoint>,
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

/// The number of an action id, `A09` → 9: the Danish outputs write "nr. 9" (the letter
/// is the JSON's).
pub(crate) fn number_of(id: &str) -> Option<u64> {
    id.trim_start_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

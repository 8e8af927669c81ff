//! The portfolio file: missions and initiatives (DOMAIN.md §3), validated on load.

use serde::{Deserialize, Serialize};

use super::PortfolioError;
// Siblings read the organisation's types where they read the portfolio's.
pub(super) use super::organisation::{Department, MunicipalityInfo, Organisation};
use crate::localized::Localized;

/// An outcome indicator of a mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured.
    pub name: String,
    /// Unit of the measure (%, persons, …); empty when none.
    #[serde(default)]
    pub unit: String,
    /// Value at the start; null when unknown.
    pub baseline: Option<f64>,
    /// Value aimed for; null when not set.
    pub target: Option<f64>,
    /// Year the target is to be met; null when not set.
    pub year: Option<i64>,
}

/// A mission about the value to be created for citizens (greb 5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    /// Mission id, referred to by initiatives' links.
    pub id: String,
    /// Title per language.
    pub title: Localized,
    /// The mission statement: the value to be created for citizens.
    pub statement: String,
    /// Citizen groups the mission is for.
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// Outcomes for citizens.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// How progress is measured.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Owning departments (forvaltninger).
    #[serde(default)]
    pub departments: Vec<String>,
    /// Partner sectors (region, civil society, businesses, …).
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Year the mission is to be reached; null when not set.
    #[serde(default)]
    pub horizon: Option<i64>,
}

/// The national development phases, then operations or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Screening (screening): is the idea worth maturing?
    Screening,
    /// Maturing (modning).
    Maturing,
    /// Testing (afprøvning).
    Testing,
    /// Spreading (udbredelse).
    Spreading,
    /// In operations (drift).
    Operations,
    /// Closed.
    Closed,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] =
        [Stage::Screening, Stage::Maturing, Stage::Testing, Stage::Spreading, Stage::Operations, Stage::Closed];
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Screening => "screening",
            Stage::Maturing => "maturing",
            Stage::Testing => "testing",
            Stage::Spreading => "spreading",
            Stage::Operations => "operations",
            Stage::Closed => "closed",
        }
    }
    /// Still an experiment: screening, maturing (modning) or testing (afprøvning).
    pub fn is_pilot(self) -> bool {
        matches!(self, Stage::Screening | Stage::Maturing | Stage::Testing)
    }
}

/// Whether an initiative improves today's operations or explores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Improves today's operations.
    Exploit,
    /// An experiment.
    Explore,
}

/// The OECD's four innovation facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// Improves what exists.
    Enhancement,
    /// Serves a mission.
    MissionOriented,
    /// Adapts to a changing environment.
    Adaptive,
    /// Prepares for possible futures.
    Anticipatory,
}

impl Facet {
    /// Every facet, in order.
    pub const ALL: [Facet; 4] = [Facet::Enhancement, Facet::MissionOriented, Facet::Adaptive, Facet::Anticipatory];
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Enhancement => "enhancement",
            Facet::MissionOriented => "mission_oriented",
            Facet::Adaptive => "adaptive",
            Facet::Anticipatory => "anticipatory",
        }
    }
}

impl Mode {
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Exploit => "exploit",
            Mode::Explore => "explore",
        }
    }
}

/// The citizen value an initiative has shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CitizenValue {
    /// None shown.
    None,
    /// Not (yet) clear.
    Unclear,
    /// Positive.
    Positive,
    /// Negative.
    Negative,
}

/// An explicit contribution of an initiative to a mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Mission id.
    pub mission: String,
    /// Contribution 0 (none) … 3 (strong).
    pub strength: i64,
}

/// An initiative (indsats, project, experiment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Initiative id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the initiative does.
    #[serde(default)]
    pub description: String,
    /// Departments (forvaltninger) running it.
    #[serde(default)]
    pub departments: Vec<String>,
    /// Citizen groups it serves.
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// Outcomes for citizens it aims at.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// Active-ingredient ids it uses.
    #[serde(default)]
    pub ingredients: Vec<String>,
    /// Development stage: screening, maturing, testing, spreading, operations or closed.
    pub stage: Stage,
    /// exploit (improves today's operations) or explore (an experiment).
    pub mode: Mode,
    /// OECD innovation facet: enhancement, mission_oriented, adaptive or anticipatory.
    pub facet: Facet,
    /// Yearly running cost; absent means unknown (never read as 0), so no spending is
    /// recommended on a guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_year: Option<f64>,
    /// Yearly savings once they run (default 0: no savings claimed).
    #[serde(default)]
    pub savings_per_year: f64,
    /// One-off cost in the start year (default 0).
    #[serde(default)]
    pub investment: f64,
    /// First year with savings (default: the start year).
    #[serde(default)]
    pub savings_from_year: Option<i64>,
    /// Value for citizens so far: none, unclear, positive or negative.
    pub citizen_value: CitizenValue,
    /// First year.
    pub start_year: i64,
    /// Last year; null when open-ended.
    #[serde(default)]
    pub end_year: Option<i64>,
    /// Partner sectors outside the municipality.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Its contributions to missions.
    #[serde(default)]
    pub links: Vec<Link>,
    /// A statutory task or infrastructure (e.g. a care record system): never a closure
    /// candidate (DOMAIN.md §5).
    #[serde(default)]
    pub mandatory: bool,
    /// Infrastructure other work runs on (a school platform, a shared system): never a
    /// closure candidate, like a statutory task.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_infrastructure: bool,
    /// Share of its target group it reaches today, 0 < x ≤ 1; absent means unknown, so a
    /// plan cannot cost its spreading ("ikke opgjort").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_share: Option<f64>,
    /// Share of the target group a spread is to reach, `reach_share` ≤ x ≤ 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread_to_share: Option<f64>,
    /// Budget account of its money: drift (running costs, default) or anlaeg (investment).
    #[serde(default, skip_serializing_if = "Account::is_drift")]
    pub account: Account,
}

/// A municipal budget's two accounts; never added together without saying so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Account {
    /// Running costs (drift).
    #[default]
    Drift,
    /// One-off investment (anlæg: buildings, systems).
    Anlaeg,
}

impl Account {
    /// True for drift (the default, left out of the JSON).
    pub fn is_drift(&self) -> bool {
        *self == Account::Drift
    }
}

/// A municipality's missions and initiatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// The municipality the portfolio belongs to.
    pub municipality: MunicipalityInfo,
    /// The year the analysis is made for (can be overridden in the options).
    #[serde(default)]
    pub year: Option<i64>,
    /// Free text about the portfolio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Citizen-value missions.
    pub missions: Vec<Mission>,
    /// Initiatives, projects and experiments.
    pub initiatives: Vec<Initiative>,
    /// Departments with committee, director and MED forum; optional (plans then name no owner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Organisation>,
    /// The analysed texts of the last analysis, reused while the texts are unchanged.
    #[serde(skip)]
    #[schemars(skip)]
    corpus: super::corpus::CorpusMemo,
}

/// The bundled sample portfolio of a fictional municipality (illustrative).
pub const SAMPLE_PORTFOLIO_JSON: &str = include_str!("../../data/portfolio.json");

/// Years a portfolio may mention.
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

impl Portfolio {
    /// Parses and validates a portfolio.
    pub fn from_json(text: &str) -> Result<Portfolio, PortfolioError> {
        let p: Portfolio =
            crate::json::parse(text).map_err(|e| PortfolioError::Parse { path: e.path, message: e.message })?;
        p.validate()?;
        Ok(p)
    }

    /// A portfolio of `missions` and `initiatives`, with no year, note or organisation
    /// (set those fields afterwards). Build portfolios in code with this: the struct keeps
    /// a private memo of its analysed texts.
    pub fn new(municipality: MunicipalityInfo, missions: Vec<Mission>, initiatives: Vec<Initiative>) -> Portfolio {
        Portfolio {
            municipality,
            year: None,
            note: None,
            missions,
            initiatives,
            organisation: None,
            corpus: Default::default(),
        }
    }

    /// The analysed corpus of `texts` (the initiatives' and missions' texts, in order).
    pub(super) fn analysed_corpus(&self, texts: Vec<String>) -> std::sync::Arc<crate::text::AnalyzedCorpus> {
        self.corpus.analysed(texts)
    }

    /// The bundled sample portfolio.
    pub fn sample() -> Portfolio {
        Portfolio::from_json(SAMPLE_PORTFOLIO_JSON).expect("the bundled portfolio is valid")
    }

    /// The portfolio as pretty-printed JSON (the input format).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a portfolio serializes")
    }
}

//! The portfolio file: missions and initiatives (DOMAIN.md §3), validated on load.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::PortfolioError;
use crate::localized::Localized;
use crate::municipality;

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

/// Months (1–12) of the municipality's budget year (årshjul); each absent one takes the
/// plan's default (docs/plan.md). The legal deadlines stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetMonths {
    /// Budgetstrategi / budgetforudsætninger (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<u8>,
    /// Last year's accounts (regnskab) presented (default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<u8>,
    /// KL and the government's økonomiaftale (default 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economy_agreement: Option<u8>,
    /// Accounts approved by the council with the audit report (default 8; by 31 August).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts_approved: Option<u8>,
    /// Budgetseminar (default 8); the committees decide their proposals the same month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seminar: Option<u8>,
    /// 1. behandling (default 9; by 15 September).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_reading: Option<u8>,
    /// Høringsperiode: MED and the councils (default 9, between the readings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hearing: Option<u8>,
    /// 2. behandling: the budget adopted (default 10; by 15 October).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<u8>,
}

/// The municipality the portfolio belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityInfo {
    /// A kommunekode ("101", or the number 101), or null for a fictional municipality.
    #[serde(default, deserialize_with = "municipality::deserialize_optional_code")]
    pub code: Option<String>,
    /// Name of the municipality.
    pub name: String,
}

/// A department (forvaltning) with the political committee, the director and the MED forum
/// that own its actions in a plan (DOMAIN.md §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// The department's name as the initiatives' `departments` write it.
    pub name: String,
    /// Fagudvalg, Økonomiudvalget, or a §17, stk. 4-udvalg for a cross-cutting mission.
    pub committee: String,
    /// The director (direktør) who answers for the department's actions.
    pub director: String,
    /// The MED forum closures and changes of working conditions go to (HovedMED, område-MED).
    pub med: String,
    /// Councils heard when the department's services change (Handicaprådet, Ældrerådet, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hearings: Vec<String>,
    /// Leader hours the department has for the plan per year (default: the plan's option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_hours: Option<f64>,
}

/// Who owns what: departments, and the one that owns cross-cutting work (levers, the
/// re-survey, political anchoring).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The departments that can own actions.
    pub departments: Vec<Department>,
    /// Name of the department owning cross-cutting actions (e.g. the central administration);
    /// without it they are "to be decided".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub central: Option<String>,
    /// The municipality's own budget months where they differ from the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_months: Option<BudgetMonths>,
}

impl Organisation {
    /// The department named `name`, compared as normalised text.
    pub fn department(&self, name: &str) -> Option<&Department> {
        let key = crate::text::normalize(name);
        self.departments.iter().find(|d| crate::text::normalize(&d.name) == key)
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

fn invalid(path: String, message: String) -> PortfolioError {
    PortfolioError::Invalid { path, message }
}

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

    /// Checks the rules the JSON schema cannot express.
    pub fn validate(&self) -> Result<(), PortfolioError> {
        if let Some(code) = &self.municipality.code {
            if !municipality::is_three_digit(code) || municipality::by_code(code).is_none() {
                return Err(invalid(
                    "municipality.code".into(),
                    format!("`{code}` is not the code of one of the 98 Danish municipalities"),
                ));
            }
        }
        if let Some(org) = &self.organisation {
            validate_organisation(org)?;
        }
        let mut missions = HashSet::new();
        for (i, m) in self.missions.iter().enumerate() {
            if m.id.trim().is_empty() {
                return Err(invalid(format!("missions[{i}].id"), "empty id".into()));
            }
            if !missions.insert(m.id.as_str()) {
                return Err(invalid(format!("missions[{i}].id"), format!("duplicate mission id `{}`", m.id)));
            }
        }
        let mut seen = HashSet::new();
        for (i, x) in self.initiatives.iter().enumerate() {
            let p = format!("initiatives[{i}]");
            if x.id.trim().is_empty() {
                return Err(invalid(format!("{p}.id"), "empty id".into()));
            }
            if !seen.insert(x.id.as_str()) {
                return Err(invalid(format!("{p}.id"), format!("duplicate initiative id `{}`", x.id)));
            }
            for (field, v) in [
                ("cost_per_year", x.cost_per_year.unwrap_or(0.0)),
                ("savings_per_year", x.savings_per_year),
                ("investment", x.investment),
            ] {
                if !v.is_finite() || v < 0.0 {
                    return Err(invalid(format!("{p}.{field}"), format!("{v} must be a finite amount ≥ 0")));
                }
            }
            for (field, year) in [
                ("start_year", Some(x.start_year)),
                ("end_year", x.end_year),
                ("savings_from_year", x.savings_from_year),
            ] {
                if let Some(y) = year.filter(|y| !(YEARS.contains(y))) {
                    return Err(invalid(
                        format!("{p}.{field}"),
                        format!("year {y} is outside {}..{}", YEARS.start(), YEARS.end()),
                    ));
                }
            }
            validate_reach(x, &p)?;
            if x.mandatory && x.stage == Stage::Closed {
                return Err(invalid(
                    format!("{p}.mandatory"),
                    "a mandatory initiative (statutory task or infrastructure) cannot be closed".into(),
                ));
            }
            if let Some(end) = x.end_year {
                if end < x.start_year {
                    return Err(invalid(
                        format!("{p}.end_year"),
                        format!("end year {end} is before start year {}", x.start_year),
                    ));
                }
            }
            let mut linked = HashSet::new();
            for (j, l) in x.links.iter().enumerate() {
                if !missions.contains(l.mission.as_str()) {
                    return Err(invalid(format!("{p}.links[{j}].mission"), format!("unknown mission `{}`", l.mission)));
                }
                if !linked.insert(l.mission.as_str()) {
                    return Err(invalid(
                        format!("{p}.links[{j}].mission"),
                        format!("mission `{}` linked twice", l.mission),
                    ));
                }
                if !(0..=3).contains(&l.strength) {
                    return Err(invalid(
                        format!("{p}.links[{j}].strength"),
                        format!("strength {} is outside 0..3", l.strength),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// 0 < reach ≤ spread-to ≤ 1.
fn validate_reach(x: &Initiative, p: &str) -> Result<(), PortfolioError> {
    let reach = x.reach_share;
    if let Some(r) = reach.filter(|r| !(r.is_finite() && *r > 0.0 && *r <= 1.0)) {
        return Err(invalid(format!("{p}.reach_share"), format!("{r} must be a share above 0 and at most 1")));
    }
    if let Some(t) =
        x.spread_to_share.filter(|t| !(t.is_finite() && *t >= reach.unwrap_or(0.0) && *t <= 1.0 && *t > 0.0))
    {
        return Err(invalid(
            format!("{p}.spread_to_share"),
            format!("{t} must be a share at most 1 and at least the reach_share"),
        ));
    }
    Ok(())
}

/// Each budget month given lies in 1–12.
pub fn validate_budget_months(m: &BudgetMonths, prefix: &str) -> Result<(), (String, String)> {
    let fields = [
        ("strategy", m.strategy),
        ("accounts", m.accounts),
        ("economy_agreement", m.economy_agreement),
        ("accounts_approved", m.accounts_approved),
        ("seminar", m.seminar),
        ("first_reading", m.first_reading),
        ("hearing", m.hearing),
        ("adoption", m.adoption),
    ];
    for (name, v) in fields {
        if let Some(v) = v.filter(|v| !(1..=12).contains(v)) {
            return Err((format!("{prefix}{name}"), format!("month {v} is outside 1..12")));
        }
    }
    Ok(())
}

/// Department names are non-empty and distinct (as normalised text); `central` names one.
fn validate_organisation(org: &Organisation) -> Result<(), PortfolioError> {
    let mut names = HashSet::new();
    for (i, d) in org.departments.iter().enumerate() {
        for (field, v) in [("name", &d.name), ("committee", &d.committee), ("director", &d.director), ("med", &d.med)] {
            if v.trim().is_empty() {
                return Err(invalid(format!("organisation.departments[{i}].{field}"), "empty text".into()));
            }
        }
        if !names.insert(crate::text::normalize(&d.name)) {
            return Err(invalid(
                format!("organisation.departments[{i}].name"),
                format!("duplicate department `{}`", d.name),
            ));
        }
        if let Some(c) = d.capacity_hours.filter(|c| !(c.is_finite() && *c > 0.0)) {
            return Err(invalid(
                format!("organisation.departments[{i}].capacity_hours"),
                format!("{c} must be a positive number of hours"),
            ));
        }
    }
    if let Some(m) = &org.budget_months {
        validate_budget_months(m, "organisation.budget_months.").map_err(|(path, message)| invalid(path, message))?;
    }
    if let Some(c) = &org.central {
        if org.department(c).is_none() {
            let known: Vec<&str> = org.departments.iter().map(|d| d.name.as_str()).collect();
            let hint = crate::json::nearest(c, &known).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
            return Err(invalid("organisation.central".into(), format!("unknown department `{c}`{hint}")));
        }
    }
    Ok(())
}

//! Who owns the portfolio's work: the municipality, its departments and its budget year
//! (DOMAIN.md §5, BUDGET.md), validated with the portfolio.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::PortfolioError;
use crate::municipality;

fn invalid(path: String, message: String) -> PortfolioError {
    PortfolioError::Invalid { path, message }
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
pub(super) fn validate_organisation(org: &Organisation) -> Result<(), PortfolioError> {
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

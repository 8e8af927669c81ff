//! The checked frame of a plan: its years, elections, budget months and capacities, and
//! that the inputs belong together. Every later stage reads this, never the raw options.

use std::collections::BTreeMap;

use super::options::{PlanOptions, check_window, invalid};
use super::{PlanError, PlanInputs, UNASSIGNED};
use crate::mission::{BudgetMonths, Portfolio};

/// The budget year's months (1–12), resolved: options over the organisation over defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Months {
    pub strategy: u8,
    pub accounts: u8,
    pub economy_agreement: u8,
    pub accounts_approved: u8,
    pub seminar: u8,
    pub first_reading: u8,
    pub hearing: u8,
    pub adoption: u8,
}

/// The default months (BUDGET.md).
const DEFAULT_MONTHS: Months = Months {
    strategy: 2,
    accounts: 4,
    economy_agreement: 6,
    accounts_approved: 8,
    seminar: 8,
    first_reading: 9,
    hearing: 9,
    adoption: 10,
};

/// The quarter (1–4) of a month.
pub(crate) fn quarter_of(month: u8) -> u8 {
    (month - 1) / 3 + 1
}

/// The checked window and rules the chain, the schedule and the output read.
#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub start: i64,
    pub end: i64,
    pub years: i64,
    /// Every election year given (sorted, distinct), also those just outside the window.
    pub elections: Vec<i64>,
    pub months: Months,
    /// Capacity of every department of the organisation (and of the pool).
    pub capacity: BTreeMap<String, f64>,
    /// Capacity of a department the organisation does not list.
    pub default_capacity: f64,
    pub phase_out_quarters: u8,
    pub central_levers: Vec<String>,
    pub mobilising_levers: Vec<String>,
    pub remeasure_every: i64,
    pub ingredients: usize,
    pub partners: usize,
}

impl Window {
    pub fn is_election(&self, year: i64) -> bool {
        self.elections.binary_search(&year).is_ok()
    }
    /// Election years inside the window.
    pub fn elections_in_window(&self) -> Vec<i64> {
        self.elections.iter().copied().filter(|y| (self.start..=self.end).contains(y)).collect()
    }
    pub fn window(&self) -> std::ops::RangeInclusive<i64> {
        self.start..=self.end
    }
    /// Leader hours per year of a department.
    pub fn capacity_of(&self, department: &str) -> f64 {
        self.capacity.get(department).copied().unwrap_or(self.default_capacity)
    }
}

/// Options over the organisation's months over the defaults; the order the law sets.
fn months(o: &PlanOptions, p: Option<&Portfolio>) -> Result<Months, PlanError> {
    let org = p.and_then(|p| p.organisation.as_ref()).and_then(|o| o.budget_months.clone()).unwrap_or_default();
    let pick = |f: fn(&BudgetMonths) -> Option<u8>, d: u8| f(&o.budget_months).or(f(&org)).unwrap_or(d);
    let d = DEFAULT_MONTHS;
    let m = Months {
        strategy: pick(|m| m.strategy, d.strategy),
        accounts: pick(|m| m.accounts, d.accounts),
        economy_agreement: pick(|m| m.economy_agreement, d.economy_agreement),
        accounts_approved: pick(|m| m.accounts_approved, d.accounts_approved),
        seminar: pick(|m| m.seminar, d.seminar),
        first_reading: pick(|m| m.first_reading, d.first_reading),
        hearing: pick(|m| m.hearing, d.hearing),
        adoption: pick(|m| m.adoption, d.adoption),
    };
    let order = [
        ("seminar", m.seminar, m.first_reading, "on or before the 1. behandling"),
        ("hearing", m.hearing, m.adoption, "on or before the adoption (2. behandling)"),
        ("first_reading", m.first_reading, m.hearing, "on or before the høringsperiode"),
    ];
    for (name, early, late, rule) in order {
        if early > late {
            return Err(invalid(&format!("budget_months.{name}"), format!("month {early} must be {rule} ({late})")));
        }
    }
    Ok(m)
}

/// Capacity per department: the option, else the organisation's figure, else the default;
/// a department the organisation does not know is refused by name.
fn capacities(o: &PlanOptions, p: Option<&Portfolio>) -> Result<BTreeMap<String, f64>, PlanError> {
    let org = p.and_then(|p| p.organisation.as_ref());
    let mut out: BTreeMap<String, f64> = BTreeMap::new();
    for d in org.map(|o| o.departments.as_slice()).unwrap_or_default() {
        out.insert(d.name.clone(), d.capacity_hours.unwrap_or(o.capacity_hours));
    }
    for (name, hours) in &o.department_capacity {
        let known = org.and_then(|g| g.department(name)).map(|d| d.name.clone());
        match known.or_else(|| (name == UNASSIGNED).then(|| name.clone())) {
            Some(n) => {
                out.insert(n, *hours);
            }
            None => {
                let names: Vec<&str> = out.keys().map(String::as_str).collect();
                return Err(invalid(
                    &format!("department_capacity[{name}]"),
                    format!("unknown department `{name}` (the organisation has: {})", names.join(", ")),
                ));
            }
        }
    }
    Ok(out)
}

/// Checks options and inputs; returns the window.
pub(crate) fn check(inputs: &PlanInputs<'_>, o: &PlanOptions) -> Result<Window, PlanError> {
    check_model(inputs)?;
    o.validate()?;
    let portfolio = inputs.portfolio.map(|(p, _)| p);
    let start = o.start_year.or(portfolio.and_then(|p| p.year)).ok_or(PlanError::NoStartYear)?;
    let elections = check_window(start, o)?;
    check_portfolio(inputs)?;
    Ok(Window {
        start,
        end: start + o.years - 1,
        years: o.years,
        elections,
        months: months(o, portfolio)?,
        capacity: capacities(o, portfolio)?,
        default_capacity: o.capacity_hours,
        phase_out_quarters: o.phase_out_quarters,
        central_levers: o.central_levers.clone(),
        mobilising_levers: o.mobilising_levers.clone(),
        remeasure_every: o.remeasure_every,
        ingredients: o.ingredients_per_mission,
        partners: o.partners_per_mission,
    })
}

/// The assessment was made with the model given, and names only its dimensions.
fn check_model(inputs: &PlanInputs<'_>) -> Result<(), PlanError> {
    let (m, a) = (inputs.model, &inputs.assessment.model);
    for (field, expected, found) in [("model.id", m.id(), &a.id), ("model.version", m.version(), &a.version)] {
        if expected != found {
            return Err(PlanError::ModelMismatch {
                field: field.into(),
                expected: expected.into(),
                found: found.clone(),
            });
        }
    }
    for (i, r) in inputs.assessment.recommendations.iter().enumerate() {
        if m.dimension_index(&r.dimension).is_none() {
            return Err(PlanError::Inconsistent {
                field: format!("recommendations[{i}].dimension"),
                message: format!("unknown dimension `{}` in model {} {}", r.dimension, m.id(), m.version()),
            });
        }
    }
    Ok(())
}

/// The analysis is of this portfolio: the same missions and initiatives.
fn check_portfolio(inputs: &PlanInputs<'_>) -> Result<(), PlanError> {
    let Some((p, a)) = inputs.portfolio else { return Ok(()) };
    let same_missions =
        a.coverage.len() == p.missions.len() && a.coverage.iter().zip(&p.missions).all(|(c, m)| c.mission == m.id);
    if !same_missions {
        return Err(PlanError::Inconsistent {
            field: "analysis.coverage".into(),
            message: "the analysis is of another portfolio (its missions differ)".into(),
        });
    }
    let same_initiatives = a.economics.len() == p.initiatives.len()
        && a.economics.iter().zip(&p.initiatives).all(|(e, x)| e.initiative == x.id);
    if !same_initiatives {
        return Err(PlanError::Inconsistent {
            field: "analysis.economics".into(),
            message: "the analysis is of another portfolio (its initiatives differ)".into(),
        });
    }
    Ok(())
}

//! The plan's options and the checks they make on their own (the window's range, hours,
//! months); `window` checks them against the inputs.

use std::collections::BTreeMap;

use super::PlanError;
use crate::mission::{BudgetMonths, YEARS, validate_budget_months};

/// Leader hours per department per year when no other figure is given.
pub const DEFAULT_CAPACITY_HOURS: f64 = 2000.0;
/// The longest plan: two council terms and a half.
pub const MAX_YEARS: i64 = 10;
/// Municipal elections are held every four years in November, from 2025.
pub(super) const FIRST_ELECTION: i64 = 2025;
pub(super) const TERM: i64 = 4;

/// Options of a plan; `PlanOptions::default()` is the documented default.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PlanOptions {
    /// First plan year; default the portfolio's `year`. Never the clock.
    pub start_year: Option<i64>,
    /// Plan years, 1–10 (default 5).
    pub years: i64,
    /// Election years (November); default every fourth year from 2025. Each must lie within
    /// one term of the window (start − 4 … end + 4).
    pub elections: Option<Vec<i64>>,
    /// Leader hours per department per year where neither `department_capacity` nor the
    /// portfolio's organisation gives one (default 2,000).
    pub capacity_hours: f64,
    /// Leader hours per year of named departments (of the portfolio's organisation).
    pub department_capacity: BTreeMap<String, f64>,
    /// The municipality's budget months; over the organisation's, over the defaults.
    pub budget_months: BudgetMonths,
    /// Quarters a closed initiative still costs after the decision (default 1: notice and
    /// wind-down), 0–4.
    pub phase_out_quarters: u8,
    /// Levers the whole executive board carries (default greb1, greb3, greb6: the five-year
    /// course, the politicians, portfolio governance); the others go to a lead department.
    pub central_levers: Vec<String>,
    /// Levers on staff and cooperation that get a mobilisation action (default greb7,
    /// greb8, start1, start3).
    pub mobilising_levers: Vec<String>,
    /// Years between re-surveys (default 2: with the trivselsmåling, not every year).
    pub remeasure_every: i64,
    /// Ingredients named per under-served mission (default 3).
    pub ingredients_per_mission: usize,
    /// Partner municipalities named per under-served mission (default 3).
    pub partners_per_mission: usize,
}

impl Default for PlanOptions {
    fn default() -> Self {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        PlanOptions {
            start_year: None,
            years: 5,
            elections: None,
            capacity_hours: DEFAULT_CAPACITY_HOURS,
            department_capacity: BTreeMap::new(),
            budget_months: BudgetMonths::default(),
            phase_out_quarters: 1,
            central_levers: ids(&["greb1", "greb3", "greb6"]),
            mobilising_levers: ids(&["greb7", "greb8", "start1", "start3"]),
            remeasure_every: 2,
            ingredients_per_mission: 3,
            partners_per_mission: 3,
        }
    }
}

/// Election years from 2025 every four years within `from..=to`.
pub fn default_elections(from: i64, to: i64) -> Vec<i64> {
    (from..=to).filter(|y| *y >= FIRST_ELECTION && (y - FIRST_ELECTION) % TERM == 0).collect()
}

pub(super) fn invalid(name: &str, message: String) -> PlanError {
    PlanError::InvalidOption { name: name.to_owned(), message }
}

fn check_hours(name: &str, h: f64) -> Result<(), PlanError> {
    if !h.is_finite() || h <= 0.0 {
        return Err(invalid(name, format!("{h} must be a positive number of hours")));
    }
    Ok(())
}

impl PlanOptions {
    /// Checks the options on their own (faces call it before analysing a portfolio, so a
    /// bad option is named as the plan's, not the analysis's).
    pub fn validate(&self) -> Result<(), PlanError> {
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(invalid("years", format!("{} years is outside 1..{MAX_YEARS}", self.years)));
        }
        check_hours("capacity_hours", self.capacity_hours)?;
        for (name, h) in &self.department_capacity {
            check_hours(&format!("department_capacity[{name}]"), *h)?;
        }
        validate_budget_months(&self.budget_months, "budget_months.").map_err(|(n, m)| invalid(&n, m))?;
        if self.phase_out_quarters > 4 {
            return Err(invalid("phase_out_quarters", format!("{} is outside 0..4", self.phase_out_quarters)));
        }
        if self.remeasure_every < 1 {
            return Err(invalid("remeasure_every", format!("{} must be at least 1 year", self.remeasure_every)));
        }
        match self.start_year {
            Some(start) => check_window(start, self).map(|_| ()),
            None => Ok(()),
        }
    }
}

/// The start year's range and the elections around the window; returns them sorted.
pub(super) fn check_window(start: i64, o: &PlanOptions) -> Result<Vec<i64>, PlanError> {
    if !YEARS.contains(&start) {
        return Err(invalid("start_year", format!("{start} is outside {}..{}", YEARS.start(), YEARS.end())));
    }
    let end = start + o.years - 1;
    let Some(list) = &o.elections else { return Ok(default_elections(start - TERM, end + TERM)) };
    let range = (start - TERM)..=(end + TERM);
    if let Some((i, y)) = list.iter().enumerate().find(|(_, y)| !range.contains(y)) {
        return Err(invalid(
            &format!("elections[{i}]"),
            format!(
                "{y} is outside {}..{} (one council term either side of the plan {start}–{end})",
                range.start(),
                range.end()
            ),
        ));
    }
    let mut v = list.clone();
    v.sort_unstable();
    v.dedup();
    Ok(v)
}

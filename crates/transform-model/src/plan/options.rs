//! Plan options and their checks: the window, the elections, capacity, and that the inputs
//! belong together.

use super::{PlanError, PlanInputs};
use crate::mission::YEARS;

/// Leader hours per department per year when no other figure is given.
pub const DEFAULT_CAPACITY_HOURS: f64 = 2000.0;
/// The longest plan: two council terms and a half.
pub const MAX_YEARS: i64 = 10;
/// Municipal elections are held every four years in November, from 2025.
const FIRST_ELECTION: i64 = 2025;
const TERM: i64 = 4;

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
    /// Leader hours per department per year (default 2,000).
    pub capacity_hours: f64,
    /// Years between re-surveys (default 2: with the trivselsmåling, not every year).
    pub remeasure_every: i64,
    /// Ingredients named per under-served mission (default 3).
    pub ingredients_per_mission: usize,
    /// Partner municipalities named per under-served mission (default 3).
    pub partners_per_mission: usize,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            start_year: None,
            years: 5,
            elections: None,
            capacity_hours: DEFAULT_CAPACITY_HOURS,
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

/// The checked window and rules the chain and the schedule read.
#[derive(Debug, Clone)]
pub(crate) struct Calendar {
    pub start: i64,
    pub end: i64,
    pub years: i64,
    /// Every election year given (sorted, distinct), also those just outside the window.
    pub elections: Vec<i64>,
    pub capacity: f64,
    pub remeasure_every: i64,
    pub ingredients: usize,
    pub partners: usize,
}

impl Calendar {
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
}

fn invalid(name: &str, message: String) -> PlanError {
    PlanError::InvalidOption { name: name.to_owned(), message }
}

impl PlanOptions {
    /// Checks the options on their own (faces call it before analysing a portfolio, so a
    /// bad option is named as the plan's, not the analysis's).
    pub fn validate(&self) -> Result<(), PlanError> {
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(invalid("years", format!("{} years is outside 1..{MAX_YEARS}", self.years)));
        }
        if !self.capacity_hours.is_finite() || self.capacity_hours <= 0.0 {
            return Err(invalid(
                "capacity_hours",
                format!("{} must be a positive number of hours", self.capacity_hours),
            ));
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
fn check_window(start: i64, o: &PlanOptions) -> Result<Vec<i64>, PlanError> {
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

/// Checks options and inputs; returns the calendar.
pub(crate) fn check(inputs: &PlanInputs<'_>, o: &PlanOptions) -> Result<Calendar, PlanError> {
    check_model(inputs)?;
    o.validate()?;
    let start = o.start_year.or(inputs.portfolio.and_then(|(p, _)| p.year)).ok_or(PlanError::NoStartYear)?;
    let elections = check_window(start, o)?;
    check_portfolio(inputs)?;
    Ok(Calendar {
        start,
        end: start + o.years - 1,
        years: o.years,
        elections,
        capacity: o.capacity_hours,
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

//! The portfolio's rules that its JSON Schema cannot express (ids, amounts, years, links).

use std::collections::HashSet;

use super::PortfolioError;
use super::organisation::validate_organisation;
use super::portfolio::{Initiative, Portfolio, Stage, YEARS};
use crate::municipality;

fn invalid(path: String, message: String) -> PortfolioError {
    PortfolioError::Invalid { path, message }
}

impl Portfolio {
    /// Checks the rules the JSON schema cannot express.
    pub fn validate(&self) -> Result<(), PortfolioError> {
        self.validate_owner()?;
        let missions = self.mission_ids()?;
        let mut seen = HashSet::new();
        for (i, x) in self.initiatives.iter().enumerate() {
            let p = format!("initiatives[{i}]");
            if x.id.trim().is_empty() {
                return Err(invalid(format!("{p}.id"), "empty id".into()));
            }
            if !seen.insert(x.id.as_str()) {
                return Err(invalid(format!("{p}.id"), format!("duplicate initiative id `{}`", x.id)));
            }
            validate_initiative(x, &p, &missions)?;
        }
        Ok(())
    }

    /// The municipality code and the organisation come before the portfolio's content.
    fn validate_owner(&self) -> Result<(), PortfolioError> {
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
        Ok(())
    }

    /// Mission ids are non-empty and unique; returns them for the initiatives' links.
    fn mission_ids(&self) -> Result<HashSet<&str>, PortfolioError> {
        let mut missions = HashSet::new();
        for (i, m) in self.missions.iter().enumerate() {
            if m.id.trim().is_empty() {
                return Err(invalid(format!("missions[{i}].id"), "empty id".into()));
            }
            if !missions.insert(m.id.as_str()) {
                return Err(invalid(format!("missions[{i}].id"), format!("duplicate mission id `{}`", m.id)));
            }
        }
        Ok(missions)
    }
}

/// One initiative's amounts, years, reach, stage and links, in that order.
fn validate_initiative(x: &Initiative, p: &str, missions: &HashSet<&str>) -> Result<(), PortfolioError> {
    validate_amounts_and_years(x, p)?;
    validate_reach(x, p)?;
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
    validate_links(x, p, missions)
}

/// Amounts are finite and ≥ 0; every given year lies within [`YEARS`].
fn validate_amounts_and_years(x: &Initiative, p: &str) -> Result<(), PortfolioError> {
    for (field, v) in [
        ("cost_per_year", x.cost_per_year.unwrap_or(0.0)),
        ("savings_per_year", x.savings_per_year),
        ("investment", x.investment),
    ] {
        if !v.is_finite() || v < 0.0 {
            return Err(invalid(format!("{p}.{field}"), format!("{v} must be a finite amount ≥ 0")));
        }
    }
    for (field, year) in
        [("start_year", Some(x.start_year)), ("end_year", x.end_year), ("savings_from_year", x.savings_from_year)]
    {
        if let Some(y) = year.filter(|y| !(YEARS.contains(y))) {
            return Err(invalid(
                format!("{p}.{field}"),
                format!("year {y} is outside {}..{}", YEARS.start(), YEARS.end()),
            ));
        }
    }
    Ok(())
}

/// Links name known missions, each at most once, with a strength in 0..=3.
fn validate_links(x: &Initiative, p: &str, missions: &HashSet<&str>) -> Result<(), PortfolioError> {
    let mut linked = HashSet::new();
    for (j, l) in x.links.iter().enumerate() {
        if !missions.contains(l.mission.as_str()) {
            return Err(invalid(format!("{p}.links[{j}].mission"), format!("unknown mission `{}`", l.mission)));
        }
        if !linked.insert(l.mission.as_str()) {
            return Err(invalid(format!("{p}.links[{j}].mission"), format!("mission `{}` linked twice", l.mission)));
        }
        if !(0..=3).contains(&l.strength) {
            return Err(invalid(
                format!("{p}.links[{j}].strength"),
                format!("strength {} is outside 0..3", l.strength),
            ));
        }
    }
    Ok(())
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

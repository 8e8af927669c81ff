//! Who owns an action: the department of the initiative or mission, a lead department for
//! a lever, and the central department (the kommunaldirektør) only for what is truly
//! cross-cutting: the plan's political calendar, the re-survey and the central levers.

use std::collections::{BTreeMap, HashMap};

use super::types::Owner;
use crate::mission::{Department, Portfolio};

/// Owners from the portfolio's organisation, resolved once per department name.
pub(crate) struct Owners<'a> {
    portfolio: Option<&'a Portfolio>,
    /// Owners by the name as written in the organisation.
    exact: HashMap<&'a str, Owner>,
    /// Departments that lead levers in turn: most missions owned first, then by name; the
    /// central department is not in the rota.
    rota: Vec<String>,
}

fn full(d: &Department) -> Owner {
    Owner {
        department: d.name.clone(),
        committee: Some(d.committee.clone()),
        director: Some(d.director.clone()),
        med: Some(d.med.clone()),
    }
}

impl<'a> Owners<'a> {
    pub fn new(portfolio: Option<&'a Portfolio>) -> Self {
        let org = portfolio.and_then(|p| p.organisation.as_ref());
        let exact = org.map(|o| o.departments.iter().map(|d| (d.name.as_str(), full(d))).collect()).unwrap_or_default();
        Owners { portfolio, exact, rota: rota(portfolio) }
    }

    /// The owner of work in department `name`; cross-cutting work (`None`) goes to the
    /// organisation's central department, or is "to be decided". Names are compared as
    /// written first, then as normalised text.
    pub fn of(&self, name: Option<&str>) -> Option<Owner> {
        let org = self.portfolio.and_then(|p| p.organisation.as_ref());
        let name = name.or_else(|| org.and_then(|o| o.central.as_deref()))?;
        if let Some(o) = self.exact.get(name) {
            return Some(o.clone());
        }
        Some(match org.and_then(|o| o.department(name)) {
            Some(d) => full(d),
            None => Owner { department: name.to_owned(), committee: None, director: None, med: None },
        })
    }

    /// The lead department of the `k`-th non-central lever: the rota in turn; without a
    /// rota, the central owner.
    pub fn lead(&self, k: usize) -> Option<Owner> {
        match self.rota.len() {
            0 => self.of(None),
            n => self.of(Some(&self.rota[k % n])),
        }
    }

    /// The councils heard when `department`'s services change.
    pub fn hearings(&self, department: &str) -> Vec<String> {
        let org = self.portfolio.and_then(|p| p.organisation.as_ref());
        org.and_then(|o| o.department(department)).map(|d| d.hearings.clone()).unwrap_or_default()
    }
}

/// The organisation's departments (not the central one) by missions owned, most first,
/// then by name.
fn rota(p: Option<&Portfolio>) -> Vec<String> {
    let Some(p) = p else { return vec![] };
    let Some(org) = &p.organisation else { return vec![] };
    let central = org.central.as_deref().and_then(|c| org.department(c)).map(|d| d.name.as_str());
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &org.departments {
        if Some(d.name.as_str()) != central {
            count.insert(d.name.as_str(), 0);
        }
    }
    for m in &p.missions {
        for name in &m.departments {
            if let Some(d) = org.department(name).filter(|d| Some(d.name.as_str()) != central) {
                *count.entry(d.name.as_str()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(&str, usize)> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(n, _)| n.to_owned()).collect()
}

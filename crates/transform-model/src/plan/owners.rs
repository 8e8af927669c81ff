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
    /// The councils heard per department, by the name as written: a closure's or spread's
    /// hearing asks for them thousands of times in a large portfolio, and the organisation's
    /// own lookup normalises every name on every call.
    hearings: HashMap<&'a str, &'a [String]>,
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
        let mut hearings: HashMap<&str, &[String]> = HashMap::new();
        for d in org.map(|o| o.departments.as_slice()).unwrap_or_default() {
            // The first of a name, as the organisation's own lookup finds it.
            hearings.entry(d.name.as_str()).or_insert(d.hearings.as_slice());
        }
        Owners { portfolio, exact, hearings }
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

    /// The councils heard when `department`'s services change.
    pub fn hearings(&self, department: &str) -> Vec<String> {
        if let Some(h) = self.hearings.get(department) {
            return h.to_vec();
        }
        let org = self.portfolio.and_then(|p| p.organisation.as_ref());
        org.and_then(|o| o.department(department)).map(|d| d.hearings.clone()).unwrap_or_default()
    }
}

/// Who leads the next lever that is not central: the director with the fewest actions so
/// far (the portfolio's closures, spreads and reviews, and the levers given out), ties by
/// name; the lever goes to that director's department owning most missions (then by name).
pub(crate) struct Leads {
    /// Per director: actions so far and the lead department.
    directors: BTreeMap<String, (usize, String)>,
}

impl Leads {
    /// The directors of the organisation (not the central department's) with the actions
    /// already owned.
    pub fn new(p: Option<&Portfolio>, owned: &[Owner]) -> Leads {
        let mut directors: BTreeMap<String, (usize, String)> = BTreeMap::new();
        let Some(org) = p.and_then(|p| p.organisation.as_ref()) else { return Leads { directors } };
        let p = p.expect("an organisation has a portfolio");
        let central = org.central.as_deref().and_then(|c| org.department(c)).map(|d| d.name.as_str());
        let mut missions: BTreeMap<&str, usize> = BTreeMap::new();
        for d in p.missions.iter().flat_map(|m| &m.departments).filter_map(|n| org.department(n)) {
            *missions.entry(d.name.as_str()).or_default() += 1;
        }
        let mut best: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        for d in org.departments.iter().filter(|d| Some(d.name.as_str()) != central) {
            let m = missions.get(d.name.as_str()).copied().unwrap_or(0);
            let e = best.entry(d.director.as_str()).or_insert((m, d.name.as_str()));
            if m > e.0 {
                *e = (m, d.name.as_str());
            }
        }
        for (director, (_, dept)) in best {
            let n = owned.iter().filter(|o| o.director.as_deref() == Some(director)).count();
            directors.insert(director.to_owned(), (n, dept.to_owned()));
        }
        Leads { directors }
    }

    /// The next lead department (counted as one more action for its director); `None`
    /// without an organisation.
    pub fn next(&mut self, extra: usize) -> Option<String> {
        let (director, _) = self.directors.iter().min_by(|a, b| a.1.0.cmp(&b.1.0).then(a.0.cmp(b.0)))?;
        let director = director.clone();
        let e = self.directors.get_mut(&director).expect("present");
        e.0 += extra;
        Some(e.1.clone())
    }
}

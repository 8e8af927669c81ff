//! The scheduling rules, one value each: a candidate may take a year when every rule in
//! [`RULES`] admits it. A new rule is one more item in the list (docs/plan.md).

use super::board::Board;
use super::chain::Candidate;
use crate::localized::{Lang, Localized};

/// Why a rule refuses a year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reason {
    /// Refused before scheduling (closed, statutory, shared infrastructure, too young).
    Refused(Localized),
    /// A dependency is deferred.
    DependsOnDeferred,
    /// A dependency is not done in an earlier year.
    DependencyNotDone,
    /// One of its actions would fall outside the plan.
    OutsideWindow,
    /// It needs new money before the plan has adopted a budget.
    NoBudgetYet,
    /// A closure or big start in an election year.
    ElectionYear,
    /// A department's leader hours would be exceeded.
    Capacity { department: String, need: f64, capacity: f64 },
    /// A department would take more than its even share of its plan hours in a year.
    EvenShare { department: String, share: f64 },
}

impl Reason {
    pub fn text(&self) -> Localized {
        let both = |f: &dyn Fn(Lang) -> String| Localized::da_en(&f(Lang::Da), &f(Lang::En));
        match self {
            Reason::Refused(r) => r.clone(),
            Reason::DependsOnDeferred => {
                Localized::da_en("afhænger af en handling, der er udskudt", "depends on an action that is deferred")
            }
            Reason::DependencyNotDone => Localized::da_en(
                "det, den bygger på, er ikke gjort året før",
                "what it builds on is not done the year before",
            ),
            Reason::OutsideWindow => Localized::da_en(
                "ligger (helt eller delvist) uden for planens år",
                "falls (wholly or partly) outside the plan's years",
            ),
            Reason::NoBudgetYet => Localized::da_en(
                "kræver nye penge, og planens første budget vedtages først i oktober",
                "needs new money, and the plan's first budget is adopted only in October",
            ),
            Reason::ElectionYear => Localized::da_en(
                "valgår: ingen lukninger eller store nye starter",
                "election year: no closures or big new starts",
            ),
            Reason::EvenShare { department, share } => both(&|l| {
                format!(
                    "{department} {} {}",
                    l.pick("ville overskride sin jævne andel pr. år", "would exceed its even share per year"),
                    super::fmt::hours(*share, l)
                )
            }),
            Reason::Capacity { department, need, capacity } => both(&|l| {
                format!(
                    "{} {department} ({}) {} {}",
                    l.pick("lederkapaciteten i", "the leader capacity of"),
                    super::fmt::hours(*capacity, l),
                    l.pick("rækker ikke til yderligere", "does not stretch to another"),
                    super::fmt::hours(*need, l),
                )
            }),
        }
    }
}

/// One scheduling rule.
pub(crate) trait Rule: Sync {
    /// Whether `c` may take `year` given what is placed.
    fn admits(&self, c: &Candidate, year: i64, board: &Board<'_>) -> Result<(), Reason>;
    /// A preference, dropped when no year meets it (levelling), rather than a limit.
    fn soft(&self) -> bool {
        false
    }
}

/// 0. Nothing closed, statutory, shared infrastructure or too young is closed.
struct NotRefused;
/// 1. After the years of everything it depends on.
struct AfterDependencies;
/// 2. Every one of its actions (a hearing the autumn before, an execution the year after)
///    inside the plan.
struct InsideWindow;
/// 3. New money only from the first budget the plan adopts (October of the first year).
struct FundedByAdoptedBudget;
/// 4. No closure or big start (decision or execution) in an election year.
struct NoBigStepInElectionYear;
/// 5. Each department within its leader hours every year its actions touch.
struct WithinCapacity;
/// 6. (Levelling, a preference) each department within its even share: the hours the
///    chain asks of it over the plan ÷ the plan years without an election. Calendar
///    actions and work that others build on are not levelled: they go as early as they can.
struct EvenShare;

/// The rules, in the order a refusal is reported.
pub(crate) const RULES: &[&dyn Rule] = &[
    &NotRefused,
    &AfterDependencies,
    &InsideWindow,
    &FundedByAdoptedBudget,
    &NoBigStepInElectionYear,
    &WithinCapacity,
    &EvenShare,
];

impl Rule for NotRefused {
    fn admits(&self, c: &Candidate, _: i64, _: &Board<'_>) -> Result<(), Reason> {
        c.refused.clone().map_or(Ok(()), |r| Err(Reason::Refused(r)))
    }
}

impl Rule for AfterDependencies {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        for &d in &c.deps {
            match b.years[d] {
                None => return Err(Reason::DependsOnDeferred),
                Some(y) if y >= year => return Err(Reason::DependencyNotDone),
                Some(_) => {}
            }
        }
        Ok(())
    }
}

impl Rule for InsideWindow {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        let w = b.window;
        match c.parts.iter().all(|p| w.window().contains(&(year + p.offset))) {
            true => Ok(()),
            false => Err(Reason::OutsideWindow),
        }
    }
}

impl Rule for FundedByAdoptedBudget {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        match c.funded && year <= b.window.start {
            true => Err(Reason::NoBudgetYet),
            false => Ok(()),
        }
    }
}

impl Rule for NoBigStepInElectionYear {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        let big = |p: &super::chain::Part| p.action.kind.is_big() && b.window.is_election(year + p.offset);
        match c.fixed.is_none() && c.parts.iter().any(big) {
            true => Err(Reason::ElectionYear),
            false => Ok(()),
        }
    }
}

impl Rule for WithinCapacity {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        for n in &c.needs {
            let capacity = b.capacity(n.department);
            if b.used(n.department, year + n.offset) + n.hours > capacity {
                let department = b.name(n.department).to_owned();
                return Err(Reason::Capacity { department, need: n.hours, capacity });
            }
        }
        Ok(())
    }
}

impl Rule for EvenShare {
    fn admits(&self, c: &Candidate, year: i64, b: &Board<'_>) -> Result<(), Reason> {
        if c.fixed.is_some() || c.depended_on {
            return Ok(());
        }
        for n in &c.needs {
            let share = b.share(n.department);
            if b.used(n.department, year + n.offset) + n.hours > share {
                return Err(Reason::EvenShare { department: b.name(n.department).to_owned(), share });
            }
        }
        Ok(())
    }
    fn soft(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;

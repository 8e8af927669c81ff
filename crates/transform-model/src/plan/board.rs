//! What the schedule has placed so far, as the rules read it: each candidate's year, and
//! the leader hours used per department and plan year against each department's capacity
//! and even share. Departments are numbered once and each candidate's hours summed once
//! (its [`Need`]s), so that trying a year allocates nothing: the rules are asked about
//! every year of every candidate.

use std::collections::HashMap;

use super::chain::Candidate;
use super::window::Window;

/// Leader hours a candidate asks of one department, `offset` years from its own year
/// (its parts summed per department and offset).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Need {
    /// The department's number on the board.
    pub department: usize,
    pub offset: i64,
    pub hours: f64,
}

/// The board the rules read (see the module documentation).
pub(crate) struct Board<'a> {
    pub window: &'a Window,
    /// Each candidate's year once placed.
    pub years: Vec<Option<i64>>,
    /// Department names by number.
    names: Vec<String>,
    capacity: Vec<f64>,
    share: Vec<f64>,
    /// Hours used, department-major: `department × years + (year − start)`.
    used: Vec<f64>,
}

impl<'a> Board<'a> {
    /// An empty board for `candidates`; fills each candidate's `needs`.
    pub fn new(candidates: &mut [Candidate], window: &'a Window) -> Board<'a> {
        let mut numbers: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        for c in candidates.iter_mut() {
            let mut needs: Vec<Need> = Vec::with_capacity(c.parts.len());
            for p in &c.parts {
                let name = p.action.capacity_department();
                let department = match numbers.get(name) {
                    Some(&d) => d,
                    None => {
                        numbers.insert(name.to_owned(), names.len());
                        names.push(name.to_owned());
                        names.len() - 1
                    }
                };
                match needs.iter_mut().find(|n| n.department == department && n.offset == p.offset) {
                    Some(n) => n.hours += p.action.hours,
                    None => needs.push(Need { department, offset: p.offset, hours: p.action.hours }),
                }
            }
            // In the order a refusal names them: by department name, then year.
            needs.sort_by(|a, b| names[a.department].cmp(&names[b.department]).then(a.offset.cmp(&b.offset)));
            c.needs = needs;
        }
        let capacity = names.iter().map(|n| window.capacity_of(n)).collect();
        let share = even_shares(candidates, names.len(), window);
        let used = vec![0.0; names.len() * window.years as usize];
        Board { window, years: vec![None; candidates.len()], names, capacity, share, used }
    }

    /// The slot of (department, year), if the year is in the plan.
    fn slot(&self, department: usize, year: i64) -> Option<usize> {
        let k = year - self.window.start;
        (0..self.window.years).contains(&k).then(|| department * self.window.years as usize + k as usize)
    }

    /// Hours used by `department` in `year` so far (0 outside the plan).
    pub fn used(&self, department: usize, year: i64) -> f64 {
        self.slot(department, year).map_or(0.0, |s| self.used[s])
    }

    pub fn name(&self, department: usize) -> &str {
        &self.names[department]
    }

    pub fn capacity(&self, department: usize) -> f64 {
        self.capacity[department]
    }

    /// The department's even share per year (rule 6).
    pub fn share(&self, department: usize) -> f64 {
        self.share[department]
    }

    /// Hours the departments of `c` have used so far in the years it would touch from `year`.
    pub fn load(&self, c: &Candidate, year: i64) -> f64 {
        c.needs.iter().map(|n| self.used(n.department, year + n.offset)).sum()
    }

    /// Places candidate `i` in `year`: its hours count from now on.
    pub fn place(&mut self, i: usize, c: &Candidate, year: i64) {
        self.years[i] = Some(year);
        for n in &c.needs {
            if let Some(s) = self.slot(n.department, year + n.offset) {
                self.used[s] += n.hours;
            }
        }
    }
}

/// Each department's even share per year: all the hours its candidates ask ÷ the plan
/// years without an election, rounded up to whole hours — and at least the largest piece
/// of work one candidate asks of it in one year.
fn even_shares(candidates: &[Candidate], departments: usize, w: &Window) -> Vec<f64> {
    let open = (w.years - w.elections_in_window().len() as i64).max(1) as f64;
    let mut total: Vec<Option<(f64, f64)>> = vec![None; departments];
    for n in candidates.iter().filter(|c| c.refused.is_none()).flat_map(|c| &c.needs) {
        let (h, l) = total[n.department].get_or_insert((0.0, 0.0));
        *h += n.hours;
        *l = l.max(n.hours);
    }
    // A department only refused candidates ask of is never levelled.
    total.iter().map(|t| t.map_or(f64::INFINITY, |(h, l)| (h / open).ceil().max(l))).collect()
}

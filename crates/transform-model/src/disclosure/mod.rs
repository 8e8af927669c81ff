//! Disclosure control over everything an assessment publishes at once (DOMAIN.md §6;
//! docs/disclosure.md).
//!
//! A published figure — a score, an n, a sum of squares behind an interval — is a linear
//! function of the respondents' values over the respondents of its *cell*, i.e. of the
//! cell's indicator vector. Whatever a reader can compute by adding and subtracting
//! published figures is exactly the row span of the published cells' indicator vectors.
//! So (as Statistics Norway's GaussSuppression and sdcTable do):
//!
//! - a withheld cell is *exposed* when its indicator lies in that span;
//! - a group of respondents is exposed when its indicator lies in the span and it holds 1
//!   to `min − 1` respondents. Respondents that no figure tells apart (a class, see
//!   `classes.rs`) are always in or out together, so the groups to check are the unions of
//!   whole classes (`unions.rs`); with minimum 2, a single respondent.
//!
//! [`audit`] answers the question exactly (integer elimination, `span.rs`); [`suppress`]
//! hides more cells, smallest first, until [`audit`] passes. The result names cells and
//! counts, never respondents.

mod classes;
mod span;
mod unions;

use classes::Classes;
use span::{Echelon, Overflow};

/// One figure of a table and the respondents it is computed over.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Cell {
    /// A name for messages (e.g. `department=Social/role=frontline`).
    pub name: String,
    /// Indices of the respondents behind the figure (duplicates are ignored).
    pub members: Vec<usize>,
    /// The figure is published (false: withheld, it must not be derivable).
    pub published: bool,
    /// The figure is published whatever happens (e.g. a role group's head count, which is
    /// at least k by construction): secondary suppression never picks it.
    pub fixed: bool,
    /// Secondary suppression withholds cells of a lower rank first (smallest first within
    /// a rank); 0 by default. The assessment ranks role groups above units, so a breakdown
    /// hides unit cells before it touches the role groups' figures.
    pub rank: u8,
    /// Per member, the weight of its value in the figure (empty: every weight 1). A
    /// weighted figure (e.g. a balanced interval's variance, Σ c_g·SS_g) is one row
    /// Σ cᵢ·xᵢ; members with different weights are never in one class.
    pub coefficients: Vec<i128>,
}

impl Cell {
    /// A published, suppressible cell.
    pub fn new(name: impl Into<String>, members: Vec<usize>) -> Self {
        Cell { name: name.into(), members, published: true, fixed: false, rank: 0, coefficients: Vec::new() }
    }
    /// A published, suppressible figure Σ cᵢ·xᵢ over `members` with weights `coefficients`
    /// (one per member, non-zero).
    pub fn weighted(name: impl Into<String>, members: Vec<usize>, coefficients: Vec<i128>) -> Self {
        Cell { coefficients, ..Cell::new(name, members) }
    }
    /// The same cell with suppression rank `rank`.
    pub fn ranked(mut self, rank: u8) -> Self {
        self.rank = rank;
        self
    }
    /// The same cell, withheld.
    pub fn withheld(mut self) -> Self {
        self.published = false;
        self
    }
    /// The same cell, published and never suppressed.
    pub fn fixed(mut self) -> Self {
        self.fixed = true;
        self.published = true;
        self
    }
}

/// Why a set of published cells is not safe.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Exposure {
    /// A withheld cell's figure follows from the published ones.
    #[error("withheld cell `{cell}` can be derived from the published cells")]
    Cell {
        /// The cell's name.
        cell: String,
    },
    /// Respondents that no published figure tells apart can be solved for.
    #[error("a group of {size} respondent(s) below the minimum of {min} can be derived from the published cells")]
    Respondents {
        /// How many respondents (1: a single respondent's answer).
        size: usize,
        /// The minimum group size of the audit.
        min: usize,
    },
    /// The exact arithmetic left the i128 range; undecided counts as exposed.
    #[error("the disclosure audit could not be decided exactly (numbers too large); publish fewer breakdowns")]
    Undecided,
    /// Exposure remains and every cell that could be hidden is fixed.
    #[error("cell `{cell}` stays derivable from cells that must be published")]
    Unprotectable {
        /// The exposed cell (or a description of the exposed group).
        cell: String,
    },
    /// A member index past the number of respondents.
    #[error("cell `{cell}`: respondent index {index} is out of range (there are {respondents})")]
    InvalidMember {
        /// The cell's name.
        cell: String,
        /// The offending index.
        index: usize,
        /// Number of respondents.
        respondents: usize,
    },
}

impl From<Overflow> for Exposure {
    fn from(_: Overflow) -> Self {
        Exposure::Undecided
    }
}

/// Passes when no withheld cell and no single respondent can be derived from the
/// published cells (over `respondents` respondents, indices `0..respondents`).
pub fn audit(published: &[Cell], respondents: usize) -> Result<(), Exposure> {
    audit_min(published, respondents, 2)
}

/// [`audit`] with a minimum group size: no class of respondents smaller than `min` (that
/// no figure separates) may be derivable either. The assessment uses k.
pub fn audit_min(cells: &[Cell], respondents: usize, min: usize) -> Result<(), Exposure> {
    let classes = Classes::new(cells, respondents)?;
    let rows = published_rows(cells, &classes);
    let basis = Echelon::new(&rows, false)?;
    match first_exposure(cells, &classes, min, &rows, &basis)? {
        None => Ok(()),
        Some(target) => Err(target.exposure(cells, &classes, min)),
    }
}

/// What secondary suppression did: how many cells it hid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Suppressed {
    /// Cells hidden by secondary suppression.
    pub secondary: usize,
}

/// Secondary suppression: while [`audit_min`] fails, hide the smallest published,
/// non-fixed cell of the lowest rank (ties: the later cell) of one combination that derives
/// the exposed cell or group, then check again. Ends with a passing audit or an error.
pub fn suppress(cells: &mut [Cell], respondents: usize, min: usize) -> Result<Suppressed, Exposure> {
    let classes = Classes::new(cells, respondents)?;
    let mut done = Suppressed::default();
    loop {
        let rows = published_rows(cells, &classes);
        let quick = Echelon::new(&rows, false)?;
        let Some(target) = first_exposure(cells, &classes, min, &rows, &quick)? else {
            return Ok(done);
        };
        let index: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].published).collect();
        let tracked = Echelon::new(&rows, true)?;
        let used = tracked.combination(&target.vector(&classes))?.unwrap_or_default();
        let pick = used
            .into_iter()
            .map(|j| index[j])
            .filter(|&i| !cells[i].fixed)
            .min_by_key(|&i| (cells[i].rank, cells[i].members.len(), std::cmp::Reverse(i)));
        match pick {
            Some(i) => {
                cells[i].published = false;
                done.secondary += 1;
            }
            None => return Err(Exposure::Unprotectable { cell: target.describe(cells, &classes) }),
        }
    }
}

/// Something that must not be derivable.
#[derive(Clone)]
enum Target {
    Cell(usize),
    /// A union of classes.
    Union(Vec<usize>),
}

impl Target {
    fn vector(&self, classes: &Classes) -> Vec<i128> {
        match self {
            Target::Cell(i) => classes.rows[*i].clone(),
            Target::Union(cs) => classes.union(cs),
        }
    }
    fn exposure(&self, cells: &[Cell], classes: &Classes, min: usize) -> Exposure {
        match self {
            Target::Cell(i) => Exposure::Cell { cell: cells[*i].name.clone() },
            Target::Union(cs) => Exposure::Respondents { size: cs.iter().map(|&c| classes.size[c]).sum(), min },
        }
    }
    fn describe(&self, cells: &[Cell], classes: &Classes) -> String {
        match self {
            Target::Cell(i) => cells[*i].name.clone(),
            Target::Union(cs) => {
                format!("a group of {} respondent(s)", cs.iter().map(|&c| classes.size[c]).sum::<usize>())
            }
        }
    }
}

fn published_rows(cells: &[Cell], classes: &Classes) -> Vec<Vec<i128>> {
    (0..cells.len()).filter(|&i| cells[i].published).map(|i| classes.rows[i].clone()).collect()
}

/// The first derivable target: withheld cells, smallest first (ties: earlier), then a union
/// of classes holding 1 to `min − 1` respondents (`unions.rs`).
fn first_exposure(
    cells: &[Cell],
    classes: &Classes,
    min: usize,
    rows: &[Vec<i128>],
    basis: &Echelon,
) -> Result<Option<Target>, Overflow> {
    let mut withheld: Vec<usize> = (0..cells.len()).filter(|&i| !cells[i].published).collect();
    withheld.sort_by_key(|&i| (cells[i].members.len(), i));
    for i in withheld {
        // An empty cell's figure is "nothing": there is nothing to protect.
        if classes.rows[i].iter().any(|&x| x != 0) && basis.contains(&classes.rows[i])? {
            return Ok(Some(Target::Cell(i)));
        }
    }
    Ok(unions::small_union(rows, &classes.size, &classes.covered, min)?.map(Target::Union))
}

//! The alignment table of an analysis: every initiative × mission row, initiative-major in
//! file order. The scores are computed with the analysis; a row (its ids and components) is
//! built when read or serialised, so a 5,000 × 50 portfolio does not allocate 250,000 rows
//! that a caller wanting the best ones never reads. It serialises as the JSON array of rows,
//! exactly as a `Vec<AlignmentRow>` would.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::alignment::{AlignmentRow, Grid};

/// Every initiative × mission alignment row of an analysis, computed on demand; serialised as an array of
/// [`AlignmentRow`](super::AlignmentRow)s.
#[derive(Clone)]
pub struct Alignment(Repr);

#[derive(Clone)]
enum Repr {
    /// From an analysis: rows computed on demand.
    Grid(Arc<Grid>),
    /// Read back from JSON.
    Rows(Vec<AlignmentRow>),
}

impl Alignment {
    pub(super) fn from_grid(grid: Arc<Grid>) -> Alignment {
        Alignment(Repr::Grid(grid))
    }

    /// Number of rows: initiatives × missions.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Grid(g) => g.scores.len(),
            Repr::Rows(r) => r.len(),
        }
    }

    /// No rows (no initiatives or no missions).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row at `index` (initiative-major: initiative `index / missions`, mission
    /// `index % missions`).
    pub fn get(&self, index: usize) -> Option<AlignmentRow> {
        match &self.0 {
            Repr::Grid(g) => (index < g.scores.len()).then(|| g.row(index)),
            Repr::Rows(r) => r.get(index).cloned(),
        }
    }

    /// The score at `index`, without building the row.
    pub fn score(&self, index: usize) -> Option<f64> {
        match &self.0 {
            Repr::Grid(g) => g.scores.get(index).copied(),
            Repr::Rows(r) => r.get(index).map(|r| r.score),
        }
    }

    /// The rows, built one at a time.
    pub fn iter(&self) -> Rows<'_> {
        Rows { table: self, next: 0, end: self.len() }
    }
}

/// Iterator over the rows of an [`Alignment`].
pub struct Rows<'a> {
    table: &'a Alignment,
    next: usize,
    end: usize,
}

impl Iterator for Rows<'_> {
    type Item = AlignmentRow;

    fn next(&mut self) -> Option<AlignmentRow> {
        if self.next == self.end {
            return None;
        }
        self.next += 1;
        self.table.get(self.next - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.end - self.next, Some(self.end - self.next))
    }
}

impl ExactSizeIterator for Rows<'_> {}

impl<'a> IntoIterator for &'a Alignment {
    type Item = AlignmentRow;
    type IntoIter = Rows<'a>;

    fn into_iter(self) -> Rows<'a> {
        self.iter()
    }
}

impl Serialize for Alignment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Alignment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<AlignmentRow>::deserialize(d).map(|rows| Alignment(Repr::Rows(rows)))
    }
}

impl PartialEq for Alignment {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Alignment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

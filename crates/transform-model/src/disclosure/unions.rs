//! Unions of small classes that the published cells determine.
//!
//! A reader who adds and subtracts published figures learns the sum over any set of
//! respondents whose indicator lies in the span. Checking single classes is not enough:
//! a unit of 9 with its 6 front-line staff published gives the 3 managers' sum although
//! neither the top manager (1) nor the middle managers (2) form a class that is in the
//! span alone. The search here is exact and complete for unions of whole classes holding
//! 1 to `min − 1` respondents.
//!
//! 1. Only classes under the minimum ("small") can be in such a union. Order the columns
//!    with the other classes first and bring the rows to echelon form: the basis rows whose
//!    pivot is a small class span exactly the vectors of the span that vanish outside the
//!    small classes (the leftmost pivot of any combination must be a small-class column).
//! 2. Bring those rows to reduced echelon form over ℚ (exact fractions). A 0/1 vector of
//!    that subspace is the sum of the rows whose pivot it contains, so it is found by
//!    choosing a set T of pivots; every pivot of T belongs to the union, so only sets whose
//!    pivot classes hold fewer than `min` respondents are tried.
//!
//! In a release that passes the audit the subspace is usually empty, and the search costs
//! one elimination. Its work is capped: past [`MAX_VISITS`] sets the answer is
//! [`Overflow`] (undecided, treated as exposed).

use super::span::{Echelon, Overflow};

/// Sets of pivots tried before the search gives up (undecided).
pub(super) const MAX_VISITS: usize = 4_000_000;

/// The first union of small classes (by the order of the search: pivots in column order)
/// whose indicator lies in the span of `rows`, as class indices; `None` when there is none.
pub(super) fn small_union(
    rows: &[Vec<i128>],
    size: &[usize],
    covered: &[bool],
    min: usize,
) -> Result<Option<Vec<usize>>, Overflow> {
    let small: Vec<usize> = (0..size.len()).filter(|&c| covered[c] && size[c] > 0 && size[c] < min).collect();
    if small.is_empty() || rows.is_empty() {
        return Ok(None);
    }
    let rest: Vec<usize> = (0..size.len()).filter(|c| !small.contains(c)).collect();
    let order: Vec<usize> = rest.iter().chain(&small).copied().collect();
    let permuted: Vec<Vec<i128>> = rows.iter().map(|r| order.iter().map(|&c| r[c]).collect()).collect();
    let echelon = Echelon::new(&permuted, false)?;
    let offset = rest.len();
    let subspace: Vec<Vec<i128>> =
        echelon.rows().filter(|(pivot, _)| *pivot >= offset).map(|(_, row)| row[offset..].to_vec()).collect();
    if subspace.is_empty() {
        return Ok(None);
    }
    let reduced = reduced_echelon(subspace)?;
    let small_size: Vec<usize> = small.iter().map(|&c| size[c]).collect();
    let found = Search::new(&reduced, &small_size, min - 1).run()?;
    Ok(found.map(|cols| cols.into_iter().map(|j| small[j]).collect()))
}

/// An exact fraction in lowest terms, denominator positive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Frac {
    num: i128,
    den: i128,
}

impl Frac {
    const ZERO: Frac = Frac { num: 0, den: 1 };
    const ONE: Frac = Frac { num: 1, den: 1 };

    fn new(num: i128, den: i128) -> Result<Frac, Overflow> {
        if den == 0 {
            return Err(Overflow);
        }
        let g = gcd(num, den).max(1);
        let (mut n, mut d) = (num / g, den / g);
        if d < 0 {
            n = n.checked_neg().ok_or(Overflow)?;
            d = d.checked_neg().ok_or(Overflow)?;
        }
        Ok(Frac { num: n, den: d })
    }
    fn add(self, o: Frac) -> Result<Frac, Overflow> {
        let a = self.num.checked_mul(o.den).ok_or(Overflow)?;
        let b = o.num.checked_mul(self.den).ok_or(Overflow)?;
        Frac::new(a.checked_add(b).ok_or(Overflow)?, self.den.checked_mul(o.den).ok_or(Overflow)?)
    }
    fn neg(self) -> Frac {
        Frac { num: -self.num, den: self.den }
    }
    fn mul(self, o: Frac) -> Result<Frac, Overflow> {
        Frac::new(self.num.checked_mul(o.num).ok_or(Overflow)?, self.den.checked_mul(o.den).ok_or(Overflow)?)
    }
    fn div(self, o: Frac) -> Result<Frac, Overflow> {
        Frac::new(self.num.checked_mul(o.den).ok_or(Overflow)?, self.den.checked_mul(o.num).ok_or(Overflow)?)
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i128
}

/// A row of the reduced echelon form: pivot 1 at `pivot`, zero in every other pivot
/// column; the non-zero entries as (column, value).
struct Reduced {
    pivot: usize,
    entries: Vec<(usize, Frac)>,
}

/// Gauss–Jordan over ℚ of linearly independent integer rows (already in echelon form).
fn reduced_echelon(rows: Vec<Vec<i128>>) -> Result<Vec<Reduced>, Overflow> {
    let mut m: Vec<Vec<Frac>> =
        rows.into_iter().map(|r| r.into_iter().map(|x| Frac { num: x, den: 1 }).collect()).collect();
    let mut pivots = Vec::with_capacity(m.len());
    for i in 0..m.len() {
        let p = m[i].iter().position(|x| x.num != 0).ok_or(Overflow)?;
        let lead = m[i][p];
        for x in m[i].iter_mut() {
            *x = x.div(lead)?;
        }
        let pivot_row = m[i].clone();
        for (r, row) in m.iter_mut().enumerate() {
            let f = row[p];
            if r == i || f.num == 0 {
                continue;
            }
            for (x, y) in row.iter_mut().zip(&pivot_row) {
                if y.num != 0 {
                    *x = x.add(f.mul(*y)?.neg())?;
                }
            }
        }
        pivots.push(p);
    }
    let mut out: Vec<Reduced> = m
        .into_iter()
        .zip(pivots)
        .map(|(row, pivot)| Reduced {
            pivot,
            entries: row.into_iter().enumerate().filter(|(_, x)| x.num != 0).collect(),
        })
        .collect();
    out.sort_by_key(|r| r.pivot);
    Ok(out)
}

/// Depth-first search over sets of pivots, keeping the running sum of their rows.
struct Search<'a> {
    rows: &'a [Reduced],
    size: &'a [usize],
    budget: usize,
    sum: Vec<Frac>,
    /// Columns whose running sum is neither 0 nor 1.
    off: usize,
    /// Respondents in the columns whose running sum is 1.
    ones: usize,
    visits: usize,
}

impl<'a> Search<'a> {
    fn new(rows: &'a [Reduced], size: &'a [usize], budget: usize) -> Self {
        Search { rows, size, budget, sum: vec![Frac::ZERO; size.len()], off: 0, ones: 0, visits: 0 }
    }

    fn run(mut self) -> Result<Option<Vec<usize>>, Overflow> {
        let mut chosen = Vec::new();
        if self.dfs(0, 0, &mut chosen)? {
            return Ok(Some((0..self.sum.len()).filter(|&j| self.sum[j] == Frac::ONE).collect()));
        }
        Ok(None)
    }

    /// Tries adding each row from `from` on; `spent` is the pivot classes' size so far.
    /// Leaves the sum of the found set in `self.sum` and returns true when found.
    fn dfs(&mut self, from: usize, spent: usize, chosen: &mut Vec<usize>) -> Result<bool, Overflow> {
        for i in from..self.rows.len() {
            let cost = self.size[self.rows[i].pivot];
            if spent + cost > self.budget {
                continue;
            }
            self.visits += 1;
            if self.visits > MAX_VISITS {
                return Err(Overflow);
            }
            self.apply(i, false)?;
            chosen.push(i);
            if self.off == 0 && self.ones > 0 && self.ones <= self.budget {
                return Ok(true);
            }
            if self.dfs(i + 1, spent + cost, chosen)? {
                return Ok(true);
            }
            chosen.pop();
            self.apply(i, true)?;
        }
        Ok(false)
    }

    /// Adds (or with `undo` subtracts) row `i` to the running sum.
    fn apply(&mut self, i: usize, undo: bool) -> Result<(), Overflow> {
        for &(j, v) in &self.rows[i].entries {
            let before = self.sum[j];
            let after = before.add(if undo { v.neg() } else { v })?;
            self.account(j, before, -1);
            self.account(j, after, 1);
            self.sum[j] = after;
        }
        Ok(())
    }

    fn account(&mut self, j: usize, x: Frac, sign: isize) {
        if x == Frac::ONE {
            self.ones = self.ones.wrapping_add_signed(sign * self.size[j] as isize);
        } else if x != Frac::ZERO {
            self.off = self.off.wrapping_add_signed(sign);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_small_classes_together_are_found() {
        // Classes: top (1), middle (2), front (6). Unit = all three, front alone: unit − front
        // is top ∪ middle (3 respondents), though neither class alone is in the span.
        let rows = vec![vec![1, 1, 1], vec![0, 0, 1]];
        let found = small_union(&rows, &[1, 2, 6], &[true; 3], 5).unwrap();
        assert_eq!(found, Some(vec![0, 1]));
        // With a minimum of 3 the union (3) is allowed.
        assert_eq!(small_union(&rows, &[1, 2, 6], &[true; 3], 3).unwrap(), None);
    }

    #[test]
    fn a_difference_of_two_small_classes_is_no_union() {
        // A = {a, c}, B = {b, c}: A − B = a − b is in the span, but no 0/1 vector of small
        // classes is (a, b of 2 each; c of 10).
        let rows = vec![vec![1, 0, 1], vec![0, 1, 1]];
        assert_eq!(small_union(&rows, &[2, 2, 10], &[true; 3], 5).unwrap(), None);
        // Publishing c too gives a and b.
        let rows = vec![vec![1, 0, 1], vec![0, 1, 1], vec![0, 0, 1]];
        assert_eq!(small_union(&rows, &[2, 2, 10], &[true; 3], 5).unwrap(), Some(vec![0]));
    }

    #[test]
    fn rational_combinations_count() {
        // (1,1,1) = ½[(1,1,0) + (0,1,1) + (1,0,1)]: three classes of one, total 3 < 5.
        let rows = vec![vec![1, 1, 0, 0], vec![0, 1, 1, 0], vec![1, 0, 1, 0]];
        let found = small_union(&rows, &[1, 1, 1, 9], &[true; 4], 5).unwrap().unwrap();
        let total: usize = found.iter().map(|&c| [1, 1, 1, 9][c]).sum();
        assert!((1..5).contains(&total));
    }
}

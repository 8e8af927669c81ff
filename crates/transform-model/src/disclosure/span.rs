//! Exact row-span membership over the integers.
//!
//! Rows are integer vectors; every step replaces a vector `x` by `p·x − m·r` (p = the pivot
//! of basis row r, m = x's entry in r's pivot column) and divides the result by the gcd of
//! its entries. Both steps keep the vector inside the same rational span and are exact in
//! integers, so "x reduces to zero" means exactly "x lies in the span over ℚ" — no floating
//! tolerance, no modulus that could hide a dependency. Entries stay small for the 0/1
//! tables of a survey (the gcd step removes the growth); should a product ever overflow
//! i128, the caller gets [`Overflow`] and must treat the question as undecided (exposed).

/// A product left the i128 range: the span question could not be decided exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow;

/// A vector being reduced: `vec = s·x + Σ coef_i·a_i`, where x is the query and a_i the
/// original rows. `coef` is empty when the combination is not tracked.
#[derive(Clone)]
struct Tracked {
    vec: Vec<i128>,
    coef: Vec<i128>,
    s: i128,
    /// Positions of the non-zero entries of `vec` (kept for basis rows only).
    nz: Vec<usize>,
}

impl Tracked {
    fn new(vec: Vec<i128>, coef: Vec<i128>, s: i128) -> Self {
        Tracked { vec, coef, s, nz: Vec::new() }
    }

    /// `self ← p·self − m·other`, then divided by the gcd of every entry. With p = 1 (the
    /// usual pivot of a 0/1 table) only `other`'s non-zero entries change, and nothing can
    /// have grown by a factor, so the gcd step is skipped.
    fn eliminate(&mut self, other: &Tracked, p: i128, m: i128) -> Result<(), Overflow> {
        if p == 1 {
            for &j in &other.nz {
                self.vec[j] = m.checked_mul(other.vec[j]).and_then(|b| self.vec[j].checked_sub(b)).ok_or(Overflow)?;
            }
            for (x, &y) in self.coef.iter_mut().zip(&other.coef) {
                *x = m.checked_mul(y).and_then(|b| x.checked_sub(b)).ok_or(Overflow)?;
            }
            self.s = m.checked_mul(other.s).and_then(|b| self.s.checked_sub(b)).ok_or(Overflow)?;
            return Ok(());
        }
        let step = |x: i128, y: i128| -> Result<i128, Overflow> {
            p.checked_mul(x).and_then(|a| m.checked_mul(y).and_then(|b| a.checked_sub(b))).ok_or(Overflow)
        };
        for (x, &y) in self.vec.iter_mut().zip(&other.vec) {
            *x = step(*x, y)?;
        }
        for (x, &y) in self.coef.iter_mut().zip(&other.coef) {
            *x = step(*x, y)?;
        }
        self.s = step(self.s, other.s)?;
        self.normalize();
        Ok(())
    }

    fn normalize(&mut self) {
        let mut g = 0i128;
        for &x in self.vec.iter().chain(&self.coef).chain(std::iter::once(&self.s)) {
            g = gcd(g, x);
            if g == 1 {
                return;
            }
        }
        if g > 1 {
            self.vec.iter_mut().chain(self.coef.iter_mut()).for_each(|x| *x /= g);
            self.s /= g;
        }
    }

    fn pivot(&self) -> Option<usize> {
        self.vec.iter().position(|&x| x != 0)
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i128
}

/// A basis of the span of some rows, in row-echelon form (insertion order).
pub(crate) struct Echelon {
    basis: Vec<(usize, Tracked)>,
    /// Number of original rows, when combinations are tracked.
    tracked: Option<usize>,
}

impl Echelon {
    /// The echelon form of `rows` (each a 0/1 or integer vector of equal length). With
    /// `track`, every basis row remembers which original rows it combines.
    ///
    /// Rows go in sparsest first: the finest cells of a table become unit pivots, and the
    /// margins then reduce against them without fill-in (the span does not depend on the
    /// order).
    pub fn new(rows: &[Vec<i128>], track: bool) -> Result<Self, Overflow> {
        let mut e = Echelon { basis: Vec::new(), tracked: track.then_some(rows.len()) };
        let mut order: Vec<(usize, usize)> =
            rows.iter().enumerate().map(|(i, r)| (r.iter().filter(|&&x| x != 0).count(), i)).collect();
        order.sort_unstable();
        for (_, i) in order {
            let mut t = Tracked::new(rows[i].clone(), Vec::new(), 0);
            if track {
                t.coef = vec![0; rows.len()];
                t.coef[i] = 1;
            }
            e.reduce(&mut t)?;
            if let Some(p) = t.pivot() {
                if t.vec[p] < 0 {
                    t.vec.iter_mut().chain(t.coef.iter_mut()).for_each(|x| *x = -*x);
                    t.s = -t.s;
                }
                t.nz = (0..t.vec.len()).filter(|&j| t.vec[j] != 0).collect();
                e.basis.push((p, t));
            }
        }
        Ok(e)
    }

    /// The basis rows with their pivot columns, in insertion order; each row is zero
    /// before its pivot.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &[i128])> {
        self.basis.iter().map(|(p, t)| (*p, t.vec.as_slice()))
    }

    /// Rank of the span.
    #[cfg(test)]
    pub fn rank(&self) -> usize {
        self.basis.len()
    }

    fn reduce(&self, t: &mut Tracked) -> Result<(), Overflow> {
        for (col, row) in &self.basis {
            let m = t.vec[*col];
            if m != 0 {
                t.eliminate(row, row.vec[*col], m)?;
            }
        }
        Ok(())
    }

    /// Whether `x` lies in the span.
    pub fn contains(&self, x: &[i128]) -> Result<bool, Overflow> {
        let mut t = Tracked::new(x.to_vec(), Vec::new(), 1);
        self.reduce(&mut t)?;
        Ok(t.pivot().is_none())
    }

    /// When `x` lies in the span and combinations are tracked: the original rows with a
    /// non-zero coefficient in one combination equal to `x`.
    pub fn combination(&self, x: &[i128]) -> Result<Option<Vec<usize>>, Overflow> {
        let rows = self.tracked.expect("combinations are tracked");
        let mut t = Tracked::new(x.to_vec(), vec![0; rows], 1);
        self.reduce(&mut t)?;
        if t.pivot().is_some() {
            return Ok(None);
        }
        Ok(Some((0..rows).filter(|&i| t.coef[i] != 0).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[&[i128]]) -> Vec<Vec<i128>> {
        v.iter().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn membership_is_exact() {
        // a = (1,1,0), b = (0,1,1): (1,0,-1) = a − b is inside, (1,0,0) is not.
        let e = Echelon::new(&rows(&[&[1, 1, 0], &[0, 1, 1]]), true).unwrap();
        assert_eq!(e.rank(), 2);
        assert!(e.contains(&[1, 0, -1]).unwrap());
        assert!(!e.contains(&[1, 0, 0]).unwrap());
        assert_eq!(e.combination(&[1, 0, -1]).unwrap(), Some(vec![0, 1]));
        assert_eq!(e.combination(&[0, 2, 2]).unwrap(), Some(vec![1]));
    }

    #[test]
    fn needs_rational_coefficients() {
        // (1,1,1) = ½[(1,1,0) + (0,1,1) + (1,0,1)]: in the span over ℚ though no integer
        // combination gives it. A floating or integer-only method could get this wrong.
        let e = Echelon::new(&rows(&[&[1, 1, 0], &[0, 1, 1], &[1, 0, 1]]), true).unwrap();
        assert_eq!(e.rank(), 3);
        assert!(e.contains(&[1, 1, 1]).unwrap());
        assert_eq!(e.combination(&[1, 1, 1]).unwrap(), Some(vec![0, 1, 2]));
    }

    #[test]
    fn dependent_rows_do_not_add_rank() {
        let e = Echelon::new(&rows(&[&[1, 1, 0, 0], &[0, 0, 1, 1], &[1, 1, 1, 1]]), false).unwrap();
        assert_eq!(e.rank(), 2);
        assert!(!e.contains(&[1, 0, 1, 0]).unwrap());
    }
}

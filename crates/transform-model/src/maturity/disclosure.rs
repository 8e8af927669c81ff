//! What an assessment may publish (DOMAIN.md, "Anonymity and disclosure"): per group ×
//! dimension cell, the score and n (primary rule: k respondents, and not all alike under
//! 20), the dispersion figures (`min_dispersion_n`, and the linked-dispersion rule), and
//! per dimension the municipality's dispersion.

/// Scored respondents' dimension scores per group × dimension cell (`g * dims + d`).
pub(crate) struct Cells {
    pub dims: usize,
    pub scores: Vec<Vec<f64>>,
}

impl Cells {
    pub fn new(packed: &super::score::Packed) -> Self {
        let dims = packed.dims;
        let mut scores = vec![Vec::new(); packed.scores.len() * dims];
        for (g, rows) in packed.scores.iter().enumerate() {
            for row in rows.chunks_exact(dims) {
                for (d, v) in row.iter().enumerate() {
                    if !v.is_nan() {
                        scores[g * dims + d].push(*v);
                    }
                }
            }
        }
        Cells { dims, scores }
    }

    pub fn n(&self, c: usize) -> usize {
        self.scores[c].len()
    }

    /// Every respondent of the cell has the same score.
    pub fn homogeneous(&self, c: usize) -> bool {
        self.scores[c].windows(2).all(|w| w[0] == w[1])
    }
}

/// Cells of fewer respondents than this whose members all share one score are not
/// published: the mean would be every member's answer.
pub(crate) const HOMOGENEOUS_BELOW: usize = 20;

pub(crate) struct Publish {
    /// Score and n of the cell are published (and it counts in the municipality score).
    pub reported: Vec<bool>,
    /// Interval, SD and r_wg of the cell are published.
    pub dispersion: Vec<bool>,
    /// The municipality's interval, alpha and level probabilities per dimension.
    pub dim_dispersion: Vec<bool>,
}

/// Applies the rules of disclosure to the cells of `groups` groups.
pub(crate) fn decide(cells: &Cells, groups: usize, k: usize, min_dispersion_n: usize) -> Publish {
    let dims = cells.dims;
    let reported: Vec<bool> = (0..groups * dims).map(|c| primary(cells, c, k)).collect();
    let mut dispersion: Vec<bool> =
        (0..groups * dims).map(|c| reported[c] && cells.n(c) >= min_dispersion_n.max(2)).collect();
    for d in 0..dims {
        link_dispersion(cells, &reported, &mut dispersion, groups, d);
    }
    let dim_dispersion = (0..dims)
        .map(|d| {
            let n: usize = (0..groups).map(|g| g * dims + d).filter(|&c| reported[c]).map(|c| cells.n(c)).sum();
            n >= min_dispersion_n.max(2)
        })
        .collect();
    Publish { reported, dispersion, dim_dispersion }
}

/// Primary rule: at least k scored respondents, and not all alike in a cell under 20.
fn primary(cells: &Cells, c: usize, k: usize) -> bool {
    let n = cells.n(c);
    n >= k && !(n < HOMOGENEOUS_BELOW && cells.homogeneous(c))
}

/// Linked dispersion: the municipality's interval combines every contributing group's
/// spread, so when exactly one contributing group's spread is hidden, the smallest other
/// contributing group's spread is hidden too (ties: the earlier group).
fn link_dispersion(cells: &Cells, reported: &[bool], dispersion: &mut [bool], groups: usize, d: usize) {
    let dims = cells.dims;
    let contributing: Vec<usize> = (0..groups).map(|g| g * dims + d).filter(|&c| reported[c]).collect();
    let hidden = contributing.iter().filter(|&&c| !dispersion[c]).count();
    if hidden != 1 {
        return;
    }
    if let Some(&c) = contributing.iter().filter(|&&c| dispersion[c]).min_by_key(|&&c| (cells.n(c), c)) {
        dispersion[c] = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(groups: &[&[f64]]) -> Cells {
        Cells { dims: 1, scores: groups.iter().map(|g| g.to_vec()).collect() }
    }

    #[test]
    fn primary_suppression_and_homogeneity() {
        let twelve: Vec<f64> = (0..12).map(|i| 1.0 + (i % 5) as f64).collect();
        let same = [3.0; 12];
        let same_20 = [3.0; 20];
        let c = cells(&[&[1.0, 2.0, 3.0, 4.0], &twelve, &same, &same_20]);
        let p = decide(&c, 4, 5, 10);
        // 4 < k; 12 varied; 12 alike < 20 → hidden; 20 alike → shown.
        assert_eq!(p.reported, [false, true, false, true]);
    }

    #[test]
    fn one_hidden_spread_hides_the_smallest_other() {
        let g = |n: usize| (0..n).map(|i| 1.0 + (i % 4) as f64).collect::<Vec<_>>();
        let (a, b, c3) = (g(6), g(15), g(12));
        let c = cells(&[&a, &b, &c3]);
        let p = decide(&c, 3, 5, 10);
        // a (6) is under 10: hidden. Exactly one hidden → the smallest other (12) too.
        assert_eq!(p.dispersion, [false, true, false]);
        // Two already hidden: nothing more.
        let (x, y) = (g(6), g(7));
        let c = cells(&[&x, &y, &b]);
        assert_eq!(decide(&c, 3, 5, 10).dispersion, [false, false, true]);
    }
}

//! Seeded bootstrap, resampling respondents within each reported group: the replicates
//! behind the level probabilities (intervals are Student t and Welch, see `stats`).
//!
//! Replicate `b` draws from its own generator seeded by (seed, b), so the result does
//! not depend on how replicates are spread over threads.

use rand::{RngCore, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::score::{Layout, Packed, Sums};

/// SplitMix64 finaliser: decorrelates the streams of neighbouring replicates.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Respondent scores as one byte per dimension: an index into the dimension's table of
/// distinct score values (0 = no score). Means of a few integer answers take few distinct
/// values, so a resample only counts codes in a small histogram that stays in L1 cache.
struct Coded {
    dims: usize,
    codes: Vec<Vec<u8>>,
    tables: Vec<Vec<f64>>,
}

const CODES: usize = 256;

fn code(packed: &Packed) -> Option<Coded> {
    let dims = packed.dims;
    let mut tables: Vec<Vec<f64>> = vec![Vec::new(); dims];
    for scores in &packed.scores {
        for row in scores.chunks_exact(dims) {
            for (d, v) in row.iter().enumerate() {
                if !v.is_nan() {
                    tables[d].push(*v);
                }
            }
        }
    }
    for t in &mut tables {
        t.sort_by(f64::total_cmp);
        t.dedup();
        if t.len() >= CODES {
            return None;
        }
        t.insert(0, 0.0);
    }
    let codes = packed
        .scores
        .iter()
        .map(|scores| {
            scores
                .chunks_exact(dims)
                .flat_map(|row| {
                    row.iter().enumerate().map(|(d, v)| {
                        if v.is_nan() {
                            0
                        } else {
                            tables[d][1..].binary_search_by(|x| x.total_cmp(v)).expect("value in its table") as u8 + 1
                        }
                    })
                })
                .collect()
        })
        .collect();
    Some(Coded { dims, codes, tables })
}

/// Uniform indices in `0..n` (Lemire's multiply-and-reject, exact), two per 64-bit draw.
struct Indices {
    rng: Pcg64Mcg,
    spare: Option<u32>,
}

impl Indices {
    fn new(seed: u64, b: u64) -> Self {
        Indices { rng: Pcg64Mcg::seed_from_u64(mix(mix(seed) ^ b)), spare: None }
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        match self.spare.take() {
            Some(x) => x,
            None => {
                let x = self.rng.next_u64();
                self.spare = Some((x >> 32) as u32);
                x as u32
            }
        }
    }

    #[inline]
    fn below(&mut self, n: u32) -> usize {
        let mut m = self.next_u32() as u64 * n as u64;
        if (m as u32) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u32) < threshold {
                m = self.next_u32() as u64 * n as u64;
            }
        }
        (m >> 32) as usize
    }
}

fn replicate(layout: &Layout, packed: &Packed, seed: u64, b: u64) -> Vec<f64> {
    let mut rng = Indices::new(seed, b);
    let dims = packed.dims;
    let mut sums = Sums::zero(layout.groups, dims);
    for (g, scores) in packed.scores.iter().enumerate() {
        let n = (scores.len() / dims) as u32;
        for _ in 0..n {
            let j = rng.below(n);
            sums.add(g, &scores[j * dims..(j + 1) * dims]);
        }
    }
    let mut out = Vec::new();
    layout.statistics(&sums, &mut out);
    out
}

/// The same resample as [`replicate`] (same draws), counted through the code histogram.
fn replicate_coded(layout: &Layout, coded: &Coded, seed: u64, b: u64) -> Vec<f64> {
    let mut rng = Indices::new(seed, b);
    let dims = coded.dims;
    let mut sums = Sums::zero(layout.groups, dims);
    // One 256-slot histogram per dimension: a byte code indexes it without bounds checks.
    let mut hist = vec![[0u32; CODES]; dims];
    let mut times: Vec<u32> = Vec::new();
    for (g, codes) in coded.codes.iter().enumerate() {
        hist.iter_mut().for_each(|h| h.fill(0));
        let n = (codes.len() / dims) as u32;
        // Count how often each respondent is drawn (one increment per draw), then add each
        // drawn respondent's codes once, weighted, in a sequential pass over the rows.
        times.clear();
        times.resize(n as usize, 0);
        for _ in 0..n {
            times[rng.below(n)] += 1;
        }
        for (row, &w) in codes.chunks_exact(dims).zip(&times) {
            if w != 0 {
                for (h, &c) in hist.iter_mut().zip(row) {
                    h[c as usize] += w;
                }
            }
        }
        for (d, (h, table)) in hist.iter().zip(&coded.tables).enumerate() {
            let (mut sum, mut cnt) = (0.0, 0u32);
            for (k, value) in h.iter().zip(table).skip(1) {
                sum += *k as f64 * value;
                cnt += k;
            }
            sums.sum[g * dims + d] = sum;
            sums.cnt[g * dims + d] = cnt;
        }
    }
    let mut out = Vec::new();
    layout.statistics(&sums, &mut out);
    out
}

/// `B` replicates of the statistic vector, as one column per statistic.
pub(crate) fn resample(layout: &Layout, packed: &Packed, resamples: usize, seed: u64) -> Vec<Vec<f64>> {
    let coded = code(packed);
    let reps: Vec<Vec<f64>> = (0..resamples as u64)
        .into_par_iter()
        .map(|b| match &coded {
            Some(c) => replicate_coded(layout, c, seed, b),
            None => replicate(layout, packed, seed, b),
        })
        .collect();
    let stats = reps.first().map_or(0, Vec::len);
    (0..stats).map(|s| reps.iter().map(|r| r[s]).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maturity::Weighting;

    /// The coded path draws the same respondents as the direct one and gives the same
    /// statistics up to summation order.
    #[test]
    fn coded_replicates_equal_direct_ones() {
        let dims = 2;
        let scores = vec![vec![4.0, f64::NAN, 2.5, 3.0, 1.0, 5.0, 4.0, 3.0], vec![2.0, 2.0, 3.0, f64::NAN, 3.5, 1.5]];
        let packed = Packed { dims, scores };
        let layout = Layout {
            groups: 2,
            dims,
            reported: vec![true; 4],
            scored_dims: vec![true; 2],
            weights: vec![1.0; 4],
            weighting: Weighting::Balanced,
        };
        let coded = code(&packed).unwrap();
        assert_eq!(coded.tables[0], [0.0, 1.0, 2.0, 2.5, 3.0, 3.5, 4.0]);
        for b in 0..50 {
            let (x, y) = (replicate(&layout, &packed, 9, b), replicate_coded(&layout, &coded, 9, b));
            for (p, q) in x.iter().zip(&y) {
                assert!((p.is_nan() && q.is_nan()) || (p - q).abs() < 1e-12, "{b}: {p} vs {q}");
            }
        }
    }

    #[test]
    fn indices_are_in_range_and_roughly_uniform() {
        let mut r = Indices::new(1, 2);
        let mut counts = [0u32; 7];
        for _ in 0..70_000 {
            counts[r.below(7)] += 1;
        }
        // Each bucket expects 10,000; 5 standard deviations ≈ 460.
        assert!(counts.iter().all(|&c| (9_540..=10_460).contains(&c)), "{counts:?}");
        assert_eq!(Indices::new(1, 1).below(1), 0);
    }
}

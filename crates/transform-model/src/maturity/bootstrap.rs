//! Seeded percentile bootstrap, resampling respondents within each reported group.
//!
//! Replicate `b` draws from its own generator seeded by (seed, b), so the result does
//! not depend on how replicates are spread over threads.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::score::{Layout, Packed, Sums};
use crate::stats::percentile_interval;

/// SplitMix64 finaliser: decorrelates the streams of neighbouring replicates.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn replicate(layout: &Layout, packed: &Packed, seed: u64, b: u64) -> Vec<f64> {
    let mut rng = Pcg64Mcg::seed_from_u64(mix(mix(seed) ^ b));
    let dims = packed.dims;
    let mut sums = Sums::zero(layout.groups, dims);
    for (g, scores) in packed.scores.iter().enumerate() {
        let n = (scores.len() / dims) as u32;
        for _ in 0..n {
            let j = rng.random_range(0..n) as usize;
            sums.add(g, &scores[j * dims..(j + 1) * dims]);
        }
    }
    let mut out = Vec::new();
    layout.statistics(&sums, &mut out);
    out
}

/// `B` replicates of the statistic vector, as one column per statistic.
pub(crate) fn resample(layout: &Layout, packed: &Packed, resamples: usize, seed: u64) -> Vec<Vec<f64>> {
    let reps: Vec<Vec<f64>> =
        (0..resamples as u64).into_par_iter().map(|b| replicate(layout, packed, seed, b)).collect();
    let stats = reps.first().map_or(0, Vec::len);
    (0..stats).map(|s| reps.iter().map(|r| r[s]).collect()).collect()
}

/// Percentile interval of one statistic column; `None` without replicates.
pub(crate) fn interval(column: Option<&Vec<f64>>, confidence: f64) -> Option<[f64; 2]> {
    let mut xs = column?.clone();
    percentile_interval(&mut xs, confidence)
}

/// Percentile interval of the difference of two statistic columns.
pub(crate) fn diff_interval(columns: &[Vec<f64>], a: usize, b: usize, confidence: f64) -> Option<[f64; 2]> {
    let (ca, cb) = (columns.get(a)?, columns.get(b)?);
    let mut xs: Vec<f64> = ca.iter().zip(cb).map(|(x, y)| x - y).collect();
    percentile_interval(&mut xs, confidence)
}

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

/// Respondent scores as exact small integers: a dimension score is a mean of at most a
/// handful of integer answers, so `score × L` (L the least common multiple of the possible
/// answer counts) is an integer. A resample then adds `times drawn × scaled score` in
/// integer lanes the compiler vectorises, with no float work per respondent.
struct Scaled {
    /// Per group: `n_g × LANES` values, 0 = no score (every real score is ≥ 1 × L).
    rows: Vec<Vec<u16>>,
    /// The common multiplier L.
    scale: f64,
    /// Draws a block of rows may take before its u32 lanes could overflow.
    limit: usize,
}

/// Dimensions held in one row of [`Scaled`]; models with more use the direct path.
const LANES: usize = 16;

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// lcm(1..=n) when it fits a u16 lane (every real score is ≥ 1 × L, so a larger L cannot
/// be held); `None` otherwise. Built step by step with checked arithmetic: lcm(1..=47)
/// already exceeds u64, so the bound is checked before it could overflow.
fn lane_multiplier(n: usize) -> Option<u64> {
    let mut l: u64 = 1;
    for k in 1..=n.max(1) as u64 {
        l = (l / gcd(l, k)).checked_mul(k)?;
        if l > u16::MAX as u64 {
            return None;
        }
    }
    Some(l)
}

fn scaled(model_items_per_dim: usize, packed: &Packed) -> Option<Scaled> {
    let dims = packed.dims;
    if dims > LANES {
        return None;
    }
    let scale = lane_multiplier(model_items_per_dim)?;
    let to_int = |v: f64| -> Option<u16> {
        if v.is_nan() {
            return Some(0);
        }
        let x = v * scale as f64;
        let r = x.round();
        ((x - r).abs() < 1e-6 && r >= 1.0 && r <= u16::MAX as f64).then_some(r as u16)
    };
    let mut max = 0u32;
    let mut rows = Vec::with_capacity(packed.scores.len());
    for scores in &packed.scores {
        let mut out = vec![0u16; scores.len() / dims * LANES];
        for (row, slot) in scores.chunks_exact(dims).zip(out.chunks_exact_mut(LANES)) {
            for (v, x) in row.iter().zip(slot.iter_mut()) {
                *x = to_int(*v)?;
                max = max.max(*x as u32);
            }
        }
        rows.push(out);
    }
    Some(Scaled { rows, scale: scale as f64, limit: (u32::MAX / max.max(1)) as usize })
}

/// Adds `w × row` to the sums and `w × (row ≠ 0)` to the counts, lane by lane.
#[inline(always)]
fn accumulate(rows: &[u16], times: &[u32], sums: &mut [u32; LANES], counts: &mut [u32; LANES]) {
    for (row, &w) in rows.chunks_exact(LANES).zip(times) {
        for k in 0..LANES {
            sums[k] += row[k] as u32 * w;
            counts[k] += (row[k] != 0) as u32 * w;
        }
    }
}

/// [`accumulate`] in AVX2: one row (16 lanes of u16) is two 8 × u32 vectors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[allow(unsafe_code)] // SIMD intrinsics: the bootstrap's hot loop (issue 33)
fn accumulate_avx2(rows: &[u16], times: &[u32], sums: &mut [u32; LANES], counts: &mut [u32; LANES]) {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_si256();
    // SAFETY: (every load/store below) `sums`, `counts` and each row hold exactly 16
    // u32/u32/u16 = 2 × 32 bytes / 32 bytes; unaligned loads and stores are used.
    unsafe {
        let (mut s0, mut s1) =
            (_mm256_loadu_si256(sums.as_ptr().cast()), _mm256_loadu_si256(sums.as_ptr().add(8).cast()));
        let (mut c0, mut c1) =
            (_mm256_loadu_si256(counts.as_ptr().cast()), _mm256_loadu_si256(counts.as_ptr().add(8).cast()));
        for (row, &w) in rows.chunks_exact(LANES).zip(times) {
            let v = _mm256_loadu_si256(row.as_ptr().cast());
            let lo = _mm256_cvtepu16_epi32(_mm256_castsi256_si128(v));
            let hi = _mm256_cvtepu16_epi32(_mm256_extracti128_si256::<1>(v));
            let wv = _mm256_set1_epi32(w as i32);
            s0 = _mm256_add_epi32(s0, _mm256_mullo_epi32(lo, wv));
            s1 = _mm256_add_epi32(s1, _mm256_mullo_epi32(hi, wv));
            c0 = _mm256_add_epi32(c0, _mm256_andnot_si256(_mm256_cmpeq_epi32(lo, zero), wv));
            c1 = _mm256_add_epi32(c1, _mm256_andnot_si256(_mm256_cmpeq_epi32(hi, zero), wv));
        }
        _mm256_storeu_si256(sums.as_mut_ptr().cast(), s0);
        _mm256_storeu_si256(sums.as_mut_ptr().add(8).cast(), s1);
        _mm256_storeu_si256(counts.as_mut_ptr().cast(), c0);
        _mm256_storeu_si256(counts.as_mut_ptr().add(8).cast(), c1);
    }
}

/// [`accumulate`] with the widest vectors this CPU has (the same integer sums).
#[allow(unsafe_code)] // calls the AVX2 kernel after the CPU check
fn accumulate_fast(rows: &[u16], times: &[u32], sums: &mut [u32; LANES], counts: &mut [u32; LANES]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, checked on the line above.
        return unsafe { accumulate_avx2(rows, times, sums, counts) };
    }
    accumulate(rows, times, sums, counts)
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

/// The same resample as [`replicate`] (same draws), summed in scaled integers.
fn replicate_scaled(layout: &Layout, scaled: &Scaled, seed: u64, b: u64) -> Vec<f64> {
    let mut rng = Indices::new(seed, b);
    let dims = layout.dims;
    let mut sums = Sums::zero(layout.groups, dims);
    let mut times: Vec<u32> = Vec::new();
    // u32 lanes hold `limit` draws of the largest value; longer groups flush in blocks.
    let limit = scaled.limit;
    for (g, rows) in scaled.rows.iter().enumerate() {
        let n = (rows.len() / LANES) as u32;
        times.clear();
        times.resize(n as usize, 0);
        for _ in 0..n {
            times[rng.below(n)] += 1;
        }
        let (mut total, mut count) = ([0u64; LANES], [0u64; LANES]);
        let mut start = 0;
        while start < times.len() {
            // Rows [start, end) draw at most `limit` times in all: no lane overflows.
            let (mut end, mut drawn) = (start, 0usize);
            while end < times.len() && drawn + times[end] as usize <= limit {
                drawn += times[end] as usize;
                end += 1;
            }
            let (mut block_sums, mut block_counts) = ([0u32; LANES], [0u32; LANES]);
            accumulate_fast(&rows[start * LANES..end * LANES], &times[start..end], &mut block_sums, &mut block_counts);
            for k in 0..LANES {
                total[k] += block_sums[k] as u64;
                count[k] += block_counts[k] as u64;
            }
            start = end;
        }
        for d in 0..dims {
            sums.sum[g * dims + d] = total[d] as f64 / scaled.scale;
            sums.cnt[g * dims + d] = count[d] as u32;
        }
    }
    let mut out = Vec::new();
    layout.statistics(&sums, &mut out);
    out
}

/// `B` replicates of the statistic vector, as one column per statistic.
///
/// `max_items` is the most items of any dimension (it bounds the denominators of scores).
pub(crate) fn resample(
    layout: &Layout,
    packed: &Packed,
    max_items: usize,
    resamples: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, crate::cancel::Cancelled> {
    let fast = scaled(max_items, packed);
    // Each replicate checks the caller's token: a cancelled call stops within one replicate.
    let token = crate::cancel::current();
    let reps: Vec<Vec<f64>> = (0..resamples as u64)
        .into_par_iter()
        .map(|b| -> Result<Vec<f64>, crate::cancel::Cancelled> {
            token.check()?;
            Ok(match &fast {
                Some(s) => replicate_scaled(layout, s, seed, b),
                None => replicate(layout, packed, seed, b),
            })
        })
        .collect::<Result<_, _>>()?;
    let stats = reps.first().map_or(0, Vec::len);
    Ok((0..stats).map(|s| reps.iter().map(|r| r[s]).collect()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maturity::Weighting;

    /// The scaled path draws the same respondents as the direct one and gives the same
    /// statistics up to rounding.
    #[test]
    fn scaled_replicates_equal_direct_ones() {
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
        // Means of up to 2 answers: L = 2, so 2.5 is stored as 5 and "no score" as 0.
        let fast = scaled(2, &packed).unwrap();
        assert_eq!((fast.scale, &fast.rows[0][..LANES]), (2.0, &[8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0][..]));
        assert_eq!(fast.rows[0][LANES], 5);
        // A score not a multiple of 1/L cannot be held exactly: the direct path is used.
        assert!(scaled(1, &packed).is_none());
        // Blocks of at most 3 draws exercise the overflow flush on every group.
        let tiny = Scaled { limit: 3, ..scaled(2, &packed).unwrap() };
        for b in 0..50 {
            let x = replicate(&layout, &packed, 9, b);
            for y in [replicate_scaled(&layout, &fast, 9, b), replicate_scaled(&layout, &tiny, 9, b)] {
                for (p, q) in x.iter().zip(&y) {
                    assert!((p.is_nan() && q.is_nan()) || (p - q).abs() < 1e-12, "{b}: {p} vs {q}");
                }
            }
        }
    }

    /// lcm(1..=n) by a reference fold in u128 (exact up to n = 88).
    fn lcm_reference(n: u64) -> u128 {
        fn g(a: u128, b: u128) -> u128 {
            if b == 0 { a } else { g(b, a % b) }
        }
        (1..=n as u128).fold(1, |l, k| l / g(l, k) * k)
    }

    /// Issue 33: lcm(1..=47) overflows u64. The multiplier is built with checked steps and
    /// falls back to the direct path once it no longer fits a lane; 47, 64 and 200 items
    /// resample exactly as the direct path does.
    #[test]
    fn many_items_fall_back_to_the_direct_path_without_overflow() {
        assert_eq!(lane_multiplier(12), Some(lcm_reference(12) as u64)); // 27,720 fits
        assert_eq!(lane_multiplier(13), None); // 360,360 does not
        assert!(lcm_reference(47) > u64::MAX as u128);
        let dims = 2;
        // Means of up to 200 answers: 1 + 1/200 etc., not multiples of any small L.
        let scores =
            vec![vec![1.0 + 1.0 / 200.0, 4.5, 3.0, f64::NAN, 2.0 + 7.0 / 47.0, 5.0], vec![2.0, 3.0 + 1.0 / 64.0]];
        let packed = Packed { dims, scores };
        let layout = Layout {
            groups: 2,
            dims,
            reported: vec![true; 4],
            scored_dims: vec![true; 2],
            weights: vec![1.0; 4],
            weighting: Weighting::Balanced,
        };
        for items in [47, 64, 200] {
            assert_eq!(lane_multiplier(items), None, "{items}");
            assert!(scaled(items, &packed).is_none(), "{items}");
            let columns = resample(&layout, &packed, items, 20, 5).unwrap();
            for b in 0..20u64 {
                let direct = replicate(&layout, &packed, 5, b);
                for (s, x) in direct.iter().enumerate() {
                    let y = columns[s][b as usize];
                    assert!((x.is_nan() && y.is_nan()) || x == &y, "{items} items, replicate {b}: {x} vs {y}");
                }
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

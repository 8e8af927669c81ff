//! Small statistical kernels: means, sample variances, Student t and Welch intervals, Holm's
//! correction, pairwise Cronbach's alpha, r_wg(J), ICC, quantiles.
//!
//! Each rule of the scoring contract (docs/scoring.md) that is plain statistics lives here
//! once, as one named function; the maturity module calls these and restates none of them.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// Arithmetic mean; `None` for an empty slice.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() { None } else { Some(xs.iter().sum::<f64>() / xs.len() as f64) }
}

/// Sample variance (ddof = 1); `None` under 2 values.
pub fn sample_variance(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    Some(xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64)
}

/// Cronbach's alpha of complete rows (one row per respondent, one column per item),
/// with sample variances: α = k/(k−1) · (1 − Σ var(item) / var(total)).
///
/// `None` under 3 rows or 2 items, or when the totals do not vary (α undefined).
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if rows.len() < 3 || k < 2 {
        return None;
    }
    let item_var_sum: f64 =
        (0..k).map(|j| sample_variance(&rows.iter().map(|r| r[j]).collect::<Vec<_>>()).unwrap_or(0.0)).sum();
    let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let total_var = sample_variance(&totals)?;
    if total_var <= 0.0 {
        return None;
    }
    Some(k as f64 / (k as f64 - 1.0) * (1.0 - item_var_sum / total_var))
}

/// Expected variance of a uniform ("no agreement") answer over `options` choices: (A² − 1)/12.
pub fn uniform_null_variance(options: i64) -> f64 {
    let a = options as f64;
    (a * a - 1.0) / 12.0
}

/// Within-group agreement r_wg(J) (James, Demaree & Wolf) from the sample variances of
/// the J items: J(1 − s̄²/σ²)/(J(1 − s̄²/σ²) + s̄²/σ²), 0 when s̄² ≥ σ², `None` for J = 0.
pub fn rwg_j(item_variances: &[f64], null_variance: f64) -> Option<f64> {
    let j = item_variances.len() as f64;
    let ratio = mean(item_variances)? / null_variance;
    if ratio >= 1.0 {
        return Some(0.0);
    }
    let agree = j * (1.0 - ratio);
    Some(agree / (agree + ratio))
}

/// The two-sided `confidence` quantile of Student's t with `df` degrees of freedom
/// (e.g. 12.7062 for 95 % and df = 1); `None` for a df that is not positive and finite.
pub fn t_quantile(confidence: f64, df: f64) -> Option<f64> {
    if !(df > 0.0 && confidence > 0.0 && confidence < 1.0) {
        return None;
    }
    if df.is_infinite() {
        // The limit of t: the standard normal (Welch's df without any spread).
        let z = statrs::distribution::Normal::new(0.0, 1.0).ok()?;
        return Some(z.inverse_cdf(0.5 + confidence / 2.0));
    }
    let t = StudentsT::new(0.0, 1.0, df).ok()?;
    Some(t.inverse_cdf(0.5 + confidence / 2.0))
}

/// Two-sided p-value of a t statistic with `df` degrees of freedom.
pub fn t_p_value(t: f64, df: f64) -> Option<f64> {
    if !(df > 0.0 && df.is_finite() && t.is_finite()) {
        return None;
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    Some((2.0 * (1.0 - dist.cdf(t.abs()))).clamp(0.0, 1.0))
}

/// An estimate with its standard error and degrees of freedom: the common form of a group
/// mean (df = n − 1), a balanced score and a gap (Welch–Satterthwaite df).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The estimate.
    pub value: f64,
    /// Its standard error.
    pub se: f64,
    /// Its degrees of freedom.
    pub df: f64,
}

impl Estimate {
    /// The `confidence` interval value ± t·se, clipped to `[lo, hi]` (the scale, or ±its
    /// width for a difference). `None` when the df is undefined.
    pub fn interval(&self, confidence: f64, lo: f64, hi: f64) -> Option<[f64; 2]> {
        let t = t_quantile(confidence, self.df)?;
        let half = t * self.se;
        Some([(self.value - half).clamp(lo, hi), (self.value + half).clamp(lo, hi)])
    }

    /// Two-sided p-value of H0: value = 0 (a gap). Without any spread (se = 0) the
    /// difference is certain: p = 0 for a non-zero value, 1 for zero.
    pub fn p_value(&self) -> Option<f64> {
        if self.se > 0.0 {
            t_p_value(self.value / self.se, self.df)
        } else {
            Some(if self.value != 0.0 { 0.0 } else { 1.0 })
        }
    }
}

/// Student t estimate of a mean: se = sd/√n, df = n − 1. `None` under 2 values.
pub fn t_mean(xs: &[f64]) -> Option<Estimate> {
    let var = sample_variance(xs)?;
    let n = xs.len() as f64;
    Some(Estimate { value: mean(xs)?, se: (var / n).sqrt(), df: n - 1.0 })
}

/// One independent group mean as Welch–Satterthwaite needs it: sample variance and n.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupMoments {
    /// The group mean.
    pub mean: f64,
    /// Its sample variance (ddof = 1).
    pub var: f64,
    /// Its size.
    pub n: usize,
}

/// Welch–Satterthwaite estimate of Σ w_g·mean_g over independent groups:
/// var = Σ w_g² s_g²/n_g, df = var² / Σ (w_g² s_g²/n_g)²/(n_g − 1).
/// A gap a − b is `welch(&[(1, a), (−1, b)])`. `None` when a group has n < 2.
pub fn welch(terms: &[(f64, GroupMoments)]) -> Option<Estimate> {
    let (mut value, mut var, mut denom) = (0.0, 0.0, 0.0);
    for (w, g) in terms {
        if g.n < 2 {
            return None;
        }
        let part = w * w * g.var / g.n as f64;
        value += w * g.mean;
        var += part;
        denom += part * part / (g.n - 1) as f64;
    }
    // Without variation the df is undefined (0/0): the interval is the point itself.
    let df = if denom > 0.0 { var * var / denom } else { f64::INFINITY };
    Some(Estimate { value, se: var.sqrt(), df })
}

/// Holm's step-down adjustment: p_(i) ↦ max_{j ≤ i} min(1, (m − j + 1)·p_(j)), returned in
/// the input order. Ties keep input order, so the result is deterministic.
pub fn holm(ps: &[f64]) -> Vec<f64> {
    let m = ps.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| ps[a].total_cmp(&ps[b]).then(a.cmp(&b)));
    let mut adjusted = vec![0.0; m];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank) as f64 * ps[i]).min(1.0));
        adjusted[i] = running;
    }
    adjusted
}

/// Cronbach's alpha from the pairwise covariance matrix, as R's `psych::alpha` computes it
/// on data with missing answers: each item's variance over those who answered it, each
/// covariance over those who answered both (sample figures, ddof = 1);
/// α = J/(J−1)·(1 − trace/Σ matrix). `items[j][r]` is respondent r's answer to item j.
/// Returns α (when defined) and the smallest number of co-answering respondents of any
/// item pair (`alpha_n`).
pub fn pairwise_alpha(items: &[Vec<Option<f64>>]) -> (Option<f64>, usize) {
    let j = items.len();
    if j < 2 {
        return (None, 0);
    }
    let mut trace = 0.0;
    let mut total = 0.0;
    let mut min_pair = usize::MAX;
    let mut defined = true;
    for a in 0..j {
        let own: Vec<f64> = items[a].iter().flatten().copied().collect();
        match sample_variance(&own) {
            Some(v) => {
                trace += v;
                total += v;
            }
            None => defined = false,
        }
        for b in a + 1..j {
            let (xs, ys): (Vec<f64>, Vec<f64>) =
                items[a].iter().zip(&items[b]).filter_map(|(x, y)| Some(((*x)?, (*y)?))).unzip();
            min_pair = min_pair.min(xs.len());
            match covariance(&xs, &ys) {
                Some(c) => total += 2.0 * c,
                None => defined = false,
            }
        }
    }
    let jf = j as f64;
    let alpha = (defined && total > 0.0).then(|| jf / (jf - 1.0) * (1.0 - trace / total));
    (alpha, min_pair)
}

/// Sample covariance (ddof = 1) of paired values; `None` under 2 pairs.
pub fn covariance(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() < 2 || xs.len() != ys.len() {
        return None;
    }
    let (mx, my) = (mean(xs)?, mean(ys)?);
    Some(xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum::<f64>() / (xs.len() - 1) as f64)
}

/// Variance of the slight-skew null distribution of James, Demaree & Wolf for a 5-point
/// scale (shares .05, .15, .20, .35, .25 → 1.34); defined for 5 options only.
pub fn slight_skew_null_variance(options: i64) -> Option<f64> {
    (options == 5).then_some(1.34)
}

/// ICC(1) and ICC(2) of a one-way ANOVA of scores on groups (Bliese 2000):
/// ICC(1) = (MSB − MSW)/(MSB + (n₀ − 1)·MSW), ICC(2) = (MSB − MSW)/MSB,
/// n₀ = (N − Σn_g²/N)/(G − 1). `None` under 2 groups, without within-group df, or MSB = 0.
pub fn icc(groups: &[&[f64]]) -> Option<(f64, f64)> {
    let g = groups.len();
    let n: usize = groups.iter().map(|x| x.len()).sum();
    if g < 2 || n <= g || groups.iter().any(|x| x.is_empty()) {
        return None;
    }
    let grand = groups.iter().flat_map(|x| x.iter()).sum::<f64>() / n as f64;
    let (mut ssb, mut ssw) = (0.0, 0.0);
    for x in groups {
        let m = mean(x)?;
        ssb += x.len() as f64 * (m - grand).powi(2);
        ssw += x.iter().map(|v| (v - m).powi(2)).sum::<f64>();
    }
    let msb = ssb / (g - 1) as f64;
    let msw = ssw / (n - g) as f64;
    if msb <= 0.0 {
        return None;
    }
    let nf = n as f64;
    let n0 = (nf - groups.iter().map(|x| (x.len() * x.len()) as f64).sum::<f64>() / nf) / (g - 1) as f64;
    Some(((msb - msw) / (msb + (n0 - 1.0) * msw), (msb - msw) / msb))
}

/// Kish's effective sample size (Σw)²/Σw² of respondent weights.
pub fn kish_effective_n(weights: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (mut s, mut s2) = (0.0, 0.0);
    for w in weights {
        s += w;
        s2 += w * w;
    }
    (s2 > 0.0).then(|| s * s / s2)
}

/// Quantile of sorted data with linear interpolation between order statistics
/// (Hyndman & Fan type 7, numpy's default): h = (n − 1)p.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// The central `level` percentile interval of the finite values in `xs`.
pub fn percentile_interval(xs: &mut [f64], level: f64) -> Option<[f64; 2]> {
    let mut finite: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if finite.is_empty() {
        return None;
    }
    finite.sort_by(f64::total_cmp);
    let tail = (1.0 - level) / 2.0;
    Some([quantile_sorted(&finite, tail)?, quantile_sorted(&finite, 1.0 - tail)?])
}

pub mod boundary;
pub mod pairwise;
pub mod reliability;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variance_by_hand() {
        // (2,4,2): mean 8/3; squared deviations 4/9, 16/9, 4/9 = 24/9; / 2 = 4/3.
        assert!((sample_variance(&[2.0, 4.0, 2.0]).unwrap() - 4.0 / 3.0).abs() < 1e-12);
        assert_eq!(sample_variance(&[3.0]), None);
    }

    #[test]
    fn alpha_matches_worked_example() {
        // worked-example.md: rows (5,4,4), (4,5,5), (2,3,2) → α = 3/2·(1 − 5.6667/14.3333) = 0.9070.
        let rows = vec![vec![5.0, 4.0, 4.0], vec![4.0, 5.0, 5.0], vec![2.0, 3.0, 2.0]];
        let expected = 1.5 * (1.0 - (17.0 / 3.0) / (43.0 / 3.0));
        assert!((cronbach_alpha(&rows).unwrap() - expected).abs() < 1e-12);
        assert!((expected - 0.9070).abs() < 1e-4);
    }

    #[test]
    fn alpha_reference_implementation() {
        // An independent textbook form: α = k/(k−1) · (1 − Σσ²_i/σ²_X) computed with
        // population variances gives the same α (the n/(n−1) factors cancel).
        let rows = vec![
            vec![1.0, 2.0, 2.0, 3.0],
            vec![2.0, 2.0, 3.0, 3.0],
            vec![4.0, 5.0, 4.0, 5.0],
            vec![3.0, 3.0, 4.0, 2.0],
            vec![5.0, 4.0, 5.0, 5.0],
        ];
        let pop_var = |xs: &[f64]| {
            let m = xs.iter().sum::<f64>() / xs.len() as f64;
            xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / xs.len() as f64
        };
        let k = 4.0;
        let items: f64 = (0..4).map(|j| pop_var(&rows.iter().map(|r| r[j]).collect::<Vec<_>>())).sum();
        let total = pop_var(&rows.iter().map(|r| r.iter().sum()).collect::<Vec<_>>());
        let reference = k / (k - 1.0) * (1.0 - items / total);
        assert!((cronbach_alpha(&rows).unwrap() - reference).abs() < 1e-12);
    }

    #[test]
    fn alpha_needs_three_rows_and_variation() {
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![2.0, 3.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![3.0, 3.0], vec![3.0, 3.0], vec![3.0, 3.0]]), None);
    }

    #[test]
    fn rwg_matches_worked_example() {
        // σ² = (25 − 1)/12 = 2.
        assert_eq!(uniform_null_variance(5), 2.0);
        // top_manager: s̄² = 0.5, J = 3 → 3·0.75/(3·0.75 + 0.25) = 0.9.
        assert!((rwg_j(&[0.5, 0.5, 0.5], 2.0).unwrap() - 0.9).abs() < 1e-12);
        // frontline: variances 4/3 and 1 → s̄² = 7/6, J = 2 → 2·(5/12)/(2·(5/12) + 7/12) = 10/17.
        assert!((rwg_j(&[4.0 / 3.0, 1.0], 2.0).unwrap() - 10.0 / 17.0).abs() < 1e-12);
        // Disagreement beyond the null → 0.
        assert_eq!(rwg_j(&[2.5, 3.0], 2.0), Some(0.0));
        assert_eq!(rwg_j(&[], 2.0), None);
    }

    #[test]
    fn t_quantiles_match_tables() {
        // Student t tables at 0.975: df 1 → 12.7062, df 2 → 4.3027, df 10 → 2.2281.
        assert!((t_quantile(0.95, 1.0).unwrap() - 12.7062).abs() < 1e-4);
        assert!((t_quantile(0.95, 2.0).unwrap() - 4.3027).abs() < 1e-4);
        assert!((t_quantile(0.95, 10.0).unwrap() - 2.2281).abs() < 1e-4);
        assert_eq!(t_quantile(0.95, 0.0), None);
        // df = ∞ is the normal: 1.95996.
        assert!((t_quantile(0.95, f64::INFINITY).unwrap() - 1.959_964).abs() < 1e-5);
        // No spread at all: the interval is the point, the difference certain.
        let e = welch(&[
            (1.0, GroupMoments { mean: 4.0, var: 0.0, n: 20 }),
            (-1.0, GroupMoments { mean: 2.0, var: 0.0, n: 20 }),
        ])
        .unwrap();
        assert_eq!(e.interval(0.95, -4.0, 4.0), Some([2.0, 2.0]));
        assert_eq!(e.p_value(), Some(0.0));
        // Two-sided p of t = 2.2281 at df 10 is 0.05.
        assert!((t_p_value(2.2281, 10.0).unwrap() - 0.05).abs() < 1e-4);
    }

    #[test]
    fn holm_by_hand() {
        // Sorted 0.01, 0.02, 0.04 (m = 3): 3·0.01 = 0.03, max(0.03, 2·0.02) = 0.04,
        // max(0.04, 1·0.04) = 0.04; returned in input order.
        let adj = holm(&[0.04, 0.01, 0.02]);
        let expected = [0.04, 0.03, 0.04];
        assert!(adj.iter().zip(expected).all(|(a, e)| (a - e).abs() < 1e-12), "{adj:?}");
        assert_eq!(holm(&[0.6, 0.7]), [1.0, 1.0]);
    }

    #[test]
    fn welch_by_hand() {
        // Two groups (mean 4, var 1, n 4) and (mean 2, var 4, n 5):
        // var = 1/4 + 4/5 = 1.05; df = 1.05² / ((1/4)²/3 + (4/5)²/4) = 1.1025/0.1808333 = 6.0968.
        let a = GroupMoments { mean: 4.0, var: 1.0, n: 4 };
        let b = GroupMoments { mean: 2.0, var: 4.0, n: 5 };
        let e = welch(&[(1.0, a), (-1.0, b)]).unwrap();
        assert!((e.value - 2.0).abs() < 1e-12 && (e.se - 1.05f64.sqrt()).abs() < 1e-12);
        assert!((e.df - 1.1025 / (0.0625 / 3.0 + 0.64 / 4.0)).abs() < 1e-9);
        assert!(welch(&[(1.0, GroupMoments { mean: 1.0, var: 0.0, n: 1 })]).is_none());
    }

    #[test]
    fn icc_by_hand() {
        // Groups (1, 3) and (4, 6, 5): grand mean 19/5 = 3.8. SSB = 2·(2 − 3.8)² + 3·(5 − 3.8)² = 10.8,
        // MSB = 10.8; SSW = 2 + 2 = 4, MSW = 4/3; n₀ = (5 − 13/5)/1 = 2.4.
        let (i1, i2) = icc(&[&[1.0, 3.0], &[4.0, 6.0, 5.0]]).unwrap();
        let (msb, msw) = (10.8, 4.0 / 3.0);
        assert!((i1 - (msb - msw) / (msb + 1.4 * msw)).abs() < 1e-12);
        assert!((i2 - (msb - msw) / msb).abs() < 1e-12);
        assert!(icc(&[&[1.0, 2.0]]).is_none());
    }

    #[test]
    fn pairwise_alpha_reduces_to_listwise_on_complete_data() {
        let rows = [[1.0, 2.0, 2.0], [2.0, 2.0, 3.0], [4.0, 5.0, 4.0], [3.0, 3.0, 4.0], [5.0, 4.0, 5.0]];
        let items: Vec<Vec<Option<f64>>> = (0..3).map(|j| rows.iter().map(|r| Some(r[j])).collect()).collect();
        let listwise = cronbach_alpha(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()).unwrap();
        let (alpha, n) = pairwise_alpha(&items);
        assert!((alpha.unwrap() - listwise).abs() < 1e-12);
        assert_eq!(n, 5);
    }

    #[test]
    fn quantile_type7() {
        // numpy.quantile([1,2,3,4], 0.25) = 1 + 0.75·1 = 1.75.
        assert_eq!(quantile_sorted(&[1.0, 2.0, 3.0, 4.0], 0.25), Some(1.75));
        let mut xs = vec![4.0, 1.0, f64::NAN, 3.0, 2.0];
        // Non-finite values are left out; 95 % interval of 1..4: h = 3·0.025 = 0.075 → 1.075; 3·0.975 = 2.925 → 3.925.
        let [lo, hi] = percentile_interval(&mut xs, 0.95).unwrap();
        assert!((lo - 1.075).abs() < 1e-12 && (hi - 3.925).abs() < 1e-12);
    }
}

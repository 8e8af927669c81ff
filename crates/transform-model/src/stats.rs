//! Small statistical kernels: means, sample variances, Cronbach's alpha, r_wg(J), quantiles.

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
    fn quantile_type7() {
        // numpy.quantile([1,2,3,4], 0.25) = 1 + 0.75·1 = 1.75.
        assert_eq!(quantile_sorted(&[1.0, 2.0, 3.0, 4.0], 0.25), Some(1.75));
        let mut xs = vec![4.0, 1.0, f64::NAN, 3.0, 2.0];
        // Non-finite values are left out; 95 % interval of 1..4: h = 3·0.025 = 0.075 → 1.075; 3·0.975 = 2.925 → 3.925.
        let [lo, hi] = percentile_interval(&mut xs, 0.95).unwrap();
        assert!((lo - 1.075).abs() < 1e-12 && (hi - 3.925).abs() < 1e-12);
    }
}

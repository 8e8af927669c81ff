//! Reliability kernels of an item matrix with missing answers, as R's `psych::alpha` and
//! `psych::omega` define them: one pairwise covariance matrix C, its correlation matrix
//! R = cov2cor(C), and every figure (alpha, standardised alpha, r̄, item-rest r, alpha if
//! deleted, one-factor omega total) read from C or R.

use super::{covariance, sample_variance};

/// Pairwise covariances of item columns (`items[j][r]` = respondent r's answer to item j):
/// each variance over those who answered the item, each covariance over those who answered
/// both (ddof = 1). `n[a][b]` counts the respondents behind entry (a, b).
#[derive(Debug, Clone, PartialEq)]
pub struct PairwiseCov {
    /// Covariance of items a and b; `None` below two respondents answering both.
    pub cov: Vec<Vec<Option<f64>>>,
    /// Respondents behind each entry.
    pub n: Vec<Vec<usize>>,
}

impl PairwiseCov {
    /// The pairwise covariances of `items`.
    pub fn of(items: &[Vec<Option<f64>>]) -> Self {
        let j = items.len();
        let mut cov = vec![vec![None; j]; j];
        let mut n = vec![vec![0; j]; j];
        for a in 0..j {
            let own: Vec<f64> = items[a].iter().flatten().copied().collect();
            n[a][a] = own.len();
            cov[a][a] = sample_variance(&own);
            for b in a + 1..j {
                let (xs, ys): (Vec<f64>, Vec<f64>) =
                    items[a].iter().zip(&items[b]).filter_map(|(x, y)| Some(((*x)?, (*y)?))).unzip();
                let c = covariance(&xs, &ys);
                (cov[a][b], cov[b][a], n[a][b], n[b][a]) = (c, c, xs.len(), xs.len());
            }
        }
        PairwiseCov { cov, n }
    }

    /// The entries as a plain matrix when each rests on at least `min_n` respondents
    /// (an entry that does not is withheld, so no figure is read from it).
    pub fn usable(&self, min_n: usize) -> Vec<Vec<Option<f64>>> {
        let j = self.cov.len();
        (0..j).map(|a| (0..j).map(|b| self.cov[a][b].filter(|_| self.n[a][b] >= min_n)).collect()).collect()
    }
}

/// The sub-matrix of `keep` when every entry of it is defined.
fn submatrix(c: &[Vec<Option<f64>>], keep: &[usize]) -> Option<Vec<Vec<f64>>> {
    keep.iter().map(|&a| keep.iter().map(|&b| c[a][b]).collect()).collect()
}

fn total(m: &[Vec<f64>]) -> f64 {
    m.iter().flatten().sum()
}

/// Raw Cronbach's alpha of a covariance matrix: J/(J−1)·(1 − tr C/ΣC); `None` under 2
/// items or when ΣC ≤ 0.
pub fn alpha_of_cov(c: &[Vec<f64>]) -> Option<f64> {
    let j = c.len() as f64;
    let sum = total(c);
    let trace: f64 = (0..c.len()).map(|a| c[a][a]).sum();
    (c.len() >= 2 && sum > 0.0).then(|| j / (j - 1.0) * (1.0 - trace / sum))
}

/// Alpha of the items `keep` of a (possibly partly withheld) covariance matrix.
pub fn alpha_of(c: &[Vec<Option<f64>>], keep: &[usize]) -> Option<f64> {
    alpha_of_cov(&submatrix(c, keep)?)
}

/// Alpha when item `i` is deleted (psych's `alpha.drop`): the alpha of the other items;
/// `None` when fewer than 2 remain.
pub fn alpha_if_deleted(c: &[Vec<Option<f64>>], i: usize) -> Option<f64> {
    let keep: Vec<usize> = (0..c.len()).filter(|&a| a != i).collect();
    alpha_of(c, &keep)
}

/// Item-rest correlation of item `i` (psych's `r.drop`): the correlation of the item with
/// the sum of the other items, from the covariance matrix: Σ_{j≠i} C_ij / √(C_ii · ΣC₋ᵢ).
/// With complete data this is the plain Pearson correlation of the item and the rest score.
pub fn item_rest_r(c: &[Vec<Option<f64>>], i: usize) -> Option<f64> {
    let all: Vec<usize> = (0..c.len()).collect();
    let m = submatrix(c, &all)?;
    if m.len() < 2 {
        return None;
    }
    let c_drop: f64 = (0..m.len()).filter(|&b| b != i).map(|b| m[i][b]).sum();
    let v_drop: f64 = (0..m.len())
        .filter(|&a| a != i)
        .flat_map(|a| (0..m.len()).filter(|&b| b != i).map(move |b| (a, b)))
        .map(|(a, b)| m[a][b])
        .sum();
    let denom = m[i][i] * v_drop;
    (denom > 0.0).then(|| c_drop / denom.sqrt())
}

/// R = cov2cor(C): C_ab / √(C_aa·C_bb); `None` when an item does not vary.
pub fn cov_to_cor(c: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    if c.iter().enumerate().any(|(a, row)| row[a] <= 0.0) {
        return None;
    }
    Some(
        c.iter()
            .enumerate()
            .map(|(a, row)| row.iter().enumerate().map(|(b, v)| v / (c[a][a] * c[b][b]).sqrt()).collect())
            .collect(),
    )
}

/// Average inter-item correlation r̄ = (ΣR − J)/(J(J−1)); `None` under 2 items.
pub fn average_r(r: &[Vec<f64>]) -> Option<f64> {
    let j = r.len() as f64;
    (r.len() >= 2).then(|| (total(r) - j) / (j * (j - 1.0)))
}

/// Standardised alpha from r̄ (Spearman–Brown): J·r̄/(1 + (J−1)·r̄).
pub fn alpha_std(j: usize, average_r: f64) -> Option<f64> {
    let j = j as f64;
    let denom = 1.0 + (j - 1.0) * average_r;
    (denom != 0.0).then(|| j * average_r / denom)
}

/// Eigenvalues (descending) and eigenvectors (columns of `vectors`, `vectors[row][k]`) of a
/// symmetric matrix by cyclic Jacobi rotations: exact to rounding for the small matrices
/// of a questionnaire dimension, with no dependency on a linear-algebra crate.
pub fn symmetric_eigen(m: &[Vec<f64>]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = m.len();
    let mut a: Vec<Vec<f64>> = m.to_vec();
    let mut v: Vec<Vec<f64>> = (0..n).map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect()).collect();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|p| (0..n).filter(move |&q| q != p).map(move |q| (p, q)))
            .map(|(p, q)| a[p][q] * a[p][q])
            .sum();
        if off < 1e-30 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[p][q].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let (c, s) = (1.0 / (t * t + 1.0).sqrt(), t / (t * t + 1.0).sqrt());
                for row in a.iter_mut() {
                    let (akp, akq) = (row[p], row[q]);
                    row[p] = c * akp - s * akq;
                    row[q] = s * akp + c * akq;
                }
                let (row_p, row_q) = (a[p].clone(), a[q].clone());
                for (k, (apk, aqk)) in row_p.into_iter().zip(row_q).enumerate() {
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vkp, vkq) = (row[p], row[q]);
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| a[y][y].total_cmp(&a[x][x]).then(x.cmp(&y)));
    let values = order.iter().map(|&k| a[k][k]).collect();
    let vectors = (0..n).map(|row| order.iter().map(|&k| v[row][k]).collect()).collect();
    (values, vectors)
}

/// Largest communality a one-factor solution may reach: uniqueness ≥ 0.005, the bound of
/// psych's `fa` and factor_analyzer's minres.
pub const MAX_COMMUNALITY: f64 = 0.995;

/// A one-factor solution of a correlation matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct OneFactor {
    /// Loadings λ (sign chosen so their sum is positive).
    pub loadings: Vec<f64>,
    /// A communality reached the bound (a Heywood case): omega is at best approximate.
    pub heywood: bool,
    /// The iteration converged within its limit.
    pub converged: bool,
}

/// One factor by iterated principal-axis factoring: communalities start at the squared
/// multiple correlations (1 − 1/diag(R⁻¹)), then h² ← λ² of the first eigenpair of R with
/// h² on its diagonal, until no h² moves by 1e-12. The fixed point is a stationary point of
/// the unweighted least-squares (minres) fit, the estimator of psych's `fa(fm = "minres")`
/// and factor_analyzer's `method="minres"`. `None` under 3 items (one factor is not
/// identified) or when R is singular.
pub fn one_factor(r: &[Vec<f64>]) -> Option<OneFactor> {
    let n = r.len();
    if n < 3 {
        return None;
    }
    let mut h2 = smc(r)?;
    let mut heywood = false;
    let mut converged = false;
    let mut loadings = vec![0.0; n];
    for _ in 0..10_000 {
        let mut reduced = r.to_vec();
        for (i, row) in reduced.iter_mut().enumerate() {
            row[i] = h2[i];
        }
        let (values, vectors) = symmetric_eigen(&reduced);
        let root = values[0].max(0.0).sqrt();
        loadings = (0..n).map(|i| vectors[i][0] * root).collect();
        let next: Vec<f64> = loadings.iter().map(|l| (l * l).min(MAX_COMMUNALITY)).collect();
        heywood = loadings.iter().any(|l| l * l > MAX_COMMUNALITY);
        let moved = next.iter().zip(&h2).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        h2 = next;
        if moved < 1e-12 {
            converged = true;
            break;
        }
    }
    if loadings.iter().sum::<f64>() < 0.0 {
        loadings.iter_mut().for_each(|l| *l = -*l);
    }
    Some(OneFactor { loadings, heywood, converged })
}

/// Squared multiple correlations 1 − 1/(R⁻¹)_ii; `None` for a singular R.
fn smc(r: &[Vec<f64>]) -> Option<Vec<f64>> {
    let inv = invert(r)?;
    Some((0..r.len()).map(|i| (1.0 - 1.0 / inv[i][i]).clamp(0.0, MAX_COMMUNALITY)).collect())
}

/// Gauss–Jordan inverse with partial pivoting; `None` when (near) singular.
fn invert(m: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = m.len();
    let mut a: Vec<Vec<f64>> = m
        .iter()
        .enumerate()
        .map(|(i, row)| row.iter().copied().chain((0..n).map(|j| f64::from(i == j))).collect())
        .collect();
    for col in 0..n {
        let pivot = (col..n).max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        let p = a[col][col];
        a[col].iter_mut().for_each(|x| *x /= p);
        for row in 0..n {
            if row != col {
                let f = a[row][col];
                if f != 0.0 {
                    let pivot_row = a[col].clone();
                    a[row].iter_mut().zip(&pivot_row).for_each(|(x, y)| *x -= f * y);
                }
            }
        }
    }
    Some(a.into_iter().map(|row| row[n..].to_vec()).collect())
}

/// McDonald's omega total of a one-factor solution as psych's `omega` reports it:
/// ω_t = (ΣR − Σu²)/ΣR, with uniquenesses u² = 1 − λ² and ΣR the sum of the correlation
/// matrix (the variance of the standardised total score).
pub fn omega_total(r: &[Vec<f64>], loadings: &[f64]) -> Option<f64> {
    let vt = total(r);
    let u2: f64 = loadings.iter().map(|l| 1.0 - l * l).sum();
    (vt > 0.0).then(|| (vt - u2) / vt)
}

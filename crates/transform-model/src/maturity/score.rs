//! Respondent dimension scores and the statistics built from per-group sums.
//!
//! The point estimates and every bootstrap replicate go through [`Layout::statistics`],
//! so an interval always describes exactly the figure it is reported beside.

use crate::model::Model;
use crate::responses::Responses;

use super::Weighting;
use super::groups::Group;

/// Dimension scores of the included respondents, packed group by group.
pub(crate) struct Packed {
    pub dims: usize,
    /// Per group: `n_g × dims` scores, NaN when the respondent has no score.
    pub scores: Vec<Vec<f64>>,
}

/// A respondent's dimension score: the mean of the answered items (reverse-coded as
/// min + max − v) when at least ⌈asked/2⌉ of the items asked of their role are answered.
pub(crate) fn respondent_scores(model: &Model, responses: &Responses, r: usize, out: &mut [f64]) {
    let codes = responses.codes(r);
    let (min, max) = (model.scale().min, model.scale().max);
    for (d, slot) in out.iter_mut().enumerate() {
        let needed = responses.needed(model, r, d);
        let (mut sum, mut n) = (0i64, 0usize);
        for &item in model.dimension_items(d) {
            let c = codes[item];
            if c == 0 {
                continue;
            }
            let v = c as i64 + min - 1;
            sum += if model.items()[item].reverse { min + max - v } else { v };
            n += 1;
        }
        *slot = if needed > 0 && n >= needed { sum as f64 / n as f64 } else { f64::NAN };
    }
}

pub(crate) fn pack(model: &Model, responses: &Responses, groups: &[Group]) -> Packed {
    let dims = model.dimensions().len();
    let scores = groups
        .iter()
        .map(|g| {
            let mut s = vec![0.0; g.members.len() * dims];
            for (j, &r) in g.members.iter().enumerate() {
                respondent_scores(model, responses, r, &mut s[j * dims..(j + 1) * dims]);
            }
            s
        })
        .collect();
    Packed { dims, scores }
}

/// Sums and counts of scores per group × dimension.
#[derive(Clone)]
pub(crate) struct Sums {
    pub sum: Vec<f64>,
    pub cnt: Vec<u32>,
}

impl Sums {
    pub fn zero(groups: usize, dims: usize) -> Self {
        Sums { sum: vec![0.0; groups * dims], cnt: vec![0; groups * dims] }
    }

    /// Adds one respondent's score row to group `g`.
    #[inline]
    pub fn add(&mut self, g: usize, row: &[f64]) {
        let dims = row.len();
        let sum = &mut self.sum[g * dims..(g + 1) * dims];
        let cnt = &mut self.cnt[g * dims..(g + 1) * dims];
        for d in 0..dims {
            let v = row[d];
            let present = !v.is_nan();
            sum[d] += if present { v } else { 0.0 };
            cnt[d] += present as u32;
        }
    }
}

/// Which figures are reported, fixed on the original sample.
pub(crate) struct Layout {
    pub groups: usize,
    pub dims: usize,
    /// `reported[g * dims + d]`: the group has ≥ k scored respondents on the dimension.
    pub reported: Vec<bool>,
    /// Dimensions with a municipality score (at least one reported group).
    pub scored_dims: Vec<bool>,
    /// Balanced weight of each cell: the number of the group's roles asked the dimension
    /// (1 for a role group; the merged roles for `other`).
    pub weights: Vec<f64>,
    pub weighting: Weighting,
}

impl Layout {
    /// Statistic vector: group × dimension means, then dimension scores, then the overall
    /// mean. NaN where a figure is not reported or has no data in this sample.
    pub fn statistics(&self, s: &Sums, out: &mut Vec<f64>) {
        let (gs, ds) = (self.groups, self.dims);
        out.clear();
        for i in 0..gs * ds {
            out.push(if self.reported[i] && s.cnt[i] > 0 { s.sum[i] / s.cnt[i] as f64 } else { f64::NAN });
        }
        for d in 0..ds {
            let idx = (0..gs).map(|g| g * ds + d).filter(|&i| self.reported[i]);
            let value = match self.weighting {
                Weighting::Balanced => {
                    let (mut total, mut weight) = (0.0, 0.0);
                    for i in idx {
                        total += self.weights[i] * out[i];
                        weight += self.weights[i];
                    }
                    if weight == 0.0 { f64::NAN } else { total / weight }
                }
                Weighting::Pooled => {
                    let (mut total, mut n) = (0.0, 0u64);
                    for i in idx {
                        total += s.sum[i];
                        n += s.cnt[i] as u64;
                    }
                    if n == 0 { f64::NAN } else { total / n as f64 }
                }
            };
            out.push(value);
        }
        let scored = self.scored_dims.iter().filter(|&&x| x).count();
        let overall = if scored == 0 {
            f64::NAN
        } else {
            (0..ds).filter(|&d| self.scored_dims[d]).map(|d| out[gs * ds + d]).sum::<f64>() / scored as f64
        };
        out.push(overall);
    }

    pub fn dim(&self, d: usize) -> usize {
        self.groups * self.dims + d
    }
    pub fn overall(&self) -> usize {
        self.groups * self.dims + self.dims
    }
}

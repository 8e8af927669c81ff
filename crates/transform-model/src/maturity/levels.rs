//! Levels with their uncertainty: `borderline` when an interval crosses a level boundary,
//! and P(level) as the share of bootstrap replicates at each level.

use super::types::LevelProbabilities;
use crate::model::Model;

/// The interval crosses a level boundary: some boundary b (a whole score between two
/// levels) has lo < b ≤ hi.
pub(crate) fn borderline(model: &Model, ci: [f64; 2]) -> bool {
    let (lo, hi) = (ci[0], ci[1]);
    let min = model.scale().min;
    (2..=model.levels().len() as i64).map(|l| (l + min - 1) as f64).any(|b| lo < b && b <= hi)
}

/// Shares of the finite replicate values at each level, "1".."L" (all levels listed).
pub(crate) fn probabilities(model: &Model, levels: impl Iterator<Item = i64>) -> Option<LevelProbabilities> {
    let top = model.levels().len();
    let mut counts = vec![0usize; top];
    let mut total = 0usize;
    for l in levels {
        counts[(l - 1) as usize] += 1;
        total += 1;
    }
    (total > 0)
        .then(|| counts.iter().enumerate().map(|(i, &c)| ((i + 1).to_string(), c as f64 / total as f64)).collect())
}

/// P(level) of one statistic's replicates.
pub(crate) fn of_column(model: &Model, column: &[f64]) -> Option<LevelProbabilities> {
    probabilities(model, column.iter().filter(|x| x.is_finite()).map(|&x| model.level_of(x)))
}

/// P(staged level): per replicate, the lowest level over the scored dimensions (a
/// replicate where one of them has no value is left out).
pub(crate) fn of_staged(model: &Model, columns: &[&Vec<f64>]) -> Option<LevelProbabilities> {
    let reps = columns.first().map_or(0, |c| c.len());
    let staged = (0..reps).filter_map(|b| {
        columns
            .iter()
            .map(|c| c[b])
            .map(|x| x.is_finite().then(|| model.level_of(x)))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .min()
    });
    probabilities(model, staged)
}

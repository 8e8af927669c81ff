//! Levels with their uncertainty: `borderline` when an interval crosses a level boundary,
//! and P(level) as the share of bootstrap replicates at each level.

use super::types::LevelProbabilities;
use crate::model::Model;
use crate::stats::boundary::reaches;

/// The interval crosses a level boundary: some boundary b (a whole score between two
/// levels) is reached by hi and not by lo (lo < b ≤ hi, compared by `boundary::reaches`).
pub(crate) fn borderline(model: &Model, ci: [f64; 2]) -> bool {
    let (lo, hi) = (ci[0], ci[1]);
    let min = model.scale().min;
    (2..=model.levels().len() as i64).map(|l| (l + min - 1) as f64).any(|b| !reaches(lo, b) && reaches(hi, b))
}

/// Shares of the finite replicate values at each level 1..L (all levels listed).
pub(crate) fn probabilities(model: &Model, levels: impl Iterator<Item = i64>) -> Option<LevelProbabilities> {
    let top = model.levels().len();
    let mut counts = vec![0usize; top];
    let mut total = 0usize;
    for l in levels {
        counts[(l - 1) as usize] += 1;
        total += 1;
    }
    (total > 0).then(|| counts.iter().enumerate().map(|(i, &c)| (i as i64 + 1, c as f64 / total as f64)).collect())
}

/// P(level) of one statistic's replicates.
pub(crate) fn of_column(model: &Model, column: &[f64]) -> Option<LevelProbabilities> {
    probabilities(model, column.iter().filter(|x| x.is_finite()).map(|&x| model.level_of(x)))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::maturity::recommend;
    use crate::maturity::types::TargetStatus;
    use crate::stats::boundary::{TOLERANCE, gap_to};

    fn model() -> Model {
        Model::from_json(crate::maturity::worked_example::WORKED_MODEL).unwrap()
    }

    proptest! {
        /// Issue 33, item 1: at every boundary b and for scores within 1e-9 (and a little
        /// beyond) of it, the level, the gap, the status, `borderline`, the level
        /// probabilities and the recommendation all say the same: b is reached exactly when
        /// `boundary::reaches` says so.
        #[test]
        fn every_figure_agrees_at_every_boundary(b in 2i64..=5, eps in -3e-9f64..3e-9, tiny in 0u64..4) {
            let model = model();
            let boundary = b as f64;
            // Half the cases a whole number of ulps off the boundary (the rounding case).
            let score = if tiny < 2 {
                f64::from_bits(boundary.to_bits() - tiny)
            } else {
                boundary + eps
            };
            let reached = crate::stats::boundary::reaches(score, boundary);
            prop_assert_eq!(reached, score >= boundary - TOLERANCE);
            prop_assert_eq!(model.level_of(score) >= b, reached);
            prop_assert_eq!(gap_to(score, boundary) == 0.0, reached);
            let status = recommend::status(Some([score, score]), boundary).unwrap();
            prop_assert_eq!(status == TargetStatus::AtOrAbove, reached);
            prop_assert_eq!(status == TargetStatus::ClearlyBelow, !reached);
            // An interval from the score up to half a level crosses b exactly when the
            // score has not reached it (above b the next boundary is a whole level away).
            prop_assert_eq!(borderline(&model, [score, boundary + 0.5]), !reached);
            let p = of_column(&model, &[score]).unwrap();
            prop_assert_eq!(p[&b] == 1.0, reached);
            let mut dims = vec![dimension(Some(gap_to(score, boundary)))];
            dims.push(dimension(None));
            let recs = recommend::recommendations(&model, &dims);
            prop_assert_eq!(recs.is_empty(), reached);
        }
    }

    fn dimension(gap: Option<f64>) -> crate::maturity::DimensionResult {
        crate::maturity::DimensionResult {
            id: "A".into(),
            label: crate::localized::Localized::da_en("A", "A"),
            score: None,
            level: None,
            progress: None,
            ci: None,
            se: None,
            df: None,
            borderline: None,
            level_probabilities: None,
            partial: false,
            missing_perspectives: Vec::new(),
            n: 0,
            n_effective: None,
            alpha: None,
            alpha_n: None,
            icc1: None,
            icc2: None,
            target: 0.0,
            gap,
            status: None,
            priority_score: None,
            priority_gap: None,
            common_items: Vec::new(),
        }
    }
}

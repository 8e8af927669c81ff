//! The one rule for comparing a score with a level boundary or a target (docs/scoring.md,
//! "Boundaries"). Scores are means of integer answers computed in floating point, so a mean
//! that is exactly 3 may come out as 2.9999999999999996; every comparison of a score with a
//! whole-number boundary or target goes through [`reaches`], with the documented
//! [`TOLERANCE`], so that levels, gaps, statuses, recommendations, `borderline`, level
//! probabilities, the plan and the report never disagree at a boundary.

/// Tolerance of every boundary comparison: a score within 1e-9 below a boundary has
/// reached it. A score that is not whole differs from the next whole number by at least
/// 1/(the mean's denominator), far more than 1e-9 in any survey.
pub const TOLERANCE: f64 = 1e-9;

/// The score has reached the boundary (or target): `score ≥ boundary − 1e-9`.
pub fn reaches(score: f64, boundary: f64) -> bool {
    score >= boundary - TOLERANCE
}

/// The whole number of boundaries passed: ⌊score⌋, or ⌊score⌋ + 1 when the score
/// [`reaches`] the next whole number. The level rule is this, shifted to the scale.
pub fn whole_part(score: f64) -> i64 {
    let f = score.floor();
    if reaches(score, f + 1.0) { f as i64 + 1 } else { f as i64 }
}

/// The distance from the score up to the target: 0 when the score [`reaches`] it.
pub fn gap_to(score: f64, target: f64) -> f64 {
    if reaches(score, target) { 0.0 } else { target - score }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_of_exactly_three_in_floating_point_reaches_three() {
        // 29 + 11 + 19 + 24 + 14 + 11 = 108 answers-points over 6 persons × 6 items: the
        // per-person means summed in this order give 2.9999999999999996, not 3.
        let per_person = [29.0 / 6.0, 11.0 / 6.0, 19.0 / 6.0, 24.0 / 6.0, 14.0 / 6.0, 11.0 / 6.0];
        let mean = per_person.iter().sum::<f64>() / 6.0;
        assert!(mean < 3.0, "{mean}");
        assert!(reaches(mean, 3.0));
        assert_eq!(whole_part(mean), 3);
        assert_eq!(gap_to(mean, 3.0), 0.0);
        assert_eq!(gap_to(2.5, 3.0), 0.5);
        assert!(!reaches(3.0 - 1e-6, 3.0));
        assert_eq!(whole_part(3.0 - 1e-6), 2);
    }
}

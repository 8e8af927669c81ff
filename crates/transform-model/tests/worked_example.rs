//! The golden test: every figure of shared/design/worked-example.md, computed by hand there.

mod common;

use common::{close, worked};
use transform_model::{AssessOptions, Weighting, assess};

fn options(weighting: Weighting, bootstrap: usize) -> AssessOptions {
    AssessOptions { weighting, min_group_size: 2, bootstrap, seed: 7, ..AssessOptions::default() }
}

#[test]
fn balanced_scores_levels_and_overall() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Balanced, 0)).unwrap();
    // E1 is the only external partner: 1 < k = 2, and "other" would hold only E1.
    assert_eq!(a.excluded_for_anonymity, 1);
    assert_eq!(a.n_respondents, 6);
    let (da, db) = (&a.dimensions[0], &a.dimensions[1]);
    // A = (4.5 + 2.9444)/2 = 3.7222; B = (4.5 + 2.0)/2 = 3.25.
    assert!(close(da.score.unwrap(), 3.7222), "{:?}", da.score);
    assert!(close(db.score.unwrap(), 3.25));
    assert_eq!((da.level, db.level), (Some(3), Some(3)));
    assert!(close(da.progress.unwrap(), 0.7222) && close(db.progress.unwrap(), 0.25));
    // n behind A: T1, T2, F1, F2, F3 (F4 has 1 answered < 2 needed).
    assert_eq!((da.n, db.n), (5, 5));
    assert_eq!(a.overall.level, Some(3));
    assert!(close(a.overall.score.unwrap(), 3.4861));
    assert!(a.overall.ci.is_none() && da.ci.is_none());
}

#[test]
fn pooled_scores() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Pooled, 0)).unwrap();
    // A = (4.3333+4.6667+2.3333+3.5+3.0)/5 = 3.5667; B = (4+5+2+3+1)/5 = 3.0.
    assert!(close(a.dimensions[0].score.unwrap(), 3.5667));
    assert!(close(a.dimensions[1].score.unwrap(), 3.0));
}

#[test]
fn groups_and_agreement() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Balanced, 0)).unwrap();
    let roles: Vec<&str> = a.groups.iter().map(|g| g.role.as_str()).collect();
    assert_eq!(roles, ["top_manager", "frontline"]);
    let (top, front) = (&a.groups[0], &a.groups[1]);
    assert_eq!((top.n, front.n), (2, 4));
    assert!(close(top.dimensions[0].score.unwrap(), 4.5));
    assert!(close(front.dimensions[0].score.unwrap(), 2.9444));
    assert_eq!(front.dimensions[0].n, Some(3));
    assert!(close(top.dimensions[1].score.unwrap(), 4.5));
    assert!(close(front.dimensions[1].score.unwrap(), 2.0));
    // r_wg(J) of A: top 0.9, frontline 0.5882 (worked example).
    assert!(close(top.dimensions[0].rwg.unwrap(), 0.9));
    assert!(close(front.dimensions[0].rwg.unwrap(), 0.5882));
    // r_wg of B for top managers: B1 (4,5) → s² = 0.5, J = 1: 0.75/(0.75 + 0.25) = 0.75.
    assert!(close(top.dimensions[1].rwg.unwrap(), 0.75));
}

#[test]
fn reliability() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Balanced, 0)).unwrap();
    assert!(close(a.dimensions[0].alpha.unwrap(), 0.9070));
    assert_eq!(a.dimensions[0].alpha_n, 3);
    // Only E1 answered B1 and B2, and E1 is left out.
    assert_eq!(a.dimensions[1].alpha, None);
    assert!(a.warnings.iter().any(|w| w.contains("dimension B") && w.contains("alpha not computed")));
}

#[test]
fn perception_gaps_targets_and_recommendations() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Balanced, 0)).unwrap();
    assert_eq!(a.gaps.len(), 2);
    assert!(a.gaps.iter().all(|g| g.a == "top_manager" && g.b == "frontline"));
    assert!(close(a.gaps[0].diff, 1.5556) && close(a.gaps[1].diff, 2.5));
    assert_eq!(a.gaps[0].significant, None);
    // Target = 3 + 1 = 4; gaps A = 0.2778, B = 0.75; percent = 1 − 1.0278/8 = 0.8715.
    assert_eq!(a.overall.target, 4);
    assert!(close(a.dimensions[0].gap.unwrap(), 0.2778) && close(a.dimensions[1].gap.unwrap(), 0.75));
    assert!(close(a.overall.percent_to_target.unwrap(), 0.8715));
    let order: Vec<&str> = a.recommendations.iter().map(|r| r.dimension.as_str()).collect();
    assert_eq!(order, ["B", "A"]);
    assert_eq!(a.recommendations[0].levers, ["g2"]);
    assert_eq!(a.recommendations[0].priority, 1);
}

#[test]
fn explicit_target_caps_gaps_at_zero() {
    let (model, responses) = worked();
    let o = AssessOptions { target: Some(3), ..options(Weighting::Balanced, 0) };
    let a = assess(&model, &responses, &o).unwrap();
    // Both scores exceed 3: gaps are 0, percent-to-target 1, no recommendation.
    assert_eq!(a.dimensions[0].gap, Some(0.0));
    assert_eq!(a.overall.percent_to_target, Some(1.0));
    assert!(a.recommendations.is_empty());
}

#[test]
fn bootstrap_intervals_cover_the_estimate_and_repeat() {
    let (model, responses) = worked();
    let a = assess(&model, &responses, &options(Weighting::Balanced, 400)).unwrap();
    let b = assess(&model, &responses, &options(Weighting::Balanced, 400)).unwrap();
    assert_eq!(a, b);
    for d in &a.dimensions {
        let [lo, hi] = d.ci.unwrap();
        assert!(lo <= d.score.unwrap() + 1e-9 && d.score.unwrap() <= hi + 1e-9, "{} {lo} {hi}", d.id);
    }
    // Top managers: A scores 4.333 and 4.667; a resample's mean lies in [4.333, 4.667].
    let [lo, hi] = a.groups[0].dimensions[0].ci.unwrap();
    assert!(lo >= 13.0 / 3.0 - 1e-9 && hi <= 14.0 / 3.0 + 1e-9);
    // Top managers score above front-line staff on B in every resample: min top mean is 4,
    // max frontline mean is 3, so the gap's interval excludes 0.
    assert_eq!(a.gaps[1].significant, Some(true));
    let other = assess(&model, &responses, &AssessOptions { seed: 8, ..options(Weighting::Balanced, 400) }).unwrap();
    assert_ne!(a.dimensions[0].ci, other.dimensions[0].ci, "the seed must matter");
}

#[test]
fn refused_below_k() {
    let (model, responses) = worked();
    // k = 8: all roles are small and merged they are 2 + 4 + 1 = 7 < 8.
    let o = AssessOptions { min_group_size: 8, bootstrap: 0, ..AssessOptions::default() };
    let err = assess(&model, &responses, &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        "anonymity: only 0 respondent(s) remain in groups of at least 8 (7 left out of smaller groups); at least 8 are needed, so no figure can be reported"
    );
}

#[test]
fn small_roles_merge_into_other() {
    let (model, responses) = worked();
    // k = 5: every role is small (2, 4, 1); merged they are 7 ≥ 5 → one group "other".
    let o = AssessOptions { min_group_size: 5, bootstrap: 0, ..AssessOptions::default() };
    let a = assess(&model, &responses, &o).unwrap();
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.groups[0].role, "other");
    assert_eq!(a.groups[0].roles, ["top_manager", "frontline", "external_partner"]);
    assert_eq!(a.excluded_for_anonymity, 0);
    // A: T1 4.3333, T2 4.6667, F1 2.3333, F2 3.5, F3 3.0, E1 3.0 (F4 unscored) → 6 ≥ 5.
    // mean = (13/3 + 14/3 + 7/3 + 3.5 + 3 + 3)/6 = 20.8333/6 = 3.4722.
    assert!(close(a.dimensions[0].score.unwrap(), 3.4722));
    // B: scored T1 4, T2 5, F1 2, F2 3, F3 1, E1 (4+5)/2 = 4.5 → mean 19.5/6 = 3.25.
    assert!(close(a.dimensions[1].score.unwrap(), 3.25));
}

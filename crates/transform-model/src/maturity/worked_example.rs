//! The golden test: every figure of the worked example (docs/scoring.md, after
//! shared/design/worked-example.md), each computed by hand there and restated in comments.
//! It lives inside the crate because it uses k = 2, below the floor every face enforces.

use super::options::FLOOR_LIFTED;
use super::*;
use crate::responses::ReadOptions;

pub(crate) const WORKED_MODEL: &str = include_str!("../../tests/fixtures/worked_model.json");
pub(crate) const WORKED_CSV: &str = include_str!("../../tests/fixtures/worked_responses.csv");

fn worked() -> (Model, Responses) {
    let model = Model::from_json(WORKED_MODEL).expect("worked model is valid");
    let responses = Responses::from_csv_str(&model, WORKED_CSV, &ReadOptions::default()).expect("worked CSV reads");
    (model, responses)
}

fn options(weighting: Weighting) -> AssessOptions {
    AssessOptions {
        weighting,
        min_group_size: 2,
        min_dispersion_n: 2,
        min_common_items: 1,
        bootstrap: 400,
        seed: 7,
        ..AssessOptions::default()
    }
}

fn run(o: &AssessOptions) -> Assessment {
    let (model, responses) = worked();
    FLOOR_LIFTED.with(|f| f.set(true));
    let a = assess(&model, &responses, o);
    FLOOR_LIFTED.with(|f| f.set(false));
    a.unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

fn close_ci(ci: Option<[f64; 2]>, lo: f64, hi: f64) -> bool {
    ci.is_some_and(|[a, b]| close(a, lo) && close(b, hi))
}

#[test]
fn scores_levels_and_anonymity() {
    let a = run(&options(Weighting::Balanced));
    // E1 is the only external partner: 1 < k = 2, and "other" would hold only E1.
    assert_eq!((a.excluded_for_anonymity, a.n_respondents), (1, 6));
    let (da, db) = (&a.dimensions[0], &a.dimensions[1]);
    // Balanced: A = (4.5 + 2.9444)/2 = 3.7222; B = (4.5 + 2.0)/2 = 3.25.
    assert!(close(da.score.unwrap(), 3.7222) && close(db.score.unwrap(), 3.25));
    assert_eq!((da.level, db.level), (Some(3), Some(3)));
    assert!(close(da.progress.unwrap(), 0.7222) && close(db.progress.unwrap(), 0.25));
    // T1, T2, F1, F2, F3 (F4 has 1 answered < 2 needed).
    assert_eq!((da.n, db.n), (5, 5));
    // external_partner is asked both dimensions and is not reported: partial.
    assert!(da.partial && db.partial);
    assert_eq!(da.missing_perspectives, ["external_partner"]);
    // Kish: 1/(2·(1/4)² + 3·(1/6)²) = 4.8.
    assert!(close(da.n_effective.unwrap(), 4.8));
    assert_eq!(a.overall.level, Some(3));
    // (3.7222 + 3.25)/2 = 3.4861.
    assert!(close(a.overall.score.unwrap(), 3.4861));
    let pooled = run(&options(Weighting::Pooled));
    // Pooled: A = (4.3333+4.6667+2.3333+3.5+3.0)/5 = 3.5667; B = (4+5+2+3+1)/5 = 3.0.
    assert!(close(pooled.dimensions[0].score.unwrap(), 3.5667));
    assert!(close(pooled.dimensions[1].score.unwrap(), 3.0));
    assert!(close(pooled.dimensions[0].n_effective.unwrap(), 5.0));
}

#[test]
fn groups_agreement_and_icc() {
    let a = run(&options(Weighting::Balanced));
    let roles: Vec<&str> = a.groups.iter().map(|g| g.role.as_str()).collect();
    assert_eq!(roles, ["top_manager", "frontline"]);
    let (top, front) = (&a.groups[0].dimensions, &a.groups[1].dimensions);
    assert!(close(top[0].score.unwrap(), 4.5) && close(front[0].score.unwrap(), 2.9444));
    assert_eq!(front[0].n, Some(3));
    // r_wg(J) of A: top s̄² = 0.5, J = 3 → uniform 0.9, slight skew 3(1 − 0.5/1.34)/(…) = 0.8344;
    // frontline s̄² = 1.1667, J = 2 → 0.5882 and 0.2291.
    assert!(close(top[0].rwg_uniform.unwrap(), 0.9) && close(top[0].rwg_slight_skew.unwrap(), 0.8344));
    assert!(close(front[0].rwg_uniform.unwrap(), 0.5882) && close(front[0].rwg_slight_skew.unwrap(), 0.2291));
    assert_eq!((top[0].j, front[0].j), (Some(3), Some(2)));
    // B rests on B1 alone for both roles: single_item, no agreement figure.
    assert!(top[1].single_item && front[1].single_item && top[1].rwg_uniform.is_none());
    // ICC of A: MSB 2.9037, MSW 0.2469, n₀ 2.4 → ICC(1) 0.8176, ICC(2) 0.9150.
    assert!(close(a.dimensions[0].icc1.unwrap(), 0.8176) && close(a.dimensions[0].icc2.unwrap(), 0.9150));
}

#[test]
fn pairwise_alpha() {
    let a = run(&options(Weighting::Balanced));
    // Σ matrix 11.3667, trace 4.9667 → α = 3/2·(1 − 4.9667/11.3667) = 0.8446; pairs 3, 5, 3.
    assert!(close(a.dimensions[0].alpha.unwrap(), 0.8446), "{:?}", a.dimensions[0].alpha);
    assert_eq!(a.dimensions[0].alpha_n, Some(3));
    // B: the pair (B1, B2) has no co-answering included respondent.
    assert_eq!((a.dimensions[1].alpha, a.dimensions[1].alpha_n), (None, Some(0)));
    assert!(a.warnings.iter().any(|w| w.kind == WarningKind::AlphaNotComputed && w.dimension.as_deref() == Some("B")));
}

#[test]
fn intervals() {
    let a = run(&options(Weighting::Balanced));
    let (top, front) = (&a.groups[0].dimensions, &a.groups[1].dimensions);
    // top A: 4.5 ± 12.7062·0.2357/√2, clipped: [2.3823, 5.0]; frontline A: [1.4904, 4.3984].
    assert!(close_ci(top[0].ci, 2.3823, 5.0) && close_ci(front[0].ci, 1.4904, 4.3984));
    assert!(close(top[0].sd.unwrap(), 0.2357));
    // top B: [1.0, 5.0] after clipping; frontline B: [1.0, 4.4841].
    assert!(close_ci(top[1].ci, 1.0, 5.0) && close_ci(front[1].ci, 1.0, 4.4841));
    // Balanced A: se 0.1884, df 2.7642 → [3.0927, 4.3518]; balanced B → [2.0061, 4.4939].
    assert!(close_ci(a.dimensions[0].ci, 3.0927, 4.3518), "{:?}", a.dimensions[0].ci);
    assert!(close_ci(a.dimensions[1].ci, 2.0061, 4.4939));
    // Both cross a level boundary.
    assert_eq!((a.dimensions[0].borderline, a.dimensions[1].borderline), (Some(true), Some(true)));
    let pooled = run(&options(Weighting::Pooled));
    assert!(close_ci(pooled.dimensions[0].ci, 2.3815, 4.7519) && close_ci(pooled.dimensions[1].ci, 1.0368, 4.9632));
}

#[test]
fn gaps_on_common_items_with_holm() {
    let a = run(&options(Weighting::Balanced));
    assert_eq!(a.gaps.len(), 2);
    let (ga, gb) = (&a.gaps[0], &a.gaps[1]);
    assert_eq!((ga.a.as_str(), ga.b.as_str()), ("top_manager", "frontline"));
    assert_eq!(ga.common_items, ["A1", "A2", "A3"]);
    assert_eq!(gb.common_items, ["B1"]);
    // A: 1.5556, Welch t 4.1284, df 2.7642, p 0.0301, interval [0.2964, 2.8147].
    assert!(close(ga.diff.unwrap(), 1.5556) && close(ga.p.unwrap(), 0.0301));
    assert!(close_ci(ga.ci, 0.2964, 2.8147));
    // B: 2.5, t 3.2733, df 2.8824, p 0.0494.
    assert!(close(gb.diff.unwrap(), 2.5) && close(gb.p.unwrap(), 0.0494));
    // Holm: 2·0.0301 = 0.0603 and max(0.0603, 0.0494) = 0.0603; neither significant.
    assert!(close(ga.p_adjusted.unwrap(), 0.0603) && close(gb.p_adjusted.unwrap(), 0.0603));
    assert_eq!((ga.significant, gb.significant), (Some(false), Some(false)));
    // With the default min_common_items = 2, B's single common item withholds its gap.
    let strict = run(&AssessOptions { min_common_items: 2, ..options(Weighting::Balanced) });
    let b = &strict.gaps[1];
    assert_eq!(b.withheld.as_ref().map(|w| w.reason), Some(WithheldReason::TooFewCommonItems));
    assert_eq!((b.diff, b.p), (None, None));
    // Then A is alone in the family: unadjusted.
    assert!(close(strict.gaps[0].p_adjusted.unwrap(), 0.0301));
}

#[test]
fn targets_status_and_recommendations() {
    let a = run(&options(Weighting::Balanced));
    // Target = 3 + 1 = 4; gaps A 0.2778, B 0.75; mean gap 0.5139; both intervals contain 4.
    assert_eq!(a.overall.target, 4);
    assert!(close(a.dimensions[0].gap.unwrap(), 0.2778) && close(a.dimensions[1].gap.unwrap(), 0.75));
    assert!(close(a.overall.mean_gap.unwrap(), 0.5139));
    assert_eq!(a.dimensions[0].status, Some(TargetStatus::Uncertain));
    let order: Vec<&str> = a.recommendations.iter().map(|r| r.dimension.as_str()).collect();
    assert_eq!(order, ["B", "A"]);
    let explicit = run(&AssessOptions { target: Some(3), ..options(Weighting::Balanced) });
    assert_eq!(explicit.dimensions[0].gap, Some(0.0));
    assert_eq!(explicit.overall.mean_gap, Some(0.0));
    assert!(explicit.recommendations.is_empty());
}

#[test]
fn level_probabilities_sum_to_one_and_repeat() {
    let a = run(&options(Weighting::Balanced));
    let b = run(&options(Weighting::Balanced));
    assert_eq!(a, b);
    for d in &a.dimensions {
        let p = d.level_probabilities.as_ref().unwrap();
        assert_eq!(p.len(), 5);
        assert!((p.values().sum::<f64>() - 1.0).abs() < 1e-9);
    }
    // Top managers' A scores (4.33, 4.67) and front-line (2.33, 3.5, 3.0): a replicate's
    // balanced A lies in [(13/3 + 7/3)/2, (14/3 + 3.5)/2] = [3.33, 4.08]: levels 3 or 4 only.
    let p = a.dimensions[0].level_probabilities.as_ref().unwrap();
    assert_eq!((p[&1], p[&2], p[&5]), (0.0, 0.0, 0.0));
    // Ordered by level, not by text ("10" would sort before "2").
    assert_eq!(p.keys().copied().collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    let staged = a.overall.level_probabilities.as_ref().unwrap();
    assert!((staged.values().sum::<f64>() - 1.0).abs() < 1e-9);
    let other = run(&AssessOptions { seed: 8, ..options(Weighting::Balanced) });
    assert_ne!(a.dimensions[1].level_probabilities, other.dimensions[1].level_probabilities, "the seed must matter");
}

#[test]
fn small_roles_merge_into_other_weighted_by_roles() {
    // k = 5 (the default floor): every role is small (2, 4, 1); merged: 7 ≥ 5 → "other".
    let o = AssessOptions { min_group_size: 5, bootstrap: 0, ..AssessOptions::default() };
    let (model, responses) = worked();
    let a = assess(&model, &responses, &o).unwrap();
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.groups[0].roles, ["top_manager", "frontline", "external_partner"]);
    // A: (13/3 + 14/3 + 7/3 + 3.5 + 3 + 3)/6 = 3.4722.
    assert!(close(a.dimensions[0].score.unwrap(), 3.4722));
    assert!(!a.dimensions[0].partial);
    // Refused below k: k = 8 leaves 0 of 7.
    let o = AssessOptions { min_group_size: 8, bootstrap: 0, ..AssessOptions::default() };
    assert!(matches!(
        assess(&model, &responses, &o),
        Err(AssessError::TooFewRespondents { included: 0, excluded: 7, k: 8 })
    ));
}

/// Contract version 3 on the worked example (docs/scoring.md, "Worked example", v3 part).
#[test]
fn version_3_overall_interval_level_and_priorities() {
    let a = run(&options(Weighting::Balanced));
    assert_eq!(a.schema_version, 3);
    // Overall = (A + B)/2 with a_gd = ½·½ = ¼ per cell. Influences z = ¼·(x_A − m_A)/n_A +
    // ¼·(x_B − m_B)/n_B: top (n_A = n_B = 2) T1 −0.0833, T2 0.0833 → n·s² = 2·0.013889 =
    // 0.027778; frontline (n_A = n_B = 3; F4 has no score, z = 0) F1 −0.050926, F2 0.129630,
    // F3 −0.078704, F4 0 → n·s² = 4·0.0085306 = 0.034122. var = 0.061900, se = 0.2488,
    // df = 0.0619² / (0.027778²/1 + 0.034122²/3) = 3.3039, t = 3.0231 → [2.7340, 4.2382].
    let o = &a.overall;
    assert!(close(o.se.unwrap(), 0.2488) && close(o.df.unwrap(), 3.3039), "{:?} {:?}", o.se, o.df);
    assert!(close_ci(o.ci, 2.7340, 4.2382), "{:?}", o.ci);
    assert_eq!(o.borderline, Some(true));
    // Level of 3.4861 = 3; no dimension is below level 3, so none caps it.
    assert_eq!((o.level, o.surely_below.len()), (Some(3), 0));
    // Priorities: every role is asked A and B (B1), so all three are common perspectives;
    // the reported ones are top_manager and frontline, and the priority scores equal the
    // balanced ones. Every weighting puts B first (pooled: gaps 1.0 and 0.4333).
    let p = a.priorities.as_ref().unwrap();
    assert_eq!(p.basis, PriorityBasis::CommonPerspectives);
    assert_eq!(p.perspectives, ["top_manager", "frontline"]);
    assert!(
        close(a.dimensions[0].priority_score.unwrap(), 3.7222) && close(a.dimensions[1].priority_gap.unwrap(), 0.75)
    );
    for order in [&p.orders.common_perspectives, &p.orders.balanced, &p.orders.pooled] {
        assert_eq!(order, &["B", "A"]);
    }
    assert!(!p.first_differs);
}

#[test]
fn version_3_dont_know_verdicts_and_matrix_warnings() {
    let a = run(&options(Weighting::Balanced));
    let (top, front) = (&a.groups[0].dimensions, &a.groups[1].dimensions);
    // "Ved ikke": top managers answered every asked item; frontline A: F2 and F3 skip A2,
    // F4 skips A1 and A2 → 4 of 12; frontline B1: F4 skips it → 1 of 4.
    assert_eq!((top[0].dont_know_rate, top[1].dont_know_rate), (Some(0.0), Some(0.0)));
    assert!(close(front[0].dont_know_rate.unwrap(), 0.3333) && close(front[1].dont_know_rate.unwrap(), 0.25));
    // Both differ by more than 10 points: a caveat per dimension (33 and 25 points).
    let dk: Vec<(&str, f64)> = a
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DontKnowDiffers)
        .map(|w| (w.dimension.as_deref().unwrap(), w.value.unwrap()))
        .collect();
    assert!(dk.len() == 2 && dk[0].0 == "A" && close(dk[0].1, 0.3333) && dk[1].0 == "B" && close(dk[1].1, 0.25));
    // Gaps: tested, not significant after Holm → "no sure difference"; their rates on the
    // common items are published with them.
    assert_eq!((a.gaps[0].verdict, a.gaps[1].verdict), (GapVerdict::NoSureDifference, GapVerdict::NoSureDifference));
    assert!(a.gaps[1].dont_know.is_some_and(|[x, y]| x == 0.0 && close(y, 0.25)));
    // Withheld with the default min_common_items = 2: "not tested", unlike "no sure difference".
    let strict = run(&AssessOptions { min_common_items: 2, ..options(Weighting::Balanced) });
    assert_eq!(strict.gaps[1].verdict, GapVerdict::NotTested);
    // Both groups are asked A1–A3 and B1 alone: the common items are the groups' own, so no
    // common_score and no per-role alpha.
    assert_eq!(
        (a.dimensions[0].common_items.len(), a.dimensions[1].common_items.as_slice()),
        (3, &["B1".to_owned()][..])
    );
    assert!(top.iter().chain(front).all(|c| c.common_score.is_none() && c.alpha.is_none()));
    // A's pairwise matrix (variances 1.8, 1.0, 2.1667; covariances 1.0, 0.7, 1.5) has
    // determinant −0.7067: eigenvalues −0.1451, 1.2659, 3.8459 — not positive definite.
    // A3 (reverse-coded) has item-rest r 2.2/√(2.1667·4.8) = 0.6822 > 0: no warning.
    let npd: Vec<&Warning> = a.warnings.iter().filter(|w| w.kind == WarningKind::NotPositiveDefinite).collect();
    assert!(npd.len() == 1 && npd[0].dimension.as_deref() == Some("A") && close(npd[0].value.unwrap(), -0.1451));
    assert!(!a.warnings.iter().any(|w| w.kind == WarningKind::ReverseItemNegative));
}

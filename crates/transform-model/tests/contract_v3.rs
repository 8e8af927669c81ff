//! Issue 26: one test per rule that version 3 of the scoring contract adds (docs/scoring.md),
//! each on a small survey whose expected figures are computed here from the answers.

mod common;

use transform_model::maturity::{GapVerdict, WarningKind};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

/// The worked model (A1, A2, A3 reverse-coded, B1 for every role, B2 for external
/// partners) with `rows` as (id, role, [A1, A2, A3, B1, B2]); 0 = no answer.
fn survey(rows: &[(String, &str, [i64; 5])]) -> (Model, Responses) {
    let model = Model::from_json(common::WORKED_MODEL).unwrap();
    let mut csv = String::from("respondent,role,A1,A2,A3,B1,B2\n");
    for (id, role, x) in rows {
        let cell = |v: i64| if v == 0 { String::new() } else { v.to_string() };
        csv.push_str(&format!("{id},{role},{}\n", x.iter().map(|&v| cell(v)).collect::<Vec<_>>().join(",")));
    }
    let responses = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
    (model, responses)
}

fn run(rows: &[(String, &str, [i64; 5])]) -> Assessment {
    let (model, responses) = survey(rows);
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    assess(&model, &responses, &o).unwrap()
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn var(xs: &[f64]) -> f64 {
    let m = mean(xs);
    xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64
}

/// Overall level: the overall score's level, lowered to a dimension surely below it. A is
/// high (scores 14/3 and 5 alternating), B low (B1 1 and 2): overall (4.8333 + 1.5)/2 =
/// 3.1667, level 3; B's interval lies far below 3, so B (level 1) sets the overall level.
#[test]
fn a_dimension_surely_below_sets_the_overall_level() {
    // A3 is reverse-coded: answering 1 scores 5.
    let rows: Vec<_> =
        (0..12).map(|i| (format!("R{i:02}"), "frontline", [4 + (i % 2) as i64, 5, 1, 1 + (i % 2) as i64, 0])).collect();
    let a = run(&rows);
    let a_scores: Vec<f64> = (0..12).map(|i| (4.0 + (i % 2) as f64 + 5.0 + 5.0) / 3.0).collect();
    let b_scores: Vec<f64> = (0..12).map(|i| 1.0 + (i % 2) as f64).collect();
    let overall = (mean(&a_scores) + mean(&b_scores)) / 2.0;
    assert!((a.overall.score.unwrap() - overall).abs() < 1e-12);
    assert_eq!(overall.floor(), 3.0);
    let b = &a.dimensions[1];
    assert!(b.ci.unwrap()[1] < 3.0, "B is surely below 3: {:?}", b.ci);
    assert_eq!(a.overall.surely_below, ["B"]);
    assert_eq!((a.overall.level, b.level), (Some(1), Some(1)));
    assert_eq!(a.overall.target, 2);
}

/// Gaps: a significant difference with very different "ved ikke" rates is uncertain.
#[test]
fn a_significant_gap_with_different_dont_know_rates_is_uncertain() {
    let mut rows = Vec::new();
    for i in 0..12i64 {
        // Top managers high on A (A3 answered 1 or 2 = scored 5 or 4), every item answered.
        rows.push((format!("T{i:02}"), "top_manager", [4 + i % 2, 4 + (i / 3) % 2, 1 + (i / 2) % 2, 3 + i % 2, 0]));
        // Front-line staff low, and none of them answers A2.
        rows.push((format!("F{i:02}"), "frontline", [1 + i % 2, 0, 5 - i % 2, 3 + (i / 2) % 2, 0]));
    }
    let a = run(&rows);
    let gap = a.gaps.iter().find(|g| g.dimension == "A").unwrap();
    assert_eq!(gap.significant, Some(true), "{gap:?}");
    // Rates on A1–A3: top 0 of 36; frontline 12 of 36.
    assert_eq!(gap.dont_know, Some([0.0, 1.0 / 3.0]));
    assert_eq!(gap.verdict, GapVerdict::Uncertain);
    assert_eq!(a.groups[1].dimensions[0].dont_know_rate, Some(1.0 / 3.0));
    assert!(a.warnings.iter().any(|w| w.kind == WarningKind::DontKnowDiffers && w.dimension.as_deref() == Some("A")));
    // B: every item answered by both: a tested gap, and not uncertain for "ved ikke".
    let b = a.gaps.iter().find(|g| g.dimension == "B").unwrap();
    assert_eq!(b.dont_know, None, "one common item < min_common_items = 2: withheld");
    assert_eq!(b.verdict, GapVerdict::NotTested);
}

/// ICC withheld when negative: two groups with the same scores but one, so MSB < MSW.
#[test]
fn a_negative_icc_is_withheld_with_its_reason() {
    let answers =
        [[2, 3, 3], [4, 4, 2], [3, 2, 4], [5, 4, 2], [1, 2, 5], [3, 3, 3], [4, 5, 1], [2, 2, 4], [3, 4, 3], [4, 3, 2]];
    let mut rows = Vec::new();
    for (i, x) in answers.iter().enumerate() {
        let b1 = 1 + (i % 5) as i64;
        rows.push((format!("T{i:02}"), "top_manager", [x[0], x[1], x[2], b1, 0]));
        // The same answers, one of them a point higher on A1.
        let a1 = if i == 0 { x[0] + 1 } else { x[0] };
        rows.push((format!("F{i:02}"), "frontline", [a1, x[1], x[2], b1, 0]));
    }
    let a = run(&rows);
    // One-way ANOVA by hand on the A scores (A3 reverse-coded: 6 − answer).
    let score = |x: &[i64; 3], bump: i64| (x[0] + bump + x[1] + 6 - x[2]) as f64 / 3.0;
    let top: Vec<f64> = answers.iter().map(|x| score(x, 0)).collect();
    let front: Vec<f64> = answers.iter().enumerate().map(|(i, x)| score(x, (i == 0) as i64)).collect();
    let grand = mean(&[top.clone(), front.clone()].concat());
    let msb = 10.0 * ((mean(&top) - grand).powi(2) + (mean(&front) - grand).powi(2));
    let msw = (var(&top) + var(&front)) / 2.0;
    let icc1 = (msb - msw) / (msb + 9.0 * msw);
    assert!(icc1 < 0.0, "the case needs a negative ICC: {icc1}");
    let d = &a.dimensions[0];
    assert_eq!((d.icc1, d.icc2), (None, None));
    let w = a.warnings.iter().find(|w| w.kind == WarningKind::IccWithheld).expect("a warning says why");
    assert_eq!(w.dimension.as_deref(), Some("A"));
    // The smaller of ICC(1) and ICC(2) = (MSB − MSW)/MSB is reported with the warning.
    let icc2 = (msb - msw) / msb;
    assert!((w.value.unwrap() - icc1.min(icc2)).abs() < 1e-9, "{:?} vs {icc1} / {icc2}", w.value);
}

/// Tables: external partners are asked B1 and B2, the others B1 only. On B the groups are
/// compared on B1 (`common_score`), and each group's alpha is its own.
#[test]
fn groups_asked_different_items_get_a_common_score_and_their_own_alpha() {
    let mut rows = Vec::new();
    let (b1, b2) = ([2, 3, 4, 3, 5, 2, 4, 3, 4, 5], [3, 3, 5, 2, 5, 2, 4, 4, 3, 5]);
    for i in 0..10 {
        rows.push((format!("T{i:02}"), "top_manager", [3, 4, 2 + (i % 3) as i64, 1 + (i % 4) as i64, 0]));
        rows.push((format!("E{i:02}"), "external_partner", [4, 3, 1 + (i % 2) as i64, b1[i], b2[i]]));
    }
    let a = run(&rows);
    assert_eq!(a.dimensions[1].common_items, ["B1"]);
    let ext = a.groups.iter().find(|g| g.role == "external_partner").unwrap();
    let top = a.groups.iter().find(|g| g.role == "top_manager").unwrap();
    let b1f: Vec<f64> = b1.iter().map(|&x| x as f64).collect();
    let b2f: Vec<f64> = b2.iter().map(|&x| x as f64).collect();
    assert!((ext.dimensions[1].common_score.unwrap() - mean(&b1f)).abs() < 1e-12);
    // The top managers' B score already rests on B1 alone: no separate common score.
    assert_eq!(top.dimensions[1].common_score, None);
    // Two complete items: α = 2·(1 − (v1 + v2)/(v1 + v2 + 2·cov)).
    let (v1, v2) = (var(&b1f), var(&b2f));
    let (m1, m2) = (mean(&b1f), mean(&b2f));
    let cov = b1f.iter().zip(&b2f).map(|(x, y)| (x - m1) * (y - m2)).sum::<f64>() / 9.0;
    let alpha = 2.0 * (1.0 - (v1 + v2) / (v1 + v2 + 2.0 * cov));
    assert!((ext.dimensions[1].alpha.unwrap() - alpha).abs() < 1e-9, "{:?} vs {alpha}", ext.dimensions[1].alpha);
    // A is asked of both alike: no per-role alpha there.
    assert_eq!(ext.dimensions[0].alpha, None);
}

/// A reverse-coded item answered as if it were not reversed correlates negatively with the
/// rest after reverse coding: a warning names it.
#[test]
fn a_reverse_item_read_the_wrong_way_is_named() {
    // A3 is answered like A1 and A2 (high with high), so 6 − A3 runs against them.
    let rows: Vec<_> = (0..12)
        .map(|i| {
            let v = 1 + (i % 5) as i64;
            (format!("R{i:02}"), "frontline", [v, v.min(4) + (i % 2) as i64, v, 3 + (i % 2) as i64, 0])
        })
        .collect();
    let a = run(&rows);
    let w = a.warnings.iter().find(|w| w.kind == WarningKind::ReverseItemNegative).expect("A3 is flagged");
    assert_eq!((w.dimension.as_deref(), w.item.as_deref()), (Some("A"), Some("A3")));
    // Item-rest r by hand: corr(6 − A3, A1 + A2) over the 12 respondents.
    let a3: Vec<f64> = (0..12).map(|i| 6.0 - (1 + (i % 5)) as f64).collect();
    let rest: Vec<f64> = (0..12)
        .map(|i| {
            let v = 1 + (i % 5) as i64;
            (v + v.min(4) + (i % 2) as i64) as f64
        })
        .collect();
    let (ma, mr) = (mean(&a3), mean(&rest));
    let cov = a3.iter().zip(&rest).map(|(x, y)| (x - ma) * (y - mr)).sum::<f64>() / 11.0;
    let r = cov / (var(&a3) * var(&rest)).sqrt();
    assert!(r < 0.0 && (w.value.unwrap() - r).abs() < 1e-9, "{:?} vs {r}", w.value);
}

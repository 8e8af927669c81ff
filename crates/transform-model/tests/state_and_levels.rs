//! Issue 9, items 1 and 5: levels exact at whole-number scores under both weightings, and
//! responses that know their model and check every index.

mod common;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use transform_model::responses::{ReadOptions, ResponseError};
use transform_model::{AssessError, AssessOptions, Model, Responses, Weighting, assess};

/// Draws answers (3 items each, all answered) for `sizes` top managers and front-line
/// staff whose exact score under `weighting` is the whole number `v`, or None if the
/// last respondent cannot close the sum.
fn survey_at(
    model: &Model,
    rng: &mut Pcg64Mcg,
    sizes: (usize, usize),
    v: i64,
    weighting: Weighting,
) -> Option<Responses> {
    let (na, nb) = sizes;
    // Answers near v, so the last respondent can close the sum (at 1 and 5 every answer
    // must be v, and such a cell needs 20 respondents to be published: the homogeneity rule).
    let (lo, hi) = ((v - 1).max(1), (v + 1).min(5));
    let mut rows: Vec<(String, &str, [i64; 3])> = Vec::new();
    for i in 0..na + nb - 1 {
        let role = if i < na { "top_manager" } else { "frontline" };
        let mut draw = || if v == 1 || v == 5 { v } else { rng.random_range(lo..=hi) };
        rows.push((format!("R{i:02}"), role, [draw(), draw(), draw()]));
    }
    let sum = |role: &str| rows.iter().filter(|r| r.1 == role).map(|r| r.2.iter().sum::<i64>()).sum::<i64>();
    let (sa, sb_rest) = (sum("top_manager"), sum("frontline"));
    // Every respondent answers 3 items, so a group's mean is S/(3n).
    // Balanced: (Sa/(3na) + Sb/(3nb))/2 = v ⇔ Sb = (6·na·nb·v − nb·Sa)/na.
    // Pooled: (Sa + Sb)/(3(na + nb)) = v ⇔ Sb = 3(na + nb)v − Sa.
    let (na, nb) = (na as i64, nb as i64);
    let target_sb = match weighting {
        Weighting::Balanced => {
            let num = 6 * na * nb * v - nb * sa;
            if num % na != 0 {
                return None;
            }
            num / na
        }
        Weighting::Pooled => 3 * (na + nb) * v - sa,
    };
    let last = target_sb - sb_rest;
    if !(3..=15).contains(&last) {
        return None;
    }
    let a = (last - 2).clamp(1, 5);
    let b = (last - a - 1).clamp(1, 5);
    let c = last - a - b;
    rows.push(("R99".into(), "frontline", [a, b, c]));
    let mut csv = String::from("respondent,role,A1,A2,A3,B1,B2\n");
    for (id, role, x) in rows {
        // A3 is reverse-coded: write 6 − x so its scored value is x.
        csv.push_str(&format!("{id},{role},{},{},{},3,\n", x[0], x[1], 6 - x[2]));
    }
    Some(Responses::from_csv_str(model, &csv, &ReadOptions::default()).unwrap())
}

#[test]
fn whole_number_scores_sit_at_their_level_under_both_weightings() {
    let model = Model::from_json(common::WORKED_MODEL).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(4);
    let mut checked = 0;
    for weighting in [Weighting::Balanced, Weighting::Pooled] {
        for v in 1..=5 {
            let mut found = 0;
            let mut tries = 0;
            while found < 40 {
                tries += 1;
                assert!(tries < 100_000, "no survey found for {v}");
                let sizes =
                    if v == 1 || v == 5 { (20, 20) } else { (rng.random_range(5..=7), rng.random_range(5..=9)) };
                let Some(responses) = survey_at(&model, &mut rng, sizes, v, weighting) else { continue };
                let mut o = AssessOptions::default();
                o.weighting = weighting;
                o.bootstrap = 0;
                let a = assess(&model, &responses, &o).unwrap();
                if a.groups.iter().any(|g| g.dimensions[0].score.is_none()) {
                    continue; // a cell of alike scores is hidden (homogeneity rule): not this test's case
                }
                let d = &a.dimensions[0];
                assert!((d.score.unwrap() - v as f64).abs() < 1e-9, "{weighting:?} {v}: {:?}", d.score);
                assert_eq!(d.level, Some(v), "{weighting:?}: score {:?} must be level {v}", d.score);
                assert!(d.progress.unwrap() < 1e-9);
                found += 1;
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 400);
}

#[test]
fn level_of_at_and_near_each_boundary() {
    let model = Model::default_model();
    for v in 1..=5 {
        let x = v as f64;
        assert_eq!(model.level_of(x), v);
        // One ulp below a whole number is the whole number (the documented tolerance).
        assert_eq!(model.level_of(f64::from_bits(x.to_bits() - 1)), v);
        if v < 5 {
            assert_eq!(model.level_of(x + 0.5), v);
        }
        if v > 1 {
            // Clearly below: the level under.
            assert_eq!(model.level_of(x - 1e-6), v - 1);
        }
    }
    // 1.9999999999999998 (one ulp under 2), the issue's case.
    assert_eq!(model.level_of(1.999_999_999_999_999_8), 2);
}

#[test]
fn responses_assessed_with_another_model_are_refused() {
    let worked = Model::from_json(common::WORKED_MODEL).unwrap();
    let responses = Responses::from_csv_str(&worked, common::WORKED_CSV, &ReadOptions::default()).unwrap();
    let other = Model::default_model();
    let err = assess(&other, &responses, &AssessOptions::default()).unwrap_err();
    assert!(matches!(err, AssessError::ModelMismatch(ResponseError::ModelMismatch { .. })), "{err:?}");
    assert!(err.to_string().contains("`worked` 1") && err.to_string().contains("`dtm`"), "{err}");
    // Same id and version, different content (an overlay): still refused.
    let changed = worked.overlay(r#"{"items": [{"id": "A1", "text": {"da": "ny", "en": "new"}}]}"#).unwrap();
    assert!(matches!(assess(&changed, &responses, &AssessOptions::default()), Err(AssessError::ModelMismatch(_))));
}

#[test]
fn indices_are_checked() {
    let model = Model::from_json(common::WORKED_MODEL).unwrap();
    let mut r = Responses::new(&model);
    let err = r.push(&model, 2, "X1", "frontline", [(0, 3), (5, 4)]).unwrap_err();
    assert_eq!(err, ResponseError::IndexOutOfRange { what: "item", index: 5, len: 5 });
    assert!(r.is_empty(), "a refused respondent leaves nothing behind");
    r.push(&model, 2, "X1", "frontline", [(0, 3)]).unwrap();
    assert_eq!(r.value(0, 0), Ok(Some(3)));
    // Item 5 of respondent 0 would be respondent 1's first answer in the flat buffer.
    assert_eq!(r.value(0, 5), Err(ResponseError::IndexOutOfRange { what: "item", index: 5, len: 5 }));
    assert_eq!(r.value(1, 0), Err(ResponseError::IndexOutOfRange { what: "respondent", index: 1, len: 1 }));
    assert_eq!(r.respondent_id(1), None);
    // Pushing with another model is refused.
    let other = Model::default_model();
    assert!(matches!(r.push(&other, 3, "X2", "frontline", []), Err(ResponseError::ModelMismatch { .. })));
}

#[test]
fn extreme_scales_and_empty_levels_are_errors_not_overflows() {
    let base: serde_json::Value = serde_json::from_str(common::WORKED_MODEL).unwrap();
    let mut extreme = base.clone();
    extreme["scale"] = serde_json::json!({"min": i64::MIN, "max": i64::MAX});
    let err = Model::from_json(&extreme.to_string()).unwrap_err();
    assert!(err.to_string().contains("more than 100 steps"), "{err}");
    let mut empty = base.clone();
    empty["levels"] = serde_json::json!([]);
    let err = Model::from_json(&empty.to_string()).unwrap_err();
    assert!(err.to_string().contains("at least one level"), "{err}");
}

#[test]
fn min_answered_is_half_rounded_up() {
    // ⌈asked/2⌉ for 1..6 asked items: 1, 1, 2, 2, 3, 3 (0 asked: never scored).
    let expected = [0, 1, 1, 2, 2, 3, 3];
    for (asked, want) in expected.iter().enumerate() {
        assert_eq!(transform_model::model::min_answered(asked), *want, "{asked} asked");
    }
    // A respondent exactly at the threshold is scored; one below is not (worked model, A has 3
    // items: 2 needed). F2 answers A1 and A3 → scored; F4 answers A3 only → not.
    let model = Model::from_json(common::WORKED_MODEL).unwrap();
    let csv = "respondent,role,A1,A2,A3,B1,B2\n".to_owned()
        + &(0..5).map(|i| format!("T{i},top_manager,4,{},2,4,\n", 3 + i % 2)).collect::<String>()
        + &(0..5).map(|i| format!("F{i},frontline,{},,3,3,\n", 2 + i % 3)).collect::<String>()
        + "G1,frontline,,,5,,\n";
    let r = Responses::from_csv_str(&model, &csv, &ReadOptions::default()).unwrap();
    let a = assess(&model, &r, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap();
    // Frontline: 6 members, 5 at the threshold (2 of 3 answered), G1 below (1 of 3).
    assert_eq!(a.groups[1].n, 6);
    assert_eq!(a.groups[1].dimensions[0].n, Some(5));
}

/// Issue 33, item 1, end to end: six front-line answers to six items of D summing to 29, 11,
/// 19, 24, 14 and 11 (108 = 6 × 6 × 3: the mean is exactly 3). In floating point the group
/// mean is 2.9999999999999996; against the target level 3 (score 3) D is level 3 with no
/// gap, so it gets no lever and the plan no action. E (answers averaging (4+5+3+4+5+4)/12
/// = 25/12 ≈ 2.08) is below the target: its lever is recommended and planned.
#[test]
fn a_mean_of_exactly_three_meets_target_three_in_assessment_and_plan() {
    use transform_model::plan::{PlanInputs, PlanOptions, plan};
    let model = Model::from_json(include_str!("fixtures/boundary_model.json")).unwrap();
    let csv = include_str!("fixtures/boundary_responses.csv");
    let responses = Responses::from_csv_str(&model, csv, &ReadOptions::default()).unwrap();
    let sums = [29.0, 11.0, 19.0, 24.0, 14.0, 11.0];
    // The library's order: each respondent's mean, summed in respondent order, over n.
    let float_mean = sums.iter().map(|s| s / 6.0).sum::<f64>() / 6.0;
    assert!(float_mean < 3.0, "the case needs the rounding: {float_mean}");
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o.target = Some(3);
    let a = assess(&model, &responses, &o).unwrap();
    let d = &a.dimensions[0];
    assert_eq!(d.score, Some(float_mean));
    assert_eq!((d.level, d.gap), (Some(3), Some(0.0)));
    let e = &a.dimensions[1];
    assert!((e.score.unwrap() - 25.0 / 12.0).abs() < 1e-12 && e.level == Some(2));
    let recommended: Vec<&str> = a.recommendations.iter().map(|r| r.dimension.as_str()).collect();
    assert_eq!(recommended, ["E"]);
    let mut po = PlanOptions::default();
    po.start_year = Some(2027);
    let p = plan(PlanInputs { model: &model, assessment: &a, portfolio: None, index: None }, &po).unwrap();
    let actions: Vec<_> = p.phases.iter().flat_map(|ph| &ph.actions).chain(&p.deferred).collect();
    assert!(actions.iter().any(|x| x.lever.as_deref() == Some("ge")), "E's lever is planned");
    assert!(
        actions.iter().all(|x| x.dimension.as_deref() != Some("D") && x.lever.as_deref() != Some("gd")),
        "no action for D: {:?}",
        actions.iter().map(|x| (&x.dimension, &x.lever)).collect::<Vec<_>>()
    );
}

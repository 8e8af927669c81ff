//! Invariants of the scoring, checked on generated surveys.

mod common;

use proptest::prelude::*;
use transform_model::{AssessOptions, Assessment, Model, Responses, Weighting, assess};

/// A respondent of the worked model: role index and answers to A1, A2, A3, B1, B2 (0 = missing).
type Row = (usize, [i64; 5]);

fn rows(max: usize) -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec((0usize..3, prop::array::uniform5(0i64..=5)), 1..max)
}

fn build(model: &Model, rows: &[Row], prefix: &str) -> Responses {
    let mut r = Responses::new(model);
    for (i, (role, values)) in rows.iter().enumerate() {
        let role_id = &model.roles()[*role].id;
        let answers = values
            .iter()
            .enumerate()
            // B2 (index 4) is asked of external partners only.
            .filter(|(item, v)| **v != 0 && (*item != 4 || *role == 2))
            .map(|(item, v)| (item, *v));
        r.push(model, i + 2, &format!("{prefix}{i:04}"), role_id, answers).unwrap();
    }
    r
}

fn options(weighting: Weighting) -> AssessOptions {
    let mut o = AssessOptions::default();
    o.weighting = weighting;
    o.min_group_size = 3;
    o.allow_small_groups = true;
    o.bootstrap = 60;
    o.seed = 11;
    o
}

/// Everything an assessment reports except the anonymity bookkeeping.
fn figures(a: &Assessment) -> String {
    let mut a = a.clone();
    a.excluded_for_anonymity = 0;
    a.warnings.clear();
    serde_json::to_string(&a).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scores_stay_on_the_scale(data in rows(40), pooled in any::<bool>()) {
        let model = common::worked().0;
        let w = if pooled { Weighting::Pooled } else { Weighting::Balanced };
        if let Ok(a) = assess(&model, &build(&model, &data, "R"), &options(w)) {
            let mut all: Vec<f64> = a.dimensions.iter().filter_map(|d| d.score).collect();
            all.extend(a.dimensions.iter().filter_map(|d| d.ci).flatten());
            all.extend(a.groups.iter().flat_map(|g| g.dimensions.iter().filter_map(|d| d.score)));
            all.extend(a.overall.score);
            for x in all {
                prop_assert!((1.0..=5.0).contains(&x), "{x} outside [1, 5]");
            }
            for d in &a.dimensions {
                if let Some(p) = d.progress { prop_assert!((0.0..1.0).contains(&p)); }
            }
        }
    }

    #[test]
    fn row_order_changes_nothing(data in rows(40), seed in any::<u64>()) {
        let model = common::worked().0;
        let forward = build(&model, &data, "R");
        // The same respondents (same ids) in a shuffled order.
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut shuffled = Responses::new(&model);
        for &i in &order {
            let (role, values) = &data[i];
            let answers = values.iter().enumerate().filter(|(item, v)| **v != 0 && (*item != 4 || *role == 2)).map(|(item, v)| (item, *v));
            shuffled.push(&model, i + 2, &format!("R{i:04}"), &model.roles()[*role].id, answers).unwrap();
        }
        let a = assess(&model, &forward, &options(Weighting::Balanced));
        let b = assess(&model, &shuffled, &options(Weighting::Balanced));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn same_seed_same_intervals_on_1_and_4_threads(data in rows(60)) {
        let model = common::worked().0;
        let responses = build(&model, &data, "R");
        let one = assess(&model, &responses, &{ let mut o = options(Weighting::Balanced); o.threads = Some(1); o });
        let four = assess(&model, &responses, &{ let mut o = options(Weighting::Balanced); o.threads = Some(4); o });
        prop_assert_eq!(one, four);
    }

    /// Differencing: respondents of a role below k never move any reported figure.
    #[test]
    fn a_group_below_k_changes_no_figure(
        base in prop::collection::vec((0usize..2, prop::array::uniform5(0i64..=5)), 6..40),
        small in prop::collection::vec(prop::array::uniform5(0i64..=5), 1..3),
    ) {
        let model = common::worked().0;
        let data: Vec<Row> = base.clone();
        // Only top managers and front-line staff in the base; add < 3 external partners.
        let mut with_small = data.clone();
        with_small.extend(small.iter().map(|v| (2usize, *v)));
        let without = assess(&model, &build(&model, &data, "R"), &options(Weighting::Balanced));
        let with = assess(&model, &build(&model, &with_small, "R"), &options(Weighting::Balanced));
        match (without, with) {
            (Ok(a), Ok(b)) => {
                // Unless the base itself had a small role, the externals stand alone in
                // "other" (< k) and are excluded.
                let base_small = a.excluded_for_anonymity > 0 || a.groups.iter().any(|g| g.role == "other");
                if !base_small {
                    prop_assert_eq!(b.excluded_for_anonymity, small.len());
                    prop_assert_eq!(figures(&a), figures(&b));
                }
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "one refused, one not: {:?} / {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

#[test]
fn suppressed_group_dimension_is_left_out_of_the_total() {
    // k = 3. Front-line staff: 4 respondents, but only two have a B score; top managers: 3
    // with B. The frontline B score rests on 2 < 3 respondents: not shown, and left out of
    // B's municipality score, so B = top managers' mean (4 + 5 + 3)/3 = 4 under both weightings.
    let model = common::worked().0;
    let csv = "respondent,role,A1,A2,A3,B1\nT1,top_manager,4,4,2,4\nT2,top_manager,5,5,1,5\nT3,top_manager,3,4,2,3\nF1,frontline,2,2,4,1\nF2,frontline,3,3,3,\nF3,frontline,2,3,3,\nF4,frontline,4,3,3,2\n";
    let r = Responses::from_csv_str(&model, csv, &Default::default()).unwrap();
    for w in [Weighting::Balanced, Weighting::Pooled] {
        let mut o = AssessOptions::default();
        o.weighting = w;
        o.min_group_size = 3;
        o.allow_small_groups = true;
        o.min_dispersion_n = 2;
        o.bootstrap = 50;
        let a = assess(&model, &r, &o).unwrap();
        assert_eq!(a.dimensions[1].score, Some(4.0));
        assert_eq!(a.dimensions[1].n, 3);
        let front_b = &a.groups[1].dimensions[1];
        assert_eq!(
            (front_b.score, front_b.n, front_b.ci, front_b.sd, front_b.rwg_uniform),
            (None, None, None, None, None)
        );
        assert!(a.gaps.iter().all(|g| g.dimension != "B"));
    }
}

#[test]
fn the_anonymity_floor() {
    let (model, responses) = common::worked();
    let k = |k: usize, allow: bool| {
        let mut o = AssessOptions::default();
        o.min_group_size = k;
        o.allow_small_groups = allow;
        o.bootstrap = 0;
        o
    };
    let err = assess(&model, &responses, &k(2, true)).unwrap_err();
    assert_eq!(err.to_string(), "option `min_group_size`: 2 is below 3; smaller groups cannot be reported anonymously");
    let err = assess(&model, &responses, &k(4, false)).unwrap_err();
    assert!(err.to_string().contains("set allow_small_groups"), "{err}");
    let a = assess(&model, &responses, &k(4, true)).unwrap();
    assert!(a.warnings.iter().any(|w| w.kind == transform_model::maturity::WarningKind::SmallGroupsAllowed));
}

#[test]
fn baseline_progress() {
    let (model, responses) = common::worked();
    let mut o = AssessOptions::default();
    o.min_group_size = 3;
    o.allow_small_groups = true;
    o.bootstrap = 0;
    let now = assess(&model, &responses, &o).unwrap();
    let mut earlier = now.clone();
    earlier.model.version = "0".into();
    earlier.dimensions[0].score = Some(2.5);
    earlier.dimensions[0].level = Some(2);
    let json = earlier.to_json();
    let earlier = Assessment::from_json(&json).unwrap();
    let c = now.clone().with_baseline(&earlier).unwrap().baseline.unwrap();
    assert_eq!(c.baseline_version, "0");
    // A: now − 2.5; level 2 → now's level.
    let a_now = now.dimensions[0].score.unwrap();
    assert!(common::close(c.dimensions[0].change.unwrap(), a_now - 2.5));
    assert_eq!(c.dimensions[0].level_change, Some(now.dimensions[0].level.unwrap() - 2));
    assert_eq!(c.dimensions[1].change, Some(0.0));
    let mut other = earlier.clone();
    other.model.id = "dtm".into();
    assert_eq!(
        now.clone().with_baseline(&other).unwrap_err().to_string(),
        "baseline: the baseline uses model `dtm`, this assessment `worked`"
    );
    let mut pooled = earlier.clone();
    pooled.weighting = Weighting::Pooled;
    let err = now.with_baseline(&pooled).unwrap_err().to_string();
    assert!(err.contains("weighting"), "{err}");
}

#[test]
fn a_version_1_assessment_still_loads_as_a_baseline() {
    let v1 = include_str!("fixtures/assessment_v1.json");
    let old = Assessment::from_json(v1).unwrap();
    assert_eq!(old.schema_version, 1);
    assert_eq!(old.model.version, "2026.1");
    assert_eq!(old.warnings[0].kind, transform_model::maturity::WarningKind::Legacy);
    let model = Model::default_model();
    let r =
        Responses::from_csv_str(&model, transform_model::maturity::SAMPLE_RESPONSES_CSV, &Default::default()).unwrap();
    let now = assess(&model, &r, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap();
    // Version 3 since issue 26 (overall level, priorities, "ved ikke").
    assert_eq!(now.schema_version, 3);
    let c = compare_versions(&now, &old);
    // A scoring-contract v1 baseline on dtm 2026.1 against a v2 assessment of the bundled
    // sample on dtm 2026.2: the dimensions keep their ids, so the comparison is by dimension.
    assert_eq!(c.dimensions.len(), 10);
    assert!(c.dimensions.iter().all(|d| d.baseline.is_some()));
}

/// Issue 26, item 5: a version-2 assessment (written by the version-2 library:
/// `transform-model assess --bootstrap 200 --format json data/sample_responses.csv`) loads
/// as a baseline; the comparison names the figures whose rule changed in version 3 and
/// gives no overall level change, while dimension scores and levels still compare.
#[test]
fn a_version_2_assessment_loads_and_the_comparison_names_what_is_not_comparable() {
    let old = Assessment::from_json(include_str!("fixtures/assessment_v2.json")).unwrap();
    assert_eq!(old.schema_version, 2);
    assert!(old.priorities.is_none() && old.overall.ci.is_none());
    // The fixture's survey: the sample of its day, dtm 2026.2 (`sample --model dtm@2026.2
    // --respondents 62 --seed 3 --role-counts 4,6,14,30,8`; the generator's draws for a model
    // without filter questions are unchanged since).
    let model = Model::bundled("dtm@2026.2").unwrap();
    let csv = transform_model::maturity::sample::sample_csv(&model, 62, 3, Some(&[4, 6, 14, 30, 8]));
    let r = Responses::from_csv_str(&model, &csv, &Default::default()).unwrap();
    let now = assess(&model, &r, &{
        let mut o = AssessOptions::default();
        o.bootstrap = 0;
        o
    })
    .unwrap();
    let c = compare_versions(&now, &old);
    assert_eq!(c.schema_versions, Some([2, 3]));
    let figures: Vec<&str> = c.not_comparable.iter().map(|n| n.figure.as_str()).collect();
    for f in ["overall.level", "overall.target", "recommendations", "gaps.significant"] {
        assert!(figures.contains(&f), "{f} missing from {figures:?}");
    }
    assert!(c.not_comparable.iter().all(|n| n.changed_in == 3 && !n.reason.get(transform_model::Lang::Da).is_empty()));
    assert_eq!(c.overall.level_change, None, "levels under two different rules are not a change");
    assert!(c.overall.change.is_some(), "the overall score's rule did not change");
    // Same data, same dimension rule: every dimension's change is 0.
    assert!(c.dimensions.iter().all(|d| d.change.is_some_and(|x| x.abs() < 1e-12)), "{:?}", c.dimensions);
    let rounds = c.rounds.unwrap();
    assert_eq!(rounds.not_comparable, c.not_comparable);
    // The same version compares everything.
    assert!(compare_versions(&now, &now).not_comparable.is_empty());
}

fn compare_versions(now: &Assessment, old: &Assessment) -> transform_model::maturity::BaselineComparison {
    transform_model::maturity::compare(now, old).unwrap()
}

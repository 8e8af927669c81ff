//! docs/scoring.md's rules pinned by data that tells them from their plausible alternatives
//! (issue 34, item 3): each fixture is built so that the contract's rule and every named
//! alternative give different figures, which the test checks first; then the assessment must
//! give the contract's figure, computed here from the answers by a small reference
//! implementation. A change to any of these rules fails a test even where the sample data
//! would not notice (its dimension levels made the minimum and the median agree).
//!
//! The models and answers are written here; nothing depends on the bundled model or sample.

use transform_model::{AssessOptions, Assessment, Model, Responses, Weighting, assess, responses::ReadOptions};

/// An item: its id and the roles asked it (empty: every role).
type ItemSpec<'a> = (&'a str, &'a [&'a str]);

/// A model with roles `r1`, `r2`, levels 1–5 on the scale 1–5, and per dimension its items.
fn model(dims: &[(&str, &[ItemSpec])]) -> Model {
    let loc = |s: &str| format!(r#"{{"da": "{s}", "en": "{s}"}}"#);
    let levels: Vec<String> = (1..=5)
        .map(|l| format!(r#"{{"level": {l}, "label": {}, "description": {}}}"#, loc(&format!("L{l}")), loc("d")))
        .collect();
    let descriptions: Vec<String> = (1..=5).map(|l| format!(r#""{l}": {}"#, loc("x"))).collect();
    let dimensions: Vec<String> = dims
        .iter()
        .map(|(d, _)| {
            format!(
                r#"{{"id": "{d}", "label": {}, "description": {}, "level_descriptions": {{{}}}, "levers": ["g{d}"]}}"#,
                loc(d),
                loc(d),
                descriptions.join(", ")
            )
        })
        .collect();
    let items: Vec<String> = dims
        .iter()
        .flat_map(|(d, items)| items.iter().map(move |(id, roles)| (d, id, roles)))
        .map(|(d, id, roles)| {
            let roles = if roles.is_empty() {
                String::new()
            } else {
                format!(r#", "roles": [{}]"#, roles.iter().map(|r| format!("\"{r}\"")).collect::<Vec<_>>().join(", "))
            };
            format!(r#"{{"id": "{id}", "dimension": "{d}", "text": {}{roles}}}"#, loc(id))
        })
        .collect();
    let levers: Vec<String> =
        dims.iter().map(|(d, _)| format!(r#"{{"id": "g{d}", "label": {}, "text": {}}}"#, loc(d), loc("t"))).collect();
    let json = format!(
        r#"{{"id": "pinned", "version": "1", "languages": ["da", "en"], "scale": {{"min": 1, "max": 5}},
        "roles": [{{"id": "r1", "label": {}}}, {{"id": "r2", "label": {}}}],
        "levels": [{}], "dimensions": [{}], "items": [{}], "levers": [{}]}}"#,
        loc("R1"),
        loc("R2"),
        levels.join(", "),
        dimensions.join(", "),
        items.join(", "),
        levers.join(", ")
    );
    Model::from_json(&json).expect("the fixture model is valid")
}

/// One respondent: role and an answer (or none) per item of the model, in model order.
struct Row {
    role: &'static str,
    answers: Vec<Option<i64>>,
}

fn csv(model: &Model, rows: &[Row]) -> String {
    let mut s = String::from("respondent,role");
    for item in model.items() {
        s.push(',');
        s.push_str(&item.id);
    }
    s.push('\n');
    for (i, r) in rows.iter().enumerate() {
        s.push_str(&format!("P{i},{}", r.role));
        for a in &r.answers {
            s.push(',');
            if let Some(v) = a {
                s.push_str(&v.to_string());
            }
        }
        s.push('\n');
    }
    s
}

fn run(model: &Model, rows: &[Row], weighting: Weighting) -> Assessment {
    let responses = Responses::from_csv_str(model, &csv(model, rows), &ReadOptions::default()).expect("fixture reads");
    let mut options = AssessOptions::default();
    options.bootstrap = 0;
    options.weighting = weighting;
    assess(model, &responses, &options).expect("fixture assesses")
}

/// How many answered items make a respondent's dimension score: the contract, and the
/// alternatives a change could plausibly bring.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Needed {
    /// ⌈asked/2⌉ of the items asked of the respondent's role (the contract).
    HalfOfAskedRoundedUp,
    /// ⌊asked/2⌋ (at least 1).
    HalfOfAskedRoundedDown,
    /// ⌈items/2⌉ of all the dimension's items, asked of the role or not.
    HalfOfAllItems,
    /// Any one answer.
    Any,
}

/// The reference: a dimension's score from the answers, each role group's mean of its
/// respondents' scores, the groups combined balanced (each role once) or pooled.
fn reference(model: &Model, rows: &[Row], dim: &str, needed: Needed, weighting: Weighting) -> f64 {
    let items: Vec<usize> = (0..model.items().len()).filter(|&i| model.items()[i].dimension == dim).collect();
    let asked = |role: &str, i: usize| {
        let roles = &model.items()[i].roles;
        roles.is_empty() || roles.iter().any(|r| r == role)
    };
    let mut groups: Vec<(&str, Vec<f64>)> = vec![("r1", Vec::new()), ("r2", Vec::new())];
    for r in rows {
        let asked_n = items.iter().filter(|&&i| asked(r.role, i)).count();
        let answers: Vec<f64> = items.iter().filter_map(|&i| r.answers[i]).map(|v| v as f64).collect();
        let need = match needed {
            Needed::HalfOfAskedRoundedUp => asked_n.div_ceil(2),
            Needed::HalfOfAskedRoundedDown => (asked_n / 2).max(1),
            Needed::HalfOfAllItems => items.len().div_ceil(2),
            Needed::Any => 1,
        };
        if asked_n > 0 && !answers.is_empty() && answers.len() >= need {
            let score = answers.iter().sum::<f64>() / answers.len() as f64;
            groups.iter_mut().find(|(g, _)| *g == r.role).unwrap().1.push(score);
        }
    }
    let groups: Vec<&Vec<f64>> = groups.iter().map(|(_, s)| s).filter(|s| !s.is_empty()).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    match weighting {
        Weighting::Balanced => groups.iter().map(|s| mean(s)).sum::<f64>() / groups.len() as f64,
        _ => mean(&groups.iter().flat_map(|s| s.iter().copied()).collect::<Vec<_>>()),
    }
}

fn distinct(values: &[(&str, f64)]) {
    for (i, (a, x)) in values.iter().enumerate() {
        for (b, y) in &values[i + 1..] {
            assert!((x - y).abs() > 1e-6, "the fixture does not tell `{a}` ({x}) from `{b}` ({y})");
        }
    }
}

fn answers(model: &Model, fill: &[(&str, i64)]) -> Vec<Option<i64>> {
    model.items().iter().map(|it| fill.iter().find(|(id, _)| *id == it.id).map(|&(_, v)| v)).collect()
}

/// Dimension A: five items, A4 and A5 asked of `r1` only (r1 is asked 5, r2 is asked 3).
/// Dimension B: two items asked of both roles.
fn routing_fixture() -> (Model, Vec<Row>) {
    let model = model(&[
        ("A", &[("A1", &[]), ("A2", &[]), ("A3", &[]), ("A4", &["r1"]), ("A5", &["r1"])]),
        ("B", &[("B1", &[]), ("B2", &[])]),
    ]);
    let mut rows = vec![
        // r1, asked 5 of A: 3 answers make a score (⌈5/2⌉), 2 do not (⌊5/2⌋ would).
        Row { role: "r1", answers: answers(&model, &[("A1", 5), ("A2", 5), ("A3", 4), ("B1", 4), ("B2", 3)]) },
        Row { role: "r1", answers: answers(&model, &[("A1", 1), ("A2", 1), ("B1", 2), ("B2", 3)]) },
        // One answer of 5 makes no score under ⌊5/2⌋ = 2 either; "any answer" would count it.
        Row { role: "r1", answers: answers(&model, &[("A4", 5), ("B1", 3), ("B2", 3)]) },
        // r2, asked 3 of A: 2 answers make a score (⌈3/2⌉; counting the 5 items, ⌈5/2⌉ = 3
        // would not), 1 does not (⌊3/2⌋ = 1 and "any answer" would).
        Row { role: "r2", answers: answers(&model, &[("A1", 5), ("A3", 5), ("B1", 5), ("B2", 4)]) },
        Row { role: "r2", answers: answers(&model, &[("A2", 1), ("B1", 1), ("B2", 2)]) },
    ];
    // Five more of each role, full answers with some spread.
    for (k, v) in [3, 2, 3, 4, 2].into_iter().enumerate() {
        let w = [2, 3, 3, 2, 4][k];
        let a1 = answers(&model, &[("A1", v), ("A2", w), ("A3", v), ("A4", w), ("A5", 3), ("B1", w), ("B2", v)]);
        rows.push(Row { role: "r1", answers: a1 });
        let a2 = answers(&model, &[("A1", w), ("A2", v), ("A3", 2), ("B1", v), ("B2", 3)]);
        rows.push(Row { role: "r2", answers: a2 });
    }
    (model, rows)
}

fn score(a: &Assessment, dim: &str) -> f64 {
    a.dimensions.iter().find(|d| d.id == dim).unwrap().score.expect("the dimension is scored")
}

#[test]
fn a_respondent_is_scored_on_half_the_items_asked_of_the_role_rounded_up() {
    let (model, rows) = routing_fixture();
    let alternatives =
        [Needed::HalfOfAskedRoundedUp, Needed::HalfOfAskedRoundedDown, Needed::HalfOfAllItems, Needed::Any];
    let values: Vec<(String, f64)> = alternatives
        .iter()
        .map(|&n| (format!("{n:?}"), reference(&model, &rows, "A", n, Weighting::Balanced)))
        .collect();
    distinct(&values.iter().map(|(n, v)| (n.as_str(), *v)).collect::<Vec<_>>());
    let a = run(&model, &rows, Weighting::Balanced);
    assert!((score(&a, "A") - values[0].1).abs() < 1e-9, "A: {} against {values:?}", score(&a, "A"));
    // 6 of the 8 of r1 and 6 of the 7 of r2 have a score on A.
    assert_eq!(a.dimensions[0].n, 12);
}

#[test]
fn groups_combine_balanced_by_default_and_pooled_when_asked() {
    let (model, rows) = routing_fixture();
    // B is asked of both roles; three more r2 respondents make the head counts differ
    // (8 and 10), so that each role counting once differs from each respondent counting once.
    let mut rows = rows;
    for v in [1, 2, 1] {
        rows.push(Row {
            role: "r2",
            answers: answers(&model, &[("A1", v), ("A2", v), ("A3", 2), ("B1", v), ("B2", v)]),
        });
    }
    let needed = Needed::HalfOfAskedRoundedUp;
    let balanced = reference(&model, &rows, "B", needed, Weighting::Balanced);
    let pooled = reference(&model, &rows, "B", needed, Weighting::Pooled);
    distinct(&[("balanced", balanced), ("pooled", pooled)]);
    assert!((score(&run(&model, &rows, Weighting::Balanced), "B") - balanced).abs() < 1e-9);
    assert!((score(&run(&model, &rows, Weighting::Pooled), "B") - pooled).abs() < 1e-9);
    // Default options are balanced.
    assert_eq!(AssessOptions::default().weighting, Weighting::Balanced);
}

#[test]
fn the_overall_score_is_the_unweighted_mean_of_the_dimension_scores() {
    let (model, rows) = routing_fixture();
    let a = run(&model, &rows, Weighting::Balanced);
    let (sa, sb) = (score(&a, "A"), score(&a, "B"));
    let contract = (sa + sb) / 2.0;
    // Alternatives: weighted by items (5 and 2), by respondents scored, or the mean of all answers.
    let by_items = (5.0 * sa + 2.0 * sb) / 7.0;
    let (na, nb) = (a.dimensions[0].n as f64, a.dimensions[1].n as f64);
    let by_n = (na * sa + nb * sb) / (na + nb);
    let all: Vec<f64> = rows.iter().flat_map(|r| r.answers.iter().flatten().map(|&v| v as f64)).collect();
    let all_answers = all.iter().sum::<f64>() / all.len() as f64;
    // by_n equals the contract when both dimensions have the same n; keep it only if not.
    let mut values = vec![("contract", contract), ("by items", by_items), ("all answers", all_answers)];
    if (na - nb).abs() > 0.0 {
        values.push(("by respondents", by_n));
    }
    distinct(&values);
    assert!((a.overall.score.unwrap() - contract).abs() < 1e-9, "{values:?}");
}

/// One role, twelve respondents, two items per dimension answered alike; D1 and D2 average
/// 2.9167 with a wide spread (their intervals reach 3), D3 3.9167.
fn levels_fixture() -> (Model, Vec<Row>) {
    let model = model(&[
        ("D1", &[("D11", &[]), ("D12", &[])]),
        ("D2", &[("D21", &[]), ("D22", &[])]),
        ("D3", &[("D31", &[]), ("D32", &[])]),
    ]);
    let low = [1, 5, 1, 5, 1, 5, 2, 4, 3, 3, 1, 4];
    let high = [3, 4, 4, 5, 4, 4, 4, 5, 4, 3, 4, 3];
    let rows = (0..12)
        .map(|i| {
            let (l, h) = (low[i], high[i]);
            let fill = [("D11", l), ("D12", l), ("D21", low[11 - i]), ("D22", low[11 - i]), ("D31", h), ("D32", h)];
            Row { role: "r1", answers: answers(&model, &fill) }
        })
        .collect();
    (model, rows)
}

#[test]
fn a_level_is_the_whole_part_of_the_score_not_the_rounded_score() {
    let (model, rows) = levels_fixture();
    let a = run(&model, &rows, Weighting::Balanced);
    for d in &a.dimensions {
        let s = d.score.unwrap();
        let (floor, round) = (s.floor() as i64, s.round() as i64);
        assert_ne!(floor, round, "{}: the fixture must tell ⌊x⌋ from round(x) ({s})", d.id);
        assert_eq!(d.level, Some(floor), "{}: {s}", d.id);
        assert_eq!(model.level_of(s), floor);
    }
}

#[test]
fn the_overall_level_is_the_overall_scores_level_lowered_only_by_dimensions_surely_below() {
    let (model, rows) = levels_fixture();
    let a = run(&model, &rows, Weighting::Balanced);
    let levels: Vec<i64> = a.dimensions.iter().map(|d| d.level.unwrap()).collect();
    let overall = a.overall.score.unwrap();
    let base = overall.floor() as i64;
    // Surely below: a lower level whose interval's upper bound does not reach the base level.
    let capped = a
        .dimensions
        .iter()
        .filter(|d| d.level.unwrap() < base && d.ci.is_none_or(|[_, hi]| hi < base as f64 - 1e-9))
        .map(|d| d.level.unwrap())
        .min();
    let contract = capped.map_or(base, |c| c.min(base));
    let mut sorted = levels.clone();
    sorted.sort();
    let mean = levels.iter().sum::<i64>() as f64 / levels.len() as f64;
    let alternatives = [
        ("minimum of the levels (version 2)", sorted[0]),
        ("median of the levels", sorted[sorted.len() / 2]),
        ("rounded mean of the levels", mean.round() as i64),
        ("whole part of the mean of the levels", mean.floor() as i64),
    ];
    for (name, value) in alternatives {
        assert_ne!(value, contract, "the fixture does not tell the rule from the {name} (levels {levels:?})");
    }
    assert!(a.dimensions.iter().all(|d| d.ci.is_some()), "the fixture's cells report intervals");
    assert_eq!(a.overall.level, Some(contract), "levels {levels:?}, overall score {overall}");
    assert!(a.overall.surely_below.is_empty());
}

#[test]
fn the_target_is_the_overall_level_plus_one_and_the_gap_what_is_missing_to_it() {
    let (model, rows) = levels_fixture();
    let a = run(&model, &rows, Weighting::Balanced);
    let target = a.overall.level.unwrap() + 1;
    assert_eq!(a.overall.target, target);
    for d in &a.dimensions {
        // Target score on the 1–5 scale = the target level; the gap is never negative.
        assert_eq!(d.target, target as f64);
        let expected = (d.target - d.score.unwrap()).max(0.0);
        assert!((d.gap.unwrap() - expected).abs() < 1e-9, "{}: gap {:?}, expected {expected}", d.id, d.gap);
    }
    assert!(a.dimensions.iter().any(|d| d.gap.unwrap() > 0.5));
}

#[test]
fn the_overall_level_falls_to_the_level_of_a_dimension_surely_below_it() {
    // D1 averages 1.5 with a narrow interval (its upper bound stays under 3); D2 and D3 4.5.
    let model = model(&[
        ("D1", &[("D11", &[]), ("D12", &[])]),
        ("D2", &[("D21", &[]), ("D22", &[])]),
        ("D3", &[("D31", &[]), ("D32", &[])]),
    ]);
    let rows: Vec<Row> = (0..12)
        .map(|i| {
            let (l, h) = (1 + (i % 2) as i64, 4 + ((i + 1) % 2) as i64);
            let fill = [("D11", l), ("D12", l), ("D21", h), ("D22", h), ("D31", h), ("D32", h)];
            Row { role: "r1", answers: answers(&model, &fill) }
        })
        .collect();
    let a = run(&model, &rows, Weighting::Balanced);
    let overall = a.overall.score.unwrap();
    let base = overall.floor() as i64;
    let d1 = &a.dimensions[0];
    let [_, hi] = d1.ci.expect("D1 reports an interval");
    assert!(hi < base as f64 && d1.level.unwrap() + 1 < base, "fixture: D1 {:?} surely below {base}", d1.ci);
    // Not the overall score's level alone, nor one level down: D1's level.
    assert_eq!(a.overall.level, d1.level, "overall score {overall}");
    assert_eq!(a.overall.surely_below, ["D1"]);
}

//! Portfolio analysis: every component and figure by hand, errors, and invariants.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};
use transform_model::mission::{AlignmentWeights, AnalysisOptions, Portfolio, PortfolioError, Recommendation, sample};
use transform_model::text::{Analyzer, cosine, term_counts};

fn tiny() -> Value {
    json!({
        "municipality": {"code": "860", "name": "Hjørring"},
        "year": 2026,
        "missions": [
            {"id": "M1", "title": {"da": "Unge i job", "en": "Youth in work"},
             "statement": "Alle unge i kommunen finder job eller uddannelse sammen med virksomhederne",
             "target_groups": ["unge", "ledige"], "outcomes": ["job"], "departments": ["A", "B"],
             "indicators": [{"name": "andel i job", "unit": "%", "baseline": 80, "target": 95, "year": 2030}]},
            {"id": "M2", "title": {"da": "Ældre trives", "en": "Older people thrive"}, "statement": "Ældre trives",
             "target_groups": ["ældre"], "outcomes": ["trivsel"], "departments": ["C"]}
        ],
        "initiatives": [
            {"id": "I1", "title": "Jobgaranti", "description": "Virksomheder garanterer unge job",
             "departments": ["A", "B"], "target_groups": ["unge"], "outcomes": ["job"], "ingredients": ["x"],
             "stage": "operations", "mode": "exploit", "facet": "mission_oriented", "cost_per_year": 100,
             "savings_per_year": 300, "investment": 500, "citizen_value": "positive", "start_year": 2024,
             "links": [{"mission": "M1", "strength": 3}]},
            {"id": "I2", "title": "Besøg", "description": "Besøg hos ældre", "departments": ["C"],
             "target_groups": ["Ældre "], "stage": "testing", "mode": "explore", "facet": "adaptive",
             "cost_per_year": 100, "savings_per_year": 0, "citizen_value": "positive", "start_year": 2025},
            {"id": "I3", "title": "Praktik", "description": "Praktik for unge", "departments": ["D"],
             "target_groups": ["unge"], "outcomes": ["job"], "ingredients": ["x"], "stage": "spreading",
             "mode": "exploit", "facet": "enhancement", "cost_per_year": 50, "savings_per_year": 50,
             "citizen_value": "positive", "start_year": 2025},
            {"id": "I4", "title": "Portal", "description": "Ny portal", "departments": ["D"],
             "target_groups": ["borgere"], "stage": "testing", "mode": "explore", "facet": "enhancement",
             "cost_per_year": 80, "citizen_value": "unclear", "start_year": 2024}
        ]
    })
}

fn no_text() -> AnalysisOptions {
    let mut o = AnalysisOptions::default();
    o.weights = AlignmentWeights { text: 0.0, ..AlignmentWeights::default() };
    o.lang = transform_model::Lang::En;
    o
}

fn analyse(v: &Value, o: &AnalysisOptions) -> transform_model::mission::PortfolioAnalysis {
    Portfolio::from_json(&v.to_string()).unwrap().analyse(o).unwrap()
}

#[test]
fn alignment_components_by_hand() {
    let a = analyse(&tiny(), &no_text());
    assert_eq!(a.alignment.len(), 8);
    let row = |i: &str, m: &str| a.alignment.iter().find(|r| &*r.initiative == i && &*r.mission == m).unwrap();
    let r = row("I1", "M1");
    // link 3/3 = 1; target groups {unge} of {unge, ledige} = 0.5; outcomes 1; reach {A, B} of {A, B} = 1.
    assert_eq!(
        (r.components.link, r.components.target_groups, r.components.outcomes, r.components.reach),
        (1.0, 0.5, 1.0, 1.0)
    );
    // (0.35·1 + 0.2·0.5 + 0.2·1 + 0.1·1) / 0.85 = 0.75/0.85.
    assert!((r.score - 0.75 / 0.85).abs() < 1e-12);
    // I2 × M2: target group "Ældre " matches "ældre" after normalising; reach 1: (0.2 + 0.1)/0.85.
    assert!((row("I2", "M2").score - 0.3 / 0.85).abs() < 1e-12);
    // I3 × M1: groups 0.5, outcomes 1, no link, no shared department: (0.1 + 0.2)/0.85.
    assert!((row("I3", "M1").score - 0.3 / 0.85).abs() < 1e-12);
    assert_eq!(row("I4", "M1").score, 0.0);
}

#[test]
fn text_component_matches_a_reference_cosine() {
    let v = tiny();
    let a = analyse(&v, &AnalysisOptions::default());
    let p = Portfolio::from_json(&v.to_string()).unwrap();
    let mut texts: Vec<String> = p.initiatives.iter().map(|i| format!("{}\n{}", i.title, i.description)).collect();
    let mission_text =
        |m: &transform_model::mission::Mission| format!("{}\n{}\n{}", m.title.0["da"], m.title.0["en"], m.statement);
    texts.extend(p.missions.iter().map(mission_text));
    let analyzer = Analyzer::fit(texts.iter().map(String::as_str));
    for r in &a.alignment {
        let i = p.initiatives.iter().position(|x| *x.id == *r.initiative).unwrap();
        let m = p.missions.iter().find(|x| *x.id == *r.mission).unwrap();
        let (ti, tm) = (analyzer.analyze(&texts[i]), analyzer.analyze(&mission_text(m)));
        let reference = cosine(&term_counts(&ti), &term_counts(&tm));
        assert!(
            (r.components.text - reference).abs() < 1e-12,
            "{} {}: {} vs {reference}",
            r.initiative,
            r.mission,
            r.components.text
        );
    }
    // "unge" and "job" are shared by I1 and M1, so their text similarity is positive.
    assert!(a.alignment.get(0).unwrap().components.text > 0.0);
}

#[test]
fn coverage_quality_and_closure() {
    let a = analyse(&tiny(), &no_text());
    let c1 = &a.coverage[0];
    // I1 (0.882) and I3 (0.353) ≥ 0.3.
    assert_eq!(c1.initiatives, 2);
    assert!((c1.weighted - (0.75 + 0.3) / 0.85).abs() < 1e-12);
    assert_eq!(c1.departments, ["A", "B", "D"]);
    assert!(c1.gaps.iter().any(|g| g == "target groups without an initiative: ledige"), "{:?}", c1.gaps);
    assert_eq!(a.mission_quality[0].missed, Vec::<String>::new());
    assert_eq!(a.mission_quality[0].met.len(), 4);
    let q2 = &a.mission_quality[1];
    assert_eq!(q2.met.len(), 0, "{:?}", q2.met);
    assert!(q2.missed[0].starts_with("bold citizen value"));
    let c2 = &a.coverage[1];
    assert!(c2.gaps.contains(&"only one department is involved".to_owned()));
    assert!(c2.gaps.contains(&"outcomes without an initiative: trivsel".to_owned()));
    // I4 aligns with nothing and shows no citizen value.
    assert_eq!(a.closure_candidates.len(), 1);
    assert_eq!(a.closure_candidates[0].initiative, "I4");
    assert_eq!(
        a.closure_candidates[0].reason,
        "serves no mission (best alignment 0.00 < 0.30) and citizen value is unclear"
    );
}

#[test]
fn balance_concentration_and_cross_fertilisation() {
    let a = analyse(&tiny(), &no_text());
    let b = &a.balance;
    assert_eq!(b.active, 4);
    assert_eq!(b.explore_share, Some(0.5));
    assert_eq!(b.stages["testing"], 2);
    // Department units: I1 gives ½ to A and B; C 1; D 2 → shares ⅛, ⅛, ¼, ½.
    // Herfindahl = 2·(1/64) + 1/16 + 1/4 = 0.34375.
    assert!((b.herfindahl.unwrap() - 0.34375).abs() < 1e-12);
    assert!((b.department_shares["D"] - 0.5).abs() < 1e-12);
    // I1 (A, B) and I3 (D) share unge, job and ingredient x, each in 2 of 4 initiatives:
    // 3 · ln(4/2) = 2.079442.
    assert_eq!(a.cross_fertilisation.len(), 1);
    let c = &a.cross_fertilisation[0];
    assert_eq!((c.a.as_str(), c.b.as_str()), ("I1", "I3"));
    assert_eq!(c.shared, ["ingredient:x", "outcome:job", "target_group:unge"]);
    assert!((c.score - 3.0 * 2f64.ln()).abs() < 1e-12);
}

#[test]
fn economics_by_hand() {
    let a = analyse(&tiny(), &no_text());
    let e: BTreeMap<&str, _> = a.economics.iter().map(|e| (e.initiative.as_str(), e)).collect();
    // I1: −500 + 200 (2024) = −300; −100 (2025); +100 (2026) → pays back in 2026.
    assert_eq!(e["I1"].payback_year, Some(2026));
    assert_eq!(e["I1"].recommendation, Recommendation::Spread);
    assert_eq!(e["I1"].net_per_year, Some(200.0));
    // Counted from the start in 2024: 2024, 2025, 2026 = 3 years.
    assert_eq!((e["I1"].counted_from, e["I1"].payback_years, e["I1"].within_horizon), (2024, Some(3), true));
    // I2: positive value but costs 100 and saves nothing → keep.
    assert_eq!((e["I2"].payback_year, e["I2"].recommendation), (None, Recommendation::Keep));
    // I3: saves what it costs from its first year (2025) → spread.
    assert_eq!((e["I3"].payback_year, e["I3"].recommendation), (Some(2025), Recommendation::Spread));
    assert_eq!(e["I4"].recommendation, Recommendation::Close);
    // A shorter horizon: with horizon 1, I1's payback in 2026 (3 years from its start) is
    // beyond it. It is reported as such, not as "no extra cost" (the investment of 500 is a
    // cost): keep, for its citizen value.
    let mut o = no_text();
    o.year = Some(2024);
    o.horizon = 1;
    let a = analyse(&tiny(), &o);
    assert_eq!((a.economics[0].payback_year, a.economics[0].within_horizon), (Some(2026), false));
    assert_eq!(a.economics[0].recommendation, Recommendation::Keep);
    assert_eq!(
        a.economics[0].reason,
        "creates citizen value but pays back only in 2026 (3 years from the start in 2024), beyond the 1-year horizon"
    );
    // Without the citizen value, in 2024 (its start year) it is too early to judge; in 2026
    // (two years on) it is neither paid back within 1 year nor free: reconsider (it is
    // aligned, but in operation, not an experiment).
    let mut v = tiny();
    v["initiatives"][0]["citizen_value"] = json!("unclear");
    let a = analyse(&v, &o);
    assert_eq!(a.economics[0].recommendation, Recommendation::TooEarlyToJudge);
    let a = analyse(&v, &{
        let mut opts = o;
        opts.year = Some(2026);
        opts
    });
    assert_eq!(a.economics[0].recommendation, Recommendation::Reconsider);
    assert_eq!(
        a.economics[0].reason,
        "pays back only in 2026 (3 years from the start in 2024), beyond the 1-year horizon and shows no clear citizen value"
    );
}

#[test]
fn portfolio_errors_name_their_path() {
    let err = |v: Value| Portfolio::from_json(&v.to_string()).unwrap_err().to_string();
    let mut v = tiny();
    v["initiatives"][1]["id"] = json!("I1");
    assert_eq!(err(v), "invalid portfolio at `initiatives[1].id`: duplicate initiative id `I1`");
    let mut v = tiny();
    v["missions"][1]["id"] = json!("M1");
    assert_eq!(err(v), "invalid portfolio at `missions[1].id`: duplicate mission id `M1`");
    let mut v = tiny();
    v["initiatives"][0]["links"][0]["mission"] = json!("M9");
    assert_eq!(err(v), "invalid portfolio at `initiatives[0].links[0].mission`: unknown mission `M9`");
    let mut v = tiny();
    v["initiatives"][2]["cost_per_year"] = json!(-5);
    assert_eq!(err(v), "invalid portfolio at `initiatives[2].cost_per_year`: -5 must be a finite amount ≥ 0");
    let mut v = tiny();
    v["initiatives"][0]["end_year"] = json!(2020);
    assert_eq!(err(v), "invalid portfolio at `initiatives[0].end_year`: end year 2020 is before start year 2024");
    let mut v = tiny();
    v["initiatives"][0]["links"][0]["strength"] = json!(4);
    assert_eq!(err(v), "invalid portfolio at `initiatives[0].links[0].strength`: strength 4 is outside 0..3");
    let mut v = tiny();
    v["initiatives"][3]["stage"] = json!("pilot");
    let e = err(v);
    assert!(e.starts_with("portfolio JSON at `initiatives[3].stage`: unknown variant `pilot`, expected one of `screening`, `maturing`, `testing`, `spreading`, `operations`, `closed`"), "{e}");
    let mut v = tiny();
    v["initiatives"][3]["facet"] = json!("radical");
    assert!(err(v).contains("expected one of `enhancement`, `mission_oriented`, `adaptive`, `anticipatory`"));
    let mut v = tiny();
    v["municipality"]["code"] = json!("999");
    assert_eq!(
        err(v),
        "invalid portfolio at `municipality.code`: `999` is not the code of one of the 98 Danish municipalities"
    );
    let mut v = tiny();
    v["initiatives"][0]["start_year"] = json!(-5_000_000_000i64);
    assert_eq!(err(v), "invalid portfolio at `initiatives[0].start_year`: year -5000000000 is outside 1900..2200");
    let p = Portfolio::from_json(&tiny().to_string()).unwrap();
    let e = p
        .analyse(&{
            let mut o = no_text();
            o.horizon = 1_000_000;
            o
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "option `horizon`: 1000000 years is outside 1..100");
    // A portfolio built in code is checked too, not trusted: an error, never a panic.
    let mut p = Portfolio::from_json(&tiny().to_string()).unwrap();
    p.initiatives[0].links[0].mission = "M9".into();
    assert_eq!(
        p.analyse(&no_text()).unwrap_err().to_string(),
        "invalid portfolio at `initiatives[0].links[0].mission`: unknown mission `M9`"
    );
    let mut v = tiny();
    v.as_object_mut().unwrap().remove("year");
    let p = Portfolio::from_json(&v.to_string()).unwrap();
    assert_eq!(p.analyse(&no_text()).unwrap_err(), PortfolioError::NoAnalysisYear);
}

#[test]
fn sample_portfolio_meets_its_brief() {
    let p = Portfolio::sample();
    assert_eq!(p.missions.len(), 6);
    assert!(p.initiatives.len() >= 40);
    let deps: std::collections::BTreeSet<_> = p.initiatives.iter().flat_map(|i| i.departments.iter()).collect();
    assert!(deps.len() >= 5);
    assert!(p.note.as_deref().unwrap().contains("llustrativ"));
    let a = p.analyse(&AnalysisOptions::default()).unwrap();
    assert!(!a.closure_candidates.is_empty() && !a.cross_fertilisation.is_empty());
}

/// Figures keyed by ids, so file order does not matter.
fn figures(a: &transform_model::mission::PortfolioAnalysis, rename: &dyn Fn(&str) -> String) -> String {
    let mut rows: Vec<String> = a
        .alignment
        .iter()
        .map(|r| {
            let c = &r.components;
            format!(
                "{} {} {:.9} {:.9} {:.9} {:.9} {:.9} {:.9}",
                rename(&r.initiative),
                rename(&r.mission),
                r.score,
                c.link,
                c.target_groups,
                c.outcomes,
                c.text,
                c.reach
            )
        })
        .collect();
    rows.extend(
        a.coverage
            .iter()
            .map(|c| format!("{} {} {:.9} {:?}", rename(&c.mission), c.initiatives, c.weighted, c.departments)),
    );
    rows.extend(
        a.economics.iter().map(|e| format!("{} {:?} {:?}", rename(&e.initiative), e.payback_year, e.recommendation)),
    );
    rows.extend(a.closure_candidates.iter().map(|c| format!("close {}", rename(&c.initiative))));
    rows.extend(a.cross_fertilisation.iter().map(|c| {
        let mut ab = [rename(&c.a), rename(&c.b)];
        ab.sort();
        format!("pair {ab:?} {:.9}", c.score)
    }));
    rows.push(format!("{:.9} {:?}", a.balance.herfindahl.unwrap_or(0.0), a.balance.stages));
    rows.sort();
    rows.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn alignment_is_in_unit_interval(seed in any::<u64>(), n in 1usize..40, m in 1usize..6) {
        let a = sample::sample_portfolio(n, m, seed).analyse(&AnalysisOptions::default()).unwrap();
        for r in &a.alignment {
            prop_assert!((0.0..=1.0).contains(&r.score), "{}", r.score);
            let c = &r.components;
            for x in [c.link, c.target_groups, c.outcomes, c.text, c.reach] {
                prop_assert!((0.0..=1.0).contains(&x));
            }
        }
    }

    #[test]
    fn order_and_ids_change_nothing(seed in any::<u64>(), n in 2usize..30, m in 1usize..5) {
        let p = sample::sample_portfolio(n, m, seed);
        let mut o = AnalysisOptions::default();
        o.cross_top = 10_000;
        let base = figures(&p.analyse(&o).unwrap(), &|s| s.to_owned());
        let mut reordered = p.clone();
        reordered.initiatives.reverse();
        reordered.missions.reverse();
        prop_assert_eq!(&figures(&reordered.analyse(&o).unwrap(), &|s| s.to_owned()), &base);
        let mut renamed = p.clone();
        for i in &mut renamed.initiatives {
            i.id = format!("x{}", i.id);
            for l in &mut i.links { l.mission = format!("y{}", l.mission); }
        }
        for m in &mut renamed.missions { m.id = format!("y{}", m.id); }
        let back = |s: &str| s.trim_start_matches(['x', 'y']).to_owned();
        prop_assert_eq!(&figures(&renamed.analyse(&o).unwrap(), &back), &base);
    }
}

//! The economic lens of greb 9, case by case (issue 9, item 2): the investment counts, an
//! absent yearly cost is unknown (never "spread"), payback is counted from the start, and a
//! payback beyond the horizon is reported as such.

use serde_json::{Value, json};
use transform_model::Lang;
use transform_model::mission::{AlignmentWeights, AnalysisOptions, Economics, Portfolio, Recommendation};

/// One initiative linked with strength 3 to the only mission (alignment 0.35/0.85 ≥ 0.3, so
/// never a closure candidate), in operation since 2024 with positive citizen value, unless
/// `fields` says otherwise. Analysis year 2026, horizon 5.
fn economics_of(fields: Value, lang: Lang) -> Economics {
    let mut initiative = json!({
        "id": "I1", "title": "Indsats", "stage": "operations", "mode": "exploit", "facet": "enhancement",
        "citizen_value": "positive", "start_year": 2024, "links": [{"mission": "M1", "strength": 3}]
    });
    for (k, v) in fields.as_object().unwrap() {
        initiative[k] = v.clone();
    }
    let p = json!({
        "municipality": {"code": null, "name": "Testby"}, "year": 2026,
        "missions": [{"id": "M1", "title": {"da": "Mission", "en": "Mission"}, "statement": "Mission"}],
        "initiatives": [initiative]
    });
    let mut o = AnalysisOptions::default();
    o.weights = AlignmentWeights { text: 0.0, ..AlignmentWeights::default() };
    o.lang = lang;
    let a = Portfolio::from_json(&p.to_string()).unwrap().analyse(&o).unwrap();
    assert!(a.closure_candidates.is_empty());
    a.economics.into_iter().next().unwrap()
}

struct Case {
    name: &'static str,
    fields: Value,
    net: Option<f64>,
    payback: Option<i64>,
    years: Option<i64>,
    within: bool,
    recommendation: Recommendation,
    reason: &'static str,
}

#[test]
fn economics_case_by_case() {
    use Recommendation::*;
    let cases = [
        // The first case: 5,000,000 invested, no yearly figures. Today: net 0 and
        // "spread". The yearly cost is unknown, so no net, no payback: reconsider.
        Case {
            name: "investment only",
            fields: json!({"investment": 5_000_000}),
            net: None,
            payback: None,
            years: None,
            within: false,
            recommendation: Reconsider,
            reason: "reconsider: cost unknown (give cost_per_year); nothing is recommended for spreading without it",
        },
        // No cost fields at all: the same.
        Case {
            name: "no cost fields",
            fields: json!({}),
            net: None,
            payback: None,
            years: None,
            within: false,
            recommendation: Reconsider,
            reason: "reconsider: cost unknown (give cost_per_year); nothing is recommended for spreading without it",
        },
        // No running cost, but 5,000,000 invested and nothing saved: net 0 − 0 = 0 a year,
        // the investment never comes back. Not "no extra cost": keep, for the citizen value.
        Case {
            name: "investment counted",
            fields: json!({"cost_per_year": 0, "investment": 5_000_000}),
            net: Some(0.0),
            payback: None,
            years: None,
            within: false,
            recommendation: Keep,
            reason: "creates citizen value but costs more than it saves",
        },
        // −500 + (300 − 100) = −300 (2024), −100 (2025), +100 (2026): 2024..2026 = 3 years ≤ 5.
        Case {
            name: "pays back in 3 years",
            fields: json!({"cost_per_year": 100, "savings_per_year": 300, "investment": 500}),
            net: Some(200.0),
            payback: Some(2026),
            years: Some(3),
            within: true,
            recommendation: Spread,
            reason: "pays back in 2026, 3 years from the start in 2024, within 5 years (lever 9)",
        },
        // Savings from 2026 only: −100 (2024), −200 (2025), −200 + 200 = 0 (2026): 3 years.
        Case {
            name: "savings start later",
            fields: json!({"cost_per_year": 100, "savings_per_year": 300, "savings_from_year": 2026}),
            net: Some(200.0),
            payback: Some(2026),
            years: Some(3),
            within: true,
            recommendation: Spread,
            reason: "pays back in 2026, 3 years from the start in 2024, within 5 years (lever 9)",
        },
        // From 2025: −1000 + 100·n ≥ 0 first at n = 10, i.e. 2034, 10 years > 5. Today the
        // count stops at 2031 and the initiative is "spread — no extra cost".
        Case {
            name: "pays back beyond the horizon",
            fields: json!({"cost_per_year": 100, "savings_per_year": 200, "investment": 1000, "start_year": 2025}),
            net: Some(100.0),
            payback: Some(2034),
            years: Some(10),
            within: false,
            recommendation: Keep,
            reason: "creates citizen value but pays back only in 2034 (10 years from the start in 2025), beyond the 5-year horizon",
        },
        // The same figures from 2020: 2029, 10 years from the start. Today "pays back in 2029,
        // within 5 years" because 2029 ≤ 2026 + 5, although it took 10 years.
        Case {
            name: "old initiative, long payback",
            fields: json!({"cost_per_year": 100, "savings_per_year": 200, "investment": 1000, "start_year": 2020,
                           "citizen_value": "unclear"}),
            net: Some(100.0),
            payback: Some(2029),
            years: Some(10),
            within: false,
            recommendation: Reconsider,
            reason: "pays back only in 2029 (10 years from the start in 2020), beyond the 5-year horizon and shows no clear citizen value",
        },
        // Ended in 2023 before paying back: −900, −800, −700, −600 (2020–2023); never.
        Case {
            name: "ends before payback",
            fields: json!({"cost_per_year": 100, "savings_per_year": 200, "investment": 1000, "start_year": 2020,
                           "end_year": 2023}),
            net: Some(100.0),
            payback: None,
            years: None,
            within: false,
            recommendation: Keep,
            reason: "creates citizen value but costs more than it saves",
        },
        // Costs 300, saves 100: net −200, the deficit only grows.
        Case {
            name: "net negative",
            fields: json!({"cost_per_year": 300, "savings_per_year": 100, "start_year": 2020,
                           "citizen_value": "unclear"}),
            net: Some(-200.0),
            payback: None,
            years: None,
            within: false,
            recommendation: Reconsider,
            reason: "does not pay back within 5 years and shows no clear citizen value",
        },
        // A stated cost of 0, no investment: value at no extra cost.
        Case {
            name: "free value",
            fields: json!({"cost_per_year": 0}),
            net: Some(0.0),
            payback: None,
            years: None,
            within: false,
            recommendation: Spread,
            reason: "adds citizen value at no extra cost (lever 9)",
        },
    ];
    for c in cases {
        let start = c.fields.get("start_year").and_then(Value::as_i64).unwrap_or(2024);
        let e = economics_of(c.fields, Lang::En);
        let got = (e.net_per_year, e.payback_year, e.payback_years, e.within_horizon, e.recommendation);
        assert_eq!(got, (c.net, c.payback, c.years, c.within, c.recommendation), "{}", c.name);
        assert_eq!(e.reason, c.reason, "{}", c.name);
        assert_eq!(e.counted_from, start, "{}", c.name);
    }
}

#[test]
fn payback_is_counted_from_the_start_year() {
    // Start 2022: −500 + 200 = −300 (2022), −100 (2023), +100 (2024): 3 years, from 2022.
    let e = economics_of(
        json!({"cost_per_year": 100, "savings_per_year": 300, "investment": 500, "start_year": 2022}),
        Lang::En,
    );
    assert_eq!((e.counted_from, e.payback_year, e.payback_years), (2022, Some(2024), Some(3)));
    assert!(e.reason.contains("from the start in 2022"), "{}", e.reason);
    // Saves what it costs from the start: 50 − 50 = 0 ≥ 0 in 2024 itself, one year.
    let e = economics_of(json!({"cost_per_year": 50, "savings_per_year": 50}), Lang::En);
    assert_eq!(e.reason, "pays back in 2024, 1 year from the start in 2024, within 5 years (lever 9)");
}

#[test]
fn reasons_in_danish() {
    let e = economics_of(json!({"investment": 5_000_000}), Lang::Da);
    assert_eq!(e.reason, "genovervej: udgiften er ukendt (angiv udgiften pr. år); intet anbefales udbredt uden den");
    let e = economics_of(
        json!({"cost_per_year": 100, "savings_per_year": 200, "investment": 1000, "start_year": 2025}),
        Lang::Da,
    );
    assert_eq!(
        e.reason,
        "skaber borgerværdi, men tjener sig først hjem i 2034 (10 år regnet fra start i 2025), efter horisonten på 5 år"
    );
    let e = economics_of(json!({"cost_per_year": 100, "savings_per_year": 300, "investment": 500}), Lang::Da);
    assert_eq!(e.reason, "tjener sig hjem i 2026, 3 år regnet fra start i 2024, inden for 5 år (greb 9)");
}

//! Who may be closed (issue 14, DOMAIN.md §5): a mandatory initiative (statutory task or
//! infrastructure) never; one younger than two years with unclear value is "too early to
//! judge".

use serde_json::{Value, json};
use transform_model::Lang;
use transform_model::mission::{
    AlignmentWeights, AnalysisOptions, Portfolio, PortfolioAnalysis, Recommendation, YEARS_TO_JUDGE,
};

/// One initiative serving no mission (no link, no shared tags; text weight 0, so alignment
/// 0 < 0.3), in operation since 2020 with no citizen value, unless `fields` says otherwise.
/// Analysis year 2026.
fn portfolio(fields: Value) -> Value {
    let mut initiative = json!({
        "id": "I1", "title": "Indsats", "stage": "operations", "mode": "exploit", "facet": "enhancement",
        "citizen_value": "none", "start_year": 2020, "cost_per_year": 100
    });
    for (k, v) in fields.as_object().unwrap() {
        initiative[k] = v.clone();
    }
    json!({
        "municipality": {"code": null, "name": "Testby"}, "year": 2026,
        "missions": [{"id": "M1", "title": {"da": "Mission", "en": "Mission"}, "statement": "Mission"}],
        "initiatives": [initiative]
    })
}

fn analyse(fields: Value, lang: Lang) -> PortfolioAnalysis {
    let mut o = AnalysisOptions::default();
    o.weights = AlignmentWeights { text: 0.0, ..AlignmentWeights::default() };
    o.lang = lang;
    Portfolio::from_json(&portfolio(fields).to_string()).unwrap().analyse(&o).unwrap()
}

#[test]
fn a_mandatory_initiative_is_never_closed() {
    // Control: the same initiative, not mandatory, is a closure candidate and "close".
    let a = analyse(json!({}), Lang::En);
    assert_eq!(a.closure_candidates.len(), 1);
    assert_eq!(a.economics[0].recommendation, Recommendation::Close);

    let a = analyse(json!({"mandatory": true}), Lang::En);
    assert!(a.closure_candidates.is_empty());
    assert_eq!(a.economics[0].recommendation, Recommendation::Keep);
    assert_eq!(a.economics[0].reason, "statutory task or infrastructure: not to be closed");
    let a = analyse(json!({"mandatory": true}), Lang::Da);
    assert_eq!(a.economics[0].reason, "lovpligtig opgave eller infrastruktur: lukkes ikke");

    // Negative citizen value closes an ordinary initiative; a mandatory one is rethought.
    let a = analyse(json!({"citizen_value": "negative"}), Lang::En);
    assert_eq!(a.economics[0].recommendation, Recommendation::Close);
    let a = analyse(json!({"citizen_value": "negative", "mandatory": true}), Lang::En);
    assert!(a.closure_candidates.is_empty());
    assert_eq!(a.economics[0].recommendation, Recommendation::Reconsider);
    assert!(a.economics[0].reason.starts_with("a statutory task or infrastructure that creates negative value"));
}

#[test]
fn a_closed_mandatory_initiative_is_refused() {
    let text = portfolio(json!({"mandatory": true, "stage": "closed"})).to_string();
    assert_eq!(
        Portfolio::from_json(&text).unwrap_err().to_string(),
        "invalid portfolio at `initiatives[0].mandatory`: a mandatory initiative (statutory task or infrastructure) cannot be closed"
    );
}

#[test]
fn young_with_unclear_value_is_too_early_to_judge() {
    assert_eq!(YEARS_TO_JUDGE, 2);
    // Started 2025 or 2026: 1 or 0 years before 2026, under two: too early, not a candidate.
    for start in [2025, 2026] {
        let a = analyse(json!({"citizen_value": "unclear", "start_year": start}), Lang::En);
        assert!(a.closure_candidates.is_empty(), "{start}");
        let e = &a.economics[0];
        assert_eq!(e.recommendation, Recommendation::TooEarlyToJudge, "{start}");
        assert_eq!(
            e.reason,
            format!(
                "too early to judge: started in {start}, under two years before the analysis year 2026, and its value is unclear"
            )
        );
    }
    let a = analyse(json!({"citizen_value": "unclear", "start_year": 2025}), Lang::Da);
    assert_eq!(
        a.economics[0].reason,
        "for tidligt at vurdere: startet i 2025, under to år før analyseåret 2026, og værdien er uklar"
    );
    // Started 2024: two years, old enough to judge: a closure candidate.
    let a = analyse(json!({"citizen_value": "unclear", "start_year": 2024}), Lang::En);
    assert_eq!(a.closure_candidates.len(), 1);
    assert_eq!(a.economics[0].recommendation, Recommendation::Close);
    // Young with no value at all (not unclear) is judged: a candidate.
    let a = analyse(json!({"start_year": 2025}), Lang::En);
    assert_eq!(a.closure_candidates.len(), 1);
    // Young with negative value is closed.
    let a = analyse(json!({"citizen_value": "negative", "start_year": 2025}), Lang::En);
    assert_eq!(a.economics[0].recommendation, Recommendation::Close);
}

#[test]
fn the_sample_care_system_and_website_are_mandatory_and_kept() {
    let p = Portfolio::sample();
    let titles: Vec<(&str, &str)> =
        p.initiatives.iter().filter(|i| i.mandatory).map(|i| (i.id.as_str(), i.title.as_str())).collect();
    assert_eq!(titles, [("P11", "Nyt omsorgssystem i ældreplejen"), ("P35", "Ny hjemmeside")]);
    let a = p.analyse(&AnalysisOptions::default()).unwrap();
    for id in ["P11", "P35"] {
        assert!(a.closure_candidates.iter().all(|c| c.initiative != id), "{id}");
        let e = a.economics.iter().find(|e| e.initiative == id).unwrap();
        assert_ne!(e.recommendation, Recommendation::Close, "{id}");
    }
}

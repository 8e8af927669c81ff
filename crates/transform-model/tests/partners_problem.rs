//! Issue 32 items 6 and 7: partners for a problem, for a municipality with or without
//! interventions of its own, and context in Danish (kommunegrupper as an ordered scale).

use serde_json::{Value, json};
use transform_model::ingredient::{Catalog, CatalogError, Index, Outcome, Query};

fn iv(id: &str, code: &str, text: &str, urbanity: &str, ings: &[&str], outcome: &str) -> Value {
    let ings: Vec<Value> = ings.iter().map(|i| json!({"id": i, "weight": 1.0})).collect();
    json!({"id": id, "title": text, "description": text, "municipality": {"code": code, "name": ""},
           "area": "beskæftigelse", "target_groups": [], "problems": [], "context": {"urbanity": urbanity},
           "ingredients": ings, "evidence": {"level": 2, "label": "test"}, "outcome": outcome,
           "transfer": "context_dependent"})
}

/// 901 rural (Nordjylland), 902 urban (Nordjylland), 906 mixed (Syddanmark) answer the
/// problem; 913 (Hovedstaden) works on something else; 906's second intervention failed.
fn index() -> Index {
    let ing = |id: &str, da: &str| json!({"id": id, "name": {"da": da, "en": id}});
    let problem = "Mentor til unge uden uddannelse";
    let catalog = json!({
        "ingredients": [ing("mentor", "Fast mentor"), ing("praktik", "Praktik i virksomhed"), ing("ventetid", "Venteliste")],
        "interventions": [
            iv("I1", "901", problem, "rural", &["mentor"], "positive"),
            iv("I2", "902", problem, "urban", &["mentor", "praktik"], "mixed"),
            iv("I3", "906", problem, "mixed", &["praktik"], "positive"),
            iv("I4", "906", problem, "mixed", &["ventetid"], "negative"),
            iv("I5", "913", "Træning af ældre i eget hjem", "urban", &["praktik"], "positive"),
        ]
    });
    Index::new(Catalog::from_json(&catalog.to_string()).unwrap())
}

fn problem(text: &str) -> Query {
    Query { text: text.into(), ..Query::default() }
}

#[test]
fn a_municipality_without_interventions_gets_partners_nearest_its_context() {
    let index = index();
    // Holbæk (316, Region Sjælland) has no intervention; it says it is a landkommune.
    let mut q = problem("unge uden uddannelse");
    let (k, v) = Query::parse_context("kommunegruppe=landkommune").unwrap();
    q.context.insert(k, v);
    let partners = index.partners_for_problem(&q, Some("316"), 10).unwrap();
    let codes: Vec<&str> = partners.iter().map(|p| p.code.as_str()).collect();
    // 913 works on something else: not a partner for this problem.
    assert_eq!(codes, ["901", "906", "902"]);
    // Every title holds every word of the query: relevance 1. Context: land (2) against land
    // 1, mellem (1) 1 − 1/3, by (0) 1 − 2/3; none lies in Region Sjælland (0); the two
    // averaged; score = 0.7 · 1 + 0.3 · context.
    let by_hand = [(1.0 + 0.0) / 2.0, (2.0 / 3.0 + 0.0) / 2.0, (1.0 / 3.0 + 0.0) / 2.0];
    for (p, c) in partners.iter().zip(by_hand) {
        assert!((p.relevance - 1.0).abs() < 1e-12, "{p:?}");
        assert!((p.context_similarity.unwrap() - c).abs() < 1e-12, "{p:?}");
        assert!((p.score - (0.7 + 0.3 * c)).abs() < 1e-12, "{p:?}");
        assert_eq!(p.same_region, Some(false));
    }
    // 906: both interventions, but only the successful one's ingredients to learn from.
    let p906 = &partners[1];
    assert_eq!(p906.interventions.len(), 2);
    assert_eq!(p906.ingredients, ["praktik"]);
    assert!(p906.interventions.iter().any(|c| c.outcome == Outcome::Negative));
    assert!(partners[0].fictional && partners[0].name == "Havbjerg");
}

#[test]
fn the_asking_municipality_is_not_its_own_partner_and_its_reference_context_counts() {
    let index = index();
    // 902 (Fjordmark) is urban in the reference data: 906 (mixed) is nearer than 901 (rural);
    // 901 shares its region: context 901 = (1/3 + 1)/2 = 2/3, 906 = (2/3 + 0)/2 = 1/3.
    let partners = index.partners_for_problem(&problem("unge uden uddannelse"), Some("902"), 10).unwrap();
    let codes: Vec<&str> = partners.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["901", "906"]);
    assert!((partners[0].context_similarity.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert!((partners[1].context_similarity.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(partners[0].same_region, Some(true));
}

#[test]
fn without_an_asking_municipality_relevance_alone_ranks() {
    let index = index();
    let partners = index.partners_for_problem(&problem("unge uden uddannelse"), None, 2).unwrap();
    // All three have relevance 1: ties go by code; top 2.
    let codes: Vec<&str> = partners.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["901", "902"]);
    assert!(partners.iter().all(|p| p.context_similarity.is_none() && p.same_region.is_none() && p.score == 1.0));
}

#[test]
fn bad_input_is_named() {
    let index = index();
    let q = problem("unge uden uddannelse");
    assert!(matches!(index.partners_for_problem(&q, Some("999"), 3), Err(CatalogError::UnknownMunicipality { .. })));
    assert!(matches!(index.partners_for_problem(&q, None, 0), Err(CatalogError::InvalidOption { .. })));
    let mut bad = q.clone();
    bad.context.insert("kommunegruppe".into(), json!("storby"));
    let err = index.partners_for_problem(&bad, None, 3).unwrap_err();
    assert!(matches!(&err, CatalogError::UnknownInQuery { field, .. } if field == "context.urbanity"), "{err:?}");
}

#[test]
fn danish_context_names_are_the_english_ids() {
    assert_eq!(Query::parse_context("kommunegruppe=landkommune").unwrap(), ("urbanity".into(), json!("rural")));
    assert_eq!(Query::parse_context("Kommunegruppe = Yderkommune").unwrap(), ("urbanity".into(), json!("remote")));
    assert_eq!(Query::parse_context("indbyggere=30-60.000").unwrap(), ("population_band".into(), json!("30-60.000")));
    assert_eq!(Query::parse_context("urbanity=rural").unwrap(), ("urbanity".into(), json!("rural")));
    // A query built as JSON (Python, C) with Danish names matches as the English one.
    let index = index();
    let mut da = problem("mentor");
    da.context.insert("kommunegruppe".into(), json!("mellemkommune"));
    let mut en = problem("mentor");
    en.context.insert("urbanity".into(), json!("mixed"));
    let weights = Default::default();
    assert_eq!(index.search(&da, &weights, 10).unwrap(), index.search(&en, &weights, 10).unwrap());
    // A yderkommune is on the scale though no intervention is one: rural is 2/3 from it.
    let mut remote = problem("mentor");
    remote.context.insert("urbanity".into(), json!("yderkommune"));
    let hits = index.search(&remote, &weights, 10).unwrap();
    let i1 = hits.iter().find(|h| h.id == "I1").unwrap();
    assert!((i1.context_similarity.unwrap() - 2.0 / 3.0).abs() < 1e-12);
}

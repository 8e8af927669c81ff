//! Issue 9 items 3, 4, 6 and 8 for matching: typos refused, one normalisation, a match
//! quality that can say "no good match", lift below 1 flagged, counts that add up, empty
//! results that say why, and `similar` as a library type.

use serde_json::{Value, json};
use transform_model::ingredient::{
    Catalog, CatalogError, GOOD_MATCH, Index, MatchOptions, Query, ReasonKind, RelevanceWeights,
};

fn iv(id: &str, code: &str, text: &str, ings: &[&str], outcome: &str) -> Value {
    let ings: Vec<Value> = ings.iter().map(|i| json!({"id": i, "weight": 1.0})).collect();
    json!({"id": id, "title": text, "description": text, "municipality": {"code": code, "name": ""},
           "area": "ældre", "target_groups": [], "problems": [], "context": {"urbanity": "urban"},
           "ingredients": ings, "evidence": {"level": 2, "label": "test"}, "outcome": outcome,
           "transfer": "context_dependent"})
}

fn catalog(ivs: Vec<Value>) -> Value {
    let ing = |id: &str| json!({"id": id, "name": {"da": id, "en": id}});
    json!({"ingredients": [ing("A"), ing("B"), ing("C")], "interventions": ivs})
}

fn index(ivs: Vec<Value>) -> Index {
    Index::new(Catalog::from_json(&catalog(ivs).to_string()).unwrap())
}

fn text(t: &str) -> Query {
    Query { text: t.into(), ..Query::default() }
}

fn parse_error(v: &Value) -> (String, String) {
    match Catalog::from_json(&v.to_string()).unwrap_err() {
        CatalogError::Parse { path, message } => (path, message),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_catalog_keys_are_refused_with_the_nearest_key() {
    let base = || catalog(vec![iv("I1", "101", "ældre", &["A"], "positive")]);
    // (what, edit, JSON path of the typo, nearest known key)
    type Case = (&'static str, fn(&mut Value), &'static str, &'static str);
    let cases: [Case; 7] = [
        ("top level", |v| v["interventons"] = json!([]), "interventons", "interventions"),
        ("ingredient", |v| v["ingredients"][0]["tag"] = json!([]), "ingredients[0].tag", "tags"),
        ("intervention", |v| v["interventions"][0]["outcom"] = json!("positive"), "interventions[0].outcom", "outcome"),
        (
            "municipality",
            |v| v["interventions"][0]["municipality"]["nme"] = json!("x"),
            "interventions[0].municipality.nme",
            "name",
        ),
        (
            "ingredient use",
            |v| v["interventions"][0]["ingredients"][0]["weigth"] = json!(1),
            "interventions[0].ingredients[0].weigth",
            "weight",
        ),
        (
            "evidence",
            |v| v["interventions"][0]["evidence"]["lable"] = json!("x"),
            "interventions[0].evidence.lable",
            "label",
        ),
        (
            "declaration",
            |v| {
                v["interventions"][0]["evidence"]["declaration"] = json!({"target_group": "A", "method": "A",
                    "implementation": "A", "effect": "A", "economy": "A", "efect": "A"})
            },
            "interventions[0].evidence.declaration.efect",
            "effect",
        ),
    ];
    for (what, edit, path, nearest) in cases {
        let mut v = base();
        edit(&mut v);
        let (p, message) = parse_error(&v);
        assert_eq!(p, path, "{what}");
        let key = path.rsplit('.').next().unwrap();
        assert_eq!(message, format!("unknown key `{key}` (did you mean `{nearest}`?)"), "{what}");
    }
}

#[test]
fn unknown_query_fields_are_typed_errors() {
    let mut rural = iv("I2", "147", "ældre", &["B"], "positive");
    rural["context"]["urbanity"] = json!("rural");
    let index = index(vec![iv("I1", "101", "ældre", &["A"], "positive"), rural]);
    let o = MatchOptions::default();
    let unknown = |q: &Query| match index.match_query(q, &o).unwrap_err() {
        CatalogError::UnknownInQuery { field, value, suggestion, .. } => (field, value, suggestion),
        other => panic!("{other:?}"),
    };
    let mut q = text("ældre");
    q.context.insert("urbanty".into(), json!("rural"));
    assert_eq!(unknown(&q), ("context".into(), "urbanty".into(), Some("urbanity".into())));
    let mut q = text("ældre");
    q.context.insert("urbanity".into(), json!("rurl"));
    assert_eq!(unknown(&q), ("context.urbanity".into(), "rurl".into(), Some("rural".into())));
    let q = Query { area: Some("ældrre".into()), ..text("ældre") };
    assert_eq!(unknown(&q), ("area".into(), "ældrre".into(), Some("ældre".into())));
    let q = Query { exclude: vec!["A".into(), "D".into()], ..text("ældre") };
    let (field, value, _) = unknown(&q);
    assert_eq!((field.as_str(), value.as_str()), ("exclude[1]", "D"));
    // The message names field, value and the nearest known value.
    let mut q = text("ældre");
    q.context.insert("urbanity".into(), json!("rurl"));
    assert_eq!(
        index.match_query(&q, &o).unwrap_err().to_string(),
        "query `context.urbanity`: unknown value `rurl` (did you mean `rural`?)"
    );
    // `similar` and `search` validate the same way; a batch names the query.
    assert!(index.similar(&q, &RelevanceWeights::default(), 3).is_err());
    let batch = index.match_many(&[text("ældre"), q], &o).unwrap_err();
    assert!(matches!(batch, CatalogError::InBatch { index: 1, .. }), "{batch:?}");
    // Known values in any case or spacing are accepted: one normalisation.
    let mut q = Query { area: Some(" ÆLDRE ".into()), ..text("ældre") };
    q.context.insert("Urbanity".into(), json!("Rural"));
    assert!(index.match_query(&q, &o).is_ok());
    // A query's JSON refuses unknown keys too.
    let e = serde_json::from_str::<Query>(r#"{"text": "x", "exclud": ["A"]}"#).unwrap_err();
    assert!(e.to_string().contains("unknown field `exclud`"), "{e}");
}

#[test]
fn tags_and_text_compare_after_one_normalisation() {
    // Catalog side: tag with capitals and double space, and a decomposed "å" in the text
    // and in a problem tag; query side: lower-case, precomposed.
    let mut a = iv("I1", "101", "Ma\u{030A}ltider til ældre", &["A"], "positive");
    a["target_groups"] = json!(["Ældre  Borgere"]);
    a["problems"] = json!(["ensomhed pa\u{030A} landet"]);
    let mut b = iv("I2", "147", "noget andet", &["B"], "positive");
    b["problems"] = json!(["Ensomhed på landet"]);
    let index = index(vec![a, b]);
    let w = RelevanceWeights::default();
    let q = Query { target_groups: vec!["ældre borgere".into()], ..text("måltider") };
    let hits = index.search(&q, &w, 10).unwrap();
    assert_eq!(hits[0].id, "I1");
    assert_eq!(hits[0].tag_overlap, Some(1.0));
    assert_eq!(hits[0].text_match, Some(1.0));
    // Partners: both municipalities share the problem however it was written.
    let p = index.partners("101", 5).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].shared_problems, ["ensomhed på landet"]);
    assert!((p[0].similarity - 1.0).abs() < 1e-12);
}

#[test]
fn a_stray_shared_word_is_no_good_match() {
    let index = Index::new(Catalog::sample());
    let o = MatchOptions::default();
    // The issue's query: before, "vej" + "ledning" made it match a KOL intervention at
    // relevance 1.000. Now no part of it is in any intervention: no good match at all.
    let r = index.match_query(&text("vejvedligeholdelse af cykelstier"), &o).unwrap();
    assert!(r.ingredients.is_empty() && r.not_recommended.is_empty(), "{:?}", r.ingredients);
    assert_eq!((r.retrieved, r.candidates), (0, 0));
    assert_eq!(r.reason.as_ref().map(|r| r.kind), Some(ReasonKind::NothingMatches));
    let reason = r.reason.unwrap();
    assert!(reason.message.get(transform_model::Lang::Da).starts_with("Intet godt match"));
    assert!(reason.message.get(transform_model::Lang::En).starts_with("No good match"));
    // With a word the catalog has ("veje"), interventions share something, but the best
    // covers less than half of the query: no good match, and its relevance is reported.
    let r = index.match_query(&text("vedligeholdelse af cykelstier og veje"), &o).unwrap();
    assert!(r.candidates > 0 && r.retrieved == 0 && r.ingredients.is_empty());
    assert!(r.best_relevance > 0.0 && r.best_relevance < GOOD_MATCH, "{}", r.best_relevance);
    let reason = r.reason.unwrap();
    assert_eq!((reason.kind, reason.best_relevance), (ReasonKind::NoGoodMatch, Some(r.best_relevance)));
    // Filler words ("flere", "vores") neither help nor sink a match.
    let plain = index.match_query(&text("ledige boligområder job"), &o).unwrap();
    let wordy = index.match_query(&text("flere ledige i vores boligområder skal i job"), &o).unwrap();
    assert!(plain.best_relevance >= GOOD_MATCH);
    assert_eq!(plain.best_relevance, wordy.best_relevance);
    assert_eq!(
        index.match_query(&text("flere bedre"), &o).unwrap().reason.map(|r| r.kind),
        Some(ReasonKind::EmptyQuery)
    );
    // A real problem still matches well.
    let r = index.match_query(&text("dosisdispensering af medicin i hjemmeplejen"), &o).unwrap();
    assert!(r.best_relevance >= GOOD_MATCH && !r.ingredients.is_empty() && r.reason.is_none());
}

#[test]
fn relevance_is_absolute_share_of_the_query() {
    // Two words of equal idf (each in one of two documents): a document with one of them
    // covers half the query, and no document is scaled up to 1.
    let index =
        index(vec![iv("I1", "101", "mentor", &["A"], "positive"), iv("I2", "147", "praktik", &["B"], "positive")]);
    let w = RelevanceWeights { text: 1.0, tags: 0.0, context: 0.0 };
    let hits = index.search(&text("mentor praktik"), &w, 10).unwrap();
    assert_eq!(hits.len(), 2);
    for h in &hits {
        assert!((h.relevance - 0.5).abs() < 1e-12, "{h:?}");
    }
    // A word no document has lowers the share, at half the idf it would have
    // (docs/matching.md): ½ · ln(1 + 2.5/0.5) = ½ ln 6; idf(mentor) = ln(1 + 1.5/1.5) = ln 2
    // → ln 2 / (ln 2 + ½ ln 6) (summed in f32).
    let hits = index.search(&text("mentor zzzyx"), &w, 10).unwrap();
    let expect = 2f64.ln() / (2f64.ln() + 0.5 * 6f64.ln());
    assert!((hits[0].relevance - expect).abs() < 1e-6, "{}", hits[0].relevance);
}

#[test]
fn empty_results_say_why() {
    let o = MatchOptions::default();
    let kind = |index: &Index, q: &Query| index.match_query(q, &o).unwrap().reason.map(|r| r.kind);
    let good =
        index(vec![iv("I1", "101", "mentor", &["A"], "positive"), iv("I2", "147", "mentor", &["B"], "positive")]);
    assert_eq!(kind(&good, &text("og i det")), Some(ReasonKind::EmptyQuery));
    assert_eq!(kind(&good, &text("zzzyx")), Some(ReasonKind::NothingMatches));
    assert_eq!(kind(&good, &text("mentor")), None);
    let q = Query { exclude: vec!["A".into(), "B".into()], ..text("mentor") };
    assert_eq!(kind(&good, &q), Some(ReasonKind::AllExcluded));
    let failed =
        index(vec![iv("I1", "101", "mentor", &["A"], "negative"), iv("I2", "147", "mentor", &["B"], "unknown")]);
    assert_eq!(kind(&failed, &text("mentor")), Some(ReasonKind::NoSuccess));
    // Successes I1 {A}, I2 {B}; failure I3 {A, B}: score ½ each, fail share 1 each →
    // lift (0.5 + 0.05)/(1 + 0.05) = 0.52 < 1 for both: none recommended.
    let mixed = index(vec![
        iv("I1", "101", "mentor", &["A"], "positive"),
        iv("I2", "147", "mentor", &["B"], "positive"),
        iv("I3", "751", "mentor", &["A", "B"], "negative"),
    ]);
    let r = mixed.match_query(&text("mentor"), &o).unwrap();
    assert_eq!(r.reason.map(|r| r.kind), Some(ReasonKind::NoneRecommended));
    assert_eq!(r.not_recommended.len(), 2);
    assert!((r.not_recommended[0].lift.unwrap() - 0.55 / 1.05).abs() < 1e-12);
}

#[test]
fn support_and_sources_add_up() {
    let index = Index::new(Catalog::sample());
    let mut o = MatchOptions::default();
    o.top = 100;
    let ivs = index.catalog().interventions();
    for q in ["ledige unge i job", "ældre medicin i hjemmeplejen", "ensomhed blandt ældre", "klimatilpasning"] {
        let r = index.match_query(&text(q), &o).unwrap();
        for m in r.ingredients.iter().chain(&r.not_recommended) {
            let s = &m.support;
            assert_eq!(s.interventions + s.failures + s.unknown, m.sources.len(), "{q} {}", m.id);
            let outcome = |x: &transform_model::ingredient::Source| ivs.iter().find(|i| i.id == x.id).unwrap().outcome;
            let ok: Vec<_> = m.sources.iter().filter(|x| outcome(x).success().is_some_and(|s| s > 0.0)).collect();
            assert_eq!(ok.len(), s.interventions);
            let munis: std::collections::BTreeSet<_> = ok.iter().map(|x| &x.municipality).collect();
            assert_eq!(munis.len(), s.municipalities);
            assert!(m.sources.iter().all(|x| x.relevance >= GOOD_MATCH));
        }
    }
}

#[test]
fn similar_reports_its_own_counts() {
    let index = index(vec![
        iv("I1", "101", "mentor", &["A"], "positive"),
        iv("I2", "147", "mentor", &["B"], "positive"),
        iv("I3", "751", "mentor", &["C"], "positive"),
    ]);
    let mut o = MatchOptions::default();
    o.top = 2;
    let report = index.match_report(&text("mentor"), &o).unwrap();
    // Three interventions retrieved, three ingredients, two shown of each.
    assert_eq!(report.result.retrieved, 3);
    assert_eq!(report.result.ingredients.len(), 2);
    assert_eq!(report.similar.interventions.len(), 2);
    assert_eq!((report.similar.candidates, report.similar.good_matches), (3, 2));
    assert!(report.similar.reason.is_none());
    // Poor matches are still listed as the nearest, counted as no good match, with a reason.
    let s = index.similar(&text("mentor zzzyx qqqxw"), &RelevanceWeights::default(), 5).unwrap();
    assert_eq!((s.interventions.len(), s.good_matches), (3, 0));
    assert_eq!(s.reason.map(|r| r.kind), Some(ReasonKind::NoGoodMatch));
    let json: Value = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(json["retrieved"], json!(3));
    assert_eq!(json["similar"]["interventions"].as_array().unwrap().len(), 2);
}

#[test]
fn context_values_are_compared_by_hand() {
    // population 10,000 and 30,000: range 20,000; a query of 20,000 is 0.5 from each.
    let mut a = iv("I1", "101", "mentor", &["A"], "positive");
    a["context"] = json!({"population": 10000, "urbanity": "urban"});
    let mut b = iv("I2", "147", "mentor", &["B"], "positive");
    b["context"] = json!({"population": 30000, "urbanity": "rural"});
    let index = index(vec![a, b]);
    let mut q = text("mentor");
    q.context.insert("population".into(), json!(20000));
    q.context.insert("urbanity".into(), json!("RURAL"));
    let hits = index.search(&q, &RelevanceWeights::default(), 10).unwrap();
    // I2: (0.5 + 1)/2 = 0.75; I1: urban is two steps of three from rural on the
    // kommunegruppe scale (by, mellem, land, yder): (0.5 + 1/3)/2.
    assert_eq!(hits[0].id, "I2");
    assert_eq!(hits[0].context_similarity, Some(0.75));
    assert!((hits[1].context_similarity.unwrap() - (0.5 + 1.0 / 3.0) / 2.0).abs() < 1e-12);
}

#[test]
fn besøg_finds_hjemmebesøgsprogrammet() {
    let index = index(vec![
        iv("I1", "101", "Hjemmebesøgsprogrammet for nybagte forældre", &["A"], "positive"),
        iv("I2", "147", "Træning for borgere med KOL", &["B"], "positive"),
    ]);
    let hits = index.search(&text("besøg"), &RelevanceWeights::default(), 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["I1"]);
    assert_eq!(hits[0].text_match, Some(1.0));
}

#[test]
fn function_words_and_synonyms_count_as_documented() {
    let w = RelevanceWeights { text: 1.0, tags: 0.0, context: 0.0 };
    let index = index(vec![
        iv("I1", "101", "ledige borgere", &["A"], "positive"),
        iv("I2", "147", "arbejdsløse og ledige borgere", &["B"], "positive"),
        iv("I3", "751", "ældre", &["C"], "positive"),
    ]);
    let relevance = |q: &str, id: &str| {
        let hits = index.search(&text(q), &w, 0).unwrap();
        hits.iter().find(|h| h.id == id).map_or(0.0, |h| h.relevance)
    };
    // Modal verbs and adverbs of degree ("skal", "tættere") weigh nothing: the query
    // "arbejdsløse skal tættere på" is one word, which the synonym "ledige" covers in full.
    assert_eq!(relevance("arbejdsløse skal tættere på", "I1"), 1.0);
    // A document with the word and its synonym counts it once: still exactly 1, never more.
    assert_eq!(relevance("arbejdsløse borgere", "I2"), 1.0);
    assert_eq!(relevance("arbejdsløse borgere", "I1"), 1.0);
    // "seniorer" finds "ældre" (one thesaurus group), "ledige" does not.
    assert_eq!(relevance("seniorer", "I3"), 1.0);
    assert_eq!(relevance("ledige", "I3"), 0.0);
}

#[test]
fn the_issues_sentences_find_their_ingredients() {
    // Issue 30: each was "no good match" or had no ingredient on the bundled catalog.
    let index = Index::new(Catalog::sample());
    let o = MatchOptions::default();
    let cases = [
        ("Ledige borgere i udsatte boligområder skal tættere på arbejdsmarkedet", "opsoegende_kontakt"),
        ("Ledige borgere skal tættere på arbejdsmarkedet", "virksomhedspraktik"),
        ("Ældre borgere skal kunne klare sig selv længere i eget hjem", "hverdagsrehabilitering"),
        ("Unge uden uddannelse eller job skal finde en positiv destination", "fast_kontaktperson"),
        ("Seniorer er isolerede og mangler fællesskaber", "frivillige"),
    ];
    for (q, ingredient) in cases {
        let r = index.match_query(&text(q), &o).unwrap();
        assert!(r.reason.is_none() && r.best_relevance >= GOOD_MATCH, "{q}: {:?}", r.reason);
        let ids: Vec<&str> = r.ingredients.iter().take(5).map(|m| m.id.as_str()).collect();
        assert!(ids.contains(&ingredient), "{q}: {ids:?}");
        // Several municipalities stand behind the recommendations.
        let sources: std::collections::BTreeSet<&str> =
            r.ingredients.iter().flat_map(|m| m.sources.iter().map(|s| s.municipality.as_str())).collect();
        assert!(sources.len() >= 2, "{q}: {sources:?}");
    }
}

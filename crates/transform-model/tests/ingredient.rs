//! Catalog validation, BM25 by hand, distillation by hand, determinism and compounds.

use serde_json::{Value, json};
use transform_model::ingredient::{
    Catalog, CatalogError, Index, LIFT_EPSILON, MatchOptions, Query, RelevanceWeights, sample,
};

fn iv(id: &str, code: &str, title: &str, desc: &str, ings: Value, level: i64, outcome: &str) -> Value {
    json!({"id": id, "title": title, "description": desc, "municipality": {"code": code, "name": ""},
           "area": "beskæftigelse", "target_groups": [], "problems": [], "context": {"urbanity": "urban"},
           "ingredients": ings, "evidence": {"level": level, "label": "test"}, "outcome": outcome,
           "transfer": "context_dependent"})
}

fn catalog(ivs: Vec<Value>) -> Value {
    let ing = |id: &str| json!({"id": id, "name": {"da": id, "en": id}});
    json!({"ingredients": [ing("A"), ing("B"), ing("C")], "interventions": ivs})
}

fn load(v: &Value) -> Result<Catalog, CatalogError> {
    Catalog::from_json(&v.to_string())
}

fn text_only() -> MatchOptions {
    let mut o = MatchOptions::default();
    o.weights = RelevanceWeights { text: 1.0, tags: 0.0, context: 0.0 };
    o
}

#[test]
fn bm25_three_documents_by_hand() {
    let one = json!([{"id": "A", "weight": 1.0}]);
    let c = load(&catalog(vec![
        iv("D1", "101", "kat", "kat hund", one.clone(), 1, "positive"),
        iv("D2", "147", "hund", "hund hund fisk", one.clone(), 1, "positive"),
        iv("D3", "751", "fugl", "fisk fugl", one, 1, "positive"),
    ]))
    .unwrap();
    let index = Index::new(c);
    // Lengths 3, 4, 3 → avgdl = 10/3.
    assert!((index.avgdl() - 10.0 / 3.0).abs() < 1e-12);
    // "hund": n = 2 of N = 3 → idf = ln(1 + 1.5/2.5) = ln 1.6 = 0.470004.
    // D1: tf 1, dl 3: 1·2.2/(1 + 1.2·(0.25 + 0.75·0.9)) = 2.2/2.11 = 1.042654 → 0.490052.
    // D2: tf 3, dl 4: 3·2.2/(3 + 1.2·(0.25 + 0.75·1.2)) = 6.6/4.38 = 1.506849 → 0.708226.
    let s = index.bm25("hund");
    assert_eq!(s.len(), 2);
    assert!((s[0].1 - 0.490052).abs() < 1e-5 && (s[1].1 - 0.708226).abs() < 1e-5, "{s:?}");
    // "fisk fugl": idf(fisk) = 0.470004, idf(fugl) = ln(1 + 2.5/1.5) = 0.980829.
    // D3: fisk tf 1 dl 3 → 0.490052; fugl tf 2 dl 3: 4.4/3.11 = 1.414791 → 1.387668; sum 1.877720.
    // D2: fisk tf 1 dl 4: 2.2/2.38 = 0.924370 → 0.434458.
    let s = index.bm25("Fisk, FUGL!");
    assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2]);
    assert!((s[1].1 - 1.877720).abs() < 1e-5 && (s[0].1 - 0.434458).abs() < 1e-5, "{s:?}");
    // Relevance with text only is BM25 / max BM25: D3 = 1, D2 = 0.434458/1.877720.
    // Relevance with text only is the idf-weighted share of the query's words matched:
    // D3 has both (1); D2 has "fisk" only: 0.470004/(0.470004 + 0.980829) = 0.323948.
    let hits = index.search(&Query { text: "fisk fugl".into(), ..Query::default() }, &text_only().weights, 10).unwrap();
    assert_eq!(hits[0].id, "D3");
    assert!((hits[0].relevance - 1.0).abs() < 1e-12);
    assert!((hits[1].relevance - 0.323948).abs() < 1e-5, "{}", hits[1].relevance);
}

fn distill_catalog() -> Value {
    let ing = |pairs: &[(&str, f64)]| Value::Array(pairs.iter().map(|(i, w)| json!({"id": i, "weight": w})).collect());
    catalog(vec![
        iv("I1", "101", "job", "ledighed", ing(&[("A", 1.0), ("B", 0.5)]), 4, "positive"),
        iv("I2", "147", "job", "ledighed", ing(&[("A", 1.0), ("C", 1.0)]), 1, "positive"),
        iv("I3", "101", "job", "ledighed", ing(&[("B", 1.0), ("C", 1.0)]), 4, "negative"),
        iv("I4", "751", "job", "ledighed", ing(&[("A", 0.5)]), 2, "mixed"),
    ])
}

#[test]
fn distillation_by_hand() {
    let index = Index::new(load(&distill_catalog()).unwrap());
    let r = index.match_query(&Query { text: "ledighed".into(), ..Query::default() }, &text_only()).unwrap();
    // Identical texts → relevance 1 each; w = (level + 1)/5: I1 1, I2 0.4, I3 1, I4 0.6.
    // success s: I1 1, I2 1, I3 0, I4 ½. Σ w s = 1 + 0.4 + 0.3 = 1.7; Σ w (1−s) = 1 + 0.3 = 1.3.
    // A: (1·1 + 0.4·1 + 0.6·½·0.5)/1.7 = 1.55/1.7 = 0.911765; fail 0.15/1.3 = 0.115385.
    // B: 0.5/1.7 = 0.294118; fail 1/1.3 = 0.769231.  C: 0.4/1.7 = 0.235294; fail 0.769231.
    // B and C have lift (0.294 + 0.05)/(0.769 + 0.05) = 0.42 and 0.35 < 1: flagged apart,
    // not recommended.
    let ids = |v: &[transform_model::ingredient::IngredientMatch]| v.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&r.ingredients), ["A"]);
    assert_eq!(ids(&r.not_recommended), ["B", "C"]);
    assert!(
        r.not_recommended
            .iter()
            .all(|m| m.warnings.iter().any(|w| w.starts_with("oftere i mislykkede end i vellykkede indsatser")))
    );
    let lift = |s: f64, f: f64| (s + LIFT_EPSILON) / (f + LIFT_EPSILON);
    let expect = [
        (0.911765, lift(0.911765, 0.115385)),
        (0.294118, lift(0.294118, 0.769231)),
        (0.235294, lift(0.235294, 0.769231)),
    ];
    for (m, (score, l)) in r.ingredients.iter().chain(&r.not_recommended).zip(expect) {
        assert!((m.score - score).abs() < 1e-5, "{} {}", m.id, m.score);
        assert!((m.lift.unwrap() - l).abs() < 1e-4, "{} {:?}", m.id, m.lift);
    }
    assert!((r.ingredients[0].lift.unwrap() - 5.8153).abs() < 1e-3);
    // Support of A: I1, I2, I4 (successful share > 0) in 101, 147, 751.
    assert_eq!((r.ingredients[0].support.interventions, r.ingredients[0].support.municipalities), (3, 3));
    // B: sources I1 (positive) and I3 (negative) → 1 supporting, 1 failure.
    let b = &r.not_recommended[0].support;
    assert_eq!((b.interventions, b.failures, b.unknown), (1, 1, 0));
    assert_eq!(r.retrieved, 4);
    assert!(r.reason.is_none());

    // Already in use: left out, and named.
    let q = Query { text: "ledighed".into(), exclude: vec!["B".into()], ..Query::default() };
    let r = index.match_query(&q, &text_only()).unwrap();
    assert_eq!(ids(&r.ingredients), ["A"]);
    assert_eq!(ids(&r.not_recommended), ["C"]);
    assert_eq!(r.excluded, ["B"]);
}

#[test]
fn context_warning_names_the_mismatch() {
    // A fifth intervention, on another subject, makes "rural" a value the catalog knows.
    let mut def = distill_catalog();
    let mut rural = iv("I5", "147", "fisk", "fisk", json!([{"id": "A", "weight": 1.0}]), 1, "positive");
    rural["context"]["urbanity"] = json!("rural");
    def["interventions"].as_array_mut().unwrap().push(rural);
    let index = Index::new(load(&def).unwrap());
    let mut q = Query { text: "ledighed".into(), ..Query::default() };
    q.context.insert("urbanity".into(), json!("rural"));
    let mut en = MatchOptions::default();
    en.lang = transform_model::Lang::En;
    let r = index.match_query(&q, &en).unwrap();
    assert!(r.ingredients[0].warnings.contains(&"all sources have urbanity = urban; you are rural".to_owned()));
    // C rests on I2 alone (level 1): one municipality, weak evidence.
    let c = r.not_recommended.iter().find(|m| m.id == "C").unwrap();
    assert!(c.warnings.iter().any(|w| w == "supported by a single municipality"));
    assert!(c.warnings.iter().any(|w| w.starts_with("weak evidence")));
}

#[test]
fn catalog_errors_name_their_path() {
    let one = json!([{"id": "A", "weight": 1.0}]);
    let base = || catalog(vec![iv("I1", "101", "t", "d", one.clone(), 1, "positive")]);
    let invalid = |v: Value| match load(&v).unwrap_err() {
        CatalogError::Invalid { path, message } => format!("{path}: {message}"),
        other => panic!("{other:?}"),
    };
    let mut v = base();
    v["interventions"].as_array_mut().unwrap().push(iv("I1", "147", "t", "d", one.clone(), 1, "positive"));
    assert_eq!(invalid(v), "interventions[1].id: duplicate intervention id `I1`");
    let mut v = base();
    v["ingredients"][1]["id"] = json!("A");
    assert_eq!(invalid(v), "ingredients[1].id: duplicate ingredient id `A`");
    let mut v = base();
    v["interventions"][0]["ingredients"][0]["id"] = json!("Z");
    assert_eq!(invalid(v), "interventions[0].ingredients[0].id: unknown ingredient `Z`");
    for w in [0.0, 1.5, -0.2] {
        let mut v = base();
        v["interventions"][0]["ingredients"][0]["weight"] = json!(w);
        assert_eq!(invalid(v), format!("interventions[0].ingredients[0].weight: weight {w} is outside (0, 1]"));
    }
    let mut v = base();
    v["interventions"][0]["evidence"]["level"] = json!(5);
    assert_eq!(invalid(v), "interventions[0].evidence.level: evidence level 5 is outside 0..4");
    let mut v = base();
    v["interventions"][0]["municipality"]["code"] = json!("1010");
    assert_eq!(invalid(v), "interventions[0].municipality.code: `1010` is not a 3-digit municipality code");
    let mut v = base();
    v["interventions"][0]["municipality"]["code"] = json!("411");
    assert_eq!(
        invalid(v),
        "interventions[0].municipality.code: `411` is not the code of one of the 98 Danish municipalities"
    );
    let mut v = base();
    v["interventions"][0]["outcome"] = json!("great");
    match load(&v).unwrap_err() {
        CatalogError::Parse { path, message } => {
            assert_eq!(path, "interventions[0].outcome");
            assert!(
                message.contains(
                    "unknown variant `great`, expected one of `positive`, `mixed`, `none`, `negative`, `unknown`"
                ),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let mut v = base();
    v["interventions"][0]["evidence"]["declaration"] =
        json!({"target_group": "A", "method": "B", "implementation": "C", "effect": "E", "economy": "A"});
    match load(&v).unwrap_err() {
        CatalogError::Parse { path, .. } => assert_eq!(path, "interventions[0].evidence.declaration.effect"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn sample_catalog_meets_its_brief() {
    let c = Catalog::sample();
    assert!(c.interventions().len() >= 60);
    assert!(c.ingredients().len() >= 30);
    let munis: std::collections::BTreeSet<_> = c.interventions().iter().map(|i| &i.municipality.code).collect();
    assert!(munis.len() >= 20);
    let areas: std::collections::BTreeSet<_> = c.interventions().iter().map(|i| i.area.as_str()).collect();
    for a in ["beskæftigelse", "ældre", "børn og unge", "handicap", "sundhed", "klima"] {
        assert!(areas.contains(a), "{a}");
    }
    assert!(c.def().note.as_deref().unwrap().contains("llustrativ"));
    assert!(c.interventions().iter().all(|i| i.effect_size.is_none()), "no invented effect sizes");
}

#[test]
fn compounds_are_found_by_their_parts() {
    let index = Index::new(Catalog::sample());
    let found = |q: &str| -> Vec<String> {
        index
            .search(&Query { text: q.into(), ..Query::default() }, &text_only().weights, 0)
            .unwrap()
            .into_iter()
            .map(|h| {
                index.catalog().interventions()[h.doc].description.to_lowercase()
                    + &index.catalog().interventions()[h.doc].title.to_lowercase()
            })
            .collect()
    };
    assert!(found("indsats").iter().any(|t| t.contains("beskæftigelsesindsatsen")));
    assert!(found("beskæftigelse").iter().any(|t| t.contains("beskæftigelsesindsatsen")));
    assert!(found("pleje").iter().any(|t| t.contains("ældreplejen")));
}

#[test]
fn batch_equals_one_by_one_on_any_thread_count() {
    let index = Index::new(sample::sample_catalog(3000, 5).validate().unwrap());
    let queries: Vec<Query> =
        sample::sample_queries(40, 9).into_iter().map(|text| Query { text, ..Query::default() }).collect();
    let o = MatchOptions::default();
    let single: Vec<_> = queries.iter().map(|q| index.match_query(q, &o).unwrap()).collect();
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| index.match_many(&queries, &o).unwrap())
    };
    assert_eq!(run(1), single);
    assert_eq!(run(4), single);
    assert!(single.iter().filter(|r| !r.ingredients.is_empty()).count() > 30);
    // The index is built identically on any thread count too.
    let a = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| Index::new(Catalog::sample()));
    let b = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap().install(|| Index::new(Catalog::sample()));
    let q = Query { text: "ældre medicin i hjemmeplejen".into(), ..Query::default() };
    assert_eq!(a.match_query(&q, &o), b.match_query(&q, &o));
}

#[test]
fn partners_prefer_similar_problems() {
    let index = Index::new(Catalog::sample());
    let p = index.partners("561", 3).unwrap();
    assert_eq!(p.len(), 3);
    assert!(p.windows(2).all(|w| w[0].score >= w[1].score));
    for x in &p {
        assert!(!x.shared_problems.is_empty());
        let by_hand = 0.6 * x.similarity + 0.3 * x.complementarity + 0.1 * (x.same_region as u8 as f64);
        assert!((x.score - by_hand).abs() < 1e-12);
    }
    assert_eq!(index.partners("999", 3).unwrap_err(), CatalogError::UnknownMunicipality { code: "999".into() });
    assert!(matches!(index.partners("561", 0).unwrap_err(), CatalogError::InvalidOption { name, .. } if name == "top"));
    assert!(matches!(index.partners("155", 3).unwrap_err(), CatalogError::NoProfile { .. }));
}

#[test]
fn csv_catalog_equals_json_and_names_row_and_column() {
    let ingredients = "id,name_da,name_en,description_da,description_en,category,tags\nA,Mentor,Mentor,,,relation,mentor;støtte\nB,Praktik,Placement,,,job,\n";
    let interventions = "id,title,description,municipality_code,municipality_name,year,area,target_groups,problems,urbanity,population_band,ingredients,evidence_level,evidence_label,outcome,transfer\n\
I1,Job,ledige unge i job,860,Hjørring,2021,beskæftigelse,unge;ledige,ledighed,rural,60-100.000,A:1;B:0.5,2,lokal,positive,context_dependent\n";
    let c = Catalog::from_csv(ingredients, interventions).unwrap();
    let iv = &c.interventions()[0];
    assert_eq!(iv.target_groups, ["unge", "ledige"]);
    assert_eq!(iv.ingredients[1].weight, 0.5);
    assert_eq!(iv.context["urbanity"], json!("rural"));
    assert_eq!(c.ingredients()[0].tags, ["mentor", "støtte"]);
    // The same catalog through JSON is equal.
    assert_eq!(Catalog::from_json(&c.to_json()).unwrap(), c);

    let bad = interventions.replace("positive", "great");
    match Catalog::from_csv(ingredients, &bad).unwrap_err() {
        CatalogError::Invalid { path, message } => {
            assert_eq!(path, "interventions.csv row 2, column `outcome`");
            assert!(message.contains("great"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let bad = interventions.replace("A:1;B:0.5", "A:x");
    assert_eq!(
        Catalog::from_csv(ingredients, &bad).unwrap_err(),
        CatalogError::Invalid {
            path: "interventions.csv row 2, column `ingredients`".into(),
            message: "`A:x` is not id:weight".into()
        }
    );
    // Validation still applies: an unknown ingredient names its JSON path.
    let bad = interventions.replace("A:1;B:0.5", "Z:1");
    assert!(matches!(Catalog::from_csv(ingredients, &bad).unwrap_err(),
        CatalogError::Invalid { path, .. } if path == "interventions[0].ingredients[0].id"));
}

//! The bundled sample catalog invents nothing about real municipalities: invented cases belong
//! to fictional municipalities, real ones carry only what the article states. Partner
//! suggestions keep working for real municipalities with real catalogs.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use transform_model::ingredient::{Catalog, CatalogError, Index, Intervention, Outcome, Transfer};
use transform_model::municipality;

/// The real table read independently of `municipality.rs`: (code, name, common name).
fn real_rows() -> Vec<(String, String, String)> {
    include_str!("../data/municipalities.csv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[1].to_owned(), f[2].to_owned())
        })
        .collect()
}

fn is_real(code: &str) -> bool {
    real_rows().iter().any(|(c, _, _)| c == code)
}

fn text(iv: &Intervention) -> String {
    format!("{} {}", iv.title, iv.description).to_lowercase()
}

#[test]
fn no_real_municipality_carries_an_invented_outcome_or_evaluation() {
    let c = Catalog::sample();
    let real: Vec<&Intervention> = c.interventions().iter().filter(|iv| is_real(&iv.municipality.code)).collect();
    assert!(!real.is_empty(), "the article's real cases stay in the catalog");
    for iv in real {
        let at = format!("{} ({})", iv.id, iv.municipality.name);
        assert_eq!(iv.outcome, Outcome::Unknown, "{at}: the article states no measured outcome");
        assert_eq!(iv.effect_size, None, "{at}");
        assert_eq!(iv.evidence.level, 0, "{at}: no evaluation is claimed");
        assert_eq!(iv.evidence.declaration, None, "{at}");
        let label = iv.evidence.label.to_lowercase();
        for claim in ["evaluering:", "ekstern evaluering", "kontrolleret", "lokal erfaring"] {
            assert!(!label.contains(claim), "{at}: label `{}` claims `{claim}`", iv.evidence.label);
        }
        let m = municipality::by_code(&iv.municipality.code).unwrap();
        assert!(!m.fictional);
        assert_eq!(iv.municipality.name, m.name, "{at}: a real code carries its real name");
    }
}

#[test]
fn every_other_intervention_is_at_a_fictional_municipality_with_its_context() {
    let c = Catalog::sample();
    let mut outcomes = BTreeSet::new();
    let mut levels = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for iv in c.interventions().iter().filter(|iv| !is_real(&iv.municipality.code)) {
        let m = municipality::by_code(&iv.municipality.code).unwrap();
        assert!(m.fictional && municipality::is_fictional(&m.code), "{}", iv.id);
        // Marked in the data itself, so every table that prints the name says so.
        assert_eq!(iv.municipality.name, format!("{} (fiktiv)", m.name), "{}", iv.id);
        assert_eq!(iv.context["population_band"], json!(m.population_band.as_deref().unwrap()), "{}", iv.id);
        assert_eq!(iv.context["urbanity"], json!(m.urbanity.as_deref().unwrap()), "{}", iv.id);
        outcomes.insert(format!("{:?}", iv.outcome));
        levels.insert(iv.evidence.level);
        codes.insert(m.code.clone());
    }
    // Rich enough to distil from: every outcome, most evidence levels, every fictional place used.
    assert_eq!(outcomes.len(), 5, "{outcomes:?}");
    assert!(levels.len() >= 4, "{levels:?}");
    assert_eq!(codes.len(), municipality::fictional().len());
    assert!(c.def().note.as_deref().unwrap().contains("fiktive kommuner"));
}

#[test]
fn fictional_municipalities_are_not_real_and_spread_over_regions_and_bands() {
    let real = real_rows();
    let real_names: BTreeSet<String> =
        real.iter().flat_map(|(_, n, cn)| [n.to_lowercase(), cn.to_lowercase()]).collect();
    let fictional = municipality::fictional();
    assert!((10..=15).contains(&fictional.len()), "{}", fictional.len());
    let mut codes = BTreeSet::new();
    for m in fictional {
        assert!(municipality::is_three_digit(&m.code), "{}", m.code);
        assert!(!real.iter().any(|(c, _, _)| *c == m.code), "{} is a real code", m.code);
        assert_ne!(m.code, "999", "999 is the tests' unknown code");
        assert!(codes.insert(m.code.as_str()), "duplicate code {}", m.code);
        assert!(!real_names.contains(&m.name.to_lowercase()), "{} is a real municipality", m.name);
        assert!(m.fictional);
        // The region is a real one, code and name as in the real table.
        assert!(
            municipality::all().iter().any(|r| r.region_code == m.region_code && r.region_name == m.region_name),
            "{}: region {} {}",
            m.name,
            m.region_code,
            m.region_name
        );
        assert!(["urban", "mixed", "rural"].contains(&m.urbanity.as_deref().unwrap()), "{}", m.name);
    }
    let regions: BTreeSet<&str> = fictional.iter().map(|m| m.region_name.as_str()).collect();
    assert_eq!(regions.len(), 5);
    let bands: BTreeSet<&str> = fictional.iter().map(|m| m.population_band.as_deref().unwrap()).collect();
    assert_eq!(bands, BTreeSet::from(["under 30.000", "30-60.000", "60-100.000", "over 100.000"]));
    // Known to the lookup the catalog validation uses, but not among the 98.
    assert!(municipality::by_code("901").is_some() && municipality::all().iter().all(|m| m.code != "901"));
}

/// The band of a population, by the catalog's edges (30,000 / 60,000 / 100,000).
fn band(population: u32) -> &'static str {
    match population {
        0..30_000 => "under 30.000",
        30_000..60_000 => "30-60.000",
        60_000..100_000 => "60-100.000",
        _ => "over 100.000",
    }
}

#[test]
fn real_population_bands_follow_the_population() {
    // Population 1 January 2024 (Statistics Denmark, FOLK1A), rounded to thousands.
    let population = [
        ("326", 49_000),  // Kalundborg
        ("400", 39_000),  // Bornholm
        ("540", 74_000),  // Sønderborg
        ("561", 116_000), // Esbjerg
        ("621", 95_000),  // Kolding (the old catalog had "over 100.000")
        ("751", 367_000), // Aarhus
        ("813", 59_000),  // Frederikshavn (the old catalog had "60-100.000")
        ("860", 64_000),  // Hjørring
    ];
    for iv in Catalog::sample().interventions().iter().filter(|iv| is_real(&iv.municipality.code)) {
        let code = iv.municipality.code.as_str();
        let (_, p) = population.iter().find(|(c, _)| *c == code).unwrap_or_else(|| panic!("add {code}'s population"));
        assert_eq!(iv.context["population_band"], json!(band(*p)), "{} {}", iv.id, iv.municipality.name);
    }
}

#[test]
fn the_reviews_domain_errors_stay_fixed() {
    let c = Catalog::sample();
    let ivs = c.interventions();
    // IPS depends on integration with treatment: never a simple causal solution.
    let ips: Vec<&Intervention> = ivs.iter().filter(|iv| iv.ingredients.iter().any(|u| u.id == "ips")).collect();
    assert!(ips.len() >= 2);
    assert!(ips.iter().all(|iv| iv.transfer == Transfer::ContextDependent));
    // KUI has been mandatory since 2019: described as the statutory scheme, not a local invention.
    let kui: Vec<&Intervention> = ivs.iter().filter(|iv| text(iv).contains("kommunale ungeindsats")).collect();
    assert!(!kui.is_empty());
    assert!(kui.iter().all(|iv| text(iv).contains("lovpligtige") && iv.year.unwrap_or(2019) >= 2019));
    // Kalundborg Symbiosis dates from 1972, not 2016.
    let symbiosis = ivs.iter().find(|iv| iv.title.contains("Kalundborg Symbiosis")).unwrap();
    assert_eq!((symbiosis.municipality.code.as_str(), symbiosis.year), ("326", Some(1972)));
    // Psykisk førstehjælp is a course for the adults around young people, not counselling.
    let pfh: Vec<&Intervention> = ivs.iter().filter(|iv| text(iv).contains("psykisk førstehjælp")).collect();
    assert!(!pfh.is_empty());
    assert!(pfh.iter().all(|iv| text(iv).contains("kurs") && iv.target_groups.iter().any(|g| g.contains("voksne"))));
    // Welfare technology belongs to care, rehabilitation and health, not to buildings or parks.
    for iv in ivs.iter().filter(|iv| iv.ingredients.iter().any(|u| u.id == "velfaerdsteknologi")) {
        assert!(["ældre", "handicap", "sundhed"].contains(&iv.area.as_str()), "{} in {}", iv.id, iv.area);
    }
    // The review's Danish wording.
    for bad in [
        "vidensparter",
        "familier til unge med autisme",
        "vanskeligheder i ordinært job",
        "job, praktik og erhvervspraktik",
    ] {
        assert!(ivs.iter().all(|iv| !text(iv).contains(bad)), "`{bad}` is still in the catalog");
    }
}

fn real_catalog() -> Value {
    let ing = |id: &str| json!({"id": id, "name": {"da": id, "en": id}});
    let iv = |id: &str, code: &str, problems: &[&str], ingredient: &str| {
        json!({"id": id, "title": id, "description": "indsats", "municipality": {"code": code, "name": ""},
               "area": "beskæftigelse", "problems": problems, "ingredients": [{"id": ingredient, "weight": 1.0}],
               "evidence": {"level": 1}, "outcome": "unknown", "transfer": "context_dependent"})
    };
    json!({"ingredients": [ing("A"), ing("B"), ing("C"), ing("D")], "interventions": [
        iv("E1", "561", &["ledighed", "ensomhed"], "A"), // Esbjerg, Region Syddanmark
        iv("F1", "607", &["ledighed"], "A"),             // Fredericia, Region Syddanmark
        iv("F2", "607", &["ledighed"], "B"),
        iv("N1", "851", &["ledighed", "ensomhed"], "C"), // Aalborg, Region Nordjylland
        iv("M1", "751", &["ensomhed"], "A"),             // Aarhus, Region Midtjylland
        iv("M2", "751", &["ensomhed"], "B"),
        iv("K1", "101", &["klima"], "D"),                // København: no shared problem
    ]})
}

#[test]
fn partners_work_for_real_municipalities_with_a_real_catalog() {
    let index = Index::new(Catalog::from_json(&real_catalog().to_string()).unwrap());
    let p = index.partners("561", 10).unwrap();
    // Esbjerg: problems {ledighed 1, ensomhed 1}, |·| = √2; ingredients {A}.
    // Aalborg: {ledighed 1, ensomhed 1}: dot 2, sim 2/(√2·√2) = 1; learn {C} of {C}: 1; other region.
    //   score 0.6·1 + 0.3·1 + 0 = 0.9.
    // Fredericia: {ledighed 2}: dot 2, sim 2/(√2·2) = 0.707107; learn {B} of {A, B}: 0.5; same region.
    //   score 0.6·0.707107 + 0.3·0.5 + 0.1 = 0.674264.
    // Aarhus: {ensomhed 2}: dot 2, sim 0.707107; learn {B} of {A, B}: 0.5; other region.
    //   score 0.424264 + 0.15 = 0.574264.  København shares no problem: left out.
    let got: Vec<(&str, &str, &str, bool)> =
        p.iter().map(|x| (x.code.as_str(), x.name.as_str(), x.region.as_str(), x.same_region)).collect();
    assert_eq!(
        got,
        [
            ("851", "Aalborg", "Region Nordjylland", false),
            ("607", "Fredericia", "Region Syddanmark", true),
            ("751", "Aarhus", "Region Midtjylland", false),
        ]
    );
    let r = std::f64::consts::FRAC_1_SQRT_2; // 0.707107
    let expect = [(0.9, 1.0, 1.0), (0.674264, r, 0.5), (0.574264, r, 0.5)];
    for (x, (score, sim, comp)) in p.iter().zip(expect) {
        assert!((x.score - score).abs() < 1e-6, "{} {}", x.code, x.score);
        assert!((x.similarity - sim).abs() < 1e-6, "{} {}", x.code, x.similarity);
        assert!((x.complementarity - comp).abs() < 1e-12, "{} {}", x.code, x.complementarity);
    }
    assert_eq!(p[0].shared_problems, ["ensomhed", "ledighed"]);
    assert_eq!(
        (p[1].shared_problems.as_slice(), p[1].ingredients_to_learn.as_slice()),
        (&["ledighed".to_owned()][..], &["B".to_owned()][..])
    );
    assert_eq!(p[0].ingredients_to_learn, ["C"]);
    // København has a profile but shares no problem; Dragør has none; 999 is no municipality.
    assert_eq!(index.partners("101", 3).unwrap(), vec![]);
    assert_eq!(index.partners("155", 3).unwrap_err(), CatalogError::NoProfile { code: "155".into() });
    assert_eq!(index.partners("999", 3).unwrap_err(), CatalogError::UnknownMunicipality { code: "999".into() });
}

#[test]
fn partners_on_the_sample_name_fictional_places_by_their_table() {
    let index = Index::new(Catalog::sample());
    let p = index.partners("561", 5).unwrap();
    assert_eq!(p.len(), 5);
    for x in &p {
        let m = municipality::by_code(&x.code).unwrap();
        assert_eq!((x.name.as_str(), x.region.as_str()), (m.name.as_str(), m.region_name.as_str()));
        assert_eq!(x.same_region, m.region_code == "1083", "Esbjerg is in Region Syddanmark");
    }
    assert!(p.iter().any(|x| municipality::is_fictional(&x.code)));
    // A fictional municipality can ask too.
    assert!(!index.partners("904", 3).unwrap().is_empty());
}

#[test]
fn a_code_in_neither_table_is_still_refused() {
    let mut v = real_catalog();
    v["interventions"][0]["municipality"]["code"] = json!("916");
    match Catalog::from_json(&v.to_string()).unwrap_err() {
        CatalogError::Invalid { path, message } => {
            assert_eq!(path, "interventions[0].municipality.code");
            assert!(message.contains("`916`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_sample_portfolio_keeps_the_reviews_fixes() {
    let p = transform_model::mission::Portfolio::sample();
    let care = ["Sundhed og Omsorg", "Social og Handicap"];
    for i in p.initiatives.iter().filter(|i| i.ingredients.iter().any(|x| x == "velfaerdsteknologi")) {
        assert!(i.departments.iter().any(|d| care.contains(&d.as_str())), "{} {:?}", i.id, i.departments);
    }
    for i in &p.initiatives {
        let t = format!("{} {}", i.title, i.description).to_lowercase();
        assert!(!t.contains("ungeindsats") || t.contains("lovpligtige"), "{}: KUI is statutory", i.id);
        assert!(!t.contains("borgere i ordinært job"), "{}: `ind i ordinært job`", i.id);
    }
}

/// Issue 30, item 3: every mission of the sample portfolio (its statement and target groups,
/// as the plan and the report ask) and every problem the article names (in those words)
/// finds at least three good matches with a known outcome at fictional municipalities, and
/// so recommends ingredients from named municipalities.
#[test]
fn the_catalog_covers_its_own_sample() {
    use transform_model::ingredient::{GOOD_MATCH, MatchOptions, Query};
    let index = Index::new(Catalog::sample());
    let portfolio: Value = serde_json::from_str(include_str!("../data/portfolio.json")).unwrap();
    let strings = |v: &Value| v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect();
    let mut queries: Vec<Query> = portfolio["missions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| Query {
            text: m["statement"].as_str().unwrap().to_owned(),
            target_groups: strings(&m["target_groups"]),
            ..Query::default()
        })
        .collect();
    assert!(queries.len() >= 6);
    // The problems the article names (issue 30).
    queries.extend(
        [
            "unge uden uddannelse og job",
            "ensomhed blandt ældre",
            "ledige i udsatte boligområder",
            "rehabilitering",
            "sårbare familier",
            "klima med borgerne",
        ]
        .map(|t| Query { text: t.to_owned(), ..Query::default() }),
    );
    let o = MatchOptions::default();
    for query in &queries {
        let text = &query.text;
        let hits = index.search(query, &o.weights, 0).unwrap();
        let known: BTreeSet<&str> = hits
            .iter()
            .filter(|h| h.relevance >= GOOD_MATCH)
            .map(|h| &index.catalog().interventions()[h.doc])
            .filter(|iv| iv.outcome != Outcome::Unknown && !is_real(&iv.municipality.code))
            .map(|iv| iv.id.as_str())
            .collect();
        assert!(known.len() >= 3, "{text}: {known:?}");
        let result = index.match_query(query, &o).unwrap();
        assert!(result.reason.is_none() && !result.ingredients.is_empty(), "{text}: {:?}", result.reason);
        let places: BTreeSet<&str> =
            result.ingredients.iter().flat_map(|m| m.sources.iter().map(|s| s.municipality.as_str())).collect();
        assert!(places.len() >= 2, "{text}: {places:?}");
    }
}

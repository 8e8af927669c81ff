//! The bundled models as the engine uses them: the default sample on dtm 2026.2, the `ci`
//! model assessed by the same engine, and a 2026.1 baseline compared with a 2026.2 round.

use std::collections::BTreeSet;

use serde_json::Value;
use transform_model::maturity::{SAMPLE_RESPONSES_CI_CSV, SAMPLE_RESPONSES_CSV, compare, sample};
use transform_model::model::{DTM_2026_1_JSON, DTM_2026_2_JSON, DTM_2027_1_JSON, carried_over, item_changes};
use transform_model::{AssessOptions, Model, Responses, assess};

fn options() -> AssessOptions {
    let mut o = AssessOptions::default();
    o.bootstrap = 0;
    o
}

#[test]
fn the_default_sample_shows_an_anonymity_exclusion_and_a_significant_gap() {
    let model = Model::default_model();
    let data = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &Default::default()).unwrap();
    let a = assess(&model, &data, &options()).unwrap();
    assert_eq!((a.model.id.as_str(), a.model.version.as_str()), ("dtm", "2027.1"));
    // The CSV has 4 politicians (k = 5): they are left out of every figure.
    let politicians = SAMPLE_RESPONSES_CSV.lines().filter(|l| l.split(',').nth(1) == Some("politician")).count();
    assert_eq!(politicians, 4);
    assert_eq!(a.excluded_for_anonymity, politicians);
    // Issue 15: the demo has at least one perception gap significant after Holm.
    let significant: Vec<_> = a.gaps.iter().filter(|g| g.significant == Some(true)).collect();
    assert!(!significant.is_empty(), "no Holm-significant gap in the bundled sample");
    assert!(significant.iter().all(|g| g.p_adjusted.is_some_and(|p| p < 0.05)));
    // The bundled sample is what `sample` generates with the arguments documented on it.
    assert_eq!(sample::sample_csv(&model, 78, 6, Some(&[4, 12, 24, 30, 8])), SAMPLE_RESPONSES_CSV);
    // Issue 27: gaps only on comparable items, so only between groups that answer the same
    // municipal items (managers); none with front-line staff or external partners.
    for g in &significant {
        for group in [&g.a, &g.b] {
            assert!(!["frontline", "external_partner"].contains(&group.as_str()), "{g:?}");
        }
    }
}

#[test]
fn ci_is_assessed_by_the_same_engine_on_its_bundled_sample() {
    let model = Model::bundled("ci").unwrap();
    let data = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CI_CSV, &Default::default()).unwrap();
    let a = assess(&model, &data, &options()).unwrap();
    assert_eq!(a.model.id, "ci");
    let ids: Vec<&str> = a.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["agenda", "measurement", "activities", "communication", "backbone"]);
    assert!(a.dimensions.iter().all(|d| d.score.is_some() && d.level.is_some()), "every condition scored");
    // The sample fixes 10/6/8/10/6 partners per sector, all at least k = 5: nobody left out.
    assert_eq!((a.n_respondents, a.excluded_for_anonymity), (40, 0));
    assert_eq!(a.groups.len(), 5);
    // The bundled ci sample is what `sample` generates with the documented arguments.
    let counts = [10, 6, 8, 10, 6];
    assert_eq!(sample::sample_csv(&model, 40, 0, Some(&counts)), SAMPLE_RESPONSES_CI_CSV);
}

#[test]
fn a_generated_ci_sample_draws_every_sector() {
    let model = Model::bundled("ci").unwrap();
    let data = sample::sample_responses(&model, 200, 7);
    let a = assess(&model, &data, &options()).unwrap();
    assert_eq!(a.dimensions.iter().filter(|d| d.score.is_some()).count(), 5);
    assert_eq!(a.excluded_for_anonymity, 0, "each sector drawn at least k times out of 200");
}

/// Item ids of each dimension in a model file, read as plain JSON (the reference).
fn ids_by_dimension(json: &str) -> Vec<(String, BTreeSet<String>)> {
    let v: Value = serde_json::from_str(json).unwrap();
    let dims = v["dimensions"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_owned());
    dims.map(|dim| {
        let items = v["items"].as_array().unwrap().iter().filter(|i| i["dimension"] == dim.as_str());
        let ids = items.map(|i| i["id"].as_str().unwrap().to_owned()).collect();
        (dim, ids)
    })
    .collect()
}

#[test]
fn item_changes_from_2026_1_to_2026_2_match_the_files() {
    let (old, new) = (Model::bundled("dtm@2026.1").unwrap(), Model::bundled("dtm@2026.2").unwrap());
    let changes = item_changes(&old, &new);
    // Read from the changelog and the files by hand: D1 lost D1_3, D1_4 and gained D1_5..D1_8.
    let d1 = changes.iter().find(|c| c.dimension == "D1").unwrap();
    assert_eq!(d1.removed, ["D1_3", "D1_4"]);
    assert_eq!(d1.added, ["D1_5", "D1_6", "D1_7", "D1_8"]);
    // Every dimension against a set difference over the raw JSON.
    let before = ids_by_dimension(DTM_2026_1_JSON);
    for (dim, after) in ids_by_dimension(DTM_2026_2_JSON) {
        let was = &before.iter().find(|(d, _)| *d == dim).unwrap().1;
        let added: BTreeSet<String> = after.difference(was).cloned().collect();
        let removed: BTreeSet<String> = was.difference(&after).cloned().collect();
        let got = changes.iter().find(|c| c.dimension == dim);
        let got_added: BTreeSet<String> = got.map(|c| c.added.iter().cloned().collect()).unwrap_or_default();
        let got_removed: BTreeSet<String> = got.map(|c| c.removed.iter().cloned().collect()).unwrap_or_default();
        assert_eq!((got_added, got_removed), (added, removed), "{dim}");
    }
    // A kept id with new wording is listed as changed, never as added or removed.
    let d4 = changes.iter().find(|c| c.dimension == "D4").unwrap();
    let reworded: Vec<&str> = ["D4_1", "D4_2", "D4_3", "D4_4"]
        .into_iter()
        .filter(|id| old.items()[old.item_index(id).unwrap()].text != new.items()[new.item_index(id).unwrap()].text)
        .collect();
    assert!(!reworded.is_empty());
    assert!(reworded.iter().all(|id| d4.changed.iter().any(|c| c == id)), "{reworded:?} vs {:?}", d4.changed);
    // The same model on both sides has no changes.
    assert!(item_changes(&new, &new).is_empty());
}

#[test]
fn a_2026_1_baseline_compares_with_a_2026_2_round_by_dimension() {
    let (old, new) = (Model::bundled("dtm@2026.1").unwrap(), Model::default_model());
    let earlier = assess(&old, &sample::sample_responses(&old, 300, 1), &options()).unwrap();
    let now =
        assess(&new, &Responses::from_csv_str(&new, SAMPLE_RESPONSES_CSV, &Default::default()).unwrap(), &options())
            .unwrap();
    let mut c = compare(&now, &earlier).unwrap();
    assert!(c.item_changes.is_empty(), "compare sees no models");
    assert_eq!(c.baseline_version, "2026.1");
    for d in &c.dimensions {
        let (b, n) = (
            earlier.dimensions.iter().find(|x| x.id == d.id).unwrap(),
            now.dimensions.iter().find(|x| x.id == d.id).unwrap(),
        );
        assert_eq!(d.change, b.score.zip(n.score).map(|(b, n)| n - b), "{}", d.id);
    }
    c.item_changes = item_changes(&old, &new);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["item_changes"][0]["dimension"], "D1");
    // Without changes the field is left out of the JSON, as in files written before it.
    let same = compare(&now, &now).unwrap();
    assert!(serde_json::to_value(&same).unwrap().get("item_changes").is_none());
}

#[test]
fn from_2026_2_to_2027_1_the_carried_over_items_and_item_changes_cover_every_item() {
    let (old, new) = (Model::bundled("dtm@2026.2").unwrap(), Model::bundled("dtm@2027.1").unwrap());
    let kept: BTreeSet<String> = carried_over(&old, &new).into_iter().collect();
    let changes = item_changes(&old, &new);
    let named: BTreeSet<String> = changes.iter().flat_map(|c| c.added.iter().chain(&c.changed).cloned()).collect();
    // The reference: every 2027.1 item, read from the file.
    let all: BTreeSet<String> = ids_by_dimension(DTM_2027_1_JSON).into_iter().flat_map(|(_, ids)| ids).collect();
    // Each item of 2027.1 either carries over (possibly asked of other roles: then also
    // `changed`) or is named as added or changed; none is both added and carried over.
    assert_eq!(kept.union(&named).cloned().collect::<BTreeSet<_>>(), all);
    for c in &changes {
        assert!(c.added.iter().all(|id| !kept.contains(id)), "{c:?}");
    }
    // Reworded (D9_6 names the executive board), reversed into a new id (D4_5 → D4_6) and
    // moved behind a filter (D3_3): never carried over.
    for id in ["D9_6", "D4_6", "D3_3"] {
        assert!(!kept.contains(id), "{id}");
    }
    // Unchanged wording, key and filter: carried over (D1_1 is asked as before of managers).
    assert!(kept.contains("D1_1") && kept.contains("D8_5"));
    let d3 = changes.iter().find(|c| c.dimension == "D3").unwrap();
    assert!(d3.changed.iter().any(|id| id == "D3_3"), "a new filter is a change: {d3:?}");
    // What 2026.2 asked and 2027.1 no longer does is named as removed.
    let removed: BTreeSet<String> = changes.iter().flat_map(|c| c.removed.iter().cloned()).collect();
    assert!(removed.contains("D10_4") && removed.contains("D6_6") && removed.contains("D4_5"));
}

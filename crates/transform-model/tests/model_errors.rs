//! Every rule of the model schema, each with the error and the JSON path it names.

mod common;

use serde_json::{Value, json};
use transform_model::{Model, ModelError};

fn base() -> Value {
    serde_json::from_str(common::WORKED_MODEL).unwrap()
}

fn err(v: Value) -> ModelError {
    Model::from_json(&v.to_string()).unwrap_err()
}

fn invalid(path: &str, message: &str) -> ModelError {
    ModelError::Invalid { path: path.into(), message: message.into() }
}

#[test]
fn default_model_is_the_bundled_dtm_2027_1() {
    let m = Model::default_model();
    assert_eq!((m.id(), m.version()), ("dtm", "2027.1"));
    assert_eq!(m, Model::bundled("dtm").unwrap());
    assert_eq!(m, Model::from_json(transform_model::model::DEFAULT_MODEL_JSON).unwrap());
    assert_eq!(m.dimensions().len(), 10);
    // The revision routes items per role (issue 12): no role rests on a single item.
    assert!(m.warnings().is_empty(), "{:?}", m.warnings());
    assert_eq!(Model::from_json(&m.to_json()).unwrap(), m);
}

#[test]
fn dtm_2026_1_stays_bundled_valid_and_complete() {
    let m = Model::bundled("dtm@2026.1").unwrap();
    assert_eq!((m.id(), m.version()), ("dtm", "2026.1"));
    assert_eq!(m.levels().len(), 5);
    assert_eq!(m.dimensions().len(), 10);
    assert!(m.items().len() <= 42);
    assert!(m.items().iter().filter(|i| i.reverse).count() >= 4);
    for d in 0..10 {
        let n = m.dimension_items(d).len();
        assert!((3..=5).contains(&n), "dimension {} has {n} items", m.dimensions()[d].id);
    }
    for (r, role) in m.roles().iter().enumerate() {
        let asked = (0..m.items().len()).filter(|&i| m.is_asked(r, i)).count();
        assert!(asked >= 8, "role {} answers {asked} items", role.id);
    }
    let ext = m.role_index("external_partner").unwrap();
    for dim in ["D5", "D7"] {
        let d = m.dimension_index(dim).unwrap();
        assert!(m.dimension_items(d).iter().all(|&i| m.is_asked(ext, i)), "external partners answer all of {dim}");
    }
    let pol = m.role_index("politician").unwrap();
    for dim in ["D1", "D3"] {
        let d = m.dimension_index(dim).unwrap();
        assert!(m.dimension_items(d).iter().all(|&i| m.is_asked(pol, i)), "politicians answer all of {dim}");
    }
    let levers: Vec<&str> = m.levers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levers.len(), 12);
    // Round trip through JSON gives the same model.
    assert_eq!(Model::from_json(&m.to_json()).unwrap(), m);
}

#[test]
fn duplicate_ids() {
    let mut v = base();
    v["items"][4]["id"] = json!("A1");
    assert_eq!(err(v), invalid("items[4].id", "duplicate item id `A1`"));
    let mut v = base();
    v["dimensions"][1]["id"] = json!("A");
    assert_eq!(err(v), invalid("dimensions[1].id", "duplicate dimension id `A`"));
    let mut v = base();
    v["roles"][2]["id"] = json!("frontline");
    assert_eq!(err(v), invalid("roles[2].id", "duplicate role id `frontline`"));
}

#[test]
fn item_with_unknown_dimension_or_role() {
    let mut v = base();
    v["items"][1]["dimension"] = json!("Z");
    assert_eq!(err(v), invalid("items[1].dimension", "unknown dimension `Z`"));
    let mut v = base();
    v["items"][4]["roles"] = json!(["external_partner", "mayor"]);
    assert_eq!(err(v), invalid("items[4].roles[1]", "unknown role `mayor`"));
}

#[test]
fn dimension_with_one_item() {
    let mut v = base();
    v["items"].as_array_mut().unwrap().remove(4);
    assert_eq!(err(v), invalid("dimensions[1]", "dimension `B` has 1 item(s); at least 2 are required"));
}

#[test]
fn missing_language_text() {
    let mut v = base();
    v["dimensions"][0]["label"].as_object_mut().unwrap().remove("en");
    assert_eq!(err(v), invalid("dimensions[0].label.en", "missing `en` text"));
    let mut v = base();
    v["items"][2]["text"]["da"] = json!("  ");
    assert_eq!(err(v), invalid("items[2].text.da", "missing `da` text"));
    let mut v = base();
    v["dimensions"][1]["level_descriptions"].as_object_mut().unwrap().remove("4");
    assert_eq!(err(v), invalid("dimensions[1].level_descriptions", "no description for level 4"));
}

#[test]
fn gaps_in_level_numbering() {
    let mut v = base();
    v["levels"][2]["level"] = json!(6);
    assert_eq!(err(v), invalid("levels", "levels must be numbered 1..5 without gaps; level 3 is missing (found 4)"));
}

#[test]
fn unknown_lever() {
    let mut v = base();
    v["dimensions"][0]["levers"] = json!(["g1", "g9"]);
    assert_eq!(err(v), invalid("dimensions[0].levers[1]", "unknown lever `g9`"));
}

#[test]
fn scale_must_be_integers() {
    let mut v = base();
    v["scale"]["max"] = json!(5.5);
    match err(v) {
        ModelError::Parse { path, message } => {
            assert_eq!(path, "scale.max");
            assert!(message.contains("floating point"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let mut v = base();
    v["scale"] = json!({"min": 1, "max": 300});
    assert_eq!(err(v), invalid("scale", "scale 1..300 has more than 100 steps"));
    let mut v = base();
    v["scale"] = json!({"min": 5, "max": 1});
    assert_eq!(err(v), invalid("scale", "scale.min (5) must be below scale.max (1)"));
}

#[test]
fn missing_field_and_syntax() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("levers");
    let e = err(v);
    assert!(matches!(&e, ModelError::Parse { message, .. } if message.contains("missing field `levers`")), "{e}");
    let e = Model::from_json("{ not json").unwrap_err();
    assert!(matches!(e, ModelError::Parse { .. }));
}

#[test]
fn reserved_role_id() {
    let mut v = base();
    v["roles"][0]["id"] = json!("other");
    v["items"][4]["roles"] = json!(["external_partner"]);
    assert_eq!(err(v), invalid("roles[0].id", "`other` is reserved for the merged group of small role groups"));
}

#[test]
fn overlay_replaces_texts_adds_items_and_revalidates() {
    // On 2026.2, which has D10_4 to remove and no D1_9 yet.
    let m = Model::bundled("dtm@2026.2").unwrap();
    let overlay = json!({
        "version": "2026.2-aarhus",
        "dimensions": [{"id": "D1", "label": {"en": "Political direction"}}],
        "items": [{"id": "D1_9", "dimension": "D1", "text": {"da": "Ny tekst", "en": "New text"}, "roles": ["politician"]}],
        "remove_items": ["D10_4"]
    });
    let o = m.overlay(&overlay.to_string()).unwrap();
    assert_eq!(o.version(), "2026.2-aarhus");
    let d1 = &o.dimensions()[0];
    assert_eq!(d1.label.0["en"], "Political direction");
    assert_eq!(d1.label.0["da"], "Politisk og strategisk retning", "untouched language stays");
    assert_eq!(o.items().len(), m.items().len());
    assert!(o.item_index("D1_9").is_some() && o.item_index("D10_4").is_none());

    let bad = json!({"items": [{"id": "X1", "dimension": "D99", "text": {"da": "x", "en": "x"}}]});
    let e = m.overlay(&bad.to_string()).unwrap_err();
    assert_eq!(e.path(), &format!("items[{}].dimension", m.items().len()));
    let e = m.overlay(r#"{"remove_items": ["nope"]}"#).unwrap_err();
    assert_eq!(e, invalid("overlay.remove_items[0]", "unknown item \"nope\""));
}

// ---------------------------------------------------------------- routing rules (dtm 2027.1)

fn dtm_2027() -> Value {
    serde_json::from_str(transform_model::model::DTM_2027_1_JSON).unwrap()
}

fn item_pos(v: &Value, id: &str) -> usize {
    v["items"].as_array().unwrap().iter().position(|i| i["id"] == id).unwrap()
}

#[test]
fn an_item_behind_an_unknown_filter_or_asked_of_a_role_the_filter_is_not_is_refused() {
    let mut v = dtm_2027();
    let i = item_pos(&v, "D3_3");
    v["items"][i]["filter"] = json!("F_nosuch");
    assert_eq!(err(v), invalid(&format!("items[{i}].filter"), "unknown filter `F_nosuch`"));

    let mut v = dtm_2027();
    v["filters"][0]["roles"] = json!(["politician"]);
    let e = err(v);
    assert!(e.path().ends_with(".filter") && e.to_string().contains("`top_manager`"), "{e}");
}

#[test]
fn a_filter_named_like_an_item_or_reserved_is_refused() {
    for id in ["D1_1", "role", " "] {
        let mut v = dtm_2027();
        v["filters"][0]["id"] = json!(id);
        assert_eq!(err(v).path(), "filters[0].id", "{id}");
    }
}

#[test]
fn comparable_on_a_personal_referent_or_behind_a_filter_is_refused() {
    for id in ["D9_1", "D3_3"] {
        let mut v = dtm_2027();
        let i = item_pos(&v, id);
        v["items"][i]["comparable"] = json!(true);
        assert_eq!(err(v).path(), format!("items[{i}].comparable"), "{id}");
    }
}

#[test]
fn judged_by_must_match_the_routing() {
    let mut v = dtm_2027();
    // D10 is not judged by politicians: declaring it without items is refused.
    let d = v["dimensions"].as_array().unwrap().iter().position(|d| d["id"] == "D10").unwrap();
    v["dimensions"][d]["judged_by"].as_array_mut().unwrap().push(json!("politician"));
    let e = err(v);
    assert_eq!(e.path(), format!("dimensions[{d}].judged_by"));
    assert!(e.to_string().contains("`politician`") && e.to_string().contains("0 of its items"), "{e}");
}

#[test]
fn comparability_follows_the_referent_and_the_filter() {
    let m = Model::bundled("dtm@2027.1").unwrap();
    let idx = |id: &str| m.item_index(id).unwrap();
    assert!(m.is_comparable(idx("D1_1")), "municipality, no filter");
    assert!(m.is_comparable(idx("D1_7")), "council");
    assert!(!m.is_comparable(idx("D9_1")), "own leader: a different person per respondent");
    assert!(!m.is_comparable(idx("D10_2")), "own workplace");
    assert!(!m.is_comparable(idx("D3_3")), "behind a filter");
    assert!(!m.comparable(idx("D1_1"), idx("D1_5")), "two items are never a pair");
    assert_eq!(m.item_filter(idx("D3_3")), m.filter_index("F_missions"));
    // Models without referents keep every item comparable, as before.
    let old = Model::bundled("dtm@2026.2").unwrap();
    assert!((0..old.items().len()).all(|i| old.is_comparable(i)));
}

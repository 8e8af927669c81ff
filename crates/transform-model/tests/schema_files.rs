//! `docs/schema/*.json` are the schemas the library generates (rewrite them with
//! `cargo run -p transform-model --example write_schemas`), and every property has a
//! description.

use serde_json::Value;
use transform_model::schema::{SCHEMAS, schema, schema_file};

#[test]
fn docs_schema_files_are_fresh() {
    for (name, _, _) in SCHEMAS {
        let path = format!("{}/../../docs/schema/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == schema_file(name).unwrap(),
            "{path} is stale: run `cargo run -p transform-model --example write_schemas`"
        );
    }
}

fn undescribed(node: &Value, at: &str, out: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for (k, v) in props {
                    if v.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                        out.push(format!("{at}.{k}"));
                    }
                }
            }
            for (k, v) in map {
                undescribed(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| undescribed(v, at, out)),
        _ => {}
    }
}

#[test]
fn every_property_has_a_description() {
    let mut missing = Vec::new();
    for (name, _, _) in SCHEMAS {
        undescribed(&schema(name).unwrap(), name, &mut missing);
    }
    assert!(missing.is_empty(), "fields without a doc comment: {missing:?}");
}

#[test]
fn an_unknown_schema_name_is_refused_with_the_closest() {
    let e = schema("portfolios").unwrap_err().to_string();
    assert!(e.contains("did you mean `portfolio`?") && e.contains("match_result"), "{e}");
}

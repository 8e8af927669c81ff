//! Overlays: a partial model merged onto a base model by id, as DSOMM customises its model.

use serde_json::{Map, Value};

use super::ModelError;

/// Keyed arrays of the schema and the field that identifies their entries.
const KEYED: [(&str, &str); 5] =
    [("roles", "id"), ("levels", "level"), ("dimensions", "id"), ("items", "id"), ("levers", "id")];

/// Merges `overlay` onto `base`: keyed arrays merge entry by entry, objects merge
/// recursively, anything else replaces. `remove_items` drops items by id.
pub fn merge_overlay(mut base: Value, overlay: &Value) -> Result<Value, ModelError> {
    let Some(over) = overlay.as_object() else {
        return Err(ModelError::invalid("overlay", "an overlay must be a JSON object"));
    };
    let base_obj = base.as_object_mut().expect("a model serializes to an object");
    for (key, value) in over {
        if key == "remove_items" {
            continue;
        }
        if let Some((_, id_field)) = KEYED.iter().find(|(k, _)| k == key) {
            let Some(entries) = value.as_array() else {
                return Err(ModelError::invalid(format!("overlay.{key}"), "must be an array"));
            };
            let target = base_obj.entry(key.clone()).or_insert_with(|| Value::Array(Vec::new()));
            let target = target.as_array_mut().expect("keyed fields are arrays");
            for (i, entry) in entries.iter().enumerate() {
                let Some(id) = entry.get(*id_field) else {
                    return Err(ModelError::invalid(
                        format!("overlay.{key}[{i}].{id_field}"),
                        format!("missing `{id_field}`"),
                    ));
                };
                match target.iter_mut().find(|e| e.get(*id_field) == Some(id)) {
                    Some(existing) => merge_value(existing, entry),
                    None => target.push(entry.clone()),
                }
            }
        } else {
            match base_obj.get_mut(key) {
                Some(existing) => merge_value(existing, value),
                None => {
                    base_obj.insert(key.clone(), value.clone());
                }
            }
        }
    }
    if let Some(remove) = over.get("remove_items") {
        let Some(ids) = remove.as_array() else {
            return Err(ModelError::invalid("overlay.remove_items", "must be an array of item ids"));
        };
        let items = base_obj.get_mut("items").and_then(Value::as_array_mut).expect("a model has items");
        for (i, id) in ids.iter().enumerate() {
            let before = items.len();
            items.retain(|it| it.get("id") != Some(id));
            if items.len() == before {
                return Err(ModelError::invalid(format!("overlay.remove_items[{i}]"), format!("unknown item {id}")));
            }
        }
    }
    Ok(base)
}

fn merge_value(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => merge_object(b, o),
        (b, o) => *b = o.clone(),
    }
}

fn merge_object(base: &mut Map<String, Value>, over: &Map<String, Value>) {
    for (k, v) in over {
        match base.get_mut(k) {
            Some(existing) => merge_value(existing, v),
            None => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

//! Which items changed between two versions of a model, per dimension: what a reader of a
//! baseline comparison needs to know before trusting a change of score.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Item, Model};

/// The item differences of one dimension between an old and a new model version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ItemChanges {
    /// Dimension id (of the new model, or of the old one for a dimension that was removed).
    pub dimension: String,
    /// Item ids in the new version only, in the new model's order.
    pub added: Vec<String>,
    /// Item ids in the old version only, in the old model's order.
    pub removed: Vec<String>,
    /// Item ids in both whose text, reverse key, filter or roles differ, in the new model's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

/// Per dimension, the items added, removed and changed from `old` to `new`; dimensions
/// without a difference are left out. New dimensions come in the new model's order, then
/// dimensions only the old model has. An item that moved to another dimension counts as
/// removed from the old one and added to the new one.
pub fn item_changes(old: &Model, new: &Model) -> Vec<ItemChanges> {
    let mut dims: Vec<&str> = new.dimensions().iter().map(|d| d.id.as_str()).collect();
    dims.extend(old.dimensions().iter().map(|d| d.id.as_str()).filter(|id| new.dimension_index(id).is_none()));
    dims.into_iter()
        .map(|dim| dimension_changes(dim, old, new))
        .filter(|c| !(c.added.is_empty() && c.removed.is_empty() && c.changed.is_empty()))
        .collect()
}

fn dimension_changes(dim: &str, old: &Model, new: &Model) -> ItemChanges {
    let of = |m: &'_ Model| -> Vec<Item> { m.items().iter().filter(|i| i.dimension == dim).cloned().collect() };
    let (before, after) = (of(old), of(new));
    let ids = |items: &[Item]| -> BTreeSet<String> { items.iter().map(|i| i.id.clone()).collect() };
    let (before_ids, after_ids) = (ids(&before), ids(&after));
    ItemChanges {
        dimension: dim.to_owned(),
        added: after.iter().filter(|i| !before_ids.contains(&i.id)).map(|i| i.id.clone()).collect(),
        removed: before.iter().filter(|i| !after_ids.contains(&i.id)).map(|i| i.id.clone()).collect(),
        changed: after
            .iter()
            .filter(|a| before.iter().find(|b| b.id == a.id).is_some_and(|b| differs(b, a, old, new)))
            .map(|i| i.id.clone())
            .collect(),
    }
}

/// Whether a kept item reads or routes differently: its text (any language), its reverse
/// key, or the set of roles it is asked of (an empty list meaning every role of its model).
fn differs(before: &Item, after: &Item, old: &Model, new: &Model) -> bool {
    let roles = |item: &Item, m: &Model| -> BTreeSet<String> {
        if item.roles.is_empty() {
            m.roles().iter().map(|r| r.id.clone()).collect()
        } else {
            item.roles.iter().cloned().collect()
        }
    };
    before.text != after.text
        || before.reverse != after.reverse
        || before.filter != after.filter
        || roles(before, old) != roles(after, new)
}

/// Item ids of `new` that carry over from `old` unchanged as questions: the same dimension,
/// text, reverse key and filter (a filter changes who answers). The roles asked may differ.
/// A baseline compares like with like on these; [`item_changes`] names every other item.
pub fn carried_over(old: &Model, new: &Model) -> Vec<String> {
    new.items()
        .iter()
        .filter(|a| {
            old.items().iter().find(|b| b.id == a.id).is_some_and(|b| {
                b.dimension == a.dimension && b.text == a.text && b.reverse == a.reverse && b.filter == a.filter
            })
        })
        .map(|i| i.id.clone())
        .collect()
}

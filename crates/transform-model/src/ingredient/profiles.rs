//! Municipality profiles for partner suggestions: each municipality's problems (normalised
//! tag → count), their norm, and its ingredients. Built from the fields partners need only —
//! each record's code and ingredient ids, read in place, and its problems as the index's
//! interned facets — so a loaded index never decodes its whole catalog for them (issue 33).

use std::collections::{BTreeMap, BTreeSet};

use super::docs::Docs;
use super::facets::Facets;

/// A municipality's problems (normalised tag → count), their norm, and its ingredients.
pub(crate) struct Profile {
    pub problems: BTreeMap<String, f64>,
    pub norm: f64,
    pub ingredients: BTreeSet<String>,
}

/// Every municipality's profile, by code; built once per index, on the first call.
pub(crate) type Profiles = BTreeMap<String, Profile>;

pub(crate) fn build(docs: &Docs, facets: &Facets) -> Profiles {
    let mut out: Profiles = BTreeMap::new();
    docs.for_each_profile_fields(|doc, code, ingredients| {
        let p = out.entry(code.to_owned()).or_insert_with(|| Profile {
            problems: BTreeMap::new(),
            norm: 0.0,
            ingredients: BTreeSet::new(),
        });
        for &t in facets.problems(doc) {
            let t = facets.value(t);
            match p.problems.get_mut(t) {
                Some(n) => *n += 1.0,
                None => {
                    p.problems.insert(t.to_owned(), 1.0);
                }
            }
        }
        for id in ingredients {
            if !p.ingredients.contains(id) {
                p.ingredients.insert(id.to_owned());
            }
        }
    });
    for p in out.values_mut() {
        p.norm = p.problems.values().map(|x| x * x).sum::<f64>().sqrt();
    }
    out
}

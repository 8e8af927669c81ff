//! Municipality profiles for partner suggestions: each municipality's problems (normalised
//! tag → count), their norm, and its ingredients. Built from the fields partners need only —
//! each record's code and ingredient ids, read in place, and its problems as the index's
//! interned facets — so a loaded index never decodes its whole catalog for them (issue 33).
//! Gathered by interned ids (a problem's facet id, an ingredient's position) and turned
//! into text once per municipality, not once per intervention.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::CatalogError;
use super::docs::Docs;
use super::facets::Facets;

pub(crate) use super::derived::{Profile, Profiles};

/// One municipality's profile while the interventions are walked.
struct Gathering {
    /// Problem facet id → count.
    problems: FxHashMap<u32, f64>,
    /// Ingredients used, by position in the catalog's list.
    known: Vec<bool>,
    /// Ingredient ids the catalog's list lacks (none in a validated catalog; kept exact anyway).
    other: BTreeSet<String>,
}

pub(crate) fn build(docs: &Docs, facets: &Facets) -> Result<Profiles, CatalogError> {
    let n_ingredients = docs.ingredients().len();
    let mut by_code: FxHashMap<String, Gathering> = FxHashMap::default();
    docs.for_each_profile_fields(|doc, code, ingredients| {
        let g = match by_code.get_mut(code) {
            Some(g) => g,
            None => by_code.entry(code.to_owned()).or_insert_with(|| Gathering {
                problems: FxHashMap::default(),
                known: vec![false; n_ingredients],
                other: BTreeSet::new(),
            }),
        };
        for &t in facets.problems(doc) {
            *g.problems.entry(t).or_insert(0.0) += 1.0;
        }
        for id in ingredients {
            match docs.ingredient_index(id) {
                Some(j) => g.known[j] = true,
                None => {
                    g.other.insert(id.to_owned());
                }
            }
        }
    })?;
    let names = docs.ingredients();
    Ok(by_code
        .into_iter()
        .map(|(code, g)| {
            // Counts are whole numbers, so their sum is exact in any order.
            let problems: BTreeMap<String, f64> =
                g.problems.into_iter().map(|(t, n)| (facets.value(t).to_owned(), n)).collect();
            let norm = problems.values().map(|x| x * x).sum::<f64>().sqrt();
            let mut ingredients = g.other;
            ingredients.extend(g.known.iter().zip(names).filter(|(used, _)| **used).map(|(_, i)| i.id.clone()));
            (code, Profile { problems, norm, ingredients })
        })
        .collect())
}

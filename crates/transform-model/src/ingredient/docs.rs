//! The catalog behind an index: owned when the index was built from it, kept as the
//! saved file's bytes when the index was loaded. Matching reads the few interventions a
//! query returns ([`Docs::intervention`]); the whole [`Catalog`] is decoded only when
//! asked for ([`Docs::catalog`]), once.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::catalog::{Catalog, CatalogDef, Ingredient, Intervention};
use super::store::Records;

pub(crate) struct Docs {
    full: OnceLock<Catalog>,
    saved: Option<Saved>,
}

/// The catalog of a loaded index, all but its interventions decoded.
pub(crate) struct Saved {
    pub note: Option<String>,
    pub ingredients: Vec<Ingredient>,
    pub ingredient_index: rustc_hash::FxHashMap<String, usize>,
    pub records: Records,
}

impl Docs {
    pub fn built(catalog: Catalog) -> Docs {
        Docs { full: OnceLock::from(catalog), saved: None }
    }

    pub fn saved(saved: Saved) -> Docs {
        Docs { full: OnceLock::new(), saved: Some(saved) }
    }

    /// The whole catalog (decoded on first use for a loaded index).
    pub fn catalog(&self) -> &Catalog {
        self.full.get_or_init(|| {
            let s = self.saved.as_ref().expect("an index without a saved catalog owns its catalog");
            let def = CatalogDef {
                note: s.note.clone(),
                ingredients: s.ingredients.clone(),
                interventions: s.records.interventions(),
            };
            Catalog::from_checked(def, s.ingredient_index.clone())
        })
    }

    pub fn len(&self) -> usize {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => s.records.len(),
            (None, Some(c)) => c.interventions().len(),
            (None, None) => 0,
        }
    }

    pub fn ingredients(&self) -> &[Ingredient] {
        match &self.saved {
            Some(s) => &s.ingredients,
            None => self.catalog().ingredients(),
        }
    }

    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        match &self.saved {
            Some(s) => s.ingredient_index.get(id).copied(),
            None => self.catalog().ingredient_index(id),
        }
    }

    /// Intervention `doc`: borrowed when the catalog is decoded, decoded now otherwise.
    pub fn intervention(&self, doc: usize) -> Cow<'_, Intervention> {
        match (self.full.get(), &self.saved) {
            (Some(c), _) => Cow::Borrowed(&c.interventions()[doc]),
            (None, Some(s)) => Cow::Owned(s.records.intervention(doc)),
            (None, None) => unreachable!("an index owns its catalog or keeps its saved one"),
        }
    }

    /// Calls `visit(doc, code, ingredient ids)` for every intervention, in catalog order,
    /// reading a loaded index's records in place (no intervention decoded in full).
    pub fn for_each_profile_fields(&self, mut visit: impl FnMut(usize, &str, &mut dyn Iterator<Item = &str>)) {
        match (self.full.get(), &self.saved) {
            (Some(c), _) => {
                for (doc, iv) in c.interventions().iter().enumerate() {
                    let mut uses = iv.ingredients.iter().map(|u| u.id.as_str());
                    visit(doc, &iv.municipality.code, &mut uses);
                }
            }
            (None, Some(s)) => s.records.for_each_profile_fields(&mut visit),
            (None, None) => {}
        }
    }

    /// Intervention `doc`'s id.
    pub fn id(&self, doc: usize) -> &str {
        match (self.full.get(), &self.saved) {
            (Some(c), _) => &c.interventions()[doc].id,
            (None, Some(s)) => s.records.id(doc),
            (None, None) => unreachable!("an index owns its catalog or keeps its saved one"),
        }
    }
}

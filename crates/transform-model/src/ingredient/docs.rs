//! The catalog behind an index: owned when the index was built from it, kept as the
//! saved file's bytes when the index was loaded. Matching reads the few interventions a
//! query returns ([`Docs::intervention`]), each decoded and checked as it is read, so a
//! damaged record is an error of the call that reads it; the whole [`Catalog`] is decoded
//! only when asked for ([`Docs::catalog`]), once.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use super::CatalogError;
use super::catalog::{Catalog, CatalogDef, Ingredient, Intervention};
use super::store::{Bad, Buffer, Records};

pub(crate) struct Docs {
    full: OnceLock<Result<Catalog, Damage>>,
    saved: Option<Saved>,
}

/// The catalog of a loaded index, all but its interventions decoded.
pub(crate) struct Saved {
    pub note: Option<String>,
    pub ingredients: Vec<Ingredient>,
    pub ingredient_index: rustc_hash::FxHashMap<String, usize>,
    pub records: Records,
    /// The file's bytes, written again as they are when a loaded index is saved.
    pub file: Arc<Buffer>,
}

/// A record of a loaded index that does not decode, as the error of the call that read it.
pub(crate) fn damaged(b: Bad) -> CatalogError {
    CatalogError::DamagedIndex { part: b.part, message: b.message }
}

/// A fault of a loaded index kept for later calls (plain text, so an index stays unwind-safe
/// across the C boundary, which an `io::Error` inside a kept `CatalogError` is not).
#[derive(Debug, Clone)]
pub(crate) struct Damage {
    part: String,
    message: String,
}

impl Damage {
    pub fn of(e: CatalogError) -> Damage {
        match e {
            CatalogError::DamagedIndex { part, message } => Damage { part, message },
            other => Damage { part: "catalog".into(), message: other.to_string() },
        }
    }

    pub fn to_error(&self) -> CatalogError {
        CatalogError::DamagedIndex { part: self.part.clone(), message: self.message.clone() }
    }
}

impl Docs {
    pub fn built(catalog: Catalog) -> Docs {
        Docs { full: OnceLock::from(Ok(catalog)), saved: None }
    }

    pub fn saved(saved: Saved) -> Docs {
        Docs { full: OnceLock::new(), saved: Some(saved) }
    }

    /// The whole catalog (decoded on first use for a loaded index; a damaged record is the error).
    pub fn catalog(&self) -> Result<&Catalog, CatalogError> {
        let full = self.full.get_or_init(|| {
            let Some(s) = &self.saved else {
                return Err(Damage { part: "catalog".into(), message: "no catalog".into() });
            };
            let interventions = s.records.interventions().map_err(|b| Damage::of(damaged(b)))?;
            let def = CatalogDef { note: s.note.clone(), ingredients: s.ingredients.clone(), interventions };
            // A file's records are checked by the catalog's own rules as they are decoded in full.
            def.validate().map_err(Damage::of)
        });
        full.as_ref().map_err(Damage::to_error)
    }

    /// The bytes of the file a loaded index was read from.
    pub fn file_bytes(&self) -> Option<&[u8]> {
        self.saved.as_ref().map(|s| s.file.bytes())
    }

    pub fn len(&self) -> usize {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => s.records.len(),
            (None, Some(Ok(c))) => c.interventions().len(),
            (None, _) => 0,
        }
    }

    pub fn ingredients(&self) -> &[Ingredient] {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => &s.ingredients,
            (None, Some(Ok(c))) => c.ingredients(),
            (None, _) => &[],
        }
    }

    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => s.ingredient_index.get(id).copied(),
            (None, Some(Ok(c))) => c.ingredient_index(id),
            (None, _) => None,
        }
    }

    /// Intervention `doc`: borrowed when the catalog is owned, decoded now otherwise.
    pub fn intervention(&self, doc: usize) -> Result<Cow<'_, Intervention>, CatalogError> {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => {
                let iv = s.records.intervention(doc).map_err(damaged)?;
                if let Some(u) = iv.ingredients.iter().find(|u| !s.ingredient_index.contains_key(&u.id)) {
                    let part = format!("catalog.interventions[{doc}].ingredients");
                    return Err(damaged(Bad { part, message: format!("unknown ingredient `{}`", u.id) }));
                }
                Ok(Cow::Owned(iv))
            }
            (None, Some(Ok(c))) => c
                .interventions()
                .get(doc)
                .map(Cow::Borrowed)
                .ok_or(CatalogError::NoSuchDocument { doc, len: c.interventions().len() }),
            (None, _) => Err(CatalogError::NoSuchDocument { doc, len: 0 }),
        }
    }

    /// Calls `visit(doc, code, ingredient ids)` for every intervention, in catalog order,
    /// reading a loaded index's records in place (no intervention decoded in full).
    pub fn for_each_profile_fields(
        &self,
        mut visit: impl FnMut(usize, &str, &mut dyn Iterator<Item = &str>),
    ) -> Result<(), CatalogError> {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => s.records.for_each_profile_fields(&mut visit).map_err(damaged),
            (None, Some(Ok(c))) => {
                for (doc, iv) in c.interventions().iter().enumerate() {
                    let mut uses = iv.ingredients.iter().map(|u| u.id.as_str());
                    visit(doc, &iv.municipality.code, &mut uses);
                }
                Ok(())
            }
            (None, _) => Ok(()),
        }
    }

    /// Intervention `doc`'s id.
    pub fn id(&self, doc: usize) -> Result<&str, CatalogError> {
        match (&self.saved, self.full.get()) {
            (Some(s), _) => s.records.id(doc).map_err(damaged),
            (None, Some(Ok(c))) => c
                .interventions()
                .get(doc)
                .map(|iv| iv.id.as_str())
                .ok_or(CatalogError::NoSuchDocument { doc, len: c.interventions().len() }),
            (None, _) => Err(CatalogError::NoSuchDocument { doc, len: 0 }),
        }
    }
}

//! What an index derives from the interventions themselves: normalised facets, the
//! documents of each tag, and the interned context. Derived here, in one place, from an
//! owned catalog or from the records of a loaded file.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::DocFields;
use super::context::ContextTable;
use super::facets::Facets;

pub(crate) struct Derived {
    pub facets: Facets,
    pub context: ContextTable,
}

impl Derived {
    pub(crate) fn of<D: DocFields>(docs: &[D]) -> Derived {
        let (facets, context) = rayon::join(|| Facets::build(docs), || ContextTable::build(docs));
        Derived { facets, context }
    }
}

/// A municipality's problems (normalised tag → count), their norm, and its ingredients
/// (built in `profiles.rs`; stored by a saved index).
pub(crate) struct Profile {
    pub problems: BTreeMap<String, f64>,
    pub norm: f64,
    pub ingredients: BTreeSet<String>,
}

/// Every municipality's profile, by code; built once per index, on the first call.
pub(crate) type Profiles = BTreeMap<String, Profile>;

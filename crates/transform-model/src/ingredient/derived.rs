//! What an index derives from the interventions themselves: normalised facets, the
//! documents of each tag, and the interned context. Derived here, in one place, from an
//! owned catalog or from the records of a loaded file.

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

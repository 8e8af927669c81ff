//! Facet tags — target groups, problems, area — normalised once per distinct text and
//! interned: a document's tags are small ids, so deriving them for 100,000 interventions
//! normalises a few hundred strings rather than every tag of every document, and
//! comparing a query's tags with a document's compares integers.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::catalog::DocFields;
use crate::text::normalize;

/// A document without an area.
const NO_AREA: u32 = u32::MAX;

/// The facets of every document, interned.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    /// Normalised tag texts, by id.
    values: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Document d's target groups are `tags[offsets[2d]..offsets[2d+1]]`, its problems
    /// `tags[offsets[2d+1]..offsets[2d+2]]` (as listed, repeats kept).
    offsets: Vec<u32>,
    tags: Vec<u32>,
    areas: Vec<u32>,
    /// (facet: 0 target group, 1 problem, 2 area; tag id) → documents, ascending.
    tag_docs: FxHashMap<(u8, u32), Vec<u32>>,
    /// The distinct non-empty areas, to check a query's area.
    pub areas_known: BTreeSet<String>,
}

impl Facets {
    pub fn build<D: DocFields>(docs: &[D]) -> Facets {
        let mut f = Facets { offsets: vec![0], ..Facets::default() };
        f.areas.reserve(docs.len());
        // Raw text → id: most documents repeat a few tags, normalised once each.
        let mut raw: FxHashMap<&str, u32> = FxHashMap::default();
        let mut seen: Vec<u32> = Vec::new();
        for (d, iv) in docs.iter().enumerate() {
            for facet in [0u8, 1] {
                seen.clear();
                let tags: &mut dyn Iterator<Item = &str> =
                    if facet == 0 { &mut iv.target_groups() } else { &mut iv.problems() };
                for t in tags {
                    let id = f.intern(&mut raw, t);
                    f.tags.push(id);
                    if !seen.contains(&id) {
                        seen.push(id);
                        f.tag_docs.entry((facet, id)).or_default().push(d as u32);
                    }
                }
                f.offsets.push(f.tags.len() as u32);
            }
            let area = f.intern(&mut raw, iv.area());
            if f.values[area as usize].is_empty() {
                f.areas.push(NO_AREA);
            } else {
                f.areas.push(area);
                f.tag_docs.entry((2, area)).or_default().push(d as u32);
            }
        }
        f.areas_known =
            f.tag_docs.keys().filter(|(facet, _)| *facet == 2).map(|(_, a)| f.values[*a as usize].clone()).collect();
        f
    }

    fn intern<'a>(&mut self, raw: &mut FxHashMap<&'a str, u32>, text: &'a str) -> u32 {
        if let Some(&id) = raw.get(text) {
            return id;
        }
        let norm = normalize(text);
        let id = match self.ids.get(&norm) {
            Some(&id) => id,
            None => {
                let id = self.values.len() as u32;
                self.values.push(norm.clone());
                self.ids.insert(norm, id);
                id
            }
        };
        raw.insert(text, id);
        id
    }

    /// The id of a normalised tag, if any document has it.
    pub fn value(&self, id: u32) -> &str {
        &self.values[id as usize]
    }

    pub fn id(&self, normalised: &str) -> Option<u32> {
        self.ids.get(normalised).copied()
    }

    pub fn target_groups(&self, doc: usize) -> &[u32] {
        &self.tags[self.offsets[2 * doc] as usize..self.offsets[2 * doc + 1] as usize]
    }

    pub fn problems(&self, doc: usize) -> &[u32] {
        &self.tags[self.offsets[2 * doc + 1] as usize..self.offsets[2 * doc + 2] as usize]
    }

    /// Document `doc`'s area id (`None` without an area).
    pub fn area(&self, doc: usize) -> Option<u32> {
        Some(self.areas[doc]).filter(|&a| a != NO_AREA)
    }

    /// The documents with tag `id` in `facet` (0 target group, 1 problem, 2 area).
    pub fn docs(&self, facet: u8, id: u32) -> &[u32] {
        self.tag_docs.get(&(facet, id)).map_or(&[], Vec::as_slice)
    }

    pub fn memory_bytes(&self) -> usize {
        self.values.iter().map(|v| 2 * v.capacity() + 40).sum::<usize>()
            + (self.offsets.len() + self.tags.len() + self.areas.len()) * 4
            + self.tag_docs.values().map(|v| v.capacity() * 4 + 32).sum::<usize>()
    }
}

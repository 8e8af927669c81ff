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

    /// The facets as flat arrays, for a saved index.
    pub fn to_flat(&self) -> FacetsFlat {
        let mut tag_docs: Vec<(u8, u32, Vec<u32>)> =
            self.tag_docs.iter().map(|(&(f, t), docs)| (f, t, docs.clone())).collect();
        tag_docs.sort_unstable_by_key(|(f, t, _)| (*f, *t));
        FacetsFlat {
            values: self.values.clone(),
            offsets: self.offsets.clone(),
            tags: self.tags.clone(),
            areas: self.areas.clone(),
            tag_docs,
        }
    }

    /// The facets of `n_docs` documents from a saved index's flat arrays, every id checked
    /// against the table it points into.
    pub(crate) fn from_flat(flat: FacetsFlat, n_docs: usize) -> Result<Facets, String> {
        let FacetsFlat { values, offsets, tags, areas, tag_docs } = flat;
        let n_values = values.len() as u64;
        if offsets.len() != 2 * n_docs + 1 || offsets[0] != 0 || offsets[2 * n_docs] as usize != tags.len() {
            return Err(format!("{} tag offsets for {n_docs} interventions and {} tags", offsets.len(), tags.len()));
        }
        if offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err("tag offsets fall".into());
        }
        if areas.len() != n_docs {
            return Err(format!("{} areas for {n_docs} interventions", areas.len()));
        }
        let bad_id = |t: u32| u64::from(t) >= n_values;
        if tags.iter().any(|&t| bad_id(t)) || areas.iter().any(|&a| a != NO_AREA && bad_id(a)) {
            return Err(format!("a tag id past the {n_values} tags"));
        }
        let mut map = FxHashMap::with_capacity_and_hasher(tag_docs.len(), Default::default());
        for (facet, t, docs) in tag_docs {
            if facet > 2 || bad_id(t) || docs.iter().any(|&d| d as usize >= n_docs) {
                return Err(format!("documents of tag {t} in facet {facet}"));
            }
            map.insert((facet, t), docs);
        }
        let ids: FxHashMap<String, u32> = values.iter().enumerate().map(|(i, v)| (v.clone(), i as u32)).collect();
        if ids.len() != values.len() {
            return Err("a tag text repeats".into());
        }
        let areas_known = map.keys().filter(|(f, _)| *f == 2).map(|(_, a)| values[*a as usize].clone()).collect();
        Ok(Facets { values, ids, offsets, tags, areas, tag_docs: map, areas_known })
    }

    pub fn memory_bytes(&self) -> usize {
        self.values.iter().map(|v| 2 * v.capacity() + 40).sum::<usize>()
            + (self.offsets.len() + self.tags.len() + self.areas.len()) * 4
            + self.tag_docs.values().map(|v| v.capacity() * 4 + 32).sum::<usize>()
    }
}

/// [`Facets`] as flat arrays: what a saved index stores, so loading does not derive them again.
pub(crate) struct FacetsFlat {
    pub values: Vec<String>,
    pub offsets: Vec<u32>,
    pub tags: Vec<u32>,
    pub areas: Vec<u32>,
    /// (facet, tag id, documents), sorted by facet and tag, so the same catalog gives the same bytes.
    pub tag_docs: Vec<(u8, u32, Vec<u32>)>,
}

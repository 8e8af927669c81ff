//! Interned tags: overlaps between tag lists become merges of sorted id lists.

use crate::text;

/// Interns tags through [`text::normalize`], the one normalisation of the library, so
/// "Ældre", "ældre " and a decomposed "æ" are one tag, and overlaps are merges of sorted id
/// lists.
#[derive(Default)]
pub(super) struct Tags {
    /// Normalised key → id.
    ids: rustc_hash::FxHashMap<String, u32>,
    /// Tag as written → id (`None`: blank), so repeated spellings skip normalisation.
    written: rustc_hash::FxHashMap<String, Option<u32>>,
    /// The interned keys, by id.
    pub(super) names: Vec<String>,
    /// The first spelling met of each tag (trimmed), by id, for display.
    pub(super) spellings: Vec<String>,
    /// Identifiers (ingredient ids), compared exactly after trimming, not normalised.
    exact: bool,
}

impl Tags {
    pub(super) fn exact() -> Self {
        Tags { exact: true, ..Tags::default() }
    }

    fn key(&self, tag: &str) -> String {
        if self.exact { tag.trim().to_owned() } else { text::normalize(tag) }
    }

    /// The id of `tag`, if interned.
    pub(super) fn find(&self, tag: &str) -> Option<u32> {
        match self.written.get(tag) {
            Some(&id) => id,
            None => self.ids.get(&self.key(tag)).copied(),
        }
    }

    /// The id of one tag as written, interning it if new; `None` for a blank tag. Tags
    /// repeat as written, so each spelling is normalised once.
    fn id(&mut self, tag: &str) -> Option<u32> {
        if let Some(&id) = self.written.get(tag) {
            return id;
        }
        let key = self.key(tag);
        let id = (!key.is_empty()).then(|| match self.ids.get(&key) {
            Some(&id) => id,
            None => {
                let next = self.names.len() as u32;
                self.ids.insert(key.clone(), next);
                self.names.push(key);
                self.spellings.push(tag.trim().to_owned());
                next
            }
        });
        self.written.insert(tag.to_owned(), id);
        id
    }

    /// The sorted, deduplicated ids of `tags`, interning new ones; blank tags are skipped.
    pub(super) fn ids(&mut self, tags: &[String]) -> Vec<u32> {
        let mut v: Vec<u32> = tags.iter().filter_map(|t| self.id(t)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Number of ids two sorted lists share.
pub(super) fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of `of` found in `other`; 0 when `of` is empty.
pub(super) fn share(of: &[u32], other: &[u32]) -> f64 {
    if of.is_empty() { 0.0 } else { common(of, other) as f64 / of.len() as f64 }
}

/// `names` deduplicated by [`text::normalize`], keeping the first spelling of each, sorted.
pub(super) fn distinct<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::new();
    for n in names {
        let key = text::normalize(n);
        if !key.is_empty() {
            seen.entry(key).or_insert_with(|| n.trim().to_owned());
        }
    }
    let mut v: Vec<String> = seen.into_values().collect();
    v.sort();
    v
}

//! Interned tags: overlaps between tag lists become merges of sorted id lists.

/// Interns normalised tags so overlaps are merges of sorted id lists.
#[derive(Default)]
pub(super) struct Tags {
    ids: rustc_hash::FxHashMap<String, u32>,
    /// The interned keys, by id.
    pub(super) names: Vec<String>,
    /// Keep case (ingredient ids) instead of lower-casing (free-text tags).
    exact: bool,
}

impl Tags {
    pub(super) fn exact() -> Self {
        Tags { exact: true, ..Tags::default() }
    }

    /// The sorted, deduplicated ids of `tags`, interning new ones.
    pub(super) fn ids(&mut self, tags: &[String]) -> Vec<u32> {
        let mut v: Vec<u32> = tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let key = if self.exact { t.to_owned() } else { t.to_lowercase() };
                match self.ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let next = self.names.len() as u32;
                        self.ids.insert(key.clone(), next);
                        self.names.push(key);
                        next
                    }
                }
            })
            .collect();
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

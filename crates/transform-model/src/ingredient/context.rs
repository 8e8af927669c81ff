//! Context attributes interned when the index is built: keys and text values become small
//! ids, so comparing a query's context with a document's compares integers, not strings
//! cloned and lower-cased per candidate.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::catalog::{DocFields, ValueRef};
use super::context_names::{URBANITY, urbanity_rank, urbanity_similarity};
use crate::text::normalize;

/// A document's value of one attribute: its normalised text form, and its number if it is one.
#[derive(Debug, Clone, Copy)]
struct DocValue {
    text: u32,
    num: Option<f64>,
    /// Place on the kommunegruppe scale, for an urbanity value on it.
    rank: Option<u8>,
}

/// A query's value of one attribute; `text` is `None` when no document has that text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QueryValue {
    pub key: u32,
    pub text: Option<u32>,
    pub num: Option<f64>,
    /// Place on the kommunegruppe scale, for an urbanity value on it.
    pub rank: Option<u8>,
}

/// The interned context of every document.
#[derive(Debug, Default)]
pub(crate) struct ContextTable {
    key_ids: FxHashMap<String, u32>,
    keys: Vec<String>,
    value_ids: FxHashMap<String, u32>,
    values: Vec<String>,
    /// Per key: the text values documents have, and the range of its numbers (0 if none).
    known: Vec<BTreeSet<u32>>,
    ranges: Vec<Option<(f64, f64)>>,
    /// Document d's (key, value) pairs, sorted by key, are `entries[rows[d]..rows[d + 1]]`.
    rows: Vec<u32>,
    entries: Vec<(u32, DocValue)>,
}

/// The text form of a JSON context value, normalised (numbers as written).
pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => normalize(s),
        other => other.to_string(),
    }
}

impl ContextTable {
    pub fn build<D: DocFields>(docs: &[D]) -> ContextTable {
        let mut t = ContextTable::default();
        t.rows.reserve(docs.len() + 1);
        t.rows.push(0);
        // Raw key or text → id: a catalog repeats a few of each, normalised once each.
        let mut raw_keys: FxHashMap<&str, u32> = FxHashMap::default();
        let mut raw_texts: FxHashMap<&str, u32> = FxHashMap::default();
        for iv in docs {
            let mut row: Vec<(u32, DocValue)> = iv
                .context()
                .map(|(k, v)| {
                    let key = match raw_keys.get(k) {
                        Some(&id) => id,
                        None => {
                            let id = t.key_id(&normalize(k));
                            raw_keys.insert(k, id);
                            id
                        }
                    };
                    let (text, num) = match v {
                        ValueRef::Text(s) => match raw_texts.get(s) {
                            Some(&id) => (id, None),
                            None => {
                                let id = t.value_id(normalize(s));
                                raw_texts.insert(s, id);
                                (id, None)
                            }
                        },
                        ValueRef::Number(n) => (t.value_id(n.to_string()), n.as_f64()),
                        ValueRef::Other(v) => (t.value_id(v.to_string()), None),
                    };
                    t.known[key as usize].insert(text);
                    if let Some(x) = num {
                        let r = t.ranges[key as usize].get_or_insert((x, x));
                        *r = (r.0.min(x), r.1.max(x));
                    }
                    let rank = t.rank(key, text);
                    (key, DocValue { text, num, rank })
                })
                .collect();
            row.sort_by_key(|(k, _)| *k);
            t.entries.extend(row);
            t.rows.push(t.entries.len() as u32);
        }
        t
    }

    fn key_id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.key_ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.to_owned());
        self.key_ids.insert(key.to_owned(), id);
        self.known.push(BTreeSet::new());
        self.ranges.push(None);
        id
    }

    fn value_id(&mut self, value: String) -> u32 {
        if let Some(&id) = self.value_ids.get(value.as_str()) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.clone());
        self.value_ids.insert(value, id);
        id
    }

    /// The known keys, in order of first appearance.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    pub fn key(&self, key: &str) -> Option<u32> {
        self.key_ids.get(&normalize(key)).copied()
    }

    /// The text values documents have for `key`, sorted.
    pub fn known_values(&self, key: u32) -> Vec<&str> {
        let mut v: Vec<&str> = self.known[key as usize].iter().map(|&i| self.values[i as usize].as_str()).collect();
        v.sort_unstable();
        v
    }

    /// Whether any document has a number for `key`.
    pub fn is_numeric(&self, key: u32) -> bool {
        self.ranges[key as usize].is_some()
    }

    /// A query value of `key`, with its text interned if any document has that text.
    pub fn query_value(&self, key: u32, v: &Value) -> QueryValue {
        let mine = value_text(v);
        let text = self.value_ids.get(&mine).copied().filter(|t| self.known[key as usize].contains(t));
        let rank = (self.keys[key as usize] == URBANITY).then(|| urbanity_rank(&mine)).flatten();
        QueryValue { key, text, num: v.as_f64(), rank }
    }

    /// Whether `value` (a catalog id) is on the ordered scale of `key` (the kommunegrupper),
    /// so a query may ask with it though no document has it.
    pub fn on_scale(&self, key: u32, value: &Value) -> bool {
        self.keys[key as usize] == URBANITY && urbanity_rank(&value_text(value)).is_some()
    }

    /// The kommunegruppe rank of interned value `text` of `key`, if `key` is urbanity.
    fn rank(&self, key: u32, text: u32) -> Option<u8> {
        (self.keys[key as usize] == URBANITY).then(|| urbanity_rank(&self.values[text as usize])).flatten()
    }

    /// Gower similarity over the attributes both sides have: text 1 when equal, numbers
    /// 1 − |x − y| / range over the catalog, kommunegrupper 1 − steps apart / 3; `None`
    /// when the document has none of them.
    pub fn similarity(&self, doc: usize, query: &[QueryValue]) -> Option<f64> {
        let row = self.row(doc);
        let (mut sum, mut n) = (0.0, 0usize);
        for q in query {
            let Ok(i) = row.binary_search_by_key(&q.key, |(k, _)| *k) else { continue };
            let d = row[i].1;
            sum += match ((q.rank, d.rank), (q.num, d.num)) {
                ((Some(a), Some(b)), _) => urbanity_similarity(a, b),
                (_, (Some(x), Some(y))) => {
                    let range = self.ranges[q.key as usize].map_or(0.0, |(lo, hi)| hi - lo);
                    if range > 0.0 { 1.0 - ((x - y).abs() / range).min(1.0) } else { (x == y) as u8 as f64 }
                }
                _ => (q.text == Some(d.text)) as u8 as f64,
            };
            n += 1;
        }
        (n > 0).then(|| sum / n as f64)
    }

    /// The normalised text of document `doc`'s value for `key`.
    pub fn doc_text(&self, doc: usize, key: u32) -> Option<&str> {
        let row = self.row(doc);
        row.binary_search_by_key(&key, |(k, _)| *k).ok().map(|i| self.values[row[i].1.text as usize].as_str())
    }

    fn row(&self, doc: usize) -> &[(u32, DocValue)] {
        &self.entries[self.rows[doc] as usize..self.rows[doc + 1] as usize]
    }

    /// The table as flat arrays, for a saved index.
    pub fn to_flat(&self) -> ContextFlat {
        let (mut keys, mut texts, mut nums) = (Vec::new(), Vec::new(), Vec::new());
        for (k, v) in &self.entries {
            keys.push(*k);
            texts.push(v.text);
            nums.push(v.num.unwrap_or(f64::NAN));
        }
        ContextFlat {
            keys: self.keys.clone(),
            values: self.values.clone(),
            rows: self.rows.clone(),
            entry_keys: keys,
            entry_texts: texts,
            entry_nums: nums,
        }
    }

    /// The table of `n_docs` documents from a saved index's flat arrays, every id checked;
    /// what each key's documents have (texts, number range) is gathered again.
    pub(crate) fn from_flat(flat: ContextFlat, n_docs: usize) -> Result<ContextTable, String> {
        let ContextFlat { keys, values, rows, entry_keys, entry_texts, entry_nums } = flat;
        let n = entry_keys.len();
        if entry_texts.len() != n || entry_nums.len() != n {
            return Err(format!("{n} keys, {} texts, {} numbers", entry_texts.len(), entry_nums.len()));
        }
        if rows.len() != n_docs + 1
            || rows[0] != 0
            || rows[n_docs] as usize != n
            || rows.windows(2).any(|w| w[0] > w[1])
        {
            return Err(format!("{} row offsets for {n_docs} interventions and {n} values", rows.len()));
        }
        let mut t = ContextTable { rows, ..ContextTable::default() };
        for k in keys {
            let before = t.keys.len();
            if t.key_id(&k) as usize != before {
                return Err(format!("key `{k}` repeats"));
            }
        }
        for v in values {
            let before = t.values.len();
            if t.value_id(v.clone()) as usize != before {
                return Err(format!("value `{v}` repeats"));
            }
        }
        for (d, w) in t.rows.windows(2).enumerate() {
            let row = &entry_keys[w[0] as usize..w[1] as usize];
            if row.windows(2).any(|p| p[0] >= p[1]) {
                return Err(format!("the keys of intervention {d} are not in rising order"));
            }
        }
        t.entries.reserve(n);
        for ((key, text), num) in entry_keys.into_iter().zip(entry_texts).zip(entry_nums) {
            if key as usize >= t.keys.len() || text as usize >= t.values.len() || num.is_infinite() {
                return Err(format!("value {text} of key {key}"));
            }
            let num = (!num.is_nan()).then_some(num);
            t.known[key as usize].insert(text);
            if let Some(x) = num {
                let r = t.ranges[key as usize].get_or_insert((x, x));
                *r = (r.0.min(x), r.1.max(x));
            }
            let rank = t.rank(key, text);
            t.entries.push((key, DocValue { text, num, rank }));
        }
        Ok(t)
    }

    pub fn memory_bytes(&self) -> usize {
        self.values.iter().map(|v| 2 * v.capacity() + 40).sum::<usize>()
            + self.rows.capacity() * 4
            + self.entries.capacity() * 32
    }
}

/// [`ContextTable`] as flat arrays: what a saved index stores, so loading does not derive
/// it again. A document's values are `entry_*[rows[d]..rows[d + 1]]`; NaN is "no number".
pub(crate) struct ContextFlat {
    pub keys: Vec<String>,
    pub values: Vec<String>,
    pub rows: Vec<u32>,
    pub entry_keys: Vec<u32>,
    pub entry_texts: Vec<u32>,
    pub entry_nums: Vec<f64>,
}

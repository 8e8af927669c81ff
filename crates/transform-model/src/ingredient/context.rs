//! Context attributes interned when the index is built: keys and text values become small
//! ids, so comparing a query's context with a document's compares integers, not strings
//! cloned and lower-cased per candidate.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::catalog::{DocFields, ValueRef};
use crate::text::normalize;

/// A document's value of one attribute: its normalised text form, and its number if it is one.
#[derive(Debug, Clone, Copy)]
struct DocValue {
    text: u32,
    num: Option<f64>,
}

/// A query's value of one attribute; `text` is `None` when no document has that text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QueryValue {
    pub key: u32,
    pub text: Option<u32>,
    pub num: Option<f64>,
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
    /// Per document: (key, value), sorted by key.
    docs: Vec<Vec<(u32, DocValue)>>,
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
        t.docs.reserve(docs.len());
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
                    (key, DocValue { text, num })
                })
                .collect();
            row.sort_by_key(|(k, _)| *k);
            t.docs.push(row);
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
        let text = self.value_ids.get(&value_text(v)).copied().filter(|t| self.known[key as usize].contains(t));
        QueryValue { key, text, num: v.as_f64() }
    }

    /// Gower similarity over the attributes both sides have: text 1 when equal, numbers
    /// 1 − |x − y| / range over the catalog; `None` when the document has none of them.
    pub fn similarity(&self, doc: usize, query: &[QueryValue]) -> Option<f64> {
        let row = &self.docs[doc];
        let (mut sum, mut n) = (0.0, 0usize);
        for q in query {
            let Ok(i) = row.binary_search_by_key(&q.key, |(k, _)| *k) else { continue };
            let d = row[i].1;
            sum += match (q.num, d.num) {
                (Some(x), Some(y)) => {
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
        let row = &self.docs[doc];
        row.binary_search_by_key(&key, |(k, _)| *k).ok().map(|i| self.values[row[i].1.text as usize].as_str())
    }

    pub fn memory_bytes(&self) -> usize {
        self.values.iter().map(|v| 2 * v.capacity() + 40).sum::<usize>()
            + self.docs.iter().map(|r| r.capacity() * 24 + 24).sum::<usize>()
    }
}

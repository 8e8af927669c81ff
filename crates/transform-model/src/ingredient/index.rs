//! The search index over a catalog: BM25 text relevance, tag overlap and context similarity.
//!
//! Built once, immutable, `Send + Sync`. BM25 impacts (Lucene's formula, k1 = 1.2,
//! b = 0.75) are precomputed per posting, so a query only adds floats.

use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

use rayon::prelude::*;
use serde_json::Value;

use super::catalog::{Catalog, Intervention};
use crate::text::{self, Analyzer};

pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;

/// Lucene's BM25 idf: ln(1 + (N − n + 0.5)/(n + 0.5)).
pub fn idf(n_docs: usize, doc_freq: usize) -> f64 {
    (1.0 + (n_docs as f64 - doc_freq as f64 + 0.5) / (doc_freq as f64 + 0.5)).ln()
}

/// One term's BM25 contribution for a document.
pub fn bm25_term(idf: f64, tf: f64, doc_len: f64, avgdl: f64) -> f64 {
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * doc_len / avgdl))
}

/// The text of an intervention that BM25 sees: title, description and tags.
pub fn indexed_text(iv: &Intervention) -> String {
    let mut s = String::with_capacity(iv.title.len() + iv.description.len() + 64);
    s.push_str(&iv.title);
    s.push('\n');
    s.push_str(&iv.description);
    for t in &iv.tags {
        s.push('\n');
        s.push_str(t);
    }
    s
}

fn norm_tag(t: &str) -> String {
    t.trim().to_lowercase()
}

/// A query for interventions and ingredients.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Query {
    /// The problem, in the asking municipality's own words.
    pub text: String,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub problems: Vec<String>,
    #[serde(default)]
    pub area: Option<String>,
    /// The asking municipality's context (`urbanity`, `population_band`, …).
    #[serde(default)]
    pub context: BTreeMap<String, Value>,
    /// Ingredients already in use: left out of the ranking.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// How the components of relevance are weighted. A component the query does not use
/// (no tags, no context) gives its weight to the others.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RelevanceWeights {
    pub text: f64,
    pub tags: f64,
    pub context: f64,
}

impl Default for RelevanceWeights {
    fn default() -> Self {
        RelevanceWeights { text: 0.6, tags: 0.25, context: 0.15 }
    }
}

/// A retrieved intervention and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    pub doc: usize,
    pub id: String,
    pub relevance: f64,
    pub bm25: f64,
    pub tag_overlap: Option<f64>,
    pub context_similarity: Option<f64>,
}

pub struct Index {
    pub(crate) catalog: Catalog,
    analyzer: Analyzer,
    terms: rustc_hash::FxHashMap<String, u32>,
    /// CSR postings: docs and BM25 impacts of term t are `[offsets[t]..offsets[t+1]]`.
    offsets: Vec<u32>,
    post_docs: Vec<u32>,
    post_impact: Vec<f32>,
    doc_len: Vec<u32>,
    avgdl: f64,
    /// Normalised facets per document.
    target_groups: Vec<Vec<String>>,
    problems: Vec<Vec<String>>,
    areas: Vec<String>,
    /// Facet tag → documents, for documents that match on tags alone.
    tag_docs: HashMap<(u8, String), Vec<u32>>,
    /// Range of each numeric context attribute (for Gower's numeric distance).
    ranges: HashMap<String, f64>,
}

impl Index {
    /// Builds the index (parallel over documents; the result does not depend on threads).
    pub fn new(catalog: Catalog) -> Index {
        let docs = catalog.interventions();
        // 1. Each text as term ids (stems and compound parts).
        let texts: Vec<String> = docs.par_iter().map(indexed_text).collect();
        let text::AnalyzedCorpus { analyzer, terms, docs: term_docs } = text::analyze_corpus(&texts);
        // 2. Term frequencies per document.
        let doc_terms: Vec<Vec<(u32, u32)>> = term_docs
            .into_par_iter()
            .map(|mut all| {
                all.sort_unstable();
                let mut tf: Vec<(u32, u32)> = Vec::new();
                for t in all {
                    match tf.last_mut() {
                        Some((last, n)) if *last == t => *n += 1,
                        _ => tf.push((t, 1)),
                    }
                }
                tf
            })
            .collect();
        let doc_len: Vec<u32> = doc_terms.iter().map(|tf| tf.iter().map(|(_, n)| n).sum()).collect();
        let n_docs = docs.len();
        let avgdl = if n_docs == 0 { 1.0 } else { doc_len.iter().map(|&l| l as f64).sum::<f64>() / n_docs as f64 };
        let avgdl = if avgdl > 0.0 { avgdl } else { 1.0 };
        // 3. CSR postings with BM25 impacts.
        let mut df = vec![0u32; terms.len()];
        for tf in &doc_terms {
            for (t, _) in tf {
                df[*t as usize] += 1;
            }
        }
        let mut offsets = vec![0u32; terms.len() + 1];
        for t in 0..terms.len() {
            offsets[t + 1] = offsets[t] + df[t];
        }
        let total = offsets[terms.len()] as usize;
        let mut post_docs = vec![0u32; total];
        let mut post_impact = vec![0f32; total];
        let mut fill = offsets.clone();
        let idfs: Vec<f64> = df.iter().map(|&n| idf(n_docs, n as usize)).collect();
        for (d, tf) in doc_terms.iter().enumerate() {
            for &(t, n) in tf {
                let slot = fill[t as usize] as usize;
                fill[t as usize] += 1;
                post_docs[slot] = d as u32;
                post_impact[slot] = bm25_term(idfs[t as usize], n as f64, doc_len[d] as f64, avgdl) as f32;
            }
        }
        // 4. Facets and context ranges.
        let target_groups: Vec<Vec<String>> =
            docs.iter().map(|iv| iv.target_groups.iter().map(|t| norm_tag(t)).collect()).collect();
        let problems: Vec<Vec<String>> =
            docs.iter().map(|iv| iv.problems.iter().map(|t| norm_tag(t)).collect()).collect();
        let areas: Vec<String> = docs.iter().map(|iv| norm_tag(&iv.area)).collect();
        let mut tag_docs: HashMap<(u8, String), Vec<u32>> = HashMap::new();
        for d in 0..n_docs {
            let facets = [(0u8, &target_groups[d]), (1u8, &problems[d])];
            for (f, tags) in facets {
                for t in tags.iter().collect::<HashSet<_>>() {
                    tag_docs.entry((f, t.clone())).or_default().push(d as u32);
                }
            }
            if !areas[d].is_empty() {
                tag_docs.entry((2, areas[d].clone())).or_default().push(d as u32);
            }
        }
        let mut bounds: HashMap<String, (f64, f64)> = HashMap::new();
        for iv in docs {
            for (k, v) in &iv.context {
                if let Some(x) = v.as_f64() {
                    let e = bounds.entry(k.clone()).or_insert((x, x));
                    e.0 = e.0.min(x);
                    e.1 = e.1.max(x);
                }
            }
        }
        let ranges = bounds.into_iter().map(|(k, (lo, hi))| (k, hi - lo)).collect();
        Index {
            catalog,
            analyzer,
            terms,
            offsets,
            post_docs,
            post_impact,
            doc_len,
            avgdl,
            target_groups,
            problems,
            areas,
            tag_docs,
            ranges,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Number of distinct terms.
    pub fn terms(&self) -> usize {
        self.terms.len()
    }

    /// Average document length in terms.
    pub fn avgdl(&self) -> f64 {
        self.avgdl
    }

    /// Length in terms of document `doc`.
    pub fn doc_len(&self, doc: usize) -> u32 {
        self.doc_len[doc]
    }

    /// Heap bytes held by the index structures (catalog excluded), for reporting.
    pub fn memory_bytes(&self) -> usize {
        let strings: usize = self.terms.keys().map(|k| k.capacity() + 4 + 16).sum();
        let facets: usize = self
            .target_groups
            .iter()
            .chain(&self.problems)
            .map(|v| v.iter().map(|s| s.capacity() + 24).sum::<usize>() + 24)
            .sum();
        let tags: usize = self.tag_docs.iter().map(|(k, v)| k.1.capacity() + 32 + v.capacity() * 4).sum();
        strings
            + facets
            + tags
            + self.offsets.capacity() * 4
            + self.post_docs.capacity() * 4
            + self.post_impact.capacity() * 4
            + self.doc_len.capacity() * 4
            + self.areas.iter().map(|a| a.capacity() + 24).sum::<usize>()
    }

    /// BM25 score of every document for `text`, as (doc, score) for documents with a match,
    /// ascending by doc. Query terms count once each.
    pub fn bm25(&self, text: &str) -> Vec<(usize, f64)> {
        self.bm25_dense(text).iter().enumerate().filter(|(_, s)| **s > 0.0).map(|(d, s)| (d, *s as f64)).collect()
    }

    /// BM25 scores of all documents (0 where nothing matches).
    fn bm25_dense(&self, text: &str) -> Vec<f32> {
        let mut ids: Vec<u32> = self.analyzer.analyze(text).iter().filter_map(|t| self.terms.get(t).copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut dense = vec![0f32; self.doc_len.len()];
        for &t in &ids {
            let (lo, hi) = (self.offsets[t as usize] as usize, self.offsets[t as usize + 1] as usize);
            for (d, w) in self.post_docs[lo..hi].iter().zip(&self.post_impact[lo..hi]) {
                dense[*d as usize] += *w;
            }
        }
        dense
    }

    /// Share of the query's tags the document has, averaged over the facets the query uses.
    fn tag_overlap(&self, doc: usize, q: &NormQuery) -> Option<f64> {
        let mut parts = Vec::new();
        for (qtags, dtags) in [(&q.target_groups, &self.target_groups[doc]), (&q.problems, &self.problems[doc])] {
            if !qtags.is_empty() {
                parts.push(qtags.iter().filter(|t| dtags.contains(t)).count() as f64 / qtags.len() as f64);
            }
        }
        if let Some(area) = &q.area {
            parts.push((self.areas[doc] == *area) as u8 as f64);
        }
        if parts.is_empty() { None } else { Some(parts.iter().sum::<f64>() / parts.len() as f64) }
    }

    /// Gower similarity over the context attributes both sides have: categorical 1 when
    /// equal (case-insensitive), numeric 1 − |x − y| / range over the catalog.
    pub fn context_similarity(&self, doc: usize, context: &BTreeMap<String, Value>) -> Option<f64> {
        let dctx = &self.catalog.interventions()[doc].context;
        let mut sims = Vec::new();
        for (k, qv) in context {
            let Some(dv) = dctx.get(k) else { continue };
            let s = match (qv.as_f64(), dv.as_f64()) {
                (Some(x), Some(y)) => {
                    let range = self.ranges.get(k).copied().unwrap_or(0.0);
                    if range > 0.0 { 1.0 - ((x - y).abs() / range).min(1.0) } else { (x == y) as u8 as f64 }
                }
                _ => (value_text(qv).to_lowercase() == value_text(dv).to_lowercase()) as u8 as f64,
            };
            sims.push(s);
        }
        if sims.is_empty() { None } else { Some(sims.iter().sum::<f64>() / sims.len() as f64) }
    }

    /// Interventions relevant to `query`, best first (ties by catalog order):
    /// relevance = weighted mean of BM25 / max BM25, tag overlap and context similarity.
    /// A document is a candidate when its text or its tags match. `limit` 0 = all.
    pub fn search(&self, query: &Query, weights: &RelevanceWeights, limit: usize) -> Vec<Hit> {
        let q = NormQuery::new(query);
        let scores = self.bm25_dense(&query.text);
        let max_bm25 = scores.iter().copied().fold(0f32, f32::max) as f64;
        let uses_tags = !(q.target_groups.is_empty() && q.problems.is_empty() && q.area.is_none());
        let uses_context = !query.context.is_empty();
        // Documents that match on tags alone are candidates too.
        let mut tagged = Vec::new();
        if uses_tags {
            tagged = vec![false; scores.len()];
            let keys = q
                .target_groups
                .iter()
                .map(|t| (0u8, t))
                .chain(q.problems.iter().map(|t| (1u8, t)))
                .chain(q.area.iter().map(|a| (2u8, a)));
            for (f, t) in keys {
                for &d in self.tag_docs.get(&(f, t.clone())).map_or(&[][..], |v| v.as_slice()) {
                    tagged[d as usize] = true;
                }
            }
        }
        let uses_text = max_bm25 > 0.0;
        let component = |doc: usize, bm25: f64| {
            let tag = if uses_tags { self.tag_overlap(doc, &q) } else { None };
            let ctx = if uses_context { self.context_similarity(doc, &query.context) } else { None };
            let (mut num, mut den) = (0.0, 0.0);
            if uses_text {
                num += weights.text * bm25 / max_bm25;
                den += weights.text;
            }
            if let Some(t) = tag {
                num += weights.tags * t;
                den += weights.tags;
            }
            if uses_context {
                // A source without the attribute counts as dissimilar, not as unknown.
                num += weights.context * ctx.unwrap_or(0.0);
                den += weights.context;
            }
            (if den > 0.0 { num / den } else { 0.0 }, tag, ctx)
        };
        // Best `limit` candidates in a heap whose top is the worst kept.
        let mut heap: BinaryHeap<Ranked> = BinaryHeap::new();
        for (doc, &s) in scores.iter().enumerate() {
            if s <= 0.0 && !tagged.get(doc).copied().unwrap_or(false) {
                continue;
            }
            let bm25 = s as f64;
            let (relevance, tag, _) = component(doc, bm25);
            if bm25 <= 0.0 && !tag.is_some_and(|t| t > 0.0) {
                continue;
            }
            let r = Ranked { relevance, doc, bm25 };
            if limit == 0 || heap.len() < limit {
                heap.push(r);
            } else if heap.peek().is_some_and(|worst| r < *worst) {
                heap.pop();
                heap.push(r);
            }
        }
        heap.into_sorted_vec()
            .into_iter()
            .map(|Ranked { relevance, doc, bm25 }| {
                let (_, tag_overlap, context_similarity) = component(doc, bm25);
                Hit {
                    doc,
                    id: self.catalog.interventions()[doc].id.clone(),
                    relevance,
                    bm25,
                    tag_overlap,
                    context_similarity,
                }
            })
            .collect()
    }
}

/// A candidate ordered best first: higher relevance, then lower document index.
#[derive(PartialEq)]
struct Ranked {
    relevance: f64,
    doc: usize,
    bm25: f64,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.relevance.total_cmp(&self.relevance).then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

struct NormQuery {
    target_groups: Vec<String>,
    problems: Vec<String>,
    area: Option<String>,
}

impl NormQuery {
    fn new(q: &Query) -> Self {
        NormQuery {
            target_groups: q.target_groups.iter().map(|t| norm_tag(t)).collect(),
            problems: q.problems.iter().map(|t| norm_tag(t)).collect(),
            area: q.area.as_deref().map(norm_tag).filter(|a| !a.is_empty()),
        }
    }
}

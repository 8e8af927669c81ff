//! The search index over a catalog: BM25 text relevance, tag overlap and context similarity.
//!
//! Built once, immutable, `Send + Sync`. BM25 impacts (Lucene's formula, k1 = 1.2,
//! b = 0.75) are precomputed per posting, so a query only adds floats.

use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use super::CatalogError;
use super::catalog::{Catalog, Intervention};
use super::context::ContextTable;
use super::partners::Profiles;
use super::query::{Prepared, Query};
use crate::text::{self, Analyzer, normalize};

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

/// Relevance at or above which a hit is a good match: the hit covers at least half of the
/// query (its words weighted by idf, its tags and its context, as [`RelevanceWeights`]
/// weigh them). Below it, matching answers "no good match" rather than distil ingredients
/// from interventions that share a stray word with the problem.
pub const GOOD_MATCH: f64 = 0.5;

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
///
/// `relevance` is absolute, in [0, 1]: the weighted mean of `text_match`, `tag_overlap` and
/// `context_similarity` over the components the query uses. It is not scaled to the best
/// hit, so a top hit that shares one stray word with the query stays low.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    pub doc: usize,
    pub id: String,
    pub relevance: f64,
    /// BM25 score (orders hits of equal relevance).
    pub bm25: f64,
    /// Share of the query's words the intervention contains, each word weighted by its idf;
    /// a compound query word counts by the share of its parts found. `None` without words.
    pub text_match: Option<f64>,
    pub tag_overlap: Option<f64>,
    pub context_similarity: Option<f64>,
}

/// Common words of a problem statement that name no topic ("flere ledige i vores
/// boligområder"): beyond the stop words, they count neither for nor against a hit's
/// [`Hit::text_match`] (BM25 still sees them). Without this, a filler word the catalog
/// lacks ("vores") weighs most, being the rarest, and sinks a good match.
const FILLER: &[&str] = &[
    "flere", "flest", "vores", "jeres", "mere", "mest", "bedre", "bedst", "god", "gode", "godt", "ny", "nye", "nyt",
    "stor", "store", "større", "størst", "lille", "små", "mindre", "få", "får", "kan", "gøre", "gør", "blandt",
    "uden", "mellem", "gennem", "hele", "helt", "andre", "andet", "ved", "via", "samt", "særligt", "især", "bør",
    "må", "øge", "øget", "hvordan", "hvorfor", "hvilke", "hvilken", "problem", "problemer", "problemet",
    "udfordring", "udfordringer", "udfordringen", "behov", "brug", "gerne", "rigtig", "virkelig", "mange",
    "more", "better", "many", "need", "needs", "problem", "problems", "new", "get", "help", "improve",
];

/// One distinct word of a query: its stem's and its compound parts' term ids (`None`
/// when the catalog lacks the term) and its weight, the idf of its stem.
struct QueryWord {
    /// idf of the stem; 0 for a filler word.
    weight: f64,
    stem: Option<u32>,
    parts: Vec<Option<u32>>,
}

/// The hits of a query, and how many interventions shared anything with it.
pub(crate) struct Ranking {
    pub hits: Vec<Hit>,
    pub candidates: usize,
    /// Whether the query had a searchable word or tag at all.
    pub searchable: bool,
    pub prepared: Prepared,
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
    /// The distinct non-empty areas, to check a query's area.
    pub(crate) areas_known: BTreeSet<String>,
    /// Facet tag → documents, for documents that match on tags alone.
    tag_docs: HashMap<(u8, String), Vec<u32>>,
    /// Context attributes, interned.
    pub(crate) context: ContextTable,
    /// Municipality profiles for partner suggestions, built on first use.
    pub(crate) profiles: OnceLock<Profiles>,
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
            docs.iter().map(|iv| iv.target_groups.iter().map(|t| normalize(t)).collect()).collect();
        let problems: Vec<Vec<String>> =
            docs.iter().map(|iv| iv.problems.iter().map(|t| normalize(t)).collect()).collect();
        let areas: Vec<String> = docs.iter().map(|iv| normalize(&iv.area)).collect();
        let areas_known = areas.iter().filter(|a| !a.is_empty()).cloned().collect();
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
        let context = ContextTable::build(docs);
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
            areas_known,
            tag_docs,
            context,
            profiles: OnceLock::new(),
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
            + self.context.memory_bytes()
    }

    /// The distinct words of a query text, analysed as the index analysed the catalog.
    fn query_words(&self, text: &str) -> Vec<QueryWord> {
        let tokens = text::tokenize(text);
        let lang = text::detect_language(&tokens);
        let n_docs = self.doc_len.len();
        let mut seen = HashSet::new();
        let mut words = Vec::new();
        for t in &tokens {
            let mut terms = Vec::new();
            self.analyzer.token_terms(t, lang, &mut terms);
            let Some((stem, parts)) = terms.split_first() else { continue };
            if !seen.insert(stem.clone()) {
                continue;
            }
            let id = |t: &String| self.terms.get(t).copied();
            let stem_id = id(stem);
            let df = stem_id.map_or(0, |t| (self.offsets[t as usize + 1] - self.offsets[t as usize]) as usize);
            let weight = if FILLER.contains(&t.as_str()) { 0.0 } else { idf(n_docs, df) };
            words.push(QueryWord { weight, stem: stem_id, parts: parts.iter().map(id).collect() });
        }
        words
    }

    /// Whether document `doc` contains term `t` (postings are sorted by document).
    fn contains(&self, t: u32, doc: usize) -> bool {
        let (lo, hi) = (self.offsets[t as usize] as usize, self.offsets[t as usize + 1] as usize);
        self.post_docs[lo..hi].binary_search(&(doc as u32)).is_ok()
    }

    /// Share of the query's words in `doc`, weighted by idf (see [`Hit::text_match`]).
    fn text_match(&self, doc: usize, words: &[QueryWord]) -> f64 {
        let has = |t: &Option<u32>| t.is_some_and(|t| self.contains(t, doc));
        let (mut got, mut all) = (0.0, 0.0);
        for w in words {
            all += w.weight;
            got += w.weight
                * if has(&w.stem) {
                    1.0
                } else if w.parts.is_empty() {
                    0.0
                } else {
                    w.parts.iter().filter(|p| has(p)).count() as f64 / w.parts.len() as f64
                };
        }
        if all > 0.0 { got / all } else { 0.0 }
    }

    /// BM25 score of every document for `text`, as (doc, score) for documents with a match,
    /// ascending by doc. Query terms count once each.
    pub fn bm25(&self, text: &str) -> Vec<(usize, f64)> {
        let words = self.query_words(text);
        self.bm25_dense(&words).iter().enumerate().filter(|(_, s)| **s > 0.0).map(|(d, s)| (d, *s as f64)).collect()
    }

    /// BM25 scores of all documents (0 where nothing matches) for the words' stems and parts.
    fn bm25_dense(&self, words: &[QueryWord]) -> Vec<f32> {
        let mut ids: Vec<u32> =
            words.iter().flat_map(|w| std::iter::once(&w.stem).chain(&w.parts)).filter_map(|t| *t).collect();
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
    fn tag_overlap(&self, doc: usize, q: &Prepared) -> Option<f64> {
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

    /// Documents that share a tag (target group, problem or area) with the query.
    fn tagged(&self, q: &Prepared) -> Vec<bool> {
        let mut tagged = vec![false; self.doc_len.len()];
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
        tagged
    }

    /// Interventions relevant to `query`, best first (see [`Hit`]; ties by BM25, then
    /// catalog order). A document is a candidate when its text or its tags match.
    /// `limit` 0 = all. An unknown context key or value, area or excluded id is an error.
    pub fn search(&self, query: &Query, weights: &RelevanceWeights, limit: usize) -> Result<Vec<Hit>, CatalogError> {
        Ok(self.rank(query, weights, limit)?.hits)
    }

    /// Relevance of document `doc`: (relevance, text match, tag overlap, context similarity).
    fn components(
        &self,
        doc: usize,
        bm25: f64,
        q: &Prepared,
        words: &[QueryWord],
        weights: &RelevanceWeights,
    ) -> (f64, Option<f64>, Option<f64>, Option<f64>) {
        let has_words = words.iter().any(|w| w.weight > 0.0);
        let text = has_words.then(|| if bm25 > 0.0 { self.text_match(doc, words) } else { 0.0 });
        let tag = self.tag_overlap(doc, q);
        let uses_context = !q.context.is_empty();
        let ctx = if uses_context { self.context.similarity(doc, &q.context) } else { None };
        let (mut num, mut den) = (0.0, 0.0);
        if let Some(t) = text {
            num += weights.text * t;
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
        (if den > 0.0 { num / den } else { 0.0 }, text, tag, ctx)
    }

    /// The ranked hits of a validated query, with the number of candidates.
    pub(crate) fn rank(&self, query: &Query, weights: &RelevanceWeights, limit: usize) -> Result<Ranking, CatalogError> {
        let q = self.prepare(query)?;
        let words = self.query_words(&query.text);
        let scores = self.bm25_dense(&words);
        let uses_tags = !(q.target_groups.is_empty() && q.problems.is_empty() && q.area.is_none());
        let tagged = if uses_tags { self.tagged(&q) } else { Vec::new() };
        // Best `limit` candidates in a heap whose top is the worst kept.
        let mut heap: BinaryHeap<Ranked> = BinaryHeap::new();
        let mut candidates = 0;
        for (doc, &s) in scores.iter().enumerate() {
            if s <= 0.0 && !tagged.get(doc).copied().unwrap_or(false) {
                continue;
            }
            let bm25 = s as f64;
            let (relevance, _, tag, _) = self.components(doc, bm25, &q, &words, weights);
            if bm25 <= 0.0 && !tag.is_some_and(|t| t > 0.0) {
                continue;
            }
            candidates += 1;
            let r = Ranked { relevance, doc, bm25 };
            if limit == 0 || heap.len() < limit {
                heap.push(r);
            } else if heap.peek().is_some_and(|worst| r < *worst) {
                heap.pop();
                heap.push(r);
            }
        }
        let hits = heap
            .into_sorted_vec()
            .into_iter()
            .map(|Ranked { relevance, doc, bm25 }| {
                let (_, text_match, tag_overlap, context_similarity) = self.components(doc, bm25, &q, &words, weights);
                Hit {
                    doc,
                    id: self.catalog.interventions()[doc].id.clone(),
                    relevance,
                    bm25,
                    text_match,
                    tag_overlap,
                    context_similarity,
                }
            })
            .collect();
        let searchable = words.iter().any(|w| w.weight > 0.0) || uses_tags;
        Ok(Ranking { hits, candidates, searchable, prepared: q })
    }
}

/// A candidate ordered best first: higher relevance, then higher BM25, then lower
/// document index.
#[derive(PartialEq)]
struct Ranked {
    relevance: f64,
    doc: usize,
    bm25: f64,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .relevance
            .total_cmp(&self.relevance)
            .then(other.bm25.total_cmp(&self.bm25))
            .then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}


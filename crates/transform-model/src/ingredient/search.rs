//! Answering a query: its words analysed as the catalog was, BM25 over the postings,
//! the absolute share of the query each candidate matches, tags and context, ranked.

use std::collections::{BinaryHeap, HashSet};

use super::CatalogError;
use super::index::{Hit, Index, RelevanceWeights, idf};
use super::query::{Prepared, Query};
use crate::text;

/// How much a query word the catalog lacks (no stem, no synonym in any intervention)
/// weighs, as a share of the idf such a word would have. At full idf one verb or paraphrase
/// the catalog never uses outweighs two shared content words; at 0 a query about something
/// the catalog does not hold would still match on its one common word. Calibrated on the
/// calibration half of `data/queries/judged.json` (docs/matching.md).
pub(crate) const UNKNOWN_WORD_SHARE: f64 = 0.5;

/// One distinct word of a query: the term ids that cover it in full (its stem and its
/// thesaurus synonyms the catalog has), its compound parts' term ids (`None` when the
/// catalog lacks the part), and its weight.
struct QueryWord {
    /// idf of the word (its most common full term); 0 for a function word.
    weight: f64,
    full: Vec<u32>,
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

impl Index {
    /// The distinct words of a query text, analysed as the index analysed the catalog, each
    /// with its thesaurus synonyms ([`text::thesaurus`]); function words weigh nothing.
    fn query_words(&self, text: &str) -> Vec<QueryWord> {
        let tokens = text::tokenize(text);
        let lang = text::detect_language(&tokens);
        let n_docs = self.parts.doc_len.len();
        let df = |t: u32| (self.parts.offsets[t as usize + 1] - self.parts.offsets[t as usize]) as usize;
        let mut seen = HashSet::new();
        let mut words = Vec::new();
        for t in &tokens {
            let ids = self.token_ids(t, lang);
            let Some((stem, parts)) = ids.split_first() else { continue };
            let stem_text = text::stem(t, lang);
            if !seen.insert(stem_text.clone()) {
                continue;
            }
            let mut full: Vec<u32> = stem.as_ref().ok().copied().into_iter().collect();
            if lang == crate::Lang::Da {
                for s in text::thesaurus::synonyms(&stem_text) {
                    if let Some(&id) = self.parts.terms.get(s) {
                        if !full.contains(&id) {
                            full.push(id);
                        }
                    }
                }
            }
            let weight = match full.iter().map(|&t| df(t)).max() {
                _ if text::thesaurus::is_function_word(t) => 0.0,
                Some(most) => idf(n_docs, most),
                None => UNKNOWN_WORD_SHARE * idf(n_docs, 0),
            };
            let parts = parts.iter().map(|p| p.as_ref().ok().copied().filter(|p| !full.contains(p))).collect();
            words.push(QueryWord { weight, full, parts });
        }
        words
    }

    /// A token's terms as ids (`Err(term)` for a term the catalog lacks): looked up when
    /// the catalog has the word, analysed otherwise.
    fn token_ids(&self, token: &str, lang: crate::Lang) -> Vec<Result<u32, String>> {
        let slot = (lang == crate::Lang::En) as usize;
        if let Some(Some(ids)) = self.parts.word_terms.get(token).map(|w| &w[slot]) {
            return ids.iter().map(|&id| Ok(id)).collect();
        }
        let mut terms = Vec::new();
        self.parts.analyzer.token_terms(token, lang, &mut terms);
        terms.into_iter().map(|t| self.parts.terms.get(&t).copied().ok_or(t)).collect()
    }

    /// BM25 of every document (0 where nothing matches; each term once) and, with `cover`,
    /// every document's idf-weighted count of the query's words (see [`Hit::text_match`];
    /// divide by the words' total weight), in one pass over the postings: a word's stem or
    /// a synonym gives its full weight once, each of its parts found (where neither is) its share.
    fn score_dense(&self, words: &[QueryWord], cover: bool) -> (Vec<f32>, Vec<f32>) {
        let n = self.parts.doc_len.len();
        let mut bm25 = vec![0f32; n];
        let mut covered = if cover { vec![0f32; n] } else { Vec::new() };
        // stamp[d] == i + 1: document d is covered in full for word i.
        let mut stamp = if cover { vec![0u32; n] } else { Vec::new() };
        let mut seen: Vec<u32> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let mark = i as u32 + 1;
            let count = cover && w.weight > 0.0;
            let full = w.weight as f32;
            let share = (w.weight / w.parts.len().max(1) as f64) as f32;
            let terms = w.full.iter().map(|&t| (t, true)).chain(w.parts.iter().flatten().map(|&t| (t, false)));
            for (t, is_full) in terms {
                let first = !seen.contains(&t);
                if first {
                    seen.push(t);
                }
                let (lo, hi) = (self.parts.offsets[t as usize] as usize, self.parts.offsets[t as usize + 1] as usize);
                let (docs, impacts) = (&self.parts.post_docs[lo..hi], &self.parts.post_impact[lo..hi]);
                if first {
                    for (&d, &impact) in docs.iter().zip(impacts) {
                        bm25[d as usize] += impact;
                    }
                }
                if !count {
                    continue;
                }
                for &d in docs {
                    let d = d as usize;
                    if stamp[d] == mark {
                        continue;
                    }
                    if is_full {
                        covered[d] += full;
                        stamp[d] = mark;
                    } else {
                        covered[d] += share;
                    }
                }
            }
        }
        (bm25, covered)
    }

    /// BM25 score of every document for `text`, as (doc, score) for documents with a match,
    /// ascending by doc. Query terms count once each.
    pub fn bm25(&self, text: &str) -> Vec<(usize, f64)> {
        let words = self.query_words(text);
        self.score_dense(&words, false)
            .0
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(d, s)| (d, *s as f64))
            .collect()
    }

    /// Share of the query's tags the document has, averaged over the facets the query uses.
    fn tag_overlap(&self, doc: usize, q: &Prepared) -> Option<f64> {
        let (mut sum, mut n) = (0.0, 0usize);
        let facets =
            [(&q.target_group_ids, self.facets.target_groups(doc)), (&q.problem_ids, self.facets.problems(doc))];
        for (qtags, dtags) in facets {
            if !qtags.is_empty() {
                sum +=
                    qtags.iter().filter(|t| t.is_some_and(|t| dtags.contains(&t))).count() as f64 / qtags.len() as f64;
                n += 1;
            }
        }
        if q.area.is_some() {
            sum += (q.area_id.is_some() && self.facets.area(doc) == q.area_id) as u8 as f64;
            n += 1;
        }
        (n > 0).then(|| sum / n as f64)
    }

    /// Documents that share a tag (target group, problem or area) with the query.
    fn tagged(&self, q: &Prepared) -> Vec<bool> {
        let mut tagged = vec![false; self.parts.doc_len.len()];
        let keys = q
            .target_group_ids
            .iter()
            .map(|t| (0u8, t))
            .chain(q.problem_ids.iter().map(|t| (1u8, t)))
            .chain(std::iter::once((2u8, &q.area_id)).filter(|_| q.area.is_some()));
        for (f, t) in keys {
            for &d in t.map_or(&[][..], |t| self.facets.docs(f, t)) {
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
        cover: Option<(&[f32], f32)>,
        q: &Prepared,
        weights: &RelevanceWeights,
    ) -> (f64, Option<f64>, Option<f64>, Option<f64>) {
        let text = cover.map(|(c, total)| ((c[doc] / total) as f64).min(1.0));
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
    pub(crate) fn rank(
        &self,
        query: &Query,
        weights: &RelevanceWeights,
        limit: usize,
    ) -> Result<Ranking, CatalogError> {
        let q = self.prepare(query)?;
        let words = self.query_words(&query.text);
        let has_words = words.iter().any(|w| w.weight > 0.0);
        let (scores, covered) = self.score_dense(&words, has_words);
        // Summed in f32 and in word order like the raw counts, so a document with every word
        // has exactly 1.
        let total: f32 = words.iter().map(|w| w.weight as f32).sum();
        let cover = has_words.then_some((covered.as_slice(), total));
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
            let (relevance, _, tag, _) = self.components(doc, cover, &q, weights);
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
                let (_, text_match, tag_overlap, context_similarity) = self.components(doc, cover, &q, weights);
                Ok(Hit {
                    doc,
                    id: self.docs.id(doc)?.to_owned(),
                    relevance,
                    bm25,
                    text_match,
                    tag_overlap,
                    context_similarity,
                })
            })
            .collect::<Result<_, CatalogError>>()?;
        let searchable = has_words || uses_tags;
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
        other.relevance.total_cmp(&self.relevance).then(other.bm25.total_cmp(&self.bm25)).then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

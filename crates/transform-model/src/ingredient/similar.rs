//! The interventions most similar to a query, as a serialisable result with its own
//! counts, and the combined report `match --similar` prints.

use serde::{Deserialize, Serialize};

use super::CatalogError;
use super::distill::{MatchOptions, MatchResult, retrieval_reason};
use super::index::{GOOD_MATCH, Index, RelevanceWeights};
use super::query::Query;
use super::reason::Reason;

/// A retrieved intervention as the similarity list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SimilarIntervention {
    /// Intervention id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The municipality's name and code.
    pub municipality: String,
    /// Kommunekode.
    pub code: String,
    /// Welfare area.
    pub area: String,
    /// Relevance in [0, 1] (see [`super::Hit`]).
    pub relevance: f64,
    /// BM25 score.
    pub bm25: f64,
    /// Share of the query's words the intervention contains, idf-weighted.
    pub text_match: Option<f64>,
    /// Share of the query's tags the intervention has.
    pub tag_overlap: Option<f64>,
    /// Similarity of the intervention's context to the query's.
    pub context_similarity: Option<f64>,
}

/// The interventions most similar to a query, best first: the nearest ones even when they
/// match poorly (exploration), with the count of good matches among them and, when there
/// is none, the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Similar {
    /// The nearest interventions, best first.
    pub interventions: Vec<SimilarIntervention>,
    /// How many of `interventions` are good matches (relevance at least [`GOOD_MATCH`]).
    pub good_matches: usize,
    /// Interventions that share a word or a tag with the query, good matches or not.
    pub candidates: usize,
    /// The highest relevance among them.
    pub best_relevance: f64,
    /// Why no intervention is a good match; `None` when one is.
    pub reason: Option<Reason>,
}

/// A match and the most similar interventions, as `match --similar` prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MatchReport {
    /// The ingredients matched.
    #[serde(flatten)]
    pub result: MatchResult,
    /// The most similar interventions.
    pub similar: Similar,
}

impl Similar {
    /// The list as pretty JSON with `schema_version` first, as the C API's
    /// `tm_catalog_similar` writes it.
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

impl MatchReport {
    /// The match with its similarity list as pretty JSON with `schema_version` first, as the
    /// CLI's `match --similar --format json` writes it.
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

impl Index {
    /// The `top` (at least 1) most similar interventions for a query, best first (see [`Similar`]).
    pub fn similar(&self, query: &Query, weights: &RelevanceWeights, top: usize) -> Result<Similar, CatalogError> {
        super::at_least_one("top", top)?;
        let r = self.rank(query, weights, top)?;
        let best = r.hits.first().map_or(0.0, |h| h.relevance);
        let interventions = r
            .hits
            .iter()
            .map(|h| {
                let iv = self.docs.intervention(h.doc)?;
                Ok(SimilarIntervention {
                    id: h.id.clone(),
                    title: iv.title.clone(),
                    municipality: iv.municipality.name.clone(),
                    code: iv.municipality.code.clone(),
                    area: iv.area.clone(),
                    relevance: h.relevance,
                    bm25: h.bm25,
                    text_match: h.text_match,
                    tag_overlap: h.tag_overlap,
                    context_similarity: h.context_similarity,
                })
            })
            .collect::<Result<_, CatalogError>>()?;
        let good_matches = r.hits.iter().filter(|h| h.relevance >= GOOD_MATCH).count();
        let reason = retrieval_reason(&r, best);
        Ok(Similar { interventions, good_matches, candidates: r.candidates, best_relevance: best, reason })
    }

    /// A match and the `top` most similar interventions, from one validated query.
    pub fn match_report(&self, query: &Query, o: &MatchOptions) -> Result<MatchReport, CatalogError> {
        Ok(MatchReport { result: self.match_query(query, o)?, similar: self.similar(query, &o.weights, o.top)? })
    }
}

//! Partners for a problem ("who should we partner with on young people?"): municipalities
//! whose interventions answer the problem, ranked by how well they answer it and by how
//! much their context resembles the asking municipality's.
//!
//! The asking municipality may have no intervention of its own: its context is what the
//! bundled reference data knows of it (region for the 98 real municipalities; kommunegruppe
//! and population band only for the fictional ones, as the reference data holds nothing
//! more), plus any context the query gives, which wins.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalog::Outcome;
use super::index::{GOOD_MATCH, Index, RelevanceWeights};
use super::query::Query;
use super::{CatalogError, context_names};
use crate::municipality::{self, Municipality};

/// Interventions retrieved for the problem before they are grouped by municipality.
const RETRIEVE: usize = 500;
/// Weight of the problem's relevance in a partner's score; context has the rest.
const RELEVANCE_WEIGHT: f64 = 0.7;

/// A municipality to partner with on a problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProblemPartner {
    /// Kommunekode.
    pub code: String,
    /// Name of the municipality.
    pub name: String,
    /// Name of its region.
    pub region: String,
    /// An invented municipality of the sample data (it does not exist).
    pub fictional: bool,
    /// 0.7 · relevance + 0.3 · context similarity (relevance alone without a context to
    /// compare); partners come best first.
    pub score: f64,
    /// The best relevance of its interventions to the problem, in [0, 1].
    pub relevance: f64,
    /// Mean of its interventions' context similarity to the asking municipality's context
    /// and of being in the same region; `None` without an asking municipality or context.
    pub context_similarity: Option<f64>,
    /// Both lie in the same region; `None` without an asking municipality.
    pub same_region: Option<bool>,
    /// Its interventions that answer the problem (relevance at least [`GOOD_MATCH`]), best first.
    pub interventions: Vec<PartnerCase>,
    /// Ingredients of those interventions with a positive or mixed outcome, in order of appearance.
    pub ingredients: Vec<String>,
}

/// One of a partner's interventions that answers the problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerCase {
    /// Intervention id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its relevance to the problem, in [0, 1].
    pub relevance: f64,
    /// Its outcome.
    pub outcome: Outcome,
}

/// A partner being gathered: its cases and each case's context similarity.
struct Gathered {
    cases: Vec<PartnerCase>,
    context: Vec<f64>,
    ingredients: Vec<String>,
}

impl Index {
    /// The `top` (at least 1) municipalities whose interventions best answer `query`'s
    /// problem (text, target groups, problem tags), for the municipality `asking` (a
    /// kommunekode, with or without interventions in the catalog) or for no one in
    /// particular. A municipality's own interventions are left out of its partners.
    pub fn partners_for_problem(
        &self,
        query: &Query,
        asking: Option<&str>,
        top: usize,
    ) -> Result<Vec<ProblemPartner>, CatalogError> {
        super::at_least_one("top", top)?;
        let me = asking
            .map(|code| {
                municipality::by_code(code).ok_or_else(|| CatalogError::UnknownMunicipality { code: code.into() })
            })
            .transpose()?;
        let context = self.asking_context(query, me);
        let prepared = self.prepare(&Query { context: context.clone(), ..query.clone() })?;
        let problem = Query { context: BTreeMap::new(), ..query.clone() };
        let hits = self.search(&problem, &RelevanceWeights::default(), RETRIEVE)?;
        let mut gathered: BTreeMap<String, Gathered> = BTreeMap::new();
        for hit in hits.iter().filter(|h| h.relevance >= GOOD_MATCH) {
            let iv = self.docs.intervention(hit.doc)?;
            if me.is_some_and(|m| m.code == iv.municipality.code) {
                continue;
            }
            let g = gathered.entry(iv.municipality.code.clone()).or_insert_with(|| Gathered {
                cases: Vec::new(),
                context: Vec::new(),
                ingredients: Vec::new(),
            });
            g.cases.push(PartnerCase {
                id: iv.id.clone(),
                title: iv.title.clone(),
                relevance: hit.relevance,
                outcome: iv.outcome,
            });
            g.context.extend(self.context.similarity(hit.doc, &prepared.context));
            if matches!(iv.outcome, Outcome::Positive | Outcome::Mixed) {
                for u in &iv.ingredients {
                    if !g.ingredients.contains(&u.id) {
                        g.ingredients.push(u.id.clone());
                    }
                }
            }
        }
        let mut out: Vec<ProblemPartner> =
            gathered.into_iter().filter_map(|(code, g)| partner(&code, g, me, !context.is_empty())).collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
        out.truncate(top);
        Ok(out)
    }

    /// The asking municipality's context: the reference data's attributes that the catalog
    /// knows (so a catalog without them is not refused), then the query's, which win.
    fn asking_context(&self, query: &Query, me: Option<&Municipality>) -> BTreeMap<String, serde_json::Value> {
        let mut context = BTreeMap::new();
        let known = [
            (context_names::URBANITY, me.and_then(|m| m.urbanity.as_deref())),
            (context_names::POPULATION_BAND, me.and_then(|m| m.population_band.as_deref())),
        ];
        for (key, value) in known {
            let (Some(value), Some(id)) = (value, self.context.key(key)) else { continue };
            let value = serde_json::Value::from(value);
            if self.context.query_value(id, &value).text.is_some() || self.context.on_scale(id, &value) {
                context.insert(key.to_owned(), value);
            }
        }
        context.extend(query.context.iter().map(|(k, v)| (k.clone(), v.clone())));
        context
    }
}

/// The partner `code` from what was gathered; `None` for a code outside the reference data.
fn partner(code: &str, g: Gathered, me: Option<&Municipality>, has_context: bool) -> Option<ProblemPartner> {
    let m = municipality::by_code(code)?;
    let relevance = g.cases.iter().map(|c| c.relevance).fold(0.0, f64::max);
    let same_region = me.map(|me| me.region_code == m.region_code);
    let mut parts: Vec<f64> = Vec::new();
    if has_context && !g.context.is_empty() {
        parts.push(g.context.iter().sum::<f64>() / g.context.len() as f64);
    }
    parts.extend(same_region.map(|s| s as u8 as f64));
    let context_similarity = (!parts.is_empty()).then(|| parts.iter().sum::<f64>() / parts.len() as f64);
    let score = match context_similarity {
        Some(c) => RELEVANCE_WEIGHT * relevance + (1.0 - RELEVANCE_WEIGHT) * c,
        None => relevance,
    };
    Some(ProblemPartner {
        code: code.to_owned(),
        name: m.name.clone(),
        region: m.region_name.clone(),
        fictional: m.fictional,
        score,
        relevance,
        context_similarity,
        same_region,
        interventions: g.cases,
        ingredients: g.ingredients,
    })
}

/// Partners for a problem as a document: `{"schema_version", "partners": [...]}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ProblemPartnerList<'a> {
    /// Best first.
    pub partners: &'a [ProblemPartner],
}

/// Partners for a problem as the CLI's `partners --problem --format json` and the C API's
/// `tm_catalog_partners_for_problem` write them.
pub fn problem_partners_json(partners: &[ProblemPartner]) -> String {
    crate::versioned::to_json(&ProblemPartnerList { partners })
}

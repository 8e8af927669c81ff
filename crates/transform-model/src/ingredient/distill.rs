//! Distillation and matching: from relevant interventions to ranked active ingredients.
//!
//! The frequency method of the distillation-and-matching model (Chorpita et al.): each
//! retrieved intervention i weighs w_i = relevance_i × evidence_i, with evidence_i =
//! (level + 1)/5. Its outcome splits it into a successful share s_i (positive 1, mixed ½,
//! none/negative 0; unknown outcomes count on neither side). An ingredient j with weight
//! x_ij in i scores
//!   score_j = Σ w_i s_i x_ij / Σ w_i s_i          (its share among successes)
//!   fail_j  = Σ w_i (1−s_i) x_ij / Σ w_i (1−s_i)  (its share among failures)
//!   lift_j  = (score_j + ε) / (fail_j + ε), ε = 0.05, null without any failure retrieved.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::catalog::{Outcome, Transfer};
use super::index::{Hit, Index, Query, RelevanceWeights, value_text};
use crate::localized::{Lang, Localized};

/// Smoothing of the lift ratio, so an ingredient absent from failures gets a finite lift.
pub const LIFT_EPSILON: f64 = 0.05;

/// Options for matching.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchOptions {
    /// Ingredients returned.
    pub top: usize,
    /// Interventions retrieved for the distillation (0 = every relevant one).
    pub retrieve: usize,
    pub weights: RelevanceWeights,
    /// Language of advice and warnings.
    pub lang: Lang,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions { top: 10, retrieve: 50, weights: RelevanceWeights::default(), lang: Lang::Da }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Support {
    /// Retrieved successful interventions that contain the ingredient.
    pub interventions: usize,
    /// Distinct municipalities behind them.
    pub municipalities: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSummary {
    pub max_level: i64,
    /// Mean level of the supporting interventions.
    pub mean_level: f64,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub relevance: f64,
    pub municipality: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngredientMatch {
    pub id: String,
    pub name: Localized,
    pub score: f64,
    pub lift: Option<f64>,
    pub support: Support,
    pub evidence: EvidenceSummary,
    pub sources: Vec<Source>,
    /// The transfer type that carries most of the ingredient's successful weight.
    pub transfer: Transfer,
    pub advice: String,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchResult {
    pub ingredients: Vec<IngredientMatch>,
    /// Interventions retrieved for the distillation.
    pub retrieved: usize,
    /// Ingredients left out because they are already in use.
    pub excluded: Vec<String>,
}

impl MatchResult {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a match result serializes")
    }
}

struct Acc {
    succ: f64,
    fail: f64,
    simple: f64,
    sources: Vec<usize>,
}

impl Index {
    /// The most similar interventions for a query.
    pub fn similar(&self, query: &Query, weights: &RelevanceWeights, top: usize) -> Vec<Hit> {
        self.search(query, weights, top)
    }

    /// Ranks active ingredients for a query (see the module documentation).
    pub fn match_query(&self, query: &Query, o: &MatchOptions) -> MatchResult {
        let hits = self.search(query, &o.weights, o.retrieve);
        let ivs = self.catalog.interventions();
        let exclude: BTreeSet<&str> = query.exclude.iter().map(|s| s.trim()).collect();
        let (mut succ_total, mut fail_total) = (0.0, 0.0);
        let mut acc: BTreeMap<usize, Acc> = BTreeMap::new();
        for (h, hit) in hits.iter().enumerate() {
            let iv = &ivs[hit.doc];
            let w = hit.relevance * (iv.evidence.level as f64 + 1.0) / 5.0;
            let Some(s) = iv.outcome.success() else {
                // Unknown outcome: still listed as a source, counted on neither side.
                for u in &iv.ingredients {
                    let j = self.catalog.ingredient_index(&u.id).expect("validated");
                    acc.entry(j).or_insert(Acc { succ: 0.0, fail: 0.0, simple: 0.0, sources: vec![] }).sources.push(h);
                }
                continue;
            };
            succ_total += w * s;
            fail_total += w * (1.0 - s);
            for u in &iv.ingredients {
                let j = self.catalog.ingredient_index(&u.id).expect("validated");
                let a = acc.entry(j).or_insert(Acc { succ: 0.0, fail: 0.0, simple: 0.0, sources: vec![] });
                a.succ += w * s * u.weight;
                a.fail += w * (1.0 - s) * u.weight;
                if iv.transfer == Transfer::SimpleCausal {
                    a.simple += w * s * u.weight;
                }
                a.sources.push(h);
            }
        }
        let mut excluded = Vec::new();
        let mut out: Vec<IngredientMatch> = Vec::new();
        for (j, a) in acc {
            let ing = &self.catalog.ingredients()[j];
            if exclude.contains(ing.id.as_str()) {
                excluded.push(ing.id.clone());
                continue;
            }
            if succ_total <= 0.0 || a.succ <= 0.0 {
                continue;
            }
            let score = a.succ / succ_total;
            let lift = (fail_total > 0.0).then(|| (score + LIFT_EPSILON) / (a.fail / fail_total + LIFT_EPSILON));
            let supporting: Vec<usize> = a
                .sources
                .iter()
                .copied()
                .filter(|&h| ivs[hits[h].doc].outcome.success().is_some_and(|s| s > 0.0))
                .collect();
            let municipalities: BTreeSet<&str> =
                supporting.iter().map(|&h| ivs[hits[h].doc].municipality.code.as_str()).collect();
            let levels: Vec<i64> = supporting.iter().map(|&h| ivs[hits[h].doc].evidence.level).collect();
            let labels: BTreeSet<String> =
                supporting.iter().map(|&h| ivs[hits[h].doc].evidence.label.clone()).filter(|l| !l.is_empty()).collect();
            let transfer = if a.simple * 2.0 > a.succ { Transfer::SimpleCausal } else { Transfer::ContextDependent };
            let sources: Vec<Source> = a
                .sources
                .iter()
                .map(|&h| {
                    let iv = &ivs[hits[h].doc];
                    Source {
                        id: iv.id.clone(),
                        relevance: hits[h].relevance,
                        municipality: iv.municipality.code.clone(),
                        outcome: iv.outcome,
                    }
                })
                .collect();
            let max_level = levels.iter().copied().max().unwrap_or(0);
            out.push(IngredientMatch {
                id: ing.id.clone(),
                name: ing.name.clone(),
                score,
                lift,
                support: Support { interventions: supporting.len(), municipalities: municipalities.len() },
                evidence: EvidenceSummary {
                    max_level,
                    mean_level: levels.iter().sum::<i64>() as f64 / levels.len().max(1) as f64,
                    labels: labels.into_iter().collect(),
                },
                warnings: self.warnings(query, &supporting, &hits, municipalities.len(), max_level, o.lang),
                sources,
                transfer,
                advice: advice(transfer, o.lang),
            });
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| b.lift.unwrap_or(0.0).total_cmp(&a.lift.unwrap_or(0.0)))
                .then_with(|| a.id.cmp(&b.id))
        });
        out.truncate(o.top);
        MatchResult { ingredients: out, retrieved: hits.len(), excluded }
    }

    /// Matches many queries in parallel; the result equals matching them one by one.
    pub fn match_many(&self, queries: &[Query], o: &MatchOptions) -> Vec<MatchResult> {
        use rayon::prelude::*;
        queries.par_iter().map(|q| self.match_query(q, o)).collect()
    }

    fn warnings(
        &self,
        query: &Query,
        supporting: &[usize],
        hits: &[Hit],
        municipalities: usize,
        max_level: i64,
        lang: Lang,
    ) -> Vec<String> {
        let ivs = self.catalog.interventions();
        let mut w = Vec::new();
        for (key, value) in &query.context {
            let mine = value_text(value).to_lowercase();
            let theirs: BTreeSet<String> = supporting
                .iter()
                .filter_map(|&h| ivs[hits[h].doc].context.get(key))
                .map(|v| value_text(v).to_lowercase())
                .collect();
            if theirs.is_empty() || theirs.contains(&mine) || value.is_number() {
                continue;
            }
            let list = theirs.into_iter().collect::<Vec<_>>().join(", ");
            w.push(match lang {
                Lang::Da => format!("alle kilder har {key} = {list}; I har {mine}"),
                Lang::En => format!("all sources have {key} = {list}; you are {mine}"),
            });
        }
        if municipalities == 1 {
            w.push(lang.pick("kun én kommune står bag", "supported by a single municipality").to_owned());
        }
        if max_level <= 1 {
            w.push(lang.pick("svag evidens (niveau 1 eller lavere)", "weak evidence (level 1 or lower)").to_owned());
        }
        w
    }
}

fn advice(transfer: Transfer, lang: Lang) -> String {
    match transfer {
        Transfer::SimpleCausal => lang.pick(
            "Enkel kausal løsning: kan skaleres med få lokale tilpasninger.",
            "Simple causal solution: can be scaled with few local adjustments.",
        ),
        Transfer::ContextDependent => lang.pick(
            "Kontekstafhængig: byg på ingrediensen, og tilpas den lokalt – hverken kopi eller start fra scratch.",
            "Context-dependent: build on the ingredient and adapt it locally – neither copy nor start from scratch.",
        ),
    }
    .to_owned()
}

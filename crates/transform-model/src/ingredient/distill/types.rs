//! The options and result types of matching (schema `match_result`).

use serde::{Deserialize, Serialize};

use crate::ingredient::CatalogError;
use crate::ingredient::catalog::{Outcome, Transfer};
use crate::ingredient::index::RelevanceWeights;
#[cfg(doc)]
use crate::ingredient::index::{GOOD_MATCH, Hit};
use crate::ingredient::reason::Reason;
use crate::localized::{Lang, Localized};

/// Smoothing of the lift ratio, so an ingredient absent from failures gets a finite lift.
pub const LIFT_EPSILON: f64 = 0.05;

/// Options for matching.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MatchOptions {
    /// Ingredients returned (at least 1).
    pub top: usize,
    /// Interventions retrieved for the distillation (at least 1).
    pub retrieve: usize,
    /// How text, tags and context weigh in an intervention's relevance.
    pub weights: RelevanceWeights,
    /// Language of advice and warnings.
    pub lang: Lang,
}

impl MatchOptions {
    /// Refuses a `top` or `retrieve` of 0 (docs/c-api.md, "Zero").
    pub fn check(&self) -> Result<(), CatalogError> {
        crate::ingredient::at_least_one("top", self.top)?;
        crate::ingredient::at_least_one("retrieve", self.retrieve)
    }
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions { top: 10, retrieve: 50, weights: RelevanceWeights::default(), lang: Lang::Da }
    }
}

/// How many retrieved interventions stand behind an ingredient. Every count is over its
/// `sources` (the retrieved interventions that use it, whatever their outcome), so
/// `interventions + failures + unknown == sources.len()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Support {
    /// Sources with a positive or mixed outcome (they carry the score).
    pub interventions: usize,
    /// Distinct municipalities behind those successful sources.
    pub municipalities: usize,
    /// Sources with no effect or a negative outcome (they carry the lift's denominator).
    pub failures: usize,
    /// Sources with an unknown outcome (counted on neither side).
    pub unknown: usize,
}

/// The evidence of the interventions behind an ingredient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EvidenceSummary {
    /// Highest evidence level (0–4) of the supporting interventions.
    pub max_level: i64,
    /// Mean level of the supporting interventions.
    pub mean_level: f64,
    /// The source schemes' labels of that evidence.
    pub labels: Vec<String>,
}

/// A retrieved intervention that uses an ingredient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Source {
    /// Intervention id.
    pub id: String,
    /// Relevance of the intervention to the query.
    pub relevance: f64,
    /// Name of its municipality.
    pub municipality: String,
    /// Its outcome.
    pub outcome: Outcome,
}

/// An ingredient recommended (or not) for the problem, with the interventions behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IngredientMatch {
    /// Ingredient id.
    pub id: String,
    /// Name per language.
    pub name: Localized,
    /// Relevance-weighted support among the retrieved interventions with a positive outcome.
    pub score: f64,
    /// How much more common the ingredient is among successes than among failures; null when no failure was retrieved.
    pub lift: Option<f64>,
    /// The interventions behind the score.
    pub support: Support,
    /// Evidence of the supporting interventions.
    pub evidence: EvidenceSummary,
    /// Every retrieved intervention that uses the ingredient, best first.
    pub sources: Vec<Source>,
    /// The transfer type that carries most of the ingredient's successful weight.
    pub transfer: Transfer,
    /// How to use the ingredient, in the requested language.
    pub advice: String,
    /// Caveats (weak evidence, few sources, …), in the requested language.
    pub warnings: Vec<String>,
}

/// Ranked ingredients for a query.
///
/// `ingredients` are the recommendations: lift at least 1, or no failure retrieved to
/// compare with. An ingredient with lift below 1 (more common among failures than among
/// successes) is listed in `not_recommended`, never ranked as a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MatchResult {
    /// Recommended ingredients, best first.
    pub ingredients: Vec<IngredientMatch>,
    /// Ingredients more common among failures than among successes (lift below 1).
    pub not_recommended: Vec<IngredientMatch>,
    /// Interventions retrieved for the distillation: good matches (relevance at least
    /// [`GOOD_MATCH`]), at most `MatchOptions::retrieve`.
    pub retrieved: usize,
    /// Interventions that share a word or a tag with the query, good matches or not.
    pub candidates: usize,
    /// The relevance of the best hit (0 without any), on the absolute scale of [`Hit`].
    pub best_relevance: f64,
    /// Ingredients left out because they are already in use.
    pub excluded: Vec<String>,
    /// Why `ingredients` is empty; `None` when it is not.
    pub reason: Option<Reason>,
}

impl MatchResult {
    /// The result as pretty-printed JSON (schema `match_result`).
    pub fn to_json(&self) -> String {
        crate::versioned::to_json(self)
    }
}

//! Why a match or similarity result is empty: a kind for programs and a message in Danish
//! and English for people.

use serde::{Deserialize, Serialize};

use crate::localized::Localized;

/// Why a match recommends no ingredient (a code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonKind {
    /// The query has no searchable word (only stop words) and no tags.
    EmptyQuery,
    /// No intervention shares a word or a tag with the query.
    NothingMatches,
    /// Interventions share something with the query, but none reaches [`super::GOOD_MATCH`].
    NoGoodMatch,
    /// The relevant interventions have no positive or mixed outcome to learn from.
    NoSuccess,
    /// Every ingredient of the successful interventions is already in use.
    AllExcluded,
    /// Every candidate ingredient is more common among failures (lift below 1).
    NoneRecommended,
}

/// Why a match recommends no ingredient, as a code and as a text per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reason {
    /// Why no ingredient is recommended (a code).
    pub kind: ReasonKind,
    /// The best relevance found, for `no_good_match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_relevance: Option<f64>,
    /// The reason per language.
    pub message: Localized,
}

impl Reason {
    /// The reason of this kind, with its text; `best_relevance` is quoted for `no_good_match`.
    pub fn new(kind: ReasonKind, best_relevance: Option<f64>) -> Reason {
        let best = best_relevance.unwrap_or(0.0);
        let (da, en) = match kind {
            ReasonKind::EmptyQuery => (
                "Forespørgslen har ingen søgbare ord eller tags.".to_owned(),
                "The query has no searchable words or tags.".to_owned(),
            ),
            ReasonKind::NothingMatches => (
                "Intet godt match: ingen indsats i kataloget deler et ord eller et tag med forespørgslen.".to_owned(),
                "No good match: no intervention in the catalog shares a word or a tag with the query.".to_owned(),
            ),
            ReasonKind::NoGoodMatch => (
                format!(
                    "Intet godt match: den bedste indsats dækker kun {:.0} % af forespørgslen (grænse {:.0} %).",
                    best * 100.0,
                    super::GOOD_MATCH * 100.0
                ),
                format!(
                    "No good match: the best intervention covers only {:.0} % of the query (threshold {:.0} %).",
                    best * 100.0,
                    super::GOOD_MATCH * 100.0
                ),
            ),
            ReasonKind::NoSuccess => (
                "De relevante indsatser har intet positivt eller blandet resultat at lære af.".to_owned(),
                "The relevant interventions have no positive or mixed outcome to learn from.".to_owned(),
            ),
            ReasonKind::AllExcluded => (
                "Alle ingredienser fra de vellykkede indsatser er allerede i brug.".to_owned(),
                "Every ingredient of the successful interventions is already in use.".to_owned(),
            ),
            ReasonKind::NoneRecommended => (
                "Ingen ingrediens anbefales: alle er hyppigere i mislykkede end i vellykkede indsatser (lift under 1)."
                    .to_owned(),
                "No ingredient is recommended: each is more common in failed than in successful interventions (lift below 1)."
                    .to_owned(),
            ),
        };
        Reason { kind, best_relevance, message: Localized::da_en(&da, &en) }
    }
}

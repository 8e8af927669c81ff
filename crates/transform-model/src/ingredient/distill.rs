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
//! Only good matches are retrieved (relevance at least [`GOOD_MATCH`]); an ingredient with
//! lift below 1 is reported apart, as not recommended; an empty result carries its reason.
//!
//! The options and result types are in `distill/types.rs`.

mod types;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::CatalogError;
use super::catalog::{Intervention, Transfer};
use super::index::{GOOD_MATCH, Hit, Index};
use super::query::{Prepared, Query};
use super::reason::{Reason, ReasonKind};
use super::search::Ranking;
use crate::localized::Lang;

pub use types::{EvidenceSummary, IngredientMatch, LIFT_EPSILON, MatchOptions, MatchResult, Source, Support};

/// What one retrieval found, distilled once per language.
#[derive(Clone, Copy)]
struct Retrieved<'a> {
    ranking: &'a Ranking,
    hits: &'a [&'a Hit],
    ivs: &'a [Cow<'a, Intervention>],
    acc: &'a BTreeMap<usize, Acc>,
    /// The successful and failed weight of all hits.
    totals: (f64, f64),
}

struct Acc {
    succ: f64,
    fail: f64,
    simple: f64,
    sources: Vec<usize>,
}

/// Why nothing was retrieved, from the ranking; `None` when a good match exists.
pub(super) fn retrieval_reason(r: &Ranking, best: f64) -> Option<Reason> {
    if !r.searchable {
        Some(Reason::new(ReasonKind::EmptyQuery, None))
    } else if r.candidates == 0 {
        Some(Reason::new(ReasonKind::NothingMatches, None))
    } else if best < GOOD_MATCH {
        Some(Reason::new(ReasonKind::NoGoodMatch, Some(best)))
    } else {
        None
    }
}

impl Index {
    /// Ranks active ingredients for a query (see the module documentation). Only good
    /// matches (relevance at least [`GOOD_MATCH`]) are distilled.
    pub fn match_query(&self, query: &Query, o: &MatchOptions) -> Result<MatchResult, CatalogError> {
        let [r] = self.match_query_in(query, o, [o.lang])?;
        Ok(r)
    }

    /// [`Self::match_query`] with the advice and warnings written in each of `langs` (in
    /// place of `o.lang`): one retrieval for all, as the plan needs Danish and English.
    pub(crate) fn match_query_in<const N: usize>(
        &self,
        query: &Query,
        o: &MatchOptions,
        langs: [Lang; N],
    ) -> Result<[MatchResult; N], CatalogError> {
        o.check()?;
        let ranking = self.rank(query, &o.weights, o.retrieve)?;
        let hits: Vec<&Hit> = ranking.hits.iter().filter(|h| h.relevance >= GOOD_MATCH).collect();
        // Each hit's intervention, decoded once (a loaded index keeps the others as bytes).
        let ivs: Vec<Cow<Intervention>> =
            hits.iter().map(|h| self.docs.intervention(h.doc)).collect::<Result<_, CatalogError>>()?;
        let (acc, succ_total, fail_total) = self.accumulate(&hits, &ivs);
        let found =
            Retrieved { ranking: &ranking, hits: &hits, ivs: &ivs, acc: &acc, totals: (succ_total, fail_total) };
        Ok(langs.map(|lang| self.distil(&found, o.top, lang)))
    }

    /// The ranked ingredients of what was retrieved, advice and warnings in `lang`.
    fn distil(&self, found: &Retrieved<'_>, top: usize, lang: Lang) -> MatchResult {
        let Retrieved { ranking, hits, ivs, acc, totals: (succ_total, fail_total) } = *found;
        let best = ranking.hits.first().map_or(0.0, |h| h.relevance);
        let exclude: BTreeSet<&str> = ranking.prepared.exclude.iter().map(String::as_str).collect();
        let mut excluded = Vec::new();
        let (mut recommended, mut not_recommended) = (Vec::new(), Vec::new());
        for (&j, a) in acc {
            let ing = &self.docs.ingredients()[j];
            if exclude.contains(ing.id.as_str()) {
                excluded.push(ing.id.clone());
                continue;
            }
            if succ_total <= 0.0 || a.succ <= 0.0 {
                continue;
            }
            let m = self.ingredient_match(j, a, (succ_total, fail_total), hits, ivs, &ranking.prepared, lang);
            if m.lift.is_some_and(|l| l < 1.0) {
                not_recommended.push(m);
            } else {
                recommended.push(m);
            }
        }
        for list in [&mut recommended, &mut not_recommended] {
            list.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| b.lift.unwrap_or(0.0).total_cmp(&a.lift.unwrap_or(0.0)))
                    .then_with(|| a.id.cmp(&b.id))
            });
            list.truncate(top);
        }
        let reason = if !recommended.is_empty() {
            None
        } else if let Some(r) = retrieval_reason(ranking, best) {
            Some(r)
        } else if succ_total <= 0.0 {
            Some(Reason::new(ReasonKind::NoSuccess, None))
        } else if not_recommended.is_empty() {
            Some(Reason::new(ReasonKind::AllExcluded, None))
        } else {
            Some(Reason::new(ReasonKind::NoneRecommended, None))
        };
        MatchResult {
            ingredients: recommended,
            not_recommended,
            retrieved: hits.len(),
            candidates: ranking.candidates,
            best_relevance: best,
            excluded,
            reason,
        }
    }

    /// Each ingredient's successful and failed weight over the hits, with its sources.
    /// `ivs[h]` is the intervention of `hits[h]`.
    fn accumulate(&self, hits: &[&Hit], ivs: &[Cow<Intervention>]) -> (BTreeMap<usize, Acc>, f64, f64) {
        let (mut succ_total, mut fail_total) = (0.0, 0.0);
        let mut acc: BTreeMap<usize, Acc> = BTreeMap::new();
        for (h, hit) in hits.iter().enumerate() {
            let iv = &ivs[h];
            let w = hit.relevance * (iv.evidence.level as f64 + 1.0) / 5.0;
            // Unknown outcome: still a source, counted on neither side.
            let s = iv.outcome.success();
            if let Some(s) = s {
                succ_total += w * s;
                fail_total += w * (1.0 - s);
            }
            for u in &iv.ingredients {
                // Every use names a known ingredient: checked when the catalog was validated,
                // or when a loaded index's record was decoded (`Docs::intervention`).
                let Some(j) = self.docs.ingredient_index(&u.id) else { continue };
                let a = acc.entry(j).or_insert(Acc { succ: 0.0, fail: 0.0, simple: 0.0, sources: vec![] });
                a.sources.push(h);
                let Some(s) = s else { continue };
                a.succ += w * s * u.weight;
                a.fail += w * (1.0 - s) * u.weight;
                if iv.transfer == Transfer::SimpleCausal {
                    a.simple += w * s * u.weight;
                }
            }
        }
        (acc, succ_total, fail_total)
    }

    #[allow(clippy::too_many_arguments)]
    fn ingredient_match(
        &self,
        j: usize,
        a: &Acc,
        (succ_total, fail_total): (f64, f64),
        hits: &[&Hit],
        ivs: &[Cow<Intervention>],
        q: &Prepared,
        lang: Lang,
    ) -> IngredientMatch {
        let ing = &self.docs.ingredients()[j];
        let score = a.succ / succ_total;
        let lift = (fail_total > 0.0).then(|| (score + LIFT_EPSILON) / (a.fail / fail_total + LIFT_EPSILON));
        let outcome = |h: usize| ivs[h].outcome.success();
        let supporting: Vec<usize> =
            a.sources.iter().copied().filter(|&h| outcome(h).is_some_and(|s| s > 0.0)).collect();
        let failures = a.sources.iter().filter(|&&h| outcome(h) == Some(0.0)).count();
        let unknown = a.sources.iter().filter(|&&h| outcome(h).is_none()).count();
        let municipalities: BTreeSet<&str> = supporting.iter().map(|&h| ivs[h].municipality.code.as_str()).collect();
        let levels: Vec<i64> = supporting.iter().map(|&h| ivs[h].evidence.level).collect();
        let labels: BTreeSet<String> =
            supporting.iter().map(|&h| ivs[h].evidence.label.clone()).filter(|l| !l.is_empty()).collect();
        let transfer = if a.simple * 2.0 > a.succ { Transfer::SimpleCausal } else { Transfer::ContextDependent };
        let sources: Vec<Source> = a
            .sources
            .iter()
            .map(|&h| {
                let iv = &ivs[h];
                Source {
                    id: iv.id.clone(),
                    relevance: hits[h].relevance,
                    municipality: iv.municipality.code.clone(),
                    outcome: iv.outcome,
                }
            })
            .collect();
        let max_level = levels.iter().copied().max().unwrap_or(0);
        let mut warnings = self.warnings(q, &supporting, hits, municipalities.len(), max_level, lang);
        if lift.is_some_and(|l| l < 1.0) {
            warnings.push(
                lang.pick(
                    "oftere i mislykkede end i vellykkede indsatser – ikke en anbefaling",
                    "lift below 1: more common in failed than in successful interventions – not a recommendation",
                )
                .to_owned(),
            );
        }
        IngredientMatch {
            id: ing.id.clone(),
            name: ing.name.clone(),
            score,
            lift,
            support: Support {
                interventions: supporting.len(),
                municipalities: municipalities.len(),
                failures,
                unknown,
            },
            evidence: EvidenceSummary {
                max_level,
                mean_level: levels.iter().sum::<i64>() as f64 / levels.len().max(1) as f64,
                labels: labels.into_iter().collect(),
            },
            warnings,
            sources,
            transfer,
            advice: advice(transfer, lang),
        }
    }

    /// Matches many queries in parallel; the result equals matching them one by one. The
    /// first invalid query (in input order) is the error.
    pub fn match_many(&self, queries: &[Query], o: &MatchOptions) -> Result<Vec<MatchResult>, CatalogError> {
        use rayon::prelude::*;
        // Checked once, so a bad option is not reported as an error of query 0.
        o.check()?;
        // Every query checks the caller's token first: a cancelled batch stops within a query.
        let token = crate::cancel::current();
        let results: Vec<Result<MatchResult, CatalogError>> =
            queries.par_iter().map(|q| token.check().map(|()| self.match_query(q, o))).collect::<Result<_, _>>()?;
        results
            .into_iter()
            .enumerate()
            .map(|(index, r)| r.map_err(|e| CatalogError::InBatch { index, error: Box::new(e) }))
            .collect()
    }

    fn warnings(
        &self,
        q: &Prepared,
        supporting: &[usize],
        hits: &[&Hit],
        municipalities: usize,
        max_level: i64,
        lang: Lang,
    ) -> Vec<String> {
        let mut w = Vec::new();
        for (qv, (key, mine, numeric)) in q.context.iter().zip(&q.context_text) {
            if *numeric {
                continue;
            }
            let theirs: BTreeSet<&str> =
                supporting.iter().filter_map(|&h| self.context.doc_text(hits[h].doc, qv.key)).collect();
            if theirs.is_empty() || theirs.contains(mine.as_str()) {
                continue;
            }
            w.push(match lang {
                Lang::Da if key.as_str() == "urbanity" => super::labels::urbanity_note(&theirs, mine),
                Lang::Da => {
                    let words: Vec<String> =
                        theirs.iter().map(|v| super::labels::context_value(v).get(Lang::Da).to_owned()).collect();
                    format!(
                        "Bemærk: alle eksempler har {} {}; kommunen har {}",
                        super::labels::context_key(key).get(Lang::Da),
                        words.join(" eller "),
                        super::labels::context_value(mine).get(Lang::Da)
                    )
                }
                Lang::En => {
                    let list = theirs.iter().copied().collect::<Vec<_>>().join(", ");
                    format!("all sources have {key} = {list}; you are {mine}")
                }
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
            "Kontekstafhængig: byg på ingrediensen, og tilpas den lokalt – hverken kopi eller begynde forfra.",
            "Context-dependent: build on the ingredient and adapt it locally – neither copy nor start from scratch.",
        ),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingredient::Catalog;

    /// One retrieval distilled per language gives what a match per language gives,
    /// warnings (context, single municipality, weak evidence) included.
    #[test]
    fn a_match_in_two_languages_equals_two_matches() {
        let catalog = Catalog::sample();
        let ivs = catalog.interventions().to_vec();
        let index = Index::new(catalog);
        let mut warned = 0;
        for (k, iv) in ivs.iter().enumerate() {
            // Another intervention's context, so that the sources' context differs.
            let other = &ivs[(k + 1) % ivs.len()];
            let query = Query {
                text: format!("{} {}", iv.title, iv.description),
                target_groups: iv.target_groups.clone(),
                context: other.context.clone(),
                ..Query::default()
            };
            let o = MatchOptions::default();
            let [da, en] = index.match_query_in(&query, &o, [Lang::Da, Lang::En]).unwrap();
            let one = |lang| index.match_query(&query, &MatchOptions { lang, ..o.clone() }).unwrap();
            assert_eq!(da, one(Lang::Da), "query {k}");
            assert_eq!(en, one(Lang::En), "query {k}");
            warned += da.ingredients.iter().filter(|g| !g.warnings.is_empty()).count();
        }
        assert!(warned > 0, "no warning was compared");
    }
}

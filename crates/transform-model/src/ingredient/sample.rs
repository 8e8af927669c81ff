//! Synthetic catalogs with Danish-like text, for benchmarks and load tests.
//!
//! Words are drawn from the running text of the bundled sample catalog, so term
//! frequencies follow real Danish municipal prose (many "borgere", few "dosisdispensering").

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde_json::Value;

use super::catalog::{
    CatalogDef, Evidence, Ingredient, IngredientUse, Intervention, MunicipalityRef, Outcome, SAMPLE_CATALOG_JSON,
    Transfer,
};
use crate::limits::{Limit, LimitError};
use crate::localized::Localized;
use crate::municipality;

const AREAS: [&str; 6] = ["beskæftigelse", "ældre", "børn og unge", "handicap", "sundhed", "klima"];
const URBANITY: [&str; 3] = ["urban", "mixed", "rural"];
const BANDS: [&str; 4] = ["under 30.000", "30-60.000", "60-100.000", "over 100.000"];

/// The running words of the bundled catalog's titles and descriptions.
pub fn word_pool() -> Vec<String> {
    let def: CatalogDef = serde_json::from_str(SAMPLE_CATALOG_JSON).expect("the bundled catalog parses");
    def.interventions
        .iter()
        .flat_map(|iv| {
            let text = format!("{} {}", iv.title, iv.description);
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect::<Vec<_>>()
        })
        .collect()
}

fn pick<'a, T>(rng: &mut Pcg64Mcg, xs: &'a [T]) -> &'a T {
    &xs[rng.random_range(0..xs.len() as u32) as usize]
}

fn words(rng: &mut Pcg64Mcg, pool: &[String], n: usize) -> String {
    (0..n).map(|_| pick(rng, pool).as_str()).collect::<Vec<_>>().join(" ")
}

/// A catalog of `n` interventions (≈80 words, 8 ingredients each) over 40 ingredients.
///
/// Outcomes and evidence are random, so the interventions belong to the fictional
/// municipalities of [`municipality::fictional`], never to real ones.
///
/// Panics above [`Limit::CatalogEntries`]: for benchmarks and tests of a fixed size; a size
/// from input goes through [`try_sample_catalog`].
pub fn sample_catalog(n: usize, seed: u64) -> CatalogDef {
    try_sample_catalog(n, seed).expect("a fixed sample size within the limit")
}

/// As [`sample_catalog`], refusing more interventions than [`Limit::CatalogEntries`] before
/// anything is allocated: a catalog the library would refuse to read is of no use.
pub fn try_sample_catalog(n: usize, seed: u64) -> Result<CatalogDef, LimitError> {
    Limit::CatalogEntries.check(n as u64)?;
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let pool = word_pool();
    let sample = super::Catalog::sample();
    let groups: Vec<String> = sample.interventions().iter().flat_map(|iv| iv.target_groups.clone()).collect();
    let problems: Vec<String> = sample.interventions().iter().flat_map(|iv| iv.problems.clone()).collect();
    let ingredients: Vec<Ingredient> = (0..40)
        .map(|i| {
            let name = words(&mut rng, &pool, 3);
            Ingredient {
                id: format!("ING{:03}", i + 1),
                name: Localized::da_en(&name, &name),
                description: Localized::da_en(&words(&mut rng, &pool, 12), "synthetic"),
                category: "synthetic".into(),
                tags: vec![],
            }
        })
        .collect();
    let munis = municipality::fictional();
    let interventions = (0..n)
        .map(|i| {
            let m = pick(&mut rng, munis);
            let mut ids: Vec<usize> = Vec::with_capacity(8);
            while ids.len() < 8 {
                let j = rng.random_range(0..40u32) as usize;
                if !ids.contains(&j) {
                    ids.push(j);
                }
            }
            let context = BTreeMap::from([
                ("urbanity".to_owned(), Value::from(*pick(&mut rng, &URBANITY))),
                ("population_band".to_owned(), Value::from(*pick(&mut rng, &BANDS))),
            ]);
            let outcome = *pick(
                &mut rng,
                &[
                    Outcome::Positive,
                    Outcome::Positive,
                    Outcome::Mixed,
                    Outcome::None,
                    Outcome::Negative,
                    Outcome::Unknown,
                ],
            );
            let level = rng.random_range(0..5u32) as i64;
            Intervention {
                id: format!("S{:06}", i + 1),
                title: words(&mut rng, &pool, 5),
                description: words(&mut rng, &pool, 75),
                municipality: MunicipalityRef { code: m.code.clone(), name: format!("{} (fiktiv)", m.name) },
                year: Some(2015 + rng.random_range(0..10u32) as i64),
                area: pick(&mut rng, &AREAS).to_string(),
                target_groups: vec![pick(&mut rng, &groups).clone(), pick(&mut rng, &groups).clone()],
                problems: vec![pick(&mut rng, &problems).clone()],
                tags: vec![],
                context,
                ingredients: ids
                    .into_iter()
                    .map(|j| IngredientUse {
                        id: ingredients[j].id.clone(),
                        weight: (rng.random_range(1..=10u32) as f64) / 10.0,
                    })
                    .collect(),
                evidence: Evidence { level, label: format!("synthetic {level}"), declaration: None },
                outcome,
                transfer: if rng.random::<f64>() < 0.2 { Transfer::SimpleCausal } else { Transfer::ContextDependent },
                effect_size: None,
            }
        })
        .collect();
    Ok(CatalogDef {
        note: Some("Synthetic catalog for benchmarks; the text is random words.".into()),
        ingredients,
        interventions,
    })
}

/// `n` query texts of 4–8 words from the same pool. Panics above [`Limit::CatalogEntries`]
/// (a batch larger than a catalog; see [`try_sample_queries`]).
pub fn sample_queries(n: usize, seed: u64) -> Vec<String> {
    try_sample_queries(n, seed).expect("a fixed sample size within the limit")
}

/// As [`sample_queries`], refusing more than [`Limit::CatalogEntries`] queries before
/// anything is allocated.
pub fn try_sample_queries(n: usize, seed: u64) -> Result<Vec<String>, LimitError> {
    Limit::CatalogEntries.check(n as u64)?;
    let mut rng = Pcg64Mcg::seed_from_u64(seed ^ 0x5EED);
    let pool = word_pool();
    Ok((0..n)
        .map(|_| {
            let k = rng.random_range(4..=8u32) as usize;
            words(&mut rng, &pool, k)
        })
        .collect())
}

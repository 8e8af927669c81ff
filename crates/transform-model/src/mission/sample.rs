//! Synthetic portfolios for benchmarks.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::portfolio::{
    CitizenValue, Department, Facet, Indicator, Initiative, Link, Mission, Mode, MunicipalityInfo, Organisation,
    Portfolio, Stage,
};
use crate::ingredient::sample::word_pool;
use crate::limits::{Limit, LimitError};
use crate::localized::Localized;

const DEPARTMENTS: [&str; 6] =
    ["Børn og Unge", "Beskæftigelse", "Sundhed og Omsorg", "Social og Handicap", "Teknik og Miljø", "Kultur og Fritid"];

fn pick<'a, T>(rng: &mut Pcg64Mcg, xs: &'a [T]) -> &'a T {
    &xs[rng.random_range(0..xs.len() as u32) as usize]
}

fn words(rng: &mut Pcg64Mcg, pool: &[String], n: usize) -> String {
    (0..n).map(|_| pick(rng, pool).as_str()).collect::<Vec<_>>().join(" ")
}

/// A portfolio of `n_initiatives` × `n_missions` with Danish-like text and 80 tags.
///
/// Panics above [`Limit::PortfolioEntries`]: for benchmarks and tests of a fixed size; a size
/// from input goes through [`try_sample_portfolio`].
pub fn sample_portfolio(n_initiatives: usize, n_missions: usize, seed: u64) -> Portfolio {
    try_sample_portfolio(n_initiatives, n_missions, seed).expect("a fixed sample size within the limit")
}

/// As [`sample_portfolio`], refusing more initiatives or missions than
/// [`Limit::PortfolioEntries`] before anything is allocated.
pub fn try_sample_portfolio(n_initiatives: usize, n_missions: usize, seed: u64) -> Result<Portfolio, LimitError> {
    Limit::PortfolioEntries.check(n_initiatives as u64)?;
    Limit::PortfolioEntries.check(n_missions as u64)?;
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let vocab = Vocabulary::new();
    // Missions are drawn before initiatives: the order of draws fixes the output per seed.
    let missions: Vec<Mission> = (0..n_missions).map(|k| sample_mission(&mut rng, &vocab, k)).collect();
    let initiatives = (0..n_initiatives).map(|i| sample_initiative(&mut rng, &vocab, &missions, i)).collect();
    let mut portfolio =
        Portfolio::new(MunicipalityInfo { code: None, name: "Syntetisk Kommune".into() }, missions, initiatives);
    portfolio.year = Some(2026);
    portfolio.note = Some("synthetic".into());
    portfolio.organisation = Some(sample_organisation());
    Ok(portfolio)
}

/// The words and tags the synthetic texts are drawn from.
struct Vocabulary {
    pool: Vec<String>,
    tags: Vec<String>,
    outcomes: Vec<String>,
    ingredients: Vec<String>,
}

impl Vocabulary {
    /// The bundled catalog's words, 40 target groups, 40 outcomes and 60 ingredient codes.
    fn new() -> Self {
        Vocabulary {
            pool: word_pool(),
            tags: (0..40).map(|i| format!("målgruppe {i}")).collect(),
            outcomes: (0..40).map(|i| format!("effekt {i}")).collect(),
            ingredients: (0..60).map(|i| format!("ING{i:03}")).collect(),
        }
    }
}

/// The `k`-th mission (0-based), with one fixed indicator.
fn sample_mission(rng: &mut Pcg64Mcg, v: &Vocabulary, k: usize) -> Mission {
    Mission {
        id: format!("M{:03}", k + 1),
        title: Localized::da_en(&words(rng, &v.pool, 5), "synthetic"),
        statement: words(rng, &v.pool, 30),
        target_groups: (0..3).map(|_| pick(rng, &v.tags).clone()).collect(),
        outcomes: (0..2).map(|_| pick(rng, &v.outcomes).clone()).collect(),
        indicators: vec![Indicator {
            name: "x".into(),
            unit: "%".into(),
            baseline: Some(10.0),
            target: Some(20.0),
            year: Some(2030),
        }],
        departments: (0..2).map(|_| pick(rng, &DEPARTMENTS).to_string()).collect(),
        sectors: vec![],
        horizon: Some(2030),
    }
}

/// The `i`-th initiative (0-based), linked to a random mission half of the time.
fn sample_initiative(rng: &mut Pcg64Mcg, v: &Vocabulary, missions: &[Mission], i: usize) -> Initiative {
    let n_missions = missions.len();
    // No mission, no link (and no draw from an empty range).
    let links = if rng.random::<f64>() < 0.5 && n_missions > 0 {
        vec![Link {
            mission: missions[rng.random_range(0..n_missions as u32) as usize].id.clone(),
            strength: rng.random_range(1..=3u32) as i64,
        }]
    } else {
        vec![]
    };
    Initiative {
        id: format!("I{:05}", i + 1),
        title: words(rng, &v.pool, 5),
        description: words(rng, &v.pool, 40),
        departments: vec![pick(rng, &DEPARTMENTS).to_string()],
        target_groups: (0..2).map(|_| pick(rng, &v.tags).clone()).collect(),
        outcomes: (0..2).map(|_| pick(rng, &v.outcomes).clone()).collect(),
        ingredients: (0..3).map(|_| pick(rng, &v.ingredients).clone()).collect(),
        stage: *pick(rng, &Stage::ALL),
        mode: if rng.random::<f64>() < 0.4 { Mode::Explore } else { Mode::Exploit },
        facet: *pick(rng, &Facet::ALL),
        cost_per_year: Some(rng.random_range(0..2_000_000u32) as f64),
        savings_per_year: rng.random_range(0..2_000_000u32) as f64,
        investment: 0.0,
        savings_from_year: None,
        citizen_value: *pick(
            rng,
            &[CitizenValue::None, CitizenValue::Unclear, CitizenValue::Positive, CitizenValue::Negative],
        ),
        start_year: 2020 + rng.random_range(0..6u32) as i64,
        end_year: None,
        partners: vec![],
        links,
        mandatory: false,
        shared_infrastructure: false,
        reach_share: Some(0.5),
        spread_to_share: None,
        account: Default::default(),
    }
}

/// One department per name in [`DEPARTMENTS`], with its committee, director and MED.
fn sample_organisation() -> Organisation {
    Organisation {
        departments: DEPARTMENTS
            .iter()
            .map(|n| Department {
                name: n.to_string(),
                committee: format!("Udvalget for {n}"),
                director: format!("Direktør for {n}"),
                med: format!("Område-MED {n}"),
                hearings: vec![],
                capacity_hours: None,
            })
            .collect(),
        central: None,
        budget_months: None,
    }
}

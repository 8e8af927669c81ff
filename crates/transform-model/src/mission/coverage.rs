//! Coverage of each mission by the initiatives aligned with it, its gaps, and the quality
//! criteria of a good mission (greb 5).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::alignment::Features;
use super::portfolio::{Initiative, Mission, Portfolio, Stage};
use super::tags::{Tags, distinct};
use crate::localized::Lang;

/// How well one mission is served by the initiatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Coverage {
    /// Mission id.
    pub mission: String,
    /// Initiatives aligned at or above the threshold.
    pub initiatives: usize,
    /// Sum of their alignment scores.
    pub weighted: f64,
    /// Departments of the aligned initiatives.
    pub departments: Vec<String>,
    /// Partner sectors of the aligned initiatives.
    pub sectors: Vec<String>,
    /// What the mission lacks (no initiative, one department, …), in the analysis language.
    pub gaps: Vec<String>,
}

/// Which quality criteria of a mission are met (a citizen-value statement, indicators with targets, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MissionQuality {
    /// Mission id.
    pub mission: String,
    /// Quality criteria the mission meets.
    pub met: Vec<String>,
    /// Quality criteria the mission misses.
    pub missed: Vec<String>,
}

/// Coverage and gaps of every mission, in file order.
pub(super) fn coverage(p: &Portfolio, f: &Features, scores: &[f64], threshold: f64, lang: Lang) -> Vec<Coverage> {
    let n_m = p.missions.len();
    let score = |i: usize, k: usize| scores[i * n_m + k];
    p.missions
        .par_iter()
        .enumerate()
        .map(|(k, m)| {
            let aligned: Vec<usize> = (0..p.initiatives.len())
                .filter(|&i| p.initiatives[i].stage != Stage::Closed && score(i, k) >= threshold)
                .collect();
            let weighted = aligned.iter().map(|&i| score(i, k)).sum();
            mission_coverage(m, &p.initiatives, f, &aligned, weighted, lang)
        })
        .collect()
}

/// The mission's `tags` (as written) that no aligned initiative shares, compared as
/// interned, normalised ids.
fn uncovered<'a>(tags: &[String], names: &Tags, of: impl Fn(usize) -> &'a [u32], aligned: &[usize]) -> Vec<String> {
    tags.iter()
        .filter(|t| names.find(t).is_some_and(|id| !aligned.iter().any(|&i| of(i).binary_search(&id).is_ok())))
        .cloned()
        .collect()
}

/// Coverage of one mission by the initiatives `aligned` with it, whose scores sum to `weighted`.
fn mission_coverage(
    m: &Mission,
    initiatives: &[Initiative],
    f: &Features,
    aligned: &[usize],
    weighted: f64,
    lang: Lang,
) -> Coverage {
    let mut deps: Vec<u32> = aligned.iter().flat_map(|&i| f.inits[i].departments.iter().copied()).collect();
    deps.sort_unstable();
    deps.dedup();
    let mut departments: Vec<String> = deps.iter().map(|&d| f.departments.spellings[d as usize].clone()).collect();
    departments.sort();
    let sectors = distinct(aligned.iter().flat_map(|&i| &initiatives[i].partners));
    let mut gaps = Vec::new();
    if aligned.is_empty() {
        gaps.push(
            lang.pick("ingen indsats arbejder for missionen", "no initiative works towards the mission").to_owned(),
        );
    } else if deps.len() < 2 {
        gaps.push(lang.pick("kun én forvaltning er med", "only one department is involved").to_owned());
    }
    let missing_groups = uncovered(&m.target_groups, &f.groups, |i| &f.inits[i].tg, aligned);
    if !missing_groups.is_empty() && !aligned.is_empty() {
        gaps.push(format!(
            "{}: {}",
            lang.pick("målgrupper uden indsats", "target groups without an initiative"),
            missing_groups.join(", ")
        ));
    }
    let missing_outcomes = uncovered(&m.outcomes, &f.outcome_tags, |i| &f.inits[i].outcomes, aligned);
    if !missing_outcomes.is_empty() && !aligned.is_empty() {
        gaps.push(format!(
            "{}: {}",
            lang.pick("effektmål uden indsats", "outcomes without an initiative"),
            missing_outcomes.join(", ")
        ));
    }
    if !aligned.is_empty()
        && !aligned.iter().any(|&i| matches!(initiatives[i].stage, Stage::Spreading | Stage::Operations))
    {
        gaps.push(
            lang.pick("intet er i udbredelse eller drift endnu", "nothing is spreading or in operation yet").to_owned(),
        );
    }
    Coverage { mission: m.id.clone(), initiatives: aligned.len(), weighted, departments, sectors, gaps }
}

/// The criteria for a good mission, each met or missed.
pub(super) fn quality(m: &Mission, c: &Coverage, lang: Lang) -> MissionQuality {
    let words = m.statement.split_whitespace().count();
    let measurable = m
        .indicators
        .iter()
        .any(|i| i.baseline.is_some() && i.target.is_some() && i.year.is_some() && i.baseline != i.target);
    let criteria = [
        (
            words >= 8 && !m.target_groups.is_empty(),
            lang.pick(
                "dristig borgerværdi: siger hvilke borgere og hvilken værdi",
                "bold citizen value: says which citizens and what value",
            ),
        ),
        (
            measurable,
            lang.pick(
                "konkret og målbart: indikator med baseline, mål og årstal",
                "concrete and measurable: an indicator with baseline, target and year",
            ),
        ),
        (
            m.departments.len() >= 2 || !m.sectors.is_empty(),
            lang.pick(
                "fælles ejerskab på tværs af forvaltninger eller sektorer",
                "shared ownership across departments or sectors",
            ),
        ),
        (
            c.initiatives >= 2,
            lang.pick(
                "plads til flere løsninger: mindst to indsatser arbejder for den",
                "room for several solutions: at least two initiatives work towards it",
            ),
        ),
    ];
    let (met, missed): (Vec<_>, Vec<_>) = criteria.into_iter().partition(|(ok, _)| *ok);
    MissionQuality {
        mission: m.id.clone(),
        met: met.into_iter().map(|(_, t)| t.to_owned()).collect(),
        missed: missed.into_iter().map(|(_, t)| t.to_owned()).collect(),
    }
}

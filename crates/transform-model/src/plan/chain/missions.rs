//! Under-served missions → a fill action, then a catalog match → ingredients to adopt
//! and partner municipalities to learn from. Both are experiments with a stop/go gate
//! judged by the mission's indicator.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::{Candidate, blank, both, single};
use crate::ingredient::{Index, MatchOptions, MatchResult, Query, Transfer};
use crate::localized::{Lang, Localized};
use crate::mission::{Mission, Portfolio, PortfolioAnalysis};
use crate::plan::PlanError;
use crate::plan::owners::Owners;
use crate::plan::types::{ActionKind, Because, BecauseKind};
use crate::plan::window::Window;

/// The stop/go criterion of work for a mission: its first indicator moving from the
/// baseline toward the target, or (without one) that an indicator is set.
fn mission_gate(m: &Mission) -> Localized {
    let Some(i) = m.indicators.first() else {
        return Localized::da_en(
            "missionen har fået en indikator med udgangspunkt og mål",
            "the mission has an indicator with a baseline and a target",
        );
    };
    let n = |x: Option<f64>, l: Lang| {
        x.map_or_else(|| l.pick("ikke fastsat", "not set").to_owned(), |v| crate::plan::fmt::number(v, 1, l))
    };
    both(|l| {
        format!(
            "{}: {} {} {} {}",
            i.name,
            l.pick("bevæger sig fra", "moves from"),
            n(i.baseline, l),
            l.pick("mod målet", "toward the target"),
            n(i.target, l)
        )
    })
}

/// Missions no initiative serves well: fewer than two aligned initiatives (greb 5's "room
/// for several solutions") or a coverage gap of the analysis (one department only, target
/// groups or outcomes without an initiative, nothing spreading). Returns their candidates
/// and, per under-served mission, its candidate index.
pub(super) fn fill_missions(
    p: &Portfolio,
    a: &PortfolioAnalysis,
    w: &Window,
    owners: &Owners<'_>,
    base: usize,
) -> (Vec<Candidate>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut under = Vec::new();
    for (k, (m, c)) in p.missions.iter().zip(&a.coverage).enumerate() {
        if c.initiatives >= 2 && c.gaps.is_empty() {
            continue;
        }
        let mut act = blank(
            ActionKind::FillMission,
            both(|l| {
                format!(
                    "{}: {}",
                    l.pick("Find indsatser til missionen", "Find initiatives for the mission"),
                    m.title.get(l)
                )
            }),
        );
        act.mission = Some(m.id.clone());
        act.owner = owners.of(m.departments.first().map(String::as_str));
        act.because = vec![Because {
            kind: BecauseKind::CoverageGap,
            reference: m.id.clone(),
            value: Some(c.initiatives as f64),
            text: both(|l| {
                use crate::plan::fmt::count;
                let serving = match c.initiatives {
                    0 => l
                        .pick("ingen indsatser arbejder for missionen", "no initiative works towards the mission")
                        .to_owned(),
                    n => format!(
                        "{} {}",
                        count(n, l.pick("indsats", "initiative"), l.pick("indsatser", "initiatives")),
                        l.pick("arbejder for missionen", "work towards the mission")
                    ),
                };
                match c.gaps.len() {
                    0 => serving,
                    n => format!(
                        "{serving}; {} {}",
                        l.pick("porteføljeanalysen finder", "the portfolio analysis finds"),
                        count(
                            n,
                            l.pick("hul i dækningen", "coverage gap"),
                            l.pick("huller i dækningen", "coverage gaps")
                        )
                    ),
                }
            }),
        }];
        under.push((k, base + out.len()));
        let mut c = single(act, w.start);
        c.parts[0].gate = Some(mission_gate(m));
        out.push(c);
    }
    (out, under)
}

fn transfer_text(t: Transfer, l: Lang) -> &'static str {
    match t {
        Transfer::SimpleCausal => l.pick("kan skaleres som den er", "scales as it is"),
        Transfer::ContextDependent => l.pick("skal tilpasses lokalt", "must be adapted locally"),
    }
}

/// A catalog match per under-served mission → one action naming its top ingredients and
/// partner municipalities; it follows the mission's fill action.
pub(super) fn ingredients(
    p: &Portfolio,
    index: &Index,
    w: &Window,
    owners: &Owners<'_>,
    under: &[(usize, usize)],
    missing: &mut Vec<Localized>,
) -> Result<Vec<Candidate>, PlanError> {
    let in_use: Vec<String> = p
        .initiatives
        .iter()
        .flat_map(|x| &x.ingredients)
        .filter(|g| index.catalog().ingredient_index(g).is_some())
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // The matches are independent: run them in parallel, keep the missions' order.
    let matches: Vec<Option<(MatchResult, MatchResult)>> = under
        .par_iter()
        .map(|&(k, _)| {
            let m = &p.missions[k];
            let query = Query {
                text: m.statement.clone(),
                target_groups: m.target_groups.clone(),
                exclude: in_use.clone(),
                ..Query::default()
            };
            // One retrieval, its warnings written in both languages.
            let o = MatchOptions { top: w.ingredients, ..MatchOptions::default() };
            let [da, en] = index
                .match_query_in(&query, &o, [Lang::Da, Lang::En])
                .map_err(|error| PlanError::Catalog { mission: m.id.clone(), error })?;
            Ok((!da.ingredients.is_empty()).then_some((da, en)))
        })
        .collect::<Result<_, PlanError>>()?;
    let mut out = Vec::new();
    for (&(k, fill), found) in under.iter().zip(&matches) {
        match found {
            Some((da, en)) => out.push(adopt(p, index, w, owners, k, fill, da, en)),
            None => missing.push(both(|l| {
                let m = &p.missions[k];
                format!(
                    "{} »{}«",
                    l.pick(
                        "Intet godt eksempel fra andre kommuner for missionen",
                        "No good example from other municipalities for the mission"
                    ),
                    m.title.get(l)
                )
            })),
        }
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn adopt(
    p: &Portfolio,
    index: &Index,
    w: &Window,
    owners: &Owners<'_>,
    k: usize,
    fill: usize,
    da: &MatchResult,
    en: &MatchResult,
) -> Candidate {
    let m = &p.missions[k];
    let names = |l: Lang| da.ingredients.iter().map(|g| g.name.get(l).to_owned()).collect::<Vec<_>>().join(", ");
    let mut act = blank(
        ActionKind::AdoptIngredient,
        both(|l| {
            format!(
                "{} {}: {}",
                l.pick("Afprøv virksomme ingredienser for", "Try active ingredients for"),
                m.title.get(l),
                names(l)
            )
        }),
    );
    act.mission = Some(m.id.clone());
    act.owner = owners.of(m.departments.first().map(String::as_str));
    act.ingredients = da.ingredients.iter().map(|g| g.id.clone()).collect();
    act.partners = partners(p, index, da, w.partners);
    act.because = da
        .ingredients
        .iter()
        .zip(&en.ingredients)
        .map(|(gd, ge)| Because {
            kind: BecauseKind::Match,
            reference: gd.id.clone(),
            value: Some(gd.score),
            text: both(|l| {
                let warnings = if l == Lang::Da { &gd.warnings } else { &ge.warnings };
                let mut t = format!(
                    "{}: {} {}, {}",
                    gd.name.get(l),
                    l.pick("andel blandt succeser", "share among successes"),
                    crate::plan::fmt::number(gd.score, 2, l),
                    transfer_text(gd.transfer, l)
                );
                if !warnings.is_empty() {
                    t.push_str(&format!("; {}: {}", l.pick("kontekst", "context"), warnings.join("; ")));
                }
                t
            }),
        })
        .collect();
    act.because.push(Because {
        kind: BecauseKind::CoverageGap,
        reference: m.id.clone(),
        value: None,
        text: Localized::da_en("missionen mangler indsatser", "the mission lacks initiatives"),
    });
    let mut c = Candidate { deps: vec![fill], ..single(act, w.start) };
    c.parts[0].gate = Some(mission_gate(m));
    c
}

/// Municipalities holding the ingredients: the catalog's partner ranking for the
/// portfolio's own municipality when it has a profile, then the matched sources (best first).
fn partners(p: &Portfolio, index: &Index, r: &MatchResult, n: usize) -> Vec<String> {
    let wanted: BTreeSet<&str> = r.ingredients.iter().map(|g| g.id.as_str()).collect();
    let own = p.municipality.code.as_deref();
    let mut out: Vec<String> = Vec::new();
    if let Some(Ok(list)) = own.map(|c| index.partners(c, 50)) {
        for partner in list {
            if partner.ingredients_to_learn.iter().any(|g| wanted.contains(g.as_str())) {
                out.push(partner.code);
            }
        }
    }
    for g in &r.ingredients {
        for s in &g.sources {
            if Some(s.municipality.as_str()) != own && !out.contains(&s.municipality) {
                out.push(s.municipality.clone());
            }
        }
    }
    out.truncate(n);
    out
}

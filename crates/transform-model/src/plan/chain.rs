//! The chain: from measured figures to candidate actions, each with its `because`.
//!
//! Gaps → levers and starting points; the portfolio → closures (with a MED step first),
//! spreading and missions to fill; under-served missions → catalog matches → ingredients and
//! partner municipalities; the learning loop; and the election calendar.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::options::Calendar;
use super::types::{Action, ActionKind, Because, BecauseKind, Owner};
use super::{PlanError, PlanInputs};
use crate::ingredient::{Index, MatchOptions, MatchResult, Query, Transfer};
use crate::localized::{Lang, Localized};
use crate::mission::{CitizenValue, Portfolio, PortfolioAnalysis, Recommendation, Stage, YEARS_TO_JUDGE};

/// Capacity pool of actions without an owner ("to be decided"): the executive board.
pub const UNASSIGNED: &str = "Direktionen";

/// Leader hours an action takes (docs/plan.md): closures cost the most leader time.
pub fn hours(kind: ActionKind) -> f64 {
    use ActionKind::*;
    match kind {
        Close => 300.0,
        Start | Spread | AdoptIngredient => 200.0,
        Lever | FillMission => 150.0,
        AnchorPolitically => 80.0,
        Remeasure | SecureInBudget | ReAnchor => 60.0,
        Med => 40.0,
    }
}

/// The quarter an action of `kind` is placed in; a MED step comes the quarter before its
/// action, and the plan's own anchoring opens the first year.
fn quarter(kind: ActionKind) -> u8 {
    use ActionKind::*;
    match kind {
        Med | Remeasure | ReAnchor => 1,
        Lever | Start | Close | Spread | FillMission | AnchorPolitically => 2,
        AdoptIngredient | SecureInBudget => 3,
    }
}

/// An action before it has a year and an id.
pub(crate) struct Candidate {
    pub action: Action,
    /// Candidates that must be placed in an earlier year.
    pub deps: Vec<usize>,
    /// Calendar actions: exactly this year.
    pub fixed: Option<i64>,
    pub earliest: i64,
    /// Costs money: needs a budget adopted in October before its year.
    pub costs: bool,
    /// Years from the action's year to the first year of savings.
    pub savings_offset: Option<i64>,
    /// The MED step that precedes it in the same year.
    pub med: Option<Action>,
    /// Refused before scheduling (mandatory, too young), with the reason.
    pub refused: Option<Localized>,
}

pub(crate) struct Chain {
    pub candidates: Vec<Candidate>,
    pub missing: Vec<Localized>,
}

fn both(f: impl Fn(Lang) -> String) -> Localized {
    Localized::da_en(&f(Lang::Da), &f(Lang::En))
}

fn blank(kind: ActionKind, title: Localized) -> Action {
    Action {
        id: String::new(),
        kind,
        title,
        lever: None,
        dimension: None,
        mission: None,
        initiative: None,
        ingredients: vec![],
        partners: vec![],
        quarter: quarter(kind),
        hours: hours(kind),
        cost_kr: None,
        budget_year: None,
        savings_from: None,
        owner: None,
        milestones: vec![],
        depends_on: vec![],
        because: vec![],
        reason: None,
    }
}

fn candidate(action: Action, earliest: i64) -> Candidate {
    Candidate {
        action,
        deps: vec![],
        fixed: None,
        earliest,
        costs: false,
        savings_offset: None,
        med: None,
        refused: None,
    }
}

/// Owners from the portfolio's organisation, resolved once per department name.
struct Owners<'a> {
    portfolio: Option<&'a Portfolio>,
    /// Owners by the name as written in the organisation.
    exact: HashMap<&'a str, Owner>,
}

impl<'a> Owners<'a> {
    fn new(portfolio: Option<&'a Portfolio>) -> Self {
        let org = portfolio.and_then(|p| p.organisation.as_ref());
        let exact =
            org.map(|o| o.departments.iter().map(|d| (d.name.as_str(), Self::full(d))).collect()).unwrap_or_default();
        Owners { portfolio, exact }
    }

    fn full(d: &crate::mission::Department) -> Owner {
        Owner {
            department: d.name.clone(),
            committee: Some(d.committee.clone()),
            director: Some(d.director.clone()),
            med: Some(d.med.clone()),
        }
    }

    /// The owner of work in department `name`; cross-cutting work (`None`) goes to the
    /// organisation's central department, or is "to be decided". Names are compared as
    /// written first, then as normalised text.
    fn of(&self, name: Option<&str>) -> Option<Owner> {
        let org = self.portfolio.and_then(|p| p.organisation.as_ref());
        let name = name.or_else(|| org.and_then(|o| o.central.as_deref()))?;
        if let Some(o) = self.exact.get(name) {
            return Some(o.clone());
        }
        Some(match org.and_then(|o| o.department(name)) {
            Some(d) => Self::full(d),
            None => Owner { department: name.to_owned(), committee: None, director: None, med: None },
        })
    }
}

/// All candidates in placement order: calendar, closures, levers, spreading, missions,
/// ingredients.
pub(crate) fn candidates(inputs: &PlanInputs<'_>, cal: &Calendar) -> Result<Chain, PlanError> {
    let owners = Owners::new(inputs.portfolio.map(|(p, _)| p));
    let anchors = anchor_refs(inputs);
    let mut out = calendar(cal, &owners, &anchors);
    let mut missing = Vec::new();
    match inputs.portfolio {
        Some((p, a)) => {
            out.extend(closures(p, a, cal, &owners));
            let base = out.len();
            out.extend(levers(inputs, cal, &owners, base));
            out.extend(spreading(p, a, cal, &owners));
            let base = out.len();
            let (fill, served) = fill_missions(p, a, cal, &owners, base);
            out.extend(fill);
            match inputs.index {
                Some(index) => out.extend(ingredients(p, index, cal, &owners, &served, &mut missing)?),
                None => missing.push(Localized::da_en(
                    "Intet katalog: ingen virksomme ingredienser eller partnerkommuner i planen",
                    "No catalog: no active ingredients or partner municipalities in the plan",
                )),
            }
            if p.organisation.is_none() {
                missing.push(Localized::da_en(
                    "Porteføljen har ingen organisation: ejere (udvalg, direktør, MED) afklares",
                    "The portfolio has no organisation: owners (committee, director, MED) are to be decided",
                ));
            }
        }
        None => {
            let base = out.len();
            out.extend(levers(inputs, cal, &owners, base));
            missing.push(Localized::da_en(
                "Ingen portefølje: ingen lukninger, udbredelser, missioner eller ingredienser i planen",
                "No portfolio: no closures, spreading, missions or ingredients in the plan",
            ));
            missing.push(Localized::da_en(
                "Ingen organisation: ejere (udvalg, direktør, MED) afklares",
                "No organisation: owners (committee, director, MED) are to be decided",
            ));
        }
    }
    if inputs.assessment.recommendations.is_empty() {
        missing.push(Localized::da_en(
            "Ingen dimension ligger under målet: ingen greb fra målingen",
            "No dimension is below its target: no levers from the assessment",
        ));
    }
    Ok(Chain { candidates: out, missing })
}

/// The gap entries that calendar actions point back to: the recommended dimensions (at
/// most three), or the first dimension when none is recommended.
fn anchor_refs(inputs: &PlanInputs<'_>) -> Vec<Because> {
    let recs = &inputs.assessment.recommendations;
    if recs.is_empty() {
        let d = &inputs.model.dimensions()[0];
        let gap = inputs.assessment.dimensions.iter().find(|r| r.id == d.id).and_then(|r| r.gap);
        return vec![Because {
            kind: BecauseKind::Gap,
            reference: d.id.clone(),
            value: gap,
            text: both(|l| {
                format!("{}: {}", d.label.get(l), l.pick("ingen afstand til målet", "no gap to the target"))
            }),
        }];
    }
    recs.iter().take(3).map(gap_because).collect()
}

fn gap_because(r: &crate::maturity::Recommendation) -> Because {
    Because {
        kind: BecauseKind::Gap,
        reference: r.dimension.clone(),
        value: Some(r.gap),
        text: both(|l| {
            format!(
                "{}: {} {:.2} {} ({} {:.2}, {} {})",
                r.label.get(l),
                l.pick("afstand til målet", "gap to the target"),
                r.gap,
                l.pick("point", "points"),
                l.pick("vægtet", "weighted"),
                r.weighted_gap,
                l.pick("prioritet", "priority"),
                r.priority
            )
        }),
    }
}

/// Political anchoring, budget security, re-anchoring and the re-surveys, at fixed years.
fn calendar(cal: &Calendar, owners: &Owners<'_>, refs: &[Because]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut fixed = |kind: ActionKind, year: i64, title: Localized, why: Because, q: Option<u8>| {
        let mut a = blank(kind, title);
        a.owner = owners.of(None);
        a.quarter = q.unwrap_or(a.quarter);
        a.because = std::iter::once(why).chain(refs.iter().cloned()).collect();
        out.push(Candidate { fixed: Some(year), ..candidate(a, year) });
    };
    let term = |y: i64| Because {
        kind: BecauseKind::Election,
        reference: y.to_string(),
        value: None,
        text: both(|l| format!("{} {y}", l.pick("kommunalvalg i november", "municipal election in November"))),
    };
    let last_before = cal.elections.iter().copied().filter(|e| *e < cal.start).max();
    fixed(
        ActionKind::AnchorPolitically,
        cal.start,
        Localized::da_en(
            "Planen forankres i byrådet: vision, missioner og planstrategi",
            "The plan is anchored in the council: vision, missions and planning strategy",
        ),
        term(last_before.unwrap_or(cal.start)),
        Some(1),
    );
    for e in cal.elections.iter().copied().filter(|e| *e >= cal.start && *e <= cal.end) {
        fixed(
            ActionKind::SecureInBudget,
            e,
            Localized::da_en(
                &format!("Planen sikres i budget {} og overslagsårene (vedtages senest 15. oktober {e})", e + 1),
                &format!("The plan is secured in budget {} and its out-years (adopted by 15 October {e})", e + 1),
            ),
            term(e),
            None,
        );
        if e < cal.end {
            fixed(
                ActionKind::ReAnchor,
                e + 1,
                Localized::da_en(
                    "Det nye byråd introduceres til planen før sit første budget",
                    "The new council is inducted into the plan ahead of its first budget",
                ),
                term(e),
                None,
            );
            fixed(
                ActionKind::AnchorPolitically,
                e + 1,
                Localized::da_en(
                    "Det nye byråds vision og planstrategi forankrer planen",
                    "The new council's vision and planning strategy anchor the plan",
                ),
                term(e),
                None,
            );
        }
    }
    let mut y = cal.start + cal.remeasure_every;
    while y <= cal.end {
        fixed(
            ActionKind::Remeasure,
            y,
            Localized::da_en(
                "Ny modenhedsmåling sammen med trivselsmålingen; fremskridt mod baseline",
                "New maturity survey alongside the well-being survey; progress against the baseline",
            ),
            Because {
                kind: BecauseKind::LearningLoop,
                reference: refs[0].reference.clone(),
                value: Some(cal.remeasure_every as f64),
                text: both(|l| {
                    format!(
                        "{} {} {}",
                        l.pick("læringsløkken (greb 2): måling hvert", "the learning loop (lever 2): a survey every"),
                        cal.remeasure_every,
                        l.pick("år; missionernes indikatorer følges årligt", "years; the missions' indicators yearly")
                    )
                }),
            },
            None,
        );
        y += cal.remeasure_every;
    }
    out
}

/// One action per recommended (dimension, lever), in recommendation order; a dimension's
/// actions depend on those of the dimensions it depends on. `base` is the index of the first.
fn levers(inputs: &PlanInputs<'_>, cal: &Calendar, owners: &Owners<'_>, base: usize) -> Vec<Candidate> {
    let model = inputs.model;
    let mut out: Vec<Candidate> = Vec::new();
    let mut by_dim: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for r in &inputs.assessment.recommendations {
        let d = model.dimension_index(&r.dimension).expect("checked in options");
        let deps: Vec<usize> = model
            .depends_on(d)
            .into_iter()
            .flat_map(|p| by_dim.get(model.dimensions()[p].id.as_str()).cloned().unwrap_or_default())
            .collect();
        for lever_id in &r.levers {
            let kind = if lever_id.starts_with("start") { ActionKind::Start } else { ActionKind::Lever };
            let label = model.lever(lever_id).map(|l| l.label.clone()).unwrap_or_default();
            let mut a = blank(kind, both(|l| format!("{} ({}): {}", label.get(l), lever_id, r.label.get(l))));
            a.lever = Some(lever_id.clone());
            a.dimension = Some(r.dimension.clone());
            a.owner = owners.of(None);
            a.because = vec![gap_because(r)];
            by_dim.entry(model.dimensions()[d].id.as_str()).or_default().push(base + out.len());
            out.push(Candidate { deps: deps.clone(), ..candidate(a, cal.start) });
        }
    }
    out
}

/// A closure for each closure candidate, with its MED step; mandatory or too young ones
/// (an analysis from elsewhere) are refused with the reason.
fn closures(p: &Portfolio, a: &PortfolioAnalysis, cal: &Calendar, owners: &Owners<'_>) -> Vec<Candidate> {
    let by_id: HashMap<&str, usize> = p.initiatives.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let mut out = Vec::new();
    for c in &a.closure_candidates {
        let Some(&i) = by_id.get(c.initiative.as_str()) else { continue };
        let x = &p.initiatives[i];
        let mut act = blank(ActionKind::Close, both(|l| format!("{} {}", l.pick("Luk", "Close"), x.title)));
        act.initiative = Some(x.id.clone());
        act.owner = owners.of(x.departments.first().map(String::as_str));
        act.because = vec![Because {
            kind: BecauseKind::ClosureCandidate,
            reference: x.id.clone(),
            value: Some(c.best_alignment),
            text: both(|l| match l {
                Lang::Da => {
                    "bidrager ikke tydeligt til nogen mission; der er ikke vist værdi for borgerne (greb 4)".to_owned()
                }
                Lang::En => format!(
                    "serves no mission: best alignment {:.2}; no citizen value shown (lever 4)",
                    c.best_alignment
                ),
            }),
        }];
        let mut med = blank(
            ActionKind::Med,
            both(|l| format!("{} {}", l.pick("MED-høring før lukning af", "MED consultation before closing"), x.title)),
        );
        med.initiative = act.initiative.clone();
        med.owner = act.owner.clone();
        med.because = act.because.clone();
        let young = x.citizen_value == CitizenValue::Unclear && cal.start - x.start_year < YEARS_TO_JUDGE;
        let refused = if x.mandatory {
            Some(Localized::da_en(
                "lovpligtig opgave eller infrastruktur: lukkes ikke",
                "statutory task or infrastructure: not closed",
            ))
        } else if young {
            Some(Localized::da_en(
                "for tidligt at vurdere: under to år gammel",
                "too early to judge: under two years old",
            ))
        } else {
            None
        };
        let saves = x.cost_per_year.is_some_and(|c| c > 0.0);
        out.push(Candidate {
            med: Some(med),
            refused,
            savings_offset: saves.then_some(1),
            ..candidate(act, cal.start)
        });
    }
    out
}

/// What the economics say to spread, quickest payback first, with a MED step each.
fn spreading(p: &Portfolio, a: &PortfolioAnalysis, cal: &Calendar, owners: &Owners<'_>) -> Vec<Candidate> {
    let mut picks: Vec<usize> = (0..a.economics.len())
        .filter(|&i| a.economics[i].recommendation == Recommendation::Spread && p.initiatives[i].stage != Stage::Closed)
        .collect();
    picks.sort_by_key(|&i| (a.economics[i].payback_years.unwrap_or(i64::MAX), i));
    picks
        .into_iter()
        .map(|i| {
            let (x, e) = (&p.initiatives[i], &a.economics[i]);
            let mut act = blank(ActionKind::Spread, both(|l| format!("{} {}", l.pick("Udbred", "Spread"), x.title)));
            act.initiative = Some(x.id.clone());
            act.owner = owners.of(x.departments.first().map(String::as_str));
            act.cost_kr = x.cost_per_year;
            act.because = vec![Because {
                kind: BecauseKind::Economics,
                reference: x.id.clone(),
                value: e.payback_years.map(|n| n as f64),
                text: match e.payback_years {
                    Some(n) => both(|l| {
                        format!(
                            "{} {n} {} (greb 9)",
                            l.pick("tjener sig hjem på", "pays back in"),
                            l.pick("år", "years")
                        )
                    }),
                    None => Localized::da_en(
                        "mærkbar merværdi for borgerne uden merudgift (greb 9)",
                        "citizen value at no extra cost (lever 9)",
                    ),
                },
            }];
            let mut med = blank(
                ActionKind::Med,
                both(|l| {
                    format!(
                        "{} {}",
                        l.pick(
                            "MED-høring om arbejdsvilkår ved udbredelse af",
                            "MED consultation on working conditions before spreading"
                        ),
                        x.title
                    )
                }),
            );
            med.initiative = act.initiative.clone();
            med.owner = act.owner.clone();
            med.because = act.because.clone();
            let offset =
                (x.savings_per_year > 0.0).then(|| x.savings_from_year.map_or(0, |s| (s - x.start_year).max(0)));
            Candidate {
                med: Some(med),
                costs: x.cost_per_year.is_some_and(|c| c > 0.0),
                savings_offset: offset,
                ..candidate(act, cal.start)
            }
        })
        .collect()
}

/// Missions no initiative serves well: fewer than two aligned initiatives (greb 5's "room
/// for several solutions") or a coverage gap of the analysis (one department only, target
/// groups or outcomes without an initiative, nothing spreading). Returns their candidates
/// and, per under-served mission, its candidate index.
fn fill_missions(
    p: &Portfolio,
    a: &PortfolioAnalysis,
    cal: &Calendar,
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
                    l.pick("Luk dækningshuller i missionen", "Close the mission's coverage gaps"),
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
                format!(
                    "{} {}; {} {}",
                    c.initiatives,
                    l.pick("indsats(er) arbejder for missionen", "initiative(s) work towards the mission"),
                    c.gaps.len(),
                    l.pick("dækningshul(ler) i porteføljeanalysen", "coverage gap(s) in the portfolio analysis"),
                )
            }),
        }];
        under.push((k, base + out.len()));
        out.push(candidate(act, cal.start));
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
fn ingredients(
    p: &Portfolio,
    index: &Index,
    cal: &Calendar,
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
            let run = |lang| {
                let o = MatchOptions { top: cal.ingredients, lang, ..MatchOptions::default() };
                index.match_query(&query, &o).map_err(|error| PlanError::Catalog { mission: m.id.clone(), error })
            };
            let da = run(Lang::Da)?;
            if da.ingredients.is_empty() {
                return Ok(None);
            }
            Ok(Some((da, run(Lang::En)?)))
        })
        .collect::<Result<_, PlanError>>()?;
    let mut out = Vec::new();
    for (&(k, fill), found) in under.iter().zip(&matches) {
        match found {
            Some((da, en)) => out.push(adopt(p, index, cal, owners, k, fill, da, en)),
            None => missing.push(both(|l| {
                let m = &p.missions[k];
                format!(
                    "{} {}",
                    l.pick("Intet godt katalogmatch for missionen", "No good catalog match for mission"),
                    m.id
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
    cal: &Calendar,
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
                m.id,
                names(l)
            )
        }),
    );
    act.mission = Some(m.id.clone());
    act.owner = owners.of(m.departments.first().map(String::as_str));
    act.ingredients = da.ingredients.iter().map(|g| g.id.clone()).collect();
    act.partners = partners(p, index, da, cal.partners);
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
                    "{}: {} {:.2}, {}",
                    gd.name.get(l),
                    l.pick("andel blandt succeser", "share among successes"),
                    gd.score,
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
    Candidate { deps: vec![fill], ..candidate(act, cal.start) }
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

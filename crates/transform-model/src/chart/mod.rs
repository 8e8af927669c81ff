//! Charts as SVG, drawn in the core so the report, the CLI, C and Python show the same
//! picture. Each chart kind has its own file with a plain input type (labels, values,
//! already-formatted texts) and a `render`; the functions here build those inputs from an
//! assessment, a portfolio analysis or a plan, with the reader's words from `vocab`.

pub(crate) mod bars;
pub(crate) mod counts;
pub(crate) mod flow;
pub(crate) mod forest;
pub(crate) mod heatmap;
pub(crate) mod radar;
pub(crate) mod svg;
pub(crate) mod timeline;

use crate::localized::Lang;
use crate::maturity::Assessment;
use crate::mission::{Facet, Portfolio, PortfolioAnalysis, Stage};
use crate::model::Model;
use crate::plan::Plan;
use crate::vocab;

/// A chart's title, its description for screen readers, and its axis text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts {
    /// `<title>`.
    pub title: String,
    /// `<desc>`: what the chart shows, in a sentence.
    pub desc: String,
    /// The axis (or legend) text.
    pub x_axis: String,
}

impl Texts {
    fn new(title: &str, desc: String, x_axis: &str) -> Texts {
        Texts { title: title.to_owned(), desc, x_axis: x_axis.to_owned() }
    }
}

/// A band behind bars: a level's score range and its short label.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Lower end.
    pub from: f64,
    /// Upper end.
    pub to: f64,
    /// Label above the band.
    pub label: String,
}

/// The model's levels as score bands: level l covers [l + min − 1, l + min), capped at the
/// scale's maximum (see [`Model::level_of`]).
pub fn level_bands(model: &Model, lang: Lang) -> Vec<Band> {
    let min = model.scale().min as f64;
    let max = model.scale().max as f64;
    model
        .levels()
        .iter()
        .map(|l| {
            let from = (l.level as f64 + min - 1.0).min(max);
            let _ = lang;
            Band { from, to: (from + 1.0).min(max), label: l.level.to_string() }
        })
        .collect()
}

fn axis(model: &Model) -> (f64, f64) {
    (model.scale().min as f64, model.scale().max as f64)
}

/// Page 1's chart: the dimensions as bars sorted by score, levels as bands, the target as a line.
pub fn dimension_bars(a: &Assessment, model: &Model, lang: Lang) -> String {
    let bars: Vec<bars::Bar> = a
        .dimensions
        .iter()
        .map(|d| bars::Bar {
            label: vocab::dimension(model, &d.id).get(lang).to_owned(),
            value: d.score,
            ci: d.ci.map(|[lo, hi]| (lo, hi)),
            value_text: d.score.map_or_else(String::new, |s| vocab::number(s, 1, lang)),
        })
        .collect();
    let target = a.dimensions.first().map(|d| d.target).unwrap_or(a.overall.target as f64);
    let target_label = format!("{} {}", lang.pick("Foreslået mål: niveau", "Proposed target: level"), a.overall.target);
    let desc = lang
        .pick(
            "Kommunens score på hver dimension, sorteret fra højeste til laveste, med usikkerheden som streg, niveauerne som bånd og det foreslåede mål som stiplet linje.",
            "The municipality's score on each dimension, highest first, with the uncertainty as a whisker, the levels as bands and the proposed target as a dashed line.",
        )
        .to_owned();
    bars::render(&bars::BarChart {
        texts: Texts::new(
            lang.pick("Modenhed pr. dimension", "Maturity per dimension"),
            desc,
            lang.pick("Score (1–5)", "Score (1–5)"),
        ),
        bars,
        axis: axis(model),
        bands: level_bands(model, lang),
        bands_title: lang.pick("Niveau", "Level").to_owned(),
        target: Some((target, target_label)),
        not_reported: lang.pick("ikke rapporteret", "not reported").to_owned(),
    })
}

/// The radar of the dimensions with the interval band and the target ring.
pub fn radar(a: &Assessment, model: &Model, lang: Lang) -> String {
    let spokes = a
        .dimensions
        .iter()
        .map(|d| radar::Spoke {
            label: format!("{} {}", d.id, d.label.get(lang)),
            value: d.score,
            ci: d.ci.map(|[lo, hi]| (lo, hi)),
        })
        .collect();
    let target = a.dimensions.first().map(|d| d.target).unwrap_or(a.overall.target as f64);
    radar::render(&radar::Radar {
        texts: Texts::new(
            lang.pick("Modenhedsprofil", "Maturity profile"),
            lang.pick(
                "Radar med kommunens score på hver dimension, usikkerheden som bånd og målet som stiplet ring.",
                "Radar of the municipality's score on each dimension, the uncertainty as a band and the target as a dashed ring.",
            )
            .to_owned(),
            lang.pick("Score", "Score"),
        ),
        spokes,
        axis: axis(model),
        target: Some((target, lang.pick("Mål", "Target").to_owned())),
        band_label: lang.pick("usikkerhed (95 pct.)", "uncertainty (95%)").to_owned(),
        not_reported: lang.pick("ikke rapporteret", "not reported").to_owned(),
    })
}

/// Whether any role of the group is asked an item of the dimension.
fn asked(model: &Model, roles: &[String], dim: &str) -> bool {
    let Some(d) = model.dimension_index(dim) else { return false };
    roles.iter().filter_map(|r| model.role_index(r)).any(|r| model.asked_items(r, d).next().is_some())
}

/// Groups × dimensions: the score in each cell, hidden and not-asked cells told apart.
pub fn group_heatmap(a: &Assessment, model: &Model, lang: Lang) -> String {
    // Columns are numbered 1, 2, … in the model's order; the table behind the map names them.
    let ids: Vec<String> = a.dimensions.iter().map(|d| d.id.clone()).collect();
    let columns: Vec<String> = (1..=ids.len()).map(|i| i.to_string()).collect();
    let rows = a.groups.iter().map(|g| format!("{} ({})", vocab::role(model, &g.role).get(lang), g.n)).collect();
    let cells = a
        .groups
        .iter()
        .map(|g| {
            ids.iter()
                .map(|id| match g.dimensions.iter().find(|d| &d.id == id).and_then(|d| d.score) {
                    Some(s) => heatmap::Cell::Value(s, vocab::number(s, 1, lang)),
                    None if asked(model, &g.roles, id) => heatmap::Cell::Hidden,
                    None => heatmap::Cell::NotAsked,
                })
                .collect()
        })
        .collect();
    heatmap::render(&heatmap::HeatMap {
        texts: Texts::new(
            lang.pick("Score pr. gruppe og dimension", "Score per group and dimension"),
            lang.pick(
                "Hver gruppes score på hver dimension; mørkere er højere, og tallet står i feltet.",
                "Each group's score on each dimension; darker is higher, and the figure is written in the cell.",
            )
            .to_owned(),
            "",
        ),
        rows,
        columns,
        cells,
        axis: axis(model),
        hidden_label: lang.pick("skjult af hensyn til anonymitet", "hidden for anonymity").to_owned(),
        not_asked_label: lang.pick("ikke spurgt", "not asked").to_owned(),
    })
}

/// Score per unit (department, or department › unit) and dimension, every role together; a
/// withheld cell is drawn as hidden, never as a value. Columns numbered as in
/// `group_heatmap`.
pub fn unit_heatmap(a: &Assessment, model: &Model, lang: Lang) -> String {
    let ids: Vec<&str> = a.dimensions.iter().map(|d| d.id.as_str()).collect();
    let units: Vec<&crate::maturity::UnitResult> = a.units.iter().filter(|u| u.role.is_none()).collect();
    let rows = units
        .iter()
        .map(|u| {
            let name = u.unit.as_ref().map_or(u.department.clone(), |x| format!("{} › {x}", u.department));
            u.n.map_or(name.clone(), |n| format!("{name} ({n})"))
        })
        .collect();
    let cells = units
        .iter()
        .map(|u| {
            ids.iter()
                .map(|id| match u.dimensions.iter().find(|d| d.id == *id).and_then(|d| d.score) {
                    Some(s) => heatmap::Cell::Value(s, vocab::number(s, 1, lang)),
                    None => heatmap::Cell::Hidden,
                })
                .collect()
        })
        .collect();
    heatmap::render(&heatmap::HeatMap {
        texts: Texts::new(
            lang.pick("Score pr. enhed og dimension", "Score per unit and dimension"),
            lang.pick(
                "Hver enheds score på hver dimension, alle roller samlet; mørkere er højere, og tallet står i feltet.",
                "Each unit's score on each dimension, all roles together; darker is higher, and the figure is written in the cell.",
            )
            .to_owned(),
            "",
        ),
        rows,
        columns: (1..=ids.len()).map(|i| i.to_string()).collect(),
        cells,
        axis: axis(model),
        hidden_label: lang.pick("skjult af hensyn til anonymitet", "hidden for anonymity").to_owned(),
        not_asked_label: lang.pick("ikke spurgt", "not asked").to_owned(),
    })
}

/// The reported perception gaps as a forest plot, sure differences first.
pub fn perception_gaps(a: &Assessment, model: &Model, lang: Lang) -> String {
    gaps_chart(a, model, lang, |_| true)
}

/// Whether the contract's verdict on a gap is a difference, sure or uncertain ("ved ikke"
/// rates differ): the gaps the report draws; the rest are counted in words.
pub fn notable_gap(g: &crate::maturity::Gap) -> bool {
    use crate::maturity::GapVerdict;
    g.diff.is_some() && matches!(g.verdict, GapVerdict::Difference | GapVerdict::Uncertain)
}

/// The sure and uncertain perception gaps only (the report's chart; a sentence counts the rest).
pub fn notable_perception_gaps(a: &Assessment, model: &Model, lang: Lang) -> String {
    gaps_chart(a, model, lang, notable_gap)
}

fn gaps_chart(a: &Assessment, model: &Model, lang: Lang, keep: impl Fn(&crate::maturity::Gap) -> bool) -> String {
    let mut rows: Vec<forest::Row> = a
        .gaps
        .iter()
        .filter(|g| keep(g))
        .filter_map(|g| {
            let diff = g.diff?;
            Some(forest::Row {
                label: format!(
                    "{}: {} − {}",
                    vocab::dimension(model, &g.dimension).get(lang),
                    vocab::role(model, &g.a).get(lang),
                    vocab::role(model, &g.b).get(lang)
                ),
                diff,
                ci: g.ci.map(|[lo, hi]| (lo, hi)),
                sure: g.verdict == crate::maturity::GapVerdict::Difference,
                value_text: vocab::signed(diff, 1, lang),
            })
        })
        .collect();
    rows.sort_by(|x, y| y.sure.cmp(&x.sure).then(y.diff.abs().total_cmp(&x.diff.abs())));
    forest::render(&forest::Forest {
        texts: Texts::new(
            lang.pick("Forskelle i opfattelse mellem grupper", "Perception gaps between groups"),
            lang.pick(
                "Forskellen i score mellem to grupper på de spørgsmål, begge blev stillet, med usikkerheden som streg; nullinjen er ingen forskel.",
                "The difference in score between two groups on the items both were asked, with the uncertainty as a line; the zero line is no difference.",
            )
            .to_owned(),
            lang.pick("Forskel i score (første gruppe minus anden)", "Difference in score (first group minus second)"),
        ),
        rows,
        sure_label: lang.pick("sikker forskel", "sure difference").to_owned(),
    })
}

/// Initiatives per mission, missions with coverage gaps hatched and noted.
pub fn mission_coverage(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> String {
    let bars = an
        .coverage
        .iter()
        .map(|c| {
            let title = p
                .missions
                .iter()
                .find(|m| m.id == c.mission)
                .map_or(c.mission.clone(), |m| m.title.get(lang).to_owned());
            counts::CountBar {
                label: title,
                value: c.initiatives as f64,
                value_text: format!("{} {}", c.initiatives, lang.pick("indsatser", "initiatives")),
                note: (!c.gaps.is_empty()).then(|| lang.pick("huller i dækningen", "coverage gaps").to_owned()),
            }
        })
        .collect();
    counts::render(&counts::Counts {
        texts: Texts::new(
            lang.pick("Indsatser pr. mission", "Initiatives per mission"),
            lang.pick(
                "Antal indsatser, der bidrager til hver mission; skraverede missioner har huller i dækningen.",
                "Number of initiatives contributing to each mission; hatched missions have coverage gaps.",
            )
            .to_owned(),
            lang.pick("Antal indsatser", "Number of initiatives"),
        ),
        bars,
    })
}

/// The active stages from screening to operations as a flow, with counts.
pub fn stage_flow(an: &PortfolioAnalysis, lang: Lang) -> String {
    let steps = Stage::ALL
        .into_iter()
        .filter(|s| *s != Stage::Closed)
        .map(|s| flow::Step {
            label: s.label().get(lang).to_owned(),
            count: an.balance.stages.get(s.name()).copied().unwrap_or(0),
        })
        .collect();
    flow::render(&flow::Flow {
        texts: Texts::new(
            lang.pick("Indsatser pr. fase", "Initiatives per stage"),
            lang.pick(
                "Antal indsatser i hver fase fra afdækning til drift.",
                "Number of initiatives in each stage from screening to operations.",
            )
            .to_owned(),
            lang.pick("indsatser", "initiatives"),
        ),
        steps,
    })
}

/// The four OECD facets as counts.
pub fn facet_balance(an: &PortfolioAnalysis, lang: Lang) -> String {
    let bars = Facet::ALL
        .into_iter()
        .map(|f| {
            let n = an.balance.facets.get(f.name()).copied().unwrap_or(0);
            counts::CountBar {
                label: f.label().get(lang).to_owned(),
                value: n as f64,
                value_text: format!("{n} {}", lang.pick("indsatser", "initiatives")),
                note: None,
            }
        })
        .collect();
    counts::render(&counts::Counts {
        texts: Texts::new(
            lang.pick("Indsatser pr. innovationstype", "Initiatives per innovation facet"),
            lang.pick(
                "Antal aktive indsatser af hver af OECD's fire innovationstyper.",
                "Number of active initiatives of each of the OECD's four innovation facets.",
            )
            .to_owned(),
            lang.pick("Antal indsatser", "Number of initiatives"),
        ),
        bars,
    })
}

/// The plan's years as columns, election years marked, hours against capacity.
pub fn plan_timeline(plan: &Plan, lang: Lang) -> String {
    let years = plan
        .phases
        .iter()
        .map(|ph| timeline::Year {
            year: ph.year,
            hours: ph.actions.iter().map(|a| a.hours).sum(),
            actions: ph.actions.len(),
            election: plan.elections.contains(&ph.year),
        })
        .collect();
    let capacity: f64 = plan.capacity.per_department.values().sum();
    timeline::render(&timeline::Timeline {
        texts: Texts::new(
            lang.pick("Planen år for år", "The plan year by year"),
            lang.pick(
                "Ledertimer i planens handlinger pr. år som søjler, kapaciteten som stiplet linje; valgår er skraveret.",
                "Leader hours of the plan's actions per year as bars, the capacity as a dashed line; election years are hatched.",
            )
            .to_owned(),
            lang.pick("Søjlens højde: planlagte ledertimer", "Bar height: planned leader hours"),
        ),
        years,
        capacity: (capacity > 0.0).then_some(capacity),
        election_label: lang.pick("kommunalvalg", "election year").to_owned(),
        actions_label: lang.pick("handlinger", "actions").to_owned(),
        action_label: lang.pick("handling", "action").to_owned(),
        capacity_label: lang.pick("Stiplet linje: samlet kapacitet i timer", "Dashed line: total capacity in hours").to_owned(),
    })
}

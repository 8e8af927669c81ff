//! The portfolio sections: coverage per mission, the stage flow, the facets, closure
//! candidates and the economics; then the active ingredients for the under-served missions.

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::ingredient::{Index, MatchOptions, Query};
use crate::localized::Lang;
use crate::mission::{Portfolio, PortfolioAnalysis, Stage};
use crate::model::Model;
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct PortfolioView {
    headline: String,
    coverage_chart: String,
    coverage: Table,
    quality: Vec<String>,
    stage_chart: String,
    stages: Table,
    facet_chart: String,
    facets: Table,
    closure: Vec<String>,
    economics: Table,
    ingredients: Vec<MissionIngredients>,
    ingredients_note: String,
}

#[derive(Debug, Serialize)]
struct MissionIngredients {
    mission: String,
    why: String,
    table: Table,
}

fn title_of<'a>(p: &'a Portfolio, id: &'a str) -> &'a str {
    p.initiatives.iter().find(|i| i.id == id).map_or(id, |i| i.title.as_str())
}

fn mission_title(p: &Portfolio, id: &str, lang: Lang) -> String {
    p.missions.iter().find(|m| m.id == id).map_or(id.to_owned(), |m| m.title.get(lang).to_owned())
}

fn coverage(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Indsatser pr. mission", "Table: Initiatives per mission"),
        &[
            (lang.pick("Mission", "Mission"), false),
            (lang.pick("Indsatser", "Initiatives"), true),
            (lang.pick("Forvaltninger", "Departments"), false),
            (lang.pick("Huller i dækningen", "Coverage gaps"), false),
        ],
    );
    for c in &an.coverage {
        t.rows.push(vec![
            mission_title(p, &c.mission, lang),
            c.initiatives.to_string(),
            crate::mission::report::departments_text(c.departments.len(), lang),
            if c.gaps.is_empty() { "–".to_owned() } else { c.gaps.join("; ") },
        ]);
    }
    t
}

/// What a mission lacks, in a council paper's words.
fn quality(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> Vec<String> {
    an.mission_quality
        .iter()
        .filter(|q| !q.missed.is_empty())
        .map(|q| {
            let missing: Vec<&str> = q.missed.iter().map(|m| crate::mission::report::missed_text(m, lang)).collect();
            format!("{}: {}.", mission_title(p, &q.mission, lang), missing.join("; "))
        })
        .collect()
}

fn stages(an: &PortfolioAnalysis, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Indsatser pr. fase", "Table: Initiatives per stage"),
        &[(lang.pick("Fase", "Stage"), false), (lang.pick("Indsatser", "Initiatives"), true)],
    );
    for s in Stage::ALL {
        t.rows.push(vec![
            s.label().get(lang).to_owned(),
            an.balance.stages.get(s.name()).copied().unwrap_or(0).to_string(),
        ]);
    }
    t
}

fn facets(an: &PortfolioAnalysis, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Indsatser pr. innovationstype", "Table: Initiatives per innovation facet"),
        &[(lang.pick("Innovationstype", "Facet"), false), (lang.pick("Indsatser", "Initiatives"), true)],
    );
    for f in crate::mission::Facet::ALL {
        t.rows.push(vec![
            f.label().get(lang).to_owned(),
            an.balance.facets.get(f.name()).copied().unwrap_or(0).to_string(),
        ]);
    }
    t
}

fn headline(an: &PortfolioAnalysis, lang: Lang) -> String {
    let b = &an.balance;
    let share = b.explore_share.map_or("–".to_owned(), |s| vocab::percent(s, lang));
    let dominated = b.department_shares.values().any(|&s| s > 0.5);
    match lang {
        Lang::Da => format!(
            "{} aktive indsatser; {share} er forsøg; {}.",
            b.active,
            if dominated { "én forvaltning står for over halvdelen" } else { "ingen forvaltning dominerer" }
        ),
        Lang::En => format!(
            "{} active initiatives; {share} are experiments; {}.",
            b.active,
            if dominated { "one department runs more than half" } else { "no department dominates" }
        ),
    }
}

fn closure(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> Vec<String> {
    an.closure_candidates
        .iter()
        .map(|c| {
            let value = p.initiatives.iter().find(|i| i.id == c.initiative).map(|i| i.citizen_value.label());
            format!(
                "{}: {}{}.",
                title_of(p, &c.initiative),
                lang.pick("bidrager ikke tydeligt til nogen mission", "does not clearly serve any mission"),
                value.map_or(String::new(), |v| format!(", {}", v.get(lang)))
            )
        })
        .collect()
}

fn economics(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Økonomi pr. indsats", "Table: Economics per initiative"),
        &[
            (lang.pick("Indsats", "Initiative"), false),
            (lang.pick("Anbefaling", "Recommendation"), false),
            (lang.pick("Netto pr. år", "Net per year"), true),
            (lang.pick("Begrundelse", "Reason"), false),
        ],
    );
    for e in &an.economics {
        t.rows.push(vec![
            title_of(p, &e.initiative).to_owned(),
            e.recommendation.label().get(lang).to_owned(),
            e.net_per_year.map_or(lang.pick("ukendt", "unknown").to_owned(), |n| vocab::kroner(n, lang)),
            crate::mission::report::economics_reason(e, an.year, lang),
        ]);
    }
    t
}

/// The top three ingredients for each mission with coverage gaps, from the catalog.
fn ingredients(p: &Portfolio, an: &PortfolioAnalysis, index: &Index, lang: Lang) -> Vec<MissionIngredients> {
    let options = MatchOptions { top: 3, lang, ..MatchOptions::default() };
    an.coverage
        .iter()
        .filter(|c| !c.gaps.is_empty())
        .filter_map(|c| {
            let m = p.missions.iter().find(|m| m.id == c.mission)?;
            let query = Query {
                text: format!("{} {}", m.title.get(lang), m.statement),
                target_groups: m.target_groups.clone(),
                ..Query::default()
            };
            let result = index.match_query(&query, &options).ok()?;
            let mut table = Table::new(
                lang.pick("Tabel: Forslag til virksomme ingredienser", "Table: Suggested active ingredients"),
                &[
                    (lang.pick("Ingrediens", "Ingredient"), false),
                    (lang.pick("Overførsel", "Transfer"), false),
                    (lang.pick("Kommuner med erfaring", "Municipalities with experience"), false),
                    (lang.pick("Forbehold", "Reservations"), false),
                ],
            );
            for i in &result.ingredients {
                let mut places: Vec<&str> = i.sources.iter().map(|s| s.municipality.as_str()).collect();
                places.sort_unstable();
                places.dedup();
                table.rows.push(vec![
                    i.name.get(lang).to_owned(),
                    i.transfer.label().get(lang).to_owned(),
                    places.join(", "),
                    if i.warnings.is_empty() { "–".to_owned() } else { i.warnings.join("; ") },
                ]);
            }
            Some(MissionIngredients { mission: m.title.get(lang).to_owned(), why: c.gaps.join("; "), table })
        })
        .collect()
}

pub(super) fn view(
    _model: &Model,
    p: &Portfolio,
    an: &PortfolioAnalysis,
    index: Option<&Index>,
    lang: Lang,
) -> PortfolioView {
    PortfolioView {
        headline: headline(an, lang),
        coverage_chart: chart::mission_coverage(p, an, lang),
        coverage: coverage(p, an, lang),
        quality: quality(p, an, lang),
        stage_chart: chart::stage_flow(an, lang),
        stages: stages(an, lang),
        facet_chart: chart::facet_balance(an, lang),
        facets: facets(an, lang),
        closure: closure(p, an, lang),
        economics: economics(p, an, lang),
        ingredients: index.map_or_else(Vec::new, |i| ingredients(p, an, i, lang)),
        ingredients_note: match index {
            Some(_) => lang
                .pick(
                    "Forslagene bygger på erfaringer fra andre kommuners indsatser i kataloget.",
                    "The suggestions build on other municipalities' interventions in the catalog.",
                )
                .to_owned(),
            None => lang
                .pick(
                    "Rapporten er lavet uden et katalog af erfaringer.",
                    "The report was made without a catalog of experience.",
                )
                .to_owned(),
        },
    }
}

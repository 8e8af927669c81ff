//! The portfolio sections: coverage per mission, the stage flow, the facets, closure
//! candidates and the economics; then the active ingredients for the under-served missions.

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::ingredient::{Index, MatchOptions, Query};
use crate::localized::Lang;
use crate::mission::{Portfolio, PortfolioAnalysis, Recommendation, Stage};
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
    /// What to do when the catalog has nothing for the mission.
    none: Option<String>,
    table: Option<Table>,
}

/// "Missionen mangler: kun én forvaltning er med."
fn gaps_text(gaps: &[String], lang: Lang) -> String {
    format!("{}: {}.", lang.pick("Missionen mangler", "The mission lacks"), gaps.join("; "))
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
            crate::table::portfolio::departments_text(c.departments.len(), lang),
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
            let missing: Vec<&str> = q.missed.iter().map(|m| crate::table::portfolio::missed_text(m, lang)).collect();
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

/// The closure candidates a council may act on: never one already closed, statutory or
/// infrastructure ([`super::proposals::closable`]).
fn closure(p: &Portfolio, an: &PortfolioAnalysis, lang: Lang) -> Vec<String> {
    an.closure_candidates
        .iter()
        .filter_map(|c| p.initiatives.iter().find(|i| i.id == c.initiative))
        .filter(|i| super::proposals::closable(i))
        .map(|i| {
            format!(
                "{}: {}, {}.",
                i.title,
                lang.pick("bidrager ikke tydeligt til nogen mission", "does not clearly serve any mission"),
                i.citizen_value.label().get(lang)
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
        let initiative = p.initiatives.iter().find(|i| i.id == e.initiative);
        let never_closed = initiative.is_some_and(|i| !super::proposals::closable(i));
        let advice = match (e.recommendation, initiative.map(|i| i.stage)) {
            (Recommendation::Close, Some(Stage::Closed)) => {
                lang.pick("allerede afsluttet", "already closed").to_owned()
            }
            (Recommendation::Close, _) if never_closed => lang.pick("fortsæt", "keep").to_owned(),
            (r, _) => r.label().get(lang).to_owned(),
        };
        t.rows.push(vec![
            title_of(p, &e.initiative).to_owned(),
            advice,
            e.net_per_year.map_or(lang.pick("ukendt", "unknown").to_owned(), |n| vocab::kroner(n, lang)),
            economics_reason(e, initiative, an.year, lang),
        ]);
    }
    t
}

/// The reason column without doubled phrases ("for tidligt at vurdere: …" after the
/// recommendation "for tidligt at vurdere") and without "er allerede lukket" under a closure.
fn economics_reason(
    e: &crate::mission::Economics,
    i: Option<&crate::mission::Initiative>,
    year: i64,
    lang: Lang,
) -> String {
    if i.is_some_and(|i| i.stage == Stage::Closed) {
        return lang.pick("afsluttet; indgår ikke i forslagene", "closed; not part of the proposals").to_owned();
    }
    // The article's lever numbers ("(greb 4)") belong to the method appendix.
    let reason =
        crate::table::portfolio::without_lever_numbers(&crate::table::portfolio::economics_reason(e, year, lang));
    let label = e.recommendation.label();
    let label = label.get(lang);
    let rest = reason.strip_prefix(label).map(|r| r.trim_start_matches(':').trim());
    rest.filter(|r| !r.is_empty()).map_or(reason.clone(), |r| r.to_owned())
}

/// A municipality code of the catalog as its name ("903" → "Lundemark Kommune (fiktiv)").
fn municipality_name(code: &str) -> String {
    crate::municipality::by_code(code).map_or_else(
        || code.to_owned(),
        |m| format!("{} Kommune{}", m.name, if m.fictional { " (fiktiv)" } else { "" }),
    )
}

/// The top three ingredients for each mission with coverage gaps, from the catalog, leaving
/// out those the municipality already uses; when nothing fits, what to do instead.
fn ingredients(p: &Portfolio, an: &PortfolioAnalysis, index: &Index, lang: Lang) -> Vec<MissionIngredients> {
    let options = MatchOptions { top: 3, lang, ..MatchOptions::default() };
    let in_use: Vec<String> = p.initiatives.iter().flat_map(|i| i.ingredients.iter().cloned()).collect();
    an.coverage
        .iter()
        .filter(|c| !c.gaps.is_empty())
        .filter_map(|c| {
            let m = p.missions.iter().find(|m| m.id == c.mission)?;
            let query = Query {
                text: format!("{} {}", m.title.get(lang), m.statement),
                target_groups: m.target_groups.clone(),
                exclude: in_use.clone(),
                ..Query::default()
            };
            let result = index.match_query(&query, &options).ok()?;
            let why = gaps_text(&c.gaps, lang);
            if result.ingredients.is_empty() {
                let none = lang.pick(
                    "Kataloget har ingen erfaringer fra andre kommuner, der passer til missionen. Søg i stedet i Vidensportalen og hos KL, eller spørg nabokommunerne, hvad de har prøvet.",
                    "The catalog holds no other municipality's experience that fits the mission. Search the national knowledge portals instead, or ask the neighbouring municipalities what they have tried.",
                );
                return Some(MissionIngredients {
                    mission: m.title.get(lang).to_owned(),
                    why,
                    none: Some(none.to_owned()),
                    table: None,
                });
            }
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
                let mut places: Vec<String> = i.sources.iter().map(|s| municipality_name(&s.municipality)).collect();
                places.sort_unstable();
                places.dedup();
                table.rows.push(vec![
                    i.name.get(lang).to_owned(),
                    i.transfer.label().get(lang).to_owned(),
                    places.join(", "),
                    if i.warnings.is_empty() { "–".to_owned() } else { i.warnings.join("; ") },
                ]);
            }
            Some(MissionIngredients { mission: m.title.get(lang).to_owned(), why, none: None, table: Some(table) })
        })
        .collect()
}

pub(super) fn view(p: &Portfolio, an: &PortfolioAnalysis, index: Option<&Index>, lang: Lang) -> PortfolioView {
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

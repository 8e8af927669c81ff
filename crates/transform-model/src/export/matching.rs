//! A match as a long table: the search, the recommended and the not recommended
//! ingredients (score, lift, support, evidence), and — when asked for — the most similar
//! interventions.

use super::table::{Cell, Measure, Table};
use crate::ingredient::{IngredientMatch, MatchResult, SimilarIntervention};
use crate::localized::Lang;

const COLUMNS: &[(&str, &str, f64)] = &[
    ("Afsnit", "Section", 22.0),
    ("Id", "Id", 8.0),
    ("Navn", "Name", 44.0),
    ("Kommune", "Municipality", 22.0),
    ("Nøgletal", "Measure", 40.0),
    ("Værdi", "Value", 12.0),
];

macro_rules! measure {
    ($name:ident, $da:expr, $en:expr) => {
        const $name: Measure = Measure { da: $da, en: $en };
    };
}

measure!(RETRIEVED, "indsatser hentet", "interventions retrieved");
measure!(CANDIDATES, "kandidater", "candidates");
measure!(BEST, "bedste relevans", "best relevance");
measure!(RANK, "placering", "rank");
measure!(SCORE, "score", "score");
measure!(LIFT, "lift", "lift");
measure!(SUPPORT, "indsatser med effekt", "successful interventions");
measure!(MUNICIPALITIES, "kommuner med effekt", "municipalities with success");
measure!(FAILURES, "indsatser uden effekt", "failed interventions");
measure!(UNKNOWN, "indsatser med ukendt effekt", "interventions with unknown outcome");
measure!(MAX_EVIDENCE, "højeste evidensniveau (0–4)", "highest evidence level (0–4)");
measure!(MEAN_EVIDENCE, "gennemsnitligt evidensniveau", "mean evidence level");
measure!(RELEVANCE, "relevans", "relevance");
measure!(BM25, "BM25", "BM25");
measure!(TEXT_MATCH, "tekstmatch", "text match");
measure!(TAG_OVERLAP, "overlap i mærker", "tag overlap");
measure!(CONTEXT, "lighed i kontekst", "context similarity");

struct Rows {
    table: Table,
    lang: Lang,
}

impl Rows {
    fn figure(&mut self, id: &str, name: &str, municipality: &str, m: &Measure, value: Option<f64>) {
        let Some(value) = value.filter(|v| v.is_finite()) else { return };
        let section = self.table.sections.last().map(|s| s.name.clone()).unwrap_or_default();
        let row = vec![
            Cell::text(section),
            Cell::text(id),
            Cell::text(name),
            Cell::text(municipality),
            Cell::text(m.name(self.lang)),
            Cell::Number(value),
        ];
        self.table.push(row);
    }

    fn ingredient(&mut self, rank: usize, x: &IngredientMatch) {
        let (id, name) = (x.id.as_str(), x.name.get(self.lang).to_owned());
        self.figure(id, &name, "", &RANK, Some(rank as f64));
        self.figure(id, &name, "", &SCORE, Some(x.score));
        self.figure(id, &name, "", &LIFT, x.lift);
        self.figure(id, &name, "", &SUPPORT, Some(x.support.interventions as f64));
        self.figure(id, &name, "", &MUNICIPALITIES, Some(x.support.municipalities as f64));
        self.figure(id, &name, "", &FAILURES, Some(x.support.failures as f64));
        self.figure(id, &name, "", &UNKNOWN, Some(x.support.unknown as f64));
        self.figure(id, &name, "", &MAX_EVIDENCE, Some(x.evidence.max_level as f64));
        self.figure(id, &name, "", &MEAN_EVIDENCE, Some(x.evidence.mean_level));
    }

    fn similar(&mut self, rank: usize, s: &SimilarIntervention) {
        let (id, title, town) = (s.id.as_str(), s.title.as_str(), s.municipality.as_str());
        self.figure(id, title, town, &RANK, Some(rank as f64));
        self.figure(id, title, town, &RELEVANCE, Some(s.relevance));
        self.figure(id, title, town, &BM25, Some(s.bm25));
        self.figure(id, title, town, &TEXT_MATCH, s.text_match);
        self.figure(id, title, town, &TAG_OVERLAP, s.tag_overlap);
        self.figure(id, title, town, &CONTEXT, s.context_similarity);
    }
}

/// A match as a long table with the sections Search, Ingredients, Not recommended and (when
/// `similar` is given, as `match --similar` does) Similar interventions (docs/exports.md).
pub fn match_table(result: &MatchResult, similar: Option<&[SimilarIntervention]>, lang: Lang) -> Table {
    let mut rows = Rows { table: Table::new(COLUMNS, lang), lang };
    rows.table.section("Søgning", "Search", lang);
    rows.figure("", "", "", &RETRIEVED, Some(result.retrieved as f64));
    rows.figure("", "", "", &CANDIDATES, Some(result.candidates as f64));
    rows.figure("", "", "", &BEST, Some(result.best_relevance));
    rows.table.section("Ingredienser", "Ingredients", lang);
    result.ingredients.iter().enumerate().for_each(|(i, x)| rows.ingredient(i + 1, x));
    rows.table.section("Frarådede ingredienser", "Not recommended", lang);
    result.not_recommended.iter().enumerate().for_each(|(i, x)| rows.ingredient(i + 1, x));
    if let Some(similar) = similar {
        rows.table.section("Lignende indsatser", "Similar interventions", lang);
        similar.iter().enumerate().for_each(|(i, s)| rows.similar(i + 1, s));
    }
    rows.table
}

//! Plain-text rendering of match results and partner suggestions.

use std::fmt::Write;

use super::{IngredientMatch, MatchResult, Partner, SimilarIntervention};
use crate::localized::Lang;

/// A readable table of ranked ingredients (and, if given, the most similar interventions).
pub fn match_table(r: &MatchResult, similar: &[SimilarIntervention], lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} ({} {}, {} {})",
        r.retrieved,
        lang.pick("gode match fundet i kataloget", "good matches retrieved from the catalog"),
        r.candidates,
        lang.pick("kandidater", "candidates"),
        lang.pick("bedste relevans", "best relevance"),
        crate::numbers::number(r.best_relevance, 2, lang),
    );
    if let Some(reason) = &r.reason {
        let _ = writeln!(s, "\n{}", reason.message.get(lang));
    }
    ingredient_rows(&mut s, &r.ingredients, lang);
    if !r.not_recommended.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Ikke anbefalet (løft under 1)", "Not recommended (lift below 1)"));
        ingredient_rows(&mut s, &r.not_recommended, lang);
    }
    if !r.excluded.is_empty() {
        let _ = writeln!(
            s,
            "\n{}: {}",
            lang.pick("Allerede i brug (udeladt)", "Already in use (left out)"),
            r.excluded.join(", ")
        );
    }
    if !similar.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Mest lignende indsatser", "Most similar interventions"));
        for h in similar {
            let _ = writeln!(
                s,
                "  {}  {} {} ({})",
                crate::numbers::number(h.relevance, 3, lang),
                h.id,
                h.title,
                h.municipality
            );
        }
    }
    s
}

fn ingredient_rows(s: &mut String, list: &[IngredientMatch], lang: Lang) {
    let num = |x: f64, d: usize| crate::numbers::number(x, d, lang);
    for (i, m) in list.iter().enumerate() {
        let lift = m.lift.map_or("–".to_owned(), |l| num(l, 2));
        let _ = writeln!(
            s,
            "\n{}. {} [{}]\n   {} {}  {} {}  {} {} / {} {}  {} {}",
            i + 1,
            m.name.get(lang),
            m.id,
            lang.pick("styrke", "score"),
            num(m.score, 3),
            lang.pick("løft", "lift"),
            lift,
            m.support.interventions,
            lang.pick("indsatser", "interventions"),
            m.support.municipalities,
            if m.support.municipalities == 1 {
                lang.pick("kommune", "municipality")
            } else {
                lang.pick("kommuner", "municipalities")
            },
            lang.pick("evidens maks.", "max evidence"),
            m.evidence.max_level,
        );
        let sources: Vec<String> =
            m.sources.iter().take(4).map(|x| format!("{} ({})", x.id, num(x.relevance, 2))).collect();
        let _ = writeln!(s, "   {}: {}", lang.pick("kilder", "sources"), sources.join(", "));
        let _ = writeln!(s, "   {}", m.advice);
        for w in &m.warnings {
            let _ = writeln!(s, "   ! {w}");
        }
    }
}

/// A readable table of partner suggestions.
pub fn partners_table(partners: &[Partner]) -> String {
    let mut s = String::new();
    for p in partners {
        let _ = writeln!(
            s,
            "{} {} ({}) score {:.3}  similarity {:.2}  complementarity {:.2}{}\n   shared problems: {}\n   ingredients to learn: {}",
            p.code,
            p.name,
            p.region,
            p.score,
            p.similarity,
            p.complementarity,
            if p.same_region { "  same region" } else { "" },
            p.shared_problems.join(", "),
            p.ingredients_to_learn.join(", "),
        );
    }
    s
}

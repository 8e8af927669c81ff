//! Plain-text rendering of match results and partner suggestions.

use std::fmt::Write;

use super::{Hit, Index, MatchResult, Partner};
use crate::localized::Lang;

/// A readable table of ranked ingredients (and, if given, the most similar interventions).
pub fn match_table(index: &Index, r: &MatchResult, similar: &[Hit], lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        r.retrieved,
        lang.pick("relevante indsatser fundet i kataloget", "relevant interventions retrieved from the catalog")
    );
    for (i, m) in r.ingredients.iter().enumerate() {
        let lift = m.lift.map_or("–".to_owned(), |l| format!("{l:.2}"));
        let _ = writeln!(
            s,
            "\n{}. {} [{}]\n   score {:.3}  lift {}  {} {} / {} {}  {} {}",
            i + 1,
            m.name.get(lang),
            m.id,
            m.score,
            lift,
            m.support.interventions,
            lang.pick("indsatser", "interventions"),
            m.support.municipalities,
            lang.pick("kommuner", "municipalities"),
            lang.pick("evidens maks.", "max evidence"),
            m.evidence.max_level,
        );
        let sources: Vec<String> = m.sources.iter().take(4).map(|x| format!("{} ({:.2})", x.id, x.relevance)).collect();
        let _ = writeln!(s, "   {}: {}", lang.pick("kilder", "sources"), sources.join(", "));
        let _ = writeln!(s, "   {}", m.advice);
        for w in &m.warnings {
            let _ = writeln!(s, "   ! {w}");
        }
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
            let iv = &index.catalog().interventions()[h.doc];
            let _ = writeln!(s, "  {:.3}  {} {} ({})", h.relevance, iv.id, iv.title, iv.municipality.name);
        }
    }
    s
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

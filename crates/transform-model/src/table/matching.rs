//! Plain-text rendering of match results and partner suggestions.

use std::fmt::Write;

use crate::ingredient::{
    Ingredient, IngredientMatch, MatchResult, Outcome, Partner, ProblemPartner, SimilarIntervention,
};
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
        crate::vocab::number(r.best_relevance, 2, lang),
    );
    if let Some(reason) = &r.reason {
        let _ = writeln!(s, "\n{}", reason.message.get(lang));
    }
    ingredient_rows(&mut s, &r.ingredients, lang);
    if !r.not_recommended.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            lang.pick(
                "Ikke anbefalet (oftere i mislykkede end i vellykkede indsatser)",
                "Not recommended (lift below 1)"
            )
        );
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
                crate::vocab::number(h.relevance, 3, lang),
                h.id,
                h.title,
                h.municipality
            );
        }
    }
    s
}

fn ingredient_rows(s: &mut String, list: &[IngredientMatch], lang: Lang) {
    let num = |x: f64, d: usize| crate::vocab::number(x, d, lang);
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
            lang.pick("forhold vellykkede/mislykkede", "lift"),
            lift,
            m.support.interventions,
            match (lang, m.support.interventions) {
                (Lang::Da, 1) => "indsats",
                (Lang::Da, _) => "indsatser",
                (Lang::En, 1) => "intervention",
                (Lang::En, _) => "interventions",
            },
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

/// An intervention's outcome in words.
fn outcome_label(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Positive => lang.pick("positivt resultat", "positive outcome"),
        Outcome::Mixed => lang.pick("blandet resultat", "mixed outcome"),
        Outcome::None => lang.pick("ingen effekt", "no effect"),
        Outcome::Negative => lang.pick("negativt resultat", "negative outcome"),
        Outcome::Unknown => lang.pick("resultat ukendt", "outcome unknown"),
    }
}

/// A partner's name as readers see it: "Havbjerg (fiktiv)" for an invented municipality.
fn partner_name(code: &str, name: &str, lang: Lang) -> String {
    match crate::municipality::is_fictional(code) {
        true => format!("{name} {}", lang.pick("(fiktiv)", "(fictional)")),
        false => name.to_owned(),
    }
}

/// Ingredient ids as their names in `lang` (an id the catalog lacks stays as it is).
fn ingredient_names(ids: &[String], ingredients: &[Ingredient], lang: Lang) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| ingredients.iter().find(|g| g.id == *id).map_or(id.as_str(), |g| g.name.get(lang)))
        .collect();
    if names.is_empty() { lang.pick("ingen", "none").to_owned() } else { names.join(", ") }
}

/// A readable table of partner suggestions (`ingredients`: the catalog's, for their names).
pub fn partners_table(partners: &[Partner], ingredients: &[Ingredient], lang: Lang) -> String {
    let n = |x: f64| crate::vocab::number(x, 2, lang);
    let mut s = String::new();
    for p in partners {
        let region = if p.same_region { lang.pick(", samme region", ", same region") } else { "" };
        let _ = writeln!(
            s,
            "{} {}, {}: {} {} ({} {}, {} {}{region})\n   {}: {}\n   {}: {}",
            p.code,
            partner_name(&p.code, &p.name, lang),
            p.region,
            lang.pick("samlet", "score"),
            n(p.score),
            lang.pick("fælles problemer", "similarity"),
            n(p.similarity),
            lang.pick("andel nye ingredienser", "complementarity"),
            n(p.complementarity),
            lang.pick("Fælles problemer", "Shared problems"),
            p.shared_problems.join(", "),
            lang.pick("Ingredienser at lære af", "Ingredients to learn"),
            ingredient_names(&p.ingredients_to_learn, ingredients, lang),
        );
    }
    s
}

/// A readable table of partners for a problem (`ingredients`: the catalog's, for their names).
pub fn problem_partners_table(partners: &[ProblemPartner], ingredients: &[Ingredient], lang: Lang) -> String {
    if partners.is_empty() {
        return lang
            .pick(
                "Ingen kommune har en indsats, der svarer godt på problemet.\n",
                "No municipality has an intervention that answers the problem well.\n",
            )
            .to_owned();
    }
    let n = |x: f64| crate::vocab::number(x, 2, lang);
    let mut s = String::new();
    for p in partners {
        let mut line = format!(
            "{} {}, {}: {} {} ({} {}",
            p.code,
            partner_name(&p.code, &p.name, lang),
            p.region,
            lang.pick("samlet", "score"),
            n(p.score),
            lang.pick("relevans", "relevance"),
            n(p.relevance)
        );
        if let Some(c) = p.context_similarity {
            let _ = write!(line, ", {} {}", lang.pick("lighed i kontekst", "context similarity"), n(c));
        }
        if p.same_region == Some(true) {
            line.push_str(lang.pick(", samme region", ", same region"));
        }
        let _ = writeln!(s, "{line})");
        for c in &p.interventions {
            let outcome = outcome_label(c.outcome, lang);
            let _ = writeln!(
                s,
                "   {} {} ({}, {} {})",
                c.id,
                c.title,
                outcome,
                lang.pick("relevans", "relevance"),
                n(c.relevance)
            );
        }
        let label = lang.pick("Ingredienser at lære af", "Ingredients to learn");
        let _ = writeln!(s, "   {label}: {}", ingredient_names(&p.ingredients, ingredients, lang));
    }
    s
}

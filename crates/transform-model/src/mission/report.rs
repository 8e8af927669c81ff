//! Plain-text rendering of a portfolio analysis.

use std::fmt::Write;

use super::{Economics, Portfolio, PortfolioAnalysis, Recommendation, Stage};
use crate::localized::Lang;
use crate::numbers;

/// "1 forvaltning", "2 forvaltninger".
pub fn departments_text(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 forvaltning".to_owned(),
        (Lang::Da, n) => format!("{n} forvaltninger"),
        (Lang::En, 1) => "1 department".to_owned(),
        (Lang::En, n) => format!("{n} departments"),
    }
}

/// A missed mission criterion as a council paper writes it (REPORT.md, "Ordliste").
pub fn missed_text(criterion: &str, lang: Lang) -> &str {
    if criterion.starts_with("konkret") || criterion.starts_with("concrete") {
        lang.pick(
            "Mangler målbart mål (udgangspunkt, mål, årstal)",
            "Lacks a measurable target (baseline, target, year)",
        )
    } else if criterion.starts_with("dristig") || criterion.starts_with("bold") {
        lang.pick("Siger ikke, hvilke borgere og hvilken forskel", "Does not say which citizens and what difference")
    } else if criterion.starts_with("fælles") || criterion.starts_with("shared") {
        lang.pick("Ejes kun af én forvaltning eller sektor", "Owned by a single department or sector")
    } else if criterion.starts_with("plads") || criterion.starts_with("room") {
        lang.pick("Færre end to indsatser arbejder for missionen", "Fewer than two initiatives work towards it")
    } else {
        criterion
    }
}

/// Why an initiative gets its recommendation, in the reader's words: a payback year before
/// the analysis year reads "har allerede tjent sig hjem (2018)", not "tjener sig hjem i 2018".
pub fn economics_reason(e: &Economics, year: i64, lang: Lang) -> String {
    match e.payback_year {
        Some(y) if y < year && e.recommendation == Recommendation::Spread => lang
            .pick(&format!("har allerede tjent sig hjem ({y})"), &format!("has already paid for itself ({y})"))
            .to_owned(),
        _ => e.reason.clone(),
    }
}

/// A readable table of the analysis in `lang`.
pub fn render_table(p: &Portfolio, a: &PortfolioAnalysis, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {} {} ({} {} {})",
        p.municipality.name,
        lang.pick("analyseår", "analysis year"),
        a.year,
        lang.pick("horisont", "horizon"),
        a.horizon,
        lang.pick("år", "years")
    );
    let _ = writeln!(s, "\n{}", lang.pick("Missioner: dækning og kvalitet", "Missions: coverage and quality"));
    for (c, q) in a.coverage.iter().zip(&a.mission_quality) {
        let m = p.missions.iter().find(|m| m.id == c.mission).expect("coverage per mission");
        let _ = writeln!(
            s,
            "  {} {}: {} {} ({}), {}",
            c.mission,
            m.title.get(lang),
            c.initiatives,
            lang.pick("indsatser", "initiatives"),
            numbers::number(c.weighted, 2, lang),
            departments_text(c.departments.len(), lang),
        );
        for g in &c.gaps {
            let _ = writeln!(s, "     - {g}");
        }
        for x in &q.missed {
            let _ = writeln!(s, "     ✗ {}", missed_text(x, lang));
        }
    }
    let b = &a.balance;
    let _ = writeln!(
        s,
        "\n{}: {} {}, {} {}, Herfindahl {}",
        lang.pick("Balance", "Balance"),
        b.active,
        lang.pick("aktive", "active"),
        lang.pick("forsøg", "experiments"),
        numbers::percent(b.explore_share.unwrap_or(0.0), lang),
        numbers::number(b.herfindahl.unwrap_or(0.0), 2, lang),
    );
    let stages: Vec<String> = Stage::ALL
        .into_iter()
        .filter_map(|st| b.stages.get(st.name()).map(|v| format!("{} {v}", st.label().get(lang))))
        .collect();
    let _ = writeln!(s, "  {}", stages.join(", "));
    for f in &b.flags {
        let _ = writeln!(s, "  ! {f}");
    }
    if !a.closure_candidates.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Kandidater til lukning (greb 4)", "Closure candidates (lever 4)"));
        for c in &a.closure_candidates {
            let _ = writeln!(s, "  {}: {}", c.initiative, c.reason);
        }
    }
    let _ = writeln!(s, "\n{}", lang.pick("Økonomi (greb 9)", "Economics (lever 9)"));
    for e in &a.economics {
        let rec = e.recommendation.label();
        let _ = writeln!(s, "  {:<6} {:<22} {}", e.initiative, rec.get(lang), economics_reason(e, a.year, lang));
    }
    if !a.cross_fertilisation.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Krydsbefrugtning", "Cross-fertilisation"));
        for c in a.cross_fertilisation.iter().take(10) {
            let _ = writeln!(s, "  {} + {} ({}): {}", c.a, c.b, numbers::number(c.score, 2, lang), c.shared.join(", "));
        }
    }
    s
}

//! Plain-text rendering of a portfolio analysis.

use std::fmt::Write;

use super::{Portfolio, PortfolioAnalysis};
use crate::localized::Lang;

/// The analysis as a text table for a terminal, in `lang`.
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
            "  {} {}: {} {} ({:.2}), {} {}",
            c.mission,
            m.title.get(lang),
            c.initiatives,
            lang.pick("indsatser", "initiatives"),
            c.weighted,
            c.departments.len(),
            lang.pick("forvaltninger", "departments"),
        );
        for g in &c.gaps {
            let _ = writeln!(s, "     - {g}");
        }
        for x in &q.missed {
            let _ = writeln!(s, "     ✗ {x}");
        }
    }
    let b = &a.balance;
    let _ = writeln!(
        s,
        "\n{}: {} {}, {} {:.0} %, Herfindahl {:.2}",
        lang.pick("Balance", "Balance"),
        b.active,
        lang.pick("aktive", "active"),
        lang.pick("eksperimenter", "experiments"),
        b.explore_share.unwrap_or(0.0) * 100.0,
        b.herfindahl.unwrap_or(0.0),
    );
    let stages: Vec<String> = b.stages.iter().map(|(k, v)| format!("{k} {v}")).collect();
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
        let rec =
            serde_json::to_value(e.recommendation).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let _ = writeln!(s, "  {:<6} {:<10} {}", e.initiative, rec, e.reason);
    }
    if !a.cross_fertilisation.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Krydsbefrugtning", "Cross-fertilisation"));
        for c in a.cross_fertilisation.iter().take(10) {
            let _ = writeln!(s, "  {} + {} ({:.2}): {}", c.a, c.b, c.score, c.shared.join(", "));
        }
    }
    s
}

//! Plain-text rendering of a portfolio analysis.

use std::fmt::Write;

use crate::localized::Lang;
use crate::mission::{Economics, Portfolio, PortfolioAnalysis, Recommendation, Stage};
use crate::vocab;

/// "1 forvaltning", "2 forvaltninger".
pub(crate) fn departments_text(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 forvaltning".to_owned(),
        (Lang::Da, n) => format!("{n} forvaltninger"),
        (Lang::En, 1) => "1 department".to_owned(),
        (Lang::En, n) => format!("{n} departments"),
    }
}

/// A missed mission criterion as a council paper writes it (REPORT.md, "Ordliste").
pub(crate) fn missed_text(criterion: &str, lang: Lang) -> &str {
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
pub(crate) fn economics_reason(e: &Economics, year: i64, lang: Lang) -> String {
    match e.payback_year {
        Some(y) if y < year && e.recommendation == Recommendation::Spread => lang
            .pick(&format!("har allerede tjent sig hjem ({y})"), &format!("has already paid for itself ({y})"))
            .to_owned(),
        _ => e.reason.clone(),
    }
}

/// An initiative or mission by name; in English with its id beside it (Danish readers meet
/// names only: REPORT.md, "no ids").
fn named(name: Option<&str>, id: &str, lang: Lang) -> String {
    match (name, lang) {
        (Some(n), Lang::Da) => n.to_owned(),
        (Some(n), Lang::En) => format!("{n} ({id})"),
        (None, _) => id.to_owned(),
    }
}

/// `text` without the article's lever numbers (" (greb 4)"): they belong to the method
/// appendix, not to what a council member reads.
pub(crate) fn without_lever_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" (greb ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + " (greb ".len()..];
        match tail.split_once(')') {
            Some((n, after)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest = after,
            _ => {
                out.push_str(" (greb ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A reason without the recommendation it explains repeated at its start ("for tidligt at
/// vurdere: for tidligt at vurdere …").
fn without_label<'a>(reason: &'a str, label: &str) -> &'a str {
    match reason.get(..label.len()) {
        Some(head) if !label.is_empty() && head.eq_ignore_ascii_case(label) => {
            let rest = reason[label.len()..].trim_start_matches([':', ';', ',', ' ', '—', '-']);
            if rest.is_empty() { reason } else { rest }
        }
        _ => reason,
    }
}

/// A readable table of the analysis in `lang`: a pipeline of its sections.
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
    write_missions(&mut s, p, a, lang);
    write_balance(&mut s, a, lang);
    write_initiatives(&mut s, p, a, lang);
    s
}

/// An initiative by its title, with its id where the language shows ids.
fn initiative_name(p: &Portfolio, id: &str, lang: Lang) -> String {
    let name = p.initiatives.iter().find(|i| i.id == id).map(|i| i.title.as_str());
    named(name, id, lang)
}

/// Each mission's coverage, its gaps and what its quality misses.
fn write_missions(s: &mut String, p: &Portfolio, a: &PortfolioAnalysis, lang: Lang) {
    let _ = writeln!(s, "\n{}", lang.pick("Missioner: dækning og kvalitet", "Missions: coverage and quality"));
    for (c, q) in a.coverage.iter().zip(&a.mission_quality) {
        let m = p.missions.iter().find(|m| m.id == c.mission).expect("coverage per mission");
        let _ = writeln!(
            s,
            "  {}: {} {} ({}), {}",
            named(Some(m.title.get(lang)), &c.mission, lang),
            c.initiatives,
            lang.pick("indsatser", "initiatives"),
            vocab::number(c.weighted, 2, lang),
            departments_text(c.departments.len(), lang),
        );
        for g in &c.gaps {
            let _ = writeln!(s, "     - {g}");
        }
        for x in &q.missed {
            let _ = writeln!(s, "     ✗ {}", missed_text(x, lang));
        }
    }
}

/// The portfolio's balance: active initiatives, the share of experiments, the largest
/// department's share, the stages and the balance flags.
fn write_balance(s: &mut String, a: &PortfolioAnalysis, lang: Lang) {
    let b = &a.balance;
    // The concentration on departments as the largest department's share (the Ordliste's
    // words for what the Herfindahl index measures).
    let largest = b.department_shares.iter().max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(x.0)));
    let _ = writeln!(
        s,
        "\n{}: {} {}, {} {}{}",
        lang.pick("Balance", "Balance"),
        b.active,
        lang.pick("aktive", "active"),
        lang.pick("forsøg", "experiments"),
        vocab::percent(b.explore_share.unwrap_or(0.0), lang),
        largest.map_or(String::new(), |(d, share)| format!(
            "; {} {d}, {} {}",
            lang.pick("den største forvaltning,", "the largest department,"),
            lang.pick("har", "has"),
            vocab::percent(*share, lang)
        )),
    );
    let stages: Vec<String> = Stage::ALL
        .into_iter()
        .filter_map(|st| b.stages.get(st.name()).map(|v| format!("{} {v}", st.label().get(lang))))
        .collect();
    let _ = writeln!(s, "  {}", stages.join(", "));
    for f in &b.flags {
        let _ = writeln!(s, "  ! {f}");
    }
}

/// Per initiative: closure candidates, the economics and the cross-fertilisation pairs.
fn write_initiatives(s: &mut String, p: &Portfolio, a: &PortfolioAnalysis, lang: Lang) {
    let initiative = |id: &str| initiative_name(p, id, lang);
    if !a.closure_candidates.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Kandidater til lukning", "Closure candidates (lever 4)"));
        for c in &a.closure_candidates {
            let _ = writeln!(s, "  {}: {}", initiative(&c.initiative), without_lever_numbers(&c.reason));
        }
    }
    let _ = writeln!(s, "\n{}", lang.pick("Økonomi", "Economics (lever 9)"));
    for e in &a.economics {
        let rec = e.recommendation.label();
        let reason = without_lever_numbers(&economics_reason(e, a.year, lang));
        let _ = writeln!(
            s,
            "  {}: {} — {}",
            initiative(&e.initiative),
            rec.get(lang),
            without_label(&reason, rec.get(lang))
        );
    }
    if !a.cross_fertilisation.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Krydsbefrugtning", "Cross-fertilisation"));
        for c in a.cross_fertilisation.iter().take(10) {
            let _ = writeln!(
                s,
                "  {} + {} ({}): {}",
                initiative(&c.a),
                initiative(&c.b),
                vocab::number(c.score, 2, lang),
                c.shared.join(", ")
            );
        }
    }
}

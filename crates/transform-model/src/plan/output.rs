//! The plan as a readable årshjul: year by year, quarter by quarter, with election years
//! and budget adoptions marked. Texts in the reader's language only.

use super::types::{Action, Plan};
use crate::localized::Lang;

fn kr(x: f64) -> String {
    let s = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn owner(a: &Action, lang: Lang) -> String {
    match &a.owner {
        Some(o) => match &o.committee {
            Some(c) => format!("{} ({c})", o.department),
            None => o.department.clone(),
        },
        None => lang.pick("afklares", "to be decided").to_owned(),
    }
}

/// Notes on a year: election, budget adoption, accounts.
fn year_notes(plan: &Plan, year: i64, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if plan.elections.contains(&year) {
        notes.push(
            lang.pick(
                "VALGÅR: kommunalvalg i november; ingen lukninger eller store nye starter",
                "ELECTION YEAR: municipal election in November; no closures or big new starts",
            )
            .to_owned(),
        );
    }
    if plan.elections.contains(&(year - 1)) {
        notes.push(lang.pick("1. år i ny valgperiode", "first year of a new council term").to_owned());
    }
    notes.push(format!(
        "{} {}: {}",
        lang.pick("K2: regnskab", "Q2: accounts"),
        year - 1,
        lang.pick("status på planen og missionernes indikatorer", "status of the plan and the missions' indicators")
    ));
    notes.push(format!(
        "{} {} {}",
        lang.pick("K4: budget", "Q4: budget"),
        year + 1,
        lang.pick("vedtages senest 15. oktober", "adopted by 15 October")
    ));
    notes
}

fn money(a: &Action, lang: Lang) -> String {
    match (a.cost_kr, a.budget_year) {
        (Some(c), Some(b)) => format!("{} kr. ({} {b})", kr(c), lang.pick("budget", "budget")),
        (Some(c), None) => format!("{} kr.", kr(c)),
        _ => match a.savings_from {
            Some(y) => format!("{} {y}", lang.pick("besparelse fra", "savings from")),
            None => String::new(),
        },
    }
}

/// Plain-text årshjul.
pub fn render_table(plan: &Plan, lang: Lang) -> String {
    let mut out = format!("{}\n", plan.summary.get(lang));
    for p in &plan.phases {
        out.push_str(&format!("\n{}\n", p.year));
        for n in year_notes(plan, p.year, lang) {
            out.push_str(&format!("  * {n}\n"));
        }
        for a in &p.actions {
            out.push_str(&format!(
                "  {}{}  {:<5} {:<22} {}  [{}; {} {}{}]\n",
                lang.pick("K", "Q"),
                a.quarter,
                a.id,
                a.kind.label().get(lang),
                a.title.get(lang),
                owner(a, lang),
                a.hours,
                lang.pick("t", "h"),
                match money(a, lang) {
                    m if m.is_empty() => m,
                    m => format!("; {m}"),
                }
            ));
        }
    }
    if !plan.deferred.is_empty() {
        out.push_str(&format!("\n{} ({})\n", lang.pick("Udskudt", "Deferred"), plan.deferred.len()));
        for a in &plan.deferred {
            let reason = a.reason.as_ref().map(|r| r.get(lang)).unwrap_or("");
            out.push_str(&format!("  {:<5} {}: {reason}\n", a.id, a.title.get(lang)));
        }
    }
    for m in &plan.missing {
        out.push_str(&format!("\n{}: {}", lang.pick("Mangler", "Missing"), m.get(lang)));
    }
    out.push('\n');
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Markdown årshjul: a section and a table per year.
pub fn render_markdown(plan: &Plan, lang: Lang) -> String {
    let mut out = format!(
        "# {} {}–{}\n\n{}\n",
        lang.pick("Transformationsplan", "Transformation plan"),
        plan.start_year,
        plan.start_year + plan.years - 1,
        plan.summary.get(lang)
    );
    let head = lang.pick(
        "| Kvartal | Id | Type | Handling | Ejer | Timer | Økonomi |\n|---|---|---|---|---|---|---|\n",
        "| Quarter | Id | Kind | Action | Owner | Hours | Money |\n|---|---|---|---|---|---|---|\n",
    );
    for p in &plan.phases {
        out.push_str(&format!("\n## {}\n\n", p.year));
        for n in year_notes(plan, p.year, lang) {
            out.push_str(&format!("- {n}\n"));
        }
        out.push('\n');
        out.push_str(head);
        for a in &p.actions {
            out.push_str(&format!(
                "| {}{} | {} | {} | {} | {} | {} | {} |\n",
                lang.pick("K", "Q"),
                a.quarter,
                a.id,
                a.kind.label().get(lang),
                cell(a.title.get(lang)),
                cell(&owner(a, lang)),
                a.hours,
                money(a, lang)
            ));
        }
    }
    if !plan.deferred.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.pick("Udskudt", "Deferred")));
        for a in &plan.deferred {
            let reason = a.reason.as_ref().map(|r| r.get(lang)).unwrap_or("");
            out.push_str(&format!("- {} {}: {}\n", a.id, cell(a.title.get(lang)), reason));
        }
    }
    if !plan.missing.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.pick("Mangler", "Missing")));
        for m in &plan.missing {
            out.push_str(&format!("- {}\n", m.get(lang)));
        }
    }
    out
}

/// A short årshjul: one line per year with the number of actions of each kind, election
/// and first-term years marked (for the demo and summaries).
pub fn render_short(plan: &Plan, lang: Lang) -> String {
    let mut out = format!("{}\n\n", plan.summary.get(lang));
    for p in &plan.phases {
        let mut counts: Vec<(super::ActionKind, usize)> = Vec::new();
        for a in &p.actions {
            match counts.iter_mut().find(|(k, _)| *k == a.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((a.kind, 1)),
            }
        }
        counts.sort_by_key(|(k, _)| *k);
        let hours: f64 = p.actions.iter().map(|a| a.hours).sum();
        let mark = if plan.elections.contains(&p.year) {
            lang.pick(" (VALGÅR)", " (ELECTION YEAR)")
        } else if plan.elections.contains(&(p.year - 1)) {
            lang.pick(" (nyt byråd)", " (new council)")
        } else {
            ""
        };
        let list: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {}", k.label().get(lang))).collect();
        out.push_str(&format!(
            "{}{mark}: {} [{hours} {}]\n",
            p.year,
            list.join(", "),
            lang.pick("ledertimer", "leader hours")
        ));
    }
    if !plan.deferred.is_empty() {
        out.push_str(&format!("{}: {}\n", lang.pick("Udskudt", "Deferred"), plan.deferred.len()));
    }
    out
}

//! The plan for reading: the årshjul year by year with the budget process and the plan's
//! actions on it, the money per budget year, the load per department, what is deferred
//! and missing. Texts in the reader's language only; action ids only at the end of a line
//! (the appendix column), never in the running text.

mod markdown;
mod parts;

pub use markdown::render_markdown;

use super::fmt::{count, hours, reference};
use super::types::Plan;
use crate::localized::Lang;
use parts::{Item, action_line, economy_rows, load_rows, year_items};

/// "[nr. 9]" / "[A09]" at the end of a line.
fn line_reference(id: &str, lang: Lang) -> String {
    format!("{}{}", lang.pick("nr. ", ""), reference(id, lang))
}

/// Plain-text årshjul, money and load.
pub fn render_table(plan: &Plan, lang: Lang) -> String {
    let mut out = format!("{}\n", plan.summary.get(lang));
    for p in &plan.phases {
        out.push_str(&format!("\n{}{}\n", p.year, parts::year_mark(plan, p.year, lang)));
        for item in year_items(plan, p, lang) {
            match item {
                Item::Event(month, text) => out.push_str(&format!("  · {month}: {text}\n")),
                Item::Action(a) => {
                    let l = action_line(a, lang);
                    out.push_str(&format!(
                        "  {} {:<24} {}  [{}]\n",
                        l.quarter,
                        l.kind,
                        l.text,
                        line_reference(&a.id, lang)
                    ));
                    for d in l.details {
                        out.push_str(&format!("        – {d}\n"));
                    }
                }
            }
        }
    }
    let (head, rows) = economy_rows(plan, lang);
    out.push_str(&format!(
        "\n{}\n",
        lang.pick("Økonomi pr. budgetår (drift; anlæg for sig)", "Money per budget year (drift; anlæg apart)")
    ));
    out.push_str(&format!("  {}\n", head.join(" | ")));
    for r in rows {
        out.push_str(&format!("  {}\n", r.join(" | ")));
    }
    let (head, rows) = load_rows(plan, lang);
    out.push_str(&format!(
        "\n{}\n",
        lang.pick(
            "Belastning: ledertimer og handlinger pr. forvaltning",
            "Load: leader hours and actions per department"
        )
    ));
    out.push_str(&format!("  {}\n", head.join(" | ")));
    for r in rows {
        out.push_str(&format!("  {}\n", r.join(" | ")));
    }
    if !plan.deferred.is_empty() {
        out.push_str(&format!("\n{} ({})\n", lang.pick("Udskudt", "Deferred"), plan.deferred.len()));
        for a in &plan.deferred {
            let reason = a.reason.as_ref().map(|r| r.get(lang)).unwrap_or("");
            out.push_str(&format!("  {}: {reason}  [{}]\n", a.title.get(lang), line_reference(&a.id, lang)));
        }
    }
    for m in &plan.missing {
        out.push_str(&format!("\n{}: {}", lang.pick("Mangler", "Missing"), m.get(lang)));
    }
    out.push('\n');
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
        let total: f64 = p.actions.iter().map(|a| a.hours).sum();
        let list: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {}", k.label().get(lang))).collect();
        out.push_str(&format!(
            "{}{}: {} [{} {}]\n",
            p.year,
            parts::short_mark(plan, p.year, lang),
            list.join(", "),
            hours(total, lang),
            lang.pick("ledertid", "leader time")
        ));
    }
    if !plan.deferred.is_empty() {
        let n = plan.deferred.len();
        out.push_str(&format!(
            "{}: {}\n",
            lang.pick("Udskudt", "Deferred"),
            count(n, lang.pick("handling", "action"), lang.pick("handlinger", "actions"))
        ));
    }
    out
}

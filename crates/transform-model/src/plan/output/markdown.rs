//! The plan as markdown: a section per year (årshjul events and actions), the money per
//! budget year and the load as tables.

use super::parts::{Item, action_line, economy_rows, load_rows, year_items, year_mark};
use crate::localized::Lang;
use crate::plan::fmt::reference;
use crate::plan::types::Plan;

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn table(head: &[String], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")));
    }
    out
}

/// Markdown årshjul, money and load.
pub fn render_markdown(plan: &Plan, lang: Lang) -> String {
    let mut out = format!(
        "# {} {}–{}\n\n{}\n",
        lang.pick("Transformationsplan", "Transformation plan"),
        plan.start_year,
        plan.start_year + plan.years - 1,
        plan.summary.get(lang)
    );
    let head: Vec<String> = [
        lang.pick("Hvornår", "When"),
        lang.pick("Type", "Kind"),
        lang.pick("Handling eller begivenhed", "Action or event"),
        lang.pick("Nr.", "Id"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for p in &plan.phases {
        out.push_str(&format!("\n## {}{}\n\n", p.year, year_mark(plan, p.year, lang)));
        let rows: Vec<Vec<String>> = year_items(plan, p, lang)
            .into_iter()
            .map(|it| match it {
                Item::Event(month, text) => {
                    vec![month.to_owned(), lang.pick("årshjul", "budget year").to_owned(), text, String::new()]
                }
                Item::Action(a) => {
                    let l = action_line(a, lang);
                    let mut text = l.text;
                    for d in l.details {
                        text.push_str(&format!("<br>{d}"));
                    }
                    vec![l.quarter, l.kind, text, reference(&a.id, lang)]
                }
            })
            .collect();
        out.push_str(&table(&head, &rows));
    }
    let (h, rows) = economy_rows(plan, lang);
    out.push_str(&format!(
        "\n## {}\n\n",
        lang.pick("Økonomi pr. budgetår (drift; anlæg for sig)", "Money per budget year (drift; anlæg apart)")
    ));
    out.push_str(&table(&h, &rows));
    let (h, rows) = load_rows(plan, lang);
    out.push_str(&format!(
        "\n## {}\n\n",
        lang.pick("Belastning: ledertimer af kapacitet og handlinger", "Load: leader hours of capacity and actions")
    ));
    out.push_str(&table(&h, &rows));
    if !plan.deferred.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.pick("Udskudt", "Deferred")));
        let head: Vec<String> =
            [lang.pick("Handling", "Action"), lang.pick("Begrundelse", "Reason"), lang.pick("Nr.", "Id")]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let rows: Vec<Vec<String>> = plan
            .deferred
            .iter()
            .map(|a| {
                let reason = a.reason.as_ref().map(|r| r.get(lang)).unwrap_or("");
                vec![a.title.get(lang).to_owned(), reason.to_owned(), reference(&a.id, lang)]
            })
            .collect();
        out.push_str(&table(&head, &rows));
    }
    if !plan.missing.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.pick("Mangler", "Missing")));
        for m in &plan.missing {
            out.push_str(&format!("- {}\n", m.get(lang)));
        }
    }
    out
}

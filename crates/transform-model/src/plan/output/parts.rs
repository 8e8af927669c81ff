//! The pieces the text and markdown forms share: a year's events and actions in calendar
//! order, an action's line and details, the money table and the load table.

use crate::localized::Lang;
use crate::plan::fmt::{count, hours, kr, month, number};
use crate::plan::types::{Action, Money, Phase, Plan};

/// "(valgår)" / "(nyt byråd)" after a year, short.
pub(super) fn short_mark(plan: &Plan, year: i64, lang: Lang) -> &'static str {
    if plan.elections.contains(&year) {
        lang.pick(" (valgår)", " (election year)")
    } else if plan.elections.contains(&(year - 1)) {
        lang.pick(" (nyt byråd)", " (new council)")
    } else {
        ""
    }
}

/// "(valgår: …)" / "(1. år for det nye byråd)" after a year.
pub(super) fn year_mark(plan: &Plan, year: i64, lang: Lang) -> &'static str {
    if plan.elections.contains(&year) {
        lang.pick(
            " (valgår: ingen lukninger eller store nye starter)",
            " (election year: no closures or big new starts)",
        )
    } else if plan.elections.contains(&(year - 1)) {
        lang.pick(" (1. år for det nye byråd)", " (first year of the new council)")
    } else {
        ""
    }
}

/// An event of the årshjul (month name, text) or an action, in calendar order.
pub(super) enum Item<'a> {
    Event(&'static str, String),
    Action(&'a Action),
}

/// The year's events and actions: each quarter's events (by month) before its actions.
pub(super) fn year_items<'a>(plan: &'a Plan, p: &'a Phase, lang: Lang) -> Vec<Item<'a>> {
    let mut keyed: Vec<((u8, u8, usize), Item<'a>)> = Vec::new();
    for (i, e) in plan.calendar.iter().filter(|e| e.year == p.year).enumerate() {
        let q = (e.month - 1) / 3 + 1;
        keyed.push(((q, e.month, i), Item::Event(month(e.month, lang), e.text.get(lang).to_owned())));
    }
    for (i, a) in p.actions.iter().enumerate() {
        keyed.push(((a.quarter, 13, i), Item::Action(a)));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, it)| it).collect()
}

/// One action as read: quarter, kind, text with the owner, and its details.
pub(super) struct Line {
    pub quarter: String,
    pub kind: String,
    pub text: String,
    pub details: Vec<String>,
}

fn owner(a: &Action, lang: Lang) -> String {
    match &a.owner {
        Some(o) => match (&o.director, &o.committee) {
            (Some(d), Some(c)) => format!("{} ({d}; {c})", o.department),
            _ => o.department.clone(),
        },
        None => lang.pick("ejer afklares", "owner to be decided").to_owned(),
    }
}

/// The money of an action in words: the first year and a full year after.
fn money_text(m: &Money, lang: Lang) -> Option<String> {
    let account = match m.account {
        crate::mission::Account::Drift => lang.pick("drift", "drift"),
        crate::mission::Account::Anlaeg => lang.pick("anlæg", "anlæg"),
    };
    let pick = |f: fn(&crate::plan::MoneyYear) -> Option<f64>| {
        let first = m.per_year.iter().find(|y| f(y).is_none_or(|v| v != 0.0))?;
        let full = m.per_year.last().map(f).unwrap_or(None);
        Some((first.budget_year, f(first), full))
    };
    let mut parts = Vec::new();
    for (name, f) in [
        (lang.pick("merudgift", "new money"), (|y| y.new_kr) as fn(&crate::plan::MoneyYear) -> Option<f64>),
        (lang.pick("mindreudgift", "savings"), |y| y.savings_kr),
    ] {
        if let Some((year, first, full)) = pick(f) {
            parts.push(format!(
                "{name} {} {} {year}, {} {}",
                kr(first, lang),
                lang.pick("i", "in"),
                kr(full, lang),
                lang.pick("pr. år derefter", "a year after")
            ));
        }
    }
    if let Some(b) = m.per_year.first().and_then(|y| y.already_budgeted_kr) {
        parts.push(format!("{} {}", kr(Some(b), lang), lang.pick("er allerede i budgettet", "already in the budget")));
    }
    (!parts.is_empty()).then(|| format!("{} ({account}): {}", lang.pick("Økonomi", "Money"), parts.join("; ")))
}

pub(super) fn action_line(a: &Action, lang: Lang) -> Line {
    let mut details = Vec::new();
    if let Some(m) = a.money.as_ref().and_then(|m| money_text(m, lang)) {
        details.push(m);
    }
    if let Some(d) = &a.decision {
        let when = format!("{} {}", month(d.month, lang), d.year);
        let t = if a.kind == crate::plan::ActionKind::Med {
            format!("{} {when}: {}", lang.pick("Høres i", "Heard in"), d.hearings.join(", "))
        } else {
            let who = d.committee.clone().unwrap_or_else(|| lang.pick("udvalget", "the committee").to_owned());
            let mut t = format!("{} {who}, {when}: {}", lang.pick("Besluttes i", "Decided in"), d.question.get(lang));
            if !d.hearings.is_empty() {
                t.push_str(&format!(" {} {}.", lang.pick("Forinden høres", "Heard first:"), d.hearings.join(", ")));
            }
            t
        };
        details.push(t);
    }
    if let Some(g) = &a.gate {
        details.push(format!(
            "{} {}. {} {}: {}",
            lang.pick("Stop/gå-beslutning", "Stop/go decision"),
            g.quarter,
            lang.pick("kvartal", "quarter"),
            g.year,
            g.criterion.get(lang)
        ));
    }
    Line {
        quarter: format!("{}{}", lang.pick("K", "Q"), a.quarter),
        kind: a.kind.label().get(lang).to_owned(),
        text: format!("{} — {}; {}", a.title.get(lang), owner(a, lang), hours(a.hours, lang)),
        details,
    }
}

/// The money table: header and one row per budget year.
pub(super) fn economy_rows(plan: &Plan, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        lang.pick("Budgetår", "Budget year"),
        lang.pick("Allerede i budgettet", "Already in the budget"),
        lang.pick("Merudgift", "New money"),
        lang.pick("Mindreudgift", "Savings"),
        lang.pick("Netto", "Net"),
        lang.pick("Akkumuleret netto", "Cumulative net"),
        lang.pick("Anlæg (netto)", "Anlæg (net)"),
        lang.pick("Overslagsår (netto)", "Out-years (net)"),
    ];
    let rows = plan
        .economy
        .iter()
        .map(|e| {
            let mut net = kr(e.net_kr, lang);
            if !e.not_costed.is_empty() {
                let n = e.not_costed.len();
                net = format!(
                    "{net} ({} {} {})",
                    count(n, lang.pick("handling", "action"), lang.pick("handlinger", "actions")),
                    lang.pick("ikke opgjort; kendt merudgift", "not costed; known new money"),
                    kr(Some(e.known_new_kr), lang),
                );
            }
            let overslag: Vec<String> =
                e.overslag.iter().map(|o| format!("{}: {}", o.budget_year, kr(o.net_kr, lang))).collect();
            vec![
                e.budget_year.to_string(),
                kr(e.already_budgeted_kr, lang),
                kr(e.new_kr, lang),
                kr(e.savings_kr, lang),
                net,
                kr(e.cumulative_net_kr, lang),
                kr(e.anlaeg_kr, lang),
                overslag.join("; "),
            ]
        })
        .collect();
    (head.iter().map(|s| s.to_string()).collect(), rows)
}

/// The load table: one row per department, hours (of capacity) and actions per year.
pub(super) fn load_rows(plan: &Plan, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec![lang.pick("Forvaltning", "Department").to_owned()];
    head.extend(plan.phases.iter().map(|p| p.year.to_string()));
    let mut names: Vec<&str> = plan.load.per_department.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let rows = names
        .into_iter()
        .map(|n| {
            let mut row = vec![n.to_owned()];
            for p in &plan.phases {
                let r = plan.load.per_department.iter().find(|r| r.name == n && r.year == p.year);
                row.push(match r {
                    Some(r) => format!(
                        "{} / {} ({})",
                        number(r.hours, 0, lang),
                        hours(r.capacity, lang),
                        count(r.actions, lang.pick("handling", "action"), lang.pick("handlinger", "actions"))
                    ),
                    None => "–".to_owned(),
                });
            }
            row
        })
        .collect();
    (head, rows)
}

//! The plan section: the timeline chart and, behind it, the years with their actions.

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::localized::Lang;
use crate::mission::Portfolio;
use crate::plan::{ActionKind, Plan};
use crate::vocab;

#[derive(Debug, Serialize)]
pub(super) struct PlanView {
    summary: String,
    chart: String,
    years: Table,
    first_year: Table,
    missing: Vec<String>,
}

fn years(plan: &Plan, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Planen år for år", "Table: The plan year by year"),
        &[
            (lang.pick("År", "Year"), false),
            (lang.pick("Handlinger", "Actions"), true),
            (lang.pick("Ledertimer", "Leader hours"), true),
            (lang.pick("Udgifter i budgettet", "Costs in the budget"), true),
            (lang.pick("Kommunalvalg", "Municipal election"), false),
        ],
    );
    for ph in &plan.phases {
        let hours: f64 = ph.actions.iter().map(|a| a.hours).sum();
        let cost: f64 = ph.actions.iter().filter_map(|a| a.cost_kr).sum();
        t.rows.push(vec![
            ph.year.to_string(),
            ph.actions.len().to_string(),
            vocab::number(hours, 0, lang),
            if cost > 0.0 { vocab::kroner(cost, lang) } else { "–".to_owned() },
            if plan.elections.contains(&ph.year) { lang.pick("ja", "yes").to_owned() } else { "–".to_owned() },
        ]);
    }
    t
}

/// An action kind in the Ordliste's words (the plan's own labels say "startsted" and
/// "dækningshul").
fn kind_text(kind: ActionKind, lang: Lang) -> String {
    match (kind, lang) {
        (ActionKind::Start, Lang::Da) => "første skridt".to_owned(),
        (ActionKind::FillMission, Lang::Da) => "mission uden indsatser".to_owned(),
        (k, l) => k.label().get(l).to_owned(),
    }
}

/// A plan text for the council: no lever ids ("(greb3)", "(start1)"), no mission ids (their
/// titles instead), no zero counts, no "katalogmatch".
fn clean(text: &str, missions: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" (") {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let inner = tail[2..].split_once(')');
        match inner {
            Some((id, after)) if is_lever_id(id) => rest = after,
            _ => {
                out.push_str(" (");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    let mut out = out
        .replace("; 0 udskudt", "")
        .replace("katalogmatch", "eksempel fra andre kommuner")
        .replace("Luk dækningshuller i missionen", "Find indsatser til missionen")
        .replace("fremskridt mod baseline", "viser udviklingen siden sidste måling");
    for (id, title) in missions {
        out = out.replace(&format!("missionen {id}"), &format!("missionen »{title}«"));
    }
    out
}

/// "greb3", "start1".
fn is_lever_id(s: &str) -> bool {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    (s.starts_with("greb") || s.starts_with("start"))
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

fn all_years(plan: &Plan, missions: &[(String, String)], lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Planens handlinger år for år", "Table: The plan's actions year by year"),
        &[
            (lang.pick("År", "Year"), false),
            (lang.pick("Kvartal", "Quarter"), false),
            (lang.pick("Handling", "Action"), false),
            (lang.pick("Type", "Kind"), false),
            (lang.pick("Ansvarlig", "Owner"), false),
        ],
    );
    for ph in &plan.phases {
        for a in &ph.actions {
            t.rows.push(vec![
                ph.year.to_string(),
                format!("{}{}", lang.pick("K", "Q"), a.quarter),
                clean(a.title.get(lang), missions),
                kind_text(a.kind, lang),
                a.owner.as_ref().map_or(lang.pick("afklares", "to be decided").to_owned(), |o| o.department.clone()),
            ]);
        }
    }
    t
}

pub(super) fn view(plan: &Plan, portfolio: Option<&Portfolio>, lang: Lang) -> PlanView {
    let missions: Vec<(String, String)> = portfolio
        .map(|p| p.missions.iter().map(|m| (m.id.clone(), m.title.get(lang).to_owned())).collect())
        .unwrap_or_default();
    PlanView {
        summary: clean(plan.summary.get(lang), &missions),
        chart: chart::plan_timeline(plan, lang),
        years: years(plan, lang),
        first_year: all_years(plan, &missions, lang),
        missing: plan.missing.iter().map(|m| clean(m.get(lang), &missions)).collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plan_texts_lose_their_ids_but_keep_their_words() {
        let missions = [("M2".to_owned(), "Flere ældre klarer hverdagen".to_owned())];
        assert_eq!(
            super::clean("Invitér omverdenen ind i maskinrummet (start1): Samskabelse", &missions),
            "Invitér omverdenen ind i maskinrummet: Samskabelse"
        );
        // A colon in a title is kept whole: nothing before it is lost.
        assert_eq!(
            super::clean("MED-høring før lukning af Velfærdsteknologi: skærmbesøg", &missions),
            "MED-høring før lukning af Velfærdsteknologi: skærmbesøg"
        );
        assert_eq!(
            super::clean("Intet godt katalogmatch for missionen M2", &missions),
            "Intet godt eksempel fra andre kommuner for missionen »Flere ældre klarer hverdagen«"
        );
        assert_eq!(super::clean("43 handlinger; 0 udskudt; valg (2029)", &missions), "43 handlinger; valg (2029)");
    }
}

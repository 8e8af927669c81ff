//! The plan section: the timeline chart and, behind it, the years with their actions.

use serde::Serialize;

use super::{Table, economy};
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
    load: Option<Table>,
    actions: Table,
    missing: Vec<String>,
}

/// Every year of the plan: its actions, leader hours, the plan's net for that budget year
/// (read from the plan's economy, as the Økonomi section does) and the election.
fn years(plan: &Plan, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Planen år for år", "Table: The plan year by year"),
        &[
            (lang.pick("År", "Year"), false),
            (lang.pick("Handlinger", "Actions"), true),
            (lang.pick("Ledertimer", "Leader hours"), true),
            (lang.pick("Netto (drift)", "Net (running costs)"), true),
            (lang.pick("Kommunalvalg", "Municipal election"), false),
        ],
    );
    let money = economy::rows(plan);
    for year in plan.start_year..plan.start_year + plan.years {
        let actions = plan.phases.iter().filter(|ph| ph.year == year).flat_map(|ph| &ph.actions);
        let (n, hours) = actions.fold((0, 0.0), |(n, h), a| (n + 1, h + a.hours));
        let net = money.iter().find(|r| r.budget_year == year).map_or_else(
            || "–".to_owned(),
            |r| {
                r.net_kr()
                    .map_or_else(|| lang.pick("ikke opgjort", "not estimated").to_owned(), |v| vocab::kroner(v, lang))
            },
        );
        t.rows.push(vec![
            year.to_string(),
            n.to_string(),
            vocab::number(hours, 0, lang),
            net,
            if plan.elections.contains(&year) { lang.pick("ja", "yes").to_owned() } else { "–".to_owned() },
        ]);
    }
    t
}

/// The load per department: one row per department, one column per plan year, each cell
/// the plan's hours against the department's capacity and its count of actions.
fn load(plan: &Plan, lang: Lang) -> Table {
    let years: Vec<i64> = (plan.start_year..plan.start_year + plan.years).collect();
    let labels: Vec<String> = years.iter().map(i64::to_string).collect();
    let mut header: Vec<(&str, bool)> = vec![(lang.pick("Forvaltning", "Department"), false)];
    header.extend(labels.iter().map(|y| (y.as_str(), true)));
    let mut t = Table::new(
        lang.pick(
            "Tabel: Belastning pr. forvaltning og år (ledertimer af kapaciteten; handlinger)",
            "Table: Load per department and year (leader hours of the capacity; actions)",
        ),
        &header,
    );
    let mut departments: Vec<&str> = plan.load.per_department.iter().map(|r| r.name.as_str()).collect();
    departments.sort_unstable();
    departments.dedup();
    for d in departments {
        let mut row = vec![d.to_owned()];
        for y in &years {
            row.push(plan.load.per_department.iter().find(|r| r.name == d && r.year == *y).map_or_else(
                || "–".to_owned(),
                |r| {
                    if r.actions == 0 {
                        lang.pick("ingen", "none").to_owned()
                    } else {
                        format!(
                            "{} {} {} {}; {}",
                            vocab::number(r.hours, 0, lang),
                            lang.pick("af", "of"),
                            vocab::number(r.capacity, 0, lang),
                            lang.pick("timer", "hours"),
                            vocab::count(r.actions, "handling", "handlinger", "action", "actions", lang)
                        )
                    }
                },
            ));
        }
        t.rows.push(row);
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
    let mut out = without_article_numbers(&out)
        .replace("; 0 udskudt", "")
        .replace("katalogmatch", "eksempel fra andre kommuner")
        .replace("Luk dækningshuller i missionen", "Find indsatser til missionen")
        .replace("fremskridt mod baseline", "viser udviklingen siden sidste måling");
    for (id, title) in missions {
        out = out.replace(&format!("missionen {id}"), &format!("missionen »{title}«"));
    }
    out
}

/// `text` without the article's numbered lever names' numbers: "Greb 8: Prioritér …" and
/// "Start 3: Gå sammen …" keep their words only.
fn without_article_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["Greb ", "Start "].iter().filter_map(|p| rest.find(p).map(|at| (at, p.len()))).min();
        let Some((at, len)) = next else { break };
        let tail = &rest[at + len..];
        let digits = tail.chars().take_while(char::is_ascii_digit).count();
        out.push_str(&rest[..at]);
        match tail[digits..].strip_prefix(": ") {
            Some(after) if digits > 0 => rest = after,
            _ => {
                out.push_str(&rest[at..at + len]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
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
        load: (!plan.load.per_department.is_empty()).then(|| load(plan, lang)),
        actions: all_years(plan, &missions, lang),
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
        assert_eq!(
            super::clean("Involvér frontmedarbejdere og partnere i Greb 8: Prioritér kompetenceudvikling", &missions),
            "Involvér frontmedarbejdere og partnere i Prioritér kompetenceudvikling"
        );
        assert_eq!(super::clean("Start 2: Etablér partnerskaber", &missions), "Etablér partnerskaber");
        assert_eq!(super::clean("Start uden tal: ord", &missions), "Start uden tal: ord");
    }
}

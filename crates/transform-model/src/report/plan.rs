//! The plan section: the timeline chart and, behind it, the years with their actions.

use serde::Serialize;

use super::Table;
use crate::chart;
use crate::localized::Lang;
use crate::plan::Plan;
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

fn first_year(plan: &Plan, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick("Tabel: Handlinger i planens første år", "Table: Actions in the plan's first year"),
        &[
            (lang.pick("Kvartal", "Quarter"), false),
            (lang.pick("Handling", "Action"), false),
            (lang.pick("Type", "Kind"), false),
            (lang.pick("Ansvarlig", "Owner"), false),
        ],
    );
    if let Some(ph) = plan.phases.first() {
        for a in &ph.actions {
            t.rows.push(vec![
                format!("{}{}", lang.pick("K", "Q"), a.quarter),
                super::summary::lever_text(a.title.get(lang)),
                a.kind.label().get(lang).to_owned(),
                a.owner.as_ref().map_or(lang.pick("afklares", "to be decided").to_owned(), |o| o.department.clone()),
            ]);
        }
    }
    t
}

pub(super) fn view(plan: &Plan, lang: Lang) -> PlanView {
    PlanView {
        summary: plan.summary.get(lang).to_owned(),
        chart: chart::plan_timeline(plan, lang),
        years: years(plan, lang),
        first_year: first_year(plan, lang),
        missing: plan.missing.iter().map(|m| m.get(lang).to_owned()).collect(),
    }
}

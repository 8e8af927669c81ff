//! The plan as a table for the økonomiafdeling: one row per action (planned by year, then
//! deferred) with year, quarter, owner, budget year, kroner and hours. An action is the
//! plan's figure, so this table is one row per action rather than one per number.

use super::table::{Cell, Table};
use crate::localized::Lang;
use crate::plan::{Action, Owner, Plan};

/// One column: header (da, en), width, and the cell of an action in a year.
struct Column {
    header: (&'static str, &'static str),
    width: f64,
    cell: fn(Option<i64>, &Action, Lang) -> Cell,
}

fn owner_field(a: &Action, f: fn(&Owner) -> Option<&str>) -> Cell {
    Cell::text(a.owner.as_ref().and_then(f).unwrap_or(""))
}

fn year(y: Option<i64>) -> Cell {
    Cell::number(y.map(|y| y as f64))
}

const COLUMNS: &[Column] = &[
    Column { header: ("År", "Year"), width: 7.0, cell: |y, _, _| year(y) },
    Column { header: ("Kvartal", "Quarter"), width: 8.0, cell: |_, a, _| Cell::Number(f64::from(a.quarter)) },
    Column { header: ("Id", "Id"), width: 6.0, cell: |_, a, _| Cell::text(&a.id) },
    Column { header: ("Type", "Kind"), width: 18.0, cell: |_, a, l| Cell::text(a.kind.label().get(l)) },
    Column { header: ("Handling", "Action"), width: 60.0, cell: |_, a, l| Cell::text(a.title.get(l)) },
    Column {
        header: ("Forvaltning", "Department"),
        width: 28.0,
        cell: |_, a, _| owner_field(a, |o| Some(o.department.as_str())),
    },
    Column { header: ("Udvalg", "Committee"), width: 24.0, cell: |_, a, _| owner_field(a, |o| o.committee.as_deref()) },
    Column {
        header: ("Direktør", "Director"), width: 20.0, cell: |_, a, _| owner_field(a, |o| o.director.as_deref())
    },
    Column { header: ("MED-forum", "MED forum"), width: 18.0, cell: |_, a, _| owner_field(a, |o| o.med.as_deref()) },
    Column { header: ("Budgetår", "Budget year"), width: 11.0, cell: |_, a, _| year(a.budget_year) },
    Column { header: ("Kroner", "Kroner"), width: 14.0, cell: |_, a, _| Cell::number(a.cost_kr) },
    Column { header: ("Ledertimer", "Leader hours"), width: 12.0, cell: |_, a, _| Cell::number(Some(a.hours)) },
    Column { header: ("Gevinst fra", "Savings from"), width: 12.0, cell: |_, a, _| year(a.savings_from) },
    Column {
        header: ("Udskudt fordi", "Deferred because"),
        width: 40.0,
        cell: |_, a, l| Cell::text(a.reason.as_ref().map_or("", |r| r.get(l))),
    },
];

/// The plan as one section "Handlinger" / "Actions": the planned actions by year, then the
/// deferred ones (no year) (docs/exports.md).
pub fn plan_table(plan: &Plan, lang: Lang) -> Table {
    let columns: Vec<_> = COLUMNS.iter().map(|c| (c.header.0, c.header.1, c.width)).collect();
    let mut table = Table::new(&columns, lang);
    table.section("Handlinger", "Actions", lang);
    let planned = plan.actions().map(|(y, a)| (Some(y), a));
    let deferred = plan.deferred.iter().map(|a| (None, a));
    for (y, a) in planned.chain(deferred) {
        table.push(COLUMNS.iter().map(|c| (c.cell)(y, a, lang)).collect());
    }
    table
}

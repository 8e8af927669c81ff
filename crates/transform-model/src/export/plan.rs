//! The plan as a table for the økonomiafdeling, one section (sheet) per view with the
//! same columns: "Handlinger" (one row per action: planned by year, then deferred), "Økonomi
//! pr. handling" (one row per action and budget year), "Økonomi" (one row per budget year
//! and account, then the overslagsår each budget sees), "Årshjul" (one row per event) and
//! "Belastning" (one row per year and department, then per year and owner). Kroner are
//! written as numbers with the currency format "kr."; an amount not opgjort is the text
//! "ikke opgjort", never a 0.

use super::table::{Cell, Table};
use crate::localized::Lang;
use crate::mission::Account;
use crate::plan::{Action, Owner, Plan, number_of};

/// One column: header (da, en), width, and the cell of an action in a year.
struct Column {
    header: (&'static str, &'static str),
    width: f64,
    cell: fn(Option<i64>, &Action, Lang) -> Cell,
}

fn owner_field(a: &Action, f: fn(&Owner) -> Option<&str>) -> Cell {
    Cell::text(a.owner.as_ref().and_then(f).unwrap_or(""))
}

/// The action's number in Danish (no id a Danish reader meets), its id in English (to find
/// it in the JSON).
fn reference(a: &Action, lang: Lang) -> Cell {
    match (lang, number_of(&a.id)) {
        (Lang::Da, Some(n)) => Cell::Number(n as f64),
        _ => Cell::text(&a.id),
    }
}

/// The actions an event takes up, as [`reference`] names them.
fn references(ids: &[String], lang: Lang) -> Cell {
    let of = |id: &String| match (lang, number_of(id)) {
        (Lang::Da, Some(n)) => n.to_string(),
        _ => id.clone(),
    };
    Cell::text(ids.iter().map(of).collect::<Vec<_>>().join(", "))
}

fn year(y: Option<i64>) -> Cell {
    Cell::number(y.map(|y| y as f64))
}

/// Kroner, or the text "ikke opgjort" when the amount is unknown.
fn kroner(x: Option<f64>, lang: Lang) -> Cell {
    match x.filter(|x| x.is_finite()) {
        Some(x) => Cell::Kroner(x),
        None => Cell::text(lang.pick("ikke opgjort", "not costed")),
    }
}

fn account(a: Account, lang: Lang) -> Cell {
    Cell::text(match a {
        Account::Drift => lang.pick("drift", "drift"),
        Account::Anlaeg => lang.pick("anlæg", "anlæg"),
    })
}

const COLUMNS: &[Column] = &[
    Column { header: ("År", "Year"), width: 7.0, cell: |y, _, _| year(y) },
    Column { header: ("Kvartal", "Quarter"), width: 8.0, cell: |_, a, _| Cell::Number(f64::from(a.quarter)) },
    Column { header: ("Nr.", "Id"), width: 6.0, cell: |_, a, l| reference(a, l) },
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
    Column {
        header: ("Merudgift pr. år (kr.)", "New money a year (DKK)"),
        width: 16.0,
        cell: |_, a, _| a.cost_kr.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Kroner),
    },
    Column { header: ("Ledertimer", "Leader hours"), width: 12.0, cell: |_, a, _| Cell::number(Some(a.hours)) },
    Column { header: ("Gevinst fra", "Savings from"), width: 12.0, cell: |_, a, _| year(a.savings_from) },
    Column {
        header: ("Udskudt fordi", "Deferred because"),
        width: 40.0,
        cell: |_, a, l| Cell::text(a.reason.as_ref().map_or("", |r| r.get(l))),
    },
];

/// The columns after [`COLUMNS`], filled by the other sections.
const MORE: &[(&str, &str, f64)] = &[
    ("Måned", "Month", 8.0),
    ("Konto", "Account", 9.0),
    ("I budgettet (kr.)", "In the budget (DKK)", 16.0),
    ("Merudgift (kr.)", "New money (DKK)", 16.0),
    ("Mindreudgift (kr.)", "Savings (DKK)", 16.0),
    ("Netto (kr.)", "Net (DKK)", 16.0),
    ("Akkumuleret netto (kr.)", "Cumulative net (DKK)", 18.0),
    ("Kapacitet (timer)", "Capacity (hours)", 12.0),
    ("Antal handlinger", "Actions", 10.0),
];

const MONTH: usize = 14;
const ACCOUNT: usize = 15;
const IN_BUDGET: usize = 16;
const CAPACITY: usize = 21;

fn blank_row() -> Vec<Cell> {
    vec![Cell::Empty; COLUMNS.len() + MORE.len()]
}

/// An action's row with the extra columns empty.
fn action_row(y: Option<i64>, a: &Action, lang: Lang) -> Vec<Cell> {
    let mut row: Vec<Cell> = COLUMNS.iter().map(|c| (c.cell)(y, a, lang)).collect();
    row.extend(MORE.iter().map(|_| Cell::Empty));
    row
}

/// The plan as a table (docs/exports.md).
pub fn plan_table(plan: &Plan, lang: Lang) -> Table {
    let mut columns: Vec<_> = COLUMNS.iter().map(|c| (c.header.0, c.header.1, c.width)).collect();
    columns.extend(MORE.iter().copied());
    let mut table = Table::new(&columns, lang);
    table.section("Handlinger", "Actions", lang);
    let planned = plan.actions().map(|(y, a)| (Some(y), a));
    let deferred = plan.deferred.iter().map(|a| (None, a));
    for (y, a) in planned.chain(deferred) {
        table.push(action_row(y, a, lang));
    }
    action_money(&mut table, plan, lang);
    economy(&mut table, plan, lang);
    calendar(&mut table, plan, lang);
    load(&mut table, plan, lang);
    table
}

/// One row per action and budget year it touches.
fn action_money(table: &mut Table, plan: &Plan, lang: Lang) {
    table.section("Økonomi pr. handling", "Money per action", lang);
    for (_, a) in plan.actions() {
        let Some(m) = &a.money else { continue };
        for e in &m.per_year {
            let mut row = action_row(Some(e.budget_year), a, lang);
            row[9] = year(Some(e.budget_year));
            row[ACCOUNT] = account(m.account, lang);
            row[IN_BUDGET] = kroner(e.already_budgeted_kr, lang);
            row[IN_BUDGET + 1] = kroner(e.new_kr, lang);
            row[IN_BUDGET + 2] = kroner(e.savings_kr, lang);
            row[IN_BUDGET + 3] = kroner(e.new_kr.zip(e.savings_kr).map(|(n, s)| n - s), lang);
            table.push(row);
        }
    }
}

/// One row per budget year (drift, then anlæg), then the overslagsår of each budget.
fn economy(table: &mut Table, plan: &Plan, lang: Lang) {
    table.section("Økonomi", "Money", lang);
    for e in &plan.economy {
        let mut row = blank_row();
        row[0] = year(Some(e.budget_year));
        row[9] = year(Some(e.budget_year));
        row[4] = Cell::text(lang.pick("Budgetår i alt", "Budget year in total"));
        row[ACCOUNT] = account(Account::Drift, lang);
        row[IN_BUDGET] = kroner(e.already_budgeted_kr, lang);
        row[IN_BUDGET + 1] = kroner(e.new_kr, lang);
        row[IN_BUDGET + 2] = kroner(e.savings_kr, lang);
        row[IN_BUDGET + 3] = kroner(e.net_kr, lang);
        row[IN_BUDGET + 4] = kroner(e.cumulative_net_kr, lang);
        table.push(row);
        let mut row = blank_row();
        row[0] = year(Some(e.budget_year));
        row[9] = year(Some(e.budget_year));
        row[4] = Cell::text(lang.pick("Budgetår i alt", "Budget year in total"));
        row[ACCOUNT] = account(Account::Anlaeg, lang);
        row[IN_BUDGET + 3] = kroner(e.anlaeg_kr, lang);
        table.push(row);
    }
    for e in &plan.economy {
        for o in &e.overslag {
            let mut row = blank_row();
            row[0] = year(Some(o.budget_year));
            row[9] = year(Some(e.budget_year));
            row[4] =
                Cell::text(format!("{} {}", lang.pick("Overslagsår i budget", "Out-year in budget"), e.budget_year));
            row[ACCOUNT] = account(Account::Drift, lang);
            row[IN_BUDGET + 3] = kroner(o.net_kr, lang);
            table.push(row);
        }
    }
}

fn calendar(table: &mut Table, plan: &Plan, lang: Lang) {
    table.section("Årshjul", "Budget year", lang);
    for e in &plan.calendar {
        let mut row = blank_row();
        row[0] = year(Some(e.year));
        row[1] = Cell::Number(f64::from((e.month - 1) / 3 + 1));
        row[2] = references(&e.actions, lang);
        row[4] = Cell::text(e.text.get(lang));
        row[MONTH] = Cell::Number(f64::from(e.month));
        table.push(row);
    }
}

fn load(table: &mut Table, plan: &Plan, lang: Lang) {
    table.section("Belastning", "Load", lang);
    for (rows, col) in [(&plan.load.per_department, 5), (&plan.load.per_owner, 7)] {
        for r in rows {
            let mut row = blank_row();
            row[0] = year(Some(r.year));
            row[col] = Cell::text(&r.name);
            row[11] = Cell::Number(r.hours);
            row[CAPACITY] = Cell::Number(r.capacity);
            row[CAPACITY + 1] = Cell::Number(r.actions as f64);
            table.push(row);
        }
    }
}

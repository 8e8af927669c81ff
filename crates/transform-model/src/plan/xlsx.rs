//! The plan as a workbook for the økonomiafdeling: one row per action (planned and
//! deferred) with year, quarter, owner, budget year, kroner and hours — numbers as numbers,
//! headers in the chosen language, header row frozen, columns sized.

use super::{Action, Plan};
use crate::localized::Lang;

/// One column: its header (da, en), width, and the cell of an action in a year.
struct Column {
    header: (&'static str, &'static str),
    width: f64,
    cell: fn(Option<i64>, &Action, Lang) -> Cell,
}

/// A cell: text or a number (empty when absent).
pub(crate) enum Cell {
    Text(String),
    Number(Option<f64>),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn owner_field(a: &Action, f: fn(&super::Owner) -> Option<&str>) -> Cell {
    text(a.owner.as_ref().and_then(f).unwrap_or(""))
}

const COLUMNS: &[Column] = &[
    Column { header: ("År", "Year"), width: 7.0, cell: |y, _, _| Cell::Number(y.map(|y| y as f64)) },
    Column { header: ("Kvartal", "Quarter"), width: 8.0, cell: |_, a, _| Cell::Number(Some(a.quarter as f64)) },
    Column { header: ("Id", "Id"), width: 6.0, cell: |_, a, _| text(&a.id) },
    Column { header: ("Type", "Kind"), width: 18.0, cell: |_, a, l| text(a.kind.label().get(l)) },
    Column { header: ("Handling", "Action"), width: 60.0, cell: |_, a, l| text(a.title.get(l)) },
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
    Column {
        header: ("Budgetår", "Budget year"),
        width: 11.0,
        cell: |_, a, _| Cell::Number(a.budget_year.map(|y| y as f64)),
    },
    Column { header: ("Kroner", "Kroner"), width: 14.0, cell: |_, a, _| Cell::Number(a.cost_kr) },
    Column { header: ("Ledertimer", "Leader hours"), width: 12.0, cell: |_, a, _| Cell::Number(Some(a.hours)) },
    Column {
        header: ("Gevinst fra", "Savings from"),
        width: 12.0,
        cell: |_, a, _| Cell::Number(a.savings_from.map(|y| y as f64)),
    },
    Column {
        header: ("Udskudt fordi", "Deferred because"),
        width: 40.0,
        cell: |_, a, l| text(a.reason.as_ref().map_or("", |r| r.get(l))),
    },
];

/// The header and one row per action: the planned ones by year, then the deferred ones
/// (no year). The same rows the workbook holds, for tests and other writers.
pub(crate) fn rows(plan: &Plan, lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let header = COLUMNS.iter().map(|c| lang.pick(c.header.0, c.header.1).to_owned()).collect();
    let planned = plan.actions().map(|(y, a)| (Some(y), a));
    let deferred = plan.deferred.iter().map(|a| (None, a));
    let rows = planned.chain(deferred).map(|(y, a)| COLUMNS.iter().map(|c| (c.cell)(y, a, lang)).collect()).collect();
    (header, rows)
}

/// The plan as `.xlsx` bytes (sheet "Handlinger" / "Actions").
pub fn to_xlsx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("Handlinger", "Actions"))?;
    let (header, rows) = rows(plan, lang);
    for (c, (h, col)) in header.iter().zip(COLUMNS).enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
        sheet.set_column_width(c as u16, col.width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) if !s.is_empty() => {
                    sheet.write_string(r, c as u16, s)?;
                }
                Cell::Number(Some(x)) => {
                    sheet.write_number(r, c as u16, *x)?;
                }
                _ => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

//! The breakdown by unit (`assess --by department[,unit]`) as wide sheets for Excel: one
//! sheet per breakdown level, one row per unit (and role within it), one score column per
//! dimension. A withheld cell is empty and its n says "tilbageholdt".

use super::table::{Cell, Column, WideSheet};
use crate::localized::Lang;
use crate::maturity::{Assessment, UnitResult};

/// The wide sheets of `a`'s breakdown; none without one.
pub(crate) fn unit_sheets(a: &Assessment, lang: Lang) -> Vec<WideSheet> {
    if a.units.is_empty() {
        return Vec::new();
    }
    let mut sheets = vec![sheet(a, lang, false)];
    if a.by.len() > 1 {
        sheets.push(sheet(a, lang, true));
    }
    sheets
}

/// The department level (`units` false) or the unit level of the breakdown.
fn sheet(a: &Assessment, lang: Lang, units: bool) -> WideSheet {
    let column = |header: &str, width: f64| Column { header: header.to_owned(), width };
    let mut columns = vec![column(&breakdown_name(a, 0, lang), 24.0)];
    if units {
        columns.push(column(&breakdown_name(a, 1, lang), 20.0));
    }
    columns.push(column(lang.pick("Rolle", "Role"), 30.0));
    columns.push(column("n", 8.0));
    columns.extend(a.dimensions.iter().map(|d| column(&format!("{} {}", d.id, d.label.get(lang)), 16.0)));
    let rows = a.units.iter().filter(|u| u.unit.is_some() == units).map(|u| row(a, u, lang, units)).collect();
    let name = match units {
        false => lang.pick("Pr. forvaltning", "By department"),
        true => lang.pick("Pr. enhed", "By unit"),
    };
    WideSheet { name: name.to_owned(), columns, rows }
}

fn row(a: &Assessment, u: &UnitResult, lang: Lang, units: bool) -> Vec<Cell> {
    let mut cells = vec![Cell::text(&u.department)];
    if units {
        cells.push(Cell::text(u.unit.as_deref().unwrap_or_default()));
    }
    let role = match &u.role {
        Some(id) => {
            a.groups.iter().find(|g| &g.role == id).map_or_else(|| id.clone(), |g| g.label.get(lang).to_owned())
        }
        None => lang.pick("alle", "all").to_owned(),
    };
    cells.push(Cell::text(role));
    cells.push(match u.n {
        Some(n) => Cell::Number(n as f64),
        None => Cell::text(lang.pick("tilbageholdt", "withheld")),
    });
    // One cell per dimension of the assessment, matched by id (a cell may lack one).
    cells.extend(
        a.dimensions.iter().map(|d| Cell::number(u.dimensions.iter().find(|x| x.id == d.id).and_then(|x| x.score))),
    );
    cells
}

/// The header of breakdown level `i`: Danish names for `department` and `unit`, else the
/// column's own name.
fn breakdown_name(a: &Assessment, i: usize, lang: Lang) -> String {
    match a.by.get(i).map(String::as_str) {
        Some("department") => lang.pick("Forvaltning", "Department").to_owned(),
        Some("unit") => lang.pick("Enhed", "Unit").to_owned(),
        Some(other) => other.to_owned(),
        None => String::new(),
    }
}

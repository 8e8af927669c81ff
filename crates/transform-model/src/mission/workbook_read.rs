//! Reads a portfolio workbook (the layout of [`super::workbook`]) into a [`Portfolio`]:
//! headers found by name (case, accents and a unit in parentheses do not matter), Danish
//! values checked against their lists, ids checked for duplicates, every error naming the
//! sheet, the row as Excel numbers it, the column and the value.

use std::collections::HashMap;

use calamine::Reader;

use super::PortfolioError;
use super::portfolio::{Department, Initiative, Link, Mission, MunicipalityInfo, Organisation, Portfolio};
use super::workbook::{
    CITIZEN_VALUES, FACET_VALUES, INITIATIVE_HEADERS, MISSION_HEADERS, MODE_VALUES, MUNICIPALITY_FIELDS,
    ORGANISATION_HEADERS, SHEET_INITIATIVES, SHEET_MISSIONS, SHEET_MUNICIPALITY, SHEET_ORGANISATION, STAGE_VALUES,
    WorkbookError,
};
use super::workbook_sheet::{Row, Sheet, parse_number, sheet, split};
use crate::localized::Localized;
use crate::text::normalize;

/// Reads a portfolio workbook's bytes.
pub(crate) fn read(bytes: Vec<u8>) -> Result<Portfolio, PortfolioError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(WorkbookError::Read { message: "the file is not an .xlsx workbook".into() }.into());
    }
    let mut workbook =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| WorkbookError::Read { message: e.to_string() })?;
    let missions = sheet(&mut workbook, SHEET_MISSIONS, true)?.expect("required");
    let initiatives = sheet(&mut workbook, SHEET_INITIATIVES, true)?.expect("required");
    let organisation = sheet(&mut workbook, SHEET_ORGANISATION, true)?.expect("required");
    let municipality = sheet(&mut workbook, SHEET_MUNICIPALITY, false)?;
    let missions = read_missions(&missions)?;
    let mission_ids: Vec<&str> = missions.iter().map(|m| m.id.as_str()).collect();
    let initiatives = read_initiatives(&initiatives, &mission_ids)?;
    let (info, year, central) = read_municipality(municipality.as_ref())?;
    let mut portfolio = Portfolio::new(info, missions, initiatives);
    portfolio.year = year;
    let departments = read_organisation(&organisation)?;
    if !departments.is_empty() {
        portfolio.organisation = Some(Organisation { departments, central, budget_months: None });
    }
    portfolio.validate()?;
    Ok(portfolio)
}

/// `DuplicateId` when `id` was seen on an earlier row of the sheet.
fn check_unique(seen: &mut HashMap<String, usize>, row: &Row<'_>, id: &str) -> Result<(), WorkbookError> {
    if let Some(&first_row) = seen.get(id) {
        return Err(WorkbookError::DuplicateId {
            sheet: row.sheet.name.clone(),
            row: row.line,
            column: "Id".into(),
            value: id.to_owned(),
            first_row,
        });
    }
    seen.insert(id.to_owned(), row.line);
    Ok(())
}

fn read_missions(sheet: &Sheet) -> Result<Vec<Mission>, WorkbookError> {
    sheet.require(&MISSION_HEADERS[..2])?;
    let mut seen = HashMap::new();
    sheet
        .rows()
        .map(|row| {
            let id = row.required("Id")?;
            check_unique(&mut seen, &row, &id)?;
            let title = row.required("Titel")?;
            let statement = Some(row.text("Mission")).filter(|s| !s.is_empty()).unwrap_or(&title).to_owned();
            Ok(Mission {
                id,
                title: Localized([("da".to_owned(), title)].into_iter().collect()),
                statement,
                target_groups: row.list("Målgrupper"),
                outcomes: row.list("Resultater"),
                indicators: Vec::new(),
                departments: row.list("Forvaltninger"),
                sectors: Vec::new(),
                horizon: row.year("Horisont (år)")?,
            })
        })
        .collect()
}

fn read_initiatives(sheet: &Sheet, missions: &[&str]) -> Result<Vec<Initiative>, WorkbookError> {
    sheet.require(&["Id", "Titel", "Fase", "Type", "Innovationstype", "Borgerværdi", "Startår"])?;
    let mut seen = HashMap::new();
    sheet.rows().map(|row| initiative(&row, &mut seen, missions)).collect()
}

fn initiative(
    row: &Row<'_>,
    seen: &mut HashMap<String, usize>,
    missions: &[&str],
) -> Result<Initiative, WorkbookError> {
    let h = |i: usize| INITIATIVE_HEADERS[i];
    let id = row.required(h(0))?;
    check_unique(seen, row, &id)?;
    let start_year = row.year(h(9))?.ok_or_else(|| WorkbookError::Empty {
        sheet: row.sheet.name.clone(),
        row: row.line,
        column: h(9).to_owned(),
    })?;
    Ok(Initiative {
        id,
        title: row.required(h(1))?,
        description: row.text(h(2)).to_owned(),
        departments: row.list(h(3)),
        target_groups: row.list(h(4)),
        outcomes: Vec::new(),
        ingredients: row.list(h(15)),
        stage: row.choice(h(5), &STAGE_VALUES, |s| s.name())?,
        mode: row.choice(h(6), &MODE_VALUES, |m| m.name())?,
        facet: row.choice(h(7), &FACET_VALUES, |f| f.name())?,
        cost_per_year: row.number(h(11))?,
        savings_per_year: row.number(h(12))?.unwrap_or(0.0),
        investment: row.number(h(13))?.unwrap_or(0.0),
        savings_from_year: None,
        citizen_value: row.choice(h(8), &CITIZEN_VALUES, citizen_name)?,
        start_year,
        end_year: row.year(h(10))?,
        partners: Vec::new(),
        links: links(row, h(14), missions)?,
        mandatory: yes(row, h(16))?,
        shared_infrastructure: false,
        reach_share: None,
        spread_to_share: None,
        account: Default::default(),
    })
}

fn citizen_name(v: super::portfolio::CitizenValue) -> &'static str {
    use super::portfolio::CitizenValue as C;
    match v {
        C::None => "none",
        C::Unclear => "unclear",
        C::Positive => "positive",
        C::Negative => "negative",
    }
}

/// "ja"/"nej" (or empty: no).
fn yes(row: &Row<'_>, header: &str) -> Result<bool, WorkbookError> {
    match normalize(row.text(header)).as_str() {
        "" | "nej" | "no" | "false" | "0" => Ok(false),
        "ja" | "yes" | "true" | "1" | "x" => Ok(true),
        _ => Err(WorkbookError::Value {
            sheet: row.sheet.name.clone(),
            row: row.line,
            column: header.to_owned(),
            value: row.text(header).to_owned(),
            allowed: "`ja`, `nej`".into(),
        }),
    }
}

/// "M1:3; M2" → links (strength 2 when not given), each to a mission of the Missioner sheet.
fn links(row: &Row<'_>, header: &str, missions: &[&str]) -> Result<Vec<Link>, WorkbookError> {
    let bad = |value: &str, allowed: String| WorkbookError::Value {
        sheet: row.sheet.name.clone(),
        row: row.line,
        column: header.to_owned(),
        value: value.to_owned(),
        allowed,
    };
    split(row.text(header))
        .into_iter()
        .map(|part| {
            let (mission, strength) = match part.split_once(':') {
                Some((m, s)) => (m.trim(), s.trim().parse::<i64>().ok().filter(|s| (0..=3).contains(s))),
                None => (part.as_str(), Some(2)),
            };
            let strength = strength.ok_or_else(|| bad(&part, "`MISSION:0`…`MISSION:3`".into()))?;
            if !missions.contains(&mission) {
                let known = missions.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                return Err(bad(mission, format!("the missions of sheet `{SHEET_MISSIONS}`: {known}")));
            }
            Ok(Link { mission: mission.to_owned(), strength })
        })
        .collect()
}

fn read_organisation(sheet: &Sheet) -> Result<Vec<Department>, WorkbookError> {
    sheet.require(&ORGANISATION_HEADERS[..4])?;
    let h = |i: usize| ORGANISATION_HEADERS[i];
    let mut seen = HashMap::new();
    sheet
        .rows()
        .map(|row| {
            let name = row.required(h(0))?;
            if let Some(&first_row) = seen.get(&normalize(&name)) {
                let (sheet, column) = (row.sheet.name.clone(), h(0).to_owned());
                return Err(WorkbookError::DuplicateId { sheet, row: row.line, column, value: name, first_row });
            }
            seen.insert(normalize(&name), row.line);
            Ok(Department {
                name,
                committee: row.required(h(1))?,
                director: row.required(h(2))?,
                med: row.required(h(3))?,
                hearings: row.list(h(4)),
                capacity_hours: row.number(h(5))?,
            })
        })
        .collect()
}

/// The Kommune sheet's name, code, year and central department (field in column A, value
/// in column B); without the sheet, an unnamed municipality.
fn read_municipality(sheet: Option<&Sheet>) -> Result<(MunicipalityInfo, Option<i64>, Option<String>), WorkbookError> {
    let mut info = MunicipalityInfo { code: None, name: "Kommunen".into() };
    let (mut year, mut central) = (None, None);
    let Some(sheet) = sheet else { return Ok((info, year, central)) };
    // The header row is a field row too when it holds one (a sheet without headers).
    let all = std::iter::once((1usize, &sheet.headers)).chain(sheet.rows.iter().map(|(l, c)| (*l, c)));
    for (line, cells) in all {
        let field = cells.first().map(|s| normalize(s)).unwrap_or_default();
        let value = cells.get(1).map(|s| s.trim().to_owned()).unwrap_or_default();
        let at = |i: usize| normalize(MUNICIPALITY_FIELDS[i]);
        if value.is_empty() {
            continue;
        }
        if field == at(0) {
            info.name = value;
        } else if field == at(1) {
            info.code = Some(format!("{:0>3}", value));
        } else if field == at(2) {
            let x = parse_number(&value).filter(|x| x.fract() == 0.0).ok_or_else(|| WorkbookError::Number {
                sheet: sheet.name.clone(),
                row: line,
                column: MUNICIPALITY_FIELDS[2].into(),
                value: value.clone(),
            })?;
            year = Some(x as i64);
        } else if field == at(3) {
            central = Some(value);
        }
    }
    Ok((info, year, central))
}

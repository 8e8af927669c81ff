//! Wide CSV as survey tools export it: one row per respondent.

use super::options::Fixed;
use super::units::{Collector, check_value, is_unit_column};
use super::{ReadOptions, ResponseError, Responses, check_unique_columns, is_missing_token, parse_answer};
use crate::model::Model;

enum Column {
    Respondent,
    Role,
    Item(usize),
    Filter(usize),
    Unit(usize),
    Ignored,
}

pub(super) fn read(model: &Model, bytes: &[u8], options: &ReadOptions) -> Result<Responses, ResponseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ResponseError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(bytes))
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let header = reader.headers().map_err(|e| ResponseError::Malformed { row: 1, message: e.to_string() })?.clone();
    check_unique_columns(header.iter().map(str::trim))?;
    let names: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    options.check_department(&names)?;
    let mut units = Collector::default();
    let mut ignored = Vec::new();
    let columns = names
        .iter()
        .enumerate()
        .map(|(index, name)| classify(model, options, name, index, &mut units, &mut ignored))
        .collect::<Result<Vec<_>, _>>()?;
    let find = |want: &str, pred: fn(&Column) -> bool| {
        columns.iter().position(pred).ok_or_else(|| ResponseError::MissingColumn { column: want.to_owned() })
    };
    let id_col = find(options.respondent_column(), |c| matches!(c, Column::Respondent))?;
    let role_col = find(options.role_column(), |c| matches!(c, Column::Role))?;

    let mut out = Responses::new(model);
    let mut answers: Vec<(usize, i64)> = Vec::with_capacity(model.items().len());
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(|e| ResponseError::Malformed {
            row: e.position().map_or(0, |p| p.line() as usize),
            message: e.to_string(),
        })?;
        if !more {
            break;
        }
        let row = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // trailing blank lines from spreadsheet exports
        }
        let respondent = record[id_col].trim();
        answers.clear();
        for (cell, column) in record.iter().zip(&columns) {
            let Column::Item(item) = column else { continue };
            if is_missing_token(cell) {
                continue;
            }
            let value = parse_answer(cell).ok_or_else(|| ResponseError::NotInteger {
                row,
                respondent: respondent.to_owned(),
                column: model.items()[*item].id.clone(),
                value: cell.to_owned(),
            })?;
            answers.push((*item, value));
        }
        let role = options.resolve_role(model, row, respondent, &record[role_col])?;
        out.push(model, row, respondent, &role, answers.iter().copied())?;
        let filters: Vec<(usize, &str)> = record
            .iter()
            .zip(&columns)
            .filter_map(|(cell, c)| if let Column::Filter(f) = c { Some((*f, cell)) } else { None })
            .collect();
        out.set_filters(model, row, &filters)?;
        for (cell, column) in record.iter().zip(&columns) {
            if let Column::Unit(j) = column {
                units.values[*j].push(check_value(model, row, &units.names[*j], cell)?);
            }
        }
    }
    units.finish(&mut out);
    out.ignored = ignored;
    out.finish()
}

/// One header's column: fixed, unit, item or filter; an unknown one is skipped (and
/// listed in `ignored`) under `ignore_unknown_columns`, else an error.
fn classify(
    model: &Model,
    options: &ReadOptions,
    name: &str,
    index: usize,
    units: &mut Collector,
    ignored: &mut Vec<String>,
) -> Result<Column, ResponseError> {
    let unit = |units: &mut Collector, unit_name: &str| {
        units.names.push(unit_name.to_owned());
        units.values.push(Vec::new());
        Column::Unit(units.names.len() - 1)
    };
    Ok(match options.fixed(name) {
        Some(Fixed::Respondent) => Column::Respondent,
        Some(Fixed::Role) => Column::Role,
        Some(Fixed::Ignored) => Column::Ignored,
        Some(Fixed::Department) => unit(units, "department"),
        None if is_unit_column(name, &options.unit_columns) => unit(units, name),
        None => match (model.item_index(name), model.filter_index(name)) {
            (Some(i), _) => Column::Item(i),
            (None, Some(f)) => Column::Filter(f),
            (None, None) if options.ignore_unknown_columns => {
                ignored.push(name.to_owned());
                Column::Ignored
            }
            (None, None) => return Err(ResponseError::UnknownColumn { column: name.to_owned(), index: index + 1 }),
        },
    })
}

/// `;` when the header line has more semicolons than commas (Danish Excel), else `,`.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    let count = |d: u8| first.iter().filter(|&&b| b == d).count();
    if count(b';') > count(b',') { b';' } else { b',' }
}

//! One sheet of a portfolio workbook as text cells: columns found by their header (case,
//! accents and a unit in parentheses do not matter), and typed cells (lists, amounts in
//! Danish or English notation, years, list values) whose errors name sheet, row and column.

use calamine::{Data, Reader};

use super::workbook::{WorkbookError, allowed};
use crate::text::normalize;

/// One sheet: its headers and its non-blank rows (with their Excel row numbers).
pub(super) struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A row of a sheet, with the sheet's column lookup.
pub(super) struct Row<'a> {
    pub sheet: &'a Sheet,
    pub line: usize,
    cells: &'a [String],
}

/// The sheet named `name` (compared without case), as text cells; `None` when absent and
/// not `required`.
pub(super) fn sheet(
    workbook: &mut calamine::Xlsx<std::io::Cursor<Vec<u8>>>,
    name: &str,
    required: bool,
) -> Result<Option<Sheet>, WorkbookError> {
    let names = workbook.sheet_names();
    let Some(found) = names.iter().find(|n| normalize(n) == normalize(name)).cloned() else {
        if !required {
            return Ok(None);
        }
        let available = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        return Err(WorkbookError::MissingSheet { sheet: name.to_owned(), available });
    };
    let range = workbook.worksheet_range(&found).map_err(|e| WorkbookError::Read { message: e.to_string() })?;
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows = range.rows().enumerate().map(|(i, row)| {
        let mut cells = vec![String::new(); first_col];
        cells.extend(row.iter().map(cell_text));
        (first + i + 1, cells)
    });
    let headers = rows.next().map(|(_, cells)| cells).unwrap_or_default();
    let rows = rows.filter(|(_, cells)| cells.iter().any(|c| !c.is_empty())).collect();
    Ok(Some(Sheet { name: found, headers, rows }))
}

/// A cell as trimmed text: whole numbers without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string().trim().to_owned(),
    }
}

/// A header without its unit in parentheses, normalised: "Horisont (år)" → "horisont".
fn header_key(h: &str) -> String {
    normalize(h.split('(').next().unwrap_or(h))
}

impl Sheet {
    /// The index of the column `header` (a template header), if the sheet has it.
    pub(super) fn column(&self, header: &str) -> Option<usize> {
        let key = header_key(header);
        self.headers.iter().position(|h| header_key(h) == key)
    }

    /// `MissingColumn` unless the sheet has every one of `headers`.
    pub(super) fn require(&self, headers: &[&str]) -> Result<(), WorkbookError> {
        match headers.iter().find(|h| self.column(h).is_none()) {
            Some(h) => Err(WorkbookError::MissingColumn { sheet: self.name.clone(), column: (*h).to_owned() }),
            None => Ok(()),
        }
    }

    pub(super) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, cells)| Row { sheet: self, line: *line, cells })
    }
}

impl Row<'_> {
    /// The cell under `header` ("" when the sheet lacks the column or the row is short).
    pub(super) fn text(&self, header: &str) -> &str {
        self.sheet.column(header).and_then(|c| self.cells.get(c)).map_or("", |s| s.trim())
    }

    /// The cell under `header`, which must not be empty.
    pub(super) fn required(&self, header: &str) -> Result<String, WorkbookError> {
        let t = self.text(header);
        if t.is_empty() {
            return Err(WorkbookError::Empty {
                sheet: self.sheet.name.clone(),
                row: self.line,
                column: header.to_owned(),
            });
        }
        Ok(t.to_owned())
    }

    /// A list cell: items separated by `;` or `,`.
    pub(super) fn list(&self, header: &str) -> Vec<String> {
        split(self.text(header))
    }

    /// A number cell (Danish or English decimal mark, thousands separators); `None` when empty.
    pub(super) fn number(&self, header: &str) -> Result<Option<f64>, WorkbookError> {
        let t = self.text(header);
        if t.is_empty() {
            return Ok(None);
        }
        parse_number(t).map(Some).ok_or_else(|| self.not_a_number(header, t))
    }

    /// A whole-number cell (a year).
    pub(super) fn year(&self, header: &str) -> Result<Option<i64>, WorkbookError> {
        let t = self.text(header);
        match self.number(header)? {
            Some(x) if x.fract() == 0.0 => Ok(Some(x as i64)),
            Some(_) => Err(self.not_a_number(header, t)),
            None => Ok(None),
        }
    }

    fn not_a_number(&self, header: &str, value: &str) -> WorkbookError {
        WorkbookError::Number {
            sheet: self.sheet.name.clone(),
            row: self.line,
            column: header.to_owned(),
            value: value.to_owned(),
        }
    }

    /// A list-value cell: one of `values` by its Danish name (or its JSON name).
    pub(super) fn choice<T: Copy>(
        &self,
        header: &str,
        values: &[(&str, T)],
        json: fn(T) -> &'static str,
    ) -> Result<T, WorkbookError> {
        let t = self.required(header)?;
        let key = normalize(&t);
        values.iter().find(|(name, v)| normalize(name) == key || json(*v) == key).map(|(_, v)| *v).ok_or_else(|| {
            WorkbookError::Value {
                sheet: self.sheet.name.clone(),
                row: self.line,
                column: header.to_owned(),
                value: t,
                allowed: allowed(values),
            }
        })
    }
}

pub(super) fn split(t: &str) -> Vec<String> {
    t.split([';', ',', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// "1.200.000", "1 200 000 kr.", "2,5", "1200000.0" → the number.
pub(super) fn parse_number(t: &str) -> Option<f64> {
    let t: String = t.trim_end_matches("kr.").trim_end_matches("kr").chars().filter(|c| !c.is_whitespace()).collect();
    let t = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 || t.split_once('.').is_some_and(|(_, frac)| frac.len() == 3) {
        t.replace('.', "")
    } else {
        t
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_danish_and_english_amounts() {
        assert_eq!(parse_number("1.200.000"), Some(1_200_000.0));
        assert_eq!(parse_number("1 200 000 kr."), Some(1_200_000.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("300.000"), Some(300_000.0));
        assert_eq!(parse_number("mange"), None);
    }
}

//! Responses from an `.xlsx` workbook: a wide sheet as the CSV reader takes it, or an
//! XLSForm-style export (KoboToolbox, ODK): columns named by item ids, the role column
//! holding choice names, "dk"/"Ved ikke" as no answer, and the tools' metadata columns
//! skipped by name. A workbook without a `respondent` column takes the submission's
//! `_uuid` (else `meta/instanceID`, `_id`, `_index`) as the respondent id.
//!
//! Longer than ~400 lines on purpose: the calamine reader stays an inline module beside the
//! workbook checks it shares, since as a file of its own it would close an import circle
//! (xlsx ↔ xlsx/reader) that the house test forbids.

use super::ResponseError;

/// Errors that only a workbook can have.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum XlsxError {
    /// The file is not an .xlsx workbook.
    #[error("`{path}` is not an .xlsx workbook: {found}")]
    NotAWorkbook {
        /// The file.
        path: String,
        /// What the file is instead.
        found: String,
    },
    /// The workbook has no sheet of that name.
    #[error("the workbook has no sheet `{sheet}` (sheets: {available})")]
    UnknownSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheets.
        available: String,
    },
    /// The sheet has no rows.
    #[error("sheet `{sheet}` is empty")]
    EmptySheet {
        /// The sheet.
        sheet: String,
    },
    /// The sheet lacks required columns.
    #[error("sheet `{sheet}` has no {missing} (its columns: {found})")]
    MissingColumns {
        /// The sheet.
        sheet: String,
        /// The columns missing.
        missing: String,
        /// The sheet's columns.
        found: String,
    },
    /// A column with values but no header.
    #[error("sheet `{sheet}`, column {index} has values but no header")]
    UnnamedColumn {
        /// The sheet.
        sheet: String,
        /// The column's position, from 1.
        index: usize,
    },
    /// The workbook reader failed.
    #[error("cannot read the workbook: {message}")]
    Read {
        /// The reader's reason.
        message: String,
    },
    /// A sheet was named for a file that is not a workbook.
    #[error("a sheet was named (`{sheet}`), but `{path}` is not an .xlsx workbook")]
    SheetWithoutWorkbook {
        /// The file.
        path: String,
        /// The sheet named.
        sheet: String,
    },
    /// A sheet names a cell beyond the last one a sheet can have. No spreadsheet program
    /// writes one, and the workbook reader (calamine) would add its letters or digits up past
    /// `u32` and put the cell somewhere else, so it is refused before the sheet is read.
    #[error("`{part}` in the workbook names cell `{reference}`, beyond the last cell of a sheet (XFD1048576)")]
    CellReference {
        /// The workbook part (a sheet's XML file inside the .xlsx).
        part: String,
        /// The reference, cut to 200 characters.
        reference: String,
    },
    /// A range whose end comes before its start (`C5:A1`): no spreadsheet program writes one,
    /// and the workbook reader would subtract past zero.
    #[error("`{part}` in the workbook has the range `{range}`, which ends before it starts")]
    InvertedRange {
        /// The workbook part (a sheet's XML file inside the .xlsx).
        part: String,
        /// The range, cut to 200 characters.
        range: String,
    },
    /// This build has no .xlsx reader (feature `xlsx` off).
    #[error("this build reads no .xlsx (it was built without the `xlsx` feature); save the sheet as CSV")]
    FeatureDisabled,
}

impl From<XlsxError> for ResponseError {
    fn from(e: XlsxError) -> Self {
        ResponseError::Xlsx(e)
    }
}

/// Metadata columns that KoboToolbox, ODK Central and Survey123 add to an export; skipped
/// by name. The first four also serve as the respondent id, in this order.
pub const METADATA_COLUMNS: &[&str] = &[
    "_uuid",
    "meta/instanceID",
    "_id",
    "_index",
    "_submission_time",
    "_validation_status",
    "_status",
    "_submitted_by",
    "_tags",
    "_notes",
    "_attachments",
    "_geolocation",
    "_xform_id_string",
    "__version__",
    "formhub/uuid",
    "meta/rootUuid",
    "meta/deprecatedID",
    "instanceID",
    "start",
    "end",
    "today",
    "deviceid",
    "KEY",
    "SubmissionDate",
    "SubmitterID",
    "SubmitterName",
    "ReviewState",
];
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
const ID_FALLBACKS: usize = 4;

/// Whether a file starts like an `.xlsx` (a zip archive).
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// What a file that is not a zip archive looks like, for the error message.
fn describe_non_workbook(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "the file is empty".to_owned();
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return "it is an old Excel .xls file (save it as .xlsx or CSV)".to_owned();
    }
    match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(text) => {
            let first = text.lines().next().unwrap_or("");
            if text.trim_start().starts_with(['[', '{']) {
                "it is JSON text (name it .json)".to_owned()
            } else if first.contains([',', ';', '\t']) {
                "it is CSV text (name it .csv)".to_owned()
            } else {
                "it is plain text, not a zip archive".to_owned()
            }
        }
        Err(_) => "it is not a zip archive".to_owned(),
    }
}

/// Checks that `bytes` can be a workbook, naming what they are otherwise.
pub(super) fn check_workbook(path: &str, bytes: &[u8]) -> Result<(), XlsxError> {
    if looks_like_xlsx(bytes) {
        Ok(())
    } else {
        Err(XlsxError::NotAWorkbook { path: path.to_owned(), found: describe_non_workbook(bytes) })
    }
}

#[cfg(not(feature = "xlsx"))]
pub(super) fn read(
    _model: &crate::model::Model,
    path: &str,
    bytes: Vec<u8>,
    _options: &super::ReadOptions,
) -> Result<super::Responses, ResponseError> {
    check_workbook(path, &bytes)?;
    Err(XlsxError::FeatureDisabled.into())
}

#[cfg(feature = "xlsx")]
pub(super) use reader::read;

#[cfg(feature = "xlsx")]
mod refs;

#[cfg(feature = "xlsx")]
mod reader {
    use calamine::{Data, Reader};

    use super::{ID_FALLBACKS, METADATA_COLUMNS, XlsxError, check_workbook};
    use crate::limits::Limit;
    use crate::model::Model;
    use crate::responses::options::Fixed;
    use crate::responses::units::{Collector, check_value, is_unit_column};
    use crate::responses::{
        ReadOptions, ResponseError, Responses, check_unique_columns, is_missing_token, parse_answer,
    };
    use crate::text::normalize;

    enum Column {
        Respondent,
        Role,
        Item(usize),
        Filter(usize),
        Unit(usize),
        Ignored,
    }

    /// The used cells of `sheet` as a range, as `worksheet_range` reads it (empty cells
    /// skipped), but refusing a range wider than [`Limit::Columns`], taller than
    /// [`Limit::Respondents`] allows, or of more than [`Limit::SheetCells`] cells before the
    /// dense range is allocated.
    fn bounded_range(
        workbook: &mut calamine::Xlsx<std::io::Cursor<Vec<u8>>>,
        sheet: &str,
    ) -> Result<calamine::Range<Data>, ResponseError> {
        let read = |e: calamine::XlsxError| XlsxError::Read { message: e.to_string() };
        let mut reader = match workbook.worksheet_cells_reader(sheet) {
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(calamine::Range::default()),
            other => other.map_err(read)?,
        };
        let mut cells = Vec::new();
        let (mut rows, mut cols) = ((u32::MAX, 0), (u32::MAX, 0));
        while let Some(cell) = reader.next_cell().map_err(read)? {
            if matches!(cell.get_value(), calamine::DataRef::Empty) {
                continue;
            }
            let (r, c) = cell.get_position();
            rows = (rows.0.min(r), rows.1.max(r));
            cols = (cols.0.min(c), cols.1.max(c));
            let (height, width) = (u64::from(rows.1 - rows.0) + 1, u64::from(cols.1 - cols.0) + 1);
            Limit::Columns.check(width)?;
            // The header row is no respondent.
            Limit::Respondents.check(height - 1)?;
            Limit::SheetCells.check((height * width).max(cells.len() as u64 + 1))?;
            cells.push(calamine::Cell::new((r, c), Data::from(cell.get_value().clone())));
        }
        Ok(calamine::Range::from_sparse(cells))
    }

    /// Reads the first sheet (or `options.sheet`) of the workbook in `bytes`.
    pub(in crate::responses) fn read(
        model: &Model,
        path: &str,
        bytes: Vec<u8>,
        options: &ReadOptions,
    ) -> Result<Responses, ResponseError> {
        check_workbook(path, &bytes)?;
        super::refs::check(&bytes)?;
        let mut workbook =
            calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| XlsxError::Read { message: e.to_string() })?;
        let names = workbook.sheet_names();
        let sheet = match &options.sheet {
            Some(name) => names
                .iter()
                .find(|n| n.as_str() == name.trim())
                .cloned()
                .ok_or_else(|| XlsxError::UnknownSheet { sheet: name.clone(), available: quoted(&names) })?,
            None => names.first().cloned().ok_or(XlsxError::Read { message: "the workbook has no sheets".into() })?,
        };
        let range = bounded_range(&mut workbook, &sheet)?;
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let mut rows = range.rows().enumerate().filter(|(_, row)| row.iter().any(|c| !is_blank(c)));
        let Some((h, header)) = rows.next() else { return Err(XlsxError::EmptySheet { sheet }.into()) };
        let header_row = first_row + h + 1;
        let names: Vec<String> = header.iter().map(|c| cell_text(c).trim().to_owned()).collect();
        options.check_department(&names)?;
        let mut ignored = Vec::new();
        let columns = classify(model, &sheet, &names, options, &range, h, &mut ignored)?;
        let (id_col, role_col) = (find(&columns, &names, true), find(&columns, &names, false));

        let mut out = Responses::new(model);
        let mut answers = Vec::with_capacity(model.items().len());
        let unit_names = columns
            .iter()
            .zip(&names)
            .filter(|(c, _)| matches!(c, Column::Unit(_)))
            .map(|(_, n)| if options.fixed(n) == Some(Fixed::Department) { "department".to_owned() } else { n.clone() })
            .collect();
        let mut units = Collector::new(unit_names);
        for (i, row) in rows {
            let line = first_row + i + 1;
            debug_assert!(line > header_row);
            let respondent = cell_text(&row[id_col]);
            let respondent = respondent.trim();
            answers.clear();
            for (cell, column) in row.iter().zip(&columns) {
                let Column::Item(item) = column else { continue };
                if let Some(value) = answer(model, line, respondent, *item, cell)? {
                    answers.push((*item, value));
                }
            }
            let role = options.resolve_role(model, line, respondent, &cell_text(&row[role_col]))?;
            out.push(model, line, respondent, &role, answers.iter().copied())?;
            let texts: Vec<(usize, String)> = row
                .iter()
                .zip(&columns)
                .filter_map(|(cell, c)| if let Column::Filter(f) = c { Some((*f, cell_text(cell))) } else { None })
                .collect();
            let filters: Vec<(usize, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
            out.set_filters(model, line, &filters)?;
            for (cell, column) in row.iter().zip(&columns) {
                if let Column::Unit(j) = column {
                    let value = check_value(model, line, &units.names[*j], &cell_text(cell))?;
                    units.values[*j].push(value);
                }
            }
        }
        units.finish(&mut out);
        out.ignored = ignored;
        out.finish()
    }

    /// Column kinds by header name; names what is missing or unknown.
    fn classify(
        model: &Model,
        sheet: &str,
        names: &[String],
        options: &ReadOptions,
        range: &calamine::Range<Data>,
        header_index: usize,
        ignored: &mut Vec<String>,
    ) -> Result<Vec<Column>, ResponseError> {
        check_unique_columns(names.iter().map(String::as_str).filter(|n| !n.is_empty()))?;
        let mut columns = Vec::with_capacity(names.len());
        let mut units = 0;
        for (index, name) in names.iter().enumerate() {
            let column = match (options.fixed(name), name.as_str()) {
                (Some(Fixed::Respondent), _) => Column::Respondent,
                (Some(Fixed::Role), _) => Column::Role,
                (Some(Fixed::Ignored), _) => Column::Ignored,
                (Some(Fixed::Department), _) => {
                    units += 1;
                    Column::Unit(units - 1)
                }
                (None, n) if METADATA_COLUMNS.contains(&n) => Column::Ignored,
                (None, n) if is_unit_column(n, &options.unit_columns) => {
                    units += 1;
                    Column::Unit(units - 1)
                }
                (None, "") => {
                    let used =
                        range.rows().skip(header_index + 1).any(|row| row.get(index).is_some_and(|c| !is_blank(c)));
                    if used {
                        return Err(XlsxError::UnnamedColumn { sheet: sheet.to_owned(), index: index + 1 }.into());
                    }
                    Column::Ignored
                }
                (None, n) => match (model.item_index(n), model.filter_index(n)) {
                    (Some(i), _) => Column::Item(i),
                    (None, Some(f)) => Column::Filter(f),
                    (None, None) if options.ignore_unknown_columns => {
                        ignored.push(n.to_owned());
                        Column::Ignored
                    }
                    (None, None) => {
                        return Err(ResponseError::UnknownColumn { column: n.to_owned(), index: index + 1 });
                    }
                },
            };
            columns.push(column);
        }
        let has_id = columns.iter().any(|c| matches!(c, Column::Respondent))
            || names.iter().any(|n| METADATA_COLUMNS[..ID_FALLBACKS].contains(&n.as_str()));
        let mut missing = Vec::new();
        if !has_id {
            let id = options.respondent_column();
            missing.push(format!("`{id}` column (nor `_uuid`, `meta/instanceID`, `_id`, `_index`)"));
        }
        if !columns.iter().any(|c| matches!(c, Column::Role)) {
            missing.push(format!("`{}` column", options.role_column()));
        }
        if !columns.iter().any(|c| matches!(c, Column::Item(_))) {
            let example = model.items().first().map_or(String::new(), |i| format!(" such as `{}`", i.id));
            missing.push(format!("item column{example}"));
        }
        if !missing.is_empty() {
            let found = names.iter().filter(|n| !n.is_empty()).map(String::as_str).collect::<Vec<_>>();
            return Err(XlsxError::MissingColumns {
                sheet: sheet.to_owned(),
                missing: missing.join(", no "),
                found: quoted(&found),
            }
            .into());
        }
        Ok(columns)
    }

    /// The respondent column (`respondent`, else the first id fallback present) or the role column.
    fn find(columns: &[Column], names: &[String], respondent: bool) -> usize {
        if !respondent {
            return columns.iter().position(|c| matches!(c, Column::Role)).expect("checked in classify");
        }
        columns.iter().position(|c| matches!(c, Column::Respondent)).unwrap_or_else(|| {
            METADATA_COLUMNS[..ID_FALLBACKS]
                .iter()
                .find_map(|m| names.iter().position(|n| n == m))
                .expect("checked in classify")
        })
    }

    /// One answer cell: `None` for no answer ("dk", "Ved ikke", empty), else the integer.
    fn answer(
        model: &Model,
        row: usize,
        respondent: &str,
        item: usize,
        cell: &Data,
    ) -> Result<Option<i64>, ResponseError> {
        let not_integer = |value: String| ResponseError::NotInteger {
            row,
            respondent: respondent.to_owned(),
            column: model.items()[item].id.clone(),
            value,
        };
        match cell {
            Data::Empty => Ok(None),
            Data::Int(v) => Ok(Some(*v)),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(Some(*f as i64)),
            Data::String(s) if is_no_answer(model, s) => Ok(None),
            Data::String(s) => parse_answer(s).map(Some).ok_or_else(|| not_integer(s.clone())),
            other => Err(not_integer(cell_text(other))),
        }
    }

    /// "dk" (the XLSForm choice), the model's own "don't know" label, or a CSV missing token.
    fn is_no_answer(model: &Model, cell: &str) -> bool {
        let t = cell.trim();
        is_missing_token(t)
            || t.eq_ignore_ascii_case(crate::questionnaire::DONT_KNOW)
            || model.scale().missing.as_ref().is_some_and(|m| m.0.values().any(|l| normalize(l) == normalize(t)))
    }

    fn is_blank(cell: &Data) -> bool {
        match cell {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// A cell as text: whole floats without `.0` (ids such as `_id` 17 read as "17").
    fn cell_text(cell: &Data) -> String {
        match cell {
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            other => other.to_string(),
        }
    }

    fn quoted<S: AsRef<str>>(names: &[S]) -> String {
        names.iter().map(|n| format!("`{}`", n.as_ref())).collect::<Vec<_>>().join(", ")
    }
}

//! `tm_table`: the long ("tidy") table behind the BI exports of an assessment, a portfolio
//! analysis, a plan and a match (the CLI's `--format csv|xlsx`), read cell by cell as typed
//! values (no JSON to parse) or written to a CSV file or a workbook, whole or not at all.

use std::ffi::{CString, c_char};

use transform_model::Lang;
use transform_model::export::{self, Cell, ExportError, Format, Table};

use crate::assessment::tm_assessment;
use crate::catalog::tm_match_result;
use crate::error::*;
use crate::plan::tm_plan;
use crate::portfolio::{analysis_options, lang, tm_portfolio, tm_portfolio_options};

/// A table (immutable; share freely between threads). Its texts are in the language it was
/// made in; numbers are numbers.
pub struct tm_table {
    inner: Table,
    lang: Lang,
    headers: Vec<CString>,
    names: Vec<CString>,
    /// The text cells, per section, row and column (None for a number or an empty cell).
    texts: Vec<Vec<Vec<Option<CString>>>>,
}

/// The kind of a cell.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_cell_kind {
    /// No value (a figure that is not reported).
    TM_CELL_EMPTY = 0,
    TM_CELL_TEXT = 1,
    TM_CELL_NUMBER = 2,
    /// A number of kroner.
    TM_CELL_KRONER = 3,
}

/// One cell: `number` for a number or kroner (else NaN), `text` for a text (else NULL;
/// owned by the table, valid until it is freed).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_cell {
    pub number: f64,
    pub text: *const c_char,
    /// A `tm_cell_kind`.
    pub kind: u32,
    /// Always 0.
    pub reserved: u32,
}

/// The file format of an export.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_export_format {
    /// A long table, one row per figure; `;` and decimal comma in Danish.
    TM_EXPORT_CSV = 0,
    /// A workbook, one sheet per section.
    TM_EXPORT_XLSX = 1,
}

impl From<ExportError> for Fail {
    fn from(e: ExportError) -> Self {
        let status = match e {
            ExportError::NoFolder { .. } | ExportError::Write { .. } => TM_STATUS_IO_ERROR,
            ExportError::UnknownFormat(_) => TM_STATUS_INVALID_ARGUMENT,
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

fn cs(s: &str) -> CString {
    CString::new(s.replace('\0', " ")).unwrap_or_default()
}

/// Moves `table` into a new handle at `out`.
///
/// # Safety
/// `out` is NULL or writable storage for a handle.
unsafe fn put(out: *mut *mut tm_table, table: Table, lang: Lang) -> Result<()> {
    let headers = table.columns.iter().map(|c| cs(&c.header)).collect();
    let names = table.sections.iter().map(|s| cs(&s.name)).collect();
    let text = |c: &Cell| match c {
        Cell::Text(s) => Some(cs(s)),
        _ => None,
    };
    let texts = table.sections.iter().map(|s| s.rows.iter().map(|r| r.iter().map(text).collect()).collect()).collect();
    // SAFETY: as this function's caller promises for `out`.
    unsafe { write_handle(out, "out", tm_table { inner: table, lang, headers, names, texts }) }
}

/// The assessment's table (the CLI's `assess --format csv|xlsx`), in `lang` (a `tm_lang`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_table(
    a: *const tm_assessment,
    lang_: u32,
    out: *mut *mut tm_table,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let l = lang(lang_)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, export::assessment_table(&a.inner, l), l) }
    })
}

/// The portfolio analysis's table (the CLI's `portfolio --format csv|xlsx`); `options` may
/// be NULL (defaults; its `lang` is the table's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_table(
    p: *const tm_portfolio,
    options: *const tm_portfolio_options,
    out: *mut *mut tm_table,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "portfolio") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `options` is NULL or a live options struct.
        let options = unsafe { analysis_options(options) }?;
        let analysis = p.inner.analyse(&options)?;
        let table = export::portfolio_table(&p.inner, &analysis, options.lang);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, table, options.lang) }
    })
}

/// The plan's table (the CLI's `plan --format csv|xlsx`), in `lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_table(p: *const tm_plan, lang_: u32, out: *mut *mut tm_table) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "plan") }?;
        out_arg(out, "out")?;
        let l = lang(lang_)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, export::plan_table(&p.inner, l), l) }
    })
}

/// The match's table (the CLI's `match --format csv|xlsx`): every ingredient with its
/// figures and sources, in `lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_match_result_table(
    r: *const tm_match_result,
    lang_: u32,
    out: *mut *mut tm_table,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `r` is NULL or a live handle from this library.
        let r = unsafe { handle(r, "match result") }?;
        out_arg(out, "out")?;
        let l = lang(lang_)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, export::match_table(&r.inner, None, l), l) }
    })
}

/// Number of columns (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_column_count(t: *const tm_table) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(t) }.map_or(0, |t| t.headers.len()))
}

/// Number of sections (a workbook's sheets; 0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_section_count(t: *const tm_table) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(t) }.map_or(0, |t| t.names.len()))
}

/// Number of rows of section `section` (0 for NULL or a section past the end).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_row_count(t: *const tm_table, section: usize) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(t) }.and_then(|t| t.inner.sections.get(section)).map_or(0, |s| s.rows.len()))
}

fn range(what: &str, index: usize, count: usize) -> Fail {
    Fail::new(TM_STATUS_OUT_OF_RANGE, format!("{what} {index} of {count}"))
}

/// The header of column `index` (owned by the table, valid until it is freed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_column(t: *const tm_table, index: usize, out: *mut *const c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
        let t = unsafe { handle(t, "table") }?;
        let h = t.headers.get(index).ok_or_else(|| range("column", index, t.headers.len()))?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", h.as_ptr()) }
    })
}

/// The name of section `index` (owned by the table, valid until it is freed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_section(t: *const tm_table, index: usize, out: *mut *const c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
        let t = unsafe { handle(t, "table") }?;
        let n = t.names.get(index).ok_or_else(|| range("section", index, t.names.len()))?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", n.as_ptr()) }
    })
}

/// The cell at `row`, `column` of section `section`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_cell(
    t: *const tm_table,
    section: usize,
    row: usize,
    column: usize,
    out: *mut tm_cell,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
        let t = unsafe { handle(t, "table") }?;
        out_arg(out, "out")?;
        let s = t.inner.sections.get(section).ok_or_else(|| range("section", section, t.inner.sections.len()))?;
        let r = s.rows.get(row).ok_or_else(|| range("row", row, s.rows.len()))?;
        let c = r.get(column).ok_or_else(|| range("column", column, r.len()))?;
        let text = t.texts[section][row][column].as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        let (kind, number) = match c {
            Cell::Text(_) => (tm_cell_kind::TM_CELL_TEXT, f64::NAN),
            Cell::Number(x) => (tm_cell_kind::TM_CELL_NUMBER, *x),
            Cell::Kroner(x) => (tm_cell_kind::TM_CELL_KRONER, *x),
            _ => (tm_cell_kind::TM_CELL_EMPTY, f64::NAN),
        };
        let value = tm_cell { number, text, kind: kind as u32, reserved: 0 };
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", value) }
    })
}

/// Writes the table to `path` as `format` (a `tm_export_format`), whole or not at all; CSV
/// uses `;` and a decimal comma when the table is Danish.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_export(t: *const tm_table, format: u32, path: *const c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a live handle from this library.
        let t = unsafe { handle(t, "table") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        let kind = match format {
            0 => Format::Csv,
            1 => Format::Xlsx,
            other => {
                return Err(Fail::new(
                    TM_STATUS_INVALID_ARGUMENT,
                    format!("format {other} is not a tm_export_format (0 csv, 1 xlsx)"),
                ));
            }
        };
        export::write_file(&t.inner, kind, t.lang, std::path::Path::new(path))?;
        Ok(())
    })
}

/// Releases a table (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_table_free(t: *mut tm_table) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `t` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(t) };
}

//! `tm_read_options`: how a survey tool's export is read (the CLI's `--respondent-column`,
//! `--role-column`, `--department-column`, `--columns`, `--role-values`, `--ignore-columns`,
//! `--ignore-unknown-columns`, `--sheet`), converted to the core's one `ReadOptions`.

use std::ffi::c_char;

use transform_model::responses::{ColumnMap, ColumnMapError, ReadOptions};

use crate::error::*;

impl From<ColumnMapError> for Fail {
    fn from(e: ColumnMapError) -> Self {
        Fail(TM_STATUS_PARSE_ERROR, e.to_string())
    }
}

/// How responses are read; start from `tm_read_options_default()` (every field NULL or 0:
/// the columns `respondent`, `role` and `department`, strict about unknown columns). A
/// separate struct, so that `tm_assess_options` keeps its layout. Widest fields first, no
/// hidden padding; `reserved` must stay 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_read_options {
    /// The column with the respondent id (NULL = `respondent`), e.g. "Respondent-ID".
    pub respondent_column: *const c_char,
    /// The column with the role (NULL = `role`), e.g. "Hvad er din rolle?".
    pub role_column: *const c_char,
    /// The column with the department, read as the unit column `department`; NULL = none.
    pub department_column: *const c_char,
    /// A column-map file (`.toml`, else CSV rows `key,value`) naming the three columns, the
    /// role values and the columns to ignore; the fields above win over it. NULL = none.
    pub columns: *const c_char,
    /// A column map's text instead of a file (TOML when `columns_toml` is 1, else CSV);
    /// NULL = none. Giving both `columns` and `columns_text` is refused.
    pub columns_text: *const c_char,
    /// Role values as the export writes them (`role_value_count` strings, NULL when 0), each
    /// mapped to the role id `role_value_roles[i]`. Role ids and the model's own role labels
    /// need no entry.
    pub role_values: *const *const c_char,
    pub role_value_roles: *const *const c_char,
    pub role_value_count: usize,
    /// Columns to skip (`ignore_column_count` strings, NULL when 0), e.g. "Starttidspunkt".
    pub ignore_columns: *const *const c_char,
    pub ignore_column_count: usize,
    /// The sheet of an .xlsx workbook; NULL = the first.
    pub sheet: *const c_char,
    /// 1: skip every column that is neither an item nor a known column (the assessment
    /// lists them); 0 (default): such a column is an error, so a misspelt item is never lost.
    pub ignore_unknown_columns: u8,
    /// 1: `columns_text` is TOML; 0: CSV.
    pub columns_toml: u8,
    /// Always 0.
    pub reserved: [u8; 6],
}

/// The defaults: every pointer NULL, every count and flag 0.
#[unsafe(no_mangle)]
pub extern "C" fn tm_read_options_default() -> tm_read_options {
    tm_read_options {
        respondent_column: std::ptr::null(),
        role_column: std::ptr::null(),
        department_column: std::ptr::null(),
        columns: std::ptr::null(),
        columns_text: std::ptr::null(),
        role_values: std::ptr::null(),
        role_value_roles: std::ptr::null(),
        role_value_count: 0,
        ignore_columns: std::ptr::null(),
        ignore_column_count: 0,
        sheet: std::ptr::null(),
        ignore_unknown_columns: 0,
        columns_toml: 0,
        reserved: [0; 6],
    }
}

/// An optional string field, owned and trimmed.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string living for the call.
unsafe fn field(p: *const c_char, name: &str) -> Result<Option<String>> {
    // SAFETY: as this function's caller promises for `p`.
    Ok(unsafe { opt_str_arg(p, name) }?.map(|s| s.trim().to_owned()))
}

/// The column map of `columns` (a file) or `columns_text`, or the empty map.
///
/// # Safety
/// The two string fields of `r` are NULL or NUL-terminated strings living for the call.
unsafe fn column_map(r: &tm_read_options) -> Result<ColumnMap> {
    // SAFETY: as this function's caller promises for `r.columns`.
    let path = unsafe { opt_str_arg(r.columns, "columns") }?;
    // SAFETY: as this function's caller promises for `r.columns_text`.
    let text = unsafe { opt_str_arg(r.columns_text, "columns_text") }?;
    match (path, text) {
        (Some(_), Some(_)) => {
            Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, "give `columns` (a file) or `columns_text`, not both"))
        }
        (Some(path), None) => {
            let text = transform_model::limits::read_text(std::path::Path::new(path))
                .map_err(|e| Fail::new(TM_STATUS_IO_ERROR, format!("cannot read columns `{path}`: {e}")))?;
            let toml = std::path::Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            ColumnMap::parse(&text, toml).map_err(|e| Fail::from(e).context(&format!("columns `{path}`")))
        }
        (None, Some(text)) => ColumnMap::parse(text, flag(r.columns_toml, "columns_toml")?)
            .map_err(|e| Fail::from(e).context("columns_text")),
        (None, None) => Ok(ColumnMap::default()),
    }
}

/// The core's read options, as the CLI builds them from its flags: the fields over the map,
/// the role values added to the map's, `extra_ignore` (from `tm_assess_options`) beside
/// `ignore_columns`, and `unit_columns` (`--by`). `r` = None is the defaults.
///
/// # Safety
/// Every pointer inside `r` is NULL or valid as the C API's contract says.
pub(crate) unsafe fn convert(
    r: Option<&tm_read_options>,
    unit_columns: &[String],
    extra_ignore: &[String],
    sheet: Option<String>,
) -> Result<ReadOptions> {
    let r = r.copied().unwrap_or_else(|| tm_read_options_default());
    if r.reserved != [0; 6] {
        return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, "tm_read_options.reserved is not 0"));
    }
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): the map's fields are NULL or strings.
    let mut map = unsafe { column_map(&r) }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): each column field is NULL or a string.
    map.respondent = unsafe { field(r.respondent_column, "respondent_column") }?.or(map.respondent);
    // SAFETY: as above.
    map.role = unsafe { field(r.role_column, "role_column") }?.or(map.role);
    // SAFETY: as above.
    map.department = unsafe { field(r.department_column, "department_column") }?.or(map.department);
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): both lists are NULL or hold their count of strings.
    let values = unsafe { str_list(r.role_values, r.role_value_count, "role_values") }?;
    // SAFETY: as above.
    let roles = unsafe { str_list(r.role_value_roles, r.role_value_count, "role_value_roles") }?;
    for (value, role) in values.iter().zip(&roles) {
        map.role_values.insert(value.trim().to_owned(), role.trim().to_owned());
    }
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): the list is NULL or holds its count of strings.
    let ignore = unsafe { str_list(r.ignore_columns, r.ignore_column_count, "ignore_columns") }?;
    let mut o = ReadOptions::default();
    o.columns = map;
    o.ignore_columns =
        ignore.iter().chain(extra_ignore).map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
    o.ignore_unknown_columns = flag(r.ignore_unknown_columns, "ignore_unknown_columns")?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `sheet` is NULL or a string.
    o.sheet = unsafe { field(r.sheet, "sheet") }?.or(sheet);
    o.unit_columns = unit_columns.to_vec();
    Ok(o)
}

/// A 0/1 flag; anything else is refused rather than read as true.
pub(crate) fn flag(v: u8, name: &str) -> Result<bool> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("{name} {other} is not 0 or 1"))),
    }
}

/// `count` NUL-terminated strings (NULL with a count of 0 is the empty list).
///
/// # Safety
/// `p` is NULL or points to `count` pointers, each NULL or a NUL-terminated string.
pub(crate) unsafe fn str_list(p: *const *const c_char, count: usize, name: &str) -> Result<Vec<String>> {
    // SAFETY: as this function's caller promises for `p` and `count`.
    let list = unsafe { slice_arg(p, count, name) }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `s` is NULL or a NUL-terminated string.
    list.iter().enumerate().map(|(i, &s)| unsafe { str_arg(s, &format!("{name}[{i}]")) }.map(str::to_owned)).collect()
}

//! Item analysis as JSON (the same as the CLI's `items`).

use std::ffi::c_char;

use transform_model::Responses;
use transform_model::maturity::{ItemOptions, item_analysis};
use transform_model::responses::ReadOptions;

use crate::error::*;
use crate::model::tm_model;
use crate::read_options::{flag, str_list, tm_read_options};
use crate::source::Source;

unsafe fn run(model: *const tm_model, csv: *const c_char, o: ItemOptions, out: *mut *mut c_char) -> Result<()> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    let model = &unsafe { handle(model, "model") }?.inner;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `csv` is NULL or a NUL-terminated string.
    let csv = unsafe { str_arg(csv, "csv") }?;
    out_arg(out, "out")?;
    let responses = Responses::from_csv_str(model, csv, &ReadOptions::default())?;
    let result = item_analysis(model, &responses, &o)?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
    unsafe { write_out(out, "out", c_string(result.to_json())) }?;
    Ok(())
}

/// Item analysis of wide CSV text with the defaults (k = 5, no per-role analysis), as JSON
/// (free with `tm_string_free`): per item n, mean, sd, share "ved ikke", item-rest r, alpha
/// if deleted, flags; per dimension alpha, standardised alpha, average r, omega total, flags.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_item_analysis_json(
    model: *const tm_model,
    csv: *const c_char,
    out: *mut *mut c_char,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires.
    guard(|| unsafe { run(model, csv, ItemOptions::default(), out) })
}

/// As `tm_item_analysis_json` with k (`min_group_size`; 3 ≤ k < 5 needs
/// `allow_small_groups` = 1), and `by_role` = 1 for the role groups of at least k.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_item_analysis_json_ex(
    model: *const tm_model,
    csv: *const c_char,
    min_group_size: u32,
    allow_small_groups: u8,
    by_role: u8,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        let flag = |v: u8, name: &str| match v {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("{name} {other} is not 0 or 1"))),
        };
        let mut o = ItemOptions::default();
        o.min_group_size = min_group_size as usize;
        o.allow_small_groups = flag(allow_small_groups, "allow_small_groups")?;
        o.by_role = flag(by_role, "by_role")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
        // requires.
        unsafe { run(model, csv, o, out) }
    })
}

/// Options of an item analysis (the CLI's `items`); start from `tm_items_options_default()`.
/// Widest fields first, no hidden padding; `reserved` must stay 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_items_options {
    /// Earlier published item analyses (the JSON of `tm_items_csv` or the CLI's `items`) of
    /// the same survey: an item whose n differs from theirs by 1 to k − 1 is withheld.
    /// `audit_against_count` strings, or NULL when 0.
    pub audit_against_json: *const *const c_char,
    pub audit_against_count: usize,
    /// Minimum respondents behind any figure (k), default 5.
    pub min_group_size: u32,
    /// Minimum respondents behind an SD, item-rest r, alpha and omega; default 10.
    pub min_dispersion_n: u32,
    /// 1 allows 3 ≤ k < 5 (a small pilot).
    pub allow_small_groups: u8,
    /// 1 also analyses each role group of at least k respondents on its own.
    pub by_role: u8,
    /// Always 0.
    pub reserved: [u8; 6],
}

/// The documented defaults (the core's).
#[unsafe(no_mangle)]
pub extern "C" fn tm_items_options_default() -> tm_items_options {
    let fallback = tm_items_options {
        audit_against_json: std::ptr::null(),
        audit_against_count: 0,
        min_group_size: 5,
        min_dispersion_n: 10,
        allow_small_groups: 0,
        by_role: 0,
        reserved: [0; 6],
    };
    guard_value(fallback, || {
        let d = ItemOptions::default();
        tm_items_options {
            min_group_size: d.min_group_size as u32,
            min_dispersion_n: d.min_dispersion_n as u32,
            allow_small_groups: d.allow_small_groups as u8,
            by_role: d.by_role as u8,
            ..fallback
        }
    })
}

/// # Safety
/// The pointers inside `o` are NULL or valid as the C API's contract says.
unsafe fn items_options(o: Option<&tm_items_options>) -> Result<ItemOptions> {
    let o = o.copied().unwrap_or_else(|| tm_items_options_default());
    if o.reserved != [0; 6] {
        return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, "tm_items_options.reserved is not 0"));
    }
    let mut items = ItemOptions::default();
    items.min_group_size = o.min_group_size as usize;
    items.min_dispersion_n = o.min_dispersion_n as usize;
    items.allow_small_groups = flag(o.allow_small_groups, "allow_small_groups")?;
    items.by_role = flag(o.by_role, "by_role")?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): the list is NULL or holds its count of strings.
    let earlier = unsafe { str_list(o.audit_against_json, o.audit_against_count, "audit_against_json") }?;
    for (i, text) in earlier.iter().enumerate() {
        let a = serde_json::from_str(text).map_err(|e| {
            Fail::new(TM_STATUS_PARSE_ERROR, format!("audit_against_json[{i}]: not an item analysis JSON: {e}"))
        })?;
        items.audit_against.push(a);
    }
    Ok(items)
}

/// # Safety
/// Every pointer is NULL or valid as the C API's contract says.
unsafe fn run_ex(
    model: *const tm_model,
    source: Source,
    read: *const tm_read_options,
    options: *const tm_items_options,
    out: *mut *mut c_char,
) -> Result<()> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    let model = &unsafe { handle(model, "model") }?.inner;
    out_arg(out, "out")?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `options` is NULL or a live struct whose pointers
    // are NULL or valid.
    let options = unsafe { items_options(opt_handle(options)) }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `read` is NULL or a live struct whose pointers are
    // NULL or valid.
    let read = unsafe { crate::read_options::convert(opt_handle(read), &[], &[], None) }?;
    let responses = source.read(model, &read)?;
    let result = item_analysis(model, &responses, &options)?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
    unsafe { write_out(out, "out", c_string(result.to_json())) }?;
    Ok(())
}

/// Item analysis of wide CSV text as JSON (the CLI's `items`; free with `tm_string_free`),
/// read with `read` (NULL: the columns `respondent`, `role`) and `options` (NULL: defaults).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_items_csv(
    model: *const tm_model,
    csv: *const c_char,
    read: *const tm_read_options,
    options: *const tm_items_options,
    out: *mut *mut c_char,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as
    // `run_ex` requires; `csv` is NULL or a NUL-terminated string.
    guard(|| unsafe { run_ex(model, Source::Csv(str_arg(csv, "csv")?), read, options, out) })
}

/// As `tm_items_csv`, of a file (wide CSV, `.xlsx` or long JSON; `sample`, when no file of
/// that name exists, is the bundled sample survey).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_items_file(
    model: *const tm_model,
    path: *const c_char,
    read: *const tm_read_options,
    options: *const tm_items_options,
    out: *mut *mut c_char,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as
    // `run_ex` requires; `path` is NULL or a NUL-terminated string.
    guard(|| unsafe { run_ex(model, Source::File(str_arg(path, "path")?), read, options, out) })
}

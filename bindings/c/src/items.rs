//! Item analysis as JSON (the same as the CLI's `items`).

use std::ffi::c_char;

use transform_model::Responses;
use transform_model::maturity::{ItemOptions, item_analysis};
use transform_model::responses::ReadOptions;

use crate::error::*;
use crate::model::tm_model;

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

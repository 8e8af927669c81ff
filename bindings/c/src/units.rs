//! The breakdown by unit of a `tm_assessment` (`tm_assess_options.unit_columns`): its cells,
//! their figures per dimension and the suppression counts. The breakdown and its disclosure
//! audit are the core's (the CLI's `--by`); this module only reads them out.

use std::ffi::c_char;

use transform_model::Assessment;

use crate::assessment::{finish, tm_assessment};
use crate::error::*;

/// One cell of the breakdown: a department (or department/unit), for all roles or one role
/// group. The strings are owned by the assessment (valid until it is freed); `unit` and
/// `role` are NULL for the department as a whole and for all roles. `n` is 0 with `has_n` 0
/// when the cell is suppressed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_unit_result {
    pub department: *const c_char,
    pub unit: *const c_char,
    pub role: *const c_char,
    /// Respondents in the cell.
    pub n: usize,
    /// Dimensions of the cell (the model's), read with `tm_assessment_unit_dimension`.
    pub dimension_count: usize,
    pub has_n: u8,
    /// Always 0.
    pub reserved: [u8; 7],
}

/// One dimension of a unit cell; a suppressed figure has its `has_…` flag 0 and is NaN (0 for `n`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_unit_dimension {
    pub score: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    /// Owned by the assessment, as `tm_dimension_result.id`.
    pub id: *const c_char,
    pub n: usize,
    pub has_score: u8,
    pub has_n: u8,
    pub has_ci: u8,
    /// Always 0.
    pub reserved: [u8; 5],
}

/// Number of cells in the breakdown (0 without one, or for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_unit_count(a: *const tm_assessment) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(a) }.map_or(0, |a| a.inner.units.len()))
}

fn out_of_range(what: &str, index: usize, count: usize) -> Fail {
    Fail::new(TM_STATUS_OUT_OF_RANGE, format!("{what} {index} of {count}"))
}

fn c_ptr(s: &Option<std::ffi::CString>) -> *const c_char {
    s.as_ref().map_or(std::ptr::null(), |s| s.as_ptr())
}

/// Cell `index` of the breakdown (the order of the JSON `units`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_unit(
    a: *const tm_assessment,
    index: usize,
    out: *mut tm_unit_result,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let units = &a.inner.units;
        let u = units.get(index).ok_or_else(|| out_of_range("unit", index, units.len()))?;
        let [department, unit, role] = &a.unit_names[index];
        let value = tm_unit_result {
            department: c_ptr(department),
            unit: c_ptr(unit),
            role: c_ptr(role),
            n: u.n.unwrap_or(0),
            dimension_count: u.dimensions.len(),
            has_n: u.n.is_some().into(),
            reserved: [0; 7],
        };
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", value) }
    })
}

/// Dimension `dimension` (model order) of cell `unit`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_unit_dimension(
    a: *const tm_assessment,
    unit: usize,
    dimension: usize,
    out: *mut tm_unit_dimension,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let units = &a.inner.units;
        let u = units.get(unit).ok_or_else(|| out_of_range("unit", unit, units.len()))?;
        let d = u.dimensions.get(dimension).ok_or_else(|| out_of_range("dimension", dimension, u.dimensions.len()))?;
        let [lo, hi] = d.ci.unwrap_or([f64::NAN; 2]);
        let id = a.dimension_id(&d.id);
        let value = tm_unit_dimension {
            score: d.score.unwrap_or(f64::NAN),
            ci_low: lo,
            ci_high: hi,
            id,
            n: d.n.unwrap_or(0),
            has_score: d.score.is_some().into(),
            has_n: d.n.is_some().into(),
            has_ci: d.ci.is_some().into(),
            reserved: [0; 5],
        };
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", value) }
    })
}

/// How many cells disclosure control withheld over everything the assessment publishes:
/// `primary` (fewer than k respondents) and `secondary` (withheld so that no withheld cell or
/// respondent can be derived from the published ones, e.g. by subtracting departments from
/// the whole).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_suppression(
    a: *const tm_assessment,
    primary: *mut usize,
    secondary: *mut usize,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(primary, "primary")?;
        out_arg(secondary, "secondary")?;
        let s = a.inner.suppression;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `primary` is writable storage for the result.
        unsafe { write_out(primary, "primary", s.primary) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `secondary` is writable storage for the result.
        unsafe { write_out(secondary, "secondary", s.secondary) }
    })
}

/// Reads an assessment written by `tm_assessment_to_json` (or the CLI's `assess`): an
/// earlier round, or one to report or benchmark.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_from_json(json: *const c_char, out: *mut *mut tm_assessment) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `json` is NULL or a NUL-terminated string.
        let json = unsafe { str_arg(json, "json") }?;
        out_arg(out, "out")?;
        let a = Assessment::from_json(json)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { finish(out, a) }
    })
}

//! `tm_assessment_compare_json`: the change from an earlier round, as JSON.

use std::ffi::c_char;

use transform_model::maturity::compare_rounds;

use crate::assessment::tm_assessment;
use crate::error::*;

/// The changes from `baseline` (an earlier round) to `current`, per dimension and per
/// group × dimension, with Welch intervals and Holm-adjusted significance, as the
/// `round_comparison` JSON (docs/schema/round_comparison.json). Both must use the same model
/// and weighting (`TM_STATUS_VALIDATION_ERROR` otherwise). Free `*out` with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_compare_json(
    current: *const tm_assessment,
    baseline: *const tm_assessment,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `current` is NULL or a live handle from this
        // library.
        let current = unsafe { handle(current, "current") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `baseline` is NULL or a live handle from this
        // library.
        let baseline = unsafe { handle(baseline, "baseline") }?;
        out_arg(out, "out")?;
        let comparison = compare_rounds(&current.inner, &baseline.inner)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(comparison.to_json())) }?;
        Ok(())
    })
}

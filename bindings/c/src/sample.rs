//! `tm_sample_csv`: synthetic responses (the CLI's `sample`), for demos and tests.

use std::ffi::c_char;

use transform_model::limits::Limit;
use transform_model::maturity::sample;

use crate::error::*;
use crate::model::tm_model;

/// Synthetic responses to `model` as wide CSV text (free with `tm_string_free`): `respondents`
/// drawn over the roles with `seed`, or, when `role_count` > 0, fixed head counts
/// (`role_ids[i]` gets `counts[i]`; other roles none; `respondents` is then ignored). The
/// same seed gives the same text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_sample_csv(
    model: *const tm_model,
    respondents: usize,
    seed: u64,
    role_ids: *const *const c_char,
    counts: *const usize,
    role_count: usize,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
        let m = &unsafe { handle(model, "model") }?.inner;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `role_ids` is NULL or points to `role_count`
        // strings.
        let ids = unsafe { slice_arg(role_ids, role_count, "role_ids") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `counts` is NULL or points to `role_count` sizes.
        let ns = unsafe { slice_arg(counts, role_count, "counts") }?;
        let fixed = if role_count == 0 {
            None
        } else {
            let mut per_role = vec![0; m.roles().len()];
            for (i, (&id, &n)) in ids.iter().zip(ns).enumerate() {
                // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): each role id is NULL or a NUL-terminated
                // string.
                let id = unsafe { str_arg(id, &format!("role_ids[{i}]")) }?;
                let r = m.role_index(id).ok_or_else(|| {
                    Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("role_ids[{i}]: unknown role `{id}`"))
                })?;
                per_role[r] = n;
            }
            Some(per_role)
        };
        let size =
            fixed.as_ref().map_or(respondents as u64, |c| c.iter().fold(0u64, |s, &n| s.saturating_add(n as u64)));
        Limit::Respondents.check(size).map_err(|e| Fail::new(TM_STATUS_INVALID_ARGUMENT, e.to_string()))?;
        let text = sample::sample_csv(m, respondents, seed, fixed.as_deref());
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(text)) }
    })
}

//! `tm_model`: the maturity model.

use std::ffi::c_char;

use transform_model::Model;

use crate::error::*;

/// A validated maturity model (immutable; share freely between threads).
pub struct tm_model {
    pub(crate) inner: Model,
}

/// Moves `model` into a new handle at `out`.
///
/// # Safety
/// `out` is NULL or writable storage for a handle.
unsafe fn put(out: *mut *mut tm_model, model: Model) -> Result<()> {
    // SAFETY: as this function's caller promises for `out`.
    unsafe { write_handle(out, "out", tm_model { inner: model }) }
}

/// The embedded default model `dtm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_default(out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Model::default_model()) }?;
        Ok(())
    })
}

/// A model from JSON text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_from_json(json: *const c_char, out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `json` is NULL or a NUL-terminated string.
        let json = unsafe { str_arg(json, "json") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Model::from_json(json)?) }?;
        Ok(())
    })
}

/// A model from a JSON file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_from_file(path: *const c_char, out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Model::from_file(path)?) }?;
        Ok(())
    })
}

/// A new model: `base` with an overlay (JSON) merged by id, then validated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_overlay(
    base: *const tm_model,
    overlay_json: *const c_char,
    out: *mut *mut tm_model,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `base` is NULL or a live handle from this
        // library.
        let base = unsafe { handle(base, "base") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `overlay_json` is NULL or a NUL-terminated
        // string.
        let overlay = unsafe { str_arg(overlay_json, "overlay_json") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, base.inner.overlay(overlay)?) }?;
        Ok(())
    })
}

/// The model as JSON (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_to_json(model: *const tm_model, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this
        // library.
        let model = unsafe { handle(model, "model") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(model.inner.to_json())) }?;
        Ok(())
    })
}

/// Number of dimensions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_dimension_count(model: *const tm_model) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(model) }.map_or(0, |m| m.inner.dimensions().len()))
}

/// Number of questionnaire items (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_item_count(model: *const tm_model) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(model) }.map_or(0, |m| m.inner.items().len()))
}

/// Releases a model (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_free(model: *mut tm_model) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a handle from this library, freed
    // once and not used after.
    unsafe { free_handle(model) };
}

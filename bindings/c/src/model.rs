//! `tm_model`: the maturity model.

use std::ffi::c_char;

use transform_model::Model;

use crate::error::*;

/// A validated maturity model (immutable; share freely between threads).
pub struct tm_model {
    pub(crate) inner: Model,
}

fn put(out: *mut *mut tm_model, model: Model) {
    unsafe { *out = Box::into_raw(Box::new(tm_model { inner: model })) };
}

/// The embedded default model `dtm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_default(out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        put(out, Model::default_model());
        Ok(())
    })
}

/// A model from JSON text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_from_json(json: *const c_char, out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        let json = unsafe { str_arg(json, "json") }?;
        out_arg(out, "out")?;
        put(out, Model::from_json(json)?);
        Ok(())
    })
}

/// A model from a JSON file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_from_file(path: *const c_char, out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        let path = unsafe { str_arg(path, "path") }?;
        out_arg(out, "out")?;
        put(out, Model::from_file(path)?);
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
        let base = unsafe { handle(base, "base") }?;
        let overlay = unsafe { str_arg(overlay_json, "overlay_json") }?;
        out_arg(out, "out")?;
        put(out, base.inner.overlay(overlay)?);
        Ok(())
    })
}

/// The model as JSON (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_to_json(model: *const tm_model, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        let model = unsafe { handle(model, "model") }?;
        out_arg(out, "out")?;
        unsafe { *out = c_string(model.inner.to_json()) };
        Ok(())
    })
}

/// Number of dimensions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_dimension_count(model: *const tm_model) -> usize {
    guard_value(0, || unsafe { model.as_ref() }.map_or(0, |m| m.inner.dimensions().len()))
}

/// Number of questionnaire items (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_item_count(model: *const tm_model) -> usize {
    guard_value(0, || unsafe { model.as_ref() }.map_or(0, |m| m.inner.items().len()))
}

/// Releases a model (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_free(model: *mut tm_model) {
    free_handle(model);
}

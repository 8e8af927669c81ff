//! `tm_model_bundled`: a bundled model by id.

use std::ffi::c_char;

use transform_model::Model;

use crate::error::*;
use crate::model::tm_model;

/// A bundled model by id: `dtm` (the newest version), `dtm@2026.1`, `dtm@2026.2`, `ci`
/// (`ci@2026.1`). An unknown id or version is `TM_STATUS_INVALID_ARGUMENT`; the message
/// lists the known ids.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_model_bundled(id: *const c_char, out: *mut *mut tm_model) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `id` is NULL or a NUL-terminated string.
        let id = unsafe { str_arg(id, "id") }?;
        out_arg(out, "out")?;
        let model = Model::bundled(id)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", Box::into_raw(Box::new(tm_model { inner: model }))) }?;
        Ok(())
    })
}

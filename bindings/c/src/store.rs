//! `tm_index_save` / `tm_index_load`: a catalog's analysed index saved to a file and read
//! back without analysing the text again (format: the core's `ingredient::store`).

use std::ffi::c_char;

use transform_model::ingredient::{Index, StoreError};

use crate::catalog::tm_catalog;
use crate::error::*;

/// Saves the catalog's index to `path` (written to a temporary file in the same folder,
/// then renamed). `TM_ERR_IO` when it cannot be written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_index_save(catalog: *const tm_catalog, path: *const c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `catalog` is NULL or a live handle from this
        // library.
        let catalog = unsafe { handle(catalog, "catalog") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        catalog.index.save(path)?;
        Ok(())
    })
}

/// A catalog from an index saved by `tm_index_save` or `transform-model index`; free it
/// with `tm_catalog_free`. A truncated, damaged, foreign or other-version file is an
/// error (`tm_last_error_message` names the file and what is wrong); `*out` is then untouched.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_index_load(path: *const c_char, out: *mut *mut tm_catalog) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        out_arg(out, "out")?;
        let index = Index::load(path)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", Box::into_raw(Box::new(tm_catalog { index }))) }?;
        Ok(())
    })
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::Io { .. } => TM_STATUS_IO_ERROR,
            StoreError::Catalog { .. } => TM_STATUS_VALIDATION_ERROR,
            StoreError::NotAnIndex { .. }
            | StoreError::Truncated { .. }
            | StoreError::FormatVersion { .. }
            | StoreError::LibraryVersion { .. }
            | StoreError::Checksum { .. }
            | StoreError::Corrupt { .. } => TM_STATUS_PARSE_ERROR,
            // A variant added later: reported as a validation error until it gets its own status.
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail(status, e.to_string())
    }
}

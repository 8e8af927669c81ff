//! `tm_portfolio`: missions and initiatives.

use std::ffi::c_char;

use transform_model::Lang;
use transform_model::mission::{AnalysisOptions, Portfolio};

use crate::error::*;

/// A validated portfolio (immutable; share freely between threads).
pub struct tm_portfolio {
    pub(crate) inner: Portfolio,
}

/// Language of texts in results.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_lang {
    TM_LANG_DA = 0,
    TM_LANG_EN = 1,
}

/// The core's analysis options from a C options pointer (NULL: the defaults).
///
/// # Safety
/// `options` is NULL or points to a live `tm_portfolio_options`.
pub(crate) unsafe fn analysis_options(options: *const tm_portfolio_options) -> Result<AnalysisOptions> {
    // SAFETY: the caller's contract: `options` is NULL or a live options struct.
    let o = unsafe { opt_handle(options) }.copied().unwrap_or_else(|| tm_portfolio_options_default());
    let mut options = AnalysisOptions::default();
    options.horizon = o.horizon as i64;
    options.year = (o.year != 0).then_some(o.year as i64);
    options.lang = lang(o.lang)?;
    Ok(options)
}

pub(crate) fn lang(l: u32) -> Result<Lang> {
    match l {
        0 => Ok(Lang::Da),
        1 => Ok(Lang::En),
        other => Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("lang {other} is not a tm_lang (0 da, 1 en)"))),
    }
}

/// Options of a portfolio analysis; start from `tm_portfolio_options_default()`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_portfolio_options {
    /// Payback horizon in years, 1–100, default 5; 0 is refused.
    pub horizon: i32,
    /// Analysis year; 0 = the file's `year`.
    pub year: i32,
    /// A `tm_lang` value.
    pub lang: u32,
}

#[unsafe(no_mangle)]
pub extern "C" fn tm_portfolio_options_default() -> tm_portfolio_options {
    let fallback = tm_portfolio_options { horizon: 5, year: 0, lang: tm_lang::TM_LANG_DA as u32 };
    guard_value(fallback, || tm_portfolio_options { horizon: AnalysisOptions::default().horizon as i32, ..fallback })
}

/// Moves `p` into a new handle at `out`.
///
/// # Safety
/// `out` is NULL or writable storage for a handle.
unsafe fn put(out: *mut *mut tm_portfolio, p: Portfolio) -> Result<()> {
    // SAFETY: as this function's caller promises for `out`.
    unsafe { write_handle(out, "out", tm_portfolio { inner: p }) }
}

/// The bundled sample portfolio (a fictional municipality).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_sample(out: *mut *mut tm_portfolio) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Portfolio::sample()) }?;
        Ok(())
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_from_json(json: *const c_char, out: *mut *mut tm_portfolio) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `json` is NULL or a NUL-terminated string.
        let json = unsafe { str_arg(json, "json") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Portfolio::from_json(json)?) }?;
        Ok(())
    })
}

/// A portfolio file (JSON, or the `portfolio-template` workbook `.xlsx`), or the bundled
/// sample portfolio for `sample` when no file of that name exists, as the CLI's `--portfolio`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_from_file(path: *const c_char, out: *mut *mut tm_portfolio) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Portfolio::resolve(path)?) }?;
        Ok(())
    })
}

/// Runs the full analysis and returns it as JSON (free with `tm_string_free`).
/// `options` may be NULL (defaults).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_analyse(
    p: *const tm_portfolio,
    options: *const tm_portfolio_options,
    out_json: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "portfolio") }?;
        out_arg(out_json, "out_json")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `options` is NULL or a live options struct.
        let options = unsafe { analysis_options(options) }?;
        let analysis = p.inner.analyse(&options)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_json` is writable storage for the result.
        unsafe { write_out(out_json, "out_json", c_string(analysis.to_json())) }?;
        Ok(())
    })
}

/// Releases a portfolio (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_free(p: *mut tm_portfolio) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(p) };
}

/// Writes the portfolio workbook template to `path` (the CLI's `portfolio-template`): the
/// sheets Missioner, Indsatser and Organisation with Danish headers, drop-down lists of the
/// allowed values and a filled example row. `tm_portfolio_from_file` reads it back filled in.
/// The file is written whole or not at all.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_portfolio_template(path: *const c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        let bytes = transform_model::mission::portfolio_template()
            .map_err(|e| Fail::new(TM_STATUS_VALIDATION_ERROR, e.to_string()))?;
        transform_model::atomic::write_atomically(std::path::Path::new(path), &bytes)
            .map_err(|e| Fail::new(TM_STATUS_IO_ERROR, format!("cannot write `{path}`: {e}")))
    })
}

//! `tm_catalog` and `tm_match_result`: active-ingredient matching.

use std::ffi::{CString, c_char};

use serde_json::Value;
use transform_model::ingredient::{Catalog, Index, MatchOptions, MatchResult, Query};

use crate::error::*;
use crate::portfolio::{lang, tm_lang};

/// A catalog with its search index (immutable; share freely between threads).
pub struct tm_catalog {
    pub(crate) index: Index,
}

/// Options of a match; start from `tm_match_options_default()`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_match_options {
    /// Ingredients returned, default 10; 0 is refused (`TM_STATUS_INVALID_ARGUMENT`).
    pub top: u32,
    /// Interventions retrieved for the distillation, default 50; 0 is refused.
    pub retrieve: u32,
    /// A `tm_lang` value.
    pub lang: u32,
}

#[unsafe(no_mangle)]
pub extern "C" fn tm_match_options_default() -> tm_match_options {
    let fallback = tm_match_options { top: 10, retrieve: 50, lang: tm_lang::TM_LANG_DA as u32 };
    guard_value(fallback, || {
        let d = MatchOptions::default();
        tm_match_options { top: d.top as u32, retrieve: d.retrieve as u32, ..fallback }
    })
}

/// Ranked ingredients (immutable).
pub struct tm_match_result {
    pub(crate) inner: MatchResult,
    ids: Vec<CString>,
}

/// Moves `c` into a new handle at `out`.
///
/// # Safety
/// `out` is NULL or writable storage for a handle.
unsafe fn put(out: *mut *mut tm_catalog, c: Catalog) -> Result<()> {
    // SAFETY: as this function's caller promises for `out`.
    unsafe { write_handle(out, "out", tm_catalog { index: Index::new(c) }) }
}

/// The bundled sample catalog (Danish, illustrative).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_sample(out: *mut *mut tm_catalog) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Catalog::sample()) }?;
        Ok(())
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_from_json(json: *const c_char, out: *mut *mut tm_catalog) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `json` is NULL or a NUL-terminated string.
        let json = unsafe { str_arg(json, "json") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Catalog::from_json(json)?) }?;
        Ok(())
    })
}

/// A catalog file, or the bundled sample catalog for `default` (or `sample`) when no file of
/// that name exists: the core's one resolver, as the CLI's `--catalog`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_from_file(path: *const c_char, out: *mut *mut tm_catalog) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the new handle.
        unsafe { put(out, Catalog::resolve(path)?) }?;
        Ok(())
    })
}

/// Number of interventions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_intervention_count(c: *const tm_catalog) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(c) }.map_or(0, |c| c.index.len()))
}

/// The keys `filters_json` may have (docs/c-api.md, "Filters").
const FILTER_KEYS: [&str; 5] = ["target_groups", "problems", "area", "context", "exclude"];

/// Builds a query from the problem text and optional filters as a JSON object:
/// `{"target_groups":[..],"problems":[..],"area":"..","context":{"urbanity":"rural"},"exclude":[..]}`.
/// Any other key (a typo, or `text`: the problem is its own argument) is refused.
unsafe fn query(text: *const c_char, filters_json: *const c_char) -> Result<Query> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `text` is NULL or a NUL-terminated string.
    let text = unsafe { str_arg(text, "problem") }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `filters_json` is NULL or a NUL-terminated string.
    let mut q = match unsafe { opt_str_arg(filters_json, "filters_json") }? {
        None => Query::default(),
        Some(f) => {
            let mut v: Value =
                serde_json::from_str(f).map_err(|e| Fail::new(TM_STATUS_PARSE_ERROR, format!("filters_json: {e}")))?;
            let Some(o) = v.as_object_mut() else {
                return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, "filters_json: not a JSON object"));
            };
            if let Some(key) = o.keys().find(|k| !FILTER_KEYS.contains(&k.as_str())) {
                return Err(Fail::new(
                    TM_STATUS_INVALID_ARGUMENT,
                    format!("filters_json: unknown key `{key}` (known: {})", FILTER_KEYS.join(", ")),
                ));
            }
            o.insert("text".into(), Value::from(""));
            serde_json::from_value(v).map_err(|e| Fail::new(TM_STATUS_PARSE_ERROR, format!("filters_json: {e}")))?
        }
    };
    q.text = text.to_owned();
    Ok(q)
}

/// The options, or the defaults for NULL.
fn options(o: Option<&tm_match_options>) -> Result<MatchOptions> {
    let o = o.copied().unwrap_or_else(|| tm_match_options_default());
    Ok({
        let mut opts = MatchOptions::default();
        opts.top = o.top as usize;
        opts.retrieve = o.retrieve as usize;
        opts.lang = lang(o.lang)?;
        opts
    })
}

/// Ranks active ingredients for a problem. `filters_json` (keys in docs/c-api.md,
/// "Filters") and `options` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_match(
    c: *const tm_catalog,
    problem: *const c_char,
    filters_json: *const c_char,
    options_: *const tm_match_options,
    out: *mut *mut tm_match_result,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a live handle from this library.
        let c = unsafe { handle(c, "catalog") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `problem` and `filters_json` are NULL or
        // NUL-terminated strings.
        let q = unsafe { query(problem, filters_json) }?;
        out_arg(out, "out")?;
        // SAFETY: the contract: `options` is NULL or a live `tm_match_options`.
        let options = options(unsafe { opt_handle(options_) })?;
        let r = c.index.match_query(&q, &options)?;
        let ids = r.ingredients.iter().map(|m| CString::new(m.id.replace('\0', " ")).unwrap_or_default()).collect();
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", Box::into_raw(Box::new(tm_match_result { inner: r, ids }))) }?;
        Ok(())
    })
}

/// The `top` (at least 1) most similar interventions for a problem, as a JSON object
/// (`schema_version`, `interventions`, `good_matches`, `candidates`, `best_relevance`,
/// `reason`); free with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_similar(
    c: *const tm_catalog,
    problem: *const c_char,
    filters_json: *const c_char,
    top: u32,
    out_json: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a live handle from this library.
        let c = unsafe { handle(c, "catalog") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `problem` and `filters_json` are NULL or
        // NUL-terminated strings.
        let q = unsafe { query(problem, filters_json) }?;
        out_arg(out_json, "out_json")?;
        let similar = c.index.similar(&q, &MatchOptions::default().weights, top as usize)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_json` is writable storage for the result.
        unsafe { write_out(out_json, "out_json", c_string(similar.to_json())) }?;
        Ok(())
    })
}

/// The `top` (at least 1) partner municipalities for `code` (3-digit kommunekode), as a
/// JSON object (`schema_version`, `partners`); free with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_partners(
    c: *const tm_catalog,
    code: *const c_char,
    top: u32,
    out_json: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a live handle from this library.
        let c = unsafe { handle(c, "catalog") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `code` is NULL or a NUL-terminated string.
        let code = unsafe { str_arg(code, "code") }?;
        out_arg(out_json, "out_json")?;
        let partners = c.index.partners(code, top as usize)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_json` is writable storage for the result.
        unsafe { write_out(out_json, "out_json", c_string(transform_model::ingredient::partners_json(&partners))) }?;
        Ok(())
    })
}

/// The `top` (at least 1) municipalities whose interventions best answer `problem` (with
/// the filters of `filters_json`: target groups, problem tags, context), nearest in context to
/// the asking municipality `code` (a 3-digit kommunekode, or NULL for none), as a JSON object
/// (`schema_version`, `partners`); free with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_partners_for_problem(
    c: *const tm_catalog,
    problem: *const c_char,
    filters_json: *const c_char,
    code: *const c_char,
    top: u32,
    out_json: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a live handle from this library.
        let c = unsafe { handle(c, "catalog") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `problem` and `filters_json` are NULL or
        // NUL-terminated strings.
        let q = unsafe { query(problem, filters_json) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `code` is NULL or a NUL-terminated string.
        let code = unsafe { opt_str_arg(code, "code") }?;
        out_arg(out_json, "out_json")?;
        let partners = c.index.partners_for_problem(&q, code, top as usize)?;
        let json = transform_model::ingredient::problem_partners_json(&partners);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out_json` is writable storage for the result.
        unsafe { write_out(out_json, "out_json", c_string(json)) }?;
        Ok(())
    })
}

/// Number of ranked ingredients (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_match_result_count(r: *const tm_match_result) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `r` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(r) }.map_or(0, |r| r.inner.ingredients.len()))
}

/// Ingredient `index`: its id (owned by the result) and score.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_match_result_ingredient(
    r: *const tm_match_result,
    index: usize,
    id: *mut *const c_char,
    score: *mut f64,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `r` is NULL or a live handle from this library.
        let r = unsafe { handle(r, "result") }?;
        out_arg(id, "id")?;
        out_arg(score, "score")?;
        let m = r.inner.ingredients.get(index).ok_or_else(|| {
            Fail::new(TM_STATUS_OUT_OF_RANGE, format!("ingredient {index} of {}", r.inner.ingredients.len()))
        })?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `id` is writable storage for the result.
        unsafe { write_out(id, "id", r.ids[index].as_ptr()) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `score` is writable storage for the result.
        unsafe { write_out(score, "score", m.score) }?;
        Ok(())
    })
}

/// The full result as JSON (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_match_result_to_json(r: *const tm_match_result, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `r` is NULL or a live handle from this library.
        let r = unsafe { handle(r, "result") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(r.inner.to_json())) }?;
        Ok(())
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_match_result_free(r: *mut tm_match_result) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `r` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(r) };
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_catalog_free(c: *mut tm_catalog) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `c` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(c) };
}

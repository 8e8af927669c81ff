//! `tm_benchmark_json` and `tm_benchmark_text`: published assessments of many municipalities
//! combined into the national benchmark (logic in `transform_model::benchmark`).

use std::ffi::c_char;

use transform_model::Assessment;
use transform_model::benchmark::{Benchmark, BenchmarkError, BenchmarkOptions, Peers, benchmark};

use crate::error::*;
use crate::portfolio::lang;

/// The benchmark of the assessments' JSON texts.
///
/// # Safety
/// `assessments` is NULL or points to `count` pointers, each NULL or a NUL-terminated
/// string; `of` and `peers` are NULL or NUL-terminated strings.
unsafe fn run(
    assessments: *const *const c_char,
    count: usize,
    of: *const c_char,
    peers: *const c_char,
) -> Result<Benchmark> {
    if assessments.is_null() {
        return Err(Fail::new(TM_STATUS_NULL_POINTER, "`assessments` is NULL"));
    }
    // SAFETY: as this function's caller promises: `assessments` points to `count` strings.
    let texts = unsafe { slice_arg(assessments, count, "assessments") }?;
    // Grown as read, not reserved from `count`: a count is not memory.
    let mut list = Vec::new();
    for (i, &text) in texts.iter().enumerate() {
        // SAFETY: as this function's caller promises: each element is NULL or a NUL-terminated string.
        let text = unsafe { str_arg(text, &format!("assessments[{i}]")) }?;
        let a = Assessment::from_json(text)
            .map_err(|e| Fail::new(TM_STATUS_PARSE_ERROR, format!("assessments[{i}]: {e}")))?;
        list.push(a);
    }
    // SAFETY: as this function's caller promises: `of` is NULL or a NUL-terminated string.
    let of = unsafe { opt_str_arg(of, "of") }?.map(str::to_owned);
    // SAFETY: as this function's caller promises: `peers` is NULL or a NUL-terminated string.
    let peers = match unsafe { opt_str_arg(peers, "peers") }?.unwrap_or("all") {
        "all" => Peers::All,
        "region" => Peers::Region,
        codes => Peers::List(codes.split(',').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect()),
    };
    benchmark(&list, &BenchmarkOptions::new(of, peers)).map_err(|e: BenchmarkError| {
        let status = match e {
            BenchmarkError::UnknownCode { .. } | BenchmarkError::RegionWithoutOf => TM_STATUS_INVALID_ARGUMENT,
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail::new(status, e.to_string())
    })
}

/// The benchmark of `count` assessments, each given as the JSON text of `assess` with its
/// municipality recorded (`--municipality`), as the benchmark JSON (`schema_version`,
/// `peers`, `dimensions`; docs/disclosure.md). `of` (nullable) is the municipality code to
/// place among its peers; `peers` (nullable = "all") is "all", "region", or comma-separated
/// municipality codes. A peer group under 3, duplicate codes or mixed model versions give
/// `TM_STATUS_VALIDATION_ERROR`; a text that is not an assessment `TM_STATUS_PARSE_ERROR`.
/// Free `*out` with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_benchmark_json(
    assessments: *const *const c_char,
    count: usize,
    of: *const c_char,
    peers: *const c_char,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): the pointers are as `run` requires.
        let result = unsafe { run(assessments, count, of, peers) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(result.to_json())) }?;
        Ok(())
    })
}

/// The same benchmark as the CLI's `benchmark --format table` (`format` 0, in `lang_`, a
/// `tm_lang`) or `--format csv` (`format` 1; the CSV has no language). Another `format` is
/// `TM_STATUS_INVALID_ARGUMENT`. Free `*out` with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_benchmark_text(
    assessments: *const *const c_char,
    count: usize,
    of: *const c_char,
    peers: *const c_char,
    format: u32,
    lang_: u32,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        out_arg(out, "out")?;
        let lang = lang(lang_)?;
        if format > 1 {
            return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("format {format} is not 0 (table) or 1 (csv)")));
        }
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): the pointers are as `run` requires.
        let result = unsafe { run(assessments, count, of, peers) }?;
        let text = match format {
            0 => transform_model::benchmark::render_table(&result, lang),
            _ => transform_model::benchmark::to_csv(&result),
        };
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(text)) }?;
        Ok(())
    })
}

//! `tm_benchmark_json`: published assessments of many municipalities combined into the
//! national benchmark (logic in `transform_model::benchmark`).

use std::ffi::c_char;

use transform_model::Assessment;
use transform_model::benchmark::{BenchmarkError, BenchmarkOptions, Peers, benchmark};

use crate::error::*;

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
        if assessments.is_null() {
            return Err(Fail::new(TM_STATUS_NULL_POINTER, "`assessments` is NULL"));
        }
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md): `assessments` points to `count` strings.
        let texts = unsafe { slice_arg(assessments, count, "assessments") }?;
        // Grown as read, not reserved from `count`: a count is not memory.
        let mut list = Vec::new();
        for (i, &text) in texts.iter().enumerate() {
            // SAFETY: the contract: each element is NULL or a NUL-terminated string.
            let text = unsafe { str_arg(text, &format!("assessments[{i}]")) }?;
            let a = Assessment::from_json(text)
                .map_err(|e| Fail::new(TM_STATUS_PARSE_ERROR, format!("assessments[{i}]: {e}")))?;
            list.push(a);
        }
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `of` is NULL or a NUL-terminated string.
        let of = unsafe { opt_str_arg(of, "of") }?.map(str::to_owned);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `peers` is NULL or a NUL-terminated string.
        let peers = match unsafe { opt_str_arg(peers, "peers") }?.unwrap_or("all") {
            "all" => Peers::All,
            "region" => Peers::Region,
            codes => Peers::List(codes.split(',').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect()),
        };
        let result = benchmark(&list, &BenchmarkOptions::new(of, peers)).map_err(|e: BenchmarkError| {
            let status = match e {
                BenchmarkError::UnknownCode { .. } | BenchmarkError::RegionWithoutOf => TM_STATUS_INVALID_ARGUMENT,
                _ => TM_STATUS_VALIDATION_ERROR,
            };
            Fail::new(status, e.to_string())
        })?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(result.to_json())) }?;
        Ok(())
    })
}

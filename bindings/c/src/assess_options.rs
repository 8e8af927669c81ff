//! `tm_assess_options`: the options of an assessment and their conversion to the core's.

use std::ffi::c_char;

use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Weighting};

use crate::error::*;

/// How role groups combine into the municipality's score.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_weighting {
    /// Each reported perspective counts once (default).
    TM_WEIGHTING_BALANCED = 0,
    /// Every respondent counts once.
    TM_WEIGHTING_POOLED = 1,
}

/// Options of an assessment; start from `tm_assess_options_default()`. Fields are ordered
/// widest first so the struct has no hidden padding; `reserved` must stay 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_assess_options {
    pub seed: u64,
    /// Extra columns of a wide CSV to skip (survey tools add timestamps, e-mail, …):
    /// `ignore_column_count` NUL-terminated UTF-8 names, or NULL when the count is 0.
    pub ignore_columns: *const *const c_char,
    pub ignore_column_count: usize,
    /// An earlier round: the JSON of `tm_assessment_to_json` (or the CLI's `assess`) to
    /// compare with (the result's `baseline`); NULL = none.
    pub baseline_json: *const c_char,
    /// A `tm_weighting` value.
    pub weighting: u32,
    /// Minimum respondents behind any figure (k), default 5.
    pub min_group_size: u32,
    /// Bootstrap resamples, default 1000 (0 = no intervals).
    pub bootstrap: u32,
    /// Target level; 0 = one above the current overall level.
    pub target: i32,
    /// Worker threads; 0 = all cores. Results do not depend on it.
    pub threads: u32,
    /// Dispersion figures (intervals, SD, r_wg, alpha) only for cells of at least this many
    /// respondents; default 10.
    pub min_dispersion_n: u32,
    /// Perception gaps need at least this many items asked of both roles; default 2.
    pub min_common_items: u32,
    /// 1 allows 3 ≤ min_group_size < 5 (the result says so); k below 3 is always refused.
    pub allow_small_groups: u8,
    /// Always 0.
    pub reserved: [u8; 3],
    /// Unit columns to break the results down by (`department`, or `department` then
    /// `unit`): `unit_column_count` NUL-terminated UTF-8 names, or NULL when the count is 0.
    /// The breakdown and its disclosure audit are the core's, the same as the CLI's `--by`.
    pub unit_columns: *const *const c_char,
    pub unit_column_count: usize,
    /// The municipality's 3-digit code (one of the 98), recorded for the benchmark; NULL = none.
    pub municipality: *const c_char,
    /// Earlier published assessments (JSON) of the same survey to audit against: a cell whose
    /// n differs from theirs by 1 to k − 1 is withheld. `audit_against_count` strings, or NULL.
    pub audit_against_json: *const *const c_char,
    pub audit_against_count: usize,
    /// The sheet of an .xlsx workbook (`tm_assess_file`); NULL = the first.
    pub sheet: *const c_char,
    /// Coverage of the intervals, default 0.95.
    pub confidence: f64,
}

/// The documented defaults.
#[unsafe(no_mangle)]
pub extern "C" fn tm_assess_options_default() -> tm_assess_options {
    let fallback = tm_assess_options {
        seed: 0,
        ignore_columns: std::ptr::null(),
        ignore_column_count: 0,
        baseline_json: std::ptr::null(),
        weighting: tm_weighting::TM_WEIGHTING_BALANCED as u32,
        min_group_size: 5,
        bootstrap: 1000,
        target: 0,
        threads: 0,
        min_dispersion_n: 10,
        min_common_items: 2,
        allow_small_groups: 0,
        reserved: [0; 3],
        unit_columns: std::ptr::null(),
        unit_column_count: 0,
        municipality: std::ptr::null(),
        audit_against_json: std::ptr::null(),
        audit_against_count: 0,
        sheet: std::ptr::null(),
        confidence: 0.95,
    };
    guard_value(fallback, || {
        let d = AssessOptions::default();
        tm_assess_options {
            min_group_size: d.min_group_size as u32,
            bootstrap: d.bootstrap as u32,
            seed: d.seed,
            allow_small_groups: d.allow_small_groups as u8,
            min_dispersion_n: d.min_dispersion_n as u32,
            min_common_items: d.min_common_items as u32,
            confidence: d.confidence,
            ..fallback
        }
    })
}

/// What an assessment call needs besides the responses: the core's options, how to read
/// the responses and the earlier round.
pub(crate) struct Converted {
    pub assess: AssessOptions,
    pub read: ReadOptions,
    pub baseline: Option<Assessment>,
}

/// # Safety
/// The pointers inside `o` are NULL or valid as the C API's contract says.
pub(crate) unsafe fn convert(o: Option<&tm_assess_options>) -> Result<Converted> {
    let o = o.copied().unwrap_or_else(|| tm_assess_options_default());
    let mut assess = AssessOptions::default();
    assess.weighting = match o.weighting {
        0 => Weighting::Balanced,
        1 => Weighting::Pooled,
        other => {
            return Err(Fail::new(
                TM_STATUS_INVALID_ARGUMENT,
                format!("weighting {other} is not a tm_weighting (0 balanced, 1 pooled)"),
            ));
        }
    };
    assess.min_group_size = o.min_group_size as usize;
    assess.allow_small_groups = flag(o.allow_small_groups, "allow_small_groups")?;
    assess.min_dispersion_n = o.min_dispersion_n as usize;
    assess.min_common_items = o.min_common_items as usize;
    assess.bootstrap = o.bootstrap as usize;
    assess.seed = o.seed;
    assess.target = (o.target != 0).then_some(o.target as i64);
    assess.threads = (o.threads != 0).then_some(o.threads as usize);
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.ignore_columns` is NULL or points to its count of
    // strings.
    let ignore_columns = unsafe { str_list(o.ignore_columns, o.ignore_column_count, "ignore_columns") }?;
    assess.confidence = o.confidence;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.unit_columns` is NULL or points to its count of
    // strings.
    let units = unsafe { str_list(o.unit_columns, o.unit_column_count, "unit_columns") }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.municipality` is NULL or a NUL-terminated string.
    assess.municipality = unsafe { opt_str_arg(o.municipality, "municipality") }?.map(str::to_owned);
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.audit_against_json` is NULL or points to its count
    // of strings.
    let earlier = unsafe { str_list(o.audit_against_json, o.audit_against_count, "audit_against_json") }?;
    for (i, text) in earlier.iter().enumerate() {
        let a = Assessment::from_json(text).map_err(|e| Fail::from(e).context(&format!("audit_against_json[{i}]")))?;
        assess.audit_against.push(a);
    }
    let mut read = ReadOptions::default();
    read.ignore_columns = ignore_columns;
    read.unit_columns = units.clone();
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.sheet` is NULL or a NUL-terminated string.
    read.sheet = unsafe { opt_str_arg(o.sheet, "sheet") }?.map(str::to_owned);
    assess.group_by = units;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `o.baseline_json` is NULL or a NUL-terminated string.
    let baseline = match unsafe { opt_str_arg(o.baseline_json, "baseline_json") }? {
        Some(text) => Some(Assessment::from_json(text).map_err(|e| Fail::from(e).context("baseline_json"))?),
        None => None,
    };
    // The earlier round is published too: audited against, as the CLI's --baseline is.
    assess.audit_against.extend(baseline.clone());
    Ok(Converted { assess, read, baseline })
}

/// A 0/1 flag; anything else is refused rather than read as true.
pub(crate) fn flag(v: u8, name: &str) -> Result<bool> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("{name} {other} is not 0 or 1"))),
    }
}

/// `count` NUL-terminated strings (NULL with a count of 0 is the empty list).
unsafe fn str_list(p: *const *const c_char, count: usize, name: &str) -> Result<Vec<String>> {
    // SAFETY: as this function's caller promises for `p` and `count`.
    let list = unsafe { slice_arg(p, count, name) }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `s` is NULL or a NUL-terminated string.
    list.iter().enumerate().map(|(i, &s)| unsafe { str_arg(s, &format!("{name}[{i}]")) }.map(str::to_owned)).collect()
}

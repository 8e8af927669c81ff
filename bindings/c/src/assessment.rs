//! `tm_assessment`: scoring questionnaire responses on a model.

use std::ffi::{CString, c_char};

use transform_model::{Assessment, Lang, ResponseError, assess};

use crate::assess_options::{convert, tm_assess_options};
use crate::error::*;
use crate::model::tm_model;
use crate::portfolio::lang;
use crate::source::Source;

/// The result of an assessment (immutable; share freely between threads).
pub struct tm_assessment {
    pub(crate) inner: Assessment,
    /// NUL-terminated dimension ids, borrowed by `tm_dimension_result.id`.
    ids: Vec<CString>,
    /// Per unit cell: department, unit, role group (borrowed by `tm_unit_result`).
    pub(crate) unit_names: Vec<[Option<CString>; 3]>,
}

/// One dimension's figures. `id` is owned by the assessment: valid until it is freed.
/// A figure that is not reported (anonymity, too few answers) has its `has_…` flag 0 and
/// is NaN. Flags are `uint8_t` 0/1 (not `bool`: .NET marshals a struct `bool` as 4 bytes);
/// fields are ordered widest first so every byte is written (`reserved` is 0). The struct
/// never grows: later figures come through `tm_assessment_dimension_figure`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_dimension_result {
    pub score: f64,
    pub progress: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub alpha: f64,
    pub id: *const c_char,
    /// Respondents behind the score.
    pub n: usize,
    pub level: i32,
    pub has_score: u8,
    pub has_ci: u8,
    pub has_alpha: u8,
    /// Always 0.
    pub reserved: u8,
}

/// # Safety
/// `out` is NULL or writable storage for a handle.
pub(crate) unsafe fn finish(out: *mut *mut tm_assessment, a: Assessment) -> Result<()> {
    let c = |s: &str| CString::new(s.replace('\0', " ")).unwrap_or_default();
    let ids = a.dimensions.iter().map(|d| c(&d.id)).collect();
    let unit_names =
        a.units.iter().map(|u| [Some(c(&u.department)), u.unit.as_deref().map(c), u.role.as_deref().map(c)]).collect();
    // SAFETY: as this function's caller promises for `out`.
    unsafe { write_handle(out, "out", tm_assessment { inner: a, ids, unit_names }) }
}

impl tm_assessment {
    /// The borrowed id of dimension `id` (NULL for an id the assessment does not have).
    pub(crate) fn dimension_id(&self, id: &str) -> *const c_char {
        let at = self.inner.dimensions.iter().position(|d| d.id == id);
        at.map_or(std::ptr::null(), |i| self.ids[i].as_ptr())
    }
}

unsafe fn run(
    model: *const tm_model,
    source: Source,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> Result<()> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    let model = &unsafe { handle(model, "model") }?.inner;
    out_arg(out, "out")?;
    // SAFETY: the contract: `options` is NULL or a live `tm_assess_options` whose pointers are
    // NULL or valid.
    let options = unsafe { convert(opt_handle(options)) }?;
    let responses = source.read(model, &options.read).map_err(with_hint)?;
    let mut a = assess(model, &responses, &options.assess)?;
    if let Some(earlier) = &options.baseline {
        a = a.with_baseline(earlier)?;
        transform_model::maturity::attach_item_changes(&mut a, earlier, model);
    }
    // SAFETY: as `run`'s caller promises for `out`.
    unsafe { finish(out, a) }
}

/// The core names the concept; the C face adds where to set it.
pub(crate) fn with_hint(e: ResponseError) -> Fail {
    let hint = match e {
        ResponseError::UnknownColumn { .. } => {
            " (list it in tm_assess_options.ignore_columns or tm_read_options.ignore_columns, or \
             set tm_read_options.ignore_unknown_columns)"
        }
        _ => "",
    };
    let Fail(status, message) = Fail::from(e);
    Fail(status, format!("{message}{hint}"))
}

/// Assesses wide CSV text (`respondent`, `role`, item columns). `options` may be NULL (defaults).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_csv(
    model: *const tm_model,
    csv: *const c_char,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires; `csv` is NULL or a NUL-terminated string.
    guard(|| unsafe { run(model, Source::Csv(str_arg(csv, "csv")?), options, out) })
}

/// Assesses long JSON text (`[{"respondent","role","item","value"}]`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_json(
    model: *const tm_model,
    json: *const c_char,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires; `json` is NULL or a NUL-terminated string.
    guard(|| unsafe { run(model, Source::LongJson(str_arg(json, "json")?), options, out) })
}

/// Assesses a file: `.json` is long JSON, `.xlsx` a workbook, anything else wide CSV;
/// `sample` (when no file of that name exists) is the bundled sample survey.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_file(
    model: *const tm_model,
    path: *const c_char,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires; `path` is NULL or a NUL-terminated string.
    guard(|| unsafe { run(model, Source::File(str_arg(path, "path")?), options, out) })
}

/// The full assessment as JSON, the same as the CLI's `assess` (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_to_json(a: *const tm_assessment, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(a.inner.to_json())) }?;
        Ok(())
    })
}

/// The assessment as the CLI's `assess --format table` text in `lang` (a `tm_lang`), with
/// the labels of `model`, the model it was made with (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_to_text(
    a: *const tm_assessment,
    model: *const tm_model,
    lang_: u32,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this
        // library.
        let model = &unsafe { handle(model, "model") }?.inner;
        out_arg(out, "out")?;
        let lang: Lang = lang(lang_)?;
        if a.inner.model.id != model.id() || a.inner.model.version != model.version() {
            return Err(Fail::new(
                TM_STATUS_VALIDATION_ERROR,
                format!(
                    "the assessment was made with model {}@{}, not {}@{}",
                    a.inner.model.id,
                    a.inner.model.version,
                    model.id(),
                    model.version()
                ),
            ));
        }
        let text = transform_model::table::assessment::render_table(&a.inner, model, Some(lang));
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(text)) }?;
        Ok(())
    })
}

/// The overall level (contract v3: the overall score's level, lowered to any dimension surely
/// below it) and mean score. Fails with `TM_STATUS_VALIDATION_ERROR` when
/// no dimension could be scored.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_overall(a: *const tm_assessment, score: *mut f64, level: *mut i32) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(score, "score")?;
        out_arg(level, "level")?;
        let (Some(s), Some(l)) = (a.inner.overall.score, a.inner.overall.level) else {
            return Err(Fail::new(TM_STATUS_VALIDATION_ERROR, "no dimension has a score"));
        };
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `score` is writable storage for the result.
        unsafe { write_out(score, "score", s) }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `level` is writable storage for the result.
        unsafe { write_out(level, "level", l as i32) }?;
        Ok(())
    })
}

/// Number of dimensions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_dimension_count(a: *const tm_assessment) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(a) }.map_or(0, |a| a.inner.dimensions.len()))
}

/// Respondents left out of every figure to protect anonymity (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_excluded(a: *const tm_assessment) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(a) }.map_or(0, |a| a.inner.excluded_for_anonymity))
}

/// The figures of dimension `index` (0-based, model order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_dimension(
    a: *const tm_assessment,
    index: usize,
    out: *mut tm_dimension_result,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let d = a.inner.dimensions.get(index).ok_or_else(|| {
            Fail::new(TM_STATUS_OUT_OF_RANGE, format!("dimension {index} of {}", a.inner.dimensions.len()))
        })?;
        let [lo, hi] = d.ci.unwrap_or([f64::NAN; 2]);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe {
            write_out(
                out,
                "out",
                tm_dimension_result {
                    score: d.score.unwrap_or(f64::NAN),
                    progress: d.progress.unwrap_or(f64::NAN),
                    ci_low: lo,
                    ci_high: hi,
                    alpha: d.alpha.unwrap_or(f64::NAN),
                    id: a.ids[index].as_ptr(),
                    n: d.n,
                    level: d.level.unwrap_or(0) as i32,
                    has_score: d.score.is_some().into(),
                    has_ci: d.ci.is_some().into(),
                    has_alpha: d.alpha.is_some().into(),
                    reserved: 0,
                },
            )
        }?;
        Ok(())
    })
}

/// Figures of a dimension read one at a time, so the result struct never has to grow. The
/// codes are the core's figure registry's (`transform_model::maturity::figures`); a test
/// there checks this enum, the header and C#'s `Figure` against it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_figure {
    /// Kish's effective number of respondents.
    TM_FIGURE_N_EFFECTIVE = 0,
    /// The smallest number of respondents answering both items of an item pair.
    TM_FIGURE_ALPHA_N = 1,
    TM_FIGURE_ICC1 = 2,
    TM_FIGURE_ICC2 = 3,
    /// 1 when the interval crosses a level boundary, else 0.
    TM_FIGURE_BORDERLINE = 4,
    /// 1 when a perspective (role) of the model is missing from the score, else 0.
    TM_FIGURE_PARTIAL = 5,
    /// 0 clearly below the target, 1 uncertain, 2 at or above.
    TM_FIGURE_STATUS = 6,
    /// The gap to the target in scale points.
    TM_FIGURE_GAP = 7,
    /// The standard error of the score.
    TM_FIGURE_SE = 8,
    /// The degrees of freedom behind the interval.
    TM_FIGURE_DF = 9,
    /// The target score of the profile.
    TM_FIGURE_TARGET = 10,
    /// P(level 1) … P(level 5) from the bootstrap replicates.
    TM_FIGURE_P_LEVEL_1 = 11,
    TM_FIGURE_P_LEVEL_2 = 12,
    TM_FIGURE_P_LEVEL_3 = 13,
    TM_FIGURE_P_LEVEL_4 = 14,
    TM_FIGURE_P_LEVEL_5 = 15,
    /// The score on the common perspectives, which orders the priorities.
    TM_FIGURE_PRIORITY_SCORE = 16,
    /// max(target − priority score, 0): the gap that orders the recommendations.
    TM_FIGURE_PRIORITY_GAP = 17,
}

fn dimension_figure(d: &transform_model::maturity::DimensionResult, figure: u32) -> Result<Option<f64>> {
    let f = transform_model::maturity::figures::dimension_figure_by_code(figure)
        .ok_or_else(|| Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("figure {figure} is not a tm_figure")))?;
    Ok((f.value)(d))
}

/// One figure of dimension `index`. `TM_STATUS_VALIDATION_ERROR` (and `*out` untouched)
/// when the figure is not reported (anonymity, too few answers, no bootstrap).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_dimension_figure(
    a: *const tm_assessment,
    index: usize,
    figure: u32,
    out: *mut f64,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let d = a.inner.dimensions.get(index).ok_or_else(|| {
            Fail::new(TM_STATUS_OUT_OF_RANGE, format!("dimension {index} of {}", a.inner.dimensions.len()))
        })?;
        let value = dimension_figure(d, figure)?.ok_or_else(|| {
            Fail::new(TM_STATUS_VALIDATION_ERROR, format!("figure {figure} of dimension {index} is not reported"))
        })?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", value) }?;
        Ok(())
    })
}

/// Number of perception gaps (pairs of groups × dimensions both are reported on).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_gap_count(a: *const tm_assessment) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(a) }.map_or(0, |a| a.inner.gaps.len()))
}

/// A perception gap: difference a − b on the common items, Welch interval, raw and
/// Holm-adjusted p, significance (1/0). A figure that is withheld is NaN (`significant` −1).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_gap {
    pub diff: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub p: f64,
    pub p_adjusted: f64,
    pub significant: i32,
    pub common_items: u32,
}

/// The figures of gap `index` (the order of the JSON `gaps`); the group and dimension ids
/// are in `tm_assessment_to_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_gap(a: *const tm_assessment, index: usize, out: *mut tm_gap) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a live handle from this library.
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let g = a
            .inner
            .gaps
            .get(index)
            .ok_or_else(|| Fail::new(TM_STATUS_OUT_OF_RANGE, format!("gap {index} of {}", a.inner.gaps.len())))?;
        let [lo, hi] = g.ci.unwrap_or([f64::NAN; 2]);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe {
            write_out(
                out,
                "out",
                tm_gap {
                    diff: g.diff.unwrap_or(f64::NAN),
                    ci_low: lo,
                    ci_high: hi,
                    p: g.p.unwrap_or(f64::NAN),
                    p_adjusted: g.p_adjusted.unwrap_or(f64::NAN),
                    significant: g.significant.map_or(-1, i32::from),
                    common_items: g.common_items.len() as u32,
                },
            )
        }?;
        Ok(())
    })
}

/// Releases an assessment (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_free(a: *mut tm_assessment) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `a` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(a) };
}

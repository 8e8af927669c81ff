//! `tm_assessment`: scoring questionnaire responses on a model.

use std::ffi::{CString, c_char};

use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Responses, Weighting, assess};

use crate::error::*;
use crate::model::tm_model;

/// How role groups combine into the municipality's score.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum tm_weighting {
    /// Each reported perspective counts once (default).
    TM_WEIGHTING_BALANCED = 0,
    /// Every respondent counts once.
    TM_WEIGHTING_POOLED = 1,
}

/// Options of an assessment; start from `tm_assess_options_default()`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_assess_options {
    /// A `tm_weighting` value.
    pub weighting: u32,
    /// Minimum respondents behind any figure (k), default 5.
    pub min_group_size: u32,
    /// Bootstrap resamples, default 1000 (0 = no intervals).
    pub bootstrap: u32,
    pub seed: u64,
    /// Target level; 0 = one above the current overall level.
    pub target: i32,
    /// Worker threads; 0 = all cores. Results do not depend on it.
    pub threads: u32,
    /// 1 allows 3 ≤ min_group_size < 5 (the result says so); k below 3 is always refused.
    pub allow_small_groups: u8,
    /// Dispersion figures (intervals, SD, r_wg, alpha) only for cells of at least this many
    /// respondents; default 10.
    pub min_dispersion_n: u32,
    /// Perception gaps need at least this many items asked of both roles; default 2.
    pub min_common_items: u32,
}

/// The documented defaults.
#[unsafe(no_mangle)]
pub extern "C" fn tm_assess_options_default() -> tm_assess_options {
    let fallback = tm_assess_options {
        weighting: tm_weighting::TM_WEIGHTING_BALANCED as u32,
        min_group_size: 5,
        bootstrap: 1000,
        seed: 0,
        target: 0,
        threads: 0,
        allow_small_groups: 0,
        min_dispersion_n: 10,
        min_common_items: 2,
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
            ..fallback
        }
    })
}

fn convert(o: Option<&tm_assess_options>) -> Result<AssessOptions> {
    let o = o.copied().unwrap_or_else(|| tm_assess_options_default());
    Ok({
        let mut opts = AssessOptions::default();
        opts.weighting = match o.weighting {
            0 => Weighting::Balanced,
            1 => Weighting::Pooled,
            other => {
                return Err(Fail::new(
                    TM_STATUS_INVALID_ARGUMENT,
                    format!("weighting {other} is not a tm_weighting (0 balanced, 1 pooled)"),
                ));
            }
        };
        opts.min_group_size = o.min_group_size as usize;
        opts.allow_small_groups = match o.allow_small_groups {
            0 => false,
            1 => true,
            other => {
                return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("allow_small_groups {other} is not 0 or 1")));
            }
        };
        opts.min_dispersion_n = o.min_dispersion_n as usize;
        opts.min_common_items = o.min_common_items as usize;
        opts.bootstrap = o.bootstrap as usize;
        opts.seed = o.seed;
        opts.target = (o.target != 0).then_some(o.target as i64);
        opts.threads = (o.threads != 0).then_some(o.threads as usize);
        opts
    })
}

/// The result of an assessment (immutable; share freely between threads).
pub struct tm_assessment {
    pub(crate) inner: Assessment,
    /// NUL-terminated dimension ids, borrowed by `tm_dimension_result.id`.
    ids: Vec<CString>,
}

/// One dimension's figures. `id` is owned by the assessment: valid until it is freed.
/// A figure that is not reported (anonymity, too few answers) has its `has_…` flag false.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_dimension_result {
    pub id: *const c_char,
    pub has_score: bool,
    pub score: f64,
    pub level: i32,
    pub progress: f64,
    pub has_ci: bool,
    pub ci_low: f64,
    pub ci_high: f64,
    pub has_alpha: bool,
    pub alpha: f64,
    /// Respondents behind the score.
    pub n: usize,
}

fn finish(out: *mut *mut tm_assessment, a: Assessment) {
    let ids = a.dimensions.iter().map(|d| CString::new(d.id.replace('\0', " ")).unwrap_or_default()).collect();
    unsafe { *out = Box::into_raw(Box::new(tm_assessment { inner: a, ids })) };
}

enum Source<'a> {
    Csv(&'a str),
    LongJson(&'a str),
    File(&'a str),
}

unsafe fn run(
    model: *const tm_model,
    source: Source,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> Result<()> {
    let model = &unsafe { handle(model, "model") }?.inner;
    out_arg(out, "out")?;
    convert(unsafe { options.as_ref() })?;
    let responses = match source {
        Source::Csv(text) => Responses::from_csv_str(model, text, &ReadOptions::default())?,
        Source::LongJson(text) => Responses::from_long_json(model, text)?,
        Source::File(path) => Responses::from_file(model, path, &ReadOptions::default())?,
    };
    let options = convert(unsafe { options.as_ref() })?;
    let a = assess(model, &responses, &options)?;
    finish(out, a);
    Ok(())
}

/// Assesses wide CSV text (`respondent`, `role`, item columns). `options` may be NULL (defaults).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_csv(
    model: *const tm_model,
    csv: *const c_char,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> tm_status {
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
    guard(|| unsafe { run(model, Source::LongJson(str_arg(json, "json")?), options, out) })
}

/// Assesses a file: `.json` is long JSON, anything else wide CSV.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_file(
    model: *const tm_model,
    path: *const c_char,
    options: *const tm_assess_options,
    out: *mut *mut tm_assessment,
) -> tm_status {
    guard(|| unsafe { run(model, Source::File(str_arg(path, "path")?), options, out) })
}

/// The full assessment as JSON, the same as the CLI's `assess` (free with `tm_string_free`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_to_json(a: *const tm_assessment, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        unsafe { *out = c_string(a.inner.to_json()) };
        Ok(())
    })
}

/// The overall (staged) level and mean score. Fails with `TM_STATUS_VALIDATION_ERROR` when
/// no dimension could be scored.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_overall(a: *const tm_assessment, score: *mut f64, level: *mut i32) -> tm_status {
    guard(|| {
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(score, "score")?;
        out_arg(level, "level")?;
        let (Some(s), Some(l)) = (a.inner.overall.score, a.inner.overall.level) else {
            return Err(Fail::new(TM_STATUS_VALIDATION_ERROR, "no dimension has a score"));
        };
        unsafe {
            *score = s;
            *level = l as i32;
        }
        Ok(())
    })
}

/// Number of dimensions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_dimension_count(a: *const tm_assessment) -> usize {
    guard_value(0, || unsafe { a.as_ref() }.map_or(0, |a| a.inner.dimensions.len()))
}

/// Respondents left out of every figure to protect anonymity (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_excluded(a: *const tm_assessment) -> usize {
    guard_value(0, || unsafe { a.as_ref() }.map_or(0, |a| a.inner.excluded_for_anonymity))
}

/// The figures of dimension `index` (0-based, model order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_dimension(
    a: *const tm_assessment,
    index: usize,
    out: *mut tm_dimension_result,
) -> tm_status {
    guard(|| {
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let d = a.inner.dimensions.get(index).ok_or_else(|| {
            Fail::new(TM_STATUS_OUT_OF_RANGE, format!("dimension {index} of {}", a.inner.dimensions.len()))
        })?;
        let [lo, hi] = d.ci.unwrap_or([f64::NAN; 2]);
        unsafe {
            *out = tm_dimension_result {
                id: a.ids[index].as_ptr(),
                has_score: d.score.is_some(),
                score: d.score.unwrap_or(f64::NAN),
                level: d.level.unwrap_or(0) as i32,
                progress: d.progress.unwrap_or(f64::NAN),
                has_ci: d.ci.is_some(),
                ci_low: lo,
                ci_high: hi,
                has_alpha: d.alpha.is_some(),
                alpha: d.alpha.unwrap_or(f64::NAN),
                n: d.n,
            }
        };
        Ok(())
    })
}

/// Figures of a dimension added by the scoring contract version 2, read one at a time so
/// the result struct never has to grow.
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
    /// P(level 1) … P(level 5) from the bootstrap replicates.
    TM_FIGURE_P_LEVEL_1 = 11,
    TM_FIGURE_P_LEVEL_2 = 12,
    TM_FIGURE_P_LEVEL_3 = 13,
    TM_FIGURE_P_LEVEL_4 = 14,
    TM_FIGURE_P_LEVEL_5 = 15,
}

fn dimension_figure(d: &transform_model::maturity::DimensionResult, figure: u32) -> Result<Option<f64>> {
    use transform_model::maturity::TargetStatus;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    Ok(match figure {
        0 => d.n_effective,
        1 => d.alpha_n.map(|n| n as f64),
        2 => d.icc1,
        3 => d.icc2,
        4 => d.borderline.map(flag),
        5 => Some(flag(d.partial)),
        6 => d.status.map(|s| match s {
            TargetStatus::ClearlyBelow => 0.0,
            TargetStatus::Uncertain => 1.0,
            TargetStatus::AtOrAbove => 2.0,
        }),
        7 => d.gap,
        11..=15 => d.level_probabilities.as_ref().and_then(|p| p.get(&(figure - 10).to_string()).copied()),
        other => return Err(Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("figure {other} is not a tm_figure"))),
    })
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
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let d = a.inner.dimensions.get(index).ok_or_else(|| {
            Fail::new(TM_STATUS_OUT_OF_RANGE, format!("dimension {index} of {}", a.inner.dimensions.len()))
        })?;
        let value = dimension_figure(d, figure)?.ok_or_else(|| {
            Fail::new(TM_STATUS_VALIDATION_ERROR, format!("figure {figure} of dimension {index} is not reported"))
        })?;
        unsafe { *out = value };
        Ok(())
    })
}

/// Number of perception gaps (pairs of groups × dimensions both are reported on).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_gap_count(a: *const tm_assessment) -> usize {
    guard_value(0, || unsafe { a.as_ref() }.map_or(0, |a| a.inner.gaps.len()))
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
        let a = unsafe { handle(a, "assessment") }?;
        out_arg(out, "out")?;
        let g = a
            .inner
            .gaps
            .get(index)
            .ok_or_else(|| Fail::new(TM_STATUS_OUT_OF_RANGE, format!("gap {index} of {}", a.inner.gaps.len())))?;
        let [lo, hi] = g.ci.unwrap_or([f64::NAN; 2]);
        unsafe {
            *out = tm_gap {
                diff: g.diff.unwrap_or(f64::NAN),
                ci_low: lo,
                ci_high: hi,
                p: g.p.unwrap_or(f64::NAN),
                p_adjusted: g.p_adjusted.unwrap_or(f64::NAN),
                significant: g.significant.map_or(-1, i32::from),
                common_items: g.common_items.len() as u32,
            }
        };
        Ok(())
    })
}

/// Releases an assessment (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assessment_free(a: *mut tm_assessment) {
    free_handle(a);
}

//! `tm_assess_csv_ex` and `tm_assess_file_ex`: an assessment of a survey tool's export (the
//! reader options, `tm_read_options`) and, on another version of the model, the comparison
//! with the baseline round's own responses on the carried-over items (the CLI's
//! `--baseline-responses`, the core's `maturity::compare_carried_over`).

use std::ffi::c_char;

use transform_model::maturity::{BaselineComparison, Round, attach_item_changes, compare_carried_over};
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

use crate::assess_options::{convert, tm_assess_options};
use crate::assessment::{finish, tm_assessment, with_hint};
use crate::error::*;
use crate::model::tm_model;
use crate::read_options::tm_read_options;
use crate::source::Source;

/// # Safety
/// Every pointer is NULL or valid as the C API's contract says.
unsafe fn run(
    model: *const tm_model,
    source: Source,
    read: *const tm_read_options,
    options: *const tm_assess_options,
    baseline_responses: *const c_char,
    out: *mut *mut tm_assessment,
) -> Result<()> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this library.
    let model = &unsafe { handle(model, "model") }?.inner;
    out_arg(out, "out")?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `options` is NULL or a live struct whose pointers
    // are NULL or valid.
    let converted = unsafe { convert(opt_handle(options)) }?;
    let c = &converted.read;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `read` is NULL or a live struct whose pointers are
    // NULL or valid.
    let read =
        unsafe { crate::read_options::convert(opt_handle(read), &c.unit_columns, &c.ignore_columns, c.sheet.clone()) }?;
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `baseline_responses` is NULL or a string.
    let baseline_responses = unsafe { opt_str_arg(baseline_responses, "baseline_responses") }?;
    let responses = source.read(model, &read).map_err(with_hint)?;
    let mut a = assess(model, &responses, &converted.assess)?;
    match (converted.baseline, baseline_responses) {
        (Some(earlier), then) => {
            a = a.with_baseline(&earlier)?;
            attach_item_changes(&mut a, &earlier, model);
            if let Some(path) = then {
                let now = Round { model, responses: &responses, published: &[] };
                a.baseline = Some(carried_over(now, a.clone(), earlier, path, &converted.assess)?);
            }
        }
        (None, Some(_)) => {
            return Err(Fail::new(
                TM_STATUS_INVALID_ARGUMENT,
                "baseline_responses needs the baseline round's assessment (tm_assess_options.baseline_json)",
            ));
        }
        (None, None) => {}
    }
    // SAFETY: as `run`'s caller promises for `out`.
    unsafe { finish(out, a) }
}

/// The comparison on the carried-over items: the baseline's responses read on the bundled
/// model version its assessment names, as the CLI's `--baseline-responses` reads them.
fn carried_over(
    now: Round,
    result: Assessment,
    earlier: Assessment,
    path: &str,
    options: &AssessOptions,
) -> Result<BaselineComparison> {
    let spec = format!("{}@{}", earlier.model.id, earlier.model.version);
    let old = Model::bundled(&spec).map_err(|e| Fail::from(e).context("baseline_responses: the baseline's model"))?;
    let then = Responses::from_file(&old, path, &ReadOptions::default())
        .map_err(|e| Fail::from(e).context(&format!("baseline_responses `{path}`")))?;
    let rounds = [result, earlier];
    let now = Round { published: &rounds[..1], ..now };
    Ok(compare_carried_over(now, Round { model: &old, responses: &then, published: &rounds[1..] }, options)?)
}

/// `tm_assess_csv` with reader options (`read` may be NULL: the columns `respondent`, `role`,
/// `department`) and, when `options->baseline_json` is on another version of the model, the
/// baseline round's responses file `baseline_responses` (NULL = none): the result's
/// `baseline` is then the comparison on the items both versions carry over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_csv_ex(
    model: *const tm_model,
    csv: *const c_char,
    read: *const tm_read_options,
    options: *const tm_assess_options,
    baseline_responses: *const c_char,
    out: *mut *mut tm_assessment,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires; `csv` is NULL or a NUL-terminated string.
    guard(|| unsafe { run(model, Source::Csv(str_arg(csv, "csv")?), read, options, baseline_responses, out) })
}

/// `tm_assess_file` with reader options and the baseline round's responses, as
/// `tm_assess_csv_ex`. `path` `sample` (when no file of that name exists) is the bundled
/// sample survey.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_assess_file_ex(
    model: *const tm_model,
    path: *const c_char,
    read: *const tm_read_options,
    options: *const tm_assess_options,
    baseline_responses: *const c_char,
    out: *mut *mut tm_assessment,
) -> tm_status {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every pointer argument is NULL or valid, as `run`
    // requires; `path` is NULL or a NUL-terminated string.
    guard(|| unsafe { run(model, Source::File(str_arg(path, "path")?), read, options, baseline_responses, out) })
}

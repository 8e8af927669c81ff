//! `tm_report_html`: the self-contained HTML report for the council (the CLI's `report`).
//! Converts and forwards to `transform_model::report::render_html`.

use std::collections::BTreeMap;
use std::ffi::c_char;

use transform_model::mission::AnalysisOptions;
use transform_model::report::{ReportError, ReportInputs, ReportOptions, render_html};

use crate::assessment::tm_assessment;
use crate::catalog::tm_catalog;
use crate::error::*;
use crate::model::tm_model;
use crate::plan::tm_plan;
use crate::portfolio::{lang, tm_lang, tm_portfolio};

impl From<ReportError> for Fail {
    fn from(e: ReportError) -> Self {
        match e {
            ReportError::Template(_) => Fail(TM_STATUS_PANIC, e.to_string()),
            ReportError::UnknownRole { .. }
            | ReportError::TooFewInvited { .. }
            | ReportError::PartialInvited { .. }
            | ReportError::UnknownMunicipality { .. }
            | ReportError::InvalidDate { .. }
            | ReportError::MeetingBeforeSurvey { .. }
            | ReportError::UnknownStatus { .. }
            | ReportError::EmptyCommittee => Fail(TM_STATUS_INVALID_ARGUMENT, e.to_string()),
            _ => Fail(TM_STATUS_VALIDATION_ERROR, e.to_string()),
        }
    }
}

/// Options of a report; start from `tm_report_options_default()`. The 4 bytes after `lang`
/// are named (`reserved`, always 0), so the struct has no hidden padding.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_report_options {
    /// A `tm_lang` value (default Danish).
    pub lang: u32,
    /// Always 0.
    pub reserved: u32,
    /// Role ids (`invited_count` of them) with the people invited per role in
    /// `invited_counts`, for the response rate; NULL with a count of 0 = not given.
    pub invited_roles: *const *const c_char,
    pub invited_counts: *const usize,
    pub invited_count: usize,
}

#[unsafe(no_mangle)]
pub extern "C" fn tm_report_options_default() -> tm_report_options {
    tm_report_options {
        lang: tm_lang::TM_LANG_DA as u32,
        reserved: 0,
        invited_roles: std::ptr::null(),
        invited_counts: std::ptr::null(),
        invited_count: 0,
    }
}

/// # Safety
/// `o.invited_roles` and `o.invited_counts` are NULL or point to `o.invited_count` elements,
/// each role NULL or a NUL-terminated string.
unsafe fn invited(o: &tm_report_options) -> Result<BTreeMap<String, usize>> {
    if o.invited_count == 0 {
        return Ok(BTreeMap::new());
    }
    if o.invited_roles.is_null() || o.invited_counts.is_null() {
        return Err(Fail::new(
            TM_STATUS_NULL_POINTER,
            "`invited_roles` or `invited_counts` is NULL but `invited_count` is not 0",
        ));
    }
    // SAFETY: as this function's caller promises for both lists.
    let roles = unsafe { slice_arg(o.invited_roles, o.invited_count, "invited_roles") }?;
    // SAFETY: as above.
    let counts = unsafe { slice_arg(o.invited_counts, o.invited_count, "invited_counts") }?;
    roles
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (&role, &n))| {
            // SAFETY: as this function's caller promises for each role.
            let role = unsafe { str_arg(role, &format!("invited_roles[{i}]")) }?;
            Ok((role.to_owned(), n))
        })
        .collect()
}

/// The council paper's own inputs (each NULL = its default): `municipality` (code or name,
/// one of the 98), `committee`, `meeting_date` (YYYY-MM-DD), `survey_period`
/// (YYYY-MM-DD..YYYY-MM-DD) and `status` (`beslutning` or `orientering`). A separate struct,
/// so that `tm_report_options` keeps its layout.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_paper_options {
    pub municipality: *const c_char,
    pub committee: *const c_char,
    pub meeting_date: *const c_char,
    pub survey_period: *const c_char,
    pub status: *const c_char,
}

/// A UTF-8 string argument that may be NULL, owned.
fn optional_str(p: *const c_char, name: &str) -> Result<Option<String>> {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): every string field of
    // `tm_paper_options` is NULL or a NUL-terminated string that lives for the call.
    Ok(unsafe { opt_str_arg(p, name) }?.map(str::to_owned))
}

fn paper(p: &tm_paper_options, mut o: ReportOptions) -> Result<ReportOptions> {
    o.municipality = optional_str(p.municipality, "municipality")?;
    o.committee = optional_str(p.committee, "committee")?;
    o.meeting_date = optional_str(p.meeting_date, "meeting_date")?.map(|s| s.parse()).transpose()?;
    o.survey_period = optional_str(p.survey_period, "survey_period")?.map(|s| s.parse()).transpose()?;
    o.status = optional_str(p.status, "status")?.map(|s| s.parse()).transpose()?;
    Ok(o)
}

/// The report as one HTML document (inline CSS and SVG, no script); free with
/// `tm_string_free`. `portfolio`, `catalog`, `plan` and `options` may be NULL. The model is
/// the one the assessment was made with (checked: another model is
/// `TM_STATUS_VALIDATION_ERROR`). The paper's own inputs take `tm_report_html_paper`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_report_html(
    model: *const tm_model,
    assessment: *const tm_assessment,
    portfolio: *const tm_portfolio,
    catalog: *const tm_catalog,
    plan: *const tm_plan,
    options: *const tm_report_options,
    out: *mut *mut c_char,
) -> tm_status {
    // SAFETY: the same pointers, under the same contract, with no paper options.
    unsafe { tm_report_html_paper(model, assessment, portfolio, catalog, plan, options, std::ptr::null(), out) }
}

/// `tm_report_html` with the council paper's own inputs (`paper` may be NULL). A bad
/// municipality, date, period or status, or a meeting before the survey ended, is
/// `TM_STATUS_INVALID_ARGUMENT` with the value named in the last error.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn tm_report_html_paper(
    model: *const tm_model,
    assessment: *const tm_assessment,
    portfolio: *const tm_portfolio,
    catalog: *const tm_catalog,
    plan: *const tm_plan,
    options: *const tm_report_options,
    paper_options: *const tm_paper_options,
    out: *mut *mut c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this
        // library.
        let model = unsafe { handle(model, "model") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `assessment` is NULL or a live handle from this
        // library.
        let assessment = unsafe { handle(assessment, "assessment") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `options` is NULL or a live options struct.
        let o = unsafe { opt_handle(options) }.copied().unwrap_or_else(|| tm_report_options_default());
        // SAFETY: the contract: the invited lists in the options are NULL or `invited_count` long.
        let mut report_options = ReportOptions::new(lang(o.lang)?).with_invited(unsafe { invited(&o) }?);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `paper_options` is NULL or a live options struct.
        if let Some(p) = unsafe { opt_handle(paper_options) } {
            report_options = paper(p, report_options)?;
        }
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `portfolio` is NULL or a live handle from this
        // library.
        let portfolio = unsafe { opt_handle(portfolio) }.map(|p| &p.inner);
        let mut analysis_options = AnalysisOptions::default();
        analysis_options.lang = report_options.lang;
        let analysis = portfolio.map(|p| p.analyse(&analysis_options)).transpose()?;
        let inputs = ReportInputs {
            model: &model.inner,
            assessment: &assessment.inner,
            portfolio: portfolio.zip(analysis.as_ref()),
            // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `catalog` is NULL or a live handle from this
            // library.
            index: unsafe { opt_handle(catalog) }.map(|c| &c.index),
            // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `plan` is NULL or a live handle from this
            // library.
            plan: unsafe { opt_handle(plan) }.map(|p| &p.inner),
        };
        let html = render_html(&inputs, &report_options)?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(html)) }?;
        Ok(())
    })
}

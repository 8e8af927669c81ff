//! `tm_report_html`: the self-contained HTML report for the council (the CLI's `report`).
//! Converts and forwards to `transform_model::report::render_html`.

use std::collections::BTreeMap;
use std::ffi::{CStr, c_char};

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
            ReportError::UnknownRole { .. } | ReportError::TooFewInvited { .. } => {
                Fail(TM_STATUS_INVALID_ARGUMENT, e.to_string())
            }
            _ => Fail(TM_STATUS_VALIDATION_ERROR, e.to_string()),
        }
    }
}

/// Options of a report; start from `tm_report_options_default()`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_report_options {
    /// A `tm_lang` value (default Danish).
    pub lang: u32,
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
        invited_roles: std::ptr::null(),
        invited_counts: std::ptr::null(),
        invited_count: 0,
    }
}

fn invited(o: &tm_report_options) -> Result<BTreeMap<String, usize>> {
    if o.invited_count == 0 {
        return Ok(BTreeMap::new());
    }
    if o.invited_roles.is_null() || o.invited_counts.is_null() {
        return Err(Fail::new(
            TM_STATUS_NULL_POINTER,
            "`invited_roles` or `invited_counts` is NULL but `invited_count` is not 0",
        ));
    }
    let roles = unsafe { std::slice::from_raw_parts(o.invited_roles, o.invited_count) };
    let counts = unsafe { std::slice::from_raw_parts(o.invited_counts, o.invited_count) };
    roles
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (&role, &n))| {
            if role.is_null() {
                return Err(Fail::new(TM_STATUS_NULL_POINTER, format!("`invited_roles[{i}]` is NULL")));
            }
            let role = unsafe { CStr::from_ptr(role) }
                .to_str()
                .map_err(|_| Fail::new(TM_STATUS_INVALID_UTF8, format!("`invited_roles[{i}]` is not UTF-8")))?;
            Ok((role.to_owned(), n))
        })
        .collect()
}

/// The report as one HTML document (inline CSS and SVG, no script); free with
/// `tm_string_free`. `portfolio`, `catalog`, `plan` and `options` may be NULL. The model is
/// the one the assessment was made with (checked: another model is
/// `TM_STATUS_VALIDATION_ERROR`).
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
    guard(|| {
        let model = unsafe { handle(model, "model") }?;
        let assessment = unsafe { handle(assessment, "assessment") }?;
        out_arg(out, "out")?;
        let o = unsafe { options.as_ref() }.copied().unwrap_or_else(|| tm_report_options_default());
        let report_options = ReportOptions::new(lang(o.lang)?).with_invited(invited(&o)?);
        let portfolio = unsafe { portfolio.as_ref() }.map(|p| &p.inner);
        let mut analysis_options = AnalysisOptions::default();
        analysis_options.lang = report_options.lang;
        let analysis = portfolio.map(|p| p.analyse(&analysis_options)).transpose()?;
        let inputs = ReportInputs {
            model: &model.inner,
            assessment: &assessment.inner,
            portfolio: portfolio.zip(analysis.as_ref()),
            index: unsafe { catalog.as_ref() }.map(|c| &c.index),
            plan: unsafe { plan.as_ref() }.map(|p| &p.inner),
        };
        let html = render_html(&inputs, &report_options)?;
        unsafe { *out = c_string(html) };
        Ok(())
    })
}

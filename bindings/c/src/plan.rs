//! `tm_plan`: the five-year transformation plan (docs/plan.md). Converts and forwards to
//! `transform_model::plan::plan`.

use std::ffi::{CString, c_char};

use transform_model::Lang;
use transform_model::mission::AnalysisOptions;
use transform_model::plan::{DEFAULT_CAPACITY_HOURS, Plan, PlanError, PlanInputs, PlanOptions, plan};

use crate::assessment::tm_assessment;
use crate::catalog::tm_catalog;
use crate::error::*;
use crate::model::tm_model;
use crate::portfolio::{lang, tm_lang, tm_portfolio};

impl From<PlanError> for Fail {
    fn from(e: PlanError) -> Self {
        match e {
            PlanError::InvalidOption { .. } => Fail(TM_STATUS_INVALID_ARGUMENT, e.to_string()),
            PlanError::Catalog { error, mission } => {
                let Fail(status, message) = Fail::from(error);
                Fail(status, format!("catalog match for mission `{mission}`: {message}"))
            }
            _ => Fail(TM_STATUS_VALIDATION_ERROR, e.to_string()),
        }
    }
}

/// Options of a plan; start from `tm_plan_options_default()`. No hidden padding (the
/// 4-byte fields come in pairs, then the 8-byte ones).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_plan_options {
    /// Leader hours per department per year (default 2000).
    pub capacity_hours: f64,
    /// Election years (`election_count` of them); NULL = every fourth year from 2025.
    pub elections: *const i32,
    pub election_count: usize,
    /// First plan year; 0 = the portfolio's `year`.
    pub start_year: i32,
    /// Plan years, 1–10 (default 5).
    pub years: i32,
    /// A `tm_lang` value: the language of `tm_plan_action.title`.
    pub lang: u32,
    /// Quarters over which a closed initiative phases out (1–4, default 1).
    pub phase_out_quarters: u32,
    /// Named departments' own leader hours per year (`department_names[i]` gets
    /// `department_hours[i]`; `department_count` of them, NULL when 0); others get
    /// `capacity_hours`.
    pub department_names: *const *const c_char,
    pub department_hours: *const f64,
    pub department_count: usize,
    /// Months of the budget year's steps, by name (`budget_month_names[i]`, e.g. "adoption",
    /// is in month `budget_months[i]`, 1–12; `budget_month_count` of them, NULL when 0).
    pub budget_month_names: *const *const c_char,
    pub budget_months: *const u32,
    pub budget_month_count: usize,
}

#[unsafe(no_mangle)]
pub extern "C" fn tm_plan_options_default() -> tm_plan_options {
    let o = PlanOptions::default();
    tm_plan_options {
        start_year: 0,
        years: o.years as i32,
        capacity_hours: DEFAULT_CAPACITY_HOURS,
        elections: std::ptr::null(),
        election_count: 0,
        lang: tm_lang::TM_LANG_DA as u32,
        phase_out_quarters: o.phase_out_quarters.into(),
        department_names: std::ptr::null(),
        department_hours: std::ptr::null(),
        department_count: 0,
        budget_month_names: std::ptr::null(),
        budget_months: std::ptr::null(),
        budget_month_count: 0,
    }
}

/// One planned action. Strings are owned by the plan: valid until it is freed. Widest
/// fields first, so every byte is written; `has_cost` is a `uint8_t` 0/1, `reserved` 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_plan_action {
    pub hours: f64,
    /// NaN when `has_cost` is 0.
    pub cost_kr: f64,
    pub id: *const c_char,
    /// The JSON kind, e.g. "close", "secure_in_budget".
    pub kind: *const c_char,
    pub title: *const c_char,
    /// NULL when the owner is to be decided.
    pub owner_department: *const c_char,
    pub year: i32,
    pub quarter: i32,
    /// The budget that decides the cost; 0 = none.
    pub budget_year: i32,
    pub has_cost: u8,
    /// Always 0.
    pub reserved: [u8; 3],
}

/// The C strings of one action.
struct Row {
    id: CString,
    kind: CString,
    title: CString,
    owner: Option<CString>,
}

/// A plan (immutable; share freely between threads).
pub struct tm_plan {
    pub(crate) inner: Plan,
    /// Per phase, per action.
    rows: Vec<Vec<Row>>,
}

fn cs(s: &str) -> CString {
    CString::new(s.replace('\0', " ")).unwrap_or_default()
}

fn rows(p: &Plan, lang: Lang) -> Vec<Vec<Row>> {
    p.phases
        .iter()
        .map(|ph| {
            ph.actions
                .iter()
                .map(|a| Row {
                    id: cs(&a.id),
                    kind: cs(serde_json::to_value(a.kind).expect("serializes").as_str().unwrap_or("")),
                    title: cs(a.title.get(lang)),
                    owner: a.owner.as_ref().map(|o| cs(&o.department)),
                })
                .collect()
        })
        .collect()
}

/// # Safety
/// `o.elections` is NULL or points to `o.election_count` years; the department and
/// budget-month lists are NULL or as long as their counts.
unsafe fn convert(o: &tm_plan_options) -> Result<PlanOptions> {
    // NULL (with a count of 0): the default election years; an empty list: none.
    let elections = if o.elections.is_null() && o.election_count == 0 {
        None
    } else {
        // SAFETY: as this function's caller promises for `elections`.
        let list = unsafe { slice_arg(o.elections, o.election_count, "elections") }?;
        Some(list.iter().map(|&y| y as i64).collect())
    };
    let mut opts = PlanOptions::default();
    opts.start_year = (o.start_year != 0).then_some(o.start_year as i64);
    opts.years = o.years as i64;
    opts.capacity_hours = o.capacity_hours;
    opts.elections = elections;
    opts.phase_out_quarters = u8::try_from(o.phase_out_quarters).map_err(|_| {
        Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("phase_out_quarters {} is not 1–4", o.phase_out_quarters))
    })?;
    // SAFETY: as this function's caller promises for the department lists.
    let names = unsafe { named(o.department_names, o.department_count, "department_names") }?;
    // SAFETY: as above.
    let hours = unsafe { slice_arg(o.department_hours, o.department_count, "department_hours") }?;
    opts.department_capacity = names.into_iter().zip(hours.iter().copied()).collect();
    // SAFETY: as this function's caller promises for the budget-month lists.
    let steps = unsafe { named(o.budget_month_names, o.budget_month_count, "budget_month_names") }?;
    // SAFETY: as above.
    let months = unsafe { slice_arg(o.budget_months, o.budget_month_count, "budget_months") }?;
    let map: serde_json::Map<String, serde_json::Value> =
        steps.into_iter().zip(months.iter().map(|&m| serde_json::Value::from(m))).collect();
    opts.budget_months = serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| Fail::new(TM_STATUS_INVALID_ARGUMENT, format!("budget_months: {e}")))?;
    Ok(opts)
}

/// `count` NUL-terminated names (NULL with a count of 0 is none).
///
/// # Safety
/// `p` is NULL or points to `count` pointers, each NULL or a NUL-terminated string.
unsafe fn named(p: *const *const c_char, count: usize, name: &str) -> Result<Vec<String>> {
    // SAFETY: as this function's caller promises for `p` and `count`.
    let list = unsafe { slice_arg(p, count, name) }?;
    list.iter()
        .enumerate()
        // SAFETY: as this function's caller promises for each element.
        .map(|(i, &s)| unsafe { str_arg(s, &format!("{name}[{i}]")) }.map(str::to_owned))
        .collect()
}

/// Builds the plan (named `_new`: `tm_plan` is the handle type). `portfolio` and `catalog` may be NULL (the plan lists what it could not
/// do in `missing`); `options` may be NULL (defaults). The model is the one the assessment
/// was made with (checked).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_new(
    model: *const tm_model,
    assessment: *const tm_assessment,
    portfolio: *const tm_portfolio,
    catalog: *const tm_catalog,
    options: *const tm_plan_options,
    out: *mut *mut tm_plan,
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
        let o = unsafe { opt_handle(options) }.copied().unwrap_or_else(|| tm_plan_options_default());
        let text_lang = lang(o.lang)?;
        // SAFETY: the contract: `elections` in the options is NULL or `election_count` years.
        let plan_options = unsafe { convert(&o) }?;
        plan_options.validate()?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `portfolio` is NULL or a live handle from this
        // library.
        let portfolio = unsafe { opt_handle(portfolio) }.map(|p| &p.inner);
        let mut analysis_options = AnalysisOptions::default();
        analysis_options.year = plan_options.start_year;
        let analysis = portfolio.map(|p| p.analyse(&analysis_options)).transpose()?;
        let inputs = PlanInputs {
            model: &model.inner,
            assessment: &assessment.inner,
            portfolio: portfolio.zip(analysis.as_ref()),
            // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `catalog` is NULL or a live handle from this
            // library.
            index: unsafe { opt_handle(catalog) }.map(|c| &c.index),
        };
        let p = plan(inputs, &plan_options)?;
        let rows = rows(&p, text_lang);
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", Box::into_raw(Box::new(tm_plan { inner: p, rows }))) }?;
        Ok(())
    })
}

/// The plan as JSON (the CLI's `plan --format json`); free with `tm_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_to_json(p: *const tm_plan, out: *mut *mut c_char) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "plan") }?;
        out_arg(out, "out")?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe { write_out(out, "out", c_string(p.inner.to_json())) }?;
        Ok(())
    })
}

/// Number of phases (plan years; 0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_phase_count(p: *const tm_plan) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(p) }.map_or(0, |p| p.inner.phases.len()))
}

/// Number of actions in phase `phase` (0 for NULL or out of range).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_action_count(p: *const tm_plan, phase: usize) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(p) }.and_then(|p| p.inner.phases.get(phase)).map_or(0, |ph| ph.actions.len()))
}

/// Number of deferred actions (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_deferred_count(p: *const tm_plan) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(p) }.map_or(0, |p| p.inner.deferred.len()))
}

/// Action `index` of phase `phase` (`tm_plan_action` is the struct it fills).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_get_action(
    p: *const tm_plan,
    phase: usize,
    index: usize,
    out: *mut tm_plan_action,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "plan") }?;
        out_arg(out, "out")?;
        let out_of_range = || Fail::new(TM_STATUS_OUT_OF_RANGE, format!("no action {index} in phase {phase}"));
        let ph = p.inner.phases.get(phase).ok_or_else(out_of_range)?;
        let a = ph.actions.get(index).ok_or_else(out_of_range)?;
        let row = &p.rows[phase][index];
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `out` is writable storage for the result.
        unsafe {
            write_out(
                out,
                "out",
                tm_plan_action {
                    hours: a.hours,
                    cost_kr: a.cost_kr.unwrap_or(f64::NAN),
                    id: row.id.as_ptr(),
                    kind: row.kind.as_ptr(),
                    title: row.title.as_ptr(),
                    owner_department: row.owner.as_ref().map_or(std::ptr::null(), |o| o.as_ptr()),
                    year: ph.year as i32,
                    quarter: a.quarter as i32,
                    budget_year: a.budget_year.unwrap_or(0) as i32,
                    has_cost: a.cost_kr.is_some().into(),
                    reserved: [0; 3],
                },
            )
        }?;
        Ok(())
    })
}

/// The plan's money in one budget year (drift, kroner; anlæg apart). An amount that is not
/// opgjort (the portfolio lacks a figure) is NaN, never 0; `complete` is 1 when every
/// amount of the year is known. Widest fields first; `reserved` is 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tm_plan_economy {
    pub already_budgeted_kr: f64,
    /// Merudgift.
    pub new_kr: f64,
    /// Mindreudgift.
    pub savings_kr: f64,
    /// new − savings.
    pub net_kr: f64,
    /// Net summed from the first plan year.
    pub cumulative_net_kr: f64,
    /// Net on the anlæg account.
    pub anlaeg_kr: f64,
    /// The known part of `new_kr`.
    pub known_new_kr: f64,
    /// Net of the three overslagsår as this budget sees them.
    pub overslag_kr: [f64; 3],
    pub budget_year: i32,
    /// 1 when no amount of the year is missing.
    pub complete: u8,
    /// Always 0.
    pub reserved: [u8; 3],
}

const _: () = assert!(std::mem::size_of::<tm_plan_economy>() == 10 * 8 + 4 + 1 + 3);

/// Number of budget years in the plan's economy (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_economy_count(p: *const tm_plan) -> usize {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
    guard_value(0, || unsafe { opt_handle(p) }.map_or(0, |p| p.inner.economy.len()))
}

/// Budget year `index` of the plan's economy (`tm_plan_economy` is the struct it fills).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_get_economy(p: *const tm_plan, index: usize, out: *mut tm_plan_economy) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a live handle from this library.
        let p = unsafe { handle(p, "plan") }?;
        out_arg(out, "out")?;
        let e = p
            .inner
            .economy
            .get(index)
            .ok_or_else(|| Fail::new(TM_STATUS_OUT_OF_RANGE, format!("no budget year {index} in the plan")))?;
        let nan = |x: Option<f64>| x.unwrap_or(f64::NAN);
        let mut overslag_kr = [f64::NAN; 3];
        for (slot, o) in overslag_kr.iter_mut().zip(&e.overslag) {
            *slot = nan(o.net_kr);
        }
        let value = tm_plan_economy {
            already_budgeted_kr: nan(e.already_budgeted_kr),
            new_kr: nan(e.new_kr),
            savings_kr: nan(e.savings_kr),
            net_kr: nan(e.net_kr),
            cumulative_net_kr: nan(e.cumulative_net_kr),
            anlaeg_kr: nan(e.anlaeg_kr),
            known_new_kr: e.known_new_kr,
            overslag_kr,
            budget_year: e.budget_year as i32,
            complete: e.not_costed.is_empty().into(),
            reserved: [0; 3],
        };
        // SAFETY: the contract: `out` (checked non-NULL above) points to one writable `tm_plan_economy`.
        unsafe { write_out(out, "out", value) }?;
        Ok(())
    })
}

/// Releases a plan (`NULL` is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_plan_free(p: *mut tm_plan) {
    // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `p` is NULL or a handle from this library, freed once
    // and not used after.
    unsafe { free_handle(p) };
}

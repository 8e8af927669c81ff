//! The C ABI driven as a C program would: handles created, used and freed in an arbitrary
//! order with arbitrary strings and options. Every handle is freed exactly once (freeing
//! removes it from the pool); NULL is passed where the pool is empty. Out-structs are
//! passed as uninitialised memory, as C callers do, so the target does not depend on
//! their fields. Strings returned by the library are freed with `tm_string_free`.
#![no_main]
use std::ffi::{CString, c_char};
use std::mem::MaybeUninit;
use std::ptr::{null, null_mut};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use transform_model_c::*;

#[derive(Arbitrary, Debug)]
enum Op {
    ModelDefault,
    ModelBundled(String),
    ModelFromJson(String),
    ModelOverlay(u8, String),
    ModelToJson(u8),
    ModelCounts(u8),
    ModelFree(u8),
    AssessCsv { model: u8, csv: String, bootstrap: u8, seed: u64, small: bool, threads: u8 },
    AssessSample { model: u8, bootstrap: u8, seed: u64 },
    AssessJson { model: u8, json: String },
    AssessmentToJson(u8),
    AssessmentOverall(u8),
    AssessmentDimension(u8, u16),
    AssessmentFigure(u8, u16, u32),
    AssessmentGap(u8, u16),
    AssessmentCounts(u8),
    AssessmentCompare(u8, u8),
    AssessmentFree(u8),
    ItemAnalysis { model: u8, csv: String, k: u8, small: u8, by_role: u8 },
    CatalogSample,
    CatalogFromJson(String),
    CatalogMatch { catalog: u8, problem: String, filters: Option<String>, top: u8, retrieve: u8, lang: u8 },
    CatalogSimilar { catalog: u8, problem: String, filters: Option<String>, top: u8 },
    CatalogPartners { catalog: u8, code: String, top: u8 },
    CatalogCount(u8),
    CatalogFree(u8),
    ResultIngredient(u8, u16),
    ResultToJson(u8),
    ResultFree(u8),
    PortfolioSample,
    PortfolioFromJson(String),
    PortfolioAnalyse { portfolio: u8, horizon: i8, year: i16, lang: u8 },
    PortfolioFree(u8),
    LastError(u8),
}

/// Handles of one kind; `pick` passes NULL when there is none.
struct Pool<T>(Vec<*mut T>);

impl<T> Pool<T> {
    fn pick(&self, i: u8) -> *mut T {
        if self.0.is_empty() { null_mut() } else { self.0[i as usize % self.0.len()] }
    }
    fn take(&mut self, i: u8) -> *mut T {
        if self.0.is_empty() { null_mut() } else { self.0.swap_remove(i as usize % self.0.len()) }
    }
    fn keep(&mut self, status: tm_status, p: *mut T) {
        if status == TM_STATUS_OK {
            assert!(!p.is_null(), "OK with a NULL handle");
            self.0.push(p);
        } else {
            assert!(p.is_null(), "a failed call wrote its out-parameter");
        }
    }
}

fn c(s: &str) -> CString {
    CString::new(s.replace('\0', " ")).expect("no NUL left")
}

/// A returned string: read to the end (a missing NUL shows up here) and freed.
fn consume(status: tm_status, s: *mut c_char) {
    if status == TM_STATUS_OK {
        assert!(!s.is_null());
        let text = unsafe { std::ffi::CStr::from_ptr(s) };
        std::hint::black_box(text.to_bytes().len());
        unsafe { tm_string_free(s) };
    } else {
        assert!(s.is_null(), "a failed call wrote its out-string");
        assert_ne!(status, TM_STATUS_PANIC, "the library panicked: {}", last_error());
    }
}

fn last_error() -> String {
    let mut buf = vec![0 as c_char; tm_last_error_length() + 1];
    let mut written = 0usize;
    let status = unsafe { tm_last_error_message(buf.as_mut_ptr(), buf.len(), &mut written) };
    assert_eq!(status, TM_STATUS_OK);
    assert_eq!(written, buf.len() - 1);
    unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned()
}

fn checked(status: tm_status) -> tm_status {
    assert_ne!(status, TM_STATUS_PANIC, "the library panicked: {}", last_error());
    status
}

fuzz_target!(|ops: Vec<Op>| {
    let mut models: Pool<tm_model> = Pool(Vec::new());
    let mut assessments: Pool<tm_assessment> = Pool(Vec::new());
    let mut catalogs: Pool<tm_catalog> = Pool(Vec::new());
    let mut results: Pool<tm_match_result> = Pool(Vec::new());
    let mut portfolios: Pool<tm_portfolio> = Pool(Vec::new());
    for op in ops.into_iter().take(64) {
        let mut s: *mut c_char = null_mut();
        match op {
            Op::ModelDefault => {
                let mut m = null_mut();
                models.keep(checked(unsafe { tm_model_default(&mut m) }), m);
            }
            Op::ModelBundled(id) => {
                let mut m = null_mut();
                models.keep(checked(unsafe { tm_model_bundled(c(&id).as_ptr(), &mut m) }), m);
            }
            Op::ModelFromJson(json) => {
                let mut m = null_mut();
                models.keep(checked(unsafe { tm_model_from_json(c(&json).as_ptr(), &mut m) }), m);
            }
            Op::ModelOverlay(i, json) => {
                let mut m = null_mut();
                models.keep(checked(unsafe { tm_model_overlay(models.pick(i), c(&json).as_ptr(), &mut m) }), m);
            }
            Op::ModelToJson(i) => consume(unsafe { tm_model_to_json(models.pick(i), &mut s) }, s),
            Op::ModelCounts(i) => unsafe {
                std::hint::black_box(tm_model_dimension_count(models.pick(i)) + tm_model_item_count(models.pick(i)));
            },
            Op::ModelFree(i) => unsafe { tm_model_free(models.take(i)) },
            Op::AssessCsv { model, csv, bootstrap, seed, small, threads } => {
                let mut o = tm_assess_options_default();
                o.bootstrap = u32::from(bootstrap % 32);
                o.seed = seed;
                o.threads = u32::from(threads % 4);
                if small {
                    o.min_group_size = 3;
                    o.allow_small_groups = 1;
                }
                let mut a = null_mut();
                let status = unsafe { tm_assess_csv(models.pick(model), c(&csv).as_ptr(), &o, &mut a) };
                assessments.keep(checked(status), a);
            }
            Op::AssessSample { model, bootstrap, seed } => {
                let mut o = tm_assess_options_default();
                o.bootstrap = u32::from(bootstrap % 32);
                o.seed = seed;
                let csv = c(transform_model::maturity::SAMPLE_RESPONSES_CSV);
                let mut a = null_mut();
                let status = unsafe { tm_assess_csv(models.pick(model), csv.as_ptr(), &o, &mut a) };
                assessments.keep(checked(status), a);
            }
            Op::AssessJson { model, json } => {
                let mut a = null_mut();
                let status = unsafe { tm_assess_json(models.pick(model), c(&json).as_ptr(), null(), &mut a) };
                assessments.keep(checked(status), a);
            }
            Op::AssessmentToJson(i) => consume(unsafe { tm_assessment_to_json(assessments.pick(i), &mut s) }, s),
            Op::AssessmentOverall(i) => {
                let (mut score, mut level) = (0.0, 0);
                checked(unsafe { tm_assessment_overall(assessments.pick(i), &mut score, &mut level) });
            }
            Op::AssessmentDimension(i, index) => {
                let mut out = MaybeUninit::<tm_dimension_result>::uninit();
                checked(unsafe { tm_assessment_dimension(assessments.pick(i), index.into(), out.as_mut_ptr()) });
            }
            Op::AssessmentFigure(i, index, figure) => {
                let mut out = 0.0;
                checked(unsafe { tm_assessment_dimension_figure(assessments.pick(i), index.into(), figure, &mut out) });
            }
            Op::AssessmentGap(i, index) => {
                let mut out = MaybeUninit::<tm_gap>::uninit();
                checked(unsafe { tm_assessment_gap(assessments.pick(i), index.into(), out.as_mut_ptr()) });
            }
            Op::AssessmentCounts(i) => unsafe {
                let a = assessments.pick(i);
                std::hint::black_box(
                    tm_assessment_dimension_count(a) + tm_assessment_excluded(a) + tm_assessment_gap_count(a),
                );
            },
            Op::AssessmentCompare(i, j) => {
                let status = unsafe { tm_assessment_compare_json(assessments.pick(i), assessments.pick(j), &mut s) };
                consume(status, s);
            }
            Op::AssessmentFree(i) => unsafe { tm_assessment_free(assessments.take(i)) },
            Op::ItemAnalysis { model, csv, k, small, by_role } => {
                let status = unsafe {
                    tm_item_analysis_json_ex(
                        models.pick(model),
                        c(&csv).as_ptr(),
                        k.into(),
                        small % 3,
                        by_role % 3,
                        &mut s,
                    )
                };
                consume(status, s);
            }
            Op::CatalogSample => {
                let mut p = null_mut();
                catalogs.keep(checked(unsafe { tm_catalog_sample(&mut p) }), p);
            }
            Op::CatalogFromJson(json) => {
                let mut p = null_mut();
                catalogs.keep(checked(unsafe { tm_catalog_from_json(c(&json).as_ptr(), &mut p) }), p);
            }
            Op::CatalogMatch { catalog, problem, filters, top, retrieve, lang } => {
                let mut o = tm_match_options_default();
                o.top = top.into();
                o.retrieve = retrieve.into();
                o.lang = u32::from(lang % 3);
                let filters = filters.map(|f| c(&f));
                let fp = filters.as_ref().map_or(null(), |f| f.as_ptr());
                let mut r = null_mut();
                let status = unsafe { tm_catalog_match(catalogs.pick(catalog), c(&problem).as_ptr(), fp, &o, &mut r) };
                results.keep(checked(status), r);
            }
            Op::CatalogSimilar { catalog, problem, filters, top } => {
                let filters = filters.map(|f| c(&f));
                let fp = filters.as_ref().map_or(null(), |f| f.as_ptr());
                let status =
                    unsafe { tm_catalog_similar(catalogs.pick(catalog), c(&problem).as_ptr(), fp, top.into(), &mut s) };
                consume(status, s);
            }
            Op::CatalogPartners { catalog, code, top } => {
                let status =
                    unsafe { tm_catalog_partners(catalogs.pick(catalog), c(&code).as_ptr(), top.into(), &mut s) };
                consume(status, s);
            }
            Op::CatalogCount(i) => unsafe {
                std::hint::black_box(tm_catalog_intervention_count(catalogs.pick(i)));
            },
            Op::CatalogFree(i) => unsafe { tm_catalog_free(catalogs.take(i)) },
            Op::ResultIngredient(i, index) => {
                let (mut id, mut score) = (null(), 0.0);
                let status =
                    checked(unsafe { tm_match_result_ingredient(results.pick(i), index.into(), &mut id, &mut score) });
                if status == TM_STATUS_OK {
                    std::hint::black_box(unsafe { std::ffi::CStr::from_ptr(id) }.to_bytes().len());
                }
            }
            Op::ResultToJson(i) => consume(unsafe { tm_match_result_to_json(results.pick(i), &mut s) }, s),
            Op::ResultFree(i) => unsafe { tm_match_result_free(results.take(i)) },
            Op::PortfolioSample => {
                let mut p = null_mut();
                portfolios.keep(checked(unsafe { tm_portfolio_sample(&mut p) }), p);
            }
            Op::PortfolioFromJson(json) => {
                let mut p = null_mut();
                portfolios.keep(checked(unsafe { tm_portfolio_from_json(c(&json).as_ptr(), &mut p) }), p);
            }
            Op::PortfolioAnalyse { portfolio, horizon, year, lang } => {
                let mut o = tm_portfolio_options_default();
                o.horizon = horizon.into();
                o.year = year.into();
                o.lang = u32::from(lang % 3);
                consume(unsafe { tm_portfolio_analyse(portfolios.pick(portfolio), &o, &mut s) }, s);
            }
            Op::PortfolioFree(i) => unsafe { tm_portfolio_free(portfolios.take(i)) },
            Op::LastError(len) => {
                let mut buf = vec![0 as c_char; len as usize];
                let mut written = 0usize;
                let status = unsafe { tm_last_error_message(buf.as_mut_ptr(), buf.len(), &mut written) };
                if len > 0 {
                    assert_ne!(status, TM_STATUS_NULL_POINTER);
                    assert!(buf.contains(&0), "the message is NUL-terminated");
                }
            }
        }
    }
    // Whatever is left is freed once, as a careful C program ends.
    for m in models.0 {
        unsafe { tm_model_free(m) };
    }
    for a in assessments.0 {
        unsafe { tm_assessment_free(a) };
    }
    for r in results.0 {
        unsafe { tm_match_result_free(r) };
    }
    for c in catalogs.0 {
        unsafe { tm_catalog_free(c) };
    }
    for p in portfolios.0 {
        unsafe { tm_portfolio_free(p) };
    }
});

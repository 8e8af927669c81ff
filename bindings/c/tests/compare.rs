//! `tm_assessment_compare_json` through the C ABI: the library's round comparison as JSON,
//! a validation error for rounds under another weighting, and NULL refused.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use transform_model::maturity::{RoundComparison, SAMPLE_RESPONSES_CSV, compare_rounds};
use transform_model_c::*;

fn round(csv: &str, weighting: tm_weighting) -> *mut tm_assessment {
    let mut model = ptr::null_mut();
    assert_eq!(unsafe { tm_model_default(&mut model) }, tm_status::TM_STATUS_OK);
    let mut o = tm_assess_options_default();
    o.weighting = weighting as u32;
    o.bootstrap = 0;
    o.min_dispersion_n = 5;
    let text = CString::new(csv).unwrap();
    let mut out = ptr::null_mut();
    assert_eq!(unsafe { tm_assess_csv(model, text.as_ptr(), &o, &mut out) }, tm_status::TM_STATUS_OK);
    unsafe { tm_model_free(model) };
    out
}

fn shifted() -> String {
    SAMPLE_RESPONSES_CSV
        .lines()
        .map(|l| if l.contains(",frontline,") { l.replace(",2,", ",3,") } else { l.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

fn json_of(a: *const tm_assessment) -> String {
    let mut s: *mut c_char = ptr::null_mut();
    assert_eq!(unsafe { tm_assessment_to_json(a, &mut s) }, tm_status::TM_STATUS_OK);
    let text = unsafe { CStr::from_ptr(s) }.to_str().unwrap().to_owned();
    unsafe { tm_string_free(s) };
    text
}

#[test]
fn compare_json_is_the_library_comparison() {
    let before = round(SAMPLE_RESPONSES_CSV, tm_weighting::TM_WEIGHTING_BALANCED);
    let after = round(&shifted(), tm_weighting::TM_WEIGHTING_BALANCED);
    let mut s: *mut c_char = ptr::null_mut();
    assert_eq!(unsafe { tm_assessment_compare_json(after, before, &mut s) }, tm_status::TM_STATUS_OK);
    let printed: RoundComparison = serde_json::from_str(unsafe { CStr::from_ptr(s) }.to_str().unwrap()).unwrap();
    unsafe { tm_string_free(s) };
    let a = transform_model::Assessment::from_json(&json_of(after)).unwrap();
    let b = transform_model::Assessment::from_json(&json_of(before)).unwrap();
    assert_eq!(printed, compare_rounds(&a, &b).unwrap());
    assert!(printed.changes.iter().any(|c| c.group.as_deref() == Some("frontline") && c.p.is_some()));
    unsafe {
        tm_assessment_free(before);
        tm_assessment_free(after);
    }
}

#[test]
fn compare_json_refuses_another_weighting_and_null() {
    let before = round(SAMPLE_RESPONSES_CSV, tm_weighting::TM_WEIGHTING_POOLED);
    let after = round(SAMPLE_RESPONSES_CSV, tm_weighting::TM_WEIGHTING_BALANCED);
    let mut s: *mut c_char = ptr::null_mut();
    assert_eq!(unsafe { tm_assessment_compare_json(after, before, &mut s) }, tm_status::TM_STATUS_VALIDATION_ERROR);
    assert!(s.is_null());
    assert_eq!(unsafe { tm_assessment_compare_json(after, ptr::null(), &mut s) }, tm_status::TM_STATUS_NULL_POINTER);
    unsafe {
        tm_assessment_free(before);
        tm_assessment_free(after);
    }
}

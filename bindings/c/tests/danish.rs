//! One Danish voice through the C ABI: the strings a C caller gets in Danish
//! (`tm_assessment_to_text` and `tm_report_html` with `TM_LANG_DA`) read with the language
//! test's checker (tests/danish/check.rs, shared with the CLI's test), on a survey of its own
//! (the sample generator with an explicit model and seed, with a department breakdown).

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use transform_model::Model;
use transform_model::maturity::sample::sample_csv;
use transform_model_c::*;

#[path = "../../../tests/danish/check.rs"]
mod check;

const MODEL: &str = "dtm@2026.2";

fn owned(s: *mut c_char) -> String {
    let text = unsafe { CStr::from_ptr(s) }.to_str().unwrap().to_owned();
    unsafe { tm_string_free(s) };
    text
}

/// The text a reader sees in the report before its method appendix (where ids are allowed).
fn visible(html: &str) -> String {
    let body = html.split("<style>").next().unwrap().to_owned() + html.split("</style>").nth(1).unwrap_or("");
    let body = body.split("aria-labelledby=\"s-method\"").next().unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'")
}

#[test]
fn the_c_strings_in_danish_are_danish() {
    let model_rs = Model::resolve(MODEL).unwrap();
    let csv = sample_csv(&model_rs, 60, 2027, None);
    let id = CString::new(MODEL).unwrap();
    let mut model = ptr::null_mut();
    assert_eq!(unsafe { tm_model_bundled(id.as_ptr(), &mut model) }, tm_status::TM_STATUS_OK);
    let mut o = tm_assess_options_default();
    o.bootstrap = 20;
    let text = CString::new(csv).unwrap();
    let mut a = ptr::null_mut();
    assert_eq!(unsafe { tm_assess_csv(model, text.as_ptr(), &o, &mut a) }, tm_status::TM_STATUS_OK);

    let mut table: *mut c_char = ptr::null_mut();
    let da = tm_lang::TM_LANG_DA as u32;
    assert_eq!(unsafe { tm_assessment_to_text(a, model, da, &mut table) }, tm_status::TM_STATUS_OK);
    let table = owned(table);
    assert!(table.contains("Samlet niveau"), "{table}");

    let mut ro = tm_report_options_default();
    ro.lang = da;
    let mut html: *mut c_char = ptr::null_mut();
    let status = unsafe { tm_report_html(model, a, ptr::null(), ptr::null(), ptr::null(), &ro, &mut html) };
    assert_eq!(status, tm_status::TM_STATUS_OK);
    let report = visible(&owned(html));
    assert!(report.contains("Indstilling"));
    unsafe {
        tm_assessment_free(a);
        tm_model_free(model);
    }

    let mut failures = Vec::new();
    for (name, text) in [("tm_assessment_to_text", &table), ("tm_report_html", &report)] {
        let found = check::violations(text);
        if !found.is_empty() {
            failures.push(format!("`{name}`: {found:?}"));
        }
    }
    assert!(failures.is_empty(), "not Danish:\n{}", failures.join("\n"));
}

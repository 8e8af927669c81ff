//! `tm_questionnaire_to_file` through the C ABI: the file is the library's questionnaire,
//! and bad arguments are statuses with a message naming what was wrong.

use std::ffi::{CString, c_char};

use transform_model::Model;
use transform_model::questionnaire::{Format, QuestionnaireOptions, render};
use transform_model_c::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn last_error() -> String {
    let mut buf = vec![0 as c_char; 1024];
    let mut written = 0usize;
    unsafe { tm_last_error_message(buf.as_mut_ptr(), buf.len(), &mut written) };
    let bytes: Vec<u8> = buf[..written].iter().map(|&b| b as u8).collect();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn writes_the_librarys_questionnaire_and_names_bad_arguments() {
    let dir = std::env::temp_dir().join(format!("tm-c-q-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut model = std::ptr::null_mut();
    assert_eq!(unsafe { tm_model_default(&mut model) }, tm_status::TM_STATUS_OK);
    let path = dir.join("q.html");
    let status = unsafe {
        tm_questionnaire_to_file(
            model,
            c("html").as_ptr(),
            c("frontline").as_ptr(),
            c("en").as_ptr(),
            c(path.to_str().unwrap()).as_ptr(),
        )
    };
    assert_eq!(status, tm_status::TM_STATUS_OK);
    let options = {
        let mut o = QuestionnaireOptions::default();
        o.role = Some("frontline".into());
        o.lang = transform_model::Lang::En;
        o
    };
    assert_eq!(std::fs::read(&path).unwrap(), render(&Model::default_model(), Format::Html, &options).unwrap());

    let csv = dir.join("q.csv");
    let status = unsafe {
        tm_questionnaire_to_file(
            model,
            c("csv").as_ptr(),
            std::ptr::null(),
            c("da").as_ptr(),
            c(csv.to_str().unwrap()).as_ptr(),
        )
    };
    assert_eq!(status, tm_status::TM_STATUS_OK);
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        render(&Model::default_model(), Format::Csv, &Default::default()).unwrap()
    );

    let status = unsafe {
        tm_questionnaire_to_file(
            model,
            c("html").as_ptr(),
            c("mayor").as_ptr(),
            c("da").as_ptr(),
            c(path.to_str().unwrap()).as_ptr(),
        )
    };
    assert_eq!(status, tm_status::TM_STATUS_INVALID_ARGUMENT);
    assert!(last_error().contains("unknown role `mayor`"), "{}", last_error());
    let status = unsafe {
        tm_questionnaire_to_file(
            model,
            c("pdf").as_ptr(),
            std::ptr::null(),
            c("da").as_ptr(),
            c(path.to_str().unwrap()).as_ptr(),
        )
    };
    assert_eq!(status, tm_status::TM_STATUS_INVALID_ARGUMENT);
    assert!(last_error().contains("`pdf`"), "{}", last_error());
    let status = unsafe {
        tm_questionnaire_to_file(model, c("csv").as_ptr(), std::ptr::null(), c("da").as_ptr(), std::ptr::null())
    };
    assert_eq!(status, tm_status::TM_STATUS_NULL_POINTER);
    unsafe { tm_model_free(model) };
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_pilot_guide_is_the_librarys_and_an_unknown_role_is_named() {
    let mut model = std::ptr::null_mut();
    assert_eq!(unsafe { tm_model_bundled(c("dtm@2027.1").as_ptr(), &mut model) }, tm_status::TM_STATUS_OK);
    let mut out: *mut c_char = std::ptr::null_mut();
    let status = unsafe { tm_pilot_guide(model, c("frontline").as_ptr(), c("da").as_ptr(), &mut out) };
    assert_eq!(status, tm_status::TM_STATUS_OK);
    let guide = unsafe { std::ffi::CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    unsafe { tm_string_free(out) };
    let expected = transform_model::questionnaire::pilot_guide(
        &Model::bundled("dtm@2027.1").unwrap(),
        "frontline",
        transform_model::Lang::Da,
    )
    .unwrap();
    assert_eq!(guide, expected);

    let mut out: *mut c_char = std::ptr::null_mut();
    let status = unsafe { tm_pilot_guide(model, c("mayor").as_ptr(), c("da").as_ptr(), &mut out) };
    assert_eq!(status, tm_status::TM_STATUS_INVALID_ARGUMENT);
    assert!(out.is_null());
    assert!(last_error().contains("unknown role `mayor`"), "{}", last_error());
    unsafe { tm_model_free(model) };
}

#[test]
fn the_department_question_takes_the_units_and_names_a_bad_one() {
    let dir = std::env::temp_dir().join(format!("tm-c-qd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut model = std::ptr::null_mut();
    assert_eq!(unsafe { tm_model_bundled(c("dtm@2027.1").as_ptr(), &mut model) }, tm_status::TM_STATUS_OK);
    let write = |units: &[&str], path: &std::path::Path| {
        let names: Vec<CString> = units.iter().map(|u| c(u)).collect();
        let ptrs: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
        unsafe {
            tm_questionnaire_to_file_with_departments(
                model,
                c("csv").as_ptr(),
                std::ptr::null(),
                c("da").as_ptr(),
                ptrs.as_ptr(),
                ptrs.len(),
                c(path.to_str().unwrap()).as_ptr(),
            )
        }
    };
    let path = dir.join("q.csv");
    assert_eq!(write(&["Børn og Unge", "Teknik"], &path), tm_status::TM_STATUS_OK);
    let mut o = QuestionnaireOptions::default();
    o.departments = vec!["Børn og Unge".into(), "Teknik".into()];
    let expected = render(&Model::bundled("dtm@2027.1").unwrap(), Format::Csv, &o).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), expected);
    assert_eq!(write(&["Teknik", "Politician"], &dir.join("bad.csv")), tm_status::TM_STATUS_INVALID_ARGUMENT);
    assert!(last_error().contains("department `Politician`"), "{}", last_error());
    assert!(!dir.join("bad.csv").exists());
    let status = unsafe {
        tm_questionnaire_to_file_with_departments(
            model,
            c("csv").as_ptr(),
            std::ptr::null(),
            c("da").as_ptr(),
            std::ptr::null(),
            2,
            c(path.to_str().unwrap()).as_ptr(),
        )
    };
    assert_eq!(status, tm_status::TM_STATUS_NULL_POINTER);
    unsafe { tm_model_free(model) };
    std::fs::remove_dir_all(&dir).unwrap();
}

//! `tm_questionnaire_to_file`: the model's items as a form file (XLSForm, list, HTML).

use std::ffi::c_char;

use transform_model::questionnaire::{Format, QuestionnaireError, QuestionnaireOptions, write_file};

use crate::error::*;
use crate::model::tm_model;

impl From<QuestionnaireError> for Fail {
    fn from(e: QuestionnaireError) -> Self {
        let status = match e {
            QuestionnaireError::UnknownRole { .. }
            | QuestionnaireError::UnknownFormat { .. }
            | QuestionnaireError::InvalidThreshold { .. }
            | QuestionnaireError::FeatureDisabled { .. } => TM_STATUS_INVALID_ARGUMENT,
            QuestionnaireError::InvalidName { .. } => TM_STATUS_VALIDATION_ERROR,
            QuestionnaireError::InvalidDepartment { .. } => TM_STATUS_INVALID_ARGUMENT,
            QuestionnaireError::Workbook { .. } | QuestionnaireError::Io { .. } => TM_STATUS_IO_ERROR,
            // A variant added later: reported as a validation error until it gets its own status.
            _ => TM_STATUS_VALIDATION_ERROR,
        };
        Fail::new(status, e.to_string())
    }
}

/// Writes the questionnaire of `model` to `path` (replaced whole, never half-written).
/// `format`: "xlsform", "xlsx", "csv" or "html"; `role`: one role's items, or NULL for all
/// roles; `lang`: "da" or "en". The anonymity promise states k = 5.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_questionnaire_to_file(
    model: *const tm_model,
    format: *const c_char,
    role: *const c_char,
    lang: *const c_char,
    path: *const c_char,
) -> tm_status {
    // SAFETY: the caller's promises for the pointers carry over; no departments.
    unsafe { tm_questionnaire_to_file_with_departments(model, format, role, lang, std::ptr::null(), 0, path) }
}

/// [`tm_questionnaire_to_file`] with the department question: `departments` points to
/// `department_count` unit names (NULL when the count is 0), offered to the roles with a
/// workplace of their own; the answers land in the `department` column the response reader
/// breaks down by. A name that is empty, listed twice or named like a role is
/// `TM_STATUS_INVALID_ARGUMENT`, naming it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tm_questionnaire_to_file_with_departments(
    model: *const tm_model,
    format: *const c_char,
    role: *const c_char,
    lang: *const c_char,
    departments: *const *const c_char,
    department_count: usize,
    path: *const c_char,
) -> tm_status {
    guard(|| {
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `model` is NULL or a live handle from this
        // library.
        let model = unsafe { handle(model, "model") }?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `format` is NULL or a NUL-terminated string.
        let format: Format = unsafe { str_arg(format, "format") }?.parse()?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `role` is NULL or a NUL-terminated string.
        let role = unsafe { opt_str_arg(role, "role") }?.map(str::to_owned);
        let lang =
            // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `lang` is NULL or a NUL-terminated string.
            unsafe { str_arg(lang, "lang") }?.parse().map_err(|e: transform_model::localized::UnknownLang| Fail::new(TM_STATUS_INVALID_ARGUMENT, e.to_string()))?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `departments` is NULL or points to
        // `department_count` pointers, each NULL or a NUL-terminated string.
        let list = unsafe { slice_arg(departments, department_count, "departments") }?;
        let departments = list
            .iter()
            .enumerate()
            // SAFETY: as above, for each entry.
            .map(|(i, &d)| unsafe { str_arg(d, &format!("departments[{i}]")) }.map(str::to_owned))
            .collect::<Result<Vec<_>>>()?;
        // SAFETY: the C API's contract (docs/c-api.md, "Pointers"): `path` is NULL or a NUL-terminated string.
        let path = unsafe { str_arg(path, "path") }?;
        let mut options = QuestionnaireOptions::default();
        options.role = role;
        options.lang = lang;
        options.departments = departments;
        write_file(&model.inner, format, &options, path)?;
        Ok(())
    })
}

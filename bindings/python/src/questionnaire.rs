//! `write_questionnaire`: the model's items as a form file; errors become the package's
//! exception classes with the argument named.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use transform_model::questionnaire::{Format, QuestionnaireError, QuestionnaireOptions, write_file};

use crate::PyModel;

/// Writes the questionnaire of `model` to `path` in `format` (xlsform, xlsx, csv, html).
#[pyfunction]
#[pyo3(signature = (model, format, path, role, lang, departments=Vec::new()))]
pub fn write_questionnaire(
    py: Python<'_>,
    model: &PyModel,
    format: &str,
    path: std::path::PathBuf,
    role: Option<String>,
    lang: &str,
    departments: Vec<String>,
) -> PyResult<()> {
    let lang = lang.parse().map_err(|e: transform_model::localized::UnknownLang| {
        error(py, "OptionError", e.to_string(), Some(("lang", lang.to_owned())))
    })?;
    let model = model.inner.clone();
    let format_name = format.to_owned();
    let result = py.detach(move || {
        let format: Format = format_name.parse()?;
        write_file(
            &model,
            format,
            &{
                let mut o = QuestionnaireOptions::default();
                o.role = role;
                o.lang = lang;
                o.departments = departments;
                o
            },
            &path,
        )
    });
    result.map_err(|e| {
        let message = e.to_string();
        match e {
            QuestionnaireError::UnknownRole { role, .. } => error(py, "OptionError", message, Some(("role", role))),
            QuestionnaireError::UnknownFormat { format, .. } => {
                error(py, "OptionError", message, Some(("format", format)))
            }
            QuestionnaireError::FeatureDisabled { format } => {
                error(py, "OptionError", message, Some(("format", format.to_owned())))
            }
            QuestionnaireError::InvalidThreshold { .. } | QuestionnaireError::InvalidName { .. } => {
                error(py, "ModelError", message, None)
            }
            QuestionnaireError::InvalidDepartment { name, .. } => {
                error(py, "OptionError", message, Some(("departments", name)))
            }
            QuestionnaireError::Io { .. } | QuestionnaireError::Workbook { .. } => {
                pyo3::exceptions::PyOSError::new_err(message)
            }
            // A variant added later: the message alone until it gets its own fields.
            _ => error(py, "ModelError", message, None),
        }
    })
}

/// The cognitive-interview guide (Markdown) for the questions `role` gets.
#[pyfunction]
#[pyo3(signature = (model, role, lang))]
pub fn pilot_guide(py: Python<'_>, model: &PyModel, role: &str, lang: &str) -> PyResult<String> {
    let lang = lang.parse().map_err(|e: transform_model::localized::UnknownLang| {
        error(py, "OptionError", e.to_string(), Some(("lang", lang.to_owned())))
    })?;
    transform_model::questionnaire::pilot_guide(&model.inner, role, lang).map_err(|e| {
        let message = e.to_string();
        match e {
            QuestionnaireError::UnknownRole { role, .. } => error(py, "OptionError", message, Some(("role", role))),
            _ => error(py, "ModelError", message, None),
        }
    })
}

/// `transform_model._errors.<class>(message, option=…, value=…)`.
fn error(py: Python<'_>, class: &str, message: String, option: Option<(&str, String)>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("transform_model._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        if let Some((name, value)) = option {
            kwargs.set_item("option", name)?;
            kwargs.set_item("value", value)?;
        }
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    build().unwrap_or_else(|e| e)
}

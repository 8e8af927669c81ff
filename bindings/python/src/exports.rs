//! BI exports for Python: an assessment, portfolio analysis or plan written as CSV or
//! `.xlsx` by the core's `export` module (one long table; docs/exports.md).

use std::path::PathBuf;

use pyo3::exceptions::{PyFileNotFoundError, PyOSError};
use pyo3::prelude::*;
use transform_model::export::{self, ExportError, Format, Table};

use crate::errors::invalid;
use crate::{PyAssessment, lang};

fn py_err(e: ExportError) -> PyErr {
    match e {
        ExportError::NoFolder { .. } => PyFileNotFoundError::new_err(e.to_string()),
        ExportError::Write { .. } => PyOSError::new_err(e.to_string()),
        other => invalid(other),
    }
}

fn write(table: &Table, format: &str, language: &str, path: PathBuf) -> PyResult<()> {
    let format: Format = format.parse().map_err(py_err)?;
    export::write_file(table, format, lang(language)?, &path).map_err(py_err)
}

/// Writes the assessment's long table to `path` as `format` (`csv` or `xlsx`).
#[pyfunction]
pub fn export_assessment(assessment: &PyAssessment, format: &str, lang: &str, path: PathBuf) -> PyResult<()> {
    let table = export::assessment_table(&assessment.inner, crate::lang(lang)?);
    write(&table, format, lang, path)
}

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

/// Writes the portfolio analysis's long table (`portfolio --format csv|xlsx`).
#[pyfunction]
pub fn export_portfolio(
    portfolio: &crate::portfolio::PyPortfolio,
    analysis: &crate::portfolio::PyAnalysis,
    format: &str,
    lang: &str,
    path: PathBuf,
) -> PyResult<()> {
    let table = export::portfolio_table(&portfolio.inner, &analysis.inner, crate::lang(lang)?);
    write(&table, format, lang, path)
}

/// Writes the plan's long table (`plan --format csv|xlsx`) from the plan's JSON.
#[pyfunction]
pub fn export_plan(plan_json: &str, format: &str, lang: &str, path: PathBuf) -> PyResult<()> {
    let plan = transform_model::plan::Plan::from_json(plan_json)
        .map_err(|e| invalid(format!("plan JSON at `{}`: {}", e.path, e.message)))?;
    write(&export::plan_table(&plan, crate::lang(lang)?), format, lang, path)
}

/// Writes a match result's long table (`match --format csv|xlsx`) from its JSON.
#[pyfunction]
pub fn export_match(result_json: &str, format: &str, lang: &str, path: PathBuf) -> PyResult<()> {
    let result: transform_model::ingredient::MatchResult =
        serde_json::from_str(result_json).map_err(|e| invalid(format!("match result JSON: {e}")))?;
    write(&export::match_table(&result, None, crate::lang(lang)?), format, lang, path)
}

//! Round comparison and JSON Schemas for Python: JSON text in, JSON text out (the Python
//! side turns the changes into a DataFrame).

use pyo3::prelude::*;
use transform_model::maturity::compare_rounds;

use crate::PyAssessment;
use crate::errors::{IntoPyResult, invalid};

/// The changes from `baseline` to `current` (`RoundComparison` JSON).
#[pyfunction]
pub fn compare_rounds_json(py: Python<'_>, current: &PyAssessment, baseline: &PyAssessment) -> PyResult<String> {
    let comparison = compare_rounds(&current.inner, &baseline.inner).into_py_result(py)?;
    Ok(comparison.to_json())
}

/// The JSON Schema named `name`, as JSON text.
#[pyfunction]
pub fn schema_json(name: &str) -> PyResult<String> {
    let schema = transform_model::schema::schema(name).map_err(invalid)?;
    Ok(serde_json::to_string(&schema).expect("a schema serializes"))
}

/// The names of the schemas, in documentation order.
#[pyfunction]
pub fn schema_names() -> Vec<&'static str> {
    transform_model::schema::SCHEMAS.iter().map(|s| s.0).collect()
}

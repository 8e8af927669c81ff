//! The bundled models by id and the resolver behind every `model=` string.

use std::sync::Arc;

use pyo3::prelude::*;
use transform_model::Model;

use crate::PyModel;
use crate::errors::IntoPyResult;

/// A bundled model: `dtm` (newest), `dtm@2026.1`, `dtm@2026.2`, `ci`.
#[pyfunction]
pub(crate) fn _model_bundled(py: Python<'_>, id: &str) -> PyResult<PyModel> {
    Ok(PyModel { inner: Arc::new(Model::bundled(id).into_py_result(py)?) })
}

/// An existing file path, else a bundled id (`Model::resolve`).
#[pyfunction]
pub(crate) fn _model_resolve(py: Python<'_>, spec: &str) -> PyResult<PyModel> {
    Ok(PyModel { inner: Arc::new(Model::resolve(spec).into_py_result(py)?) })
}

/// Every id `_model_bundled` accepts.
#[pyfunction]
pub(crate) fn _bundled_model_ids() -> Vec<String> {
    transform_model::model::bundled_ids()
}

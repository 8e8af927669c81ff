//! Saved indexes: `Catalog.save_index` / `Catalog.load_index` (conversion only; the format
//! lives in the core's `ingredient::store`).

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use transform_model::ingredient::Index;

use crate::PyCatalog;
use crate::errors::IntoPyResult;

/// Writes the catalog's index to `path` (through a temporary file, then renamed).
#[pyfunction(name = "_save_index")]
pub fn save_index(py: Python<'_>, catalog: &PyCatalog, path: PathBuf) -> PyResult<()> {
    let index = catalog.index.clone();
    py.detach(move || index.save(path)).into_py_result(py)
}

/// A catalog from a saved index, without analysing its text again.
#[pyfunction(name = "_load_index")]
pub fn load_index(py: Python<'_>, path: PathBuf) -> PyResult<PyCatalog> {
    let index = crate::interrupt::run(py, move || Index::load(path))?.into_py_result(py)?;
    Ok(PyCatalog { index: Arc::new(index) })
}

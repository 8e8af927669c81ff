//! `_ReadOptions`: the core's reader options (the column map of a survey tool's export) as
//! one value for every Python entry point that reads responses. Files go to the core's
//! readers with it; DataFrames ask it how their header and role cells map (the core's
//! classification), so Python only renames. Converts and forwards; no rule lives here.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use transform_model::responses::{ColumnMap, ReadOptions};

use crate::PyModel;
use crate::errors::{IntoPyResult, option_error};

/// The column map and reading switches of one call.
#[pyclass(module = "transform_model._transform_model", name = "_ReadOptions", frozen)]
pub struct PyReadOptions {
    inner: ReadOptions,
    /// The columns the last file read skipped as unknown (`ignore_unknown_columns`).
    ignored: Mutex<Vec<String>>,
}

impl PyReadOptions {
    /// The core's options for one read: these, with the call's ignored columns, sheet and
    /// unit columns (`by`).
    pub(crate) fn options(
        &self,
        ignore_columns: Vec<String>,
        sheet: Option<String>,
        unit_columns: &[String],
    ) -> ReadOptions {
        let mut o = self.inner.clone();
        o.ignore_columns.extend(ignore_columns);
        o.sheet = sheet.or(o.sheet);
        o.unit_columns.extend(unit_columns.iter().cloned());
        o
    }

    pub(crate) fn set_ignored(&self, columns: &[String]) {
        *self.ignored.lock().unwrap_or_else(|e| e.into_inner()) = columns.to_vec();
    }
}

/// `columns=` given as a dict (JSON text of it) or a map file, into the core's map; its
/// errors are the `columns` option's.
fn column_map(py: Python<'_>, json: Option<&str>, path: Option<PathBuf>) -> PyResult<ColumnMap> {
    match (json, path) {
        (Some(text), _) => serde_json::from_str(text).map_err(|e| {
            option_error(
                py,
                "columns",
                format!("columns=: {e} (keys: respondent, role, department, ignore, role_values)"),
            )
        }),
        (None, Some(p)) => ColumnMap::from_file(&p).map_err(|e| option_error(py, "columns", format!("columns=: {e}"))),
        (None, None) => Ok(ColumnMap::default()),
    }
}

#[pymethods]
impl PyReadOptions {
    #[new]
    #[pyo3(signature = (columns_json=None, columns_path=None, respondent_column=None, role_column=None,
        department_column=None, role_values=BTreeMap::new(), ignore_columns=Vec::new(), ignore_unknown_columns=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        columns_json: Option<&str>,
        columns_path: Option<PathBuf>,
        respondent_column: Option<String>,
        role_column: Option<String>,
        department_column: Option<String>,
        role_values: BTreeMap<String, String>,
        ignore_columns: Vec<String>,
        ignore_unknown_columns: bool,
    ) -> PyResult<Self> {
        let mut arguments = ColumnMap::default();
        arguments.respondent = respondent_column;
        arguments.role = role_column;
        arguments.department = department_column;
        arguments.role_values = role_values;
        let mut inner = ReadOptions::default();
        inner.columns = column_map(py, columns_json, columns_path)?.overridden_by(arguments);
        inner.ignore_columns = ignore_columns;
        inner.ignore_unknown_columns = ignore_unknown_columns;
        Ok(PyReadOptions { inner, ignored: Mutex::new(Vec::new()) })
    }

    /// For a DataFrame's header: per column its canonical name or None (skipped), and the
    /// unknown columns skipped under `ignore_unknown_columns`.
    fn map_header(
        &self,
        py: Python<'_>,
        model: &PyModel,
        header: Vec<String>,
        unit_columns: Vec<String>,
    ) -> PyResult<(Vec<Option<String>>, Vec<String>)> {
        let o = self.options(Vec::new(), None, &unit_columns);
        let m = o.map_header(&model.inner, &header).into_py_result(py)?;
        Ok((m.names, m.ignored))
    }

    /// A DataFrame's role cells as the model's role ids (rows from 1 in errors).
    fn map_roles(
        &self,
        py: Python<'_>,
        model: &PyModel,
        respondents: Vec<String>,
        cells: Vec<String>,
    ) -> PyResult<Vec<String>> {
        self.inner.map_roles(&model.inner, &respondents, &cells).into_py_result(py)
    }

    /// The columns the last file read with these options skipped as unknown.
    fn ignored(&self) -> Vec<String> {
        self.ignored.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

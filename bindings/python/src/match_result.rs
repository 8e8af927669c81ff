//! A match result kept in Rust: Python reads its frame as columns and its full result as a
//! dict built from the values (no JSON text per query); `to_json` is there for who wants it.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;
use transform_model::ingredient::{IngredientMatch, MatchResult};
use transform_model::{OUTPUT_SCHEMA_VERSION, Versioned};

use crate::errors::invalid;
use crate::lang;

/// One query's ranked ingredients.
#[pyclass(module = "transform_model._transform_model", name = "_Match", frozen)]
pub struct PyMatch {
    inner: MatchResult,
}

impl From<MatchResult> for PyMatch {
    fn from(inner: MatchResult) -> Self {
        PyMatch { inner }
    }
}

/// The JSON name of a serialized enum value (`simple_causal`): the same text `to_json` writes.
pub(crate) fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[pymethods]
impl PyMatch {
    /// Reads a result written by `to_json` (for unpickling).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        serde_json::from_str(text).map(|inner| PyMatch { inner }).map_err(invalid)
    }
    /// The result as the CLI's `match --format json` writes it.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// The same document as Python values (dicts, lists, numbers), without JSON text.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let doc = Versioned { schema_version: OUTPUT_SCHEMA_VERSION, document: &self.inner };
        pythonize::pythonize(py, &doc).map_err(|e| invalid(e.to_string()))
    }
    #[getter]
    fn retrieved(&self) -> usize {
        self.inner.retrieved
    }
    #[getter]
    fn excluded(&self) -> Vec<String> {
        self.inner.excluded.clone()
    }
    /// The frame's columns (`MATCH_COLUMNS` in _catalog.py, in order): numbers as float64 and
    /// int64 arrays, texts and lists as lists; names in `lang_`.
    fn columns<'py>(&self, py: Python<'py>, lang_: &str) -> PyResult<Bound<'py, PyDict>> {
        let l = lang(lang_)?;
        let rows = &self.inner.ingredients;
        let d = PyDict::new(py);
        d.set_item("id", column(py, rows, |m| m.id.as_str())?)?;
        d.set_item("name", column(py, rows, |m| m.name.get(l))?)?;
        // Numbers as numpy arrays: the frame takes them without inferring a dtype (lift: NaN = null).
        d.set_item("score", PyArray1::from_iter(py, rows.iter().map(|m| m.score)))?;
        d.set_item("lift", PyArray1::from_iter(py, rows.iter().map(|m| m.lift.unwrap_or(f64::NAN))))?;
        let count = |n: usize| n as i64;
        d.set_item(
            "support_interventions",
            PyArray1::from_iter(py, rows.iter().map(|m| count(m.support.interventions))),
        )?;
        d.set_item(
            "support_municipalities",
            PyArray1::from_iter(py, rows.iter().map(|m| count(m.support.municipalities))),
        )?;
        d.set_item("max_evidence", PyArray1::from_iter(py, rows.iter().map(|m| m.evidence.max_level)))?;
        d.set_item("transfer", column(py, rows, |m| serde_name(&m.transfer))?)?;
        d.set_item("advice", column(py, rows, |m| m.advice.as_str())?)?;
        d.set_item("sources", column(py, rows, |m| m.sources.iter().map(|s| s.id.as_str()).collect::<Vec<_>>())?)?;
        d.set_item("warnings", column(py, rows, |m| m.warnings.iter().map(String::as_str).collect::<Vec<_>>())?)?;
        Ok(d)
    }
}

/// One column of the match frame: a list with one value per ingredient.
fn column<'py, 'a, T: IntoPyObject<'py>>(
    py: Python<'py>,
    rows: &'a [IngredientMatch],
    value: impl Fn(&'a IngredientMatch) -> T,
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, rows.iter().map(value))
}

//! A plan kept in Rust: `Plan`'s frames (python/transform_model/_plan.py) are read as columns
//! (lists and numpy arrays) built here from the plan's values; its JSON is written on request.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use transform_model::plan::{Action, LoadRow, Plan};

use crate::errors::invalid;
use crate::lang;
use crate::match_result::serde_name;

/// A five-year plan.
#[pyclass(module = "transform_model._transform_model", name = "_Plan", frozen)]
pub struct PyPlan {
    inner: Plan,
}

impl From<Plan> for PyPlan {
    fn from(inner: Plan) -> Self {
        PyPlan { inner }
    }
}

/// The owning department, None when to be decided.
fn owner(a: &Action) -> Option<&str> {
    a.owner.as_ref().map(|o| o.department.as_str())
}

/// An optional amount as a float column's value (NaN = not opgjort, as the frames show it).
fn kr(v: Option<f64>) -> f64 {
    v.unwrap_or(f64::NAN)
}

fn floats<'py>(py: Python<'py>, values: impl Iterator<Item = f64>) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_iter(py, values)
}

fn ints<'py>(py: Python<'py>, values: impl Iterator<Item = i64>) -> Bound<'py, PyArray1<i64>> {
    PyArray1::from_iter(py, values)
}

#[pymethods]
impl PyPlan {
    /// Reads a plan's JSON (the CLI's `plan --format json`); the error names the JSON path.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Plan::from_json(text).map(|inner| PyPlan { inner }).map_err(invalid)
    }
    /// The plan's JSON, byte for byte the CLI's `plan --format json`.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn start_year(&self) -> i64 {
        self.inner.start_year
    }
    #[getter]
    fn elections(&self) -> Vec<i64> {
        self.inner.elections.clone()
    }
    fn summary(&self, lang_: &str) -> PyResult<String> {
        Ok(self.inner.summary.get(lang(lang_)?).to_owned())
    }
    fn missing(&self, lang_: &str) -> PyResult<Vec<String>> {
        let l = lang(lang_)?;
        Ok(self.inner.missing.iter().map(|m| m.get(l).to_owned()).collect())
    }
    /// One row per planned action with its year, in plan order (`ACTIONS` in _plan.py).
    fn actions<'py>(&self, py: Python<'py>, lang_: &str) -> PyResult<Bound<'py, PyDict>> {
        let l = lang(lang_)?;
        let rows: Vec<(i64, &Action)> = self.inner.actions().collect();
        let d = PyDict::new(py);
        d.set_item("year", ints(py, rows.iter().map(|(y, _)| *y)))?;
        d.set_item("quarter", ints(py, rows.iter().map(|(_, a)| i64::from(a.quarter))))?;
        d.set_item("id", rows.iter().map(|(_, a)| a.id.as_str()).collect::<Vec<_>>())?;
        d.set_item("kind", rows.iter().map(|(_, a)| a.kind.name()).collect::<Vec<_>>())?;
        d.set_item("title", rows.iter().map(|(_, a)| a.title.get(l)).collect::<Vec<_>>())?;
        d.set_item("owner", rows.iter().map(|(_, a)| owner(a)).collect::<Vec<_>>())?;
        d.set_item("hours", floats(py, rows.iter().map(|(_, a)| a.hours)))?;
        d.set_item("cost_kr", floats(py, rows.iter().map(|(_, a)| kr(a.cost_kr))))?;
        d.set_item("budget_year", rows.iter().map(|(_, a)| a.budget_year).collect::<Vec<_>>())?;
        d.set_item("savings_from", rows.iter().map(|(_, a)| a.savings_from).collect::<Vec<_>>())?;
        d.set_item("depends_on", rows.iter().map(|(_, a)| a.depends_on.clone()).collect::<Vec<_>>())?;
        d.set_item("gate_year", rows.iter().map(|(_, a)| a.gate.as_ref().map(|g| g.year)).collect::<Vec<_>>())?;
        let month = |a: &Action| a.decision.as_ref().map(|p| i64::from(p.month));
        d.set_item("decision_month", rows.iter().map(|(_, a)| month(a)).collect::<Vec<_>>())?;
        Ok(d)
    }
    /// Actions that did not fit, with the reason (`DEFERRED`); a reason not written in
    /// `lang_` is empty.
    fn deferred<'py>(&self, py: Python<'py>, lang_: &str) -> PyResult<Bound<'py, PyDict>> {
        let l = lang(lang_)?;
        let rows = &self.inner.deferred;
        let reason = |a: &Action| a.reason.as_ref().and_then(|r| r.0.get(l.code())).cloned().unwrap_or_default();
        let d = PyDict::new(py);
        d.set_item("id", rows.iter().map(|a| a.id.as_str()).collect::<Vec<_>>())?;
        d.set_item("kind", rows.iter().map(|a| a.kind.name()).collect::<Vec<_>>())?;
        d.set_item("title", rows.iter().map(|a| a.title.get(l)).collect::<Vec<_>>())?;
        d.set_item("reason", rows.iter().map(reason).collect::<Vec<_>>())?;
        Ok(d)
    }
    /// One row per budget year (`ECONOMY`): amounts in kroner, NaN where not opgjort.
    fn economy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.economy;
        let d = PyDict::new(py);
        d.set_item("budget_year", ints(py, rows.iter().map(|e| e.budget_year)))?;
        d.set_item("already_budgeted_kr", floats(py, rows.iter().map(|e| kr(e.already_budgeted_kr))))?;
        d.set_item("new_kr", floats(py, rows.iter().map(|e| kr(e.new_kr))))?;
        d.set_item("savings_kr", floats(py, rows.iter().map(|e| kr(e.savings_kr))))?;
        d.set_item("net_kr", floats(py, rows.iter().map(|e| kr(e.net_kr))))?;
        d.set_item("cumulative_net_kr", floats(py, rows.iter().map(|e| kr(e.cumulative_net_kr))))?;
        d.set_item("anlaeg_kr", floats(py, rows.iter().map(|e| kr(e.anlaeg_kr))))?;
        d.set_item("known_new_kr", floats(py, rows.iter().map(|e| e.known_new_kr)))?;
        d.set_item("not_costed", rows.iter().map(|e| e.not_costed.clone()).collect::<Vec<_>>())?;
        for k in 0..3 {
            let net = |e: &transform_model::plan::EconomyYear| kr(e.overslag.get(k).and_then(|o| o.net_kr));
            d.set_item(format!("overslag_{}_kr", k + 1), floats(py, rows.iter().map(net)))?;
        }
        Ok(d)
    }
    /// The årshjul (`CALENDAR`): one row per event of each plan year.
    fn calendar<'py>(&self, py: Python<'py>, lang_: &str) -> PyResult<Bound<'py, PyDict>> {
        let l = lang(lang_)?;
        let rows = &self.inner.calendar;
        let d = PyDict::new(py);
        d.set_item("year", ints(py, rows.iter().map(|e| e.year)))?;
        d.set_item("month", ints(py, rows.iter().map(|e| i64::from(e.month))))?;
        d.set_item("kind", rows.iter().map(|e| serde_name(&e.kind)).collect::<Vec<_>>())?;
        d.set_item("text", rows.iter().map(|e| e.text.get(l)).collect::<Vec<_>>())?;
        d.set_item("actions", rows.iter().map(|e| e.actions.clone()).collect::<Vec<_>>())?;
        Ok(d)
    }
    /// Leader hours per year per department, then per owner (`LOAD`).
    fn load<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let load = &self.inner.load;
        let rows: Vec<(&str, &LoadRow)> = (load.per_department.iter().map(|r| ("department", r)))
            .chain(load.per_owner.iter().map(|r| ("owner", r)))
            .collect();
        let d = PyDict::new(py);
        d.set_item("level", rows.iter().map(|(level, _)| *level).collect::<Vec<_>>())?;
        d.set_item("year", ints(py, rows.iter().map(|(_, r)| r.year)))?;
        d.set_item("name", rows.iter().map(|(_, r)| r.name.as_str()).collect::<Vec<_>>())?;
        d.set_item("hours", floats(py, rows.iter().map(|(_, r)| r.hours)))?;
        d.set_item("actions", ints(py, rows.iter().map(|(_, r)| r.actions as i64)))?;
        d.set_item("capacity", floats(py, rows.iter().map(|(_, r)| r.capacity)))?;
        Ok(d)
    }
}

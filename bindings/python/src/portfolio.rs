//! Portfolios and their analysis. Tables go to Python as columns (dicts of lists and numpy
//! arrays) built here, not as JSON text parsed back.

use std::collections::HashMap;
use std::sync::Arc;

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use transform_model::mission::{AnalysisOptions, Portfolio, PortfolioAnalysis};

use crate::errors::IntoPyResult;
use crate::lang;

/// A portfolio of missions and initiatives.
#[pyclass(module = "transform_model._transform_model", name = "_Portfolio", frozen)]
pub struct PyPortfolio {
    pub(crate) inner: Arc<Portfolio>,
}

#[pymethods]
impl PyPortfolio {
    #[staticmethod]
    fn sample() -> Self {
        PyPortfolio { inner: Arc::new(Portfolio::sample()) }
    }
    /// The generated benchmark portfolio (`mission::sample::sample_portfolio`), for measuring
    /// the Python face on the same input as the Rust benchmark.
    #[staticmethod]
    fn synthetic(py: Python<'_>, n_initiatives: usize, n_missions: usize, seed: u64) -> PyResult<Self> {
        let portfolio = transform_model::mission::sample::try_sample_portfolio(n_initiatives, n_missions, seed)
            .map_err(|e| crate::errors::limit(py, "n_initiatives, n_missions", e))?;
        Ok(PyPortfolio { inner: Arc::new(portfolio) })
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(PyPortfolio { inner: Arc::new(Portfolio::from_json(text).into_py_result(py)?) })
    }
    #[staticmethod]
    fn from_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        // `sample` is the bundled portfolio (the core's resolver, as the CLI's `--portfolio sample`).
        Ok(PyPortfolio { inner: Arc::new(Portfolio::resolve(&path.to_string_lossy()).into_py_result(py)?) })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// (municipality name, missions, initiatives), for `repr` without a round trip.
    fn summary(&self) -> (String, usize, usize) {
        let p = &self.inner;
        (p.municipality.name.clone(), p.missions.len(), p.initiatives.len())
    }
    /// (mission id, title in `lang_`) pairs, in file order.
    fn mission_titles(&self, lang_: &str) -> PyResult<Vec<(String, String)>> {
        let l = lang(lang_)?;
        Ok(self.inner.missions.iter().map(|m| (m.id.clone(), m.title.get(l).to_owned())).collect())
    }
    /// The full analysis, kept in Rust; its tables are read as columns.
    #[pyo3(signature = (horizon, year, lang_))]
    fn analyse(&self, py: Python<'_>, horizon: i64, year: Option<i64>, lang_: &str) -> PyResult<PyAnalysis> {
        let mut o = AnalysisOptions::default();
        o.horizon = horizon;
        o.year = year;
        o.lang = lang(lang_)?;
        let p = self.inner.clone();
        let result = py.detach(move || p.analyse(&o));
        Ok(PyAnalysis { inner: Arc::new(result.into_py_result(py)?) })
    }
}

/// The analysis of a portfolio.
#[pyclass(module = "transform_model._transform_model", name = "_PortfolioAnalysis", frozen)]
pub struct PyAnalysis {
    pub(crate) inner: Arc<PortfolioAnalysis>,
}

/// Interns ids as codes into a list of distinct ids, so Python gets one string per id
/// instead of one per row. Consecutive rows usually repeat an id: checked first.
struct Interner {
    codes: HashMap<String, i32>,
    names: Vec<String>,
}

impl Interner {
    fn new() -> Self {
        Interner { codes: HashMap::new(), names: Vec::new() }
    }
    fn code(&mut self, id: &str) -> i32 {
        if let Some(&c) = self.codes.get(id) {
            return c;
        }
        let c = self.names.len() as i32;
        self.codes.insert(id.to_owned(), c);
        self.names.push(id.to_owned());
        c
    }
}

fn put<'py, T: IntoPyObject<'py>>(d: &Bound<'py, PyDict>, key: &str, value: T) -> PyResult<()> {
    d.set_item(key, value)
}

fn floats<'py>(py: Python<'py>, v: Vec<f64>) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_vec(py, v)
}

#[pymethods]
impl PyAnalysis {
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn year(&self) -> i64 {
        self.inner.year
    }
    #[getter]
    fn horizon(&self) -> i64 {
        self.inner.horizon
    }
    /// Initiative × mission rows: ids as codes into `*_names`, scores as float64 arrays.
    fn alignment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.alignment;
        let (mut ini, mut mis) = (Interner::new(), Interner::new());
        let n = rows.len();
        let (mut ic, mut mc) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut cols: [Vec<f64>; 6] = std::array::from_fn(|_| Vec::with_capacity(n));
        for r in rows {
            ic.push(ini.code(&r.initiative));
            mc.push(mis.code(&r.mission));
            let c = &r.components;
            for (col, v) in cols.iter_mut().zip([r.score, c.link, c.target_groups, c.outcomes, c.text, c.reach]) {
                col.push(v);
            }
        }
        let d = PyDict::new(py);
        put(&d, "initiative_codes", PyArray1::from_vec(py, ic))?;
        put(&d, "initiative_names", ini.names)?;
        put(&d, "mission_codes", PyArray1::from_vec(py, mc))?;
        put(&d, "mission_names", mis.names)?;
        for (name, col) in ["score", "link", "target_groups", "outcomes", "text", "reach"].into_iter().zip(cols) {
            put(&d, name, floats(py, col))?;
        }
        Ok(d)
    }
    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.coverage;
        let d = PyDict::new(py);
        put(&d, "mission", rows.iter().map(|r| r.mission.as_str()).collect::<Vec<_>>())?;
        put(&d, "initiatives", PyArray1::from_vec(py, rows.iter().map(|r| r.initiatives as i64).collect()))?;
        put(&d, "weighted", floats(py, rows.iter().map(|r| r.weighted).collect()))?;
        put(&d, "departments", rows.iter().map(|r| r.departments.clone()).collect::<Vec<_>>())?;
        put(&d, "sectors", rows.iter().map(|r| r.sectors.clone()).collect::<Vec<_>>())?;
        put(&d, "gaps", rows.iter().map(|r| r.gaps.clone()).collect::<Vec<_>>())?;
        Ok(d)
    }
    fn mission_quality<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.mission_quality;
        let d = PyDict::new(py);
        put(&d, "mission", rows.iter().map(|r| r.mission.as_str()).collect::<Vec<_>>())?;
        put(&d, "met", rows.iter().map(|r| r.met.clone()).collect::<Vec<_>>())?;
        put(&d, "missed", rows.iter().map(|r| r.missed.clone()).collect::<Vec<_>>())?;
        Ok(d)
    }
    fn closure_candidates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.closure_candidates;
        let d = PyDict::new(py);
        put(&d, "initiative", rows.iter().map(|r| r.initiative.as_str()).collect::<Vec<_>>())?;
        put(&d, "best_alignment", floats(py, rows.iter().map(|r| r.best_alignment).collect()))?;
        put(&d, "reason", rows.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>())?;
        Ok(d)
    }
    /// Counts by kind in long form: (kind, value, count); department shares are fractions.
    fn balance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let b = &self.inner.balance;
        let (mut kind, mut value, mut count) = (Vec::new(), Vec::new(), Vec::new());
        for (k, map) in [("modes", &b.modes), ("facets", &b.facets), ("stages", &b.stages)] {
            for (name, n) in map {
                kind.push(k);
                value.push(name.as_str());
                count.push(*n as f64);
            }
        }
        for (name, share) in &b.department_shares {
            kind.push("department_share");
            value.push(name.as_str());
            count.push(*share);
        }
        let d = PyDict::new(py);
        put(&d, "kind", kind)?;
        put(&d, "value", value)?;
        put(&d, "count", floats(py, count))?;
        Ok(d)
    }
    #[getter]
    fn flags(&self) -> Vec<String> {
        self.inner.balance.flags.clone()
    }
    #[getter]
    fn herfindahl(&self) -> Option<f64> {
        self.inner.balance.herfindahl
    }
    #[getter]
    fn explore_share(&self) -> Option<f64> {
        self.inner.balance.explore_share
    }
    #[getter]
    fn active(&self) -> usize {
        self.inner.balance.active
    }
    fn cross_fertilisation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.cross_fertilisation;
        let d = PyDict::new(py);
        put(&d, "a", rows.iter().map(|r| r.a.as_str()).collect::<Vec<_>>())?;
        put(&d, "b", rows.iter().map(|r| r.b.as_str()).collect::<Vec<_>>())?;
        put(&d, "shared", rows.iter().map(|r| r.shared.clone()).collect::<Vec<_>>())?;
        put(&d, "score", floats(py, rows.iter().map(|r| r.score).collect()))?;
        Ok(d)
    }
    fn economics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.economics;
        let d = PyDict::new(py);
        put(&d, "initiative", rows.iter().map(|r| r.initiative.as_str()).collect::<Vec<_>>())?;
        put(&d, "net_per_year", floats(py, rows.iter().map(|r| r.net_per_year.unwrap_or(f64::NAN)).collect()))?;
        put(&d, "payback_year", rows.iter().map(|r| r.payback_year).collect::<Vec<_>>())?;
        let recommendation = |r: &transform_model::mission::Economics| {
            serde_json::to_value(r.recommendation).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
        };
        put(&d, "recommendation", rows.iter().map(recommendation).collect::<Vec<_>>())?;
        put(&d, "reason", rows.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>())?;
        Ok(d)
    }
}

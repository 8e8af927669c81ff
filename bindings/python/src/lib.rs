//! The compiled core of the `transform_model` Python package. Classes here are private
//! (`_Model`, …); `python/transform_model` wraps them with DataFrames, HTML and pickling.
//! Heavy work runs with the GIL released (`py.detach`). No domain rule lives here.

mod benchmark;
mod defaults;
mod errors;
mod exports;
#[path = "report.rs"]
mod html_report;
mod interrupt;
mod items;
mod match_result;
mod model_registry;
mod plan;
mod plan_values;
mod portfolio;
mod questionnaire;
mod reading;
mod rounds;
mod samples;
mod store;

use std::path::PathBuf;
use std::sync::Arc;

use numpy::{PyArray1, PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::prelude::*;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};
use transform_model::maturity::{Round, compare_carried_over};
use transform_model::responses::{ReadOptions, is_missing_token, parse_answer};
use transform_model::table::assessment as report;
use transform_model::{AssessOptions, Assessment, Lang, Model, Responses, Weighting, assess};

use errors::{IntoPyResult, invalid};

pub(crate) fn lang(s: &str) -> PyResult<Lang> {
    s.parse::<Lang>().map_err(invalid)
}

/// A validated maturity model.
#[pyclass(module = "transform_model._transform_model", name = "_Model", frozen)]
pub(crate) struct PyModel {
    pub(crate) inner: Arc<Model>,
}

#[pymethods]
impl PyModel {
    #[staticmethod]
    fn default() -> Self {
        PyModel { inner: Arc::new(Model::default_model()) }
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(PyModel { inner: Arc::new(Model::from_json(text).into_py_result(py)?) })
    }
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        Ok(PyModel { inner: Arc::new(Model::from_file(path).into_py_result(py)?) })
    }
    fn overlay(&self, py: Python<'_>, overlay_json: &str) -> PyResult<Self> {
        Ok(PyModel { inner: Arc::new(self.inner.overlay(overlay_json).into_py_result(py)?) })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_owned()
    }
    #[getter]
    fn version(&self) -> String {
        self.inner.version().to_owned()
    }
}

/// The result of an assessment.
#[pyclass(module = "transform_model._transform_model", name = "_Assessment", frozen)]
pub(crate) struct PyAssessment {
    pub(crate) inner: Assessment,
}

#[pymethods]
impl PyAssessment {
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(PyAssessment { inner: Assessment::from_json(text).into_py_result(py)? })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    fn with_baseline(&self, py: Python<'_>, baseline: &PyAssessment) -> PyResult<Self> {
        Ok(PyAssessment { inner: self.inner.clone().with_baseline(&baseline.inner).into_py_result(py)? })
    }
    fn render_table(&self, model: &PyModel, lang_: &str) -> PyResult<String> {
        Ok(report::render_table(&self.inner, &model.inner, Some(lang(lang_)?)))
    }
    #[getter]
    fn overall_level(&self) -> Option<i64> {
        self.inner.overall.level
    }
    #[getter]
    fn overall_score(&self) -> Option<f64> {
        self.inner.overall.score
    }
}

/// The assessment options of the `assess_*` functions' arguments (one conversion for all).
#[allow(clippy::too_many_arguments)]
fn assess_options(
    weighting: &str,
    min_group_size: usize,
    allow_small_groups: bool,
    min_dispersion_n: usize,
    min_common_items: usize,
    bootstrap: usize,
    seed: u64,
    target: Option<i64>,
    threads: Option<usize>,
) -> PyResult<AssessOptions> {
    Ok({
        let mut o = AssessOptions::default();
        o.weighting = weighting.parse::<Weighting>().map_err(invalid)?;
        o.min_group_size = min_group_size;
        o.allow_small_groups = allow_small_groups;
        o.min_dispersion_n = min_dispersion_n;
        o.min_common_items = min_common_items;
        o.bootstrap = bootstrap;
        o.seed = seed;
        o.target = target;
        o.threads = threads;
        o
    })
}

/// The keyword options of every `assess_*`: the breakdown (`by`), the municipality, the
/// intervals' coverage and earlier releases to audit against (None keeps the core's default).
fn publication(
    o: &mut AssessOptions,
    by: Vec<String>,
    municipality: Option<String>,
    confidence: Option<f64>,
    audit_against: Vec<PyRef<'_, PyAssessment>>,
) {
    o.group_by = by;
    o.municipality = municipality;
    if let Some(c) = confidence {
        o.confidence = c;
    }
    o.audit_against = audit_against.iter().map(|a| a.inner.clone()).collect();
}

/// Unit columns given beside a matrix or long columns: per column, one value per row of
/// `ids` (the respondent of each row). Filter columns (`filters=`) come the same way, as text.
fn with_units(
    model: &Model,
    responses: Responses,
    ids: &[String],
    units: &[(String, Vec<String>)],
) -> Result<Responses, transform_model::ResponseError> {
    units.iter().try_fold(responses, |r, (column, values)| r.with_unit_rows(model, column, ids, values))
}

/// Assesses wide CSV text (or a file when `is_path`).
#[pyfunction]
#[pyo3(signature = (model, source, is_path, ignore_columns, weighting, min_group_size, allow_small_groups, min_dispersion_n, min_common_items, bootstrap, seed, target, threads, sheet=None, *, by=Vec::new(), municipality=None, confidence=None, audit_against=Vec::new(), read=None, baseline=None, baseline_responses=None))]
#[allow(clippy::too_many_arguments)]
fn assess_csv(
    py: Python<'_>,
    model: &PyModel,
    source: String,
    is_path: bool,
    ignore_columns: Vec<String>,
    weighting: &str,
    min_group_size: usize,
    allow_small_groups: bool,
    min_dispersion_n: usize,
    min_common_items: usize,
    bootstrap: usize,
    seed: u64,
    target: Option<i64>,
    threads: Option<usize>,
    sheet: Option<String>,
    by: Vec<String>,
    municipality: Option<String>,
    confidence: Option<f64>,
    audit_against: Vec<PyRef<'_, PyAssessment>>,
    read: Option<PyRef<'_, reading::PyReadOptions>>,
    baseline: Option<PyRef<'_, PyAssessment>>,
    baseline_responses: Option<(String, bool)>,
) -> PyResult<PyAssessment> {
    let mut o = assess_options(
        weighting,
        min_group_size,
        allow_small_groups,
        min_dispersion_n,
        min_common_items,
        bootstrap,
        seed,
        target,
        threads,
    )?;
    let model = model.inner.clone();
    let options = read_options(read.as_deref(), ignore_columns, sheet, &by);
    publication(&mut o, by, municipality, confidence, audit_against);
    // Interruptible: a large bootstrap can run for seconds.
    let previous = previous_round(baseline, baseline_responses);
    let result = interrupt::run(py, move || {
        read_responses(&model, &source, is_path, &options).map_err(errors::CoreError::from).and_then(|r| {
            assess_with_previous(&model, &r, &o, previous.as_ref()).map(|a| (a, r.ignored_columns().to_vec()))
        })
    })?;
    let (assessment, ignored) = result.into_py_result(py)?;
    if let Some(r) = read {
        r.set_ignored(&ignored);
    }
    Ok(PyAssessment { inner: assessment })
}

/// The previous round of a comparison (`baseline=`): its published assessment and, for the
/// carried-over comparison (`baseline_responses=`, the CLI's `--baseline-responses`), its
/// responses: a file (`true`) or CSV text.
pub(crate) struct PreviousRound {
    baseline: Assessment,
    responses: Option<(String, bool)>,
}

fn previous_round(
    baseline: Option<PyRef<'_, PyAssessment>>,
    responses: Option<(String, bool)>,
) -> Option<PreviousRound> {
    baseline.map(|b| PreviousRound { baseline: b.inner.clone(), responses })
}

/// The assessment, compared with the previous round as the CLI's `assess --baseline`
/// (`--baseline-responses`: on the carried-over items, the baseline's responses read with
/// the bundled model version they were answered on).
fn assess_with_previous(
    model: &Model,
    data: &Responses,
    o: &AssessOptions,
    previous: Option<&PreviousRound>,
) -> Result<Assessment, errors::CoreError> {
    let result = assess(model, data, o)?;
    let Some(p) = previous else { return Ok(result) };
    let mut result = result.with_baseline(&p.baseline)?;
    transform_model::maturity::attach_item_changes(&mut result, &p.baseline, model);
    if let Some((source, is_path)) = &p.responses {
        let old = Model::bundled(&format!("{}@{}", p.baseline.model.id, p.baseline.model.version))?;
        let then = read_responses(&old, source, *is_path, &ReadOptions::default())?;
        let rounds = [result.clone(), p.baseline.clone()];
        let now = Round { model, responses: data, published: &rounds[..1] };
        let before = Round { model: &old, responses: &then, published: &rounds[1..] };
        result.baseline = Some(compare_carried_over(now, before, o)?);
    }
    Ok(result)
}

/// The core's reader options of one call: the column map's (`read`), or the defaults, with
/// the call's ignored columns, sheet and unit columns.
pub(crate) fn read_options(
    read: Option<&reading::PyReadOptions>,
    ignore_columns: Vec<String>,
    sheet: Option<String>,
    unit_columns: &[String],
) -> ReadOptions {
    match read {
        Some(r) => r.options(ignore_columns, sheet, unit_columns),
        None => {
            let mut o = ReadOptions::default();
            o.ignore_columns = ignore_columns;
            o.sheet = sheet;
            o.unit_columns = unit_columns.to_vec();
            o
        }
    }
}

/// Responses from a file (`is_path`; `sample` is the bundled survey of the model) or CSV text.
pub(crate) fn read_responses(
    model: &Model,
    source: &str,
    is_path: bool,
    options: &ReadOptions,
) -> Result<Responses, transform_model::ResponseError> {
    if let Some(csv) = transform_model::maturity::bundled_responses(source, model.id()).filter(|_| is_path) {
        Responses::from_csv_str(model, csv, options)
    } else if is_path {
        Responses::from_file(model, source, options)
    } else {
        Responses::from_csv_str(model, source, options)
    }
}

/// Assesses an int64 matrix (respondents × `items`), read in place without a copy.
#[pyfunction]
#[pyo3(signature = (model, values, respondents, roles, items, missing, weighting, min_group_size, allow_small_groups, min_dispersion_n, min_common_items, bootstrap, seed, target, threads, *, by=Vec::new(), municipality=None, confidence=None, audit_against=Vec::new(), units=Vec::new(), filters=Vec::new(), baseline=None, baseline_responses=None))]
#[allow(clippy::too_many_arguments)]
fn assess_matrix(
    py: Python<'_>,
    model: &PyModel,
    values: PyReadonlyArray2<'_, i64>,
    respondents: Vec<String>,
    roles: Vec<String>,
    items: Vec<String>,
    missing: i64,
    weighting: &str,
    min_group_size: usize,
    allow_small_groups: bool,
    min_dispersion_n: usize,
    min_common_items: usize,
    bootstrap: usize,
    seed: u64,
    target: Option<i64>,
    threads: Option<usize>,
    by: Vec<String>,
    municipality: Option<String>,
    confidence: Option<f64>,
    audit_against: Vec<PyRef<'_, PyAssessment>>,
    units: Vec<(String, Vec<String>)>,
    filters: Vec<(String, Vec<String>)>,
    baseline: Option<PyRef<'_, PyAssessment>>,
    baseline_responses: Option<(String, bool)>,
) -> PyResult<PyAssessment> {
    let mut o = assess_options(
        weighting,
        min_group_size,
        allow_small_groups,
        min_dispersion_n,
        min_common_items,
        bootstrap,
        seed,
        target,
        threads,
    )?;
    // `as_slice` also accepts Fortran order, which would be read transposed: insist on C order.
    if !values.is_c_contiguous() {
        return Err(invalid("the matrix must be C-contiguous int64 (numpy.ascontiguousarray)"));
    }
    let slice = values.as_slice().map_err(|_| invalid("the matrix must be C-contiguous int64"))?;
    publication(&mut o, by, municipality, confidence, audit_against);
    let model = model.inner.clone();
    let previous = previous_round(baseline, baseline_responses);
    let result = interrupt::run(py, || {
        Responses::from_matrix(&model, &respondents, &roles, &items, slice, missing)
            .and_then(|r| with_units(&model, r, &respondents, &units))
            .and_then(|r| r.with_filter_rows(&model, &respondents, &filters))
            .map_err(errors::CoreError::from)
            .and_then(|r| assess_with_previous(&model, &r, &o, previous.as_ref()))
    })?;
    Ok(PyAssessment { inner: result.into_py_result(py)? })
}

/// Assesses long columns (one entry per answer: respondent, role, item, value), as a long
/// DataFrame holds them; `missing` marks a recorded "don't know".
#[pyfunction]
#[pyo3(signature = (model, respondents, roles, items, values, missing, weighting, min_group_size, allow_small_groups, min_dispersion_n, min_common_items, bootstrap, seed, target, threads, *, by=Vec::new(), municipality=None, confidence=None, audit_against=Vec::new(), units=Vec::new(), filters=Vec::new(), baseline=None, baseline_responses=None))]
#[allow(clippy::too_many_arguments)]
fn assess_long(
    py: Python<'_>,
    model: &PyModel,
    respondents: Vec<String>,
    roles: Vec<String>,
    items: Vec<String>,
    values: PyReadonlyArray1<'_, i64>,
    missing: i64,
    weighting: &str,
    min_group_size: usize,
    allow_small_groups: bool,
    min_dispersion_n: usize,
    min_common_items: usize,
    bootstrap: usize,
    seed: u64,
    target: Option<i64>,
    threads: Option<usize>,
    by: Vec<String>,
    municipality: Option<String>,
    confidence: Option<f64>,
    audit_against: Vec<PyRef<'_, PyAssessment>>,
    units: Vec<(String, Vec<String>)>,
    filters: Vec<(String, Vec<String>)>,
    baseline: Option<PyRef<'_, PyAssessment>>,
    baseline_responses: Option<(String, bool)>,
) -> PyResult<PyAssessment> {
    let mut o = assess_options(
        weighting,
        min_group_size,
        allow_small_groups,
        min_dispersion_n,
        min_common_items,
        bootstrap,
        seed,
        target,
        threads,
    )?;
    let values = values.as_slice().map_err(|_| invalid("the values must be a contiguous int64 array"))?;
    publication(&mut o, by, municipality, confidence, audit_against);
    let model = model.inner.clone();
    let previous = previous_round(baseline, baseline_responses);
    let result = interrupt::run(py, || {
        Responses::from_long_columns(&model, &respondents, &roles, &items, values, missing)
            .and_then(|r| with_units(&model, r, &respondents, &units))
            .and_then(|r| r.with_filter_rows(&model, &respondents, &filters))
            .map_err(errors::CoreError::from)
            .and_then(|r| assess_with_previous(&model, &r, &o, previous.as_ref()))
    })?;
    Ok(PyAssessment { inner: result.into_py_result(py)? })
}

/// Reads answer cells of a text column: `None` and the core's missing tokens (empty,
/// `ved ikke`, `NA`, …) become `missing`; integers, `4.0` and `4,0` (a decimal comma, as
/// Danish Excel writes) are read. Returns the codes and the position of the first cell that
/// is none of these.
#[pyfunction]
fn parse_answers(
    py: Python<'_>,
    cells: Vec<Option<String>>,
    missing: i64,
) -> (Bound<'_, PyArray1<i64>>, Option<usize>) {
    let mut out = Vec::with_capacity(cells.len());
    for (i, cell) in cells.iter().enumerate() {
        let value = match cell.as_deref() {
            None => Some(missing),
            Some(c) if is_missing_token(c) => Some(missing),
            Some(c) if c.contains(',') && !c.contains('.') => parse_answer(&c.replacen(',', ".", 1)),
            Some(c) => parse_answer(c),
        };
        match value {
            Some(v) => out.push(v),
            None => return (PyArray1::from_vec(py, out), Some(i)),
        }
    }
    (PyArray1::from_vec(py, out), None)
}

/// A catalog with its search index.
#[pyclass(module = "transform_model._transform_model", name = "_Catalog", frozen)]
pub(crate) struct PyCatalog {
    pub(crate) index: Arc<Index>,
}

fn query(py: Python<'_>, json: &str) -> PyResult<Query> {
    serde_json::from_str(json).map_err(|e| errors::catalog_query_error(py, e))
}

fn match_options(top: usize, retrieve: usize, lang_: &str) -> PyResult<MatchOptions> {
    Ok({
        let mut o = MatchOptions::default();
        o.top = top;
        o.retrieve = retrieve;
        o.lang = lang(lang_)?;
        o
    })
}

#[pymethods]
impl PyCatalog {
    #[staticmethod]
    fn sample(py: Python<'_>) -> Self {
        PyCatalog { index: Arc::new(py.detach(|| Index::new(Catalog::sample()))) }
    }
    /// A synthetic catalog (the CLI's `catalog-sample`), indexed.
    #[staticmethod]
    fn synthetic(py: Python<'_>, interventions: usize, seed: u64) -> PyResult<Self> {
        let def = transform_model::ingredient::sample::try_sample_catalog(interventions, seed)
            .map_err(|e| errors::limit(py, "interventions", e))?;
        let index = interrupt::run(py, move || def.validate().map(Index::new))?;
        Ok(PyCatalog { index: Arc::new(index.into_py_result(py)?) })
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: String) -> PyResult<Self> {
        let index = py.detach(move || Catalog::from_json(&text).map(Index::new));
        Ok(PyCatalog { index: Arc::new(index.into_py_result(py)?) })
    }
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let index = interrupt::run(py, move || Catalog::from_file(path).map(Index::new))?;
        Ok(PyCatalog { index: Arc::new(index.into_py_result(py)?) })
    }
    /// `default`/`sample` (the bundled catalog) or a path: the core's resolver.
    #[staticmethod]
    fn resolve(py: Python<'_>, spec: String) -> PyResult<Self> {
        let index = interrupt::run(py, move || Catalog::resolve(&spec).map(Index::new))?;
        Ok(PyCatalog { index: Arc::new(index.into_py_result(py)?) })
    }
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.index.try_catalog().map(|c| c.to_json()).into_py_result(py)
    }
    fn __len__(&self) -> usize {
        self.index.len()
    }
    /// Ranked ingredients for one query (JSON in, the result kept in Rust out).
    fn match_one(
        &self,
        py: Python<'_>,
        query_json: &str,
        top: usize,
        retrieve: usize,
        lang_: &str,
    ) -> PyResult<match_result::PyMatch> {
        let q = query(py, query_json)?;
        let o = match_options(top, retrieve, lang_)?;
        let index = self.index.clone();
        py.detach(move || index.match_query(&q, &o)).into_py_result(py).map(Into::into)
    }
    /// Many queries in parallel, with the GIL released; equal to one by one.
    fn match_many(
        &self,
        py: Python<'_>,
        queries_json: Vec<String>,
        top: usize,
        retrieve: usize,
        lang_: &str,
    ) -> PyResult<Vec<match_result::PyMatch>> {
        let qs = queries_json.iter().map(|q| query(py, q)).collect::<PyResult<Vec<_>>>()?;
        let o = match_options(top, retrieve, lang_)?;
        let index = self.index.clone();
        let results = interrupt::run(py, move || index.match_many(&qs, &o))?.into_py_result(py)?;
        Ok(results.into_iter().map(Into::into).collect())
    }
    fn similar(&self, py: Python<'_>, query_json: &str, top: usize) -> PyResult<String> {
        let q = query(py, query_json)?;
        let index = self.index.clone();
        let similar = py.detach(move || index.similar(&q, &MatchOptions::default().weights, top)).into_py_result(py)?;
        Ok(serde_json::to_string(&similar.interventions).expect("serializes"))
    }
    fn partners(&self, py: Python<'_>, code: &str, top: usize) -> PyResult<String> {
        let p = self.index.partners(code, top).into_py_result(py)?;
        Ok(serde_json::to_string(&p).expect("serializes"))
    }
    #[pyo3(signature = (query_json, municipality, top))]
    fn partners_for_problem(
        &self,
        py: Python<'_>,
        query_json: &str,
        municipality: Option<&str>,
        top: usize,
    ) -> PyResult<String> {
        let q = query(py, query_json)?;
        let p = self.index.partners_for_problem(&q, municipality, top).into_py_result(py)?;
        Ok(serde_json::to_string(&p).expect("serializes"))
    }
}

#[pymodule]
fn _transform_model(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyModel>()?;
    m.add_class::<PyAssessment>()?;
    m.add_class::<portfolio::PyPortfolio>()?;
    m.add_class::<portfolio::PyAnalysis>()?;
    m.add_class::<PyCatalog>()?;
    m.add_class::<match_result::PyMatch>()?;
    m.add_function(wrap_pyfunction!(store::save_index, m)?)?;
    m.add_function(wrap_pyfunction!(store::load_index, m)?)?;
    m.add_function(wrap_pyfunction!(assess_csv, m)?)?;
    m.add_function(wrap_pyfunction!(assess_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(assess_long, m)?)?;
    m.add_function(wrap_pyfunction!(parse_answers, m)?)?;
    m.add_class::<reading::PyReadOptions>()?;
    m.add_class::<items::PyItemAnalysis>()?;
    m.add_function(wrap_pyfunction!(items::items_csv, m)?)?;
    m.add_function(wrap_pyfunction!(items::items_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(items::items_long, m)?)?;
    m.add_function(wrap_pyfunction!(questionnaire::write_questionnaire, m)?)?;
    m.add_function(wrap_pyfunction!(questionnaire::pilot_guide, m)?)?;
    m.add_function(wrap_pyfunction!(model_registry::_model_bundled, m)?)?;
    m.add_function(wrap_pyfunction!(model_registry::_model_resolve, m)?)?;
    m.add_function(wrap_pyfunction!(model_registry::_bundled_model_ids, m)?)?;
    m.add_function(wrap_pyfunction!(rounds::compare_rounds_json, m)?)?;
    m.add_function(wrap_pyfunction!(rounds::schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(rounds::schema_names, m)?)?;
    m.add_class::<plan_values::PyPlan>()?;
    m.add_function(wrap_pyfunction!(plan::make_plan, m)?)?;
    m.add_function(wrap_pyfunction!(samples::sample_responses_csv, m)?)?;
    m.add_function(wrap_pyfunction!(samples::portfolio_template_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(defaults::core_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(exports::export_assessment, m)?)?;
    m.add_function(wrap_pyfunction!(exports::export_portfolio, m)?)?;
    m.add_function(wrap_pyfunction!(exports::export_plan, m)?)?;
    m.add_function(wrap_pyfunction!(exports::export_match, m)?)?;
    m.add_function(wrap_pyfunction!(benchmark::benchmark_json, m)?)?;
    m.add_function(wrap_pyfunction!(benchmark::sample_survey, m)?)?;
    m.add_function(wrap_pyfunction!(benchmark::municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(html_report::report_html, m)?)?;
    m.add_function(wrap_pyfunction!(html_report::assessment_svg, m)?)?;
    m.add_function(wrap_pyfunction!(html_report::portfolio_svg, m)?)?;
    m.add_function(wrap_pyfunction!(html_report::plan_svg, m)?)?;
    m.add_function(wrap_pyfunction!(html_report::vocab_labels, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

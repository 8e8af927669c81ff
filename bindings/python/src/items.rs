//! Item analysis for Python: the same three inputs as `assess_*` (CSV text or path, an
//! int64 matrix, long columns), and the result's tables handed over as columns.

use numpy::{PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use transform_model::maturity::{DimensionReliability, ItemAnalysis, ItemOptions, ItemStats, item_analysis};
use transform_model::{Model, Responses};

use crate::PyModel;
use crate::errors::{CoreError, IntoPyResult, invalid};
use crate::reading::PyReadOptions;

/// The result of an item analysis.
#[pyclass(module = "transform_model._transform_model", name = "_ItemAnalysis", frozen)]
pub struct PyItemAnalysis {
    inner: ItemAnalysis,
}

impl PyItemAnalysis {
    /// The items and dimensions of everyone (`role` None) or of one reported role group.
    fn section(&self, role: Option<&str>) -> PyResult<(&[ItemStats], &[DimensionReliability])> {
        match role {
            None => Ok((&self.inner.items, &self.inner.dimensions)),
            Some(r) => self
                .inner
                .by_role
                .iter()
                .flatten()
                .find(|x| x.role == r)
                .map(|x| (x.items.as_slice(), x.dimensions.as_slice()))
                .ok_or_else(|| {
                    invalid(format!("role `{r}` is not reported (only role groups of at least k, with by_role=True)"))
                }),
        }
    }
}

#[pymethods]
impl PyItemAnalysis {
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        serde_json::from_str(text).map(|inner| PyItemAnalysis { inner }).map_err(invalid)
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// (role, n) of every reported role group, in model order.
    fn roles(&self) -> Vec<(String, usize)> {
        self.inner.by_role.iter().flatten().map(|r| (r.role.clone(), r.n)).collect()
    }
    #[pyo3(signature = (role=None))]
    fn item_columns<'py>(&self, py: Python<'py>, role: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let (items, _) = self.section(role)?;
        let d = PyDict::new(py);
        d.set_item("item", items.iter().map(|i| i.item.clone()).collect::<Vec<_>>())?;
        d.set_item("dimension", items.iter().map(|i| i.dimension.clone()).collect::<Vec<_>>())?;
        d.set_item("reverse", items.iter().map(|i| i.reverse).collect::<Vec<_>>())?;
        d.set_item("n_asked", items.iter().map(|i| i.n_asked).collect::<Vec<_>>())?;
        d.set_item("n", items.iter().map(|i| i.n).collect::<Vec<_>>())?;
        d.set_item("mean", items.iter().map(|i| i.mean).collect::<Vec<_>>())?;
        d.set_item("sd", items.iter().map(|i| i.sd).collect::<Vec<_>>())?;
        d.set_item("dont_know_share", items.iter().map(|i| i.dont_know_share).collect::<Vec<_>>())?;
        d.set_item("item_rest_r", items.iter().map(|i| i.item_rest_r).collect::<Vec<_>>())?;
        d.set_item("alpha_if_deleted", items.iter().map(|i| i.alpha_if_deleted).collect::<Vec<_>>())?;
        d.set_item(
            "flags",
            items.iter().map(|i| i.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>()).collect::<Vec<_>>(),
        )?;
        Ok(d)
    }
    #[pyo3(signature = (role=None))]
    fn dimension_columns<'py>(&self, py: Python<'py>, role: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let (_, dims) = self.section(role)?;
        let d = PyDict::new(py);
        d.set_item("dimension", dims.iter().map(|x| x.dimension.clone()).collect::<Vec<_>>())?;
        d.set_item("n_items", dims.iter().map(|x| x.n_items).collect::<Vec<_>>())?;
        d.set_item("n", dims.iter().map(|x| x.n).collect::<Vec<_>>())?;
        d.set_item("min_pair_n", dims.iter().map(|x| x.min_pair_n).collect::<Vec<_>>())?;
        d.set_item("alpha", dims.iter().map(|x| x.alpha).collect::<Vec<_>>())?;
        d.set_item("alpha_std", dims.iter().map(|x| x.alpha_std).collect::<Vec<_>>())?;
        d.set_item("average_r", dims.iter().map(|x| x.average_r).collect::<Vec<_>>())?;
        d.set_item("omega_total", dims.iter().map(|x| x.omega_total).collect::<Vec<_>>())?;
        d.set_item(
            "flags",
            dims.iter().map(|x| x.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>()).collect::<Vec<_>>(),
        )?;
        Ok(d)
    }
}

/// The item options of the `items_*` functions; `audit_against`: analyses of the same
/// survey already published (their cells are audited against).
fn options(
    min_group_size: usize,
    allow_small_groups: bool,
    by_role: bool,
    min_dispersion_n: usize,
    audit_against: &[PyRef<'_, PyItemAnalysis>],
) -> ItemOptions {
    let mut o = ItemOptions::default();
    o.min_group_size = min_group_size;
    o.allow_small_groups = allow_small_groups;
    o.by_role = by_role;
    o.min_dispersion_n = min_dispersion_n;
    o.audit_against = audit_against.iter().map(|a| a.inner.clone()).collect();
    o
}

fn analyse(
    model: &Model,
    responses: Result<Responses, transform_model::ResponseError>,
    o: &ItemOptions,
) -> Result<ItemAnalysis, CoreError> {
    responses.map_err(CoreError::from).and_then(|r| item_analysis(model, &r, o).map_err(Into::into))
}

/// Item analysis of wide CSV text (or a file when `is_path`).
#[pyfunction]
#[pyo3(signature = (model, source, is_path, ignore_columns, min_group_size, allow_small_groups, by_role, min_dispersion_n, sheet=None, *, read=None, audit_against=Vec::new()))]
#[allow(clippy::too_many_arguments)]
pub fn items_csv(
    py: Python<'_>,
    model: &PyModel,
    source: String,
    is_path: bool,
    ignore_columns: Vec<String>,
    min_group_size: usize,
    allow_small_groups: bool,
    by_role: bool,
    min_dispersion_n: usize,
    sheet: Option<String>,
    read: Option<PyRef<'_, PyReadOptions>>,
    audit_against: Vec<PyRef<'_, PyItemAnalysis>>,
) -> PyResult<PyItemAnalysis> {
    let o = options(min_group_size, allow_small_groups, by_role, min_dispersion_n, &audit_against);
    let model = model.inner.clone();
    let options = crate::read_options(read.as_deref(), ignore_columns, sheet, &[]);
    let result = crate::interrupt::run(py, move || {
        let r = crate::read_responses(&model, &source, is_path, &options);
        let ignored = r.as_ref().map(|r| r.ignored_columns().to_vec()).unwrap_or_default();
        analyse(&model, r, &o).map(|a| (a, ignored))
    })?;
    let (inner, ignored) = result.into_py_result(py)?;
    if let Some(r) = read {
        r.set_ignored(&ignored);
    }
    Ok(PyItemAnalysis { inner })
}

/// Item analysis of an int64 matrix (respondents × `items`), read in place.
#[pyfunction]
#[pyo3(signature = (model, values, respondents, roles, items, missing, min_group_size, allow_small_groups, by_role, min_dispersion_n, filters=Vec::new(), *, audit_against=Vec::new()))]
#[allow(clippy::too_many_arguments)]
pub fn items_matrix(
    py: Python<'_>,
    model: &PyModel,
    values: PyReadonlyArray2<'_, i64>,
    respondents: Vec<String>,
    roles: Vec<String>,
    items: Vec<String>,
    missing: i64,
    min_group_size: usize,
    allow_small_groups: bool,
    by_role: bool,
    min_dispersion_n: usize,
    filters: Vec<(String, Vec<String>)>,
    audit_against: Vec<PyRef<'_, PyItemAnalysis>>,
) -> PyResult<PyItemAnalysis> {
    let o = options(min_group_size, allow_small_groups, by_role, min_dispersion_n, &audit_against);
    if !values.is_c_contiguous() {
        return Err(invalid("the matrix must be C-contiguous int64 (numpy.ascontiguousarray)"));
    }
    let slice = values.as_slice().map_err(|_| invalid("the matrix must be C-contiguous int64"))?;
    let model = model.inner.clone();
    let result = crate::interrupt::run(py, || {
        let read = Responses::from_matrix(&model, &respondents, &roles, &items, slice, missing);
        analyse(&model, read.and_then(|r| r.with_filter_rows(&model, &respondents, &filters)), &o)
    })?;
    Ok(PyItemAnalysis { inner: result.into_py_result(py)? })
}

/// Item analysis of long columns (one entry per answer).
#[pyfunction]
#[pyo3(signature = (model, respondents, roles, items, values, missing, min_group_size, allow_small_groups, by_role, min_dispersion_n, filters=Vec::new(), *, audit_against=Vec::new()))]
#[allow(clippy::too_many_arguments)]
pub fn items_long(
    py: Python<'_>,
    model: &PyModel,
    respondents: Vec<String>,
    roles: Vec<String>,
    items: Vec<String>,
    values: PyReadonlyArray1<'_, i64>,
    missing: i64,
    min_group_size: usize,
    allow_small_groups: bool,
    by_role: bool,
    min_dispersion_n: usize,
    filters: Vec<(String, Vec<String>)>,
    audit_against: Vec<PyRef<'_, PyItemAnalysis>>,
) -> PyResult<PyItemAnalysis> {
    let o = options(min_group_size, allow_small_groups, by_role, min_dispersion_n, &audit_against);
    let values = values.as_slice().map_err(|_| invalid("the values must be a contiguous int64 array"))?;
    let model = model.inner.clone();
    let result = crate::interrupt::run(py, || {
        let read = Responses::from_long_columns(&model, &respondents, &roles, &items, values, missing);
        analyse(&model, read.and_then(|r| r.with_filter_rows(&model, &respondents, &filters)), &o)
    })?;
    Ok(PyItemAnalysis { inner: result.into_py_result(py)? })
}

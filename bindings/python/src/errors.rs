//! Core errors → the Python exception hierarchy of `transform_model._errors`, with
//! structured fields (row, column, item, value, path) besides the message.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use transform_model::benchmark::BenchmarkError;
use transform_model::ingredient::{CatalogError, StoreError};
use transform_model::mission::PortfolioError;
use transform_model::responses::ResponseError;
use transform_model::{AssessError, ModelError};

/// Any core error on its way to Python.
pub enum CoreError {
    Model(ModelError),
    Response(ResponseError),
    Assess(AssessError),
    Catalog(CatalogError),
    Portfolio(PortfolioError),
    Store(StoreError),
    Benchmark(BenchmarkError),
}

impl From<BenchmarkError> for CoreError {
    fn from(e: BenchmarkError) -> Self {
        CoreError::Benchmark(e)
    }
}

impl From<ModelError> for CoreError {
    fn from(e: ModelError) -> Self {
        CoreError::Model(e)
    }
}
impl From<ResponseError> for CoreError {
    fn from(e: ResponseError) -> Self {
        CoreError::Response(e)
    }
}
impl From<AssessError> for CoreError {
    fn from(e: AssessError) -> Self {
        CoreError::Assess(e)
    }
}
impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        CoreError::Store(e)
    }
}
impl From<CatalogError> for CoreError {
    fn from(e: CatalogError) -> Self {
        CoreError::Catalog(e)
    }
}
impl From<PortfolioError> for CoreError {
    fn from(e: PortfolioError) -> Self {
        CoreError::Portfolio(e)
    }
}

/// Builds an instance of `transform_model._errors.<class>(message, **fields)`.
fn raise(py: Python<'_>, class: &str, message: String, fields: &[(&str, Py<PyAny>)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("transform_model._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        for (k, v) in fields {
            kwargs.set_item(k, v)?;
        }
        Ok(PyErr::from_value(cls.call((message.clone(),), Some(&kwargs))?))
    };
    build().unwrap_or_else(|e| e)
}

fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Py<PyAny> {
    v.into_py_any(py).expect("plain values convert")
}

impl CoreError {
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self {
            CoreError::Model(e) => {
                let path = e.path().to_owned();
                raise(py, "ModelError", e.to_string(), &[("path", obj(py, path))])
            }
            CoreError::Response(e) => {
                let msg = e.to_string();
                let f: Vec<(&str, Py<PyAny>)> = match e {
                    ResponseError::UnknownRole { row, respondent, value, allowed } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, "role")),
                        ("respondent", obj(py, respondent)),
                        ("value", obj(py, value)),
                        ("allowed", obj(py, allowed.split(", ").map(str::to_owned).collect::<Vec<_>>())),
                    ],
                    ResponseError::UnmappedRole { row, column, respondent, value, allowed } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, column)),
                        ("respondent", obj(py, respondent)),
                        ("value", obj(py, value)),
                        ("allowed", obj(py, allowed.split(", ").map(str::to_owned).collect::<Vec<_>>())),
                    ],
                    ResponseError::NotInteger { row, respondent, column, value } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, column.clone())),
                        ("item", obj(py, column)),
                        ("respondent", obj(py, respondent)),
                        ("value", obj(py, value)),
                    ],
                    ResponseError::OutOfScale { row, respondent, column, value, .. }
                    | ResponseError::NotAsked { row, respondent, column, value, .. } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, column.clone())),
                        ("item", obj(py, column)),
                        ("respondent", obj(py, respondent)),
                        ("value", obj(py, value)),
                    ],
                    ResponseError::UnknownColumn { column, index } => {
                        // The core names the concept; Python adds its argument name.
                        let msg = format!(
                            "column {index} `{column}` is not an item of the model \
                             (pass ignore_columns=[{column:?}] to skip it)"
                        );
                        return raise(py, "ResponseError", msg, &[("column", obj(py, column))]);
                    }
                    ResponseError::MissingColumn { column } | ResponseError::DuplicateColumn { column } => {
                        vec![("column", obj(py, column))]
                    }
                    ResponseError::DuplicateRespondent { row, respondent, .. }
                    | ResponseError::RoleConflict { row, respondent, .. }
                    | ResponseError::DuplicateAnswer { row, respondent, .. } => {
                        vec![("row", obj(py, row)), ("respondent", obj(py, respondent))]
                    }
                    ResponseError::UnknownItem { row, item } => vec![("row", obj(py, row)), ("item", obj(py, item))],
                    ResponseError::EmptyRespondent { row } | ResponseError::Malformed { row, .. } => {
                        vec![("row", obj(py, row))]
                    }
                    ResponseError::Io { path, .. } => vec![("path", obj(py, path))],
                    ResponseError::EmptyUnit { row, column, respondent }
                    | ResponseError::UnitConflict { row, column, respondent, .. } => {
                        vec![("row", obj(py, row)), ("column", obj(py, column)), ("respondent", obj(py, respondent))]
                    }
                    ResponseError::FilterAnswer { row, column, respondent, value } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, column)),
                        ("respondent", obj(py, respondent)),
                        ("value", obj(py, value)),
                    ],
                    ResponseError::FilterNotAsked { row, column, respondent, .. } => {
                        vec![("row", obj(py, row)), ("column", obj(py, column)), ("respondent", obj(py, respondent))]
                    }
                    ResponseError::SkippedAnswered { row, column, respondent, filter, answer } => vec![
                        ("row", obj(py, row)),
                        ("column", obj(py, column.clone())),
                        ("item", obj(py, column)),
                        ("respondent", obj(py, respondent)),
                        ("filter", obj(py, filter)),
                        ("value", obj(py, answer)),
                    ],
                    ResponseError::UnknownFilter { column, allowed } => vec![
                        ("column", obj(py, column)),
                        ("allowed", obj(py, allowed.split(", ").map(str::to_owned).collect::<Vec<_>>())),
                    ],
                    ResponseError::UnitNamedLikeRole { row, column, value, .. } => {
                        vec![("row", obj(py, row)), ("column", obj(py, column)), ("value", obj(py, value))]
                    }
                    ResponseError::Empty
                    | ResponseError::NoRespondents
                    | ResponseError::Shape { .. }
                    | ResponseError::IndexOutOfRange { .. }
                    | ResponseError::ModelMismatch { .. }
                    | ResponseError::Xlsx(_) => vec![],
                    ResponseError::Limit(l) => {
                        vec![("limit", obj(py, l.limit.name())), ("value", obj(py, l.value)), ("max", obj(py, l.max))]
                    }
                    // A variant added later: the message alone until it gets its own fields.
                    _ => vec![],
                };
                raise(py, "ResponseError", msg, &f)
            }
            CoreError::Assess(e) => match e {
                AssessError::TooFewRespondents { included, excluded, k } => {
                    let msg = e.to_string();
                    raise(
                        py,
                        "AnonymityError",
                        msg,
                        &[("included", obj(py, included)), ("excluded", obj(py, excluded)), ("k", obj(py, k))],
                    )
                }
                AssessError::InvalidOption { ref name, .. } => {
                    // Python's argument is `by` (the CLI's `--by`).
                    let name = if name == "group_by" { "by".to_owned() } else { name.clone() };
                    raise(py, "OptionError", e.to_string(), &[("option", obj(py, name))])
                }
                AssessError::ModelMismatch(_) => raise(py, "ModelError", e.to_string(), &[]),
                AssessError::UnknownMunicipality { .. } => {
                    raise(py, "OptionError", e.to_string(), &[("option", obj(py, "municipality"))])
                }
                AssessError::UnknownBreakdown { ref column, .. } => {
                    let column = column.clone();
                    raise(py, "OptionError", e.to_string(), &[("option", obj(py, "by")), ("value", obj(py, column))])
                }
                _ => raise(py, "ResponseError", e.to_string(), &[]),
            },
            CoreError::Catalog(e) => {
                let path = match &e {
                    CatalogError::Parse { path, .. }
                    | CatalogError::Invalid { path, .. }
                    | CatalogError::Io { path, .. } => Some(path.clone()),
                    CatalogError::UnknownMunicipality { code } | CatalogError::NoProfile { code } => {
                        return raise(py, "CatalogError", e.to_string(), &[("value", obj(py, code.clone()))]);
                    }
                    CatalogError::UnknownInQuery { field, .. } => Some(field.clone()),
                    CatalogError::InBatch { .. } => None,
                    CatalogError::InvalidOption { name, .. } => {
                        return raise(py, "OptionError", e.to_string(), &[("option", obj(py, name.clone()))]);
                    }
                    // A variant added later: the message alone until it gets its own fields.
                    _ => None,
                };
                raise(py, "CatalogError", e.to_string(), &[("path", obj(py, path))])
            }
            // A saved index that cannot be written or read; `path` is the file.
            CoreError::Store(e) => {
                let file = match &e {
                    StoreError::Io { path, .. }
                    | StoreError::NotAnIndex { path, .. }
                    | StoreError::Truncated { path, .. }
                    | StoreError::FormatVersion { path, .. }
                    | StoreError::LibraryVersion { path, .. }
                    | StoreError::Checksum { path, .. }
                    | StoreError::Corrupt { path, .. }
                    | StoreError::Catalog { path, .. } => path.clone(),
                    // A variant added later: the message alone until it gets its own fields.
                    _ => return raise(py, "CatalogError", e.to_string(), &[]),
                };
                raise(py, "CatalogError", e.to_string(), &[("path", obj(py, file))])
            }
            CoreError::Benchmark(e) => {
                let option = match &e {
                    BenchmarkError::UnknownCode { .. } | BenchmarkError::RegionWithoutOf => "peers",
                    BenchmarkError::NotAssessed { .. } => "of",
                    _ => "assessments",
                };
                raise(py, "OptionError", e.to_string(), &[("option", obj(py, option))])
            }
            CoreError::Portfolio(e) => {
                let path = match &e {
                    PortfolioError::Parse { path, .. }
                    | PortfolioError::Invalid { path, .. }
                    | PortfolioError::Io { path, .. } => Some(path.clone()),
                    PortfolioError::InvalidOption { name, .. } => {
                        return raise(py, "OptionError", e.to_string(), &[("option", obj(py, name.clone()))]);
                    }
                    PortfolioError::NoAnalysisYear => None,
                    // A variant added later: the message alone until it gets its own fields.
                    _ => None,
                };
                raise(py, "PortfolioError", e.to_string(), &[("path", obj(py, path))])
            }
        }
    }
}

/// `Result<T, E>` → `PyResult<T>` for every core error type.
pub trait IntoPyResult<T> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<CoreError>> IntoPyResult<T> for Result<T, E> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| e.into().into_pyerr(py))
    }
}

/// A bad option value from Python (unknown weighting or language, …).
pub fn invalid(message: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(message.to_string())
}

/// A size argument above a core limit (`respondents` of a synthetic survey, …).
pub fn limit(py: Python<'_>, option: &str, e: transform_model::limits::LimitError) -> PyErr {
    let fields = [
        ("option", obj(py, option)),
        ("limit", obj(py, e.limit.name())),
        ("value", obj(py, e.value)),
        ("max", obj(py, e.max)),
    ];
    raise(py, "OptionError", format!("{option}: {e}"), &fields)
}

/// An `OptionError` naming the option (`columns`, …).
pub fn option_error(py: Python<'_>, option: &str, message: String) -> PyErr {
    raise(py, "OptionError", message, &[("option", obj(py, option))])
}

/// A query the core cannot read.
pub fn catalog_query_error(py: Python<'_>, e: serde_json::Error) -> PyErr {
    raise(py, "CatalogError", format!("query: {e}"), &[])
}

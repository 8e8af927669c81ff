//! The national benchmark and synthetic surveys for Python: assessments in, benchmark JSON
//! out (the Python side builds the DataFrames); sample surveys as a matrix.

use numpy::PyArray2;
use pyo3::prelude::*;
use transform_model::benchmark::{BenchmarkOptions, Peers, benchmark};
use transform_model::maturity::sample;

use crate::errors::IntoPyResult;
use crate::{PyAssessment, PyModel};

/// The benchmark (JSON) of `assessments`; `codes[i]`, when given, records assessment i's
/// municipality first. `peers` is `all`, `region`, or `list` with `peer_codes`.
#[pyfunction]
#[pyo3(signature = (assessments, codes, of, peers, peer_codes))]
pub fn benchmark_json(
    py: Python<'_>,
    assessments: Vec<PyRef<'_, PyAssessment>>,
    codes: Vec<Option<String>>,
    of: Option<String>,
    peers: &str,
    peer_codes: Vec<String>,
) -> PyResult<String> {
    let mut list = Vec::with_capacity(assessments.len());
    for (a, code) in assessments.iter().zip(codes.iter().chain(std::iter::repeat(&None))) {
        let a = a.inner.clone();
        list.push(match code {
            Some(c) => a.for_municipality(c).into_py_result(py)?,
            None => a,
        });
    }
    let peers = match peers {
        "all" => Peers::All,
        "region" => Peers::Region,
        _ => Peers::List(peer_codes),
    };
    let result = py.detach(|| benchmark(&list, &BenchmarkOptions::new(of, peers))).into_py_result(py)?;
    Ok(result.to_json())
}

/// Answers (respondents × items), respondent ids, roles and item ids.
type Survey<'py> = (Bound<'py, PyArray2<i64>>, Vec<String>, Vec<String>, Vec<String>);

/// A synthetic survey (as `transform-model sample`): answers as an int64 matrix
/// (respondents × items, -1 = no answer), respondent ids, roles and item ids.
/// `role_counts` ({role id: head count}, the CLI's `--role-counts`) fixes the head counts.
#[pyfunction]
#[pyo3(signature = (model, respondents, seed, role_counts=None))]
pub fn sample_survey<'py>(
    py: Python<'py>,
    model: &PyModel,
    respondents: usize,
    seed: u64,
    role_counts: Option<std::collections::BTreeMap<String, usize>>,
) -> PyResult<Survey<'py>> {
    let m = model.inner.clone();
    let counts = role_counts.map(|given| head_counts(py, &m, given)).transpose()?;
    let rows = py.detach(|| sample::try_generate(&m, respondents, seed, counts.as_deref())).map_err(|e| match e {
        sample::SampleError::Limit(e) => crate::errors::limit(py, "respondents", e),
        other => crate::errors::invalid(other),
    })?;
    let items: Vec<String> = m.items().iter().map(|i| i.id.clone()).collect();
    let values: Vec<Vec<i64>> = rows.iter().map(|r| r.answers.iter().map(|a| a.unwrap_or(-1)).collect()).collect();
    let ids = rows.iter().map(|r| r.id.clone()).collect();
    let roles = rows.iter().map(|r| m.roles()[r.role].id.clone()).collect();
    let matrix = PyArray2::from_vec2(py, &values).expect("rows of equal length");
    Ok((matrix, ids, roles, items))
}

/// {role id: n} as head counts in the model's role order; an unknown role is the option's error.
fn head_counts(
    py: Python<'_>,
    model: &transform_model::Model,
    given: std::collections::BTreeMap<String, usize>,
) -> PyResult<Vec<usize>> {
    let mut counts = vec![0; model.roles().len()];
    for (role, n) in given {
        let r = model.role_index(&role).ok_or_else(|| {
            let allowed = model.roles().iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
            crate::errors::option_error(
                py,
                "role_counts",
                format!("role_counts: `{role}` is not a role of model {} (allowed: {allowed})", model.id()),
            )
        })?;
        counts[r] = n;
    }
    Ok(counts)
}

/// The 98 municipalities: (code, name, region name), ordered by code.
#[pyfunction]
pub fn municipalities() -> Vec<(String, String, String)> {
    transform_model::municipality::all()
        .iter()
        .map(|m| (m.code.clone(), m.name.clone(), m.region_name.clone()))
        .collect()
}

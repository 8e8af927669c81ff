//! `_plan`: the five-year plan, kept in Rust (`plan_values::PyPlan`; python/transform_model/
//! _plan.py builds the `Plan` object's frames from its columns). Converts and forwards; no
//! rule lives here.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use transform_model::mission::{AnalysisOptions, BudgetMonths, PortfolioError};
use transform_model::plan::{DEFAULT_CAPACITY_HOURS, PlanError, PlanInputs, PlanOptions, plan};
use transform_model::{AssessError, ModelError};

use crate::errors::{CoreError, IntoPyResult};
use crate::portfolio::PyPortfolio;
use crate::{PyAssessment, PyCatalog, PyModel};

/// A plan error as the nearest core error: options → OptionError (`option` = the field),
/// model mismatch → ModelError (`path`), inputs that do not fit → PortfolioError.
fn core_error(e: PlanError) -> CoreError {
    let message = e.to_string();
    match e {
        PlanError::InvalidOption { name, message } => CoreError::Assess(AssessError::InvalidOption { name, message }),
        PlanError::NoStartYear => CoreError::Assess(AssessError::InvalidOption { name: "start_year".into(), message }),
        PlanError::ModelMismatch { field, .. } => CoreError::Model(ModelError::Invalid { path: field, message }),
        PlanError::Inconsistent { field, .. } => CoreError::Portfolio(PortfolioError::Invalid { path: field, message }),
        PlanError::Catalog { error, .. } => CoreError::Catalog(error),
        _ => CoreError::Assess(AssessError::InvalidOption { name: "plan".into(), message }),
    }
}

/// `{"adoption": 11}` as the core's months; an unknown name is the option's error.
fn months(map: BTreeMap<String, u8>) -> Result<BudgetMonths, CoreError> {
    let value = serde_json::to_value(map).expect("a map of months serializes");
    serde_json::from_value(value).map_err(|e| {
        CoreError::Assess(AssessError::InvalidOption { name: "budget_months".into(), message: e.to_string() })
    })
}

#[pyfunction]
#[pyo3(signature = (model, assessment, portfolio=None, catalog=None, start_year=None, years=5, capacity_hours=None, elections=None, department_capacity=None, budget_months=None, phase_out_quarters=1))]
#[allow(clippy::too_many_arguments)]
pub fn make_plan(
    py: Python<'_>,
    model: &PyModel,
    assessment: &PyAssessment,
    portfolio: Option<&PyPortfolio>,
    catalog: Option<&PyCatalog>,
    start_year: Option<i64>,
    years: i64,
    capacity_hours: Option<f64>,
    elections: Option<Vec<i64>>,
    department_capacity: Option<BTreeMap<String, f64>>,
    budget_months: Option<BTreeMap<String, u8>>,
    phase_out_quarters: u8,
) -> PyResult<crate::plan_values::PyPlan> {
    let mut options = PlanOptions::default();
    options.start_year = start_year;
    options.years = years;
    options.capacity_hours = capacity_hours.unwrap_or(DEFAULT_CAPACITY_HOURS);
    options.elections = elections;
    options.department_capacity = department_capacity.unwrap_or_default();
    options.phase_out_quarters = phase_out_quarters;
    options.budget_months = months(budget_months.unwrap_or_default()).into_py_result(py)?;
    options.validate().map_err(core_error).into_py_result(py)?;
    let (model, assessment) = (model.inner.clone(), &assessment.inner);
    let portfolio = portfolio.map(|p| p.inner.clone());
    let index = catalog.map(|c| c.index.clone());
    let result = crate::interrupt::run(py, || -> Result<transform_model::plan::Plan, CoreError> {
        let analysis = portfolio
            .as_ref()
            .map(|p| {
                p.analyse(&{
                    let mut o = AnalysisOptions::default();
                    o.year = start_year;
                    o
                })
            })
            .transpose()?;
        let inputs = PlanInputs {
            model: &model,
            assessment,
            portfolio: portfolio.as_deref().zip(analysis.as_ref()),
            index: index.as_deref(),
        };
        plan(inputs, &options).map_err(core_error)
    })?;
    result.into_py_result(py).map(Into::into)
}

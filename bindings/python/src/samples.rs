//! The bundled sample data, embedded in the core: the package finds it wherever it is
//! installed and whatever the working folder (a notebook's kernel runs in its own folder).

use pyo3::prelude::*;
use transform_model::maturity::{SAMPLE_RESPONSES_CI_CSV, SAMPLE_RESPONSES_CSV};

use crate::errors::{IntoPyResult, invalid};

/// The bundled sample survey of `model` (`dtm` or `ci`) as wide CSV text.
#[pyfunction]
#[pyo3(signature = (model = "dtm"))]
pub fn sample_responses_csv(model: &str) -> PyResult<&'static str> {
    match model {
        "dtm" => Ok(SAMPLE_RESPONSES_CSV),
        "ci" => Ok(SAMPLE_RESPONSES_CI_CSV),
        other => Err(invalid(format!("no bundled sample survey for model `{other}` (allowed: dtm, ci)"))),
    }
}

/// The portfolio workbook template (the CLI's `portfolio-template`) as `.xlsx` bytes.
#[pyfunction]
pub fn portfolio_template_xlsx(py: Python<'_>) -> PyResult<std::borrow::Cow<'static, [u8]>> {
    #[cfg(feature = "xlsx")]
    let bytes = transform_model::mission::portfolio_template();
    #[cfg(not(feature = "xlsx"))]
    let bytes: Result<Vec<u8>, _> = Err(transform_model::mission::WorkbookError::FeatureDisabled);
    bytes.map(std::borrow::Cow::Owned).map_err(transform_model::mission::PortfolioError::from).into_py_result(py)
}

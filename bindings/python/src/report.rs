//! `_report`: the HTML report and the core's SVG charts for the Python package
//! (python/transform_model/_report.py). Converts and forwards; no rule lives here.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use transform_model::chart;
use transform_model::mission::AnalysisOptions;
use transform_model::plan::Plan;
use transform_model::report::{Date, ReportError, ReportInputs, ReportOptions, Status, SurveyPeriod, render_html};
use transform_model::{AssessError, ModelError};

use crate::errors::{CoreError, IntoPyResult, invalid};
use crate::portfolio::{PyAnalysis, PyPortfolio};
use crate::{PyAssessment, PyCatalog, PyModel, lang};

/// A report error as the nearest core error: another model → ModelError, a bad option →
/// OptionError naming the option (`invited`, `municipality`, `meeting_date`, …).
fn core_error(e: ReportError) -> CoreError {
    let message = e.to_string();
    let option = match &e {
        ReportError::ModelMismatch { .. } => {
            return CoreError::Model(ModelError::Invalid { path: "model".into(), message });
        }
        ReportError::UnknownMunicipality { .. } => "municipality",
        ReportError::MeetingBeforeSurvey { .. } => "meeting_date",
        ReportError::UnknownStatus { .. } => "status",
        ReportError::EmptyCommittee => "committee",
        ReportError::InvalidDate { .. } => "date",
        _ => "invited",
    };
    CoreError::Assess(AssessError::InvalidOption { name: option.into(), message })
}

/// A string option parsed by the core; an error names the option.
fn parsed<T: std::str::FromStr<Err = ReportError>>(name: &str, value: Option<&str>) -> PyResult<Option<T>> {
    value.map(str::parse).transpose().map_err(|e: ReportError| invalid(format!("{name}: {e}")))
}

/// The report as one HTML document (the CLI's `report`).
#[pyfunction]
#[pyo3(signature = (model, assessment, portfolio=None, catalog=None, plan_json=None, lang_="da", invited=None,
    municipality=None, committee=None, meeting_date=None, survey_period=None, status=None))]
#[allow(clippy::too_many_arguments)]
pub fn report_html(
    py: Python<'_>,
    model: &PyModel,
    assessment: &PyAssessment,
    portfolio: Option<&PyPortfolio>,
    catalog: Option<&PyCatalog>,
    plan_json: Option<&str>,
    lang_: &str,
    invited: Option<BTreeMap<String, usize>>,
    municipality: Option<String>,
    committee: Option<String>,
    meeting_date: Option<&str>,
    survey_period: Option<&str>,
    status: Option<&str>,
) -> PyResult<String> {
    let l = lang(lang_)?;
    let plan = plan_json.map(Plan::from_json).transpose().map_err(invalid)?;
    let (model, assessment) = (model.inner.clone(), &assessment.inner);
    let portfolio = portfolio.map(|p| p.inner.clone());
    let index = catalog.map(|c| c.index.clone());
    let mut options = ReportOptions::new(l).with_invited(invited.unwrap_or_default());
    options.municipality = municipality;
    options.committee = committee;
    options.meeting_date = parsed::<Date>("meeting_date", meeting_date)?;
    options.survey_period = parsed::<SurveyPeriod>("survey_period", survey_period)?;
    options.status = parsed::<Status>("status", status)?;
    let result = py.detach(|| -> Result<String, CoreError> {
        let analysis = portfolio
            .as_ref()
            .map(|p| {
                p.analyse(&{
                    let mut o = AnalysisOptions::default();
                    o.lang = l;
                    o
                })
            })
            .transpose()?;
        let inputs = ReportInputs {
            model: &model,
            assessment,
            portfolio: portfolio.as_deref().zip(analysis.as_ref()),
            index: index.as_deref(),
            plan: plan.as_ref(),
        };
        render_html(&inputs, &options).map_err(core_error)
    });
    result.into_py_result(py)
}

/// An assessment chart: `bars`, `radar`, `heatmap` or `gaps`.
#[pyfunction]
pub fn assessment_svg(model: &PyModel, assessment: &PyAssessment, kind: &str, lang_: &str) -> PyResult<String> {
    let (m, a, l) = (&model.inner, &assessment.inner, lang(lang_)?);
    match kind {
        "bars" => Ok(chart::dimension_bars(a, m, l)),
        "radar" => Ok(chart::radar(a, m, l)),
        "heatmap" => Ok(chart::group_heatmap(a, m, l)),
        "gaps" => Ok(chart::perception_gaps(a, m, l)),
        other => Err(invalid(format!("unknown chart `{other}` (allowed: bars, radar, heatmap, gaps)"))),
    }
}

/// A portfolio chart: `coverage` (needs the portfolio, for the mission titles), `stages` or `facets`.
#[pyfunction]
#[pyo3(signature = (analysis, kind, lang_, portfolio=None))]
pub fn portfolio_svg(
    analysis: &PyAnalysis,
    kind: &str,
    lang_: &str,
    portfolio: Option<&PyPortfolio>,
) -> PyResult<String> {
    let (an, l) = (&analysis.inner, lang(lang_)?);
    match (kind, portfolio) {
        ("coverage", Some(p)) => Ok(chart::mission_coverage(&p.inner, an, l)),
        ("coverage", None) => Err(invalid("the coverage chart needs the portfolio")),
        ("stages", _) => Ok(chart::stage_flow(an, l)),
        ("facets", _) => Ok(chart::facet_balance(an, l)),
        (other, _) => Err(invalid(format!("unknown chart `{other}` (allowed: coverage, stages, facets)"))),
    }
}

/// The plan's timeline from its JSON.
#[pyfunction]
pub fn plan_svg(plan_json: &str, lang_: &str) -> PyResult<String> {
    let plan = Plan::from_json(plan_json).map_err(invalid)?;
    Ok(chart::plan_timeline(&plan, lang(lang_)?))
}

/// Code → label for `stages`, `facets`, `modes` or `recommendation` in `lang_` (the core's vocab).
#[pyfunction]
pub fn vocab_labels(kind: &str, lang_: &str) -> PyResult<BTreeMap<String, String>> {
    let pairs = transform_model::mission::code_labels(kind, lang(lang_)?)
        .ok_or_else(|| invalid(format!("unknown kind `{kind}` (allowed: stages, facets, modes, recommendation)")))?;
    Ok(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

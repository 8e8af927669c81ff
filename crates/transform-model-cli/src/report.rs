//! `transform-model report`: the self-contained HTML report for the council, from responses
//! or a saved assessment, with an optional portfolio, catalog and plan.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::response_args::ResponseArgs;
use clap::Args;
use transform_model::ingredient::Index;
use transform_model::mission::AnalysisOptions;
use transform_model::plan::{PlanInputs, PlanOptions, plan};
use transform_model::report::{ReportError, ReportInputs, ReportOptions, find_municipality, render_html};
use transform_model::{AssessOptions, Assessment, Lang, Model, assess};

#[derive(Args)]
pub struct ReportArgs {
    /// Survey responses (CSV, JSON, .xlsx; `sample`: the bundled survey) or an assessment (JSON from `assess`).
    pub input: PathBuf,
    /// A bundled model id (dtm, ci, dtm@2026.1) or a model file.
    #[arg(long)]
    pub model: Option<String>,
    /// A portfolio: JSON, a workbook from `portfolio-template`, or `sample`.
    #[arg(long)]
    pub portfolio: Option<PathBuf>,
    /// A catalog file (`default`: the bundled one), for active ingredients for the
    /// under-served missions (needs --portfolio); with --plan and no --catalog, the plan's
    /// default catalog.
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// Include the five-year plan (made from the same inputs).
    #[arg(long)]
    pub plan: bool,
    /// People invited per role, for the response rate, e.g. `politician=27,frontline=400`.
    #[arg(long)]
    pub invited: Option<String>,
    /// The municipality, by code or name (one of the 98); default: the portfolio's.
    #[arg(long)]
    pub municipality: Option<String>,
    /// The committee that first treats the paper (default Økonomiudvalget).
    #[arg(long)]
    pub committee: Option<String>,
    /// The committee's meeting date, YYYY-MM-DD.
    #[arg(long)]
    pub meeting_date: Option<String>,
    /// When the survey was open: YYYY-MM-DD..YYYY-MM-DD (or one day).
    #[arg(long)]
    pub survey_period: Option<String>,
    /// `beslutning` (the council decides) or `orientering` (it takes note); default:
    /// beslutning with --plan, else orientering.
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long, default_value = "da")]
    pub lang: Lang,
    /// The HTML file to write (replaced whole, never left half-written).
    #[arg(short, long, alias = "out")]
    pub output: PathBuf,
    #[command(flatten)]
    pub read: crate::response_args::ResponseArgs,
    /// Break the results down by unit columns (`department`, or `department,unit`): the
    /// report gets "Resultater pr. enhed", audited as `assess --by` is.
    #[arg(long = "by", alias = "group-by", value_delimiter = ',')]
    pub by: Vec<String>,
}

/// An assessment from a `.json` file (checked against the model), else scored from responses.
fn read_assessment(
    model: &Model,
    path: &Path,
    read: &ResponseArgs,
    by: &[String],
    lang: Lang,
) -> Result<Assessment, String> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        if let Ok(a) = Assessment::from_json(&text) {
            return Ok(a);
        }
    }
    let data = read.read(model, path, by, lang)?;
    let mut options = AssessOptions::default();
    options.group_by = by.to_vec();
    assess(model, &data, &options).map_err(|e| e.to_string())
}

/// `role=N,role=N` → counts per role id.
fn parse_invited(spec: &str) -> Result<BTreeMap<String, usize>, String> {
    spec.split(',')
        .map(|part| {
            let (role, n) = part.split_once('=').ok_or_else(|| format!("--invited: `{part}` is not ROLE=N"))?;
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("--invited: `{}` is not a count (role `{}`)", n.trim(), role.trim()))?;
            Ok((role.trim().to_owned(), n))
        })
        .collect()
}

/// The output's folder must exist: say so before any work.
fn check_out(out: &Path) -> Result<(), String> {
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!("--output `{}`: the folder `{}` does not exist", out.display(), dir.display()));
    }
    Ok(())
}

/// The council paper's options, each checked before any work (an error names the flag).
fn paper_options(a: &ReportArgs, invited: BTreeMap<String, usize>) -> Result<ReportOptions, String> {
    let mut o = ReportOptions::new(a.lang).with_invited(invited);
    let flag = |name: &str, e: ReportError| format!("--{name}: {e}");
    o.municipality = a.municipality.clone();
    if let Some(m) = &a.municipality {
        find_municipality(m).map_err(|e| format!("--{e}"))?;
    }
    o.committee = a.committee.clone();
    o.meeting_date = a.meeting_date.as_deref().map(str::parse).transpose().map_err(|e| flag("meeting-date", e))?;
    o.survey_period = a.survey_period.as_deref().map(str::parse).transpose().map_err(|e| flag("survey-period", e))?;
    o.status = a.status.as_deref().map(str::parse).transpose().map_err(|e: ReportError| format!("--{e}"))?;
    Ok(o)
}

pub fn run(a: ReportArgs) -> Result<String, String> {
    check_out(&a.output)?;
    let model = match &a.model {
        Some(spec) => Model::resolve(spec).map_err(|e| e.to_string())?,
        None => Model::default_model(),
    };
    let invited = a.invited.as_deref().map(parse_invited).transpose()?.unwrap_or_default();
    let options = paper_options(&a, invited)?;
    let assessment = read_assessment(&model, &a.input, &a.read, &a.by, a.lang)?;
    let portfolio = a.portfolio.as_ref().map(|p| crate::bundled::portfolio(p, a.lang)).transpose()?;
    let analysis = portfolio
        .as_ref()
        .map(|p| {
            p.analyse(&{
                let mut o = AnalysisOptions::default();
                o.lang = a.lang;
                o
            })
        })
        .transpose();
    let analysis = analysis.map_err(|e| e.to_string())?;
    let index = match (&a.catalog, a.plan) {
        (Some(p), _) => Some(Index::new(crate::bundled::catalog(p)?)),
        (None, true) => Some(Index::new(crate::plan::default_catalog())),
        (None, false) => None,
    };
    let mut options = options;
    options.catalog = index.as_ref().map(|_| crate::bundled::catalog_name(a.catalog.as_deref(), a.lang));
    let pair = portfolio.as_ref().zip(analysis.as_ref());
    let the_plan = if a.plan {
        if assessment.model.id != model.id() || assessment.model.version != model.version() {
            // The report names the mismatch below; the plan would fail less clearly.
            None
        } else {
            let inputs = PlanInputs { model: &model, assessment: &assessment, portfolio: pair, index: index.as_ref() };
            Some(plan(inputs, &PlanOptions::default()).map_err(|e| e.to_string())?)
        }
    } else {
        None
    };
    let inputs = ReportInputs {
        model: &model,
        assessment: &assessment,
        portfolio: pair,
        index: index.as_ref(),
        plan: the_plan.as_ref(),
    };
    let html = render_html(&inputs, &options).map_err(|e| format!("{}: {e}", a.input.display()))?;
    transform_model::atomic::write_atomically(&a.output, html.as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", a.output.display()))?;
    Ok(crate::bundled::wrote(&a.output, a.lang))
}

//! `transform-model plan`: the five-year plan from responses or an assessment, with an
//! optional portfolio and catalog.

use std::path::{Path, PathBuf};

use crate::response_args::ResponseArgs;
use clap::{Args, ValueEnum};
use transform_model::ingredient::{Catalog, Index};
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::plan::{PlanInputs, PlanOptions, output, plan};
use transform_model::{AssessOptions, Assessment, Lang, Model, assess};

#[derive(Clone, Copy, ValueEnum)]
pub enum PlanFormat {
    Json,
    Table,
    Markdown,
    /// One row per action; `;` and decimal comma under `--lang da` (docs/exports.md).
    Csv,
    /// A workbook for the økonomiafdeling (needs `--output`).
    Xlsx,
}

#[derive(Args)]
pub struct PlanArgs {
    /// Survey responses (CSV, .xlsx; `sample`: the bundled survey) or an assessment (JSON from `assess`).
    pub input: PathBuf,
    /// A bundled model id (dtm, ci, dtm@2026.1) or a model file.
    #[arg(long)]
    pub model: Option<String>,
    /// A portfolio: JSON, a workbook from `portfolio-template`, or `sample`.
    #[arg(long)]
    pub portfolio: Option<PathBuf>,
    /// A catalog file (default, or `default`: the bundled sample catalog).
    #[arg(long, conflicts_with = "no_catalog")]
    pub catalog: Option<PathBuf>,
    /// Plan without a catalog (no ingredients or partners).
    #[arg(long)]
    pub no_catalog: bool,
    /// First plan year (default: the portfolio's year).
    #[arg(long)]
    pub start_year: Option<i64>,
    #[arg(long, default_value_t = 5)]
    pub years: i64,
    /// Leader hours per department per year.
    #[arg(long, default_value_t = transform_model::plan::DEFAULT_CAPACITY_HOURS)]
    pub capacity_hours: f64,
    /// Leader hours of one department, NAME=HOURS (repeatable; over the portfolio's figure).
    #[arg(long = "department-capacity", value_name = "NAME=HOURS")]
    pub department_capacity: Vec<String>,
    /// A month of the budget year, NAME=MONTH (repeatable): strategy, accounts,
    /// economy_agreement, accounts_approved, seminar, first_reading, hearing, adoption.
    #[arg(long = "budget-month", value_name = "NAME=MONTH")]
    pub budget_month: Vec<String>,
    /// Quarters a closed initiative still costs after the decision (0–4).
    #[arg(long, default_value_t = 1)]
    pub phase_out_quarters: u8,
    /// Election years, e.g. 2029,2033 (default: every fourth year from 2025).
    #[arg(long, value_delimiter = ',')]
    pub elections: Option<Vec<i64>>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: PlanFormat,
    #[arg(long, default_value = "da")]
    pub lang: Lang,
    /// Write to this file (replaced whole, never left half-written) instead of stdout;
    /// required for `--format xlsx`.
    #[arg(short, long, alias = "out")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: crate::response_args::ResponseArgs,
}

fn read_assessment(model: &Model, path: &Path, read: &ResponseArgs, lang: Lang) -> Result<Assessment, String> {
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let text =
            transform_model::limits::read_text(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        return Assessment::from_json(&text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let data = read.read(model, path, &[], lang)?;
    assess(model, &data, &AssessOptions::default()).map_err(|e| e.to_string())
}

pub fn run(a: PlanArgs) -> Result<String, String> {
    let model = match &a.model {
        Some(spec) => Model::resolve(spec).map_err(|e| e.to_string())?,
        None => Model::default_model(),
    };
    let assessment = read_assessment(&model, &a.input, &a.read, a.lang)?;
    let mut options = PlanOptions::default();
    options.start_year = a.start_year;
    options.years = a.years;
    options.elections = a.elections;
    options.capacity_hours = a.capacity_hours;
    options.phase_out_quarters = a.phase_out_quarters;
    for pair in &a.department_capacity {
        let (name, hours) = split(pair, "--department-capacity")?;
        let hours =
            hours.parse().map_err(|_| format!("--department-capacity {pair}: `{hours}` is not a number of hours"))?;
        options.department_capacity.insert(name.to_owned(), hours);
    }
    options.budget_months = budget_months(&a.budget_month)?;
    options.validate().map_err(|e| format!("{e}{}", flag_hint(&e)))?;
    let portfolio = a.portfolio.as_ref().map(|p| crate::bundled::portfolio(p, a.lang)).transpose()?;
    let mut analysis_options = AnalysisOptions::default();
    analysis_options.year = a.start_year;
    let analysis = portfolio.as_ref().map(|p| p.analyse(&analysis_options).map_err(|e| e.to_string())).transpose()?;
    let index = match (&a.catalog, a.no_catalog) {
        (_, true) => None,
        (Some(p), false) => Some(Index::new(crate::bundled::catalog(p)?)),
        (None, false) => Some(Index::new(default_catalog())),
    };
    let inputs = PlanInputs {
        model: &model,
        assessment: &assessment,
        portfolio: portfolio.as_ref().zip(analysis.as_ref()),
        index: index.as_ref(),
    };
    let plan = plan(inputs, &options).map_err(|e| format!("{e}{}", flag_hint(&e)))?;
    // Which catalog the plan used, said where a reader looks (the table and the Markdown).
    let catalog = match a.no_catalog {
        true => String::new(),
        false => format!(
            "\n{}: {}\n",
            a.lang.pick("Katalog", "Catalog"),
            crate::bundled::catalog_name(a.catalog.as_deref(), a.lang)
        ),
    };
    let bytes = match a.format {
        PlanFormat::Json => plan.to_json().into_bytes(),
        PlanFormat::Table => (output::render_table(&plan, a.lang) + &catalog).into_bytes(),
        PlanFormat::Markdown => (output::render_markdown(&plan, a.lang) + &catalog).into_bytes(),
        PlanFormat::Csv => {
            let table = transform_model::export::plan_table(&plan, a.lang);
            transform_model::export::to_csv(&table, a.lang).map_err(|e| e.to_string())?
        }
        PlanFormat::Xlsx => xlsx_bytes(&plan, a.lang)?,
    };
    match &a.output {
        Some(path) => crate::export_cmd::write(path, &bytes).map(|()| crate::bundled::wrote(path, a.lang)),
        None if matches!(a.format, PlanFormat::Xlsx) => {
            Err("--format xlsx writes a workbook: give --output FILE".into())
        }
        None => String::from_utf8(bytes).map_err(|e| e.to_string()),
    }
}

/// The catalog `plan` and `report --plan` use when none is given: one default, so the same
/// inputs give the same plan in both.
pub fn default_catalog() -> Catalog {
    Catalog::sample()
}

/// `NAME=VALUE` → (NAME, VALUE), or an error naming the flag.
fn split<'a>(pair: &'a str, flag: &str) -> Result<(&'a str, &'a str), String> {
    pair.split_once('=').map(|(n, v)| (n.trim(), v.trim())).ok_or_else(|| format!("{flag} {pair}: write NAME=VALUE"))
}

/// `--budget-month NAME=MONTH` pairs as the core's months (checked there).
fn budget_months(pairs: &[String]) -> Result<transform_model::mission::BudgetMonths, String> {
    let mut map = serde_json::Map::new();
    for pair in pairs {
        let (name, month) = split(pair, "--budget-month")?;
        let m: u8 = month.parse().map_err(|_| format!("--budget-month {pair}: `{month}` is not a month 1–12"))?;
        map.insert(name.to_owned(), m.into());
    }
    serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| format!("--budget-month: {e}"))
}

#[cfg(feature = "xlsx")]
fn xlsx_bytes(plan: &transform_model::plan::Plan, lang: Lang) -> Result<Vec<u8>, String> {
    transform_model::export::to_xlsx(&transform_model::export::plan_table(plan, lang)).map_err(|e| e.to_string())
}

/// A build without the `xlsx` feature refuses the workbook format with the reason.
#[cfg(not(feature = "xlsx"))]
fn xlsx_bytes(_plan: &transform_model::plan::Plan, _lang: Lang) -> Result<Vec<u8>, String> {
    Err("this build writes no .xlsx (it was built without the `xlsx` feature); use --format json, table or markdown"
        .into())
}

/// The flag behind a refused option (`elections[1]` → `--elections`).
fn flag_hint(e: &transform_model::plan::PlanError) -> String {
    match e {
        transform_model::plan::PlanError::InvalidOption { name, .. } => {
            let base = name.split(['[', '.']).next().unwrap_or(name);
            format!(" (--{})", base.replace('_', "-").replace("budget-months", "budget-month"))
        }
        _ => String::new(),
    }
}

/// The sample municipality's plan for the demo: the sample portfolio and catalog, start
/// 2026, one line per year (the full årshjul is `plan --format table`).
pub fn demo_plan(model: &Model, assessment: &Assessment, lang: Lang) -> Result<String, String> {
    let portfolio = Portfolio::sample();
    let analysis = portfolio.analyse(&AnalysisOptions::default()).map_err(|e| e.to_string())?;
    let index = Index::new(Catalog::sample());
    let inputs = PlanInputs { model, assessment, portfolio: Some((&portfolio, &analysis)), index: Some(&index) };
    let plan = plan(inputs, &PlanOptions::default()).map_err(|e| e.to_string())?;
    Ok(output::render_short(&plan, lang))
}

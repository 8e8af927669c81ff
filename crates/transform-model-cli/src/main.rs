//! `transform-model`: a thin command line over the transform-model crate.

mod pilot_guide;
mod questionnaire;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod benchmark;
mod bundled;
mod compare;
mod export_cmd;
mod items;
mod plan;
#[path = "report.rs"]
mod report_cmd;
mod response_args;

use clap::{Parser, Subcommand, ValueEnum};

mod index_cmd;
mod partners_cmd;
use export_cmd::Outputs;
use transform_model::export;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};
use transform_model::maturity::{Round, compare_carried_over, sample};
use transform_model::mission::{AnalysisOptions, Portfolio};
use transform_model::responses::ReadOptions;
use transform_model::table::{assessment as report, matching as ingredient_report, portfolio as mission_report};
use transform_model::{AssessOptions, Assessment, Lang, Model, Responses, Weighting, assess};

#[derive(Parser)]
#[command(name = "transform-model", version, about = "From driftskommune to transformative municipality")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ModelFormat {
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Json,
    Table,
}

#[derive(Subcommand)]
enum Command {
    /// Print the maturity model (the embedded default, or --model).
    Model {
        /// A bundled model id (`dtm`, `dtm@2026.1`, `ci`) or a model file; default `dtm`.
        #[arg(long)]
        model: Option<String>,
        /// An overlay applied on top of the model.
        #[arg(long)]
        overlay: Option<PathBuf>,
        #[arg(long, default_value = "da")]
        lang: Lang,
        #[arg(long, value_enum, default_value = "json")]
        format: ModelFormat,
    },
    /// Score questionnaire responses (wide CSV, .xlsx or long JSON; `sample`: the bundled survey).
    Assess {
        responses: PathBuf,
        /// A bundled model id (`dtm`, `dtm@2026.1`, `ci`) or a model file; default `dtm`.
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        overlay: Option<PathBuf>,
        #[arg(long, default_value = "balanced")]
        weighting: Weighting,
        /// Minimum respondents behind any figure (k); below 5 needs --allow-small-groups, below 3 is refused.
        #[arg(long, default_value_t = 5)]
        min_group_size: usize,
        /// Allow 3 ≤ k < 5 (the output says so).
        #[arg(long)]
        allow_small_groups: bool,
        /// Intervals, SD, r_wg and alpha only for cells of at least this many respondents.
        #[arg(long, default_value_t = 10)]
        min_dispersion_n: usize,
        /// Perception gaps need at least this many items asked of both roles.
        #[arg(long, default_value_t = 2)]
        min_common_items: usize,
        /// Bootstrap resamples behind the level probabilities (0 = none).
        #[arg(long, default_value_t = 1000)]
        bootstrap: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        #[arg(long)]
        target: Option<i64>,
        /// An earlier assessment (JSON from this command) to measure progress against; it is
        /// also audited against, as with --audit-against.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// The responses the --baseline assessment was made from: when it is on another version
        /// of the model, both rounds are compared on the items the versions carry over.
        #[arg(long = "baseline-responses", requires = "baseline")]
        baseline_responses: Option<PathBuf>,
        /// An earlier published assessment (JSON) of the same survey: cells whose n differs
        /// from it by 1 to k − 1 are withheld (repeatable).
        #[arg(long = "audit-against")]
        audit_against: Vec<PathBuf>,
        #[command(flatten)]
        read: response_args::ResponseArgs,
        /// Break the results down by unit columns: `department`, or `department,unit`; any
        /// other column named here is read as a unit column (alias --group-by).
        #[arg(long = "by", alias = "group-by", value_delimiter = ',')]
        by: Vec<String>,
        /// The municipality's 3-digit code (one of the 98), recorded for the benchmark.
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: export_cmd::Format,
        #[arg(long, default_value = "da")]
        lang: Lang,
        /// Write to this file (whole or not at all) instead of stdout; required for xlsx.
        #[arg(short, long, alias = "out")]
        output: Option<PathBuf>,
    },
    /// Combine published assessments of many municipalities into a benchmark.
    Benchmark(benchmark::BenchmarkArgs),
    /// Item analysis for piloting: alpha, omega, item-rest r and "ved ikke" per item and dimension.
    Items(items::ItemsArgs),
    /// Write the questionnaire for a survey tool (XLSForm, question list) or paper (HTML).
    Questionnaire {
        /// A bundled model id (dtm, ci, dtm@2026.1) or a model file.
        #[arg(long)]
        model: Option<String>,
        /// Only this role's items (default: all roles).
        #[arg(long)]
        role: Option<String>,
        #[arg(long, default_value = "da")]
        lang: Lang,
        #[arg(long, value_enum)]
        format: questionnaire::QuestionnaireFormat,
        /// The anonymity threshold k promised to respondents.
        #[arg(long, default_value_t = 5)]
        min_group_size: usize,
        #[command(flatten)]
        departments: questionnaire::DepartmentArgs,
        /// The file to write (replaced whole, never left half-written).
        #[arg(short, long, alias = "out")]
        output: PathBuf,
    },
    /// A cognitive-interview guide (Markdown) for piloting one role's questions.
    PilotGuide {
        /// A bundled model id (dtm, ci, dtm@2026.1) or a model file.
        #[arg(long)]
        model: Option<String>,
        /// The role whose questions the guide covers.
        #[arg(long)]
        role: String,
        #[arg(long, default_value = "da")]
        lang: Lang,
        /// Write to this file instead of stdout.
        #[arg(short, long, alias = "out")]
        output: Option<PathBuf>,
    },
    /// Synthetic responses as CSV on stdout, for demos and benchmarks.
    Sample {
        #[arg(long)]
        respondents: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// A bundled model id (`dtm`, `dtm@2026.1`, `ci`) or a model file; default `dtm`.
        #[arg(long)]
        model: Option<String>,
        /// Fixed head counts instead of drawn roles, e.g. `politician=4,frontline=30`.
        #[arg(long)]
        role_counts: Option<String>,
    },
    /// Analyse a portfolio of missions and initiatives: JSON or a workbook from
    /// `portfolio-template` (the bundled sample if no FILE, or `sample`).
    Portfolio {
        file: Option<PathBuf>,
        #[arg(long, default_value_t = 5)]
        horizon: i64,
        /// Analysis year (default: the file's `year`).
        #[arg(long)]
        year: Option<i64>,
        #[arg(long, value_enum, default_value = "table")]
        format: export_cmd::Format,
        #[arg(long, default_value = "da")]
        lang: Lang,
        /// Write to this file (whole or not at all) instead of stdout; required for xlsx.
        #[arg(short, long, alias = "out")]
        output: Option<PathBuf>,
    },
    /// Write the portfolio workbook to fill in (sheets Kommune, Missioner, Indsatser,
    /// Organisation; Danish headers, drop-down lists, an example row).
    PortfolioTemplate {
        /// The workbook to write (.xlsx).
        #[arg(short, long, alias = "out")]
        output: PathBuf,
        #[arg(long, default_value = "da")]
        lang: Lang,
    },
    /// Rank active ingredients for a problem, from the catalog's interventions.
    Match {
        /// The problem in your own words (Danish or English).
        problem: String,
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A saved index (`transform-model index`) instead of --catalog.
        #[arg(long, conflicts_with = "catalog")]
        index: Option<PathBuf>,
        #[arg(long = "target-group")]
        target_groups: Vec<String>,
        #[arg(long = "problem-tag")]
        problem_tags: Vec<String>,
        #[arg(long)]
        area: Option<String>,
        /// Your context, e.g. `urbanity=rural` (repeatable).
        #[arg(long = "context")]
        context: Vec<String>,
        /// An ingredient already in use (repeatable).
        #[arg(long = "exclude")]
        exclude: Vec<String>,
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Also list the most similar interventions.
        #[arg(long)]
        similar: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: export_cmd::Format,
        #[arg(long, default_value = "da")]
        lang: Lang,
        /// Write to this file (whole or not at all) instead of stdout; required for xlsx.
        #[arg(short, long, alias = "out")]
        output: Option<PathBuf>,
    },
    /// Suggest partner municipalities: for a municipality (similar problems, complementary
    /// ingredients), or for a problem (`--problem`: who answers it, nearest in context first).
    Partners {
        /// The municipality (kommunekode) to find partners for.
        #[arg(required_unless_present = "problem", conflicts_with = "problem")]
        code: Option<String>,
        #[command(flatten)]
        problem: partners_cmd::ProblemArgs,
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A saved index (`transform-model index`) instead of --catalog.
        #[arg(long, conflicts_with = "catalog")]
        index: Option<PathBuf>,
        #[arg(long, default_value_t = 3)]
        top: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: OutFormat,
        #[arg(long, default_value = "da")]
        lang: Lang,
    },
    /// The change between two saved assessments (JSON): per dimension and group, with Welch
    /// intervals and Holm-adjusted significance (JSON out).
    Compare { current: PathBuf, baseline: PathBuf },
    /// Analyse a catalog once and save its index, for fast `match --index`.
    Index {
        /// A catalog file (`default`: the bundled sample catalog).
        catalog: PathBuf,
        #[arg(short, long, alias = "out")]
        output: PathBuf,
    },
    /// Converts a catalog kept as two CSV files (ingredients, interventions) to catalog JSON.
    CatalogImport { ingredients: PathBuf, interventions: PathBuf },
    /// A synthetic catalog (Danish-like text) as JSON, for benchmarks.
    CatalogSample {
        #[arg(long)]
        interventions: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
    /// Assess the bundled sample municipality and print a bilingual report (one language with --lang).
    Demo {
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// The five-year transformation plan (årshjul) from responses or an assessment.
    Plan(plan::PlanArgs),
    /// The report for the council: one self-contained HTML file (Danish by default).
    Report(report_cmd::ReportArgs),
}

/// `--model`: an existing file path wins, else a bundled id (`Model::resolve`); no flag is
/// the default model.
fn load_model(spec: Option<&String>, overlay: Option<&PathBuf>) -> Result<Model, String> {
    let model = match spec {
        Some(s) => Model::resolve(s).map_err(|e| e.to_string())?,
        None => Model::default_model(),
    };
    match overlay {
        Some(p) => {
            let text = transform_model::limits::read_text(p)
                .map_err(|e| format!("cannot read overlay `{}`: {e}", p.display()))?;
            model.overlay(&text).map_err(|e| e.to_string())
        }
        None => Ok(model),
    }
}

fn run(cli: Cli) -> Result<String, String> {
    match cli.command {
        Command::Model { model, overlay, lang, format } => {
            let model = load_model(model.as_ref(), overlay.as_ref())?;
            Ok(match format {
                ModelFormat::Json => model.to_json(),
                ModelFormat::Markdown => report::model_markdown(&model, lang),
            })
        }
        Command::Assess {
            responses,
            model,
            overlay,
            weighting,
            min_group_size,
            allow_small_groups,
            min_dispersion_n,
            min_common_items,
            bootstrap,
            seed,
            target,
            baseline,
            baseline_responses,
            audit_against,
            read,
            by,
            municipality,
            format,
            lang,
            output,
        } => {
            let model = load_model(model.as_ref(), overlay.as_ref())?;
            let data = read.read(&model, &responses, &by, lang)?;
            let mut options = AssessOptions::default();
            options.weighting = weighting;
            options.min_group_size = min_group_size;
            options.allow_small_groups = allow_small_groups;
            options.min_dispersion_n = min_dispersion_n;
            options.min_common_items = min_common_items;
            options.bootstrap = bootstrap;
            options.seed = seed;
            options.target = target;
            options.group_by = by;
            options.municipality = municipality;
            let read_earlier = |path: &PathBuf, what: &str| -> Result<Assessment, String> {
                let text = transform_model::limits::read_text(path)
                    .map_err(|e| format!("cannot read {what} `{}`: {e}", path.display()))?;
                Assessment::from_json(&text).map_err(|e| format!("{what} `{}`: {e}", path.display()))
            };
            for path in audit_against.iter() {
                options.audit_against.push(read_earlier(path, "--audit-against")?);
            }
            let baseline = baseline.map(|path| read_earlier(&path, "baseline")).transpose()?;
            options.audit_against.extend(baseline.clone());
            let mut result = assess(&model, &data, &options).map_err(|e| format!("{e}{}", option_hint(&e)))?;
            if let Some(earlier) = baseline {
                result = result.with_baseline(&earlier).map_err(|e| e.to_string())?;
                transform_model::maturity::attach_item_changes(&mut result, &earlier, &model);
                if let Some(path) = baseline_responses {
                    let old = earlier_model(&earlier, &model)?;
                    let then = Responses::from_file(&old, &path, &ReadOptions::default())
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    let rounds = [result.clone(), earlier];
                    let now = Round { model: &model, responses: &data, published: &rounds[..1] };
                    let c = compare_carried_over(
                        now,
                        Round { model: &old, responses: &then, published: &rounds[1..] },
                        &options,
                    )
                    .map_err(|e| e.to_string())?;
                    result.baseline = Some(c);
                }
            }
            let outputs = Outputs {
                json: || result.to_json(),
                table: || {
                    report::render_table(&result, &model, Some(lang))
                        + &transform_model::table::units::render_table(&result, lang)
                },
                export: || export::assessment_table(&result, lang),
            };
            export_cmd::emit(format, lang, output.as_deref(), outputs)
        }
        Command::Benchmark(args) => benchmark::run(args),
        Command::Items(args) => items::run(args),
        Command::Questionnaire { model, role, lang, format, min_group_size, departments, output } => {
            let model = load_model(model.as_ref(), None)?;
            let departments = departments.resolve(lang)?;
            questionnaire::run(&model, format, role, lang, min_group_size, departments, &output)
        }
        Command::PilotGuide { model, role, lang, output } => {
            let model = load_model(model.as_ref(), None)?;
            pilot_guide::run(&model, &role, lang, output.as_ref())
        }
        Command::Sample { respondents, seed, model, role_counts } => {
            let model = load_model(model.as_ref(), None)?;
            let counts = role_counts.map(|spec| parse_role_counts(&model, &spec)).transpose()?;
            // Streamed as drawn: any number of respondents in constant memory.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match sample::write_csv(&model, respondents, seed, counts.as_deref(), &mut out).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
                _ => Ok(String::new()),
            }
        }
        Command::Portfolio { file, horizon, year, format, lang, output } => {
            let portfolio = match &file {
                Some(p) => bundled::portfolio(p, lang)?,
                None => Portfolio::sample(),
            };
            let mut options = AnalysisOptions::default();
            options.horizon = horizon;
            options.year = year;
            options.lang = lang;
            let analysis = portfolio.analyse(&options).map_err(|e| e.to_string())?;
            let outputs = Outputs {
                json: || analysis.to_json(),
                table: || mission_report::render_table(&portfolio, &analysis, lang),
                export: || export::portfolio_table(&portfolio, &analysis, lang),
            };
            export_cmd::emit(format, lang, output.as_deref(), outputs)
        }
        Command::Match {
            problem,
            catalog,
            index,
            target_groups,
            problem_tags,
            area,
            context,
            exclude,
            top,
            similar,
            format,
            lang,
            output,
        } => {
            let index = index_cmd::open(catalog.as_ref(), index.as_ref())?;
            let query = Query {
                text: problem,
                target_groups,
                problems: problem_tags,
                area,
                context: parse_context(&context)?,
                exclude,
            };
            let mut options = MatchOptions::default();
            options.top = top;
            options.lang = lang;
            let report = index.match_report(&query, &options).map_err(|e| e.to_string())?;
            let hits = if similar { report.similar.interventions.as_slice() } else { &[] };
            let outputs = Outputs {
                json: || match similar {
                    true => report.to_json(),
                    false => report.result.to_json(),
                },
                table: || ingredient_report::match_table(&report.result, hits, lang),
                export: || export::match_table(&report.result, similar.then_some(hits), lang),
            };
            let out = export_cmd::emit(format, lang, output.as_deref(), outputs);
            index_cmd::release(index);
            out
        }
        Command::Partners { code, problem, catalog, index, top, format, lang } => {
            let index = index_cmd::open(catalog.as_ref(), index.as_ref())?;
            let out = partners_cmd::run(&index, code.as_deref(), problem, top, matches!(format, OutFormat::Json), lang);
            index_cmd::release(index);
            out
        }
        Command::Index { catalog, output } => index_cmd::build(&catalog, &output),
        Command::PortfolioTemplate { output, lang } => portfolio_template(&output, lang),
        Command::CatalogImport { ingredients, interventions } => {
            let read = |p: &PathBuf| {
                transform_model::limits::read_text(p).map_err(|e| format!("cannot read `{}`: {e}", p.display()))
            };
            let catalog = Catalog::from_csv(&read(&ingredients)?, &read(&interventions)?).map_err(|e| e.to_string())?;
            Ok(catalog.to_json())
        }
        Command::CatalogSample { interventions, seed } => {
            let catalog = transform_model::ingredient::sample::try_sample_catalog(interventions, seed)
                .map_err(|e| format!("--interventions: {e}"))?;
            serde_json::to_string(&catalog).map_err(|e| format!("cannot write the catalog: {e}"))
        }
        Command::Compare { current, baseline } => compare::run(&current, &baseline),
        Command::Demo { lang } => demo(lang),
        Command::Plan(args) => plan::run(args),
        Command::Report(args) => report_cmd::run(args),
    }
}

/// Writes the portfolio workbook template to `output`.
#[cfg(feature = "xlsx")]
fn portfolio_template(output: &std::path::Path, lang: Lang) -> Result<String, String> {
    let bytes = transform_model::mission::portfolio_template().map_err(|e| e.message(lang))?;
    export_cmd::write(output, &bytes)?;
    Ok(bundled::wrote(output, lang))
}

/// A build without the `xlsx` feature writes no workbook.
#[cfg(not(feature = "xlsx"))]
fn portfolio_template(_output: &std::path::Path, lang: Lang) -> Result<String, String> {
    Err(transform_model::mission::WorkbookError::FeatureDisabled.message(lang))
}

/// The bundled model version a baseline was made on (`--baseline-responses` needs it).
fn earlier_model(earlier: &Assessment, model: &Model) -> Result<Model, String> {
    if earlier.model.id != model.id() {
        return Err(format!(
            "baseline: the baseline uses model `{}`, this assessment `{}`",
            earlier.model.id,
            model.id()
        ));
    }
    Model::bundled(&format!("{}@{}", earlier.model.id, earlier.model.version)).map_err(|e| {
        format!(
            "--baseline-responses: the baseline's model {} {} is not bundled: {e}",
            earlier.model.id, earlier.model.version
        )
    })
}

/// Names the command-line flag behind an option the library refused.
fn option_hint(e: &transform_model::AssessError) -> String {
    match e {
        transform_model::AssessError::InvalidOption { name, .. } if name == "min_group_size" => {
            " (--min-group-size; 3 ≤ k < 5 needs --allow-small-groups)".to_owned()
        }
        transform_model::AssessError::InvalidOption { name, .. } => format!(" (--{})", name.replace('_', "-")),
        _ => String::new(),
    }
}

/// `--context KEY=VALUE`, typed by the library as C and Python type JSON values.
fn parse_context(pairs: &[String]) -> Result<BTreeMap<String, serde_json::Value>, String> {
    pairs.iter().map(|p| Query::parse_context(p).map_err(|e| format!("--context: {e}"))).collect()
}

fn parse_role_counts(model: &Model, spec: &str) -> Result<Vec<usize>, String> {
    let mut counts = vec![0; model.roles().len()];
    for part in spec.split(',') {
        let (role, n) = part.split_once('=').ok_or_else(|| format!("--role-counts: `{part}` is not ROLE=N"))?;
        let r = model.role_index(role.trim()).ok_or_else(|| format!("--role-counts: unknown role `{role}`"))?;
        counts[r] = n.trim().parse().map_err(|_| format!("--role-counts: `{n}` is not a count"))?;
    }
    Ok(counts)
}

fn demo(lang: Option<Lang>) -> Result<String, String> {
    let heading = |da: &str, en: &str| match lang {
        Some(l) => l.pick(da, en).to_owned(),
        None => format!("{da} / {en}"),
    };
    let one = lang.unwrap_or(Lang::Da);
    let model = Model::default_model();
    let data =
        Responses::from_csv_str(&model, transform_model::maturity::SAMPLE_RESPONSES_CSV, &ReadOptions::default())
            .map_err(|e| e.to_string())?;
    let assessment = assess(&model, &data, &AssessOptions::default()).map_err(|e| e.to_string())?;
    let result = &assessment;
    let mut out = String::new();
    out.push_str(&format!(
        "== {} ==\n\n",
        heading(
            "Modenhed (indbygget eksempelkommune, til illustration)",
            "Maturity (bundled sample municipality, illustrative)"
        )
    ));
    out.push_str(&report::render_table(result, &model, lang));
    out.push_str(&format!(
        "\n{}\n",
        heading(
            "Også: `--model ci` vurderer et tværsektorielt samarbejde (Collective Impact)",
            "Also: `--model ci` assesses a cross-sector alliance (Collective Impact readiness)"
        )
    ));
    let portfolio = Portfolio::sample();
    let mut analysis_options = AnalysisOptions::default();
    analysis_options.lang = one;
    let analysis = portfolio.analyse(&analysis_options).map_err(|e| e.to_string())?;
    out.push_str(&format!(
        "\n== {} ==\n\n",
        heading(
            "Missioner og portefølje (fiktiv kommune, til illustration)",
            "Missions and portfolio (fictional municipality, illustrative)"
        )
    ));
    out.push_str(&mission_report::render_table(&portfolio, &analysis, one));
    let index = Index::new(Catalog::sample());
    let query = Query {
        // A sentence as staff write it, without tags (issue 30).
        text: "Ledige borgere i udsatte boligområder skal tættere på arbejdsmarkedet".into(),
        context: BTreeMap::from([("urbanity".to_owned(), serde_json::Value::from("rural"))]),
        ..Query::default()
    };
    let result = index
        .match_query(&query, &{
            let mut o = MatchOptions::default();
            o.top = 5;
            o.lang = one;
            o
        })
        .map_err(|e| e.to_string())?;
    out.push_str(&format!(
        "\n== {} ==\n",
        heading(
            "Virksomme ingredienser (eksempelkatalog, til illustration)",
            "Active ingredients (sample catalog, illustrative)"
        )
    ));
    out.push_str(&format!("{}: {}\n\n", heading("Problem", "Problem"), query.text));
    out.push_str(&ingredient_report::match_table(&result, &[], one));
    out.push_str(&format!(
        "\n== {} ==\n\n",
        heading(
            "Femårsplan (fiktiv kommune, til illustration)",
            "Five-year plan (fictional municipality, illustrative)"
        )
    ));
    out.push_str(&plan::demo_plan(&model, &assessment, one)?);
    Ok(out)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(text) => {
            // A closed pipe (`| head`) ends the output quietly instead of panicking in `println!`.
            let mut out = std::io::stdout().lock();
            // Nothing to print when the output went to a file (`--output`).
            let written = if text.is_empty() { Ok(()) } else { writeln!(out, "{}", text.trim_end()) };
            match written.and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

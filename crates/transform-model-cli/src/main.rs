//! `transform-model`: a thin command line over the transform-model crate.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use transform_model::maturity::{report, sample};
use transform_model::responses::ReadOptions;
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
        #[arg(long)]
        model: Option<PathBuf>,
        /// An overlay applied on top of the model.
        #[arg(long)]
        overlay: Option<PathBuf>,
        #[arg(long, default_value = "da")]
        lang: Lang,
        #[arg(long, value_enum, default_value = "json")]
        format: ModelFormat,
    },
    /// Score questionnaire responses (wide CSV or long JSON).
    Assess {
        responses: PathBuf,
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long)]
        overlay: Option<PathBuf>,
        #[arg(long, default_value = "balanced")]
        weighting: Weighting,
        #[arg(long, default_value_t = 5)]
        min_group_size: usize,
        #[arg(long, default_value_t = 1000)]
        bootstrap: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        #[arg(long)]
        target: Option<i64>,
        /// An earlier assessment (JSON from this command) to measure progress against.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Extra CSV column to skip (repeatable).
        #[arg(long = "ignore-column")]
        ignore_columns: Vec<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: OutFormat,
        #[arg(long, default_value = "da")]
        lang: Lang,
    },
    /// Synthetic responses as CSV on stdout, for demos and benchmarks.
    Sample {
        #[arg(long)]
        respondents: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        #[arg(long)]
        model: Option<PathBuf>,
        /// Fixed head counts instead of drawn roles, e.g. `politician=4,frontline=30`.
        #[arg(long)]
        role_counts: Option<String>,
    },
    /// Assess the bundled sample municipality and print a bilingual report.
    Demo,
}

fn load_model(path: Option<&PathBuf>, overlay: Option<&PathBuf>) -> Result<Model, String> {
    let model = match path {
        Some(p) => Model::from_file(p).map_err(|e| e.to_string())?,
        None => Model::default_model(),
    };
    match overlay {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read overlay `{}`: {e}", p.display()))?;
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
            bootstrap,
            seed,
            target,
            baseline,
            ignore_columns,
            format,
            lang,
        } => {
            let model = load_model(model.as_ref(), overlay.as_ref())?;
            let data = Responses::from_file(&model, &responses, &ReadOptions { ignore_columns })
                .map_err(|e| format!("{}: {e}", responses.display()))?;
            let options =
                AssessOptions { weighting, min_group_size, bootstrap, seed, target, ..AssessOptions::default() };
            let mut result = assess(&model, &data, &options).map_err(|e| e.to_string())?;
            if let Some(path) = baseline {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
                let earlier = Assessment::from_json(&text).map_err(|e| e.to_string())?;
                result = result.with_baseline(&earlier).map_err(|e| e.to_string())?;
            }
            Ok(match format {
                OutFormat::Json => result.to_json(),
                OutFormat::Table => report::render_table(&result, &model, Some(lang)),
            })
        }
        Command::Sample { respondents, seed, model, role_counts } => {
            let model = load_model(model.as_ref(), None)?;
            let counts = role_counts.map(|spec| parse_role_counts(&model, &spec)).transpose()?;
            Ok(sample::sample_csv(&model, respondents, seed, counts.as_deref()))
        }
        Command::Demo => demo(),
    }
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

fn demo() -> Result<String, String> {
    let model = Model::default_model();
    let data =
        Responses::from_csv_str(&model, transform_model::maturity::SAMPLE_RESPONSES_CSV, &ReadOptions::default())
            .map_err(|e| e.to_string())?;
    let result = assess(&model, &data, &AssessOptions::default()).map_err(|e| e.to_string())?;
    let mut out = String::new();
    out.push_str("== Modenhed / Maturity (bundled sample municipality, illustrative) ==\n\n");
    out.push_str(&report::render_table(&result, &model, None));
    Ok(out)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

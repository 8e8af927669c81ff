//! `benchmark ASSESSMENT.json… [--of CODE] [--peers all|region|FILE] [--format json|table|csv]`:
//! published assessments of many municipalities combined (logic in
//! `transform_model::benchmark`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use transform_model::benchmark::{self, BenchmarkOptions, Peers};
use transform_model::{Assessment, Lang};

#[derive(Clone, Copy, ValueEnum)]
pub enum BenchmarkFormat {
    Json,
    Table,
    Csv,
}

#[derive(Args)]
pub struct BenchmarkArgs {
    /// Assessment JSON files (from `assess --municipality CODE`), one per municipality.
    #[arg(required = true)]
    assessments: Vec<PathBuf>,
    /// The municipality (code) to place among its peers.
    #[arg(long)]
    of: Option<String>,
    /// `all`, `region` (the region of --of), or a file of municipality codes (one per line or comma-separated).
    #[arg(long, default_value = "all")]
    peers: String,
    #[arg(long, value_enum, default_value = "json")]
    format: BenchmarkFormat,
    #[arg(long, default_value = "da")]
    lang: Lang,
}

fn peers(spec: &str) -> Result<Peers, String> {
    Ok(match spec {
        "all" => Peers::All,
        "region" => Peers::Region,
        path => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("--peers: cannot read peer list `{path}`: {e}"))?;
            let codes: Vec<String> = text
                .split(|c: char| c == ',' || c.is_whitespace())
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.starts_with('#'))
                .map(str::to_owned)
                .collect();
            Peers::List(codes)
        }
    })
}

/// Reads the files, benchmarks them, renders the result.
pub fn run(a: BenchmarkArgs) -> Result<String, String> {
    let assessments = a
        .assessments
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            Assessment::from_json(&text).map_err(|e| format!("`{}`: {e}", path.display()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let options = BenchmarkOptions::new(a.of, peers(&a.peers)?);
    let result = benchmark::benchmark(&assessments, &options).map_err(|e| {
        // Name the files behind positional indices.
        let name = |i: usize| a.assessments.get(i - 1).map_or(String::new(), |p| p.display().to_string());
        match &e {
            benchmark::BenchmarkError::DuplicateMunicipality { first, second, .. } => {
                format!("{e} (`{}`, `{}`)", name(*first), name(*second))
            }
            benchmark::BenchmarkError::NoMunicipality { index } => {
                format!("{e} (`{}`: assess --municipality CODE)", name(*index))
            }
            benchmark::BenchmarkError::ModelVersion { index, .. } => {
                format!("{e} (`{}`)", name(*index))
            }
            _ => e.to_string(),
        }
    })?;
    Ok(match a.format {
        BenchmarkFormat::Json => result.to_json(),
        BenchmarkFormat::Table => benchmark::render_table(&result, a.lang),
        BenchmarkFormat::Csv => benchmark::to_csv(&result),
    })
}

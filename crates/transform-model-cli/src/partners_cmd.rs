//! `partners`: partner municipalities for a municipality (similar problems, complementary
//! ingredients) or for a problem (`--problem`, its target groups and context, and the asking
//! municipality by code, with or without interventions of its own).

use transform_model::Lang;
use transform_model::ingredient::{Index, Query};
use transform_model::table::matching as ingredient_report;

/// The problem to find partners for, and who asks.
#[derive(clap::Args)]
pub struct ProblemArgs {
    /// A problem in your own words: rank the municipalities whose interventions answer it.
    #[arg(long)]
    pub problem: Option<String>,
    /// A target group the interventions should address (repeatable; with --problem).
    #[arg(long = "target-group", requires = "problem")]
    pub target_groups: Vec<String>,
    /// Your context, e.g. `kommunegruppe=landkommune` or `urbanity=rural` (repeatable; with --problem).
    #[arg(long = "context", requires = "problem")]
    pub context: Vec<String>,
    /// The asking municipality's kommunekode (with --problem): its own interventions are left
    /// out, and partners nearer its context and region rank higher.
    #[arg(long, requires = "problem")]
    pub municipality: Option<String>,
}

/// The partners as JSON or a table in `lang`.
pub fn run(
    index: &Index,
    code: Option<&str>,
    problem: ProblemArgs,
    top: usize,
    json: bool,
    lang: Lang,
) -> Result<String, String> {
    let Some(text) = problem.problem else {
        let code = code.ok_or("give a kommunekode or --problem")?;
        let partners = index.partners(code, top).map_err(|e| e.to_string())?;
        return Ok(match json {
            true => transform_model::ingredient::partners_json(&partners),
            false => ingredient_report::partners_table(&partners, index.ingredients(), lang),
        });
    };
    let context = problem
        .context
        .iter()
        .map(|p| Query::parse_context(p).map_err(|e| format!("--context: {e}")))
        .collect::<Result<_, String>>()?;
    let query = Query { text, target_groups: problem.target_groups, context, ..Query::default() };
    let partners =
        index.partners_for_problem(&query, problem.municipality.as_deref(), top).map_err(|e| e.to_string())?;
    Ok(match json {
        true => transform_model::ingredient::problem_partners_json(&partners),
        false => ingredient_report::problem_partners_table(&partners, index.ingredients(), lang),
    })
}

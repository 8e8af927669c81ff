//! Assess a municipality's maturity from its survey answers: the bundled sample survey
//! (62 synthetic respondents on the default model `dtm`), scored with the default options.
//!
//! Run: `cargo run -p transform-model --example assess_survey`
//! With your own export, read it with `Responses::from_file(&model, "answers.csv", ...)`.

use transform_model::maturity::SAMPLE_RESPONSES_CSV;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Lang, Model, Responses, assess};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The model defines dimensions, items, levels and respondent roles.
    let model = Model::default_model();
    // Answers are tied to the model they were read for (wide CSV: one row per respondent).
    let responses = Responses::from_csv_str(&model, SAMPLE_RESPONSES_CSV, &ReadOptions::default())?;
    // Defaults: anonymity groups of at least 5, each role weighs the same, no bootstrap.
    let mut options = AssessOptions::default();
    options.bootstrap = 200; // level probabilities from 200 resamples ...
    options.seed = 7; // ... drawn from a fixed seed: the same figures on every run.
    let assessment = assess(&model, &responses, &options)?;

    let overall = &assessment.overall;
    println!(
        "{} respondents scored ({} left out: their role group was below the anonymity floor)",
        assessment.n_respondents, assessment.excluded_for_anonymity
    );
    println!(
        "overall score {:.2} (level {}), target level {}",
        overall.score.unwrap_or(f64::NAN),
        overall.level.map_or("-".to_owned(), |l| l.to_string()),
        overall.target
    );
    for d in &assessment.dimensions {
        // A withheld figure (a group too small to publish) is `None`, never a guess.
        let ci = d.ci.map_or(String::new(), |[lo, hi]| format!("  95% CI {lo:.2}–{hi:.2}"));
        println!("  {:<40} {}{ci}", d.label.get(Lang::En), d.score.map_or("-".to_owned(), |s| format!("{s:.2}")));
    }
    if let Some(first) = assessment.recommendations.first() {
        println!("first priority: {} (gap {:.2})", first.label.get(Lang::En), first.gap);
    }
    // The whole result as JSON (schema in docs/schema/assessment.json).
    let json = assessment.to_json();
    println!("JSON: {} bytes", json.len());
    Ok(())
}

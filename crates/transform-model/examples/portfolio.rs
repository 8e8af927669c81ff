//! Analyse a mission portfolio: how well initiatives serve the missions, which missions are
//! under-served, what could close, and the economics — on the bundled fictional portfolio.
//!
//! Run: `cargo run -p transform-model --example portfolio`
//! With your own file: `Portfolio::from_file("portfolio.json")?` (schema in docs/schema/).

use transform_model::mission::{AnalysisOptions, Portfolio};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let portfolio = Portfolio::sample();
    // Defaults: the portfolio's own year, a five-year horizon.
    let analysis = portfolio.analyse(&AnalysisOptions::default())?;

    println!(
        "{} missions, {} initiatives, year {}",
        portfolio.missions.len(),
        portfolio.initiatives.len(),
        analysis.year
    );
    for c in &analysis.coverage {
        println!(
            "  mission {:<28} {:>2} initiatives, weighted {:.2}, {} department(s)",
            c.mission,
            c.initiatives,
            c.weighted,
            c.departments.len()
        );
    }
    for candidate in &analysis.closure_candidates {
        println!("  could close: {} ({})", candidate.initiative, candidate.reason);
    }
    let paying: Vec<_> = analysis.economics.iter().filter_map(|e| e.payback_year.map(|y| (&e.initiative, y))).collect();
    println!("  {} initiative(s) pay back within the horizon", paying.len());
    Ok(())
}

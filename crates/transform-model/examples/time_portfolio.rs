//! Times the phases of a large portfolio analysis (5,000 × 50 by default).
use std::time::Instant;
use transform_model::mission::{AnalysisOptions, sample};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let p = sample::sample_portfolio(n, 50, 3);
    let o = AnalysisOptions::default();
    let runs: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let a = p.analyse(&o).unwrap();
        println!("analyse {n}x50: {:.1} ms ({} rows)", t.elapsed().as_secs_f64() * 1e3, a.alignment.len());
    }
    let texts: Vec<String> = p.initiatives.iter().map(|i| format!("{}\n{}", i.title, i.description)).collect();
    let t = Instant::now();
    let c = transform_model::text::analyze_corpus(&texts);
    println!("text corpus: {:.1} ms ({} terms)", t.elapsed().as_secs_f64() * 1e3, c.terms.len());
}

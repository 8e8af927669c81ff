//! The analysed text corpus is remembered for the next analysis of the same texts; an edited
//! portfolio is analysed afresh, and a remembered analysis equals a fresh one.

use transform_model::mission::{AnalysisOptions, sample};

#[test]
fn an_edited_portfolio_is_analysed_afresh() {
    let o = AnalysisOptions::default();
    let p = sample::sample_portfolio(60, 5, 1);
    let mut q = p.clone();
    // I00001 now says what mission M001 says: its text similarity to M001 changes.
    q.initiatives[0].title = q.missions[0].title.0["da"].clone();
    q.initiatives[0].description = q.missions[0].statement.clone();
    let first = p.analyse(&o).unwrap();
    let edited = q.analyse(&o).unwrap();
    let again = p.analyse(&o).unwrap();
    assert_eq!(again.to_json(), first.to_json());
    let text = |a: &transform_model::mission::PortfolioAnalysis| a.alignment.get(0).unwrap().components.text;
    assert!(text(&edited) > text(&first), "{} vs {}", text(&edited), text(&first));
    // Analysed right after the other portfolio, the edited one gives the same as on its own.
    let _ = p.analyse(&o).unwrap();
    assert_eq!(q.analyse(&o).unwrap().to_json(), edited.to_json());
}

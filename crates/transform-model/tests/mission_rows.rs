//! The alignment table is built on demand but keeps the JSON contract: it serialises exactly
//! as the list of every initiative × mission row, initiative-major, and each row's score is
//! the weighted mean of its components.

use transform_model::mission::{AlignmentRow, AnalysisOptions, PortfolioAnalysis, sample};

#[test]
fn the_table_serialises_as_every_row() {
    let p = sample::sample_portfolio(120, 9, 11);
    let o = AnalysisOptions::default();
    let a = p.analyse(&o).unwrap();
    assert_eq!(a.alignment.len(), 120 * 9);
    assert!(a.alignment.get(120 * 9).is_none());
    let rows: Vec<AlignmentRow> = a.alignment.iter().collect();
    assert_eq!(serde_json::to_string(&a.alignment).unwrap(), serde_json::to_string(&rows).unwrap());
    let w = &o.weights;
    let wsum = w.link + w.target_groups + w.outcomes + w.text + w.reach;
    for (idx, r) in rows.iter().enumerate() {
        // Initiative-major, in file order.
        assert_eq!(*r.initiative, p.initiatives[idx / 9].id);
        assert_eq!(*r.mission, p.missions[idx % 9].id);
        let c = &r.components;
        let mean = (w.link * c.link
            + w.target_groups * c.target_groups
            + w.outcomes * c.outcomes
            + w.text * c.text
            + w.reach * c.reach)
            / wsum;
        assert!((r.score - mean).abs() < 1e-12, "{idx}: {} vs {mean}", r.score);
        assert_eq!(a.alignment.score(idx), Some(r.score));
    }
    // Read back, the table holds the rows themselves and compares and writes the same.
    let back: PortfolioAnalysis = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.to_json(), a.to_json());
}

//! Zero for `top`, `retrieve` and `horizon` means the same in every face: it is refused
//! with the option's name (before: `top = 0` returned nothing, `similar(top = 0)` returned
//! everything, `horizon = 0` was accepted).

use transform_model::ingredient::{Catalog, CatalogError, Index, MatchOptions, Query};
use transform_model::mission::{AnalysisOptions, Portfolio, PortfolioError};

fn query() -> Query {
    Query { text: "ældre medicin i hjemmeplejen".into(), ..Query::default() }
}

fn refused_option(e: CatalogError) -> String {
    match e {
        CatalogError::InvalidOption { name, message } => {
            assert_eq!(message, "must be at least 1, not 0");
            name
        }
        other => panic!("expected InvalidOption, got {other:?}"),
    }
}

#[test]
fn zero_top_and_retrieve_are_refused_everywhere() {
    let index = Index::new(Catalog::sample());
    let e = index.match_query(&query(), &MatchOptions { top: 0, ..MatchOptions::default() }).unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index.match_query(&query(), &MatchOptions { retrieve: 0, ..MatchOptions::default() }).unwrap_err();
    assert_eq!(refused_option(e), "retrieve");
    let e = index.similar(&query(), &MatchOptions::default().weights, 0).unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index.match_report(&query(), &MatchOptions { top: 0, ..MatchOptions::default() }).unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index.match_many(&[query()], &MatchOptions { top: 0, ..MatchOptions::default() }).unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index.partners("561", 0).unwrap_err();
    assert_eq!(refused_option(e), "top");
    assert_eq!(CatalogError::InvalidOption { name: "top".into(), message: "x".into() }.to_string(), "option `top`: x");
}

#[test]
fn one_is_the_smallest_count() {
    let index = Index::new(Catalog::sample());
    let r = index.match_query(&query(), &MatchOptions { top: 1, retrieve: 1, ..MatchOptions::default() }).unwrap();
    assert!(r.ingredients.len() <= 1 && r.retrieved <= 1, "{r:?}");
    let s = index.similar(&query(), &MatchOptions::default().weights, 1).unwrap();
    assert_eq!(s.interventions.len(), 1);
}

#[test]
fn zero_horizon_is_refused() {
    let p = Portfolio::sample();
    let e = p.analyse(&AnalysisOptions { horizon: 0, ..AnalysisOptions::default() }).unwrap_err();
    assert_eq!(
        e,
        PortfolioError::InvalidOption { name: "horizon".into(), message: "0 years is outside 1..100".into() }
    );
    assert!(p.analyse(&AnalysisOptions { horizon: 1, ..AnalysisOptions::default() }).is_ok());
}

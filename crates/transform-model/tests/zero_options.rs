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
    let e = index
        .match_query(&query(), &{
            let mut o = MatchOptions::default();
            o.top = 0;
            o
        })
        .unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index
        .match_query(&query(), &{
            let mut o = MatchOptions::default();
            o.retrieve = 0;
            o
        })
        .unwrap_err();
    assert_eq!(refused_option(e), "retrieve");
    let e = index.similar(&query(), &MatchOptions::default().weights, 0).unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index
        .match_report(&query(), &{
            let mut o = MatchOptions::default();
            o.top = 0;
            o
        })
        .unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index
        .match_many(&[query()], &{
            let mut o = MatchOptions::default();
            o.top = 0;
            o
        })
        .unwrap_err();
    assert_eq!(refused_option(e), "top");
    let e = index.partners("561", 0).unwrap_err();
    assert_eq!(refused_option(e), "top");
    assert_eq!(CatalogError::InvalidOption { name: "top".into(), message: "x".into() }.to_string(), "option `top`: x");
}

#[test]
fn one_is_the_smallest_count() {
    let index = Index::new(Catalog::sample());
    let r = index
        .match_query(&query(), &{
            let mut o = MatchOptions::default();
            o.top = 1;
            o.retrieve = 1;
            o
        })
        .unwrap();
    assert!(r.ingredients.len() <= 1 && r.retrieved <= 1, "{r:?}");
    let s = index.similar(&query(), &MatchOptions::default().weights, 1).unwrap();
    assert_eq!(s.interventions.len(), 1);
}

#[test]
fn zero_horizon_is_refused() {
    let p = Portfolio::sample();
    let e = p
        .analyse(&{
            let mut o = AnalysisOptions::default();
            o.horizon = 0;
            o
        })
        .unwrap_err();
    assert_eq!(
        e,
        PortfolioError::InvalidOption { name: "horizon".into(), message: "0 years is outside 1..100".into() }
    );
    assert!(
        p.analyse(&{
            let mut o = AnalysisOptions::default();
            o.horizon = 1;
            o
        })
        .is_ok()
    );
}

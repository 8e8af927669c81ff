//! Every generator checks its size against its limit before it allocates (issue 33).

use transform_model::Model;
use transform_model::ingredient::sample::{try_sample_catalog, try_sample_queries};
use transform_model::limits::{Limit, LimitError};
use transform_model::maturity::sample::{SampleError, try_generate};
use transform_model::mission::sample::try_sample_portfolio;

fn over(limit: Limit, value: u64) -> LimitError {
    LimitError { limit, value, max: limit.default_max() }
}

#[test]
fn sizes_above_their_limit_are_refused_naming_the_limit() {
    let model = Model::default_model();
    let r = Limit::Respondents.default_max();
    assert_eq!(try_generate(&model, r as usize + 1, 0, None).err(), Some(over(Limit::Respondents, r + 1).into()));
    // Head counts are summed (without overflow) instead of `n`.
    let counts = [usize::MAX, usize::MAX, 0, 0, 0];
    assert_eq!(try_generate(&model, 1, 0, Some(&counts)).err(), Some(over(Limit::Respondents, u64::MAX).into()));
    let c = Limit::CatalogEntries.default_max();
    assert_eq!(try_sample_catalog(1_000_000_000_000, 0).err(), Some(over(Limit::CatalogEntries, 1_000_000_000_000)));
    assert_eq!(try_sample_queries(c as usize + 1, 0).err(), Some(over(Limit::CatalogEntries, c + 1)));
    let p = Limit::PortfolioEntries.default_max();
    assert_eq!(try_sample_portfolio(p as usize + 1, 3, 0).err(), Some(over(Limit::PortfolioEntries, p + 1)));
    assert_eq!(try_sample_portfolio(3, p as usize + 1, 0).err(), Some(over(Limit::PortfolioEntries, p + 1)));
}

#[test]
fn sizes_within_their_limit_are_generated() {
    let model = Model::default_model();
    let rows = try_generate(&model, 0, 0, Some(&[2, 0, 0, 3, 0])).unwrap();
    assert_eq!(rows.iter().map(|r| r.role).collect::<Vec<_>>(), [0, 0, 3, 3, 3]);
    assert_eq!(try_sample_catalog(4, 1).unwrap().interventions.len(), 4);
    assert_eq!(try_sample_queries(5, 1).unwrap().len(), 5);
    // No mission: initiatives without links (it drew from an empty range and panicked).
    let portfolio = try_sample_portfolio(20, 0, 1).unwrap();
    assert_eq!((portfolio.initiatives.len(), portfolio.missions.len()), (20, 0));
    assert!(portfolio.initiatives.iter().all(|i| i.links.is_empty()));
}

#[test]
fn more_head_counts_than_roles_are_refused_naming_both() {
    let model = Model::default_model();
    let roles = model.roles().len();
    let counts = vec![1; roles + 1];
    let Err(e) = try_generate(&model, 0, 0, Some(&counts)) else { panic!("more head counts than roles were drawn") };
    assert_eq!(e, SampleError::RoleCounts { given: roles + 1, roles });
    assert_eq!(e.to_string(), format!("`role_counts`: {} head counts for a model with {roles} roles", roles + 1));
    // As many as the model has roles is fine.
    assert_eq!(try_generate(&model, 0, 0, Some(&vec![1; roles])).unwrap().len(), roles);
}

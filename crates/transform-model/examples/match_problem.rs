//! Match a problem description against the bundled sample catalog of interventions and
//! their active ingredients: which ingredients recur in interventions that fit the problem.
//!
//! Run: `cargo run -p transform-model --example match_problem`
//! With your own catalog: `Catalog::from_file("catalog.json")?` (or `Catalog::from_csv`).

use transform_model::Lang;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Build the search index once; it is `Send + Sync`, so one index serves many threads.
    let index = Index::new(Catalog::sample());
    let query = Query {
        text: "Ældre borgere får for meget medicin i hjemmeplejen".to_owned(),
        target_groups: vec!["ældre".to_owned()],
        ..Query::default()
    };
    let mut options = MatchOptions::default();
    options.top = 5;
    let result = index.match_query(&query, &options)?;

    println!("{} interventions retrieved, {} ingredients:", result.retrieved, result.ingredients.len());
    for m in &result.ingredients {
        // `support` counts the fitting interventions that contain the ingredient.
        println!("  {:<26} {:<40} score {:.3}", m.id, m.name.get(Lang::Da), m.score);
    }
    if let Some(reason) = &result.reason {
        println!("note: {reason:?}");
    }
    Ok(())
}

//! Catalog JSON: read, indexed, and matched against a fixed problem.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(catalog) = Catalog::from_json(text) {
        let index = Index::new(catalog);
        let query = Query { text: "ensomhed blandt ældre borgere i landdistrikter".into(), ..Query::default() };
        let _ = index.match_query(&query, &MatchOptions::default());
    }
});

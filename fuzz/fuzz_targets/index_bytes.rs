//! Saved index files (`transform-model index`): arbitrary bytes must load or fail with an
//! error; an index that loads must answer a query.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::ingredient::{Index, MatchOptions, Query};

fuzz_target!(|data: &[u8]| {
    if let Ok(index) = Index::from_index_bytes(data, "fuzz.tmidx") {
        let query = Query { text: "ledige unge i job".into(), ..Query::default() };
        let _ = index.match_query(&query, &MatchOptions::default());
    }
});

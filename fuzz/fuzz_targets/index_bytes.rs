//! Saved index files (`transform-model index`): arbitrary bytes must load or fail with an
//! error; an index that loads must answer a query and suggest partners.
//!
//! Half the inputs (first byte even) are wrapped in a valid header — magic, versions, the
//! payload's length and its CRC-32 — so the fuzzer reaches the payload decoding behind the
//! checksum instead of stopping at it; the other half go in as they are, header and all.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use transform_model::ingredient::{Catalog, Index, MatchOptions, Query};

/// The first 28 header bytes the library writes (magic, format and library version), taken
/// from an index it saved, so the harness follows the format without copying its constants.
fn header_start() -> &'static [u8] {
    static START: OnceLock<Vec<u8>> = OnceLock::new();
    START.get_or_init(|| Index::new(Catalog::sample()).to_index_bytes()[..28].to_vec())
}

/// `payload` behind a header that passes every check: length and CRC-32 computed here.
fn sealed(payload: &[u8]) -> Vec<u8> {
    let mut out = header_start().to_vec();
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode % 2 == 0 { sealed(rest) } else { rest.to_vec() };
    if let Ok(index) = Index::from_index_bytes(&bytes, "fuzz.tmidx") {
        let query = Query { text: "ledige unge i job".into(), ..Query::default() };
        let _ = index.match_query(&query, &MatchOptions::default());
        let _ = index.partners("901", 3);
    }
});

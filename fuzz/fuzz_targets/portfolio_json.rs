//! Portfolio JSON: read, then analysed with the defaults (year from the file).
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::mission::{AnalysisOptions, Portfolio};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(p) = Portfolio::from_json(text) {
        if let Ok(a) = p.analyse(&AnalysisOptions::default()) {
            let _ = a.to_json();
        }
    }
});

//! The Danish text analyzer on arbitrary UTF-8: fitted on the text itself (so compound
//! splitting has a vocabulary), then analysing it; normalisation is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::text::{Analyzer, analyze_corpus, normalize, tokenize};

fuzz_target!(|text: &str| {
    let analyzer = Analyzer::fit(text.split('\n'));
    let _ = analyzer.analyze(text);
    let once = normalize(text);
    assert_eq!(normalize(&once), once, "normalize is idempotent");
    let _ = tokenize(text);
    let lines: Vec<&str> = text.lines().collect();
    let _ = analyze_corpus(&lines);
});

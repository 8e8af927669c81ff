//! Wide CSV responses (`,` or `;`, with or without BOM) on the default model; what is read
//! is also scored (a small bootstrap), so arbitrary answers reach the scoring.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Model, Responses, assess};

/// Loaded once: loading is not what this target tests.
static MODEL: LazyLock<Model> = LazyLock::new(Model::default_model);

fuzz_target!(|data: &[u8]| {
    let model = &*MODEL;
    let text = String::from_utf8_lossy(data);
    let options = {
        let mut o = ReadOptions::default();
        o.ignore_columns = vec!["timestamp".into()];
        o
    };
    if let Ok(responses) = Responses::from_csv_str(model, &text, &options) {
        let options = {
            let mut o = AssessOptions::default();
            o.bootstrap = 20;
            o.allow_small_groups = true;
            o.min_group_size = 3;
            o
        };
        if let Ok(a) = assess(model, &responses, &options) {
            let _ = a.to_json();
        }
    }
});

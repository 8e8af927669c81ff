//! Long JSON responses (`[{"respondent","role","item","value"}]`) on the default model.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use transform_model::{AssessOptions, Model, Responses, assess};

/// Loaded once: loading is not what this target tests.
static MODEL: LazyLock<Model> = LazyLock::new(Model::default_model);

fuzz_target!(|data: &[u8]| {
    let model = &*MODEL;
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(responses) = Responses::from_long_json(model, text) {
        let options = {
            let mut o = AssessOptions::default();
            o.bootstrap = 20;
            o.allow_small_groups = true;
            o.min_group_size = 3;
            o
        };
        let _ = assess(model, &responses, &options);
    }
});

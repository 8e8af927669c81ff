//! Long JSON responses (`[{"respondent","role","item","value"}]`) on the default model.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::{AssessOptions, Model, Responses, assess};

fuzz_target!(|data: &[u8]| {
    let model = Model::default_model();
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(responses) = Responses::from_long_json(&model, text) {
        let options = AssessOptions { bootstrap: 20, allow_small_groups: true, min_group_size: 3, ..AssessOptions::default() };
        let _ = assess(&model, &responses, &options);
    }
});

//! `.xlsx` response workbooks (zip + XML) on the default model.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use transform_model::responses::ReadOptions;
use transform_model::{Model, Responses};

/// Loaded once: loading is not what this target tests.
static MODEL: LazyLock<Model> = LazyLock::new(Model::default_model);

fuzz_target!(|data: &[u8]| {
    let model = &*MODEL;
    let _ = Responses::from_xlsx_bytes(model, data.to_vec(), &ReadOptions::default());
});

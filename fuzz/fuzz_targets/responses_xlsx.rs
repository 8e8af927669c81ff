//! `.xlsx` response workbooks (zip + XML) on the default model.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::responses::ReadOptions;
use transform_model::{Model, Responses};

fuzz_target!(|data: &[u8]| {
    let model = Model::default_model();
    let _ = Responses::from_xlsx_bytes(&model, data.to_vec(), &ReadOptions::default());
});

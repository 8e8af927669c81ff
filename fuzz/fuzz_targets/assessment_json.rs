//! Saved assessments (the baselines of `assess --baseline` and `compare`): read, then used
//! as the baseline of the bundled sample's assessment.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use transform_model::responses::ReadOptions;
use transform_model::{AssessOptions, Assessment, Model, Responses, assess};

fn current() -> &'static Assessment {
    static CURRENT: OnceLock<Assessment> = OnceLock::new();
    CURRENT.get_or_init(|| {
        let model = Model::default_model();
        let csv = transform_model::maturity::SAMPLE_RESPONSES_CSV;
        let data = Responses::from_csv_str(&model, csv, &ReadOptions::default()).expect("sample reads");
        assess(&model, &data, &{
            let mut o = AssessOptions::default();
            o.bootstrap = 0;
            o
        })
        .expect("sample scores")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(earlier) = Assessment::from_json(text) {
        let _ = current().clone().with_baseline(&earlier);
    }
});

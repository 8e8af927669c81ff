//! Model JSON and overlays: the first byte picks which; a model that loads must print as
//! JSON that loads again to the same model.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::Model;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let loaded = if mode % 2 == 0 { Model::from_json(&text) } else { Model::default_model().overlay(&text) };
    if let Ok(model) = loaded {
        let again = Model::from_json(&model.to_json()).expect("a loaded model prints as loadable JSON");
        assert_eq!(again.to_json(), model.to_json());
    }
});

//! Catalog CSV import: the input is split at the first NUL into the ingredients and the
//! interventions file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use transform_model::ingredient::Catalog;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (ingredients, interventions) = text.split_once('\0').unwrap_or((&text, ""));
    if let Ok(catalog) = Catalog::from_csv(ingredients, interventions) {
        let _ = catalog.to_json();
    }
});

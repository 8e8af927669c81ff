//! The core's defaults, read by the Python package's tests against its signatures: one
//! definition (the core's `Default` impls), repeated by no face unchecked.

use pyo3::prelude::*;
use serde_json::json;
use transform_model::AssessOptions;
use transform_model::ingredient::MatchOptions;
use transform_model::maturity::ItemOptions;
use transform_model::mission::AnalysisOptions;
use transform_model::plan::PlanOptions;

/// Per Python entry point, its arguments' defaults as the core defines them (JSON text).
#[pyfunction]
pub fn core_defaults() -> String {
    let a = AssessOptions::default();
    let i = ItemOptions::default();
    let m = MatchOptions::default();
    let p = PlanOptions::default();
    json!({
        "assess": {
            "weighting": serde_json::to_value(a.weighting).expect("a plain enum serializes"),
            "min_group_size": a.min_group_size,
            "allow_small_groups": a.allow_small_groups,
            "min_dispersion_n": a.min_dispersion_n,
            "min_common_items": a.min_common_items,
            "bootstrap": a.bootstrap,
            "seed": a.seed,
            "confidence": a.confidence,
        },
        "item_analysis": {
            "min_group_size": i.min_group_size,
            "allow_small_groups": i.allow_small_groups,
            "by_role": i.by_role,
            "min_dispersion_n": i.min_dispersion_n,
        },
        "match": { "top": m.top, "retrieve": m.retrieve, "lang": serde_json::to_value(m.lang).expect("a plain enum serializes") },
        "portfolio": { "horizon": AnalysisOptions::default().horizon },
        "plan": {
            "years": p.years,
            "phase_out_quarters": p.phase_out_quarters,
            "capacity_hours": p.capacity_hours,
        },
    })
    .to_string()
}

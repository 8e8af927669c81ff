//! The two-dimension model and survey of shared/design/worked-example.md.
#![allow(dead_code)]

use transform_model::{Model, Responses, responses::ReadOptions};

pub const WORKED_MODEL: &str = r#"{
  "id": "worked", "version": "1", "languages": ["da", "en"], "scale": {"min": 1, "max": 5},
  "roles": [
    {"id": "top_manager", "label": {"da": "Topleder", "en": "Top manager"}},
    {"id": "frontline", "label": {"da": "Medarbejder", "en": "Front-line employee"}},
    {"id": "external_partner", "label": {"da": "Ekstern partner", "en": "External partner"}}
  ],
  "levels": [
    {"level": 1, "label": {"da": "N1", "en": "L1"}, "description": {"da": "d", "en": "d"}},
    {"level": 2, "label": {"da": "N2", "en": "L2"}, "description": {"da": "d", "en": "d"}},
    {"level": 3, "label": {"da": "N3", "en": "L3"}, "description": {"da": "d", "en": "d"}},
    {"level": 4, "label": {"da": "N4", "en": "L4"}, "description": {"da": "d", "en": "d"}},
    {"level": 5, "label": {"da": "N5", "en": "L5"}, "description": {"da": "d", "en": "d"}}
  ],
  "dimensions": [
    {"id": "A", "label": {"da": "A", "en": "A"}, "description": {"da": "a", "en": "a"},
     "level_descriptions": {"1": {"da": "x", "en": "x"}, "2": {"da": "x", "en": "x"}, "3": {"da": "x", "en": "x"}, "4": {"da": "x", "en": "x"}, "5": {"da": "x", "en": "x"}},
     "levers": ["g1"]},
    {"id": "B", "label": {"da": "B", "en": "B"}, "description": {"da": "b", "en": "b"},
     "level_descriptions": {"1": {"da": "x", "en": "x"}, "2": {"da": "x", "en": "x"}, "3": {"da": "x", "en": "x"}, "4": {"da": "x", "en": "x"}, "5": {"da": "x", "en": "x"}},
     "levers": ["g2"]}
  ],
  "items": [
    {"id": "A1", "dimension": "A", "text": {"da": "a1", "en": "a1"}},
    {"id": "A2", "dimension": "A", "text": {"da": "a2", "en": "a2"}},
    {"id": "A3", "dimension": "A", "text": {"da": "a3", "en": "a3"}, "reverse": true},
    {"id": "B1", "dimension": "B", "text": {"da": "b1", "en": "b1"}},
    {"id": "B2", "dimension": "B", "text": {"da": "b2", "en": "b2"}, "roles": ["external_partner"]}
  ],
  "levers": [
    {"id": "g1", "label": {"da": "G1", "en": "L1"}, "text": {"da": "t", "en": "t"}},
    {"id": "g2", "label": {"da": "G2", "en": "L2"}, "text": {"da": "t", "en": "t"}}
  ]
}"#;

pub const WORKED_CSV: &str = "respondent,role,A1,A2,A3,B1,B2
T1,top_manager,5,4,2,4,
T2,top_manager,4,5,1,5,
F1,frontline,2,3,4,2,
F2,frontline,4,,3,3,
F3,frontline,2,,2,1,
F4,frontline,,,5,,
E1,external_partner,3,3,3,4,5
";

pub fn worked() -> (Model, Responses) {
    let model = Model::from_json(WORKED_MODEL).expect("worked model is valid");
    let responses = Responses::from_csv_str(&model, WORKED_CSV, &ReadOptions::default()).expect("worked CSV reads");
    (model, responses)
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

//! The 98 Danish municipalities, with code and region (DAWA), shipped with the crate, and the
//! fictional municipalities the bundled sample data uses for its illustrative cases.
//!
//! Sample interventions with invented details and outcomes must not be attributed to real
//! municipalities, so they belong to fictional ones: names not among the 98, codes 901–915
//! (outside the real code list), each in one of the five real regions so that region-based
//! logic (partner suggestions) works on them. [`Municipality::fictional`] lets every face say so.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

const MUNICIPALITIES_CSV: &str = include_str!("../data/municipalities.csv");
const FICTIONAL_CSV: &str = include_str!("../data/fictional_municipalities.csv");

/// A Danish municipality (or an invented one of the sample data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Municipality {
    /// 3-digit kommunekode, e.g. "101".
    pub code: String,
    /// Name of the municipality.
    pub name: String,
    /// Region code (e.g. "1084").
    pub region_code: String,
    /// Name of the region.
    pub region_name: String,
    /// True for the invented municipalities of the sample data; they do not exist.
    #[serde(default)]
    pub fictional: bool,
    /// Population band ("under 30.000", "30-60.000", "60-100.000", "over 100.000"); given for
    /// the fictional ones, whose size is part of their invented context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_band: Option<String>,
    /// "urban", "mixed" or "rural"; given for the fictional ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urbanity: Option<String>,
}

/// The data rows of a bundled CSV: no header, no `#` comment lines, no blank lines.
fn rows(csv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    csv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split(',').map(str::trim).collect())
}

/// All 98 real municipalities, ordered by code.
pub fn all() -> &'static [Municipality] {
    static ALL: OnceLock<Vec<Municipality>> = OnceLock::new();
    ALL.get_or_init(|| {
        rows(MUNICIPALITIES_CSV)
            .map(|f| Municipality {
                code: f[0].to_owned(),
                name: f[1].to_owned(),
                region_code: f[3].to_owned(),
                region_name: f[4].to_owned(),
                fictional: false,
                population_band: None,
                urbanity: None,
            })
            .collect()
    })
}

/// The fictional municipalities of the sample data, ordered by code.
pub fn fictional() -> &'static [Municipality] {
    static FICTIONAL: OnceLock<Vec<Municipality>> = OnceLock::new();
    FICTIONAL.get_or_init(|| {
        rows(FICTIONAL_CSV)
            .map(|f| Municipality {
                code: f[0].to_owned(),
                name: f[1].to_owned(),
                region_code: f[2].to_owned(),
                region_name: f[3].to_owned(),
                fictional: true,
                population_band: Some(f[4].to_owned()),
                urbanity: Some(f[5].to_owned()),
            })
            .collect()
    })
}

/// The municipality with this code: one of the 98 real ones, or a fictional one of the sample
/// data (check [`Municipality::fictional`]).
pub fn by_code(code: &str) -> Option<&'static Municipality> {
    all().iter().chain(fictional()).find(|m| m.code == code)
}

/// Whether `code` is one of the fictional municipalities of the sample data.
pub fn is_fictional(code: &str) -> bool {
    fictional().iter().any(|m| m.code == code)
}

/// Whether `code` has the form of a kommunekode: exactly three ASCII digits.
pub fn is_three_digit(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Deserializes a kommunekode written as a string ("101", kept as written) or as a whole
/// number, zero-padded to three digits (101 → "101", 81 → "081"); anything else is an error
/// that says what was found.
pub(crate) fn deserialize_code<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    code_from(Value::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// [`deserialize_code`] for an optional code: `null` is `None`.
pub(crate) fn deserialize_optional_code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        v => deserialize_code(v).map(Some).map_err(serde::de::Error::custom),
    }
}

fn code_from(v: Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s),
        Value::Number(n) => match n.as_u64().filter(|c| *c <= 999) {
            Some(c) => Ok(format!("{c:03}")),
            None => Err(format!("a municipality code must be a whole number 0–999 or a string, not {n}")),
        },
        other => Err(format!("a municipality code must be a string or a whole number, not {other}")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ninety_eight_in_five_regions() {
        let all = super::all();
        assert_eq!(all.len(), 98);
        assert!(all.iter().all(|m| !m.fictional));
        let mut regions: Vec<&str> = all.iter().map(|m| m.region_name.as_str()).collect();
        regions.sort();
        regions.dedup();
        assert_eq!(regions.len(), 5);
        assert_eq!(super::by_code("760").unwrap().name, "Ringkøbing-Skjern");
        assert!(super::by_code("411").is_none(), "Christiansø is not a municipality");
        assert!(super::by_code("999").is_none(), "999 stays free");
        assert!(super::is_three_digit("101") && !super::is_three_digit("1010") && !super::is_three_digit("1a1"));
    }

    #[test]
    fn fictional_ones_are_found_and_marked() {
        let f = super::by_code("901").unwrap();
        assert_eq!((f.name.as_str(), f.region_name.as_str()), ("Havbjerg", "Region Nordjylland"));
        assert!(f.fictional && super::is_fictional("901"));
        assert_eq!(f.population_band.as_deref(), Some("30-60.000"));
        assert!(!super::by_code("101").unwrap().fictional && !super::is_fictional("101"));
    }

    #[derive(serde::Deserialize, Debug)]
    struct Coded {
        #[serde(deserialize_with = "super::deserialize_code")]
        code: String,
    }

    #[derive(serde::Deserialize, Debug)]
    struct MaybeCoded {
        #[serde(default, deserialize_with = "super::deserialize_optional_code")]
        code: Option<String>,
    }

    #[test]
    fn codes_as_strings_or_whole_numbers() {
        // serde_json appends the position (" at line 1 column 15"): compared without it.
        let code = |json: &str| {
            crate::json::parse::<Coded>(json)
                .map(|c| c.code)
                .map_err(|e| (e.path, e.message.split(" at line ").next().unwrap().to_owned()))
        };
        assert_eq!(code(r#"{"code": "101"}"#), Ok("101".to_owned()));
        assert_eq!(code(r#"{"code": 101}"#), Ok("101".to_owned()));
        assert_eq!(code(r#"{"code": 81}"#), Ok("081".to_owned()));
        assert_eq!(code(r#"{"code": 0}"#), Ok("000".to_owned()));
        let e = code(r#"{"code": 101.5}"#).unwrap_err();
        assert_eq!(
            e,
            ("code".to_owned(), "a municipality code must be a whole number 0–999 or a string, not 101.5".to_owned())
        );
        let e = code(r#"{"code": -1}"#).unwrap_err();
        assert_eq!(e.1, "a municipality code must be a whole number 0–999 or a string, not -1");
        let e = code(r#"{"code": 1000}"#).unwrap_err();
        assert_eq!(e.1, "a municipality code must be a whole number 0–999 or a string, not 1000");
        let e = code(r#"{"code": true}"#).unwrap_err();
        assert_eq!(e.1, "a municipality code must be a string or a whole number, not true");
        let e = code(r#"{"code": null}"#).unwrap_err();
        assert_eq!(e.1, "a municipality code must be a string or a whole number, not null");
        let maybe = |json: &str| crate::json::parse::<MaybeCoded>(json).map(|c| c.code).map_err(|e| e.message);
        assert_eq!(maybe(r#"{"code": null}"#), Ok(None));
        assert_eq!(maybe(r#"{}"#), Ok(None));
        assert_eq!(maybe(r#"{"code": 851}"#), Ok(Some("851".to_owned())));
        assert!(maybe(r#"{"code": [1]}"#).unwrap_err().starts_with("a municipality code must be"));
    }
}

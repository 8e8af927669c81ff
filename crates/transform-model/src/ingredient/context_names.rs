//! Context keys and values as a Danish analyst writes them and as the catalog stores them.
//!
//! The catalog keeps English ids (`urbanity=rural`, `population_band=30-60.000`); a query
//! may name them in Danish (`kommunegruppe=landkommune`, `indbyggere=30-60.000`), and
//! Danish output names them in Danish. Urbanity is read as the Danish kommunegrupper
//! (REPORT.md's glossary: by-, mellem-, land- and yderkommune), an ordered scale, so a
//! mellemkommune is nearer a bykommune than a yderkommune is.

use serde_json::Value;

use crate::localized::Lang;
use crate::text::normalize;

/// The catalog's key for the kommunegruppe.
pub(crate) const URBANITY: &str = "urbanity";
/// The catalog's key for the population band.
pub(crate) const POPULATION_BAND: &str = "population_band";

/// The kommunegrupper, most urban first: (catalog id, Danish name, Danish plural).
const URBANITY_SCALE: [(&str, &str, &str); 4] = [
    ("urban", "bykommune", "bykommuner"),
    ("mixed", "mellemkommune", "mellemkommuner"),
    ("rural", "landkommune", "landkommuner"),
    ("remote", "yderkommune", "yderkommuner"),
];

/// Danish names of the keys (first: the one printed), by catalog key.
const KEYS: [(&str, &[&str]); 2] = [
    (URBANITY, &["kommunegruppe", "kommunetype", "bymæssighed"]),
    (POPULATION_BAND, &["indbyggere", "indbyggertal", "befolkning"]),
];

/// The catalog's key for `key` given in Danish or as the id (`kommunegruppe` → `urbanity`);
/// any other key as given.
pub(crate) fn canonical_key(key: &str) -> String {
    let k = normalize(key);
    KEYS.iter()
        .find(|(id, names)| *id == k || names.iter().any(|n| *n == k))
        .map_or_else(|| key.to_owned(), |(id, _)| (*id).to_owned())
}

/// The catalog's value for `value` of catalog key `key` given in Danish (`landkommune`,
/// `landkommuner` → `rural`); any other value as given.
pub(crate) fn canonical_value(key: &str, value: Value) -> Value {
    let Value::String(s) = &value else { return value };
    if key != URBANITY {
        return value;
    }
    let v = normalize(s);
    URBANITY_SCALE
        .iter()
        .find(|(id, da, plural)| *id == v || *da == v || *plural == v)
        .map_or(value, |(id, _, _)| Value::from(*id))
}

/// The place of an urbanity id on the kommunegruppe scale, 0 (bykommune) to 3 (yderkommune).
pub(crate) fn urbanity_rank(id: &str) -> Option<u8> {
    URBANITY_SCALE.iter().position(|(i, _, _)| *i == id).map(|p| p as u8)
}

/// Similarity of two places on the kommunegruppe scale: 1 − distance / 3.
pub(crate) fn urbanity_similarity(a: u8, b: u8) -> f64 {
    1.0 - f64::from(a.abs_diff(b)) / (URBANITY_SCALE.len() - 1) as f64
}

/// A catalog key in the reader's language (`urbanity` → `kommunegruppe`).
pub fn key_name(key: &str, lang: Lang) -> String {
    match (lang, KEYS.iter().find(|(id, _)| *id == key)) {
        (Lang::Da, Some((_, names))) => names[0].to_owned(),
        _ => key.to_owned(),
    }
}

/// A catalog value of `key` in the reader's language (`rural` → `landkommune`).
pub fn value_name(key: &str, value: &str, lang: Lang) -> String {
    match (lang, key) {
        (Lang::Da, URBANITY) => {
            URBANITY_SCALE.iter().find(|(id, _, _)| *id == value).map_or(value, |(_, da, _)| *da).to_owned()
        }
        (Lang::Da, POPULATION_BAND) => format!("{value} indbyggere"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_names_become_catalog_ids_and_back() {
        assert_eq!(canonical_key("Kommunegruppe"), "urbanity");
        assert_eq!(canonical_key("indbyggere"), "population_band");
        assert_eq!(canonical_key("urbanity"), "urbanity");
        assert_eq!(canonical_key("region"), "region");
        assert_eq!(canonical_value("urbanity", Value::from("Landkommune")), Value::from("rural"));
        assert_eq!(canonical_value("urbanity", Value::from("yderkommuner")), Value::from("remote"));
        assert_eq!(canonical_value("urbanity", Value::from("urban")), Value::from("urban"));
        assert_eq!(canonical_value("population_band", Value::from("30-60.000")), Value::from("30-60.000"));
        assert_eq!(value_name("urbanity", "mixed", Lang::Da), "mellemkommune");
        assert_eq!(value_name("urbanity", "mixed", Lang::En), "mixed");
        assert_eq!(key_name("population_band", Lang::Da), "indbyggere");
    }

    #[test]
    fn the_scale_is_ordered() {
        // by 0, mellem 1, land 2, yder 3: by–land is 2 steps of 3 → 1/3.
        assert_eq!(urbanity_similarity(0, 2), 1.0 - 2.0 / 3.0);
        assert_eq!(urbanity_similarity(3, 3), 1.0);
        assert_eq!(urbanity_similarity(urbanity_rank("urban").unwrap(), urbanity_rank("remote").unwrap()), 0.0);
    }
}

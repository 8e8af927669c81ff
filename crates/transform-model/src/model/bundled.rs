//! The models shipped inside the library, addressed by id: `dtm` (the newest version,
//! 2027.1), `dtm@2026.1`, `dtm@2026.2`, `dtm@2027.1`, `ci` (`ci@2026.1`), `ci@2027.1`.
//!
//! Older versions stay bundled so assessments made on them can be read again and compared
//! with newer rounds. [`Model::resolve`] is the one resolver every command-line `--model`
//! and every binding's string id goes through: an existing file wins, else a bundled id.

use std::path::Path;

use super::{Model, ModelError};

/// `dtm` 2026.1, the first published version (kept for baselines made on it).
pub const DTM_2026_1_JSON: &str = include_str!("../../models/dtm.json");
/// `dtm` 2026.2, revised from the review of 2026.1 (docs/model-changelog.md).
pub const DTM_2026_2_JSON: &str = include_str!("../../models/dtm-2026.2.json");
/// `dtm` 2027.1, the instrument revised from the review of 2026.2: items routed by what a
/// role can observe, filter questions, comparable items, introductions per role.
pub const DTM_2027_1_JSON: &str = include_str!("../../models/dtm-2027.1.json");
/// `ci` 2027.1, revised from the review of 2026.2: named for what it measures, with the
/// preconditions as a dimension and the voice of the citizens concerned.
pub const CI_2027_1_JSON: &str = include_str!("../../models/ci-2027.1.json");
/// `ci` 2026.1: Collective Impact readiness of a cross-sector alliance.
pub const CI_2026_1_JSON: &str = include_str!("../../models/ci.json");

/// One bundled model file.
#[derive(Debug, Clone, Copy)]
pub struct BundledModel {
    /// Model id (`dtm`, `ci`).
    pub id: &'static str,
    /// Model version (`2026.2`).
    pub version: &'static str,
    /// The model definition as JSON.
    pub json: &'static str,
}

/// Every bundled model. Versions of one id are listed oldest first: the last is what the
/// bare id means. A test checks that each entry's id and version match its file.
pub const BUNDLED: &[BundledModel] = &[
    BundledModel { id: "dtm", version: "2026.1", json: DTM_2026_1_JSON },
    BundledModel { id: "dtm", version: "2026.2", json: DTM_2026_2_JSON },
    BundledModel { id: "dtm", version: "2027.1", json: DTM_2027_1_JSON },
    // Listed before 2026.1, so the bare `ci` stays 2026.1 until its sample survey and demo
    // move to 2027.1 (not part of issue 27).
    BundledModel { id: "ci", version: "2027.1", json: CI_2027_1_JSON },
    BundledModel { id: "ci", version: "2026.1", json: CI_2026_1_JSON },
];

/// Every id [`Model::bundled`] accepts, sorted: each bare id and each `id@version`.
pub fn bundled_ids() -> Vec<String> {
    let mut ids: Vec<String> =
        BUNDLED.iter().flat_map(|b| [b.id.to_owned(), format!("{}@{}", b.id, b.version)]).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The bundled entry `spec` names (`id` = its newest version, or `id@version`).
fn find(spec: &str) -> Option<&'static BundledModel> {
    let spec = spec.trim();
    match spec.split_once('@') {
        Some((id, version)) => BUNDLED.iter().find(|b| b.id == id.trim() && b.version == version.trim()),
        None => BUNDLED.iter().rev().find(|b| b.id == spec),
    }
}

impl Model {
    /// A bundled model by id: `dtm` (newest), `dtm@2026.1`, `dtm@2026.2`, `ci`, `ci@2026.1`.
    /// An unknown id or version is a [`ModelError::UnknownBundled`] listing the known ids.
    pub fn bundled(spec: &str) -> Result<Model, ModelError> {
        let entry =
            find(spec).ok_or_else(|| ModelError::UnknownBundled { spec: spec.to_owned(), known: bundled_ids() })?;
        Model::from_json(entry.json)
    }

    /// A model named the way a user names one: an existing file path wins, else a bundled id.
    /// A spec that looks like a path (ends in `.json` or has a path separator) but names no
    /// file is an [`ModelError::Io`], so a mistyped path is not reported as an unknown id.
    pub fn resolve(spec: &str) -> Result<Model, ModelError> {
        let path = Path::new(spec);
        let looks_like_path = spec.ends_with(".json") || spec.contains('/') || spec.contains('\\');
        if path.is_file() || looks_like_path {
            return Model::from_file(path);
        }
        Model::bundled(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_matches_its_file() {
        for b in BUNDLED {
            let m = Model::from_json(b.json).unwrap_or_else(|e| panic!("{}@{}: {e}", b.id, b.version));
            assert_eq!((m.id(), m.version()), (b.id, b.version));
        }
    }

    /// Bundled versions published before the `source` rule of issue 12, kept unchanged so
    /// that assessments made on them read the same model again.
    const SOURCE_RULE_EXEMPT: &[(&str, &str)] = &[("dtm", "2026.1")];

    #[test]
    fn every_bundled_model_since_the_rule_has_a_source_everywhere() {
        for b in BUNDLED.iter().filter(|b| !SOURCE_RULE_EXEMPT.contains(&(b.id, b.version))) {
            let missing = Model::from_json(b.json).unwrap().missing_sources();
            assert!(missing.is_empty(), "{}@{}: no source at {missing:?}", b.id, b.version);
        }
    }

    #[test]
    fn a_missing_or_blank_source_is_found_by_its_path() {
        let m = Model::bundled("ci").unwrap();
        let (item, lever) = (&m.items()[0].id, &m.levers()[0].id);
        let overlay = format!(
            r#"{{"items": [{{"id": "{item}", "source": "  "}}], "levers": [{{"id": "{lever}", "source": ""}}]}}"#
        );
        let missing = m.overlay(&overlay).unwrap().missing_sources();
        assert_eq!(missing, ["items[0].source", "levers[0].source"]);
        // The exempt 2026.1 file really lacks them: the exemption is not dead weight.
        assert!(!Model::bundled("dtm@2026.1").unwrap().missing_sources().is_empty());
    }

    #[test]
    fn a_role_asked_one_item_of_a_dimension_is_warned_of() {
        for spec in ["dtm@2026.2", "dtm@2027.1", "ci", "ci@2027.1"] {
            assert!(Model::bundled(spec).unwrap().warnings().is_empty(), "{spec}");
        }
        // Route agenda_2..4 away from citizens' representatives: they keep agenda_1 only.
        let others = r#"["municipality", "region", "business", "civil_society"]"#;
        let overlay = format!(
            r#"{{"items": [{{"id": "agenda_2", "roles": {others}}}, {{"id": "agenda_3", "roles": {others}}}, {{"id": "agenda_4", "roles": {others}}}]}}"#
        );
        let m = Model::bundled("ci").unwrap().overlay(&overlay).unwrap();
        assert_eq!(m.warnings().len(), 1, "{:?}", m.warnings());
        assert!(
            m.warnings()[0].contains("`citizen_rep`") && m.warnings()[0].contains("`agenda`"),
            "{:?}",
            m.warnings()
        );
    }

    #[test]
    fn a_bare_id_is_the_newest_version() {
        assert_eq!(Model::bundled("dtm").unwrap().version(), "2027.1");
        assert_eq!(Model::bundled("dtm@2026.1").unwrap().version(), "2026.1");
        assert_eq!(Model::bundled("ci").unwrap().id(), "ci");
    }

    #[test]
    fn an_unknown_version_lists_the_known_ids() {
        let e = Model::bundled("dtm@2025.9").unwrap_err();
        let ModelError::UnknownBundled { spec, known } = &e else { panic!("{e:?}") };
        assert_eq!(spec, "dtm@2025.9");
        assert_eq!(known, &["ci", "ci@2026.1", "ci@2027.1", "dtm", "dtm@2026.1", "dtm@2026.2", "dtm@2027.1"]);
        assert!(e.to_string().contains("dtm@2026.1"), "{e}");
    }

    #[test]
    fn a_missing_path_is_an_io_error_not_an_unknown_id() {
        assert!(matches!(Model::resolve("no/such/model.json"), Err(ModelError::Io { .. })));
        assert!(matches!(Model::resolve("nosuch"), Err(ModelError::UnknownBundled { .. })));
    }
}

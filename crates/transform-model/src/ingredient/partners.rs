//! Partner suggestions: municipalities with similar problems and complementary ingredients.

use serde::{Deserialize, Serialize};

use super::CatalogError;
use super::index::Index;
use super::profiles::Profiles;
use crate::municipality;

/// A municipality to learn from: similar problems, ingredients the asking one does not use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Partner {
    /// Kommunekode.
    pub code: String,
    /// Name of the municipality.
    pub name: String,
    /// Name of its region.
    pub region: String,
    /// 0.6 · similarity + 0.3 · complementarity + 0.1 · same region; partners come best first.
    pub score: f64,
    /// Cosine similarity of the problem profiles.
    pub similarity: f64,
    /// Share of the partner's ingredients the asking municipality does not use yet.
    pub complementarity: f64,
    /// Both municipalities lie in the same region.
    pub same_region: bool,
    /// Problem tags both municipalities work on.
    pub shared_problems: Vec<String>,
    /// Ingredients the partner uses and the asking municipality does not.
    pub ingredients_to_learn: Vec<String>,
}

/// A list of partner municipalities as a document: `{"schema_version", "partners": [...]}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PartnerList<'a> {
    /// Best first.
    pub partners: &'a [Partner],
}

/// Partners as pretty JSON with `schema_version` first, as the CLI's `partners --format json`
/// and the C API's `tm_catalog_partners` write them.
pub fn partners_json(partners: &[Partner]) -> String {
    crate::versioned::to_json(&PartnerList { partners })
}

impl Index {
    pub(crate) fn profiles(&self) -> Result<&Profiles, CatalogError> {
        let built = self
            .profiles
            .get_or_init(|| super::profiles::build(&self.docs, &self.facets).map_err(super::docs::Damage::of));
        built.as_ref().map_err(super::docs::Damage::to_error)
    }

    /// The `top` (at least 1) best partners for municipality `code`:
    /// score = 0.6 · problem similarity + 0.3 · complementarity + 0.1 · same region,
    /// among municipalities with at least one shared problem.
    pub fn partners(&self, code: &str, top: usize) -> Result<Vec<Partner>, CatalogError> {
        super::at_least_one("top", top)?;
        let me =
            municipality::by_code(code).ok_or_else(|| CatalogError::UnknownMunicipality { code: code.to_owned() })?;
        let profiles = self.profiles()?;
        let mine = profiles.get(code).ok_or_else(|| CatalogError::NoProfile { code: code.to_owned() })?;
        let mut out: Vec<Partner> = profiles
            .iter()
            .filter(|(c, _)| **c != code)
            .filter_map(|(c, p)| {
                let dot: f64 = mine.problems.iter().filter_map(|(k, x)| p.problems.get(k).map(|y| x * y)).sum();
                if dot <= 0.0 {
                    return None;
                }
                let similarity = dot / (mine.norm * p.norm);
                let learn: Vec<String> = p.ingredients.difference(&mine.ingredients).cloned().collect();
                let complementarity = learn.len() as f64 / p.ingredients.len().max(1) as f64;
                let other = municipality::by_code(c)?;
                let same_region = other.region_code == me.region_code;
                Some(Partner {
                    code: (*c).to_owned(),
                    name: other.name.clone(),
                    region: other.region_name.clone(),
                    score: 0.6 * similarity + 0.3 * complementarity + 0.1 * same_region as u8 as f64,
                    similarity,
                    complementarity,
                    same_region,
                    shared_problems: mine.problems.keys().filter(|k| p.problems.contains_key(*k)).cloned().collect(),
                    ingredients_to_learn: learn,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
        out.truncate(top);
        Ok(out)
    }
}

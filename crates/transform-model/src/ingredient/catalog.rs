//! The intervention catalog: ingredients and the interventions that use them.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::CatalogError;
use crate::localized::Localized;
use crate::municipality;

/// An active ingredient (virksom ingrediens): a building block that carries effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ingredient {
    /// Ingredient id, referred to by interventions and initiatives.
    pub id: String,
    /// Name per language.
    pub name: Localized,
    /// What the ingredient is, per language.
    #[serde(default)]
    pub description: Localized,
    /// Kind of ingredient (e.g. relation, organisation, method).
    #[serde(default)]
    pub category: String,
    /// Search tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The municipality behind an intervention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityRef {
    /// Kommunekode (e.g. "101").
    #[serde(deserialize_with = "code_string")]
    pub code: String,
    /// Name of the municipality.
    #[serde(default)]
    pub name: String,
}

/// Accepts a code written as a string ("101") or a number (101 → "101").
fn code_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!("a municipality code must be a string, not {other}"))),
    }
}

/// An ingredient as one intervention uses it, with its weight there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IngredientUse {
    /// Ingredient id (from the catalog's `ingredients`).
    pub id: String,
    /// How central the ingredient is to the intervention, in (0, 1].
    pub weight: f64,
}

/// A grade of the Danish knowledge declaration (vidensdeklaration), A strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Grade {
    /// The strongest grade.
    A,
    /// The second grade.
    B,
    /// The third grade.
    C,
    /// The weakest grade.
    D,
}

/// The knowledge declaration's five dimensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Grade A–D of the target-group description.
    pub target_group: Grade,
    /// Grade A–D of the method description.
    pub method: Grade,
    /// Grade A–D of the implementation knowledge.
    pub implementation: Grade,
    /// Grade A–D of the documented effect.
    pub effect: Grade,
    /// Grade A–D of the economic knowledge.
    pub economy: Grade,
}

/// How well an intervention's effect is documented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// 0 (none) … 4 (strong).
    pub level: i64,
    /// The source scheme's own label.
    #[serde(default)]
    pub label: String,
    /// Grades of the Danish knowledge declaration (vidensdeklaration), when declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Declaration>,
}

/// What an intervention achieved, as its source reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The intended effect was reached.
    Positive,
    /// Partly reached, or reached for some of the target group.
    Mixed,
    /// No effect (counts as a failure).
    None,
    /// Worse than before (counts as a failure).
    Negative,
    /// Not (yet) known: counted neither as success nor as failure.
    Unknown,
}

impl Outcome {
    /// Share of the intervention counted as a success; `None` when the outcome is unknown
    /// (it then counts neither as success nor as failure).
    pub fn success(self) -> Option<f64> {
        match self {
            Outcome::Positive => Some(1.0),
            Outcome::Mixed => Some(0.5),
            Outcome::None | Outcome::Negative => Some(0.0),
            Outcome::Unknown => None,
        }
    }
}

/// Whether a solution scales as it is or must be adapted locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Transfer {
    /// Works the same way elsewhere: cause and effect are simple.
    SimpleCausal,
    /// Works only when adapted to the local context.
    ContextDependent,
}

/// One municipality's intervention (indsats) and the ingredients it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Intervention id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What was done.
    pub description: String,
    /// The municipality that did it.
    pub municipality: MunicipalityRef,
    /// Year it was done; null when unknown.
    #[serde(default)]
    pub year: Option<i64>,
    /// Policy area.
    #[serde(default)]
    pub area: String,
    /// Citizen groups it served.
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// Problems it addressed.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Search tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Context attributes: `population_band`, `urbanity` and free ones (text or number).
    #[serde(default)]
    pub context: BTreeMap<String, Value>,
    /// Its active ingredients with their weights.
    pub ingredients: Vec<IngredientUse>,
    /// Strength of the evidence of its effect.
    pub evidence: Evidence,
    /// Result: positive, mixed, none, negative or unknown.
    pub outcome: Outcome,
    /// How it can be carried to another municipality.
    pub transfer: Transfer,
    /// Standardised effect size, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect_size: Option<f64>,
}

/// The catalog file as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogDef {
    /// Free text about the catalog (source, status).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The active ingredients the interventions are made of.
    pub ingredients: Vec<Ingredient>,
    /// Other municipalities' interventions, each with its ingredients, evidence and outcome.
    pub interventions: Vec<Intervention>,
}

/// A validated catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    def: CatalogDef,
    ingredient_index: FxHashMap<String, usize>,
}

/// The bundled illustrative sample catalog (Danish).
pub const SAMPLE_CATALOG_JSON: &str = include_str!("../../data/catalog.json");

impl Catalog {
    /// Parses and validates a catalog. Unknown keys are refused with the nearest known one
    /// ("unknown key `outcom` (did you mean `outcome`?)"), so a typo never drops a field.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let def: CatalogDef =
            crate::json::parse(text).map_err(|e| CatalogError::Parse { path: e.path, message: e.message })?;
        def.validate()
    }

    /// Reads, parses and validates a catalog file (see [`Catalog::from_json`]).
    pub fn from_file(path: impl AsRef<Path>) -> Result<Catalog, CatalogError> {
        let text =
            crate::json::read_file(path.as_ref()).map_err(|e| CatalogError::Io { path: e.path, source: e.source })?;
        Catalog::from_json(&text)
    }

    /// A catalog by name or path, the one resolver of every face: `default` (or `sample`) is
    /// the bundled sample catalog unless a file of that name exists; anything else a file.
    pub fn resolve(spec: &str) -> Result<Catalog, CatalogError> {
        if matches!(spec.trim(), "default" | "sample") && !Path::new(spec).exists() {
            return Ok(Catalog::sample());
        }
        Catalog::from_file(spec)
    }

    /// The bundled sample catalog.
    pub fn sample() -> Catalog {
        Catalog::from_json(SAMPLE_CATALOG_JSON).expect("the bundled catalog is valid")
    }

    /// The catalog as read (ingredients and interventions).
    pub fn def(&self) -> &CatalogDef {
        &self.def
    }
    /// Every ingredient, in file order.
    pub fn ingredients(&self) -> &[Ingredient] {
        &self.def.ingredients
    }
    /// Every intervention, in file order.
    pub fn interventions(&self) -> &[Intervention] {
        &self.def.interventions
    }
    /// Position of the ingredient `id` in [`Catalog::ingredients`].
    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        self.ingredient_index.get(id).copied()
    }
    /// The catalog as pretty-printed JSON (the input format).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.def).expect("a catalog serializes")
    }
}

fn invalid(path: String, message: String) -> CatalogError {
    CatalogError::Invalid { path, message }
}

impl CatalogDef {
    /// Checks ids, references, levels, weights and context values, and indexes the ingredients.
    pub fn validate(self) -> Result<Catalog, CatalogError> {
        for (path, len) in [("ingredients", self.ingredients.len()), ("interventions", self.interventions.len())] {
            crate::limits::Limit::CatalogEntries.check(len as u64).map_err(|e| invalid(path.into(), e.to_string()))?;
        }
        let ingredient_index = index_ingredients(&self.ingredients)?;
        check_interventions(&self.interventions, &ingredient_index)?;
        Ok(Catalog { def: self, ingredient_index })
    }
}

impl Catalog {
    /// A catalog whose parts were checked by [`index_ingredients`] and [`check_interventions`]
    /// (a saved index decoded in full).
    pub(crate) fn from_checked(def: CatalogDef, ingredient_index: FxHashMap<String, usize>) -> Catalog {
        Catalog { def, ingredient_index }
    }
}

/// A context value as validation and the context table read it, from an owned
/// intervention or from one borrowed from a saved index.
pub(crate) enum ValueRef<'a> {
    Text(&'a str),
    Number(serde_json::Number),
    /// Anything else JSON allows (refused by validation).
    Other(&'a Value),
}

/// What validation, facets and context read of an intervention: implemented by
/// [`Intervention`] and by an intervention borrowed from a saved index, so both are
/// checked and derived by the same code.
pub(crate) trait DocFields: Sync {
    fn id(&self) -> &str;
    fn code(&self) -> &str;
    fn level(&self) -> i64;
    fn area(&self) -> &str;
    fn target_groups(&self) -> impl Iterator<Item = &str>;
    fn problems(&self) -> impl Iterator<Item = &str>;
    /// (ingredient id, weight) of each use.
    fn uses(&self) -> impl Iterator<Item = (&str, f64)>;
    fn context(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)>;
    /// The first context value that is neither text nor a number, as (key, JSON).
    fn context_error(&self) -> Option<(&str, String)>;
}

impl DocFields for Intervention {
    fn context_error(&self) -> Option<(&str, String)> {
        self.context.iter().find(|(_, v)| !(v.is_string() || v.is_number())).map(|(k, v)| (k.as_str(), v.to_string()))
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn code(&self) -> &str {
        &self.municipality.code
    }
    fn level(&self) -> i64 {
        self.evidence.level
    }
    fn area(&self) -> &str {
        &self.area
    }
    fn target_groups(&self) -> impl Iterator<Item = &str> {
        self.target_groups.iter().map(String::as_str)
    }
    fn problems(&self) -> impl Iterator<Item = &str> {
        self.problems.iter().map(String::as_str)
    }
    fn uses(&self) -> impl Iterator<Item = (&str, f64)> {
        self.ingredients.iter().map(|u| (u.id.as_str(), u.weight))
    }
    fn context(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        self.context.iter().map(|(k, v)| {
            let v = match v {
                Value::String(s) => ValueRef::Text(s),
                Value::Number(n) => ValueRef::Number(n.clone()),
                other => ValueRef::Other(other),
            };
            (k.as_str(), v)
        })
    }
}

/// Ingredient id → position; refuses an empty or repeated id.
pub(crate) fn index_ingredients(ingredients: &[Ingredient]) -> Result<FxHashMap<String, usize>, CatalogError> {
    let mut ingredient_index = FxHashMap::default();
    for (i, ing) in ingredients.iter().enumerate() {
        if ing.id.trim().is_empty() {
            return Err(invalid(format!("ingredients[{i}].id"), "empty id".into()));
        }
        if ingredient_index.insert(ing.id.clone(), i).is_some() {
            return Err(invalid(format!("ingredients[{i}].id"), format!("duplicate ingredient id `{}`", ing.id)));
        }
    }
    Ok(ingredient_index)
}

/// Every intervention's id (present, unique), municipality, evidence level, ingredient
/// uses and context values.
pub(crate) fn check_interventions<D: DocFields>(
    interventions: &[D],
    ingredient_index: &FxHashMap<String, usize>,
) -> Result<(), CatalogError> {
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    seen.reserve(interventions.len());
    // Codes already found among the municipalities (a catalog repeats few codes many times).
    let mut codes_known: rustc_hash::FxHashSet<&str> = Default::default();
    // An intervention uses a handful of ingredients: a short list beats hashing.
    let mut used: Vec<&str> = Vec::new();
    for (i, iv) in interventions.iter().enumerate() {
        let p = format_args!("interventions[{i}]");
        let id = iv.id();
        if id.trim().is_empty() {
            return Err(invalid(format!("{p}.id"), "empty id".into()));
        }
        if !seen.insert(id) {
            return Err(invalid(format!("{p}.id"), format!("duplicate intervention id `{id}`")));
        }
        let code = iv.code();
        if !codes_known.contains(code) {
            if !municipality::is_three_digit(code) {
                return Err(invalid(
                    format!("{p}.municipality.code"),
                    format!("`{code}` is not a 3-digit municipality code"),
                ));
            }
            if municipality::by_code(code).is_none() {
                return Err(invalid(
                    format!("{p}.municipality.code"),
                    format!("`{code}` is not the code of one of the 98 Danish municipalities"),
                ));
            }
            codes_known.insert(code);
        }
        let level = iv.level();
        if !(0..=4).contains(&level) {
            return Err(invalid(format!("{p}.evidence.level"), format!("evidence level {level} is outside 0..4")));
        }
        used.clear();
        for (j, (uid, weight)) in iv.uses().enumerate() {
            if !ingredient_index.contains_key(uid) {
                return Err(invalid(format!("{p}.ingredients[{j}].id"), format!("unknown ingredient `{uid}`")));
            }
            if used.contains(&uid) {
                return Err(invalid(format!("{p}.ingredients[{j}].id"), format!("ingredient `{uid}` listed twice")));
            }
            used.push(uid);
            if !(weight > 0.0 && weight <= 1.0) {
                return Err(invalid(
                    format!("{p}.ingredients[{j}].weight"),
                    format!("weight {weight} is outside (0, 1]"),
                ));
            }
        }
        if let Some((key, value)) = iv.context_error() {
            return Err(invalid(format!("{p}.context.{key}"), format!("must be text or a number, not {value}")));
        }
    }
    Ok(())
}

//! The maturity model definition: levels, dimensions, items, roles and levers, as data.
//!
//! A [`ModelDef`] is the plain serde form of the JSON schema. [`Model`] is a definition that
//! passed validation, with the lookups that scoring needs precomputed; it is the only form
//! the rest of the crate accepts, so an unchecked definition can never be scored.

mod bundled;
mod changes;
mod def;
mod labels;
mod overlay;
mod routing;
mod validate;

use std::path::Path;

use serde_json::Value;

pub use bundled::{
    BUNDLED, BundledModel, CI_2026_1_JSON, CI_2027_1_JSON, DTM_2026_1_JSON, DTM_2026_2_JSON, DTM_2027_1_JSON,
    bundled_ids,
};
pub use changes::{ItemChanges, carried_over, item_changes};
pub use def::{Dimension, Filter, Item, Level, Lever, ModelDef, PilotNotes, Referent, Role, Scale};
pub use overlay::merge_overlay;
pub use validate::OTHER_GROUP;

/// The embedded default model: `dtm` ("from drift to transformative") in its newest
/// version, 2027.1. Earlier versions stay loadable with [`Model::bundled`].
pub const DEFAULT_MODEL_JSON: &str = DTM_2027_1_JSON;

/// Errors from reading or validating a model definition. Each names its JSON path.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum ModelError {
    /// The text is not JSON of the model's shape (wrong type, missing field, syntax).
    #[error("model JSON at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Parse {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The JSON has the right shape but breaks a rule of the model.
    #[error("invalid model at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Invalid {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The model file could not be read.
    #[error("cannot read model file `{}`: {source}", crate::limits::quote(path))]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason, or the file size limit.
        #[source]
        source: crate::limits::ReadError,
    },
    /// No bundled model has this id or version.
    #[error("no bundled model `{spec}`; known: {}", known.join(", "))]
    UnknownBundled {
        /// The id (or `id@version`) asked for.
        spec: String,
        /// Every bundled `id@version`.
        known: Vec<String>,
    },
}

impl ModelError {
    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        ModelError::Invalid { path: path.into(), message: message.into() }
    }

    /// The JSON path (or file path) the error is about.
    pub fn path(&self) -> &str {
        match self {
            ModelError::Parse { path, .. } | ModelError::Invalid { path, .. } | ModelError::Io { path, .. } => path,
            ModelError::UnknownBundled { spec, .. } => spec,
        }
    }
}

/// A validated model with its lookups precomputed. Immutable; cheap to share.
#[derive(Debug, Clone)]
pub struct Model {
    def: ModelDef,
    /// Dimension index of each item.
    item_dim: Vec<usize>,
    /// Item indices of each dimension, in model order.
    dim_items: Vec<Vec<usize>>,
    /// `asked[role][item]`: whether the item is asked of the role.
    asked: Vec<Vec<bool>>,
    /// `needed[role][dim]`: answered items a respondent of the role needs for a score
    /// (⌈asked/2⌉; 0 when no item of the dimension is asked of the role).
    needed: Vec<Vec<usize>>,
    /// Filter index of each item behind a filter.
    item_filter: Vec<Option<usize>>,
    /// Whether each item may enter a perception gap ([`Item::comparable`]).
    comparable: Vec<bool>,
    /// Rules a custom model may break with a warning instead of an error (e.g. a role
    /// asked a single item of a dimension).
    warnings: Vec<String>,
    /// Hash of the definition: responses read for one model cannot be scored on another.
    fingerprint: u64,
}

/// Answered items a respondent needs for a dimension score when `asked` items of it are
/// asked of their role: at least half, rounded up (⌈asked/2⌉); 0 when none is asked.
pub fn min_answered(asked: usize) -> usize {
    asked.div_ceil(2)
}

/// Tolerance of the level boundaries: a score within 1e-9 below a whole number is at that
/// level, so 2.9999999999999996 (three answers averaging exactly 3) is level 3. The one
/// comparison rule is [`crate::stats::boundary::reaches`].
pub const LEVEL_TOLERANCE: f64 = crate::stats::boundary::TOLERANCE;

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.def == other.def
    }
}

impl Model {
    /// The embedded default model: `dtm` 2027.1 (the bundled id `dtm`).
    pub fn default_model() -> Model {
        Model::from_json(DEFAULT_MODEL_JSON).expect("the embedded default model is valid")
    }

    /// Parses and validates a model from JSON text.
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        parse_def(text)?.validate()
    }

    /// Reads, parses and validates a model file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Model, ModelError> {
        Model::from_json(&read_file(path.as_ref())?)
    }

    /// Applies an overlay (JSON text) to this model, then validates the result.
    ///
    /// Entries of `roles`, `levels`, `dimensions`, `items` and `levers` are matched by id
    /// (by `level` for levels): a known id is merged field by field, an unknown one is
    /// added. `remove_items` lists item ids to drop. Top-level scalars replace.
    pub fn overlay(&self, overlay_json: &str) -> Result<Model, ModelError> {
        let overlay: Value = serde_json::from_str(overlay_json).map_err(|e| ModelError::Parse {
            path: format!("overlay (line {}, column {})", e.line(), e.column()),
            message: e.to_string(),
        })?;
        let base = serde_json::to_value(&self.def).expect("a model serializes");
        let merged = merge_overlay(base, &overlay)?;
        let def: ModelDef = from_value(merged)?;
        def.validate()
    }

    /// The definition as data.
    pub fn def(&self) -> &ModelDef {
        &self.def
    }

    /// The model as pretty JSON (the same schema it was read from).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.def).expect("a model serializes")
    }

    /// Model id (`dtm`, `ci`).
    pub fn id(&self) -> &str {
        &self.def.id
    }
    /// Model version (`2026.2`).
    pub fn version(&self) -> &str {
        &self.def.version
    }
    /// The respondent roles, in model order.
    pub fn roles(&self) -> &[Role] {
        &self.def.roles
    }
    /// The dimensions, in model order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.def.dimensions
    }
    /// The items, in model order.
    pub fn items(&self) -> &[Item] {
        &self.def.items
    }
    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.def.levels
    }
    /// The levers.
    pub fn levers(&self) -> &[Lever] {
        &self.def.levers
    }
    /// The answer scale (range and labels).
    pub fn scale(&self) -> &Scale {
        &self.def.scale
    }

    /// Position of the role `id` in [`Model::roles`].
    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.def.roles.iter().position(|r| r.id == id)
    }
    /// Position of the item `id` in [`Model::items`].
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.def.items.iter().position(|i| i.id == id)
    }
    /// Position of the dimension `id` in [`Model::dimensions`].
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.def.dimensions.iter().position(|d| d.id == id)
    }
    /// The lever `id`, if the model has it.
    pub fn lever(&self, id: &str) -> Option<&Lever> {
        self.def.levers.iter().find(|l| l.id == id)
    }

    /// Dimension index of item `item`.
    pub fn item_dimension(&self, item: usize) -> usize {
        self.item_dim[item]
    }
    /// Item indices of dimension `dim`.
    pub fn dimension_items(&self, dim: usize) -> &[usize] {
        &self.dim_items[dim]
    }
    /// Whether item `item` is asked of role `role`.
    pub fn is_asked(&self, role: usize, item: usize) -> bool {
        self.asked[role][item]
    }
    /// Answered items a respondent of `role` needs for a score on `dim` (0 = never scored).
    pub fn needed(&self, role: usize, dim: usize) -> usize {
        self.needed[role][dim]
    }

    /// The level reached by `score`: ⌊score⌋ with the documented [`LEVEL_TOLERANCE`],
    /// shifted so the scale minimum is level 1. Scores are means of integers, so a score that
    /// is a whole number in exact arithmetic is never placed one level low by rounding.
    pub fn level_of(&self, score: f64) -> i64 {
        let max_level = self.def.levels.len() as i64;
        (crate::stats::boundary::whole_part(score) - self.def.scale.min + 1).clamp(1, max_level)
    }

    /// Score points above the attained level's boundary: score − level (0 at the top level).
    pub fn progress_of(&self, score: f64) -> f64 {
        let level = self.level_of(score);
        if level == self.def.levels.len() as i64 {
            return 0.0;
        }
        (score - (level + self.def.scale.min - 1) as f64).max(0.0)
    }

    /// Warnings of validation for rules a custom model may break (e.g. single-item
    /// role-dimensions, which get no agreement or reliability figure).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// A hash of the whole definition, identical for identical models.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Item indices of dimension `dim` asked of role `role`.
    pub fn asked_items(&self, role: usize, dim: usize) -> impl Iterator<Item = usize> + '_ {
        self.dim_items[dim].iter().copied().filter(move |&i| self.asked[role][i])
    }

    /// Indices of the dimensions `dim` depends on.
    pub fn depends_on(&self, dim: usize) -> Vec<usize> {
        self.def.dimensions[dim].depends_on.iter().filter_map(|id| self.dimension_index(id)).collect()
    }

    /// The filter questions.
    pub fn filters(&self) -> &[Filter] {
        &self.def.filters
    }
    /// Position of the filter `id` in [`Model::filters`].
    pub fn filter_index(&self, id: &str) -> Option<usize> {
        self.def.filters.iter().position(|f| f.id == id)
    }
    /// The filter item `item` is behind, if any.
    pub fn item_filter(&self, item: usize) -> Option<usize> {
        self.item_filter[item]
    }
    /// Whether filter `filter` is asked of role `role`.
    pub fn is_filter_asked(&self, role: usize, filter: usize) -> bool {
        let roles = &self.def.filters[filter].roles;
        roles.is_empty() || roles.iter().any(|r| *r == self.def.roles[role].id)
    }
    /// Whether answers to item `item` from two roles are about the same thing, so that a
    /// perception gap may rest on it ([`Item::comparable`]).
    pub fn is_comparable(&self, item: usize) -> bool {
        self.comparable[item]
    }
    /// Whether items `a` and `b` (asked of two roles) may be compared in a gap: the same
    /// item, comparable. Distinct items are never compared, even on one theme.
    pub fn comparable(&self, a: usize, b: usize) -> bool {
        a == b && self.comparable[a]
    }
    /// The questionnaire's title: the neutral `title`, else the name, else the id.
    pub fn title(&self, lang: crate::localized::Lang) -> String {
        self.def
            .title
            .as_ref()
            .or(self.def.name.as_ref())
            .map_or_else(|| self.id().to_owned(), |t| t.get(lang).to_owned())
    }

    /// Number of answer options, A in σ²_EU = (A² − 1)/12.
    pub fn scale_options(&self) -> i64 {
        self.def.scale.max - self.def.scale.min + 1
    }
}

fn parse_def(text: &str) -> Result<ModelDef, ModelError> {
    crate::json::parse(text).map_err(|e| ModelError::Parse { path: e.path, message: e.message })
}

fn from_value(value: Value) -> Result<ModelDef, ModelError> {
    crate::json::from_value(value).map_err(|e| ModelError::Parse { path: e.path, message: e.message })
}

fn read_file(path: &Path) -> Result<String, ModelError> {
    crate::json::read_file(path).map_err(|e| ModelError::Io { path: e.path, source: e.source })
}

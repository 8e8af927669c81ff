//! A query, and its validation against the index: every context key and text value, the
//! area and each excluded ingredient must be known to the catalog, or the query is refused.
//!
//! Errors, not warnings: each of these silently changes the answer (an unknown context
//! value makes every source dissimilar, a misspelt `exclude` keeps an ingredient in use in
//! the ranking), a query is small and typed by a person who can fix it, and a warning
//! inside a JSON result is easily lost in a pipeline. The error names the field, the
//! value and the nearest known one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::CatalogError;
use super::context::QueryValue;
use super::context_names::{canonical_key, canonical_value};
use super::index::Index;
use crate::text::normalize;

/// A query for interventions and ingredients.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// The problem, in the asking municipality's own words.
    pub text: String,
    /// Target groups (tags) the interventions should address.
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// Problem tags the interventions should address.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Restrict to one welfare area (e.g. `ældre`).
    #[serde(default)]
    pub area: Option<String>,
    /// The asking municipality's context (`urbanity`, `population_band`, …).
    #[serde(default)]
    pub context: BTreeMap<String, Value>,
    /// Ingredients already in use: left out of the ranking.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl Query {
    /// One context attribute from text, `KEY=VALUE` (the CLI's `--context`), typed as C and
    /// Python type it from JSON: a JSON number (`3`, `2.5`, `-1e3`) is a number, any other
    /// text is a string (`rural`, and `"3"` in quotes, to compare as text); a number that is
    /// not finite (`inf`, `NaN`, `1e999`) is refused, as JSON has none. Danish key and value
    /// names become the catalog's ids (`kommunegruppe=landkommune` → `urbanity=rural`,
    /// `indbyggere=30-60.000` → `population_band=30-60.000`), as every face's query does.
    pub fn parse_context(pair: &str) -> Result<(String, Value), CatalogError> {
        let bad = |reason: &str| CatalogError::ContextValue { value: pair.to_owned(), reason: reason.to_owned() };
        let (key, text) = pair.split_once('=').ok_or_else(|| bad("is not KEY=VALUE"))?;
        let (key, text) = (key.trim(), text.trim());
        if key.is_empty() {
            return Err(bad("has no key before `=`"));
        }
        let value = match serde_json::from_str::<Value>(text) {
            Ok(v @ (Value::Number(_) | Value::String(_))) => v,
            _ if text.parse::<f64>().is_ok_and(|x| !x.is_finite()) => return Err(bad("is not a finite number")),
            _ if text.starts_with('"') => return Err(bad("is not a JSON string (unclosed or bad escape)")),
            _ => Value::from(text),
        };
        let key = canonical_key(key);
        let value = canonical_value(&key, value);
        Ok((key, value))
    }
}

/// A query with its tags normalised and its context interned.
pub(crate) struct Prepared {
    pub target_groups: Vec<String>,
    pub problems: Vec<String>,
    pub area: Option<String>,
    /// The tags as the index's facet ids (`None`: no document has the tag).
    pub target_group_ids: Vec<Option<u32>>,
    pub problem_ids: Vec<Option<u32>>,
    pub area_id: Option<u32>,
    pub context: Vec<QueryValue>,
    /// Normalised context values by key, for warnings.
    pub context_text: Vec<(String, String, bool)>,
    pub exclude: Vec<String>,
}

fn unknown(field: String, value: &str, known: &[&str]) -> CatalogError {
    CatalogError::UnknownInQuery {
        field,
        value: value.to_owned(),
        suggestion: crate::json::nearest(value, known).map(str::to_owned),
        known: known.iter().take(20).map(|s| (*s).to_owned()).collect(),
    }
}

impl Index {
    /// Normalises `query` and checks it against the catalog (see the module documentation).
    pub(crate) fn prepare(&self, query: &Query) -> Result<Prepared, CatalogError> {
        let chars = query.text.chars().count();
        crate::limits::Limit::QueryChars.check(chars as u64).map_err(CatalogError::QueryTooLong)?;
        let tags = |v: &[String]| v.iter().map(|t| normalize(t)).filter(|t| !t.is_empty()).collect::<Vec<_>>();
        let area = query.area.as_deref().map(normalize).filter(|a| !a.is_empty());
        if let Some(a) = &area {
            if !self.facets.areas_known.contains(a) {
                let known: Vec<&str> = self.facets.areas_known.iter().map(String::as_str).collect();
                return Err(unknown("area".into(), a, &known));
            }
        }
        let mut context = Vec::new();
        let mut context_text = Vec::new();
        for (k, v) in &query.context {
            let k = &canonical_key(k);
            let v = &canonical_value(k, v.clone());
            let Some(key) = self.context.key(k) else {
                let known: Vec<&str> = self.context.keys().iter().map(String::as_str).collect();
                return Err(unknown("context".into(), k, &known));
            };
            let qv = self.context.query_value(key, v);
            let numeric = v.is_number() && self.context.is_numeric(key);
            let known = qv.text.is_some() || numeric || self.context.on_scale(key, v);
            if !(v.is_string() || v.is_number()) || !known {
                let known = self.context.known_values(key);
                return Err(unknown(format!("context.{k}"), &super::context::value_text(v), &known));
            }
            context.push(qv);
            context_text.push((k.clone(), super::context::value_text(v), v.is_number()));
        }
        let mut exclude = Vec::new();
        for (i, id) in query.exclude.iter().enumerate() {
            let id = id.trim();
            if self.docs.ingredient_index(id).is_none() {
                let known: Vec<&str> = self.docs.ingredients().iter().map(|g| g.id.as_str()).collect();
                return Err(unknown(format!("exclude[{i}]"), id, &known));
            }
            exclude.push(id.to_owned());
        }
        let (target_groups, problems) = (tags(&query.target_groups), tags(&query.problems));
        let ids = |v: &[String]| v.iter().map(|t| self.facets.id(t)).collect::<Vec<_>>();
        Ok(Prepared {
            target_group_ids: ids(&target_groups),
            problem_ids: ids(&problems),
            area_id: area.as_deref().and_then(|a| self.facets.id(a)),
            target_groups,
            problems,
            area,
            context,
            context_text,
            exclude,
        })
    }
}

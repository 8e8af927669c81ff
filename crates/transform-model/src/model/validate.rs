//! Validation of a model definition; every error names the JSON path it is about.

use std::collections::{BTreeMap, HashSet};

use super::{Model, ModelDef, ModelError};
use crate::localized::Localized;

/// The id of the merged group of small role groups; a model may not use it for a role.
pub const OTHER_GROUP: &str = "other";

impl ModelDef {
    /// Checks every rule of the schema and builds the validated [`Model`].
    pub fn validate(self) -> Result<Model, ModelError> {
        let d = &self;
        header(d)?;
        let langs = &d.languages;
        scale(d, langs)?;
        let numbers = levels(d, langs)?;
        roles(d, langs)?;
        let lever_ids = levers(d, langs)?;
        dimensions(d, langs, &numbers, &lever_ids)?;
        let (item_dim, asked) = items(d, langs)?;
        let dim_items = dimension_items(d, &item_dim)?;
        dependencies(&d.dimensions)?;
        let routing = super::routing::check(d, &asked, &dim_items)?;
        let needed = asked
            .iter()
            .map(|row| {
                dim_items.iter().map(|items| super::min_answered(items.iter().filter(|&&it| row[it]).count())).collect()
            })
            .collect();
        let warnings = single_item_warnings(d, &dim_items, &asked);
        let fingerprint = std::hash::BuildHasher::hash_one(
            &rustc_hash::FxBuildHasher,
            serde_json::to_string(&self).expect("a model serializes"),
        );
        Ok(Model {
            def: self,
            item_dim,
            dim_items,
            asked,
            needed,
            item_filter: routing.item_filter,
            comparable: routing.comparable,
            warnings,
            fingerprint,
        })
    }
}

/// The item limit, id, version, languages and model texts come first: later paths rely on the languages.
fn header(d: &ModelDef) -> Result<(), ModelError> {
    crate::limits::Limit::Items.check(d.items.len() as u64).map_err(|e| ModelError::invalid("items", e.to_string()))?;
    if d.id.trim().is_empty() {
        return Err(ModelError::invalid("id", "the model id is empty"));
    }
    if d.version.trim().is_empty() {
        return Err(ModelError::invalid("version", "the model version is empty"));
    }
    if d.languages.is_empty() {
        return Err(ModelError::invalid("languages", "at least one language is required"));
    }
    unique(d.languages.iter().map(String::as_str), "languages", |i| format!("languages[{i}]"))?;
    let langs = &d.languages;
    if let Some(name) = &d.name {
        texts(name, langs, "name")?;
    }
    if let Some(title) = &d.title {
        texts(title, langs, "title")?;
    }
    Ok(())
}

/// The scale is an ordered range of at most 100 steps with labels in every language.
fn scale(d: &ModelDef, langs: &[String]) -> Result<(), ModelError> {
    if d.scale.min >= d.scale.max {
        return Err(ModelError::invalid(
            "scale",
            format!("scale.min ({}) must be below scale.max ({})", d.scale.min, d.scale.max),
        ));
    }
    if d.scale.max.checked_sub(d.scale.min).is_none_or(|w| w > 99) {
        return Err(ModelError::invalid(
            "scale",
            format!("scale {}..{} has more than 100 steps", d.scale.min, d.scale.max),
        ));
    }
    for (k, t) in &d.scale.labels {
        texts(t, langs, &format!("scale.labels.{k}"))?;
    }
    Ok(())
}

/// Levels are exactly 1..=L, one per scale step; returns their sorted numbers.
fn levels(d: &ModelDef, langs: &[String]) -> Result<Vec<i64>, ModelError> {
    if d.levels.is_empty() {
        return Err(ModelError::invalid("levels", "at least one level is required"));
    }
    let mut numbers: Vec<i64> = d.levels.iter().map(|l| l.level).collect();
    numbers.sort_unstable();
    for (i, level) in d.levels.iter().enumerate() {
        texts(&level.label, langs, &format!("levels[{i}].label"))?;
        texts(&level.description, langs, &format!("levels[{i}].description"))?;
    }
    unique(d.levels.iter().map(|l| l.level.to_string()), "level", |i| format!("levels[{i}].level"))?;
    for (expected, got) in (1..).zip(&numbers) {
        if *got != expected {
            return Err(ModelError::invalid(
                "levels",
                format!(
                    "levels must be numbered 1..{} without gaps; level {expected} is missing (found {got})",
                    numbers.len()
                ),
            ));
        }
    }
    let steps = d.scale.max - d.scale.min + 1;
    if numbers.len() as i64 != steps {
        return Err(ModelError::invalid(
            "levels",
            format!(
                "{} levels given, but the scale {}..{} has {steps} steps; there must be one level per step",
                numbers.len(),
                d.scale.min,
                d.scale.max
            ),
        ));
    }
    Ok(numbers)
}

/// Role ids are unique, non-empty and not the reserved merged group; their texts are complete.
fn roles(d: &ModelDef, langs: &[String]) -> Result<(), ModelError> {
    unique(d.roles.iter().map(|r| r.id.as_str()), "role id", |i| format!("roles[{i}].id"))?;
    if d.roles.is_empty() {
        return Err(ModelError::invalid("roles", "at least one role is required"));
    }
    for (i, r) in d.roles.iter().enumerate() {
        if r.id.trim().is_empty() {
            return Err(ModelError::invalid(format!("roles[{i}].id"), "empty role id"));
        }
        if r.id == OTHER_GROUP {
            return Err(ModelError::invalid(
                format!("roles[{i}].id"),
                format!("`{OTHER_GROUP}` is reserved for the merged group of small role groups"),
            ));
        }
        texts(&r.label, langs, &format!("roles[{i}].label"))?;
        if let Some(intro) = &r.intro {
            texts(intro, langs, &format!("roles[{i}].intro"))?;
        }
    }
    Ok(())
}

/// Lever ids are unique and their texts complete; returns the ids dimensions may name.
fn levers<'a>(d: &'a ModelDef, langs: &[String]) -> Result<HashSet<&'a str>, ModelError> {
    unique(d.levers.iter().map(|l| l.id.as_str()), "lever id", |i| format!("levers[{i}].id"))?;
    for (i, l) in d.levers.iter().enumerate() {
        texts(&l.label, langs, &format!("levers[{i}].label"))?;
        texts(&l.text, langs, &format!("levers[{i}].text"))?;
    }
    Ok(d.levers.iter().map(|l| l.id.as_str()).collect())
}

/// Dimensions are unique, describe every level and no other, name known levers and weigh ≥ 0.
fn dimensions(d: &ModelDef, langs: &[String], numbers: &[i64], lever_ids: &HashSet<&str>) -> Result<(), ModelError> {
    unique(d.dimensions.iter().map(|x| x.id.as_str()), "dimension id", |i| format!("dimensions[{i}].id"))?;
    if d.dimensions.is_empty() {
        return Err(ModelError::invalid("dimensions", "at least one dimension is required"));
    }
    for (i, dim) in d.dimensions.iter().enumerate() {
        let p = format!("dimensions[{i}]");
        texts(&dim.label, langs, &format!("{p}.label"))?;
        texts(&dim.description, langs, &format!("{p}.description"))?;
        for n in numbers {
            let key = n.to_string();
            let t = dim.level_descriptions.get(&key).ok_or_else(|| {
                ModelError::invalid(format!("{p}.level_descriptions"), format!("no description for level {key}"))
            })?;
            texts(t, langs, &format!("{p}.level_descriptions.{key}"))?;
        }
        if let Some(extra) = dim.level_descriptions.keys().find(|k| !numbers.iter().any(|n| n.to_string() == **k)) {
            return Err(ModelError::invalid(
                format!("{p}.level_descriptions.{extra}"),
                format!("`{extra}` is not a level of this model"),
            ));
        }
        for (j, lever) in dim.levers.iter().enumerate() {
            if !lever_ids.contains(lever.as_str()) {
                return Err(ModelError::invalid(format!("{p}.levers[{j}]"), format!("unknown lever `{lever}`")));
            }
        }
        if !(dim.weight.is_finite() && dim.weight >= 0.0) {
            return Err(ModelError::invalid(
                format!("{p}.weight"),
                format!("weight {} must be a finite number ≥ 0", dim.weight),
            ));
        }
    }
    Ok(())
}

/// Items are unique and well-formed; returns each item's dimension and who is asked what
/// (`asked[role][item]`, an item without roles being asked of every role).
fn items(d: &ModelDef, langs: &[String]) -> Result<(Vec<usize>, Vec<Vec<bool>>), ModelError> {
    unique(d.items.iter().map(|x| x.id.as_str()), "item id", |i| format!("items[{i}].id"))?;
    let dim_index: BTreeMap<&str, usize> = d.dimensions.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let role_index: BTreeMap<&str, usize> = d.roles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let mut item_dim = Vec::with_capacity(d.items.len());
    let mut asked = vec![vec![false; d.items.len()]; d.roles.len()];
    for (i, item) in d.items.iter().enumerate() {
        let p = format!("items[{i}]");
        if item.id.trim().is_empty() {
            return Err(ModelError::invalid(format!("{p}.id"), "empty item id"));
        }
        if matches!(item.id.as_str(), "respondent" | "role") {
            return Err(ModelError::invalid(
                format!("{p}.id"),
                format!("`{}` is reserved for a response column", item.id),
            ));
        }
        let dim = *dim_index.get(item.dimension.as_str()).ok_or_else(|| {
            ModelError::invalid(format!("{p}.dimension"), format!("unknown dimension `{}`", item.dimension))
        })?;
        item_dim.push(dim);
        texts(&item.text, langs, &format!("{p}.text"))?;
        if let Some(pilot) = &item.pilot {
            texts(&pilot.intent, langs, &format!("{p}.pilot.intent"))?;
            texts(&pilot.misreading, langs, &format!("{p}.pilot.misreading"))?;
        }
        unique(item.roles.iter().map(String::as_str), "role", |j| format!("{p}.roles[{j}]"))?;
        for (j, role) in item.roles.iter().enumerate() {
            let r = *role_index
                .get(role.as_str())
                .ok_or_else(|| ModelError::invalid(format!("{p}.roles[{j}]"), format!("unknown role `{role}`")))?;
            asked[r][i] = true;
        }
        if item.roles.is_empty() {
            for row in asked.iter_mut() {
                row[i] = true;
            }
        }
    }
    Ok((item_dim, asked))
}

/// Groups the items by dimension; every dimension needs at least 2 items to be a scale.
fn dimension_items(d: &ModelDef, item_dim: &[usize]) -> Result<Vec<Vec<usize>>, ModelError> {
    let mut dim_items = vec![Vec::new(); d.dimensions.len()];
    for (i, &dim) in item_dim.iter().enumerate() {
        dim_items[dim].push(i);
    }
    for (i, items) in dim_items.iter().enumerate() {
        if items.len() < 2 {
            return Err(ModelError::invalid(
                format!("dimensions[{i}]"),
                format!("dimension `{}` has {} item(s); at least 2 are required", d.dimensions[i].id, items.len()),
            ));
        }
    }
    Ok(dim_items)
}

/// `depends_on` names known dimensions and forms no cycle.
fn dependencies(dims: &[super::Dimension]) -> Result<(), ModelError> {
    let index: BTreeMap<&str, usize> = dims.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let mut edges = vec![Vec::new(); dims.len()];
    for (i, dim) in dims.iter().enumerate() {
        for (j, dep) in dim.depends_on.iter().enumerate() {
            let &k = index.get(dep.as_str()).ok_or_else(|| {
                ModelError::invalid(format!("dimensions[{i}].depends_on[{j}]"), format!("unknown dimension `{dep}`"))
            })?;
            edges[i].push(k);
        }
    }
    // Depth-first search with colours: 0 unvisited, 1 on the stack, 2 done.
    fn visit(v: usize, edges: &[Vec<usize>], colour: &mut [u8], stack: &mut Vec<usize>) -> Option<Vec<usize>> {
        colour[v] = 1;
        stack.push(v);
        for &w in &edges[v] {
            if colour[w] == 1 {
                let start = stack.iter().position(|&x| x == w).unwrap_or(0);
                return Some(stack[start..].iter().copied().chain([w]).collect());
            }
            if colour[w] == 0 {
                if let Some(cycle) = visit(w, edges, colour, stack) {
                    return Some(cycle);
                }
            }
        }
        stack.pop();
        colour[v] = 2;
        None
    }
    let mut colour = vec![0u8; dims.len()];
    for v in 0..dims.len() {
        if colour[v] == 0 {
            if let Some(cycle) = visit(v, &edges, &mut colour, &mut Vec::new()) {
                let names: Vec<&str> = cycle.iter().map(|&c| dims[c].id.as_str()).collect();
                return Err(ModelError::invalid(
                    format!("dimensions[{}].depends_on", cycle[0]),
                    format!("dependency cycle: {}", names.join(" → ")),
                ));
            }
        }
    }
    Ok(())
}

/// A role asked exactly one item of a dimension is scored on one item: no scale, so no
/// agreement or reliability figure; the model is valid but says so.
fn single_item_warnings(d: &ModelDef, dim_items: &[Vec<usize>], asked: &[Vec<bool>]) -> Vec<String> {
    let mut out = Vec::new();
    for (r, role) in d.roles.iter().enumerate() {
        for (k, items) in dim_items.iter().enumerate() {
            if items.iter().filter(|&&i| asked[r][i]).count() == 1 {
                out.push(format!(
                    "role `{}` is asked a single item of dimension `{}`: its score there is flagged single_item",
                    role.id, d.dimensions[k].id
                ));
            }
        }
    }
    out
}

/// Fails on the first id that occurs twice, naming its path.
fn unique<S: AsRef<str>>(
    ids: impl Iterator<Item = S>,
    what: &str,
    path: impl Fn(usize) -> String,
) -> Result<(), ModelError> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id.as_ref().to_owned()) {
            return Err(ModelError::invalid(path(i), format!("duplicate {what} `{}`", id.as_ref())));
        }
    }
    Ok(())
}

/// Every language of the model must have a non-empty text.
pub(super) fn texts(t: &Localized, langs: &[String], path: &str) -> Result<(), ModelError> {
    for lang in langs {
        match t.0.get(lang) {
            Some(s) if !s.trim().is_empty() => {}
            _ => return Err(ModelError::invalid(format!("{path}.{lang}"), format!("missing `{lang}` text"))),
        }
    }
    Ok(())
}

impl Model {
    /// JSON paths of the levels, dimensions, items and levers without a non-empty `source`.
    /// A custom model may omit sources; every bundled model published since the rule
    /// (issue 12) must have none missing, which a test checks.
    pub fn missing_sources(&self) -> Vec<String> {
        let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        let d = &self.def;
        let paths = |what: &str, sources: Vec<&Option<String>>| -> Vec<String> {
            sources
                .into_iter()
                .enumerate()
                .filter(|(_, s)| empty(s))
                .map(|(i, _)| format!("{what}[{i}].source"))
                .collect()
        };
        [
            paths("levels", d.levels.iter().map(|x| &x.source).collect()),
            paths("dimensions", d.dimensions.iter().map(|x| &x.source).collect()),
            paths("items", d.items.iter().map(|x| &x.source).collect()),
            paths("levers", d.levers.iter().map(|x| &x.source).collect()),
        ]
        .concat()
    }
}

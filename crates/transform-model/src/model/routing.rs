//! Who is asked what: referents a role can observe, the roles that judge a dimension,
//! filter questions with their skip logic, and which items a perception gap may use.

use std::collections::BTreeSet;

use super::{ModelDef, ModelError, Referent};

/// What routing adds to a validated model: each item's filter and comparability.
pub(super) struct Routing {
    pub item_filter: Vec<Option<usize>>,
    pub comparable: Vec<bool>,
}

/// Checks referents, `judged_by`, filters and `comparable`; `asked[role][item]` is the
/// routing as the items' role lists give it.
pub(super) fn check(d: &ModelDef, asked: &[Vec<bool>], dim_items: &[Vec<usize>]) -> Result<Routing, ModelError> {
    observed(d, asked)?;
    judged(d, asked, dim_items)?;
    let item_filter = filters(d, asked)?;
    let comparable = comparability(d, &item_filter)?;
    Ok(Routing { item_filter, comparable })
}

/// An item about a referent is routed only to roles that declare they observe it.
fn observed(d: &ModelDef, asked: &[Vec<bool>]) -> Result<(), ModelError> {
    for (i, item) in d.items.iter().enumerate() {
        let Some(referent) = item.referent else { continue };
        for (r, role) in d.roles.iter().enumerate() {
            if asked[r][i] && !role.observes.is_empty() && !role.observes.contains(&referent) {
                return Err(ModelError::invalid(
                    format!("items[{i}].roles"),
                    format!(
                        "item `{}` is about `{}`, which role `{}` cannot observe (it observes {})",
                        item.id,
                        referent.id(),
                        role.id,
                        role.observes.iter().map(|o| o.id()).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// `judged_by` names known roles; exactly those roles are asked the dimension, each at
/// least two of its items.
fn judged(d: &ModelDef, asked: &[Vec<bool>], dim_items: &[Vec<usize>]) -> Result<(), ModelError> {
    for (k, dim) in d.dimensions.iter().enumerate() {
        if dim.judged_by.is_empty() {
            continue;
        }
        let p = format!("dimensions[{k}].judged_by");
        let mut declared = BTreeSet::new();
        for (j, id) in dim.judged_by.iter().enumerate() {
            let r = d
                .roles
                .iter()
                .position(|r| r.id == *id)
                .ok_or_else(|| ModelError::invalid(format!("{p}[{j}]"), format!("unknown role `{id}`")))?;
            declared.insert(r);
        }
        for (r, role) in d.roles.iter().enumerate() {
            let n = dim_items[k].iter().filter(|&&i| asked[r][i]).count();
            let judges = declared.contains(&r);
            if judges && n < 2 {
                return Err(ModelError::invalid(
                    &p,
                    format!(
                        "role `{}` judges dimension `{}` but is asked {n} of its items; at least 2 are needed",
                        role.id, dim.id
                    ),
                ));
            }
            if !judges && n > 0 {
                return Err(ModelError::invalid(
                    &p,
                    format!(
                        "role `{}` is asked {n} item(s) of dimension `{}` but is not among the roles that judge it",
                        role.id, dim.id
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Filter ids are unique and distinct from item ids; an item's filter exists and is asked
/// of every role the item is asked of.
fn filters(d: &ModelDef, asked: &[Vec<bool>]) -> Result<Vec<Option<usize>>, ModelError> {
    let mut seen = BTreeSet::new();
    for (f, filter) in d.filters.iter().enumerate() {
        let p = format!("filters[{f}]");
        let id = filter.id.trim();
        if id.is_empty() || matches!(id, "respondent" | "role") || d.items.iter().any(|i| i.id == id) {
            return Err(ModelError::invalid(
                format!("{p}.id"),
                format!("filter id `{id}` is empty, reserved or the id of an item"),
            ));
        }
        if !seen.insert(id) {
            return Err(ModelError::invalid(format!("{p}.id"), format!("duplicate filter id `{id}`")));
        }
        super::validate::texts(&filter.text, &d.languages, &format!("{p}.text"))?;
        for (j, role) in filter.roles.iter().enumerate() {
            if !d.roles.iter().any(|r| r.id == *role) {
                return Err(ModelError::invalid(format!("{p}.roles[{j}]"), format!("unknown role `{role}`")));
            }
        }
    }
    let mut out = Vec::with_capacity(d.items.len());
    for (i, item) in d.items.iter().enumerate() {
        let Some(id) = &item.filter else {
            out.push(None);
            continue;
        };
        let p = format!("items[{i}].filter");
        let f = d
            .filters
            .iter()
            .position(|f| f.id == *id)
            .ok_or_else(|| ModelError::invalid(&p, format!("unknown filter `{id}`")))?;
        let filter_roles = &d.filters[f].roles;
        for (r, role) in d.roles.iter().enumerate() {
            if asked[r][i] && !filter_roles.is_empty() && !filter_roles.contains(&role.id) {
                return Err(ModelError::invalid(
                    &p,
                    format!("item `{}` is asked of role `{}`, but its filter `{id}` is not", item.id, role.id),
                ));
            }
        }
        out.push(Some(f));
    }
    Ok(out)
}

/// `comparable` defaults from the referent; it may not be set on a personal referent or
/// behind a filter (the answers would come from different people or different subgroups).
fn comparability(d: &ModelDef, item_filter: &[Option<usize>]) -> Result<Vec<bool>, ModelError> {
    d.items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let allowed = item.referent.is_none_or(Referent::is_shared) && item_filter[i].is_none();
            match item.comparable {
                Some(true) if !allowed => Err(ModelError::invalid(
                    format!("items[{i}].comparable"),
                    format!(
                        "item `{}` cannot be comparable: its referent differs from respondent to respondent or it is behind a filter",
                        item.id
                    ),
                )),
                Some(c) => Ok(c),
                None => Ok(allowed),
            }
        })
        .collect()
}

//! The plan's load: leader hours and actions per year per department and per owner (the
//! director; an owner's capacity is the sum of its departments').

use std::collections::BTreeMap;

use super::types::{Load, LoadRow, Phase};
use super::window::Window;

/// Hours and actions per (year, name), with the capacity of each name.
fn rows(keyed: BTreeMap<(i64, String), (f64, usize)>, capacity: impl Fn(&str) -> f64) -> Vec<LoadRow> {
    keyed
        .into_iter()
        .map(|((year, name), (hours, actions))| LoadRow { capacity: capacity(&name), year, name, hours, actions })
        .collect()
}

pub(crate) fn load(phases: &[Phase], w: &Window) -> Load {
    let mut dept: BTreeMap<(i64, String), (f64, usize)> = BTreeMap::new();
    let mut owner: BTreeMap<(i64, String), (f64, usize)> = BTreeMap::new();
    let mut owner_depts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in phases {
        for a in &p.actions {
            let d = a.capacity_department().to_owned();
            let o = a.owner.as_ref().and_then(|o| o.director.clone()).unwrap_or_else(|| d.clone());
            let e = dept.entry((p.year, d.clone())).or_default();
            e.0 += a.hours;
            e.1 += 1;
            let e = owner.entry((p.year, o.clone())).or_default();
            e.0 += a.hours;
            e.1 += 1;
            let list = owner_depts.entry(o).or_default();
            if !list.contains(&d) {
                list.push(d);
            }
        }
    }
    let owner_capacity = |o: &str| owner_depts.get(o).map_or(0.0, |ds| ds.iter().map(|d| w.capacity_of(d)).sum());
    Load { per_department: rows(dept, |d| w.capacity_of(d)), per_owner: rows(owner, owner_capacity) }
}

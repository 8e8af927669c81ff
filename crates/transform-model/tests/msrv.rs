//! The workspace's declared `rust-version` is honest: it equals the highest `rust-version`
//! among the packages a build actually compiles (normal and build dependencies of every
//! workspace member, all features on, every platform), and no lower than the edition needs.
//! Dev-dependencies (criterion, proptest, …) are left out: users never build them.
//!
//! Run alone: `cargo test -p transform-model --test msrv`.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// A Rust version as (major, minor, patch); "1.85" is 1.85.0.
type Version = (u64, u64, u64);

fn parse(v: &str) -> Version {
    let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap_or_else(|_| panic!("rust-version `{v}`")));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The oldest Rust that compiles an edition.
fn edition_floor(edition: &str) -> Version {
    match edition {
        "2024" => (1, 85, 0),
        "2021" => (1, 56, 0),
        "2018" => (1, 31, 0),
        _ => (1, 0, 0),
    }
}

/// The highest rust-version among the packages reachable from the workspace members through
/// normal and build dependency edges, with the package that sets it.
fn max_dependency_rust_version(meta: &Value) -> (Version, String) {
    let packages: HashMap<&str, &Value> =
        meta["packages"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p)).collect();
    let nodes: HashMap<&str, &Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let members: BTreeSet<&str> =
        meta["workspace_members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = members.iter().copied().collect();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            // `kind` is null for normal dependencies, "build" or "dev" otherwise.
            let used = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].as_str() != Some("dev"));
            if used {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.iter()
        .filter(|id| !members.contains(*id))
        .map(|id| {
            let p = packages[id];
            let own = p["rust_version"].as_str().map_or((0, 0, 0), parse);
            let floor = edition_floor(p["edition"].as_str().unwrap_or("2015"));
            (own.max(floor), format!("{} {}", p["name"].as_str().unwrap(), p["version"].as_str().unwrap()))
        })
        .max()
        .expect("the workspace has dependencies")
}

#[test]
fn declared_rust_version_equals_the_highest_among_used_dependencies() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--all-features", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");

    let (needed, by) = max_dependency_rust_version(&meta);
    let members: Vec<&Value> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| meta["workspace_members"].as_array().unwrap().contains(&p["id"]))
        .collect();
    for p in &members {
        let name = p["name"].as_str().unwrap();
        let declared = p["rust_version"].as_str().unwrap_or_else(|| panic!("{name} declares no rust-version"));
        let edition = edition_floor(p["edition"].as_str().unwrap());
        let honest = needed.max(edition);
        assert_eq!(
            parse(declared),
            honest,
            "{name} declares rust-version {declared}; the dependencies need {}.{}.{} ({by}) and edition {} needs {}.{}",
            needed.0,
            needed.1,
            needed.2,
            p["edition"],
            edition.0,
            edition.1,
        );
    }
}

/// The walk itself: dev-only edges are not followed, build edges are, and a package's
/// edition raises its version.
#[test]
fn the_walk_follows_normal_and_build_edges_only() {
    let meta = serde_json::json!({
        "workspace_members": ["a"],
        "packages": [
            {"id": "a", "name": "a", "version": "0.1.0", "rust_version": "1.60", "edition": "2021"},
            {"id": "b", "name": "b", "version": "1.0.0", "rust_version": "1.70", "edition": "2021"},
            {"id": "c", "name": "c", "version": "1.0.0", "rust_version": "1.90", "edition": "2021"},
            {"id": "d", "name": "d", "version": "2.0.0", "rust_version": "1.80.1", "edition": "2021"},
            {"id": "e", "name": "e", "version": "3.0.0", "rust_version": null, "edition": "2018"}
        ],
        "resolve": {"nodes": [
            {"id": "a", "deps": [
                {"pkg": "b", "dep_kinds": [{"kind": null}]},
                {"pkg": "c", "dep_kinds": [{"kind": "dev"}]},
                {"pkg": "e", "dep_kinds": [{"kind": null}]}
            ]},
            {"id": "b", "deps": [{"pkg": "d", "dep_kinds": [{"kind": "build"}]}]},
            {"id": "c", "deps": []},
            {"id": "d", "deps": []},
            {"id": "e", "deps": []}
        ]}
    });
    // b (1.70) and e (edition 2018: 1.31) are normal, d (1.80.1) is a build dependency of
    // b; c (1.90) is dev-only and must not count.
    assert_eq!(max_dependency_rust_version(&meta), ((1, 80, 1), "d 2.0.0".to_owned()));
}

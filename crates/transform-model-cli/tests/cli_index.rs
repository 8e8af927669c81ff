//! `transform-model index` and `--index`: the answer from a saved index is the answer from
//! its catalog, byte for byte, and a file that is not an index is refused with a message.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn data(name: &str) -> String {
    format!("{}/../transform-model/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transform-model-cli-index-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tm(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("transform-model").unwrap();
    cmd.current_dir(dir).env("RUST_BACKTRACE", "1");
    cmd
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = tm(dir).args(args).assert().success().stderr("").get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn match_and_partners_on_a_saved_index_equal_the_catalog() {
    let dir = scratch("equal");
    let catalog = data("catalog.json");
    let summary = stdout(&dir, &["index", &catalog, "-o", "catalog.tmi"]);
    assert!(summary.contains("catalog.tmi") && summary.contains("interventions"), "{summary}");
    let problem = "Flere ledige i vores boligområder skal i job";
    for extra in [&["--format", "json"][..], &["--format", "json", "--similar"], &["--format", "table", "--similar"]] {
        let mut from_json = vec!["match", problem, "--catalog", &catalog, "--context", "urbanity=rural"];
        from_json.extend(extra);
        let mut from_index = vec!["match", problem, "--index", "catalog.tmi", "--context", "urbanity=rural"];
        from_index.extend(extra);
        assert_eq!(stdout(&dir, &from_index), stdout(&dir, &from_json), "{extra:?}");
    }
    let first = transform_model::ingredient::Catalog::from_file(&catalog).unwrap();
    let code = first.interventions()[0].municipality.code.clone();
    let code = code.as_str();
    assert_eq!(
        stdout(&dir, &["partners", code, "--index", "catalog.tmi", "--format", "json"]),
        stdout(&dir, &["partners", code, "--catalog", &catalog, "--format", "json"])
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_json_catalog_given_as_index_is_refused_with_a_hint() {
    let dir = scratch("json");
    std::fs::copy(data("catalog.json"), dir.join("catalog.tmi")).unwrap();
    tm(&dir)
        .args(["match", "unge", "--index", "catalog.tmi"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a transform-model index"))
        .stderr(predicate::str::contains("transform-model index CATALOG.json"))
        .stderr(predicate::str::contains("panicked").not());
    tm(&dir)
        .args(["match", "unge", "--index", "catalog.tmi", "--catalog", "x.json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be used with"));
    tm(&dir)
        .args(["index", "missing.json", "-o", "x.tmi"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.json"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 33: an endless device or a huge sparse file given as the index, under a memory
/// limit, is a clear error and an ordinary exit code (below 128: no abort, no signal).
#[cfg(target_os = "linux")]
#[test]
fn an_endless_or_huge_index_is_a_clear_error_under_a_memory_limit() {
    let dir = scratch("endless");
    let sparse = dir.join("sparse.tmi");
    std::fs::File::create(&sparse).unwrap().set_len(10 << 30).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("transform-model");
    for (index, expect) in [("/dev/zero", "file_bytes"), (sparse.to_str().unwrap(), "file_bytes")] {
        // 600 MB of address space: enough to start, too little for 1 GiB of zeros.
        let script = format!("ulimit -v 600000; exec '{}' match unge --index '{index}'", bin.display());
        let out = std::process::Command::new("sh").arg("-c").arg(&script).current_dir(&dir).output().unwrap();
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(code, Some(1..=127)), "{index}: exit {code:?}, {stderr}");
        assert!(stderr.contains(index) && stderr.contains(expect), "{index}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

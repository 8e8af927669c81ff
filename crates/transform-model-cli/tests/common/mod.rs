//! Helpers shared by the CLI tests: the built binary run from a scratch folder outside the
//! repository (as a user runs it), with absolute paths to the bundled data.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// Absolute path of a bundled data file.
pub fn data(name: &str) -> String {
    format!("{}/../transform-model/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory outside the repository (one per test binary and test, so tests may
/// run in parallel).
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transform-model-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary, run in `dir`. With backtraces on, a panic could not hide behind a short message.
pub fn tm(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("transform-model").unwrap();
    cmd.current_dir(dir).env("RUST_BACKTRACE", "1");
    cmd
}

/// Standard output of a command that must succeed with nothing on stderr.
pub fn stdout(args: &[&str], test: &str) -> String {
    let out = tm(&scratch(test)).args(args).assert().success().stderr("").get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail with one of `codes`; checks each needle in stderr and that
/// no panic or backtrace shows. Returns stderr.
pub fn fails_with(args: &[&str], test: &str, needles: &[&str], codes: &[i32]) -> String {
    let out: Output = tm(&scratch(test)).args(args).assert().failure().stdout("").get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.code().is_some_and(|c| codes.contains(&c)), "exit {:?}: {stderr}", out.status.code());
    for needle in needles {
        assert!(stderr.contains(needle), "stderr lacks `{needle}`: {stderr}");
    }
    for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(bad), "stderr shows a panic: {stderr}");
    }
    stderr
}

/// A failure with our exit code 1 or clap's usage code 2.
pub fn fails(args: &[&str], test: &str, needles: &[&str]) -> String {
    fails_with(args, test, needles, &[1, 2])
}

//! Generators check their size before they allocate (issue 33): under a memory limit
//! (`ulimit -v`), a synthetic catalog larger than the catalog limit is refused with the
//! limit's name and exit code 1, never aborted by the allocator (exit 134, SIGABRT).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

/// 2 GiB of address space: far below what 10^12 interventions would take, far above what a
/// refusal or a streamed row needs.
const ULIMIT_KIB: u64 = 2 << 20;

fn under_ulimit(args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {ULIMIT_KIB}; exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("transform-model"))
        .args(args)
        .current_dir(common::scratch("generators"))
        .env("RUST_BACKTRACE", "1");
    cmd
}

fn refused(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{:?}: {stderr}", out.status);
    for bad in ["memory allocation", "panicked", "stack backtrace"] {
        assert!(!stderr.contains(bad), "{stderr}");
    }
    stderr
}

#[test]
fn a_catalog_sample_above_the_catalog_limit_is_refused_before_it_allocates() {
    let out = under_ulimit(&["catalog-sample", "--interventions", "1000000000000"]).output().unwrap();
    let stderr = refused(&out);
    let max = transform_model::limits::Limit::CatalogEntries.default_max();
    assert!(
        stderr.contains(&format!("--interventions: 1000000000000 entries exceed the limit `catalog_entries` of {max}")),
        "{stderr}"
    );
    assert!(stderr.contains("TM_MAX_CATALOG_ENTRIES"), "{stderr}");
    // One above the limit is the first size refused; the limit itself is allowed by the
    // same check (a unit test of the library; here: the refusal is not about 10^12 alone).
    let one_over = (max + 1).to_string();
    let out = under_ulimit(&["catalog-sample", "--interventions", &one_over]).output().unwrap();
    assert!(refused(&out).contains(&format!("{one_over} entries exceed")));
}

#[test]
fn a_small_catalog_sample_is_still_written() {
    let out = under_ulimit(&["catalog-sample", "--interventions", "3", "--seed", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let catalog: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(catalog["interventions"].as_array().unwrap().len(), 3);
}

#[test]
fn a_sample_too_large_to_count_is_a_usage_error_and_a_huge_one_streams_under_the_limit() {
    // 10^25 does not fit the count: clap's usage error (exit 2), naming the flag.
    let out = under_ulimit(&["sample", "--respondents", "10000000000000000000000000"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--respondents"), "{stderr}");
    // 10^12 respondents, or head counts of 10^12, stream in constant memory: the first rows
    // come under the same memory limit, and closing the pipe ends the program quietly.
    for args in [
        &["sample", "--respondents", "1000000000000"][..],
        &["sample", "--respondents", "1", "--role-counts", "frontline=1000000000000"],
    ] {
        let mut child = under_ulimit(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert!(lines.next().unwrap().unwrap().starts_with("respondent,role,"));
        for i in 1..=3 {
            assert!(lines.next().unwrap().unwrap().starts_with(&format!("R{i:06},")));
        }
        drop(lines);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
    }
}

//! Bounded resources and whole files (issue 17): input above a limit of
//! `transform_model::limits` fails with the limit's name and how to raise it (no panic, no
//! allocation abort, no backtrace, with `RUST_BACKTRACE=1` set); `sample` streams any number
//! of rows; a write that fails halfway leaves the old file as it was.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as Std, Stdio};

use common::{data, fails, scratch, tm};

/// What no refusal may show besides what `fails` already rules out.
fn clean(stderr: &str) {
    for bad in ["memory allocation", "panicked", "stack backtrace", "thread 'main'"] {
        assert!(!stderr.contains(bad), "stderr shows `{bad}`: {stderr}");
    }
}

fn refused(args: &[&str], test: &str, needles: &[&str]) {
    clean(&fails(args, test, needles));
}

#[test]
fn a_huge_sample_streams_rows_as_it_draws_them() {
    // 10^11 respondents would need 800 GB if collected first; streamed, the first rows come at
    // once and closing the pipe ends the program quietly.
    let bin = assert_cmd::cargo::cargo_bin("transform-model");
    let mut child = Std::new(bin)
        .args(["sample", "--respondents", "100000000000", "--seed", "3"])
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let header = lines.next().unwrap().unwrap();
    let columns = header.split(',').count();
    assert!(header.starts_with("respondent,role,D1_1"), "{header}");
    for (i, line) in lines.by_ref().take(3).enumerate() {
        let line = line.unwrap();
        assert!(line.starts_with(&format!("R{:06},", i + 1)), "{line}");
        assert_eq!(line.split(',').count(), columns, "{line}");
    }
    drop(lines); // closes the pipe
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert_eq!(stderr, "");
}

#[test]
fn bootstrap_above_its_limit_names_the_flag() {
    let csv = data("sample_responses.csv");
    refused(&["assess", &csv, "--bootstrap", "1000000000"], "boot", &["bootstrap", "100000", "(--bootstrap)"]);
}

#[test]
fn threads_are_bounded_in_the_library() {
    // The CLI has no --threads; the option's bound is the core's fixed ceiling, the same on
    // every machine.
    let cap = transform_model::limits::MAX_THREADS;
    let mut options = transform_model::AssessOptions::default();
    options.threads = Some(cap + 1);
    let e = options.validate(5).unwrap_err().to_string();
    assert!(e.contains("threads") && e.contains(&format!("1..={cap}")), "{e}");
}

#[test]
fn a_header_with_too_many_columns_names_the_limit() {
    // 10,001 columns: respondent, role and 9,999 unknown ones, all declared ignorable
    // would still be 10,001 names; unknown columns are reported first otherwise, so the
    // limit must be checked before the columns are resolved.
    let dir = scratch("columns");
    let mut header = String::from("respondent,role");
    for i in 0..9_999 {
        header.push_str(&format!(",x{i}"));
    }
    std::fs::write(dir.join("wide.csv"), format!("{header}\nR1,frontline\n")).unwrap();
    let path = dir.join("wide.csv");
    refused(&["assess", path.to_str().unwrap()], "columns", &["10001 columns", "`columns`", "10000", "TM_MAX_COLUMNS"]);
}

#[test]
fn more_respondents_than_the_limit_are_refused_after_the_limit() {
    // 2,000,001 respondents with no answers: refused on the first one past the limit,
    // naming it, not after scoring.
    let dir = scratch("respondents");
    let path = dir.join("many.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "respondent,role").unwrap();
    for i in 0..2_000_001u32 {
        writeln!(f, "{i},frontline").unwrap();
    }
    f.flush().unwrap();
    drop(f);
    refused(
        &["assess", path.to_str().unwrap(), "--bootstrap", "0"],
        "respondents",
        &["2000001 respondents", "`respondents`", "2000000", "TM_MAX_RESPONDENTS"],
    );
}

/// A sparse file one byte over the default file limit (1 GiB): refused from its size,
/// before a byte is read.
fn oversized(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    let f = std::fs::File::create(&path).unwrap();
    f.set_len((1 << 30) + 1).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn every_file_read_is_bounded_in_size() {
    let dir = scratch("bytes");
    let needles = ["1073741825 bytes", "`file_bytes`", "TM_MAX_FILE_BYTES"];
    refused(&["assess", &oversized(&dir, "r.csv")], "bytes", &needles);
    refused(&["assess", &oversized(&dir, "r.json")], "bytes", &needles);
    refused(&["assess", &oversized(&dir, "r.xlsx")], "bytes", &needles);
    refused(&["model", "--model", &oversized(&dir, "m.json")], "bytes", &needles);
    refused(&["portfolio", &oversized(&dir, "p.json")], "bytes", &needles);
    refused(&["match", "ledige", "--catalog", &oversized(&dir, "c.json")], "bytes", &needles);
    refused(&["match", "ledige", "--index", &oversized(&dir, "c.tmidx")], "bytes", &needles);
    let csv = data("sample_responses.csv");
    refused(&["model", "--overlay", &oversized(&dir, "o.json")], "bytes", &needles);
    refused(&["assess", &csv, "--bootstrap", "0", "--baseline", &oversized(&dir, "b.json")], "bytes", &needles);
    let big = oversized(&dir, "a.json");
    refused(&["compare", &big, &big], "bytes", &needles);
    refused(&["catalog-import", &big, &big], "bytes", &needles);
}

#[test]
fn json_nested_deeper_than_128_levels_is_refused_not_overflowing_the_stack() {
    // 100,000 nested arrays. Where the text is read as free JSON (an overlay), the JSON
    // reader's own limit of 128 levels refuses it; typed files fail on their shape first. A
    // stack overflow would kill the process with a signal instead of exit code 1.
    let dir = scratch("nesting");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for (file, args, needle) in [
        ("o.json", vec!["model", "--overlay", "o.json"], "recursion limit exceeded"),
        ("m.json", vec!["model", "--model", "m.json"], "model JSON"),
        ("p.json", vec!["portfolio", "p.json"], "portfolio JSON"),
        ("c.json", vec!["match", "ledige", "--catalog", "c.json"], "catalog JSON"),
        ("r.json", vec!["assess", "r.json"], "r.json"),
        ("b.json", vec!["compare", "b.json", "b.json"], "b.json"),
    ] {
        std::fs::write(dir.join(file), &deep).unwrap();
        let out = tm(&dir).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        assert!(stderr.contains(needle), "{file}: {stderr}");
        clean(&stderr);
    }
}

#[test]
fn a_problem_text_above_the_limit_is_refused() {
    // 100,001 characters (one argument may hold 128 KiB on Linux).
    let long = "a".repeat(100_001);
    refused(&["match", &long], "query", &["100001 characters", "`query_chars`", "TM_MAX_QUERY_CHARS"]);
}

#[test]
fn a_model_with_too_many_items_is_refused() {
    // The bundled model with its first item repeated under new ids up to 1,001 items.
    let dir = scratch("items");
    let mut model: serde_json::Value =
        serde_json::from_str(&transform_model::Model::default_model().to_json()).unwrap();
    let items = model["items"].as_array_mut().unwrap();
    let first = items[0].clone();
    let mut i = 0;
    while items.len() < 1_001 {
        let mut copy = first.clone();
        copy["id"] = serde_json::Value::from(format!("EXTRA_{i}"));
        items.push(copy);
        i += 1;
    }
    std::fs::write(dir.join("big.json"), model.to_string()).unwrap();
    let path = dir.join("big.json");
    refused(&["model", "--model", path.to_str().unwrap()], "items", &["1001 items", "`items`", "TM_MAX_ITEMS"]);
}

#[test]
fn a_50_mib_header_is_quoted_in_200_characters() {
    let dir = scratch("quote");
    let name = "x".repeat(50 << 20);
    std::fs::write(dir.join("h.csv"), format!("respondent,role,{name}\nR1,frontline,3\n")).unwrap();
    let path = dir.join("h.csv");
    let stderr = fails(&["assess", path.to_str().unwrap()], "quote", &["er ikke et spørgsmål i modellen"]);
    clean(&stderr);
    // The column name cut to 200 characters and an ellipsis; the whole message stays short.
    assert!(stderr.contains(&format!("`{}…`", "x".repeat(200))), "{}", &stderr[..stderr.len().min(600)]);
    assert!(stderr.len() < 1_000, "{} bytes", stderr.len());
}

/// Runs `args` with writes limited to 1 KiB (`ulimit -f 1`) and SIGXFSZ ignored, so the
/// write of the temporary file fails halfway with EFBIG, as on a full disk.
fn with_small_disk(dir: &Path, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("transform-model");
    Std::new("sh")
        .arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_write_that_fails_halfway_leaves_the_old_file() {
    let dir = scratch("halfway");
    let old = b"the old file, as the user left it\n";
    let catalog = data("catalog.json");
    let csv = data("sample_responses.csv");
    let cases: [(&str, Vec<&str>); 3] = [
        ("q.xlsx", vec!["questionnaire", "--format", "xlsform", "-o", "q.xlsx"]),
        ("c.tmidx", vec!["index", &catalog, "-o", "c.tmidx"]),
        ("plan.xlsx", vec!["plan", &csv, "--format", "xlsx", "--output", "plan.xlsx", "--start-year", "2026"]),
    ];
    for (file, args) in cases {
        std::fs::write(dir.join(file), old).unwrap();
        // Without the limit the command succeeds and replaces the file (so the limit is
        // what fails it, and the file is larger than 1 KiB).
        let full = tm(&dir).args(&args).output().unwrap();
        assert!(full.status.success(), "{file}: {}", String::from_utf8_lossy(&full.stderr));
        assert!(std::fs::metadata(dir.join(file)).unwrap().len() > 1024, "{file}");
        std::fs::write(dir.join(file), old).unwrap();

        let out = with_small_disk(&dir, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        assert!(stderr.contains("File too large"), "{file}: {stderr}");
        clean(&stderr);
        assert_eq!(std::fs::read(dir.join(file)).unwrap(), old, "{file} was changed");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{file}");
    }
}

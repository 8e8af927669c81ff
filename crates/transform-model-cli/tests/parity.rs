//! Parity of the four faces: every subcommand and option of the CLI (read from its own
//! `--help`, so clap's definition is the list) must exist in Python, C and C#, under its
//! own name (snake_case in Python and C, PascalCase in C#) or under the name given in
//! tests/parity/faces.txt, or be listed there as an exception with its reason. A face that
//! lacks something, an entry for an option the CLI no longer has, and an exception without a
//! reason all fail. Also: the CLI's documented defaults are the core's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FACES: [&str; 3] = ["python", "c", "csharp"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("transform-model").unwrap().args(args).arg("--help").output().unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands listed under `Commands:` (without `help`).
fn subcommands() -> Vec<String> {
    let text = help(&[]);
    let mut in_list = false;
    let mut list = Vec::new();
    for line in text.lines() {
        if line.starts_with("Commands:") {
            in_list = true;
            continue;
        }
        if in_list {
            if !line.starts_with("  ") {
                break;
            }
            let name = line.split_whitespace().next().unwrap_or_default();
            if !name.is_empty() && name != "help" {
                list.push(name.to_owned());
            }
        }
    }
    assert!(list.len() >= 10, "too few subcommands read from --help: {list:?}");
    list
}

/// The long options of a subcommand with their documented defaults (without help/version).
fn options(command: &str) -> BTreeMap<String, Option<String>> {
    let text = help(&[command]);
    let mut found = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let t = line.trim_start();
        let t = if t.starts_with('-') && !t.starts_with("--") { t.split_once(", ").map_or(t, |(_, r)| r) } else { t };
        if let Some(rest) = t.strip_prefix("--") {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            current = (!name.is_empty() && name != "help" && name != "version").then_some(name);
            if let Some(n) = &current {
                found.insert(n.clone(), None);
            }
        }
        // The default closes the option's help, which may wrap over several lines.
        if let (Some(n), Some(d)) = (&current, line.split("[default: ").nth(1).and_then(|d| d.split(']').next())) {
            found.insert(n.clone(), Some(d.to_owned()));
        }
    }
    found
}

/// What each face exposes: the identifiers of its source, comments and docstrings left out
/// (a word in prose is no API).
fn words(face: &str) -> BTreeSet<String> {
    let r = root();
    let files: Vec<PathBuf> = match face {
        "python" => list(&r.join("python/transform_model"), &["py", "pyi"]),
        "c" => vec![r.join("include/transform_model.h")],
        "csharp" => list(&r.join("bindings/csharp/src"), &["cs"]),
        _ => unreachable!(),
    };
    assert!(!files.is_empty(), "no source files for {face}");
    files
        .iter()
        .flat_map(|f| {
            let quotes: &[char] = if face == "python" { &['"', '\''] } else { &['"'] };
            let text = without_strings(&code(&std::fs::read_to_string(f).unwrap(), face), quotes);
            text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map(str::to_owned).collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text without comments (C, C#: `/* */` and `//`; Python: `#` and triple-quoted strings).
fn code(text: &str, face: &str) -> String {
    let (open, close, line): (&[&str], &[&str], &str) = match face {
        "python" => (&["\"\"\"", "'''"], &["\"\"\"", "'''"], "#"),
        _ => (&["/*"], &["*/"], "//"),
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next_block = open.iter().enumerate().filter_map(|(i, o)| rest.find(o).map(|at| (at, i))).min();
        let next_line = rest.find(line);
        match (next_block, next_line) {
            (Some((at, i)), l) if l.is_none_or(|l| at < l) => {
                out.push_str(&rest[..at]);
                let after = &rest[at + open[i].len()..];
                rest = after.find(close[i]).map_or("", |end| &after[end + close[i].len()..]);
            }
            (_, Some(l)) => {
                out.push_str(&rest[..l]);
                rest = rest[l..].find('\n').map_or("", |end| &rest[l + end..]);
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// The text without its string literals (one line each, backslash escapes honoured).
fn without_strings(text: &str, quotes: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        match open {
            None if quotes.contains(&c) => open = Some(c),
            None => out.push(c),
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q || c == '\n' => {
                open = None;
                out.push(' ');
            }
            Some(_) => {}
        }
    }
    out
}

fn list(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
        .collect();
    v.sort();
    v
}

fn snake(s: &str) -> String {
    s.replace('-', "_")
}

fn pascal(s: &str) -> String {
    s.split(['-', '_']).map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

/// The name a face is expected to use, when faces.txt gives none.
fn default_name(face: &str, command: &str, option: &str) -> String {
    match (face, option) {
        ("python", "-") => snake(command),
        ("c", "-") => format!("tm_{}", snake(command)),
        ("csharp", "-") => pascal(command),
        ("csharp", o) => pascal(o),
        (_, o) => snake(o),
    }
}

enum Entry {
    Name(String),
    /// A justified gap (its reason is checked when the file is read).
    Exception,
}

/// tests/parity/faces.txt: `FACE COMMAND OPTION = NAME` or `FACE COMMAND OPTION ! REASON`.
fn entries() -> BTreeMap<(String, String, String), Entry> {
    let text = std::fs::read_to_string(root().join("crates/transform-model-cli/tests/parity/faces.txt")).unwrap();
    let mut map = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (face, command, option) = (words.next(), words.next(), words.next());
        let rest = words.collect::<Vec<_>>().join(" ");
        let (Some(face), Some(command), Some(option)) = (face, command, option) else {
            panic!("faces.txt line {}: `{line}` is not FACE COMMAND OPTION = NAME | ! REASON", i + 1)
        };
        assert!(FACES.contains(&face), "faces.txt line {}: unknown face `{face}`", i + 1);
        let entry = if let Some(name) = rest.strip_prefix('=') {
            Entry::Name(name.trim().to_owned())
        } else if let Some(reason) = rest.strip_prefix('!') {
            assert!(reason.trim().len() >= 20, "faces.txt line {}: an exception needs its reason", i + 1);
            Entry::Exception
        } else {
            panic!("faces.txt line {}: expected `= NAME` or `! REASON`", i + 1)
        };
        let key = (face.to_owned(), command.to_owned(), option.trim_start_matches("--").to_owned());
        assert!(map.insert(key, entry).is_none(), "faces.txt line {}: listed twice", i + 1);
    }
    map
}

#[test]
fn every_cli_command_and_option_is_in_every_face() {
    let entries = entries();
    let faces: BTreeMap<&str, BTreeSet<String>> = FACES.iter().map(|f| (*f, words(f))).collect();
    let mut missing = Vec::new();
    let mut seen = BTreeSet::new();
    for command in subcommands() {
        let opts = options(&command);
        for option in std::iter::once("-".to_owned()).chain(opts.keys().cloned()) {
            for face in FACES {
                let key = (face.to_owned(), command.clone(), option.clone());
                seen.insert(key.clone());
                let names = match entries.get(&key) {
                    Some(Entry::Exception) => continue,
                    Some(Entry::Name(n)) => n.split('|').map(|s| s.trim().to_owned()).collect(),
                    None => vec![default_name(face, &command, &option)],
                };
                // A command name in C is a prefix of its functions (tm_assess_csv, …).
                let has = |n: &String| {
                    faces[face].contains(n)
                        || (face == "c" && option == "-" && faces[face].iter().any(|w| w.starts_with(&format!("{n}_"))))
                };
                if !names.iter().any(has) {
                    let shown = if option == "-" { command.clone() } else { format!("{command} --{option}") };
                    missing.push(format!("{face}: {shown} (looked for {})", names.join(" | ")));
                }
            }
        }
    }
    let stale: Vec<String> =
        entries.keys().filter(|k| !seen.contains(*k)).map(|(f, c, o)| format!("{f} {c} --{o}")).collect();
    assert!(stale.is_empty(), "faces.txt lists options the CLI does not have:\n{}", stale.join("\n"));
    assert!(
        missing.is_empty(),
        "{} CLI command(s)/option(s) missing from a face (add them, or list them in tests/parity/faces.txt with the reason):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The defaults the CLI documents are the core's (`AssessOptions::default()` and friends),
/// which C reads through `tm_*_options_default()`, C# through C, and Python's signatures
/// repeat (checked here too).
#[test]
fn documented_defaults_are_the_cores() {
    let d = transform_model::AssessOptions::default();
    let assess = options("assess");
    let expect = [
        ("min-group-size", d.min_group_size.to_string()),
        ("min-dispersion-n", d.min_dispersion_n.to_string()),
        ("min-common-items", d.min_common_items.to_string()),
        ("bootstrap", d.bootstrap.to_string()),
        ("seed", d.seed.to_string()),
    ];
    let python = std::fs::read_to_string(root().join("python/transform_model/_assess.py")).unwrap();
    let signature = python.split("def assess(").nth(1).and_then(|s| s.split("->").next()).unwrap_or_default();
    for (option, value) in expect {
        assert_eq!(assess.get(option).cloned().flatten().as_deref(), Some(value.as_str()), "CLI assess --{option}");
        let py = format!("{}: int = {value}", snake(option));
        assert!(signature.contains(&py), "Python assess() lacks `{py}` (the core's default)");
    }
    let m = transform_model::ingredient::MatchOptions::default();
    assert_eq!(options("match").get("top").cloned().flatten(), Some(m.top.to_string()), "CLI match --top");
    let p = transform_model::mission::AnalysisOptions::default();
    assert_eq!(
        options("portfolio").get("horizon").cloned().flatten(),
        Some(p.horizon.to_string()),
        "CLI portfolio --horizon"
    );
}

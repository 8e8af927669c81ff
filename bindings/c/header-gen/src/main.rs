//! Writes include/transform_model.h from bindings/c with the pinned cbindgen, adding the
//! version macros from the workspace version. CI runs it and fails on any difference.
//!
//! `--check` writes nothing: it compares the header on disk with fresh output and exits
//! with status 1 (naming the first differing line) when they differ, so a regenerated but
//! uncommitted or unstaged header is judged by its content, not by git's index.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("unknown argument `{other}`; usage: transform-model-c-header [--check]");
            return ExitCode::from(2);
        }
    };
    // `cargo run` sets CARGO_MANIFEST_DIR at run time; the compile-time value is only the
    // fallback, as a binary built in another checkout (a copied target/) would otherwise
    // write that checkout's header.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    let root = PathBuf::from(manifest).join("../../..").canonicalize().expect("workspace root");
    let fresh = generate(&root);
    let out = root.join("include/transform_model.h");
    if !check {
        std::fs::write(&out, &fresh).expect("include/transform_model.h is writable");
        println!("wrote {}", out.display());
        return ExitCode::SUCCESS;
    }
    let on_disk = std::fs::read_to_string(&out).unwrap_or_default();
    match first_difference(&on_disk, &fresh) {
        None => ExitCode::SUCCESS,
        Some(line) => {
            eprintln!(
                "{} is stale (first difference at line {line}): run `cargo run -p transform-model-c-header` and commit it",
                out.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// The header text cbindgen produces for bindings/c now.
fn generate(root: &std::path::Path) -> String {
    let crate_dir = root.join("bindings/c");
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split('.').map(|p| p.parse::<u32>().expect("numeric version"));
    let (major, minor, patch) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    let mut config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(format!(
        "\n#define TM_VERSION \"{version}\"\n#define TM_VERSION_MAJOR {major}\n#define TM_VERSION_MINOR {minor}\n#define TM_VERSION_PATCH {patch}\n"
    ));
    let mut bytes = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut bytes);
    String::from_utf8(bytes).expect("cbindgen writes UTF-8")
}

/// The 1-based number of the first line where `a` and `b` differ, or `None` when equal.
fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let mut la = a.lines();
    let mut lb = b.lines();
    let mut n = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            _ => return Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn equal_texts_have_no_difference_and_the_first_changed_line_is_named() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\nc\n", "a\nX\nc\n"), Some(2));
        // A missing trailing line: line 3 exists in one text only.
        assert_eq!(first_difference("a\nb\n", "a\nb\nc\n"), Some(3));
        // Only a trailing newline differs: every line is equal, the difference is after the last.
        assert_eq!(first_difference("a\nb", "a\nb\n"), Some(3));
    }
}

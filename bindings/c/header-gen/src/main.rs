//! Writes include/transform_model.h from bindings/c with the pinned cbindgen, adding the
//! version macros from the workspace version. CI runs it and fails on any difference.

use std::path::PathBuf;

fn main() {
    // `cargo run` sets CARGO_MANIFEST_DIR at run time; the compile-time value is only the
    // fallback, as a binary built in another checkout (a copied target/) would otherwise
    // write that checkout's header.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    let root = PathBuf::from(manifest).join("../../..").canonicalize().expect("workspace root");
    let crate_dir = root.join("bindings/c");
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split('.').map(|p| p.parse::<u32>().expect("numeric version"));
    let (major, minor, patch) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    let mut config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(format!(
        "\n#define TM_VERSION \"{version}\"\n#define TM_VERSION_MAJOR {major}\n#define TM_VERSION_MINOR {minor}\n#define TM_VERSION_PATCH {patch}\n"
    ));
    let out = root.join("include/transform_model.h");
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write_to_file(&out);
    println!("wrote {}", out.display());
}

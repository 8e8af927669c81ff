//! Gives the shared library its SONAME, `libtransform_model_c.so.N` with N the ABI version
//! (`TM_ABI_VERSION` in src/abi.rs; scripts/test-c.sh checks that the two agree), so a
//! program linked against ABI N never loads a library of another ABI.
//!
//! A program linked against the build tree records that SONAME, so the build also leaves the
//! link `libtransform_model_c.so.N -> libtransform_model_c.so` next to the library (cargo
//! itself only writes the unversioned file): such a program starts from the build tree.

use std::path::{Path, PathBuf};

const ABI_VERSION: u32 = 2;

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" || os == "freebsd" {
        let soname = format!("libtransform_model_c.so.{ABI_VERSION}");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
        if let Some(dir) = std::env::var_os("OUT_DIR").and_then(|out| profile_dir(Path::new(&out))) {
            link_soname(&dir, &soname);
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// The folder cargo puts the library in: OUT_DIR is `<profile>/build/<package>-<hash>/out`.
fn profile_dir(out_dir: &Path) -> Option<PathBuf> {
    let build = out_dir.parent()?.parent()?;
    (build.file_name()? == "build").then(|| build.parent().map(Path::to_path_buf))?
}

/// A relative link, dangling until cargo writes the library; an existing one is left alone.
fn link_soname(dir: &Path, soname: &str) {
    let link = dir.join(soname);
    if link.symlink_metadata().is_ok() {
        return;
    }
    #[cfg(unix)]
    if let Err(e) = std::os::unix::fs::symlink("libtransform_model_c.so", &link) {
        println!("cargo:warning=could not create {}: {e}", link.display());
    }
}

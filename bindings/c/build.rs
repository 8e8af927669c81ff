//! Gives the shared library its SONAME, `libtransform_model_c.so.N` with N the ABI version
//! (`TM_ABI_VERSION` in src/abi.rs; scripts/test-c.sh checks that the two agree), so a
//! program linked against ABI N never loads a library of another ABI.

const ABI_VERSION: u32 = 1;

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" || os == "freebsd" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libtransform_model_c.so.{ABI_VERSION}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

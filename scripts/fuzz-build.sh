#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ the way cargo-fuzz does (SanitizerCoverage with
# compare tracing, debug assertions, overflow checks; no AddressSanitizer: the code is safe
# Rust, and the C ABI's memory is checked by scripts/test-sanitize.sh).
# Sourced by test-fuzz.sh and fuzz-long.sh; sets FUZZ_BIN to the folder of the binaries.
# Sourced under `|| status=$?`, so errors are returned explicitly: 1 when the build fails,
# 3 when there is no nightly toolchain (cargo-fuzz's layout is tested on nightly only).
if ! cargo +nightly --version >/dev/null 2>&1; then
  return 3
fi
fuzz_target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")/fuzz"
fuzz_triple=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
  cargo +nightly build -q --release --manifest-path fuzz/Cargo.toml --target "$fuzz_triple" --target-dir "$fuzz_target_dir" || return 1
# Not --locked: fuzz/Cargo.lock follows the core's dependencies as they change.
FUZZ_BIN="$fuzz_target_dir/$fuzz_triple/release"
# Every target named in fuzz/Cargo.toml.
FUZZ_ALL=$(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^transform-model-fuzz$')

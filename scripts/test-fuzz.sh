#!/usr/bin/env bash
# Fuzz smoke: builds the libFuzzer targets of fuzz/ and runs each for a few seconds from its
# committed seed corpus. Usage: scripts/test-fuzz.sh [SECONDS per target, default 5]
#   FUZZ_TARGETS="a b" limits the targets; a crash or leak fails the step.
# The targets are built as cargo-fuzz builds them (SanitizerCoverage, debug assertions),
# without AddressSanitizer: the code is safe Rust, and the C ABI's memory is checked by
# scripts/test-sanitize.sh. The nightly toolchain is used when present; without it the
# step is skipped with a message (the flags need no nightly feature, but cargo-fuzz's
# layout is tested on nightly only).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-5}
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz smoke skipped: no nightly toolchain (rustup toolchain install nightly)" >&2
  exit 0
fi
target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")/fuzz"
triple=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# Not --locked: fuzz/Cargo.lock follows the core's dependencies as they change.
cargo +nightly build -q --release --manifest-path fuzz/Cargo.toml --target "$triple" --target-dir "$target_dir"
bin="$target_dir/$triple/release"

targets=${FUZZ_TARGETS:-$(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^transform-model-fuzz$')}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in $targets; do
  mkdir -p "$scratch/$t"
  # The seeds are read, not written: new inputs go to the scratch corpus.
  log="$scratch/$t.log"
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds=("fuzz/corpus/$t")
  if ! RUST_BACKTRACE=1 "$bin/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=20 \
    -artifact_prefix="$scratch/$t-" "$scratch/$t" "${seeds[@]}" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz target $t failed; the input is in the log above (artifact under $scratch)" >&2
    exit 1
  fi
  printf '%-18s %s\n' "$t" "$(grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/ *lim:.*//')"
done
echo "fuzz smoke passed"

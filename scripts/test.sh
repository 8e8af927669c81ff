#!/usr/bin/env bash
# Runs every test of the project and installs what it needs. Usage: scripts/test.sh
#   Rust (fmt, clippy, unit, integration, property tests, examples), C (header freshness,
#   gcc -Werror, valgrind), C# (Mono; installed through apt when missing), Python (own venv).
set -euo pipefail
cd "$(dirname "$0")/.."
# Every build here is a fresh one: incremental caches only cost time and disk.
export CARGO_INCREMENTAL=0

# Each step prints the minutes and seconds since the start, so a slow step shows in CI's log.
step() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings
# Every unsafe block of the C ABI (and of the core it builds) says why it is sound.
cargo clippy -p transform-model-c -- -D clippy::undocumented_unsafe_blocks

step "public API"
# The core's public surface against docs/public-api.txt (skips with a reason without nightly).
bash scripts/public-api.sh

step "Rust tests"
cargo test --workspace
# The house's counts (modules, imports, circles, upward imports) in the log; it ran above too.
cargo test -q -p transform-model --test house -- --nocapture 2>&1 | grep 'house:' || true

step "examples and CLI"
cargo run -q --release -p transform-model --example compound_recall
cargo run -q --release -p transform-model-cli -- demo | grep -q "Virksomme ingredienser"
if cargo run -q --release -p transform-model-cli -- assess /nonexistent.csv 2>/dev/null; then
  echo "assess on a missing file must fail" >&2; exit 1
fi

for extra in scripts/test-c.sh scripts/test-csharp.sh scripts/test-python.sh scripts/test-units.sh scripts/test-crate.sh scripts/test-report.sh scripts/test-sanitize.sh scripts/test-fuzz.sh; do
  step "$extra"
  bash "$extra"
done

step "all tests passed"

#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs (nothing beyond Rust for the
# Rust suite). Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests"
cargo test --workspace

step "CLI smoke: demo and error exit code"
cargo run -q --release -p transform-model-cli -- demo | grep -q "Projektkommune\|Driftskommune\|Koordinerende"
if cargo run -q --release -p transform-model-cli -- assess /nonexistent.csv 2>/dev/null; then
  echo "assess on a missing file must fail" >&2; exit 1
fi

for extra in scripts/test-*.sh; do
  [ -e "$extra" ] || continue
  step "$extra"
  bash "$extra"
done

step "all tests passed"

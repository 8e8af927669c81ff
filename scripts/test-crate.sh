#!/usr/bin/env bash
# The crate as a Rust developer meets it (issue 18): the docs build with warnings denied
# (every public item documented, intra-doc links resolve), the usage examples run on the
# bundled samples, the core builds with no optional dependency and with every feature, the
# declared rust-version is honest, and `cargo package` passes with its verification build.
# The doctests run in `cargo test --workspace` (scripts/test.sh). Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step prints the seconds since the script started (the CI budget is 3 minutes).
step() { printf -- '--> [%3ss] %s\n' "$SECONDS" "$*"; }

step "docs, warnings denied (default and no features)"
RUSTDOCFLAGS="-D warnings" cargo doc -q -p transform-model --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc -q -p transform-model --no-deps --no-default-features

step "usage examples (no arguments, bundled samples)"
# Each prints a line only a working run can print.
check_example() {
  local name=$1 expect=$2 out
  out=$(cargo run -q -p transform-model --example "$name")
  grep -q -- "$expect" <<<"$out" || { printf '%s\n' "$out" >&2; echo "example $name: no \`$expect\` in its output" >&2; exit 1; }
}
check_example assess_survey "overall score"
check_example portfolio "could close"
check_example match_problem "dosisdispensering"
check_example plan "actions"

step "features: the core (and the CLI on it) without optional dependencies, and with all"
cargo build -q -p transform-model -p transform-model-cli --no-default-features
cargo build -q -p transform-model --all-features
# The tests, examples and benches compile without the optional features too (a test that
# needs one is gated by it).
cargo check -q -p transform-model --no-default-features --all-targets
optional=$(cargo tree -q -p transform-model --no-default-features -e normal --prefix none |
  grep -E '^(calamine|rust_xlsxwriter|zip|quick-xml|minijinja) ' || true)
if [ -n "$optional" ]; then
  echo "--no-default-features still pulls in: $optional" >&2
  exit 1
fi

step "rust-version equals the highest among the dependencies used"
cargo test -q -p transform-model --test msrv

step "cargo package (verification build of the packaged crate)"
package=(cargo package -q -p transform-model)
if [ -n "$(git status --porcelain -- crates/transform-model 2>/dev/null)" ]; then
  # A clean clone (CI) packages strictly; a contributor's edited tree packages as it is.
  [ -z "${CI:-}" ] || { echo "cargo package: the tree has uncommitted changes in CI" >&2; exit 1; }
  package+=(--allow-dirty)
fi
"${package[@]}"
echo "crate checks passed in ${SECONDS}s"

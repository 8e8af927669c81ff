#!/usr/bin/env bash
# The core crate's public API against the committed list docs/public-api.txt, so that the
# surface grows only deliberately. Needs nightly (rustdoc's JSON output is unstable).
#   scripts/public-api.sh          check: fails with the difference when the API changed
#   scripts/public-api.sh --write  rewrite docs/public-api.txt from the code
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_INCREMENTAL=0
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "public API check skipped: no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
# A target dir of its own: nightly's artefacts never mix with stable's.
target=target/public-api
cargo +nightly rustdoc -q -p transform-model --lib --target-dir "$target" -- \
  -Z unstable-options --output-format json
json="$target/doc/transform_model.json"
if [ "${1:-}" = "--write" ]; then
  { echo "# The public API of transform-model (scripts/public-api.sh --write); one item a line."
    python3 scripts/public_api.py "$json"; } > docs/public-api.txt
  echo "wrote docs/public-api.txt ($(grep -vc '^#' docs/public-api.txt) items)"
else
  python3 scripts/public_api.py "$json" --check docs/public-api.txt
fi

#!/usr/bin/env bash
# Side-by-side peer benchmarks (one run each, on this machine):
#   matching vs rank_bm25 and scikit-learn; a saved 100k index loaded and queried as one
#   process vs rank_bm25's and scikit-learn's load + build + query; assess from Python (numpy and DataFrame) vs Rust
#   and vs pandas+pingouin; Portfolio.analyse from Python vs Rust.
# Installs the peers and the wheel into .venv-bench.
#   matching quality on the judged query set vs rank_bm25 (and PREV_BIN, a previous build).
#   Python frames from Rust values vs the core: match_many, the 5,000 × 50 portfolio's frames, a plan's frames.
# Usage: scripts/bench-peers.sh [match|index|quality|assess|portfolio|values]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
fi
.venv-bench/bin/pip install -q --disable-pip-version-check rank_bm25 scikit-learn numpy pandas pingouin "maturin>=1.16,<2"
what=${1:-all}
if [ "$what" = all ] || [ "$what" = match ]; then
  .venv-bench/bin/python bench/peers_match.py
fi
if [ "$what" = all ] || [ "$what" = index ]; then
  .venv-bench/bin/python bench/peers_index.py
fi
if [ "$what" = all ] || [ "$what" = quality ]; then
  [ -n "${TM_BIN:-}" ] || cargo build --release -q -p transform-model-cli
  .venv-bench/bin/python bench/quality_match.py
fi
if [ "$what" = all ] || [ "$what" = assess ] || [ "$what" = portfolio ] || [ "$what" = values ]; then
  wheels=$(realpath -m "${CARGO_TARGET_DIR:-target}")/wheels-bench
  rm -rf "$wheels"
  .venv-bench/bin/maturin build --release -q -o "$wheels"
  .venv-bench/bin/pip install -q --force-reinstall --no-deps "$wheels"/*.whl
fi
if [ "$what" = all ] || [ "$what" = assess ]; then
  .venv-bench/bin/python bench/peers_assess.py
fi
if [ "$what" = all ] || [ "$what" = portfolio ]; then
  .venv-bench/bin/python bench/peers_portfolio.py
fi
if [ "$what" = all ] || [ "$what" = values ]; then
  .venv-bench/bin/python bench/python_values.py
fi

#!/usr/bin/env bash
# Python package tests: builds the abi3 wheel with maturin into its own virtual environment
# (.venv), installs it with the test tools, runs pytest (API, errors, pickling, spawn pool,
# notebook through a real kernel, stubtest).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# factor_analyzer 0.5.1 (item-analysis omega reference) calls check_array(force_all_finite=), gone in scikit-learn 1.6.
.venv/bin/pip install -q --disable-pip-version-check "maturin>=1.16,<2" pytest pandas numpy nbclient nbformat ipykernel mypy factor_analyzer "scikit-learn<1.6" pyxform openpyxl scipy jsonschema "dask[distributed]"
wheels=$(realpath -m "${CARGO_TARGET_DIR:-target}")/wheels
rm -rf "$wheels"
.venv/bin/maturin build --release -q -o "$wheels"
.venv/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/*.whl
cargo build --release -q -p transform-model-cli
.venv/bin/python -m pytest -q

#!/usr/bin/env bash
# Times the matcher against rank_bm25 and scikit-learn on the same corpus, side by side.
# Installs the peers into .venv-bench. Usage: scripts/bench-peers.sh   (N_INTERVENTIONS=… to resize)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q --disable-pip-version-check rank_bm25 scikit-learn numpy
fi
.venv-bench/bin/python bench/peers_match.py

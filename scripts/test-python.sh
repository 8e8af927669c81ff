#!/usr/bin/env bash
# Python package tests: builds the abi3 wheel with maturin into its own virtual environment
# (.venv), installs it with the test tools, runs pytest (API, errors, pickling, spawn pool,
# notebook through a real kernel, stubtest). The wheel is the one shipped: linked with zig
# against glibc 2.28 (manylinux_2_28: RHEL 8, Debian 10, Ubuntu 20.04 and later), stripped;
# auditwheel and objdump check that it needs nothing newer.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# factor_analyzer 0.5.1 (item-analysis omega reference) calls check_array(force_all_finite=), gone in scikit-learn 1.6.
.venv/bin/pip install -q --disable-pip-version-check "maturin>=1.16,<2" "ziglang==0.17.1" "auditwheel>=6" pytest pandas numpy nbclient nbformat ipykernel mypy factor_analyzer "scikit-learn<1.6" pyxform openpyxl scipy jsonschema "dask[distributed]"
wheels=$(realpath -m "${CARGO_TARGET_DIR:-target}")/wheels
rm -rf "$wheels"
# maturin finds zig through `python3 -m ziglang`, so the venv comes first on PATH.
# The same zig wrapper folder as scripts/build-c.sh: the C library's dependencies are reused.
CARGO_ZIGBUILD_CACHE_DIR="$(realpath -m "${CARGO_TARGET_DIR:-target}")/zigbuild" \
  PATH="$PWD/.venv/bin:$PATH" .venv/bin/maturin build --release -q --zig --compatibility manylinux_2_28 -o "$wheels"
wheel=$(ls "$wheels"/*.whl)
case $(basename "$wheel") in
  *-abi3-manylinux_2_28_*.whl) ;;
  *) echo "wheel $(basename "$wheel") is not tagged abi3 manylinux_2_28" >&2; exit 1 ;;
esac
# auditwheel reads the symbol versions the extension needs and names the newest tag they allow.
.venv/bin/auditwheel show "$wheel" >"$wheels/auditwheel.txt"
.venv/bin/python - "$wheels/auditwheel.txt" <<'PY'
import re, sys
text = " ".join(open(sys.argv[1]).read().split())
m = re.search(r'consistent with the following platform tag: "manylinux_(\d+)_(\d+)_x86_64"', text)
assert m and (int(m[1]), int(m[2])) <= (2, 28), "auditwheel: the wheel needs more than glibc 2.28: " + text
print(f"auditwheel: manylinux_{m[1]}_{m[2]}")
PY
# The same from the extension itself: no versioned glibc symbol newer than 2.28, no symbol table.
.venv/bin/python - "$wheel" <<'PY'
import re, subprocess, sys, tempfile, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, tempfile.TemporaryDirectory() as d:
    so = [n for n in z.namelist() if n.endswith(".so")]
    assert len(so) == 1, so
    path = z.extract(so[0], d)
    dyn = subprocess.run(["objdump", "-T", path], check=True, capture_output=True, text=True).stdout
    versions = sorted({tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_([0-9.]+)", dyn)})
    assert versions and versions[-1] <= (2, 28), f"{so[0]} needs GLIBC_{'.'.join(map(str, versions[-1]))}"
    sections = subprocess.run(["readelf", "-S", path], check=True, capture_output=True, text=True).stdout
    assert ".symtab" not in sections, f"{so[0]} is not stripped"
    print(f"wheel: {so[0]} needs GLIBC_{'.'.join(map(str, versions[-1]))} at most, stripped")
PY
.venv/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
cargo build --release -q -p transform-model-cli
.venv/bin/python -m pytest -q

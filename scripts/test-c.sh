#!/usr/bin/env bash
# C ABI tests: header freshness and version, C programs against the shared and the static
# library as shipped (glibc 2.28, stripped: scripts/build-c.sh; warnings as errors), valgrind
# with zero errors and zero leaks, the docs' example built and run as written.
set -euo pipefail
cd "$(dirname "$0")/.."

# The library as shipped; build-c.sh fails if a symbol needs a glibc newer than 2.28.
lib=$(scripts/build-c.sh)
cargo build --release -q -p transform-model-cli
cli="$(realpath -m "${CARGO_TARGET_DIR:-target}")/release/transform-model"
# The committed header equals fresh generator output (the working file, staged or not).
cargo run -q -p transform-model-c-header -- --check
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
grep -q "#define TM_VERSION \"$version\"" include/transform_model.h || { echo "header version != Cargo.toml $version" >&2; exit 1; }

out=$(realpath -m "${CARGO_TARGET_DIR:-target}/c-tests")
# The SONAME is libtransform_model_c.so.N (N = TM_ABI_VERSION): programs linked here look for
# that name, as they would in an installed prefix (scripts/install-c.sh). The build leaves the
# link of that name next to the library (bindings/c/build.rs), so they start from the build tree.
abi=$(sed -n 's/^#define TM_ABI_VERSION \([0-9]*\)$/\1/p' include/transform_model.h)
soname=$(readelf -d "$lib/libtransform_model_c.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libtransform_model_c.so.$abi" ] || { echo "SONAME '$soname' != libtransform_model_c.so.$abi (bindings/c/build.rs)" >&2; exit 1; }
[ "$(readlink "$lib/$soname")" = libtransform_model_c.so ] || { echo "the build left no link $lib/$soname -> libtransform_model_c.so" >&2; exit 1; }
# Stripped: no symbol table, no debug info; the exported functions stay in the dynamic table.
if readelf -S "$lib/libtransform_model_c.so" | grep -qE '\.(symtab|debug_)'; then
  echo "libtransform_model_c.so is not stripped (Cargo.toml [profile.release] strip)" >&2; exit 1
fi
mkdir -p "$out"
flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude)
gcc "${flags[@]}" tests/c/test_api.c -o "$out/test_api_shared" -L"$lib" -ltransform_model_c -lm -Wl,-rpath,"$lib"
gcc "${flags[@]}" tests/c/test_api.c -o "$out/test_api_static" "$lib/libtransform_model_c.a" -lm -lpthread -ldl
gcc "${flags[@]}" tests/c/test_index.c -o "$out/test_index" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
gcc "${flags[@]}" tests/c/test_abi.c -o "$out/test_abi" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
gcc "${flags[@]}" -pthread tests/c/test_threads.c -o "$out/test_threads" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"

csv=crates/transform-model/data/sample_responses.csv
catalog=crates/transform-model/data/catalog.json
expected=$("$cli" assess "$csv" --bootstrap 200 --seed 7 --format json |
  python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["overall"]["score"]))')

"$out/test_api_shared" "$csv" "$expected" "$catalog"
"$out/test_api_static" "$csv" "$expected" "$catalog"
"$out/test_threads" "$csv"
"$out/test_abi" "$csv"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$out/test_index" "$catalog" "$scratch"
# The plan (tests/c/test_plan.c): its JSON equals the CLI's.
gcc "${flags[@]}" tests/c/test_plan.c -o "$out/test_plan" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
"$cli" plan "$csv" --portfolio crates/transform-model/data/portfolio.json --catalog "$catalog" \
  --start-year 2026 --format json >"$out/plan.json"
"$out/test_plan" "$csv" "$catalog" "$out/plan.json"
# Breakdowns, the differencing attack, error fields, labels, tables (tests/c/test_units.c).
gcc "${flags[@]}" tests/c/test_units.c -o "$out/test_units" -L"$lib" -ltransform_model_c -lm -Wl,-rpath,"$lib"
"$out/test_units" "$scratch"
# A survey tool's export through tm_read_options, items options, bundled data by name, the
# portfolio template, the carried-over comparison (tests/c/test_read.c).
gcc "${flags[@]}" tests/c/test_read.c -o "$out/test_read" -L"$lib" -ltransform_model_c -lm -Wl,-rpath,"$lib"
"$out/test_read" "$scratch"
# The report (tests/c/test_report.c): its HTML equals the CLI's.
gcc "${flags[@]}" tests/c/test_report.c -o "$out/test_report" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
"$cli" report "$csv" --portfolio crates/transform-model/data/portfolio.json --catalog "$catalog" \
  --invited politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30 --out "$out/report.html"
"$out/test_report" "$csv" "$catalog" "$out/report.html" crates/transform-model/data/sample_responses_ci.csv

if command -v valgrind >/dev/null; then
  vg=(valgrind -q --num-callers=60 --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible --suppressions=tests/c/valgrind.supp)
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_api_shared" "$csv" "$expected" "$catalog"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_threads" "$csv"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_abi" "$csv"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_index" "$catalog" "$scratch"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_units" "$scratch"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_read" "$scratch"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_report" "$csv" "$catalog" "$out/report.html" crates/transform-model/data/sample_responses_ci.csv
else
  echo "valgrind not found: memory checks skipped" >&2
  [ -z "${CI:-}" ] || exit 1
fi

# The docs' C example, built and run exactly as docs/c-api.md writes it: the C block saved as
# ~/my-survey/example.c next to a survey.csv, then the sh block after it run line for line
# from the repository's root. HOME is a scratch folder, so ~/.local is a non-system prefix:
# the program starts only through the rpath that the installed pkg-config file adds.
command -v pkg-config >/dev/null || {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "pkg-config missing" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pkg-config >/dev/null
}
home="$scratch/home"
mkdir -p "$home/my-survey"
awk '/^```c$/{f=1;next} /^```$/{f=0} f' docs/c-api.md >"$home/my-survey/example.c"
cp "$csv" "$home/my-survey/survey.csv"
awk '/^## C example/{s=1} s && /^```sh$/{f=1;next} f && /^```$/{exit} f' docs/c-api.md >"$out/doc_example.sh"
grep -q 'pkg-config' "$out/doc_example.sh" || { echo "docs/c-api.md: no build commands after the C example" >&2; exit 1; }
env -u LD_LIBRARY_PATH CARGO_HOME=${CARGO_HOME:-$HOME/.cargo} RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} HOME="$home" PKG_CONFIG_PATH= \
  bash -euo pipefail "$out/doc_example.sh" >"$out/doc_example.out" 2>"$out/doc_example.err" ||
  { cat "$out/doc_example.out" "$out/doc_example.err" >&2; exit 1; }
if grep -qi 'warning' "$out/doc_example.err"; then
  echo "the docs' example warns:" >&2; cat "$out/doc_example.err" >&2; exit 1
fi
grep -q '^overall level [1-5] (mean [1-5]\.[0-9][0-9])$' "$out/doc_example.out" ||
  { echo "the docs' example printed no overall level:" >&2; cat "$out/doc_example.out" >&2; exit 1; }
# It found the library through the rpath to the prefix (no LD_LIBRARY_PATH was set).
readelf -d "$home/my-survey/example" | grep -q "R.*PATH.*$home/.local/lib" ||
  { echo "the docs' example carries no rpath to $home/.local/lib" >&2; exit 1; }
echo "C API tests passed"

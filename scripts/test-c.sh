#!/usr/bin/env bash
# C ABI tests: header freshness and version, C programs against the shared and the static
# library (warnings as errors), valgrind with zero errors and zero leaks.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -q -p transform-model-c -p transform-model-cli
# The committed header equals fresh generator output (the working file, staged or not).
cargo run -q -p transform-model-c-header -- --check
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
grep -q "#define TM_VERSION \"$version\"" include/transform_model.h || { echo "header version != Cargo.toml $version" >&2; exit 1; }

target=${CARGO_TARGET_DIR:-target}
lib=$(realpath -m "$target/release")
out=$(realpath -m "$target/c-tests")
# The SONAME is libtransform_model_c.so.N (N = TM_ABI_VERSION): programs linked here look for
# that name, as they would in an installed prefix (scripts/install-c.sh).
abi=$(sed -n 's/^#define TM_ABI_VERSION \([0-9]*\)$/\1/p' include/transform_model.h)
soname=$(readelf -d "$lib/libtransform_model_c.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libtransform_model_c.so.$abi" ] || { echo "SONAME '$soname' != libtransform_model_c.so.$abi (bindings/c/build.rs)" >&2; exit 1; }
ln -sf libtransform_model_c.so "$lib/$soname"
mkdir -p "$out"
flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude)
gcc "${flags[@]}" tests/c/test_api.c -o "$out/test_api_shared" -L"$lib" -ltransform_model_c -lm -Wl,-rpath,"$lib"
gcc "${flags[@]}" tests/c/test_api.c -o "$out/test_api_static" "$lib/libtransform_model_c.a" -lm -lpthread -ldl
gcc "${flags[@]}" tests/c/test_index.c -o "$out/test_index" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
gcc "${flags[@]}" tests/c/test_abi.c -o "$out/test_abi" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
gcc "${flags[@]}" -pthread tests/c/test_threads.c -o "$out/test_threads" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"

csv=crates/transform-model/data/sample_responses.csv
catalog=crates/transform-model/data/catalog.json
expected=$("$lib/transform-model" assess "$csv" --bootstrap 200 --seed 7 --format json |
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
"$lib/transform-model" plan "$csv" --portfolio crates/transform-model/data/portfolio.json --catalog "$catalog" \
  --start-year 2026 --format json >"$out/plan.json"
"$out/test_plan" "$csv" "$catalog" "$out/plan.json"
# The report (tests/c/test_report.c): its HTML equals the CLI's.
gcc "${flags[@]}" tests/c/test_report.c -o "$out/test_report" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
"$lib/transform-model" report "$csv" --portfolio crates/transform-model/data/portfolio.json --catalog "$catalog" \
  --invited politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30 --out "$out/report.html"
"$out/test_report" "$csv" "$catalog" "$out/report.html" crates/transform-model/data/sample_responses_ci.csv

if command -v valgrind >/dev/null; then
  vg=(valgrind -q --num-callers=60 --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible --suppressions=tests/c/valgrind.supp)
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_api_shared" "$csv" "$expected" "$catalog"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_threads" "$csv"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_abi" "$csv"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_index" "$catalog" "$scratch"
  RUST_BACKTRACE=0 "${vg[@]}" "$out/test_report" "$csv" "$catalog" "$out/report.html" crates/transform-model/data/sample_responses_ci.csv
else
  echo "valgrind not found: memory checks skipped" >&2
  [ -z "${CI:-}" ] || exit 1
fi

# The example of docs/c-api.md compiles without warnings and runs on the sample.
awk '/^```c$/{f=1;next} /^```$/{f=0} f' docs/c-api.md >"$out/doc_example.c"
gcc "${flags[@]}" "$out/doc_example.c" -o "$out/doc_example" -L"$lib" -ltransform_model_c -Wl,-rpath,"$lib"
cp "$csv" "$scratch/survey.csv"
(cd "$scratch" && "$out/doc_example" >/dev/null)

# pkg-config: an installed copy is found and links.
if command -v pkg-config >/dev/null; then
  scripts/install-c.sh "$out/prefix" >/dev/null
  export PKG_CONFIG_PATH="$out/prefix/lib/pkgconfig"
  # shellcheck disable=SC2046
  gcc -std=c11 -Wall -Werror tests/c/test_threads.c -pthread -o "$out/test_pkgconfig" $(pkg-config --cflags --libs transform_model_c) \
    -Wl,-rpath,"$out/prefix/lib"
  "$out/test_pkgconfig" "$csv"
fi
echo "C API tests passed"

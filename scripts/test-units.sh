#!/usr/bin/env bash
# Units and the national benchmark (issue 16) through the C API: three assessments written
# by the CLI with --municipality, benchmarked by the CLI and by tm_benchmark_json, which must
# agree; error statuses; valgrind. (Rust tests run with cargo test; the Python tests and the
# Dask example run in scripts/test-python.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
lib="$target/release"
out="$target/units-tests"
mkdir -p "$out"
cargo build --release -q -p transform-model-c -p transform-model-cli
flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude)
gcc "${flags[@]}" tests/c/test_benchmark.c -o "$out/test_benchmark" -L"$lib" -ltransform_model_c -Wl,-rpath,"$PWD/$lib"

files=()
for code_seed in 101:1 147:2 151:3; do
  code=${code_seed%%:*}
  seed=${code_seed##*:}
  "$lib/transform-model" sample --respondents 40 --seed "$seed" >"$out/survey_$code.csv"
  "$lib/transform-model" assess "$out/survey_$code.csv" --municipality "$code" --bootstrap 0 >"$out/$code.json"
  files+=("$out/$code.json")
done
"$lib/transform-model" benchmark "${files[@]}" --of 147 >"$out/benchmark.json"
"$out/test_benchmark" "${files[@]}" "$out/benchmark.json"
if command -v valgrind >/dev/null; then
  RUST_BACKTRACE=0 valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible \
    --suppressions=tests/c/valgrind.supp "$out/test_benchmark" "${files[@]}" "$out/benchmark.json"
fi
echo "units tests passed"

#!/usr/bin/env bash
# The C ABI under sanitizers (issue 17). Usage: scripts/test-sanitize.sh [CALLS per thread, default 10000]
#  1. AddressSanitizer + UndefinedBehaviorSanitizer (gcc): the C tests, built instrumented,
#     against the release library. The library itself is not instrumented, but its heap is
#     the C heap (Rust's allocator calls malloc), so ASan sees every double or invalid free
#     and use of a freed string the C side makes, and LeakSanitizer every handle not freed.
#  2. ThreadSanitizer (gcc): tests/c/test_stress.c, 8 threads × CALLS mixed calls on shared
#     handles, each answer compared with the single-threaded one. The library is not
#     instrumented (see tests/c/tsan.supp for why and what that leaves out): TSan checks the
#     C side of the ABI — threads sharing handles, the ids and strings handles own or return,
#     the per-thread last-error buffers.
#  Negative controls (tests/c/sanitizer_canary.c) must be reported, so zero reports mean the
#  checks were live.
set -euo pipefail
cd "$(dirname "$0")/.."

calls=${1:-10000}
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
lib="$target/release"
out="$target/c-sanitize"
mkdir -p "$out"
cargo build --release -q -p transform-model-c -p transform-model-cli
csv=crates/transform-model/data/sample_responses.csv
catalog=crates/transform-model/data/catalog.json
warn=(-std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude -g -fno-omit-frame-pointer)
link=(-L"$lib" -ltransform_model_c -Wl,-rpath,"$lib" -lm -pthread)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export RUST_BACKTRACE=0

# A control must fail with the sanitizer's report.
expect_report() {
  local what=$1 pattern=$2
  shift 2
  if "$@" >"$scratch/control.log" 2>&1; then
    echo "sanitizer control '$what' was not reported: the sanitizer is not live" >&2
    exit 1
  fi
  grep -q "$pattern" "$scratch/control.log" || { cat "$scratch/control.log" >&2; exit 1; }
  echo "control '$what' reported, as it must be"
}

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
asan=(-fsanitize=address,undefined -fno-sanitize-recover=all)
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
gcc "${warn[@]}" "${asan[@]}" tests/c/sanitizer_canary.c -o "$out/canary_asan" "${link[@]}"
expect_report double-free "AddressSanitizer" "$out/canary_asan" double-free
expect_report leak "LeakSanitizer" "$out/canary_asan" leak
for t in test_api test_index test_threads test_plan test_stress; do
  gcc "${warn[@]}" "${asan[@]}" "tests/c/$t.c" -o "$out/$t" "${link[@]}"
done
expected=$("$lib/transform-model" assess "$csv" --bootstrap 200 --seed 7 --format json |
  python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["overall"]["score"]))')
"$out/test_api" "$csv" "$expected" "$catalog"
"$out/test_index" "$catalog" "$scratch"
"$out/test_threads" "$csv"
"$lib/transform-model" plan "$csv" --portfolio crates/transform-model/data/portfolio.json --catalog "$catalog" \
  --start-year 2026 --format json >"$scratch/plan.json"
"$out/test_plan" "$csv" "$catalog" "$scratch/plan.json"
"$out/test_stress" "$csv" "$calls"
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "== ThreadSanitizer"
gcc "${warn[@]}" -fsanitize=thread tests/c/sanitizer_canary.c -o "$out/canary_tsan" "${link[@]}"
gcc "${warn[@]}" -fsanitize=thread tests/c/test_stress.c -o "$out/stress_tsan" "${link[@]}"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 report_thread_leaks=0 suppressions=$PWD/tests/c/tsan.supp"
expect_report race "ThreadSanitizer: data race" "$out/canary_tsan" race
"$out/stress_tsan" "$csv" "$calls"
echo "sanitizer runs passed: zero reports"

#!/usr/bin/env bash
# Fuzz smoke: builds the libFuzzer targets of fuzz/ and runs each for a few seconds from its
# committed seed corpus. Usage: scripts/test-fuzz.sh [SECONDS per target, default 5]
#   FUZZ_TARGETS="a b" limits the targets; a crash or leak fails the step.
# The targets are built by scripts/fuzz-build.sh; without a nightly toolchain the step is
# skipped with a message. Long runs: scripts/fuzz-long.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-5}
status=0
source scripts/fuzz-build.sh || status=$?
if [ "$status" = 3 ]; then
  echo "fuzz smoke skipped: no nightly toolchain (rustup toolchain install nightly)" >&2
  exit 0
fi
[ "$status" = 0 ] || exit "$status"
bin=$FUZZ_BIN
targets=${FUZZ_TARGETS:-$FUZZ_ALL}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in $targets; do
  mkdir -p "$scratch/$t"
  # The seeds are read, not written: new inputs go to the scratch corpus.
  log="$scratch/$t.log"
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds=("fuzz/corpus/$t")
  if ! RUST_BACKTRACE=1 "$bin/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=20 \
    -artifact_prefix="$scratch/$t-" "$scratch/$t" "${seeds[@]}" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz target $t failed; the input is in the log above (artifact under $scratch)" >&2
    exit 1
  fi
  printf '%-18s %s\n' "$t" "$(grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/ *lim:.*//')"
done
echo "fuzz smoke passed"

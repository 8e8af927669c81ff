#!/usr/bin/env bash
# Long fuzz runs: each target until it has run RUNS inputs or SECONDS have passed, whichever
# comes first (issue 17: 10 million executions or an hour), one target after another.
# Usage: scripts/fuzz-long.sh [TARGET...]   (default: every target)
#   FUZZ_SECONDS (3600), FUZZ_RUNS (10000000), FUZZ_WORK (target/fuzz-long): the growing
#   corpus per target, crash artifacts and one log per target. The committed seeds in
#   fuzz/corpus/ are read, never written. A crash stops that target (exit status 1 at the end)
#   and leaves its input as FUZZ_WORK/artifacts/TARGET-crash-…; make it a regression test.
# The summary line per target: executions, seconds, coverage (cov: edges, ft: features).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
source scripts/fuzz-build.sh || status=$?
[ "$status" = 3 ] && { echo "needs the nightly toolchain" >&2; exit 1; }
[ "$status" = 0 ] || exit "$status"
work=$(realpath -m "${FUZZ_WORK:-target/fuzz-long}")
seconds=${FUZZ_SECONDS:-3600}
runs=${FUZZ_RUNS:-10000000}
mkdir -p "$work/artifacts"
failed=0
[ $# -gt 0 ] || set -- $FUZZ_ALL
for t in "$@"; do
  mkdir -p "$work/corpus/$t"
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds=("fuzz/corpus/$t")
  start=$(date +%s)
  RUST_BACKTRACE=1 "$FUZZ_BIN/$t" -max_total_time="$seconds" -runs="$runs" -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" "$work/corpus/$t" "${seeds[@]}" \
    >"$work/$t.log" 2>&1
  code=$?
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$work/$t.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+')
  if [ "$code" = 0 ]; then
    printf '%-16s %12s executions in %5d s  %s\n' "$t" "${execs:-?}" "$took" "$last"
  else
    failed=1
    printf '%-16s CRASH after %d s (exit %d): %s\n' "$t" "$took" "$code" "$(ls "$work/artifacts/$t-"* 2>/dev/null | tail -1)"
  fi
done
exit "$failed"

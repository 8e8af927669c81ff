#!/usr/bin/env bash
# Runs NuGet.exe 5.8 under Mono: nuget.exe (not Debian's 2.8, which predates license
# expressions and buildTransitive) from the npm package nuget-exe, which ships the binary,
# installed once under the target folder. Usage: bindings/csharp/nuget.sh ARGS…
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=$(realpath -m "${CARGO_TARGET_DIR:-$root/target}")/tools/nuget
exe="$tools/node_modules/nuget-exe/nuget-5.8.0.exe"
if [ ! -f "$exe" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" nuget-exe@5.8.0 >&2
fi
exec mono "$exe" "$@"

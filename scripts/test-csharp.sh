#!/usr/bin/env bash
# C# P/Invoke test under Mono. Installs mono-mcs and mono-runtime through apt when missing;
# mandatory where CI is set, skipped with a message on machines without root or apt.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mcs >/dev/null || ! command -v mono >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mono-mcs mono-runtime >/dev/null
  elif [ -n "${CI:-}" ]; then
    echo "C# test: mcs/mono missing and cannot be installed (no root or apt), but CI is set" >&2
    exit 1
  else
    echo "C# test SKIPPED: mcs/mono missing and this machine has no root or apt to install them" >&2
    exit 0
  fi
fi

cargo build --release -q -p transform-model-c -p transform-model-cli
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
lib="$target/release"
out=$target/csharp-tests
mkdir -p "$out"
mcs -nologo -warnaserror -out:"$out/test.exe" tests/csharp/TransformModel.cs tests/csharp/Test.cs
csv=crates/transform-model/data/sample_responses.csv
expected=$("$lib/transform-model" assess "$csv" --bootstrap 200 --seed 7 --format json |
  python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["overall"]["score"]))')
top=$("$lib/transform-model" match "ældre medicin i hjemmeplejen" --top 5 --format json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["ingredients"][0]["id"])')
LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" mono "$out/test.exe" "$csv" "$expected" "$top"

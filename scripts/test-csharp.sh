#!/usr/bin/env bash
# The C# wrapper (bindings/csharp) under Mono: every header function imported and called,
# figures against the Rust CLI, then the NuGet package packed, installed from a local
# folder into a fresh directory, and a consumer compiled against it and run.
# Installs mono-mcs, mono-runtime and nuget through apt when missing; mandatory where CI is
# set, skipped with a message on machines without root or apt.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mcs >/dev/null || ! command -v mono >/dev/null || ! command -v nuget >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mono-mcs mono-runtime nuget >/dev/null
  elif [ -n "${CI:-}" ]; then
    echo "C# test: mcs/mono/nuget missing and cannot be installed (no root or apt), but CI is set" >&2
    exit 1
  else
    echo "C# test SKIPPED: mcs/mono/nuget missing and this machine has no root or apt to install them" >&2
    exit 0
  fi
fi

cargo build --release -q -p transform-model-c -p transform-model-cli
target=${CARGO_TARGET_DIR:-target}
lib="$(realpath -m "$target")/release"
out="$(realpath -m "$target/csharp-tests")"
rm -rf "$out"
mkdir -p "$out/scratch"

# 1. Nothing of the header is missing from the wrapper.
bindings/csharp/check-exports.sh "$lib/libtransform_model_c.so"

# 2. The wrapper and its test, warnings as errors.
mcs -nologo -warnaserror -target:library -out:"$out/TransformModel.dll" bindings/csharp/src/*.cs
mcs -nologo -warnaserror -out:"$out/TransformModel.Tests.exe" -r:"$out/TransformModel.dll" bindings/csharp/tests/Test.cs

csv=crates/transform-model/data/sample_responses.csv
expected=$("$lib/transform-model" assess "$csv" --bootstrap 200 --seed 7 --format json |
  python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["overall"]["score"]))')
top=$("$lib/transform-model" match "ældre medicin i hjemmeplejen" --top 5 --format json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["ingredients"][0]["id"])')
# Mono logs every P/Invoke it binds (on the first call): the list must be the header's.
LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" MONO_LOG_LEVEL=debug MONO_LOG_MASK=dll \
  mono "$out/TransformModel.Tests.exe" "$csv" "$expected" "$top" crates/transform-model/data/catalog.json \
  crates/transform-model/data/portfolio.json "$out/scratch" >"$out/test.log" 2>&1 || { grep -v '^Mono: ' "$out/test.log" >&2; exit 1; }
grep -v '^Mono: ' "$out/test.log"
grep -o "Found as 'tm_[a-z0-9_]*'" "$out/test.log" | sed "s/Found as '\(.*\)'/\1/" | sort -u >"$out/called"
bindings/csharp/check-exports.sh "$lib/libtransform_model_c.so" --list | grep '^tm_' >"$out/header"
if ! diff -u "$out/header" "$out/called"; then
  echo "C# test: the functions above (-) were never called by bindings/csharp/tests/Test.cs" >&2
  exit 1
fi
echo "C# test called all $(wc -l <"$out/called") functions"

# 3. The NuGet package: packed, installed from a local folder into a fresh directory, used.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
mkdir -p "$out/feed" "$out/fresh/packages" "$out/fresh/app"
# nuget resolves the nuspec's files next to it: pack from a staging folder.
mkdir -p "$out/pack"
cp bindings/csharp/TransformModel.nuspec "$out/TransformModel.dll" "$lib/libtransform_model_c.so" "$out/pack/"
(cd "$out/pack" && nuget pack TransformModel.nuspec -NoPackageAnalysis -OutputDirectory "$out/feed" -Properties "version=$version" >/dev/null)
nuget install TransformModel -Version "$version" -Source "$out/feed" -OutputDirectory "$out/fresh/packages" \
  -NonInteractive >/dev/null
pkg="$out/fresh/packages/TransformModel.$version"
# What a .NET SDK build does with the package: reference lib/, copy the runtime's native library.
cp "$pkg/lib/net45/TransformModel.dll" "$pkg/runtimes/linux-x64/native/libtransform_model_c.so" "$out/fresh/app/"
mcs -nologo -warnaserror -out:"$out/fresh/app/consumer.exe" -r:"$out/fresh/app/TransformModel.dll" bindings/csharp/consumer/Program.cs
(cd "$out/fresh/app" && env -u LD_LIBRARY_PATH mono consumer.exe)
echo "C# tests passed"

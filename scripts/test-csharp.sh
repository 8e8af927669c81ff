# The C# wrapper (bindings/csharp) under Mono: every header function imported and called,
# figures against the Rust CLI, then the NuGet package packed (nuget's package analysis on,
# warnings fail), restored with nuget from a local folder feed into a fresh .NET Framework
# packages.config project, built with xbuild and run.
# Installs Mono (mcs, xbuild, the 4.5 reference assemblies) through apt and NuGet.exe 5.8
# through npm when missing; mandatory where CI is set, skipped with a message on machines
# without root or apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# What NuGet.exe 5.8 loads beyond mono-runtime, and mono-devel for xbuild's reference assemblies.
mono_packages=(mono-mcs mono-runtime mono-devel mono-xbuild libmono-system-componentmodel-composition4.0-cil
  libmono-system-componentmodel-dataannotations4.0-cil libmono-windowsbase4.0-cil libmono-system-data-services-client4.0-cil
  libmono-system-servicemodel4.0a-cil libmono-system-net-http4.0-cil libmono-system-io-compression4.0-cil
  libmono-system-io-compression-filesystem4.0-cil)
if ! command -v mcs >/dev/null || ! command -v mono >/dev/null || ! command -v xbuild >/dev/null || [ ! -d /usr/lib/mono/4.5-api ] ||
  ! dpkg -s "${mono_packages[@]}" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${mono_packages[@]}" >/dev/null
  elif [ -n "${CI:-}" ]; then
    echo "C# test: Mono is missing and cannot be installed (no root or apt), but CI is set" >&2
    exit 1
  else
    echo "C# test SKIPPED: Mono is missing and this machine has no root or apt to install it" >&2
    exit 0
  fi
fi
command -v npm >/dev/null || { echo "C# test: npm (for NuGet.exe) is missing" >&2; exit 1; }

# The library as shipped: glibc 2.28, stripped (scripts/build-c.sh); the CLI for the figures.
lib=$(scripts/build-c.sh)
cargo build --release -q -p transform-model-cli
target=${CARGO_TARGET_DIR:-target}
cli="$(realpath -m "$target")/release/transform-model"
out="$(realpath -m "$target/csharp-tests")"
rm -rf "$out"
mkdir -p "$out/scratch"

# 1. Nothing of the header is missing from the wrapper.
bindings/csharp/check-exports.sh "$lib/libtransform_model_c.so"

# 2. The wrapper (strong-named, XML docs, warnings as errors) and its test, signed with the
#    same key (the wrapper's InternalsVisibleTo names the test by its public key).
bindings/csharp/build.sh "$out"
mcs -nologo -warnaserror -keyfile:bindings/csharp/TransformModel.snk -out:"$out/TransformModel.Tests.exe" \
  -r:"$out/TransformModel.dll" bindings/csharp/tests/*.cs

csv=crates/transform-model/data/sample_responses.csv
expected=$("$cli" assess "$csv" --bootstrap 200 --seed 7 --format json |
  python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["overall"]["score"]))')
top=$("$cli" match "ældre medicin i hjemmeplejen" --top 5 --format json |
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

# 3. The NuGet package, packed with package analysis on (pack.sh fails on a warning), and
#    its metadata and files.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
nupkg=$(bindings/csharp/pack.sh "$lib" "$out/feed")
unzip -p "$nupkg" TransformModel.nuspec >"$out/package.nuspec"
unzip -Z1 "$nupkg" | sort >"$out/package.files"
python3 - "$out/package.nuspec" "$out/package.files" "$version" <<'EOF'
import sys, xml.etree.ElementTree as ET
nuspec, files, version = sys.argv[1], open(sys.argv[2]).read().split(), sys.argv[3]
root = ET.parse(nuspec).getroot()
ns = root.tag.split("}")[0] + "}"
meta = root.find(ns + "metadata")
get = lambda tag: meta.find(ns + tag)
problems = []
if get("version").text != version: problems.append(f"version {get('version').text} != Cargo.toml {version}")
lic = get("license")
if lic is None or lic.get("type") != "expression" or not lic.text: problems.append("no license expression")
if get("repository") is None or not get("repository").get("url"): problems.append("no repository url")
if get("readme") is None or get("readme").text not in files: problems.append("no readme, or its file is missing")
for f in ["lib/net45/TransformModel.dll", "lib/net45/TransformModel.xml", "build/TransformModel.targets",
          "buildTransitive/TransformModel.targets", "runtimes/linux-x64/native/libtransform_model_c.so"]:
    if f not in files: problems.append(f"{f} missing")
if "not built" not in get("description").text: problems.append("the description does not say which platforms are not built")
if problems: sys.exit("C# test: package: " + "; ".join(problems))
print(f"package TransformModel {version}: license {lic.text}, {len(files)} files")
EOF

# 4. A fresh .NET Framework 4.5 packages.config project (as Visual Studio leaves it after
#    Install-Package): nuget restores the package from the local folder feed, xbuild builds
#    the project (the package's build/TransformModel.targets copies the native library to
#    bin/), and the program runs with no LD_LIBRARY_PATH. It checks the assembly's public key
#    token against docs/c-api.md and its versions against the native library's.
token=$(sed -n 's/.*public key token `\([0-9a-f]\{16\}\)`.*/\1/p' docs/c-api.md | head -1)
[ -n "$token" ] || { echo "C# test: docs/c-api.md gives no public key token" >&2; exit 1; }
app="$out/fresh"
mkdir -p "$app"
cp bindings/csharp/consumer/Program.cs "$app/"
sed -e "s/@VERSION@/$version/g" -e "s/@ASSEMBLY_VERSION@/${version%%[-+]*}.0/g" bindings/csharp/consumer/consumer.csproj.in >"$app/consumer.csproj"
sed -e "s/@VERSION@/$version/g" bindings/csharp/consumer/packages.config.in >"$app/packages.config"
root=$PWD
(
  cd "$app"
  "$root/bindings/csharp/nuget.sh" restore packages.config -PackagesDirectory packages -Source "$out/feed" -NonInteractive >"$out/restore.log" 2>&1 ||
    { cat "$out/restore.log" >&2; exit 1; }
  xbuild /nologo /verbosity:minimal consumer.csproj >"$out/xbuild.log" 2>&1 || { cat "$out/xbuild.log" >&2; exit 1; }
  if grep -qi 'warning' "$out/xbuild.log"; then cat "$out/xbuild.log" >&2; exit 1; fi
  cmp "packages/TransformModel.$version/runtimes/linux-x64/native/libtransform_model_c.so" bin/libtransform_model_c.so
  cd bin && env -u LD_LIBRARY_PATH mono consumer.exe "$token"
)
echo "C# tests passed"

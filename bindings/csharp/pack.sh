#!/usr/bin/env bash
# Packs the NuGet package TransformModel.<version>.nupkg into FEED: the strong-named assembly
# and its XML documentation (bindings/csharp/build.sh), the native library from LIBDIR, the
# .targets for .NET Framework consumers and the readme; version, license and repository come
# from Cargo.toml. nuget's package analysis runs, and any warning fails the pack.
# Usage: bindings/csharp/pack.sh LIBDIR FEED
set -euo pipefail
cd "$(dirname "$0")/../.."
libdir=$(realpath "${1:?usage: pack.sh LIBDIR FEED}")
feed=$(realpath -m "${2:?usage: pack.sh LIBDIR FEED}")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

field() { sed -n "/^\[workspace.package\]/,/^\[/s/^$1 = \"\(.*\)\"/\1/p" Cargo.toml; }
version=$(field version)
license=$(field license)
repository=$(field repository)

bindings/csharp/build.sh "$stage" >&2
cp bindings/csharp/TransformModel.targets bindings/csharp/README.md "$stage/"
# NuGet.exe 5.8 (the newest any reachable registry ships) refuses <readme>, which NuGet 5.10
# added: it packs without the element, which is then put back into the package's nuspec as
# a newer nuget would write it. A runner with NuGet >= 5.10 packs the nuspec as it is.
grep -v '<readme>' bindings/csharp/TransformModel.nuspec >"$stage/TransformModel.nuspec"
cp "$libdir/libtransform_model_c.so" "$stage/"
mkdir -p "$feed"
root=$PWD
out=$(cd "$stage" && "$root/bindings/csharp/nuget.sh" pack TransformModel.nuspec -NonInteractive -OutputDirectory "$feed" \
  -Properties "version=$version;license=$license;repository=$repository" 2>&1) || { echo "$out" >&2; exit 1; }
if grep -qi 'warning' <<<"$out"; then
  echo "pack.sh: nuget pack warned (package analysis):" >&2
  echo "$out" >&2
  exit 1
fi
nupkg="$feed/TransformModel.$version.nupkg"
readme=$(sed -n 's/^ *\(<readme>.*<\/readme>\)$/\1/p' bindings/csharp/TransformModel.nuspec)
python3 - "$nupkg" "$readme" <<'PY'
import sys, zipfile, shutil, tempfile
path, readme = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path) as z, tempfile.NamedTemporaryFile(delete=False) as tmp:
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "TransformModel.nuspec":
                text = data.decode("utf-8")
                assert "<readme>" not in text and "</description>" in text
                data = text.replace("</description>", "</description>\n    " + readme, 1).encode("utf-8")
            out.writestr(info, data)
shutil.move(tmp.name, path)
PY
echo "$nupkg"

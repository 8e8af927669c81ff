#!/usr/bin/env bash
# Every function of the header has a [DllImport] in bindings/csharp/src/Native.cs and is
# exported by the library, and nothing else is imported. Usage: check-exports.sh LIBRARY.so
set -euo pipefail
cd "$(dirname "$0")/../.."
lib=${1:?usage: check-exports.sh libtransform_model_c.so}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Declarations start at the beginning of a line: a return type, then `tm_name(`.
grep -E '^[A-Za-z_][A-Za-z0-9_ *]*[ *]tm_[a-z0-9_]+\(' include/transform_model.h |
  sed -E 's/.*[ *](tm_[a-z0-9_]+)\(.*/\1/' | sort -u >"$scratch/header"
# The C name of each import: its EntryPoint when given, else the method name.
grep -E '\[DllImport' bindings/csharp/src/Native.cs |
  sed -E 's/.*EntryPoint = "(tm_[a-z0-9_]+)".*/\1/; s/.*extern [^ ]+ (tm_[a-z0-9_]+)\(.*/\1/' | sort -u >"$scratch/csharp"
nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^tm_/ {print $3}' | sort -u >"$scratch/library"
ok=1
diff -u "$scratch/header" "$scratch/csharp" >"$scratch/d1" || { echo "header vs Native.cs (- missing in C#, + not in the header):" >&2; cat "$scratch/d1" >&2; ok=0; }
diff -u "$scratch/header" "$scratch/library" >"$scratch/d2" || { echo "header vs library exports:" >&2; cat "$scratch/d2" >&2; ok=0; }
[ "$ok" = 1 ] || exit 1
[ "${2:-}" = "--list" ] && cat "$scratch/header"
echo "check-exports: $(wc -l <"$scratch/header") functions in the header, Native.cs and the library"

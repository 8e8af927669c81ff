#!/usr/bin/env bash
# Builds and installs the C library, header and pkg-config file under PREFIX.
# Usage: scripts/install-c.sh PREFIX     then: pkg-config --cflags --libs transform_model_c
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(realpath -m "${1:?usage: install-c.sh PREFIX}")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cargo build --release -q -p transform-model-c
lib=$(realpath -m "${CARGO_TARGET_DIR:-target}")/release
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 "$lib/libtransform_model_c.a" "$prefix/lib/"
# The real file carries the SONAME (libtransform_model_c.so.N, N = TM_ABI_VERSION); the
# unversioned name is the link-time symlink.
soname=$(readelf -d "$lib/libtransform_model_c.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
install -m 755 "$lib/libtransform_model_c.so" "$prefix/lib/$soname"
ln -sf "$soname" "$prefix/lib/libtransform_model_c.so"
install -m 644 include/transform_model.h "$prefix/include/"
# For embedders who run their program under valgrind (docs/c-api.md, "Valgrind").
install -d "$prefix/share/transform_model_c"
install -m 644 tests/c/valgrind.supp "$prefix/share/transform_model_c/"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" bindings/c/transform_model_c.pc.in \
  > "$prefix/lib/pkgconfig/transform_model_c.pc"
echo "installed transform_model_c $version under $prefix"

#!/usr/bin/env bash
# Builds the C library as shipped (scripts/build-c.sh: glibc 2.28 on Linux, stripped) and
# installs it with the header and pkg-config file under PREFIX.
# Usage: scripts/install-c.sh PREFIX     then: pkg-config --cflags --libs transform_model_c
# Under a prefix the dynamic loader does not search (anything but /usr and /usr/local), the
# pkg-config file adds an rpath to PREFIX/lib, so programs linked through it start as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(realpath -m "${1:?usage: install-c.sh PREFIX}")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
lib=$(scripts/build-c.sh)
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 "$lib/libtransform_model_c.a" "$prefix/lib/"
# The static library keeps its symbols (a linker needs them) but not the debug info of std.
strip --strip-debug "$prefix/lib/libtransform_model_c.a"
# The real file carries the SONAME (libtransform_model_c.so.N, N = TM_ABI_VERSION); the
# unversioned name is the link-time symlink.
soname=$(readelf -d "$lib/libtransform_model_c.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
install -m 755 "$lib/libtransform_model_c.so" "$prefix/lib/$soname"
ln -sf "$soname" "$prefix/lib/libtransform_model_c.so"
install -m 644 include/transform_model.h "$prefix/include/"
# For embedders who run their program under valgrind (docs/c-api.md, "Valgrind").
install -d "$prefix/share/transform_model_c"
install -m 644 tests/c/valgrind.supp "$prefix/share/transform_model_c/"
case $prefix in
  /usr | /usr/local)
    rpath=""
    # The loader finds a new library in /usr/local/lib only once its cache is rebuilt.
    if [ -w /etc/ld.so.cache ] && command -v ldconfig >/dev/null; then ldconfig; fi
    ;;
  *) rpath=" -Wl,-rpath,\${libdir}" ;;
esac
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" -e "s|@RPATH@|$rpath|" bindings/c/transform_model_c.pc.in \
  > "$prefix/lib/pkgconfig/transform_model_c.pc"
echo "installed transform_model_c $version under $prefix"

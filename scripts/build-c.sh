#!/usr/bin/env bash
# Builds the C library (release, stripped) for the oldest glibc it supports and prints the
# folder that holds it. On x86-64/arm64 Linux it links with zig against glibc 2.28 (RHEL 8,
# Debian 10+, Ubuntu 18.10+), so it loads on the servers municipalities run; ziglang and
# cargo-zigbuild come from PyPI into the project's .venv. Elsewhere (macOS, Windows) it is a
# plain `cargo build --release`. Checks that no symbol needs a newer glibc than promised.
# Usage: dir=$(scripts/build-c.sh)      (then $dir/libtransform_model_c.so, .so.1, .a)
set -euo pipefail
cd "$(dirname "$0")/.."

glibc=2.28
host=$(rustc -vV | sed -n 's/^host: //p')
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
case $host in
  x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu)
    [ -x .venv/bin/python ] || python3 -m venv .venv
    # The versions are pinned: a new zig can change what the linker accepts.
    # cargo-zigbuild 0.24.0 is the one maturin 1.16 embeds: with the same wrapper folder
    # (CARGO_ZIGBUILD_CACHE_DIR, also set by scripts/test-python.sh) the linker path is the
    # same, so the library and the wheel share their compiled dependencies, and a changed HOME
    # does not rebuild everything.
    .venv/bin/pip install -q --disable-pip-version-check "ziglang==0.17.1" "cargo-zigbuild==0.24.0" >&2
    export CARGO_ZIGBUILD_CACHE_DIR="$target/zigbuild"
    PATH="$PWD/.venv/bin:$PATH" cargo-zigbuild zigbuild --release -q -p transform-model-c --target "$host.$glibc" >&2
    dir="$target/$host/release"
    # Every versioned glibc symbol the library needs is at most $glibc.
    newest=$(objdump -T "$dir/libtransform_model_c.so" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -1)
    if [ "$(printf '%s\n%s\n' "$newest" "$glibc" | sort -V | tail -1)" != "$glibc" ]; then
      echo "build-c.sh: libtransform_model_c.so needs GLIBC_$newest, more than $glibc:" >&2
      objdump -T "$dir/libtransform_model_c.so" | grep "GLIBC_$newest" >&2
      exit 1
    fi
    ;;
  *)
    cargo build --release -q -p transform-model-c >&2
    dir="$target/release"
    ;;
esac
echo "$dir"

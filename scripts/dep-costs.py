#!/usr/bin/env python3
"""Build time of each direct dependency of transform-model, and of the crates only it pulls in.

Usage (a fresh target directory, so every crate is compiled once):
    CARGO_TARGET_DIR=/tmp/t cargo build --release -p transform-model --timings
    python3 scripts/dep-costs.py /tmp/t/cargo-timings/cargo-timing.html
Reads cargo's timing report (UNIT_DATA) and `cargo tree -e normal,build` of the default build.
"""
import collections
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def seconds_per_crate(html: str) -> dict:
    units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
    out = collections.defaultdict(float)
    for u in units:
        out[u["name"].replace("-", "_")] += u["duration"]
    return out


def reachable_per_direct_dependency() -> dict:
    tree = subprocess.run(
        ["cargo", "tree", "-q", "-p", "transform-model", "-e", "normal,build", "--prefix", "depth", "--no-dedupe",
         "-f", "{p}"], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    reach, current = collections.defaultdict(set), None
    for line in tree.splitlines():
        m = re.match(r"(\d+)(\S+) v", line)
        if not m:
            continue
        depth, name = int(m.group(1)), m.group(2).replace("-", "_")
        if depth == 1:
            current = name
        if depth >= 1:
            reach[current].add(name)
    return reach


def main() -> None:
    secs = seconds_per_crate(pathlib.Path(sys.argv[1]).read_text())
    reach = reachable_per_direct_dependency()
    rows = []
    for dep, names in reach.items():
        others = set().union(*(v for k, v in reach.items() if k != dep))
        only = names - others
        rows.append((sum(secs.get(n, 0.0) for n in only), dep, secs.get(dep, 0.0), len(only - {dep})))
    print(f"{'dependency':24} {'own s':>7} {'only-through-it s':>18} {'crates':>7}")
    for excl, dep, own, n in sorted(rows, reverse=True):
        print(f"{dep:24} {own:7.1f} {excl:18.1f} {n:7}")
    print(f"{'transform_model':24} {secs.get('transform_model', 0.0):7.1f}")
    print(f"all crates, summed: {sum(secs.values()):.1f} s")


if __name__ == "__main__":
    main()

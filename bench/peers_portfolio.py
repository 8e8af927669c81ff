"""`Portfolio.analyse` from Python on the generated 5,000 × 50 portfolio, side by side with
the Rust figure on the same portfolio (`examples/time_portfolio`, the criterion benchmark's
input and options). Run with `scripts/bench-peers.sh portfolio`.
"""
import os
import re
import statistics
import subprocess
import time

import transform_model as tm
from transform_model import _transform_model as _rs

N = int(os.environ.get("N_INITIATIVES", "5000"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
RELEASE = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target", "release")


def median_time(f, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model", "--example", "time_portfolio"],
                   cwd=ROOT, check=True)
    out = subprocess.run([os.path.join(RELEASE, "examples/time_portfolio"), str(N), "5"], check=True,
                         capture_output=True, text=True).stdout
    rust = statistics.median(float(m) for m in re.findall(r"analyse \S+: ([\d.]+) ms", out)) / 1e3
    p = tm.Portfolio(_rs._Portfolio.synthetic(N, 50, 3))
    analyse = median_time(lambda: p.analyse())
    a = p.analyse()
    frames = median_time(lambda: (a.alignment, a.coverage, a.economics, a.balance, a.closure_candidates,
                                  a.cross_fertilisation, a.mission_quality))
    both = median_time(lambda: p.analyse().alignment)
    rows = len(a.alignment)
    print(f"portfolio {N} initiatives × 50 missions ({rows} alignment rows)")
    print(f"{'':52} {'seconds':>9} {'ratio':>8}")
    print(f"{'Rust analyse (examples/time_portfolio, median of 5)':52} {rust:9.3f} {1.0:8.2f}")
    print(f"{'Python Portfolio.analyse()':52} {analyse:9.3f} {analyse / rust:8.2f}  (goal ≤ 2 × Rust)")
    print(f"{'Python Portfolio.analyse().alignment (DataFrame)':52} {both:9.3f} {both / rust:8.2f}")
    print(f"{'Python: all seven tables of one analysis':52} {frames:9.3f} {frames / rust:8.2f}")


if __name__ == "__main__":
    main()

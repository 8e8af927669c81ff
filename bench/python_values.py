"""Python frames from Rust values vs the core, side by side in one run (issue 31, "values,
not JSON"). Run with `scripts/bench-peers.sh values` (builds the wheel and the examples).

1. `Catalog.match_many` of 1,000 queries on the 100k synthetic catalog (`catalog-sample
   --interventions 100000 --seed 42`) against the core's `Index::match_many` on the same file
   and queries (`examples/time_match_many`). Goal: Python ≤ 1.2 × the core. The same run also
   builds the frames the way the package did before (each result as JSON text, parsed, frame
   from rows) for the before/after ratio.
2. The 5,000 × 50 portfolio's seven frames (`Portfolio.synthetic(5000, 50, 3)`, the Rust
   benchmark's input). Goal: < 0.5 s.
3. A plan's four frames (actions, economy, calendar, load) from values vs its JSON parsed.

Prints seconds and ratios; asserts nothing (a benchmark, not a test). Medians of RUNS runs.
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import pandas as pd

import transform_model as tm
from transform_model import _catalog

N = int(os.environ.get("N_INTERVENTIONS", "100000"))
N_QUERIES = int(os.environ.get("N_QUERIES", "1000"))
RUNS = int(os.environ.get("RUNS", "3"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
RELEASE = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target", "release")


def median_time(f, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def json_match_frame(result_json, lang):
    """The frame as the package built it before (JSON text per query → dicts → rows)."""
    r = json.loads(result_json)
    rows = [{"id": m["id"], "name": m["name"].get(lang, m["name"].get("da")), "score": m["score"], "lift": m["lift"],
             "support_interventions": m["support"]["interventions"],
             "support_municipalities": m["support"]["municipalities"], "max_evidence": m["evidence"]["max_level"],
             "transfer": m["transfer"], "advice": m["advice"],
             "sources": [s["id"] for s in m["sources"]], "warnings": m["warnings"]} for m in r["ingredients"]]
    df = pd.DataFrame(rows, columns=_catalog.MATCH_COLUMNS)
    df["lift"] = df["lift"].astype("float64")
    df.attrs.update(retrieved=r["retrieved"], excluded=r["excluded"], result=r)
    return df


def row(label, seconds, base, note=""):
    print(f"{label:64} {seconds:9.3f} {seconds / base:8.2f}  {note}")


def matching(tmp):
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli"], cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model", "--example", "time_match_many"],
                   cwd=ROOT, check=True)
    catalog_path = os.path.join(tmp, "catalog.json")
    with open(catalog_path, "w") as f:
        subprocess.run([os.path.join(RELEASE, "transform-model"), "catalog-sample", "--interventions", str(N),
                        "--seed", "42"], stdout=f, check=True)
    docs = [iv["title"] + "\n" + iv["description"] for iv in json.load(open(catalog_path))["interventions"][:2000]]
    rng = random.Random(7)  # the queries of bench/peers_match.py
    words = " ".join(docs).split()
    queries = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 8))) for _ in range(N_QUERIES)]
    queries_path = os.path.join(tmp, "queries.txt")
    open(queries_path, "w").write("\n".join(queries))

    out = subprocess.run([os.path.join(RELEASE, "examples/time_match_many"), catalog_path, queries_path, str(RUNS)],
                         check=True, capture_output=True, text=True).stdout
    core = json.loads(out)["median"]
    catalog = tm.Catalog.from_file(catalog_path)
    public = median_time(lambda: catalog.match_many(queries))
    qs = [_catalog._query(q) for q in queries]
    raw = lambda: catalog._inner.match_many(qs, 10, 50, "da")  # noqa: E731
    print(f"match_many: {N_QUERIES} queries on {N} interventions (median of {RUNS}; seconds, ratio to the core)")
    row("core Index::match_many (examples/time_match_many)", core, core)
    row("Python Catalog.match_many (frames)", public, core, "(goal ≤ 1.2)")
    if isinstance(raw()[0], str):  # a build from before the values: results cross as JSON text
        row("Python, the results only (JSON text)", median_time(raw), core)
        return
    row("Python, the results only (kept in Rust, no frame)", median_time(raw), core)
    row("Python, frames from values (columns + result dict)",
        median_time(lambda: [_catalog._match_frame(r, "da") for r in raw()]), core)
    row("Python, frames as before (to_json + json.loads + rows)",
        median_time(lambda: [json_match_frame(r.to_json(), "da") for r in raw()]), core)


def portfolio():
    p = tm.Portfolio.synthetic(5000, 50, 3)
    a = p.analyse()
    frames = median_time(lambda: (a.alignment, a.coverage, a.economics, a.balance, a.closure_candidates,
                                  a.cross_fertilisation, a.mission_quality))
    analyse = median_time(p.analyse)
    data = median_time(lambda: json.loads(a.to_json()), 1)
    print(f"\nportfolio 5,000 × 50 ({len(a.alignment)} alignment rows; seconds, ratio to the seven frames)")
    row("Python: the seven frames of one analysis", frames, frames, "(goal < 0.5 s)")
    row("Python: Portfolio.analyse() (the core, for scale)", analyse, frames)
    row("Python: .data (the analysis' JSON parsed, lazy; once)", data, frames)


def plan():
    model = "dtm@2026.2"
    a = tm.assess(tm.sample_survey(model, respondents=400, seed=3), model, bootstrap=0)
    pl = tm.plan(a, tm.Portfolio.sample(), tm.default_catalog(), start_year=2026)
    frames = lambda: (pl.actions, pl.economy, pl.calendar, pl.load)  # noqa: E731
    values = median_time(frames, 20)
    parsed = median_time(lambda: json.loads(pl._inner.to_json()) if hasattr(pl, "_inner") else json.loads(pl._json),
                         20)
    print(f"\nplan of the sample portfolio ({len(pl.actions)} actions; seconds, ratio to the four frames)")
    row("Python: actions, economy, calendar, load", values, values)
    row("Python: the plan's JSON written and parsed (what the frames no longer need)", parsed, values)


def main():
    print(f"transform_model {tm.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        matching(tmp)
    portfolio()
    plan()


if __name__ == "__main__":
    main()

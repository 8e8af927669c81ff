"""National benchmark with Dask: 98 synthetic municipal surveys scored in parallel, then
combined into the benchmark of DOMAIN.md §7.

Each municipality's survey is generated through the package (`tm.sample_survey`, seeded by
the municipality code, so every run and every worker gives the same survey) and scored with
`tm.assess` on a Dask `LocalCluster` of worker *processes*. The model is pickled and
scattered to the workers once; each task releases the GIL while the Rust core scores, so a
worker's threads never wait on Python. The results are combined with `tm.benchmark`.

    python examples/national_benchmark_dask.py                       # 98 × 2,000, Dask
    python examples/national_benchmark_dask.py --loop                 # also a plain loop, timed
    python examples/national_benchmark_dask.py --municipalities 6 --respondents 60 --workers 2

Prints the benchmark table for `--of` (default 101 København) and the wall times.
"""
from __future__ import annotations

import argparse
import time
from typing import List, Optional, Tuple

import transform_model as tm


def score(model: tm.Model, code: str, respondents: int, bootstrap: int,
          threads: Optional[int] = None) -> Tuple[str, str]:
    """One municipality: its synthetic survey, scored. Runs on a worker; returns JSON text
    (small to send back) with the municipality recorded by the caller. On a worker,
    `threads=1`: the cluster's processes are the parallelism (the figures do not depend on it)."""
    survey = tm.sample_survey(model, respondents=respondents, seed=int(code))
    assessment = tm.assess(survey, model, bootstrap=bootstrap, seed=int(code), threads=threads)
    return code, assessment.to_json()


def with_dask(model: tm.Model, codes: List[str], respondents: int, bootstrap: int, workers: int):
    from dask.distributed import Client, LocalCluster

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        started = time.perf_counter() - start
        shared = client.scatter(model, broadcast=True)  # pickled once, one copy per worker
        futures = [client.submit(score, shared, code, respondents, bootstrap, 1, pure=False) for code in codes]
        return client.gather(futures), started


def with_loop(model: tm.Model, codes: List[str], respondents: int, bootstrap: int):
    return [score(model, code, respondents, bootstrap) for code in codes]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--municipalities", type=int, default=98, help="how many of the 98 (by code)")
    p.add_argument("--respondents", type=int, default=2000)
    p.add_argument("--bootstrap", type=int, default=1000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--of", default="101")
    p.add_argument("--loop", action="store_true", help="also time a plain loop")
    a = p.parse_args()

    model = tm.default_model()
    codes = list(tm.municipalities()["code"])[: a.municipalities]
    start = time.perf_counter()
    results, startup_s = with_dask(model, codes, a.respondents, a.bootstrap, a.workers)
    dask_s = time.perf_counter() - start
    assessments = {code: tm.Assessment.from_json(text, model) for code, text in results}
    frames = tm.benchmark(assessments, of=a.of if a.of in assessments else None)
    print(frames.dimensions.to_string(index=False))
    print(f"peers: {frames.peers.iloc[0]['kind']}, n = {frames.peers.iloc[0]['n']}")
    print(f"dask: {len(codes)} municipalities × {a.respondents} respondents in {dask_s:.2f} s "
          f"({a.workers} worker processes; {startup_s:.2f} s of it starting the cluster)")
    if a.loop:
        start = time.perf_counter()
        looped = with_loop(model, codes, a.respondents, a.bootstrap)
        loop_s = time.perf_counter() - start
        assert [c for c, _ in looped] == [c for c, _ in results]
        assert all(x == y for (_, x), (_, y) in zip(looped, results)), "Dask and the loop must agree"
        print(f"loop: {loop_s:.2f} s")


if __name__ == "__main__":
    main()

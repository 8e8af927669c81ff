"""Side-by-side timing of transform-model's matcher against rank_bm25 and scikit-learn.

Same synthetic corpus (transform-model catalog-sample), same queries, one run. Prints a
table of seconds and ratios. Run with `scripts/bench-peers.sh` (installs what it needs).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

N = int(os.environ.get("N_INTERVENTIONS", "100000"))
N_QUERIES = int(os.environ.get("N_QUERIES", "1000"))
N_SLOW = int(os.environ.get("N_SLOW_QUERIES", "20"))  # rank_bm25 is slow: time a subset
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
RELEASE = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target", "release")


def cargo(*args):
    return subprocess.run(["cargo", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def main():
    # The CLI's binary and the core's example: `--example` alone would build no binary.
    cargo("build", "--release", "-q", "-p", "transform-model-cli", "--bins")
    cargo("build", "--release", "-q", "-p", "transform-model", "--example", "time_match")
    tmp = tempfile.mkdtemp()
    catalog_path = os.path.join(tmp, "catalog.json")
    with open(catalog_path, "w") as f:
        subprocess.run([os.path.join(RELEASE, "transform-model"), "catalog-sample",
                        "--interventions", str(N), "--seed", "42"], stdout=f, check=True)
    catalog = json.load(open(catalog_path))
    docs = [iv["title"] + "\n" + iv["description"] for iv in catalog["interventions"]]
    import random
    rng = random.Random(7)
    words = " ".join(docs[:2000]).split()
    queries = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 8))) for _ in range(N_QUERIES)]
    queries_path = os.path.join(tmp, "queries.txt")
    open(queries_path, "w").write("\n".join(queries))

    rust = json.loads(subprocess.run([os.path.join(RELEASE, "examples/time_match"), catalog_path,
                                      queries_path], check=True, capture_output=True, text=True).stdout)

    import numpy as np
    from rank_bm25 import BM25Okapi
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    t = time.perf_counter()
    bm25 = BM25Okapi([d.lower().split() for d in docs])
    rb_build = time.perf_counter() - t
    rb_times = []
    for q in queries[:N_SLOW]:
        t = time.perf_counter()
        scores = bm25.get_scores(q.lower().split())
        np.argpartition(-scores, 10)[:10]
        rb_times.append(time.perf_counter() - t)

    t = time.perf_counter()
    vec = TfidfVectorizer()
    matrix = vec.fit_transform(docs)
    sk_build = time.perf_counter() - t
    sk_times = []
    for q in queries[:200]:
        t = time.perf_counter()
        sims = linear_kernel(vec.transform([q]), matrix).ravel()
        np.argpartition(-sims, 10)[:10]
        sk_times.append(time.perf_counter() - t)
    t = time.perf_counter()
    sims = linear_kernel(vec.transform(queries), matrix)
    np.argpartition(-sims, 10, axis=1)[:, :10]
    sk_batch = time.perf_counter() - t

    rb_q, sk_q = statistics.median(rb_times), statistics.median(sk_times)
    rows = [
        ("index build (s)", rust["build"], rb_build, sk_build),
        ("one query, top 10 interventions (median s)", rust["search_median"], rb_q, sk_q),
        (f"batch of {N_QUERIES} queries (s)", rust["batch"], rb_q * N_QUERIES, sk_batch),
    ]
    print(f"corpus: {N} interventions; queries: {N_QUERIES} (rank_bm25 timed on {N_SLOW})")
    print(f"transform-model full match (retrieval + distillation), median: {rust['match_median'] * 1e3:.3f} ms; "
          f"index memory {rust['memory_bytes'] / 2**20:.1f} MiB")
    print(f"{'':46} {'transform-model':>16} {'rank_bm25':>12} {'scikit-learn':>13} {'× rank_bm25':>12} {'× sklearn':>10}")
    for name, ours, rb, sk in rows:
        print(f"{name:46} {ours:16.5f} {rb:12.5f} {sk:13.5f} {rb / ours:12.1f} {sk / ours:10.1f}")


if __name__ == "__main__":
    sys.exit(main())

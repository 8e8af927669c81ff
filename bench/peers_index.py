"""Load a saved index and answer one query, as one process, against peers doing the same.

Each contender is one process timed end to end with time.perf_counter (median of RUNS),
on the same synthetic catalog (transform-model catalog-sample --seed 42) and the same query:
- transform-model match --index catalog.tmi   (load the saved index, match, print JSON)
- transform-model partners 901 --index / partners --problem … --index (issue 33: beside a match)
- transform-model match --catalog catalog.json (parse the JSON, analyse, match: the old way)
- rank_bm25: json.load + tokenise + BM25Okapi + get_scores + top 10, in one Python process
- scikit-learn: json.load + TfidfVectorizer.fit_transform + one query + top 10
Run with `scripts/bench-peers.sh index` (installs what it needs).
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

N = int(os.environ.get("N_INTERVENTIONS", "100000"))
RUNS = int(os.environ.get("RUNS", "5"))
PEER_RUNS = int(os.environ.get("PEER_RUNS", "3"))
QUERY = "unge ledige skal i job og uddannelse"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
RELEASE = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target", "release")
TM = os.path.join(RELEASE, "transform-model")

RANK_BM25 = """
import json, sys
import numpy as np
from rank_bm25 import BM25Okapi
catalog = json.load(open(sys.argv[1]))
docs = [iv["title"] + "\\n" + iv["description"] for iv in catalog["interventions"]]
bm25 = BM25Okapi([d.lower().split() for d in docs])
scores = bm25.get_scores(sys.argv[2].lower().split())
print([catalog["interventions"][i]["id"] for i in np.argpartition(-scores, 10)[:10]])
"""

SKLEARN = """
import json, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel
catalog = json.load(open(sys.argv[1]))
docs = [iv["title"] + "\\n" + iv["description"] for iv in catalog["interventions"]]
vec = TfidfVectorizer()
matrix = vec.fit_transform(docs)
sims = linear_kernel(vec.transform([sys.argv[2]]), matrix).ravel()
print([catalog["interventions"][i]["id"] for i in np.argpartition(-sims, 10)[:10]])
"""


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, runs):
    """Median wall-clock and CPU (user + system) seconds of `runs` runs of `cmd`, after one
    untimed warm-up that brings the files into the page cache. CPU time is the steadier
    figure on a shared machine."""
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall, cpu = [], []
    for _ in range(runs):
        c, t = cpu_children(), time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t)
        cpu.append(cpu_children() - c)
    return statistics.median(wall), statistics.median(cpu)


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        run(tmp)


def run(tmp):
    catalog = os.path.join(tmp, "catalog.json")
    index = os.path.join(tmp, "catalog.tmi")
    with open(catalog, "w") as f:
        subprocess.run([TM, "catalog-sample", "--interventions", str(N), "--seed", "42"], stdout=f, check=True)
    t = time.perf_counter()
    subprocess.run([TM, "index", catalog, "-o", index], check=True, stdout=subprocess.DEVNULL)
    build = time.perf_counter() - t

    py = sys.executable
    rows = [
        ("transform-model match --index", timed([TM, "match", QUERY, "--index", index, "--format", "json"], RUNS)),
        ("transform-model partners 901 --index", timed([TM, "partners", "901", "--index", index, "--format", "json"], RUNS)),
        ("transform-model partners --problem --index",
         timed([TM, "partners", "--problem", QUERY, "--municipality", "316", "--index", index, "--format", "json"], RUNS)),
        ("transform-model match --catalog (JSON)",
         timed([TM, "match", QUERY, "--catalog", catalog, "--format", "json"], PEER_RUNS)),
        ("rank_bm25 load + build + query", timed([py, "-c", RANK_BM25, catalog, QUERY], PEER_RUNS)),
        ("scikit-learn load + fit + query", timed([py, "-c", SKLEARN, catalog, QUERY], PEER_RUNS)),
    ]
    ours_wall, ours_cpu = rows[0][1]
    print(f"corpus: {N} interventions ({os.path.getsize(catalog) / 2**20:.0f} MiB JSON, index "
          f"{os.path.getsize(index) / 2**20:.0f} MiB built in {build:.2f} s); query: {QUERY!r}")
    print(f"one process each, median of {RUNS} (ours) / {PEER_RUNS} (others) runs after a warm-up")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':42} {'wall s':>8} {'× ours':>7} {'CPU s':>8} {'× ours':>7}")
    for name, (wall, cpu) in rows:
        print(f"{name:42} {wall:8.3f} {wall / ours_wall:7.1f} {cpu:8.3f} {cpu / ours_cpu:7.1f}")


if __name__ == "__main__":
    sys.exit(main())

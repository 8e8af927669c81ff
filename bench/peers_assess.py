"""`assess` from Python on a 100,000 × all-items numpy matrix, side by side with the Rust
benchmark and with what a data scientist would otherwise write (pandas for the scores,
pingouin for Cronbach's alpha, a numpy bootstrap). Run with `scripts/bench-peers.sh`.
"""
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import pingouin as pg

import transform_model as tm

N = int(os.environ.get("N_RESPONDENTS", "100000"))
B = int(os.environ.get("BOOTSTRAP", "1000"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
RELEASE = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target", "release")


def median_time(f, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peer(df, model, B, seed=1):
    """Scores, alpha and a percentile bootstrap the way a pandas user would write them."""
    items = [i["id"] for i in model.items]
    rev = [i["id"] for i in model.items if i["reverse"]]
    x = df[items].astype("float64")
    x[rev] = 6 - x[rev]
    roles = df["role"]
    dims = [d["id"] for d in model.dimensions]
    by_dim = {d: [i["id"] for i in model.items if i["dimension"] == d] for d in dims}
    asked = {r: {i["id"] for i in model.items if not i["roles"] or r in i["roles"]} for r in model.roles}
    scores = pd.DataFrame(index=df.index)
    for d, its in by_dim.items():
        answered = x[its].notna().sum(axis=1)
        need = roles.map(lambda r: -(-len([i for i in its if i in asked[r]]) // 2))
        s = x[its].mean(axis=1)
        scores[d] = s.where((answered >= need) & (need > 0))
    groups = roles.value_counts()
    keep = groups[groups >= 5].index
    scores, roles = scores[roles.isin(keep)], roles[roles.isin(keep)]
    group_means = scores.groupby(roles).mean()
    municipality = group_means.mean()
    alphas = {d: pg.cronbach_alpha(data=x.loc[scores.index, its], nan_policy="listwise")[0] for d, its in by_dim.items()}
    rng = np.random.default_rng(seed)
    arrays = {g: scores[roles == g].to_numpy() for g in keep}
    reps = np.empty((B, len(dims)))
    for b in range(B):
        means = [np.nanmean(a[rng.integers(0, len(a), len(a))], axis=0) for a in arrays.values()]
        reps[b] = np.mean(means, axis=0)
    ci = np.percentile(reps, [2.5, 97.5], axis=0)
    return municipality, alphas, ci


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli", "-p", "transform-model",
                    "--example", "time_assess"], cwd=ROOT, check=True)
    path = os.path.join(tempfile.mkdtemp(), "responses.csv")
    with open(path, "w") as f:
        subprocess.run([os.path.join(RELEASE, "transform-model"), "sample", "--respondents", str(N),
                        "--seed", "1"], stdout=f, check=True)
    df = pd.read_csv(path)
    model = tm.default_model()
    items = [i["id"] for i in model.items]
    matrix = df[items].fillna(-1).to_numpy(dtype=np.int64)
    roles, ids = df["role"].tolist(), df["respondent"].tolist()

    rust = float(subprocess.run([os.path.join(RELEASE, "examples/time_assess"), path, str(B)],
                                check=True, capture_output=True, text=True).stdout)
    ours = median_time(lambda: tm.assess(matrix, roles=roles, items=items, respondents=ids, bootstrap=B, seed=1))
    frame = median_time(lambda: tm.assess(df, bootstrap=B, seed=1))
    peer_time = median_time(lambda: peer(df, model, B), runs=1)

    # The peer's numbers agree with ours (balanced scores).
    a = tm.assess(matrix, roles=roles, items=items, respondents=ids, bootstrap=0)
    assert a == tm.assess(df, bootstrap=0), "the DataFrame path gives the numpy path's result"
    municipality, _, _ = peer(df, model, 10)
    diff = float(np.max(np.abs(a.dimensions()["score"].to_numpy() - municipality.to_numpy())))

    print(f"{N} respondents × {len(items)} items, bootstrap {B}; max |score difference| vs peer: {diff:.2e}")
    print(f"{'':52} {'seconds':>9} {'ratio':>8}")
    print(f"{'Rust assess (criterion-equivalent, responses in memory)':52} {rust:9.3f} {1.0:8.2f}")
    print(f"{'Python tm.assess(numpy matrix)':52} {ours:9.3f} {ours / rust:8.2f}  (goal ≤ 1.2 × Rust)")
    print(f"{'Python tm.assess(DataFrame)':52} {frame:9.3f} {frame / ours:8.2f}  (× the numpy path; goal ≤ 1.2)")
    print(f"{'pandas + pingouin + numpy bootstrap':52} {peer_time:9.3f} {peer_time / ours:8.1f}  (× slower than tm.assess; goal ≥ 20)")


if __name__ == "__main__":
    main()

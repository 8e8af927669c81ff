"""Matching quality on the judged query set (crates/transform-model/data/queries/judged.json),
side by side: transform-model now, a previous build (PREV_BIN), and rank_bm25.

For each catalog (the bundled one and the independent test catalog) and each half of the set
(calibration, held_out) it prints:
- recall@5: relevant interventions (grade >= 1) among the first five, divided by
  min(5, number relevant) (capped recall), averaged over queries with a relevant intervention;
- nDCG@5: gains 2^grade - 1, log2 discount, ideal from the judgements;
- wrong "no good match": share of queries with an intervention graded 2 where the matcher
  retrieves nothing (transform-model: `retrieved == 0`; rank_bm25: no document scores > 0);
- "no good match" recall: share of queries without any relevant intervention where it says so.
rank_bm25: BM25Okapi over the title and description, lower-cased, split on \\w+ runs (as
bench/peers_match.py but without punctuation glued to words). It has no threshold, so it says
"no good match" only when no word is shared.
Run with `scripts/bench-peers.sh quality` (installs rank_bm25; PREV_BIN=path/to/old/transform-model).
"""
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "transform-model", "data")
TARGET = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR") or "target")
TM = os.environ.get("TM_BIN") or os.path.join(TARGET, "release", "transform-model")
K = 5


def load():
    judged = json.load(open(os.path.join(DATA, "queries", "judged.json")))
    catalogs = {name: os.path.join(DATA, os.path.relpath(path, "data")) for name, path in judged["catalogs"].items()}
    return judged, catalogs


def grades(judged, query, catalog):
    out = {}
    for topic in query["topics"]:
        for doc, g in judged["topics"][topic][catalog].items():
            out[doc] = max(out.get(doc, 0), g)
    return out


def transform_model(binary):
    def run(catalog_path, text):
        out = subprocess.run([binary, "match", text, "--catalog", catalog_path, "--similar", "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
        d = json.loads(out)
        return [h["id"] for h in d["similar"]["interventions"]], d["retrieved"] == 0
    return run


def rank_bm25():
    import numpy as np
    from rank_bm25 import BM25Okapi
    cache = {}

    def tok(s):
        return re.findall(r"\w+", s.lower())

    def run(catalog_path, text):
        if catalog_path not in cache:
            ivs = json.load(open(catalog_path))["interventions"]
            cache[catalog_path] = ([iv["id"] for iv in ivs], BM25Okapi([tok(iv["title"] + "\n" + iv["description"]) for iv in ivs]))
        ids, bm25 = cache[catalog_path]
        scores = bm25.get_scores(tok(text))
        order = [i for i in np.argsort(-scores, kind="stable") if scores[i] > 0]
        return [ids[i] for i in order[:10]], len(order) == 0
    return run


def metrics(judged, catalogs, run, half):
    rec, ndcg, wrong, should, said_none = [], [], [], 0, 0
    for cat, path in catalogs.items():
        for q in judged["queries"]:
            if q["half"] != half:
                continue
            g = grades(judged, q, cat)
            ranked, none = run(path, q["text"])
            relevant = [d for d, x in g.items() if x >= 1]
            if relevant:
                rec.append(sum(1 for d in ranked[:K] if g.get(d, 0) >= 1) / min(K, len(relevant)))
                dcg = sum((2 ** g.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:K]))
                ideal = sorted(g.values(), reverse=True)[:K]
                ndcg.append(dcg / sum((2 ** x - 1) / math.log2(i + 2) for i, x in enumerate(ideal)))
            if any(x == 2 for x in g.values()):
                wrong.append(none)
            if not relevant:
                should += 1
                said_none += none
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
    return mean(rec), mean(ndcg), mean(wrong), said_none / should if should else float("nan")


def main():
    judged, catalogs = load()
    contenders = [("transform-model (this build)", transform_model(TM))]
    if os.environ.get("PREV_BIN"):
        contenders.append(("transform-model (previous)", transform_model(os.environ["PREV_BIN"])))
    contenders.append(("rank_bm25", rank_bm25()))
    n = {h: sum(q["half"] == h for q in judged["queries"]) for h in ("calibration", "held_out")}
    print(f"{len(judged['queries'])} judged queries × 2 catalogs (bundled, test); halves {n}")
    print(f"{'':32} {'half':12} {'catalogs':9} {'recall@5':>9} {'nDCG@5':>7} {'wrong NGM':>10} {'NGM recall':>11}")
    for name, run in contenders:
        for half in ("calibration", "held_out"):
            for which in ("both", *catalogs):
                subset = catalogs if which == "both" else {which: catalogs[which]}
                r, nd, w, nr = metrics(judged, subset, run, half)
                print(f"{name:32} {half:12} {which:9} {r:9.3f} {nd:7.3f} {w:10.3f} {nr:11.3f}")


if __name__ == "__main__":
    sys.exit(main())

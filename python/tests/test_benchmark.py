"""The national benchmark from Python (`tm.benchmark`), synthetic surveys, and the Dask
example run at a small size."""
import os
import subprocess
import sys

import numpy as np
import pytest

import transform_model as tm

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def _assessments(codes, n=200):
    model = tm.default_model()
    return {c: tm.assess(tm.sample_survey(model, respondents=n, seed=int(c)), model, bootstrap=0) for c in codes}


def test_benchmark_quartiles_match_numpy():
    codes = ["101", "147", "151", "153", "155"]
    found = _assessments(codes)
    frames = tm.benchmark(found, of="151")
    assert frames.peers.iloc[0]["n"] == 5 and frames.peers.iloc[0]["kind"] == "all"
    for row in frames.dimensions.itertuples():
        scores = [a.dimensions().set_index("id").loc[row.dimension, "score"] for a in found.values()]
        scores = np.array([s for s in scores if not np.isnan(s)])
        assert row.n == len(scores)
        # numpy's default percentile is the same linear (type 7) interpolation.
        assert row.median == pytest.approx(np.percentile(scores, 50), abs=1e-12)
        assert row.p25 == pytest.approx(np.percentile(scores, 25), abs=1e-12)
        mine = found["151"].dimensions().set_index("id").loc[row.dimension, "score"]
        assert row.of_rank == 1 + int((scores > mine).sum())


def test_benchmark_errors():
    found = _assessments(["101", "147"])
    with pytest.raises(tm.OptionError, match="at least 3"):
        tm.benchmark(found)
    with pytest.raises(tm.OptionError, match="not one of the 98"):
        tm.benchmark({"999": found["101"], "147": found["147"]})
    # A list of assessments without recorded municipalities is refused.
    with pytest.raises(tm.OptionError, match="names no municipality"):
        tm.benchmark(list(found.values()))


def test_sample_survey_is_seeded():
    a = tm.sample_survey(respondents=30, seed=7)
    b = tm.sample_survey(respondents=30, seed=7)
    assert a.equals(b) and list(a.columns[:2]) == ["respondent", "role"]
    assert len(tm.municipalities()) == 98


def test_dask_example_small():
    pytest.importorskip("dask.distributed")
    out = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "national_benchmark_dask.py"), "--municipalities", "6",
         "--respondents", "60", "--bootstrap", "0", "--workers", "2", "--loop"],
        capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    assert "peers: all, n = 6" in out
    assert "dask: 6 municipalities × 60 respondents" in out and "loop:" in out

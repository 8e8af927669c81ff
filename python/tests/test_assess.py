import math
import pickle

import numpy as np
import pandas as pd
import pytest

import transform_model as tm

WORKED_CSV = """respondent,role,D1_1,D1_2,D1_5,D1_7
T1,top_manager,5,4,2,4
"""


def test_matches_cli_json(sample_csv, cli):
    a = tm.assess(sample_csv, bootstrap=200, seed=7)
    expected = cli("assess", str(sample_csv), "--bootstrap", "200", "--seed", "7", "--format", "json")
    assert a.to_dict() == expected
    assert a.overall_score == expected["overall"]["score"]
    assert a.overall_level == expected["overall"]["level"]


def test_dataframe_path_equals_file_path(sample_csv):
    df = pd.read_csv(sample_csv)
    assert tm.assess(df, bootstrap=100, seed=1) == tm.assess(sample_csv, bootstrap=100, seed=1)


def test_numpy_matrix_equals_dataframe(sample_csv):
    df = pd.read_csv(sample_csv)
    # Item answers go in the matrix; the filter answers (ja/nej/ved ikke, F_…) beside it as text.
    known = {i["id"] for i in tm.default_model().items}
    items = [c for c in df.columns if c in known]
    filters = {c: df[c].tolist() for c in df.columns if c.startswith("F_")}
    assert filters, "the sample survey (dtm 2027.1) has filter columns"
    values = df[items].fillna(-1).to_numpy(dtype=np.int64)
    a = tm.assess(values, roles=df["role"].tolist(), items=items, respondents=df["respondent"].tolist(),
                  filters=filters, bootstrap=100, seed=1)
    assert a == tm.assess(df, bootstrap=100, seed=1)


def test_numpy_matrix_is_read_in_place():
    # An int64 C-contiguous matrix is passed through as is: ascontiguousarray returns the same
    # buffer, which the binding borrows (PyReadonlyArray2::as_slice) without copying.
    # Varied answers: a cell whose members all share one score is hidden under 20 (v2).
    values = np.array([[4, 4], [4, 3], [4, 4], [5, 4], [4, 4], [3, 4]], dtype=np.int64)
    assert np.ascontiguousarray(values, dtype=np.int64) is values
    a = tm.assess(values, roles=["frontline"] * 6, items=["D8_8", "D8_10"], bootstrap=0)
    d8 = a.dimensions().set_index("id").loc["D8"]
    # (8 + 7 + 8 + 9 + 8 + 7) / 2 / 6 = 47/12.
    assert d8["score"] == pytest.approx(47 / 12) and d8["n"] == 6
    # Other layouts still work (converted once).
    a2 = tm.assess(np.asfortranarray(values.astype(np.int32)), roles=["frontline"] * 6, items=["D8_8", "D8_10"],
                   bootstrap=0)
    assert a2 == a
    with pytest.raises(TypeError):
        tm.assess(values.astype(float), roles=["frontline"] * 6, items=["D8_8", "D8_10"])
    # The raw binding refuses Fortran order instead of reading it transposed.
    from transform_model import _transform_model as rs

    with pytest.raises(ValueError, match="C-contiguous"):
        rs.assess_matrix(tm.default_model()._inner, np.asfortranarray(values), [f"R{i}" for i in range(6)],
                         ["frontline"] * 6, ["D8_8", "D8_10"], -1, "balanced", 5, False, 10, 2, 0, 0, None, None)
    with pytest.raises(TypeError):
        tm.assess(values)


def test_frames_have_documented_columns_and_dtypes(sample_csv):
    a = tm.assess(sample_csv, bootstrap=50)
    d = a.dimensions("en")
    assert list(d.columns[:7]) == ["id", "label", "score", "level", "progress", "ci_low", "ci_high"]
    assert {"borderline", "p_level", "alpha", "alpha_n", "icc1", "n_effective", "status"} <= set(d.columns)
    assert len(d) == 10 and d.loc[0, "label"] == "Political and strategic direction"
    assert d["score"].dtype == "float64" and str(d["n"].dtype) == "Int64"
    assert (d["ci_low"] <= d["score"]).all() and (d["score"] <= d["ci_high"]).all()
    # level = floor(score) on the 1..5 scale
    assert (d["level"] == np.floor(d["score"]).astype(int)).all()
    g = a.groups()
    assert set(g["role"]) == {"top_manager", "middle_manager", "frontline", "external_partner"}
    assert g["score"].dtype == "float64"
    # External partners answer no D1 item: their D1 score is suppressed (NaN), not zero.
    ext_d1 = g[(g.role == "external_partner") & (g.dimension == "D1")]
    assert math.isnan(ext_d1["score"].iloc[0])
    gaps = a.gaps()
    assert list(gaps.columns) == ["a", "b", "dimension", "diff", "ci_low", "ci_high", "p", "p_adjusted",
                                  "significant", "common_items", "withheld"]
    # Holm never lowers a p-value; significance is the adjusted p below 5 %.
    tested = gaps.dropna(subset=["p"])
    assert (tested["p_adjusted"] >= tested["p"] - 1e-15).all()
    assert (tested["significant"] == (tested["p_adjusted"] < 0.05)).all()
    r = a.recommendations()
    assert list(r["priority"]) == list(range(1, len(r) + 1))
    # Contract v3: ordered by the gap on the roles asked every dimension (priority_gap).
    pg = [x["priority_gap"] for x in a.to_dict()["recommendations"]]
    assert all(x >= y - 1e-12 for x, y in zip(pg, pg[1:]))


def test_options_and_baseline(sample_csv):
    pooled = tm.assess(sample_csv, weighting="pooled", bootstrap=0)
    balanced = tm.assess(sample_csv, bootstrap=0)
    assert pooled.overall_score != balanced.overall_score
    t = tm.assess(sample_csv, bootstrap=0, target=5)
    assert (t.dimensions()["target"] == 5.0).all()
    with pytest.raises(tm.ResponseError, match="weighting"):
        tm.assess(sample_csv, bootstrap=0, baseline=pooled)
    b = tm.assess(sample_csv, bootstrap=0, baseline=tm.assess(sample_csv, bootstrap=0))
    change = b.to_dict()["baseline"]["dimensions"][0]
    assert change["change"] == pytest.approx(change["current"] - change["baseline"])
    with pytest.raises(ValueError, match="weighting"):
        tm.assess(sample_csv, weighting="heads")


def test_html_has_radar_chart(sample_csv):
    a = tm.assess(sample_csv, bootstrap=50)
    html = a._repr_html_()
    assert "<svg" in html and "<title>Modenhedsprofil</title>" in html
    radar = a.radar_svg("da")
    assert 'class="score"' in radar and 'class="ci"' in radar and 'class="target"' in radar
    assert "Politisk og strategisk retning" in html
    assert "Political and strategic direction" in a.notebook_html("en")
    assert "Samlet niveau" in a.table("da")


def test_pickle_round_trip(sample_csv):
    a = tm.assess(sample_csv, bootstrap=50)
    b = pickle.loads(pickle.dumps(a))
    assert a == b and b.dimensions().equals(a.dimensions())
    m = tm.default_model()
    assert pickle.loads(pickle.dumps(m)) == m


def test_threads_do_not_change_results(sample_csv):
    one = tm.assess(sample_csv, bootstrap=200, seed=3, threads=1)
    many = tm.assess(sample_csv, bootstrap=200, seed=3, threads=4)
    assert one == many
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: tm.assess(sample_csv, bootstrap=200, seed=3), range(4)))
    assert all(r == one for r in results)

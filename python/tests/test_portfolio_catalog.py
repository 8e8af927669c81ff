import pickle

import pytest

import transform_model as tm


def test_portfolio_matches_cli(cli):
    a = tm.Portfolio.sample().analyse()
    expected = cli("portfolio", "--format", "json")
    assert a.data == expected


def test_portfolio_frames():
    p = tm.Portfolio.sample()
    a = p.analyse(horizon=5, lang="en")
    al = a.alignment
    assert list(al.columns) == ["initiative", "mission", "score", "link", "target_groups", "outcomes", "text", "reach"]
    assert len(al) == 6 * 40 and al["score"].between(0, 1).all()
    assert set(a.coverage["mission"]) == {f"M{i}" for i in range(1, 7)}
    assert list(a.closure_candidates.columns) == ["initiative", "best_alignment", "reason"]
    assert set(a.economics["recommendation"]) <= {"spread", "keep", "reconsider", "close", "too_early_to_judge"}
    assert str(a.economics["payback_year"].dtype) == "Int64"
    assert {"modes", "facets", "stages", "department_share"} <= set(a.balance["kind"])
    assert list(a.cross_fertilisation.columns) == ["a", "b", "shared", "score"]
    assert "<svg" in a._repr_html_()
    assert p.analyse(horizon=5, year=2030).data["year"] == 2030
    assert pickle.loads(pickle.dumps(p)) == p
    assert tm.Portfolio.from_dict(p.to_dict()) == p


def test_match_matches_cli(cli):
    c = tm.default_catalog()
    df = c.match("ledige i boligområder skal i job", target_groups=["ledige"], context={"urbanity": "rural"},
                 exclude=["opsoegende_kontakt"], top=5)
    expected = cli("match", "ledige i boligområder skal i job", "--target-group", "ledige", "--context",
                   "urbanity=rural", "--exclude", "opsoegende_kontakt", "--top", "5", "--format", "json")
    assert df.attrs["result"] == expected
    assert list(df["id"]) == [m["id"] for m in expected["ingredients"]]
    assert "opsoegende_kontakt" not in set(df["id"]) and df.attrs["excluded"] == ["opsoegende_kontakt"]
    assert list(df.columns[:4]) == ["id", "name", "score", "lift"]
    assert df["score"].is_monotonic_decreasing


def test_match_many_equals_one_by_one():
    c = tm.default_catalog()
    queries = ["ældre medicin i hjemmeplejen", {"problem": "unge uden uddannelse", "target_groups": ["unge"]},
               "klima energi virksomheder"]
    many = c.match_many(queries, top=5)
    one = [c.match(q, top=5) if isinstance(q, str) else c.match(**q, top=5) for q in queries]
    for a, b in zip(many, one):
        assert a.attrs["result"] == b.attrs["result"]


def test_similar_partners_pickle():
    c = tm.default_catalog()
    s = c.similar("dosisdispensering af medicin", top=3)
    assert len(s) == 3 and s["relevance"].is_monotonic_decreasing
    p = c.partners("561", top=3)
    assert len(p) == 3 and p["score"].is_monotonic_decreasing
    c2 = pickle.loads(pickle.dumps(c))
    assert len(c2) == len(c)
    assert c2.match("ældre medicin").attrs["result"] == c.match("ældre medicin").attrs["result"]


def test_model_api():
    m = tm.default_model()
    assert (m.id, m.version) == ("dtm", "2027.1")
    import json, pathlib
    path = pathlib.Path(__file__).resolve().parents[2] / "crates" / "transform-model" / "models" / "dtm-2027.1.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert len(m.dimensions) == len(raw["dimensions"]) == 10 and len(m.items) == len(raw["items"])
    f = m.to_frame("en")
    assert list(f.columns) == ["item", "dimension", "dimension_label", "text", "reverse", "roles"]
    assert f["reverse"].sum() >= 4
    o = m.overlay({"dimensions": [{"id": "D1", "label": {"en": "Direction"}}]})
    assert o.to_frame("en").iloc[0]["dimension_label"] == "Direction"
    assert tm.Model.from_json(m.to_json()) == m

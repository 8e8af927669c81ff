"""Frames built from Rust values (issue 31, "values, not JSON") equal, field by field and
dtype by dtype, the frames the package built before from each result's JSON text. The
reference builders below are that earlier code, kept here as the test's own implementation:
they read only the JSON the core writes (`to_json`), the new path never does."""
import json
import pickle

import numpy as np
import pandas as pd
import pytest

import transform_model as tm
from transform_model import _catalog
from transform_model import _plan

MODEL = "dtm@2026.2"


# -- reference: the frames from JSON, as built before -------------------------------------

def json_match_frame(result_json, lang):
    r = json.loads(result_json)
    rows = [{"id": m["id"], "name": m["name"].get(lang, m["name"].get("da")), "score": m["score"], "lift": m["lift"],
             "support_interventions": m["support"]["interventions"],
             "support_municipalities": m["support"]["municipalities"], "max_evidence": m["evidence"]["max_level"],
             "transfer": m["transfer"], "advice": m["advice"],
             "sources": [s["id"] for s in m["sources"]], "warnings": m["warnings"]} for m in r["ingredients"]]
    df = pd.DataFrame(rows, columns=_catalog.MATCH_COLUMNS)
    df["lift"] = df["lift"].astype("float64")
    return df, r


def json_plan_frames(plan_json, lang):
    d = json.loads(plan_json)

    def action(year, a):
        return {"year": year, "quarter": a["quarter"], "id": a["id"], "kind": a["kind"], "title": a["title"][lang],
                "owner": a["owner"]["department"] if a["owner"] else None, "hours": a["hours"],
                "cost_kr": a["cost_kr"], "budget_year": a["budget_year"], "savings_from": a["savings_from"],
                "depends_on": list(a["depends_on"]), "gate_year": (a.get("gate") or {}).get("year"),
                "decision_month": (a.get("decision") or {}).get("month")}

    def economy(e):
        row = {k: e[k] for k in ("budget_year", "already_budgeted_kr", "new_kr", "savings_kr", "net_kr",
                                 "cumulative_net_kr", "anlaeg_kr", "known_new_kr")}
        row["not_costed"] = list(e["not_costed"])
        for k, o in enumerate(e["overslag"], start=1):
            row[f"overslag_{k}_kr"] = o["net_kr"]
        return row

    return {
        "actions": _plan.ACTIONS.from_rows([action(p["year"], a) for p in d["phases"] for a in p["actions"]]),
        "deferred": _plan.DEFERRED.from_rows([{"id": a["id"], "kind": a["kind"], "title": a["title"][lang],
                                               "reason": (a.get("reason") or {}).get(lang, "")}
                                              for a in d["deferred"]]),
        "economy": _plan.ECONOMY.from_rows([economy(e) for e in d["economy"]]),
        "calendar": _plan.CALENDAR.from_rows([{"year": e["year"], "month": e["month"], "kind": e["kind"],
                                               "text": e["text"][lang], "actions": list(e["actions"])}
                                              for e in d["calendar"]]),
        "load": _plan.LOAD.from_rows([{"level": level, **r} for level, key in (("department", "per_department"),
                                                                              ("owner", "per_owner"))
                                      for r in d["load"][key]]),
        "missing": [m[lang] for m in d["missing"]],
        "summary": d["summary"][lang],
        "start_year": d["start_year"],
        "elections": d["elections"],
    }


def assert_same_frame(values, reference):
    """Same columns in the same order, same dtypes, same values (NaN equal to NaN), row by row."""
    assert list(values.columns) == list(reference.columns)
    assert values.dtypes.to_dict() == reference.dtypes.to_dict()
    assert len(values) == len(reference)
    pd.testing.assert_frame_equal(values, reference, check_exact=True)


# -- match ----------------------------------------------------------------------------------

QUERIES = [
    "ældre medicin i hjemmeplejen",
    {"problem": "unge uden uddannelse", "target_groups": ["unge"]},
    {"problem": "ledige i boligområder skal i job", "context": {"urbanity": "rural"},
     "exclude": ["opsoegende_kontakt"]},
    "zzzz qqqq",  # nothing matches: the empty frame keeps its columns and dtypes
]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_match_frames_from_values_equal_the_frames_from_json(lang):
    c = tm.default_catalog()
    many = c.match_many(QUERIES, top=5, lang=lang)
    qs = [_catalog._query(q) if isinstance(q, str) else _catalog._query(**q) for q in QUERIES]
    raw = c._inner.match_many(qs, 5, 50, lang)
    assert any(len(df) > 0 for df in many) and any(len(df) == 0 for df in many)  # both cases are covered
    for df, r in zip(many, raw):
        reference, result = json_match_frame(r.to_json(), lang)
        assert_same_frame(df, reference)
        # The full result as values equals the JSON the core writes, key by key.
        assert df.attrs["result"] == result
        assert df.attrs["retrieved"] == result["retrieved"] and df.attrs["excluded"] == result["excluded"]


def test_match_frame_dtypes_are_the_documented_ones():
    df = tm.default_catalog().match("ældre medicin i hjemmeplejen", top=5)
    assert len(df) > 0
    for name in ("score", "lift"):
        assert df[name].dtype == np.float64, name
    for name in ("support_interventions", "support_municipalities", "max_evidence"):
        assert df[name].dtype == np.int64, name
    assert all(isinstance(v, list) for v in df["sources"]) and all(isinstance(v, list) for v in df["warnings"])
    # Sources in the frame are the result's source ids, in order.
    assert [list(s) for s in df["sources"]] == [[s["id"] for s in m["sources"]]
                                                for m in df.attrs["result"]["ingredients"]]


def test_match_many_details_are_read_on_first_use_and_equal_match():
    import copy
    c = tm.default_catalog()
    many = c.match_many(["ældre medicin i hjemmeplejen"], top=5)[0]
    one = c.match("ældre medicin i hjemmeplejen", top=5)
    details = many.attrs["result"]
    assert isinstance(one.attrs["result"], dict) and isinstance(details, _catalog.MatchDetails)
    assert details._data is None  # the frame alone did not build the full result
    assert details == one.attrs["result"] and one.attrs["result"] == details
    assert details["ingredients"][0]["id"] == many["id"][0] and len(details) == len(one.attrs["result"])
    assert details.to_dict() == one.attrs["result"] and json.loads(details.to_json()) == one.attrs["result"]
    # Immutable: pandas' copy of a frame's attrs on every operation shares it.
    assert copy.deepcopy(details) is details and many.head(2).attrs["result"] is details
    assert pickle.loads(pickle.dumps(details)) == details
    other = c.match_many(["unge uden uddannelse"], top=5)[0].attrs["result"]
    assert other != details and other != one.attrs["result"]


def test_a_match_many_frame_exports_as_a_match_frame(tmp_path):
    c = tm.default_catalog()
    many = c.match_many(["ensomhed blandt ældre"], lang="en")[0]
    tm.export_match(many, tmp_path / "many.csv", lang="en")
    tm.export_match(c.match("ensomhed blandt ældre", lang="en"), tmp_path / "one.csv", lang="en")
    assert (tmp_path / "many.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    assert all(i in (tmp_path / "many.csv").read_text(encoding="utf-8") for i in many["id"])


def test_a_match_result_pickles_through_its_json():
    r = tm.default_catalog()._inner.match_one(_catalog._query("ældre medicin"), 5, 50, "da")
    again = type(r).from_json(r.to_json())
    assert again.to_json() == r.to_json() and again.to_dict() == r.to_dict()


# -- plan -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plans():
    a = tm.assess(tm.sample_survey(MODEL, respondents=300, seed=5), MODEL, bootstrap=0)
    return [tm.plan(a, tm.Portfolio.sample(), tm.default_catalog(), start_year=2026, lang=lang)
            for lang in ("da", "en")] + [tm.plan(a, start_year=2027, elections=[2029], lang="en")]


def test_plan_frames_from_values_equal_the_frames_from_json(plans):
    for plan in plans:
        reference = json_plan_frames(plan.to_json(), plan._lang)
        for name in ("actions", "deferred", "economy", "calendar", "load"):
            assert_same_frame(getattr(plan, name), reference[name])
        assert plan.missing == reference["missing"] and plan.summary == reference["summary"]
        assert plan.start_year == reference["start_year"] and plan.elections == reference["elections"]
    # Not vacuous: the plans have rows in every frame, costs that are NaN and costs that are not.
    first = plans[0]
    assert all(len(getattr(first, n)) > 0 for n in ("actions", "economy", "calendar", "load"))
    assert first.actions["cost_kr"].isna().any() and first.actions["cost_kr"].notna().any()


def test_a_plan_from_its_json_has_the_same_frames(plans):
    plan = plans[0]
    again = tm.Plan(plan.to_json(), "da")
    assert again == plan and again.to_json() == plan.to_json()
    for name in ("actions", "deferred", "economy", "calendar", "load"):
        assert_same_frame(getattr(again, name), getattr(plan, name))
    unpickled = pickle.loads(pickle.dumps(plan))
    assert_same_frame(unpickled.calendar, plan.calendar)
    with pytest.raises(ValueError, match="phases"):
        tm.Plan(json.dumps({k: v for k, v in plan.to_dict().items() if k != "phases"}))

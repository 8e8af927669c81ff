"""Breakdowns by unit (`by=`), audited as one publication, in every input path; the
differencing attack of issue 31 (the whole municipality minus the published departments)
finds no group of 1..k−1; assessing subsets in a loop is warned about."""
import json
import warnings

import numpy as np
import pytest

import transform_model as tm

MODEL = "dtm@2026.1"
K = 5


def survey(n: int = 260, seed: int = 11):
    """A synthetic survey with departments: politicians 2 in `Teknik`, 3 in `Kultur`, the
    rest in `Social`; every other role round-robin over four departments."""
    df = tm.sample_survey(MODEL, respondents=n, seed=seed)
    departments = []
    seen: dict = {}
    for role in df["role"]:
        i = seen.get(role, 0)
        seen[role] = i + 1
        if role == "politician":
            departments.append("Teknik" if i < 2 else "Kultur" if i < 5 else "Social")
        else:
            departments.append(["Teknik", "Kultur", "Social", "Børn"][i % 4])
    df.insert(2, "department", departments)
    assert seen["politician"] >= 2 + 3 + K, "the survey needs enough politicians for the attack"
    return df


def hidden_groups(a: dict, k: int):
    """The differencing attack, on every figure the assessment publishes: for each role group
    and dimension, the municipality's n minus the published departments' n; for each
    department and dimension, its n minus its published role cells; the municipality's n
    minus the published departments. Returns every difference in 1..k−1 (a group of people
    whose figures could be derived)."""
    found = []
    dims = [d["id"] for d in a["dimensions"]]
    cells = {(u["department"], u["role"]): {d["id"]: d["n"] for d in u["dimensions"]}
             for u in a["units"] if u["unit"] is None}
    departments = sorted({dep for dep, _ in cells})
    for g in a["groups"]:
        for d in g["dimensions"]:
            if d["n"] is None:
                continue
            published = sum(cells[(dep, g["role"])][d["id"]] or 0 for dep in departments if (dep, g["role"]) in cells)
            if 0 < d["n"] - published < k:
                found.append(("role", g["role"], d["id"], d["n"] - published))
    for dep in departments:
        for dim in dims:
            whole = cells.get((dep, None), {}).get(dim)
            if whole is None:
                continue
            parts = sum(n for (d2, role), ns in cells.items() if d2 == dep and role is not None
                        for n in [ns[dim]] if n is not None)
            if 0 < whole - parts < k:
                found.append(("department", dep, dim, whole - parts))
    for dim_i, dim in enumerate(dims):
        whole = sum(g["dimensions"][dim_i]["n"] or 0 for g in a["groups"])
        parts = sum(ns[dim] or 0 for (dep, role), ns in cells.items() if role is None)
        if 0 < whole - parts < k:
            found.append(("municipality", None, dim, whole - parts))
    return found


def test_the_differencing_attack_finds_nobody():
    df = survey()
    a = tm.assess(df, MODEL, by="department", bootstrap=0)
    data = a.to_dict()
    assert a.by == ["department"]
    # The breakdown publishes something (the test is not vacuous) and withholds something:
    # the 2 politicians of Teknik and the 3 of Kultur are cells under k.
    published = [u for u in data["units"] if u["n"] is not None]
    assert any(u["role"] is None for u in published)
    cell = {(u["department"], u["role"]): u for u in data["units"] if u["unit"] is None}
    assert cell.get(("Teknik", "politician"), {"n": None})["n"] is None
    assert cell.get(("Kultur", "politician"), {"n": None})["n"] is None
    assert a.suppression["primary"] >= 2 and a.suppression["primary"] + a.suppression["secondary"] >= 2
    assert hidden_groups(data, K) == []


def test_units_frame_matches_the_json():
    df = survey()
    a = tm.assess(df, MODEL, by="department", bootstrap=0)
    frame = a.units()
    rows = [(u, d) for u in a.to_dict()["units"] for d in u["dimensions"]]
    assert len(frame) == len(rows) > 0
    for (u, d), (_, r) in zip(rows, frame.iterrows()):
        assert r["department"] == u["department"] and r["dimension"] == d["id"]
        assert (r["score"] != r["score"]) if d["score"] is None else r["score"] == d["score"]


def test_every_input_path_gives_the_same_breakdown(tmp_path):
    df = survey()
    wide = tm.assess(df, MODEL, by="department", bootstrap=0)
    path = tmp_path / "survey.csv"
    df.to_csv(path, index=False)
    from_csv = tm.assess(path, MODEL, by="department", bootstrap=0)
    items = [c for c in df.columns if c not in ("respondent", "role", "department")]
    matrix = df[items].fillna(-1).to_numpy(dtype=np.int64)
    from_matrix = tm.assess(matrix, MODEL, roles=df["role"].tolist(), items=items,
                            respondents=df["respondent"].tolist(), missing=-1,
                            units={"department": df["department"].tolist()}, by="department", bootstrap=0)
    long = df.melt(id_vars=["respondent", "role", "department"], var_name="item", value_name="value")
    from_long = tm.assess(long, MODEL, by="department", bootstrap=0)
    expected = wide.to_dict()["units"]
    for other in (from_csv, from_matrix, from_long):
        assert other.to_dict()["units"] == expected
        assert other.suppression == wide.suppression


def test_a_department_column_is_not_an_item_without_by():
    df = survey()
    plain = tm.assess(df.drop(columns="department"), MODEL, bootstrap=0)
    with_column = tm.assess(df, MODEL, bootstrap=0)
    assert with_column.to_dict()["dimensions"] == plain.to_dict()["dimensions"]
    assert with_column.to_dict().get("units", []) == []


def test_a_respondent_in_two_departments_is_refused():
    df = survey()
    items = [c for c in df.columns if c not in ("respondent", "role", "department")]
    long = df.melt(id_vars=["respondent", "role", "department"], var_name="item", value_name="value")
    long.loc[long.index[-1], "department"] = "Andet"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(long, MODEL, by="department", bootstrap=0)
    assert e.value.column == "department"
    assert items  # the long frame has every item


def test_unknown_by_column_names_it():
    with pytest.raises(tm.OptionError) as e:
        tm.assess(survey(), MODEL, by="område", bootstrap=0)
    assert "område" in str(e.value)


def test_audit_against_withholds_cells_that_differ_by_fewer_than_k(tmp_path):
    df = survey()
    whole = tm.assess(df, MODEL, bootstrap=0)
    # The same survey less two respondents of one role: its group differs by 2 < k.
    role = df["role"].value_counts().index[0]
    fewer = df.drop(index=df.index[df["role"] == role][:2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tm.SubsetWarning)
        alone = tm.assess(fewer, MODEL, bootstrap=0)
    path = tmp_path / "whole.json"
    path.write_text(whole.to_json())
    audited = tm.assess(fewer, MODEL, bootstrap=0, audit_against=[str(path)])
    n_alone = {g["role"]: g["n"] for g in alone.to_dict()["groups"]}
    assert n_alone[role] is not None
    withheld = lambda a: sum(d["score"] is None for g in a.to_dict()["groups"] if g["role"] == role
                             for d in g["dimensions"])
    assert withheld(audited) > withheld(alone)
    assert audited.suppression["secondary"] > alone.suppression["secondary"]


def test_assessing_departments_in_a_loop_warns():
    df = survey(seed=12)
    tm.assess(df, MODEL, bootstrap=0)
    with pytest.warns(tm.SubsetWarning, match="by='department'"):
        for _, part in df.groupby("department"):
            tm.assess(part.drop(columns="department"), MODEL, bootstrap=0, min_group_size=K)


def test_municipality_and_confidence():
    df = survey()
    a = tm.assess(df, MODEL, bootstrap=0, municipality="851")
    assert a.municipality["code"] == "851"
    wide = tm.assess(df, MODEL, bootstrap=0, confidence=0.99)
    narrow = tm.assess(df, MODEL, bootstrap=0, confidence=0.80)
    for w, n in zip(wide.to_dict()["dimensions"], narrow.to_dict()["dimensions"]):
        if w["ci"] and n["ci"]:
            assert w["ci"][1] - w["ci"][0] > n["ci"][1] - n["ci"][0]
    with pytest.raises(tm.OptionError) as e:
        tm.assess(df, MODEL, bootstrap=0, municipality="999")
    assert e.value.option == "municipality"
    with pytest.raises(tm.ArgumentTypeError) as e:
        tm.assess(df, MODEL, bootstrap=0, confidence="high")
    assert e.value.option == "confidence"


def test_the_notebook_radar_is_not_clipped():
    a = tm.assess(survey(), MODEL, bootstrap=0)
    cell = a._repr_html_()
    start = cell.index("<svg ")
    assert 'overflow="visible"' in cell[start:cell.index(">", start)]

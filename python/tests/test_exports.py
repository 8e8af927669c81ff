"""BI exports (issue 15, item 6) read back the way a BI team reads them — pandas for CSV,
openpyxl for xlsx — and compared with the JSON of the same result; and the bundled sample
survey as a DataFrame (item 7)."""

import io
import json
import os
import pathlib
import subprocess

import openpyxl
import pandas as pd
import pytest

import transform_model as tm

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "transform-model" / "data"
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
if not TARGET.is_absolute():
    TARGET = ROOT / TARGET
CLI = TARGET / "release" / "transform-model"


@pytest.fixture(scope="module")
def run():
    if not CLI.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli"], cwd=ROOT, check=True)

    def run(*args: str) -> str:
        return subprocess.run([str(CLI), *args], check=True, capture_output=True, text=True).stdout

    return run


@pytest.fixture(scope="module")
def assessment():
    with pytest.warns(tm.DataLossWarning, match="4 respondent"):
        return tm.assess(tm.sample_responses(), bootstrap=0)


def read_csv(path, lang):
    # Exact: before pandas 3 the default float parser may be off in the last bit; the exports are not.
    sep, decimal = (";", ",") if lang == "da" else (",", ".")
    exact = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}
    return pd.read_csv(path, sep=sep, decimal=decimal, encoding="utf-8-sig", keep_default_na=False, na_values=[""],
                       **exact)


def opt(x):
    return None if x is None or pd.isna(x) else float(x)


def test_sample_responses_is_the_bundled_survey():
    frame = tm.sample_responses()
    on_disk = pd.read_csv(DATA / "sample_responses.csv", dtype={"respondent": str, "role": str})
    pd.testing.assert_frame_equal(frame, on_disk)
    assert list(frame.columns[:2]) == ["respondent", "role"]
    ci = tm.sample_responses("ci")
    assert set(ci["role"]) == {"municipality", "region", "business", "civil_society", "citizen_rep"}
    with pytest.raises(ValueError, match="allowed: dtm, ci"):
        tm.sample_responses("nope")


def test_the_sample_survey_has_a_significant_perception_gap(assessment):
    # The showcase must show something (issue 15, item 7): Welch + Holm over all gaps.
    gaps = assessment.to_dict()["gaps"]
    significant = [g for g in gaps if g["significant"]]
    assert significant, gaps
    for g in significant:
        assert g["p_adjusted"] < 0.05 and g["p"] <= g["p_adjusted"]
        assert g["ci"][0] > 0 or g["ci"][1] < 0, "a significant difference's interval excludes 0"


def test_danish_csv_holds_the_json_figures(assessment, tmp_path):
    path = tmp_path / "vurdering.csv"
    assessment.to_csv(path, lang="da")
    assert path.read_bytes().startswith("\ufeffAfsnit;Gruppe;".encode())
    df = read_csv(path, "da")
    assert list(df.columns) == ["Afsnit", "Gruppe", "Dimension", "Dimensionsnavn", "Nøgletal", "Værdi",
                                "Nedre grænse", "Øvre grænse", "Antal (n)"]
    data = assessment.to_dict()
    dims = df[df["Afsnit"] == "Dimensioner"]
    for d in data["dimensions"]:
        row = dims[(dims["Dimension"] == d["id"]) & (dims["Nøgletal"] == "score")]
        assert len(row) == 1
        row = row.iloc[0]
        assert row["Værdi"] == d["score"]
        assert [opt(row["Nedre grænse"]), opt(row["Øvre grænse"])] == (d["ci"] or [None, None])
        assert row["Antal (n)"] == d["n"]
        assert row["Dimensionsnavn"] == d["label"]["da"]
        alpha = dims[(dims["Dimension"] == d["id"]) & (dims["Nøgletal"] == "Cronbachs alfa")]
        assert len(alpha) == (d["alpha"] is not None)
    # Every group cell the JSON publishes has its score row, none it withholds.
    groups = df[(df["Afsnit"] == "Grupper") & (df["Nøgletal"] == "score")]
    published = [(g["label"]["da"], c["id"], c["score"]) for g in data["groups"] for c in g["dimensions"]
                 if c["score"] is not None]
    assert sorted(zip(groups["Gruppe"], groups["Dimension"], groups["Værdi"])) == sorted(published)
    gaps = df[(df["Afsnit"] == "Forskelle") & (df["Nøgletal"] == "signifikant (1 = ja)")]
    assert gaps["Værdi"].sum() == sum(1 for g in data["gaps"] if g["significant"])


def test_english_csv_from_the_cli_equals_its_json(run):
    sample_csv = DATA / "sample_responses.csv"
    data = json.loads(run("assess", str(sample_csv), "--bootstrap", "0"))
    text = run("assess", str(sample_csv), "--bootstrap", "0", "--format", "csv", "--lang", "en")
    df = read_csv(io.StringIO(text.lstrip("\ufeff")), "en")
    overall = df[df["Section"] == "Overall"].set_index("Measure")["Value"]
    assert overall["score"] == data["overall"]["score"]
    assert overall["level"] == data["overall"]["level"]
    assert overall["excluded for anonymity"] == data["excluded_for_anonymity"]
    recs = df[(df["Section"] == "Recommendations") & (df["Measure"] == "priority")]
    assert list(recs["Dimension"]) == [r["dimension"] for r in data["recommendations"]]


def test_workbook_has_sheets_frozen_headers_widths_and_numbers(assessment, tmp_path):
    path = tmp_path / "vurdering.xlsx"
    assessment.to_excel(path, lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Overall", "Dimensions", "Groups", "Perception gaps", "Recommendations"]
    data = assessment.to_dict()
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]][:5] == ["Section", "Group", "Dimension", "Dimension name", "Measure"]
        assert all(c.font.bold for c in ws[1])
        assert ws.column_dimensions["D"].width > 30
    gaps = book["Perception gaps"]
    rows = [[c.value for c in r] for r in gaps.iter_rows(min_row=2)]
    diffs = [r for r in rows if r[4] == "difference"]
    assert len(diffs) == sum(1 for g in data["gaps"] if g["diff"] is not None)
    for r, g in zip(diffs, [g for g in data["gaps"] if g["diff"] is not None]):
        assert isinstance(r[5], float) and r[5] == g["diff"]
        assert r[2] == g["dimension"]
        assert [r[6], r[7]] == (g["ci"] or [None, None])


def test_portfolio_match_and_plan_exports_equal_their_json(run, tmp_path):
    analysis = json.loads(run("portfolio", "--format", "json"))
    path = tmp_path / "portefolje.csv"
    run("portfolio", "--format", "csv", "--lang", "da", "-o", str(path))
    df = read_csv(path, "da")
    alignment = df[(df["Afsnit"] == "Sammenhæng") & (df["Nøgletal"] == "sammenhæng (alignment)")]
    got = {(r.Initiativ, r.Mission): r.Værdi for r in alignment.itertuples()}
    assert got == {(a["initiative"], a["mission"]): a["score"] for a in analysis["alignment"]}

    problem = "Flere ledige i vores boligområder skal i job"
    report = json.loads(run("match", problem, "--format", "json", "--similar"))
    path = tmp_path / "match.xlsx"
    run("match", problem, "--similar", "--format", "xlsx", "-o", str(path))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Søgning", "Ingredienser", "Frarådede ingredienser", "Lignende indsatser"]
    rows = [[c.value for c in r] for r in book["Ingredienser"].iter_rows(min_row=2)]
    lifts = {r[1]: r[5] for r in rows if r[4] == "lift"}
    assert lifts == {x["id"]: x["lift"] for x in report["ingredients"] if x["lift"] is not None}

    responses, portfolio = str(DATA / "sample_responses.csv"), str(DATA / "portfolio.json")
    plan = json.loads(run("plan", responses, "--portfolio", portfolio, "--format", "json"))
    path = tmp_path / "plan.csv"
    run("plan", responses, "--portfolio", portfolio, "--format", "csv", "--lang", "en", "-o", str(path))
    df = read_csv(path, "en")
    actions = [a for p in plan["phases"] for a in p["actions"]] + plan["deferred"]
    # The actions come first; the money, årshjul and load sections follow.
    head = df.iloc[:len(actions)]
    assert list(head["Id"]) == [a["id"] for a in actions]
    assert [opt(x) for x in head["New money a year (DKK)"]] == [a["cost_kr"] for a in actions]
    totals = df[df["Action"] == "Budget year in total"]
    assert len(totals) == 2 * len(plan["economy"])


def test_a_bad_path_raises_and_leaves_no_file(assessment, tmp_path):
    missing = tmp_path / "mangler" / "a.csv"
    with pytest.raises(FileNotFoundError, match="mangler"):
        assessment.to_csv(missing)
    assert not missing.parent.exists()
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    with pytest.raises(OSError, match="a-folder.xlsx"):
        assessment.to_excel(folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.xlsx"]
    with pytest.raises(tm.OptionError, match="lang"):
        assessment.to_csv(tmp_path / "x.csv", lang="de")

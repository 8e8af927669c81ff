"""The column map of a survey tool's export (issue 32 item 1) in Python: every argument
gives exactly the assessment of the same answers in the canonical layout (respondent, role,
department, item columns), for a CSV path and for a DataFrame; bad maps are typed errors
naming the column or value. The survey is generated here (explicit model and seed), never
the bundled sample's figures."""
import json
import warnings

import numpy as np
import pandas as pd
import pytest

import transform_model as tm

MODEL = "dtm@2026.2"
OPTS = dict(bootstrap=50, seed=1)


@pytest.fixture(scope="module")
def survey():
    """A canonical survey with departments, and the same answers as a survey tool exports
    them: renamed columns, Danish role labels (the model's own) or custom values, metadata."""
    canon = tm.sample_survey(MODEL, 90, seed=21)
    canon["department"] = np.where(np.arange(len(canon)) % 2 == 0, "Social", "Teknik")
    roles = {r["id"]: r["label"]["da"] for r in json.loads(tm.Model.resolve(MODEL).to_json())["roles"]}
    # Top managers appear under a custom value (needs role_values=), the rest under the
    # questionnaire's own Danish labels (need no mapping).
    labels = canon["role"].map(lambda r: "Chef" if r == "top_manager" else roles[r])
    tool = canon.rename(columns={"respondent": "Respondent-ID", "department": "Afdeling"})
    tool["role"] = labels
    tool = tool.rename(columns={"role": "Hvad er din rolle?"})
    tool.insert(0, "Starttidspunkt", "2026-11-02 09:00")
    tool["Kommentar"] = ""
    return canon, tool


MAP = dict(respondent_column="Respondent-ID", role_column="Hvad er din rolle?", department_column="Afdeling",
           role_values={"Chef": "top_manager"})


def test_a_mapped_csv_and_frame_give_the_canonical_assessment(survey, tmp_path):
    canon, tool = survey
    assert (canon["role"] == "top_manager").sum() > 0  # the custom value is exercised
    canon.to_csv(tmp_path / "canon.csv", index=False)
    tool.to_csv(tmp_path / "tool.csv", index=False)
    want = tm.assess(tmp_path / "canon.csv", MODEL, by="department", **OPTS)
    from_csv = tm.assess(tmp_path / "tool.csv", MODEL, by="department", ignore_columns=["Starttidspunkt", "Kommentar"],
                         **MAP, **OPTS)
    from_frame = tm.assess(tool, MODEL, by="department", ignore_columns=["Starttidspunkt", "Kommentar"], **MAP,
                           **OPTS)
    assert from_csv.to_dict() == want.to_dict()
    assert from_frame.to_dict() == tm.assess(canon, MODEL, by="department", **OPTS).to_dict()
    assert set(from_frame.units()["department"].dropna()) == {"Social", "Teknik"}


def test_columns_as_a_dict_a_toml_file_and_a_csv_file_are_the_same_map(survey, tmp_path):
    canon, tool = survey
    tool.to_csv(tmp_path / "tool.csv", index=False)
    canon.to_csv(tmp_path / "canon.csv", index=False)
    want_file = tm.assess(tmp_path / "canon.csv", MODEL, **OPTS).to_dict()
    want = tm.assess(canon, MODEL, **OPTS).to_dict()
    as_dict = {"respondent": "Respondent-ID", "role": "Hvad er din rolle?", "department": "Afdeling",
               "ignore": ["Starttidspunkt", "Kommentar"], "role_values": {"Chef": "top_manager"}}
    (tmp_path / "kolonner.toml").write_text(
        'respondent = "Respondent-ID"\nrole = "Hvad er din rolle?"\ndepartment = "Afdeling"\n'
        'ignore = ["Starttidspunkt", "Kommentar"]\n[role_values]\nChef = "top_manager"\n', encoding="utf-8")
    (tmp_path / "kolonner.csv").write_text(
        "felt,kolonne\nrespondent,Respondent-ID\nrole,Hvad er din rolle?\ndepartment,Afdeling\n"
        "ignore,Starttidspunkt\nignore,Kommentar\nrole_value:Chef,top_manager\n", encoding="utf-8")
    for columns in (as_dict, tmp_path / "kolonner.toml", str(tmp_path / "kolonner.csv")):
        assert tm.assess(tmp_path / "tool.csv", MODEL, columns=columns, **OPTS).to_dict() == want_file, columns
        assert tm.assess(tool, MODEL, columns=columns, **OPTS).to_dict() == want, columns
    # An argument wins over the map: a map naming a wrong respondent column, corrected.
    wrong = dict(as_dict, respondent="ID")
    assert tm.assess(tool, MODEL, columns=wrong, respondent_column="Respondent-ID", **OPTS).to_dict() == want


def test_ignore_unknown_columns_skips_and_lists_them_and_strict_stays_the_default(survey, tmp_path):
    canon, tool = survey
    tool.to_csv(tmp_path / "tool.csv", index=False)
    canon.to_csv(tmp_path / "canon.csv", index=False)
    for source, canonical in ((tmp_path / "tool.csv", tmp_path / "canon.csv"), (tool, canon)):
        want = tm.assess(canonical, MODEL, **OPTS).to_dict()
        with pytest.warns(tm.IgnoredColumnsWarning) as caught:
            got = tm.assess(source, MODEL, ignore_unknown_columns=True, **MAP, **OPTS)
        assert got.to_dict() == want
        text = " ".join(str(w.message) for w in caught)
        assert "`Starttidspunkt`" in text and "`Kommentar`" in text
        with pytest.raises(tm.ResponseError) as e:
            tm.assess(source, MODEL, **MAP, **OPTS)
        assert e.value.column == "Starttidspunkt"


def test_a_missing_mapped_column_and_an_unmapped_role_value_are_named(survey, tmp_path):
    _, tool = survey
    tool.to_csv(tmp_path / "tool.csv", index=False)
    ignore = ["Starttidspunkt", "Kommentar"]
    for source in (tmp_path / "tool.csv", tool):
        with pytest.raises(tm.ResponseError) as e:
            tm.assess(source, MODEL, ignore_columns=ignore, **dict(MAP, department_column="Enhed"), **OPTS)
        assert e.value.column == "Enhed"
        with pytest.raises(tm.ResponseError) as e:
            tm.assess(source, MODEL, ignore_columns=ignore, **dict(MAP, role_values={}), **OPTS)
        assert (e.value.column, e.value.value) == ("Hvad er din rolle?", "Chef")
        assert any(a.startswith("top_manager") for a in e.value.allowed)
    first_chef = tool.index[tool["Hvad er din rolle?"] == "Chef"][0]
    assert e.value.index == first_chef  # a frame's error names its index label


def test_bad_column_map_arguments_are_option_errors(survey):
    _, tool = survey
    with pytest.raises(tm.OptionError) as e:
        tm.assess(tool, MODEL, columns={"respondnt": "Respondent-ID"})
    assert e.value.option == "columns"
    with pytest.raises(tm.ArgumentTypeError):
        tm.assess(tool, MODEL, role_values=["Chef"])
    with pytest.raises(tm.ArgumentTypeError):
        tm.assess(tool, MODEL, ignore_unknown_columns="yes")
    with pytest.raises(tm.OptionError) as e:
        tm.assess(np.ones((6, 2), dtype=np.int64), MODEL, roles=["frontline"] * 6, items=["x", "y"],
                  respondent_column="ID")
    assert e.value.option == "columns"


def test_the_item_analysis_reads_the_same_map(survey, tmp_path):
    canon, tool = survey
    tool.to_csv(tmp_path / "tool.csv", index=False)
    canon.to_csv(tmp_path / "canon.csv", index=False)
    model = tm.Model.resolve(MODEL)
    for source, canonical in ((tmp_path / "tool.csv", tmp_path / "canon.csv"), (tool, canon)):
        want = tm.item_analysis(canonical, model).to_dict()
        with pytest.warns(tm.IgnoredColumnsWarning):
            got = tm.item_analysis(source, model, ignore_unknown_columns=True, **MAP)
        assert got.to_dict() == want


def test_the_bundled_data_by_name(tmp_path, monkeypatch, sample_csv):
    monkeypatch.chdir(tmp_path)  # no file named `sample` or `default` here
    model = tm.default_model()
    assert tm.assess("sample", model, **OPTS) == tm.assess(sample_csv, model, **OPTS)
    assert tm.item_analysis("sample").to_dict() == tm.item_analysis(sample_csv).to_dict()
    assert tm.Catalog.from_file("default").to_json() == tm.default_catalog().to_json()
    assert tm.Portfolio.from_file("sample").to_json() == tm.Portfolio.sample().to_json()
    a = tm.assess(tm.sample_survey(MODEL, 80, seed=4), MODEL, **OPTS)
    by_name = tm.plan(a, portfolio="sample", catalog="default", start_year=2027)
    assert by_name == tm.plan(a, tm.Portfolio.sample(), tm.default_catalog(), start_year=2027)
    # A file of that name wins over the bundled data.
    tm.sample_survey(MODEL, 40, seed=9).to_csv(tmp_path / "sample", index=False)
    assert tm.assess("sample", MODEL, **OPTS).to_dict()["n_respondents"] == 40


def test_role_counts_fix_the_head_counts():
    counts = {"politician": 4, "frontline": 7, "middle_manager": 5}
    df = tm.sample_survey(MODEL, 999, seed=3, role_counts=counts)
    assert df["role"].value_counts().to_dict() == counts
    with pytest.raises(tm.OptionError) as e:
        tm.sample_survey(MODEL, 10, role_counts={"mayor": 2})
    assert e.value.option == "role_counts"


def test_the_portfolio_template_reads_back(tmp_path):
    import zipfile

    path = tmp_path / "portefolje.xlsx"
    tm.portfolio_template(path)
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
    for sheet in ("Missioner", "Indsatser", "Organisation"):
        assert f'name="{sheet}"' in workbook
    p = tm.Portfolio.from_excel(path)
    assert p.to_dict()["initiatives"] and p.to_dict()["missions"]  # the filled example row
    with pytest.raises(tm.ArgumentTypeError):
        tm.portfolio_template(42)


def test_a_plan_portfolio_path_that_does_not_exist_is_a_typed_error(tmp_path):
    a = tm.assess(tm.sample_survey(MODEL, 60, seed=6), MODEL, **OPTS)
    with pytest.raises(tm.PortfolioError) as e:
        tm.plan(a, portfolio=tmp_path / "mangler.json", start_year=2027)
    assert "mangler.json" in str(e.value)

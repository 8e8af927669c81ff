"""Questionnaires out (every exported XLSForm converts with pyxform without error or warning)
and responses back in from .xlsx (the same assessment as the CSV of the same data)."""
import csv
import json
import re

import pandas as pd
import pytest
from pyxform.xls2xform import convert

import transform_model as tm
from conftest import ROOT

MODELS = ROOT / "crates" / "transform-model" / "models"


def models():
    out = [("dtm", tm.default_model()), ("dtm-2026.2", tm.Model.from_file(MODELS / "dtm-2026.2.json"))]
    if (MODELS / "ci.json").exists():
        out.append(("ci", tm.Model.from_file(MODELS / "ci.json")))
    return out


def asked(model_json, item):
    """Role ids asked `item`: its `roles`, or every role when empty."""
    return item.get("roles") or [r["id"] for r in model_json["roles"]]


@pytest.mark.parametrize("name,model", models(), ids=[n for n, _ in models()])
def test_every_exported_xlsform_converts_without_warnings(tmp_path, name, model):
    path = tm.questionnaire(model, "xlsform", path=tmp_path / f"{name}.xlsx")
    warnings = []
    result = convert(xlsform=str(path), warnings=warnings, validate=False)
    assert warnings == []
    xform = result.xform
    data = json.loads(model.to_json())
    assert re.findall(r'<translation lang="([^"]+)"', xform) == ["Dansk (da)", "English (en)"]
    # Each item routed by role (not asked of every role) is shown by role; one behind a
    # filter also only after "ja".
    for item in data["items"]:
        tag = re.search(rf'<bind nodeset="/data/{item["id"]}"[^>]*/>', xform)
        found = re.search(r'relevant="([^"]*)"', tag.group(0)) if tag else None
        relevant = found.group(1) if found else ""
        routed = len(asked(data, item)) < len(data["roles"])
        assert ("selected( /data/role ," in relevant) == routed, item["id"]
    assert f'id="{data["id"]}"' in xform and f'version="{data["version"]}"' in xform
    for item in data["items"]:
        assert f"/data/{item['id']}" in xform


def test_one_role_form_converts_and_holds_only_its_items(tmp_path):
    model = tm.Model.from_file(MODELS / "dtm-2026.2.json")
    path = tm.questionnaire(model, "xlsform", path=tmp_path / "frontline.xlsx", role="frontline", lang="en")
    warnings = []
    xform = convert(xlsform=str(path), warnings=warnings, validate=False).xform
    assert warnings == []
    data = json.loads(model.to_json())
    for item in data["items"]:
        assert (f"<{item['id']}/>" in xform) == ("frontline" in asked(data, item)), item["id"]


def test_the_question_list_has_no_reverse_key(tmp_path):
    model = tm.Model.from_file(MODELS / "dtm-2026.2.json")
    path = tm.questionnaire(model, "csv", path=tmp_path / "list.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    data = json.loads(model.to_json())
    # Filter questions have rows of their own, without a dimension.
    assert [r["item"] for r in rows if r["dimension"]] == [i["id"] for i in data["items"]]
    assert list(rows[0]) == ["item", "dimension", "roles", "text_da", "text_en", "scale", "filter"]
    assert all(r["text_da"] == i["text"]["da"] for r, i in zip(rows, data["items"]))
    assert "reverse" not in path.read_text(encoding="utf-8").lower()
    frame = pd.read_excel(tm.questionnaire(model, "xlsx", path=tmp_path / "list.xlsx"), dtype=str)
    assert list(frame["item"]) == [r["item"] for r in rows]


def test_the_html_states_the_promise_and_hides_item_ids(tmp_path):
    path = tm.questionnaire(None, "html", path=tmp_path / "q.html", role="frontline")
    html = path.read_text(encoding="utf-8")
    assert "Ingen resultater vises for grupper med færre end 5 besvarelser" in html
    assert html.count("<section>") == 1
    assert not re.search(r"\bD\d+_\d+\b", html)


def test_an_unknown_role_names_the_allowed_ones(tmp_path):
    with pytest.raises(tm.OptionError) as e:
        tm.questionnaire(None, "html", path=tmp_path / "q.html", role="borgmester")
    assert e.value.option == "role" and "frontline" in str(e.value)
    assert not (tmp_path / "q.html").exists()
    with pytest.raises(tm.OptionError):
        tm.questionnaire(None, "pdf", path=tmp_path / "q.pdf")


def test_xlsx_responses_assess_as_their_csv(tmp_path, sample_csv):
    frame = pd.read_csv(sample_csv, dtype=str, keep_default_na=False)
    items = {i["id"] for i in tm.default_model().items}
    for column in [c for c in frame.columns if c in items]:  # filter answers (F_…) stay text
        frame[column] = pd.to_numeric(frame[column], errors="coerce")  # empty cells stay empty in the sheet
    workbook = tmp_path / "survey.xlsx"
    with pd.ExcelWriter(workbook) as writer:
        pd.DataFrame({"note": ["forside"]}).to_excel(writer, sheet_name="Forside", index=False)
        frame.to_excel(writer, sheet_name="Svar", index=False)
    from_csv = tm.assess(sample_csv, bootstrap=200)
    from_xlsx = tm.assess(workbook, sheet="Svar", bootstrap=200)
    assert from_xlsx.to_json() == from_csv.to_json()
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(workbook, sheet="Ark1")
    assert "`Forside`, `Svar`" in str(e.value)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(sample_csv.read_bytes())
    with pytest.raises(tm.ResponseError, match="CSV"):
        tm.assess(fake)


def test_the_2027_1_form_has_filters_with_skip_logic_and_converts(tmp_path):
    model = tm.Model.bundled("dtm@2027.1")
    path = tm.questionnaire(model, "xlsform", path=tmp_path / "dtm-2027.1.xlsx")
    warnings = []
    xform = convert(xlsform=str(path), warnings=warnings, validate=False).xform
    assert warnings == []
    data = json.loads(model.to_json())
    for f in data["filters"]:
        assert f"/data/{f['id']}" in xform
    # Every item behind a filter is shown only after "ja".
    behind = [i for i in data["items"] if i.get("filter")]
    for item in behind:
        bind = re.search(rf'<bind nodeset="/data/{item["id"]}"[^>]*relevant="([^"]*)"', xform)
        assert bind and f"/data/{item['filter']}  = 'ja'" in bind.group(1), item["id"]
    assert len(re.findall(r"= 'ja'", xform)) == len(behind)


def test_pilot_guide_lists_every_question_of_the_role():
    model = tm.Model.bundled("dtm@2027.1")
    guide = tm.pilot_guide(model, role="frontline")
    data = json.loads(model.to_json())
    mine = [i for i in data["items"] if "frontline" in asked(data, i)]
    for n, item in enumerate(mine, start=1):
        assert f"### {n}. »{item['text']['da']}«" in guide
    assert guide.count("\n### ") == len(mine)
    with pytest.raises(tm.OptionError) as e:
        tm.pilot_guide(model, role="mayor")
    assert e.value.option == "role"


def test_the_department_question_converts_and_its_export_breaks_down_by_unit(tmp_path):
    model = tm.Model.bundled("dtm@2027.1")
    units = ["Børn og Unge", "Teknik og Miljø"]
    path = tm.questionnaire(model, "xlsform", path=tmp_path / "form.xlsx", departments=units)
    warnings = []
    xform = convert(xlsform=str(path), warnings=warnings, validate=False).xform
    assert warnings == []
    # Asked of the roles with a workplace of their own (not politicians, not partners).
    bind = re.search(r'<bind nodeset="/data/department"[^>]*relevant="([^"]*)"', xform)
    assert bind and "'frontline'" in bind.group(1) and "'politician'" not in bind.group(1)
    assert all(f"<value>{u}</value>" in xform for u in units)
    # An export as a survey tool writes it: one column per field of the form's survey sheet.
    survey = pd.read_excel(path, sheet_name="survey", dtype=str).fillna("")
    fields = survey[survey["type"].str.startswith("select_one")]["name"].tolist()
    assert fields[:2] == ["role", "department"]
    # 20 front-line staff answer D2_7 and D2_8 (2 of the 4 D2 items put to them are needed).
    # Børn og Unge: D2_7 = 4 or 5, D2_8 = 4 → 4.0 and 4.5, mean 4.25;
    # Teknik og Miljø: D2_7 = 2 or 3, D2_8 = 2 → 2.0 and 2.5, mean 2.25.
    rows = []
    for r in range(20):
        unit, base = (units[0], 4) if r < 10 else (units[1], 2)
        row = {f: "" for f in fields}
        row.update(respondent=f"S{r}", role="frontline", department=unit, D2_7=str(base + r % 2), D2_8=str(base))
        rows.append(row)
    export = pd.DataFrame(rows, columns=["respondent"] + fields)
    csv_path = tmp_path / "export.csv"
    export.to_csv(csv_path, index=False)
    for source in (csv_path, export):
        a = tm.assess(source, model=model, by="department", bootstrap=0)
        cells = a.units()
        d2 = cells[(cells["dimension"] == "D2") & cells["role"].isna()].set_index("department")["score"]
        assert d2.to_dict() == pytest.approx({units[0]: 4.25, units[1]: 2.25})
    # The portfolio's organisation gives the same question; a unit named like a role is refused.
    portfolio = tm.Portfolio.sample()
    names = [d["name"] for d in portfolio.to_dict()["organisation"]["departments"]]
    path = tm.questionnaire(model, "csv", path=tmp_path / "list.csv", departments=portfolio)
    with open(path, encoding="utf-8") as f:
        second = list(csv.reader(f))[1]
    assert second[0] == "department" and second[5] == "; ".join(names)
    with pytest.raises(tm.OptionError) as e:
        tm.questionnaire(model, "html", path=tmp_path / "q.html", departments=["Teknik", "Frontline"])
    assert e.value.value == "Frontline" and e.value.option == "departments"

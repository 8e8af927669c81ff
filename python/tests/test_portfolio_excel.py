"""Portfolio.from_excel (issue 32): the workbook layout of `transform-model portfolio-template`
read through the core's reader; a wrong value names sheet, row, column and allowed values."""

import pytest

import transform_model as tm

openpyxl = pytest.importorskip("openpyxl")

INITIATIVE_HEADER = ["Id", "Titel", "Fase", "Type", "Innovationstype", "Borgerværdi", "Startår", "Missioner"]


def write_workbook(path, stage):
    book = openpyxl.Workbook()
    book.active.title = "Kommune"
    book["Kommune"].append(["Kommune", "Fjordby Kommune (fiktiv)"])
    book["Kommune"].append(["År", 2027])
    missions = book.create_sheet("Missioner")
    missions.append(["Id", "Titel"])
    missions.append(["M1", "Alle unge finder en positiv destination"])
    initiatives = book.create_sheet("Indsatser")
    initiatives.append(INITIATIVE_HEADER)
    initiatives.append(["I1", "Ungeguide", stage, "forsøg", "missionsorienteret", "uklar", 2025, "M1:3"])
    organisation = book.create_sheet("Organisation")
    organisation.append(["Forvaltning", "Udvalg", "Direktør", "MED-udvalg"])
    book.save(path)


def test_from_excel_reads_danish_values(tmp_path):
    path = tmp_path / "p.xlsx"
    write_workbook(path, "afprøvning")
    p = tm.Portfolio.from_excel(path)
    data = __import__("json").loads(p.to_json())
    assert data["municipality"]["name"] == "Fjordby Kommune (fiktiv)"
    assert data["year"] == 2027
    assert [(i["id"], i["stage"], i["mode"]) for i in data["initiatives"]] == [("I1", "testing", "explore")]
    assert data["initiatives"][0]["links"] == [{"mission": "M1", "strength": 3}]


def test_from_excel_names_sheet_row_column_and_allowed_values(tmp_path):
    path = tmp_path / "p.xlsx"
    write_workbook(path, "pilot")
    with pytest.raises(tm.PortfolioError) as e:
        tm.Portfolio.from_excel(path)
    message = str(e.value)
    for needle in ("sheet `Indsatser`", "row 2", "column `Fase`", "`pilot`", "`afdækning`"):
        assert needle in message, message

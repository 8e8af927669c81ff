"""Options Python lacked (issue 31): exports of portfolio, match and plan; explore_share and
active; synthetic catalogs and portfolios; tm.plan's typed argument errors; a partial
`invited` refused naming the missing roles."""
import csv
import io
import json
import zipfile

import pytest

import transform_model as tm

MODEL = "dtm@2026.1"


@pytest.fixture(scope="module")
def assessment():
    return tm.assess(tm.sample_survey(MODEL, respondents=200, seed=5), MODEL, bootstrap=0)


def rows(path):
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ","))


def test_portfolio_analysis_exports_and_balance_figures(tmp_path):
    portfolio = tm.Portfolio.sample()
    analysis = portfolio.analyse(year=2026)
    balance = analysis.data["balance"]
    assert analysis.active == balance["active"]
    assert analysis.explore_share == balance["explore_share"]
    analysis.to_csv(tmp_path / "p.csv", lang="en")
    analysis.to_excel(tmp_path / "p.xlsx")
    table = rows(tmp_path / "p.csv")
    assert len(table) > 1 and all(len(r) == len(table[0]) for r in table)
    # Every initiative id appears in the long table.
    ids = {i["id"] for i in json.loads(portfolio.to_json())["initiatives"]}
    flat = {c for r in table for c in r}
    assert ids <= flat
    assert zipfile.is_zipfile(tmp_path / "p.xlsx")


def test_plan_exports_and_frames(assessment, tmp_path):
    plan = tm.plan(assessment, tm.Portfolio.sample(), start_year=2027)
    plan.to_csv(tmp_path / "plan.csv", lang="en")
    plan.to_excel(tmp_path / "plan.xlsx")
    flat = {c for r in rows(tmp_path / "plan.csv") for c in r}
    assert set(plan.actions["id"]) <= flat
    assert zipfile.is_zipfile(tmp_path / "plan.xlsx")
    # The årshjul as a table: every event of the JSON's calendar.
    assert len(plan.calendar) == len(plan.to_dict()["calendar"]) > 0


def test_match_export(tmp_path):
    m = tm.default_catalog().match("ensomhed blandt ældre", lang="en")
    tm.export_match(m, tmp_path / "m.csv", lang="en")
    flat = {c for r in rows(tmp_path / "m.csv") for c in r}
    assert set(m["id"]) <= flat
    with pytest.raises(tm.OptionError) as e:
        tm.export_match(m, tmp_path / "m.txt")
    assert e.value.option == "path"


def test_synthetic_catalog_and_portfolio_are_deterministic():
    a, b = tm.Catalog.synthetic(300, seed=4), tm.Catalog.synthetic(300, seed=4)
    assert len(a) == 300 and a.to_json() == b.to_json()
    assert tm.Catalog.synthetic(300, seed=5).to_json() != a.to_json()
    p = tm.Portfolio.synthetic(40, 6, seed=1)
    data = json.loads(p.to_json())
    assert len(data["initiatives"]) == 40 and len(data["missions"]) == 6
    assert p.to_json() == tm.Portfolio.synthetic(40, 6, seed=1).to_json()


@pytest.mark.parametrize("kwargs, option, error", [
    ({"years": "5"}, "years", tm.ArgumentTypeError),
    ({"years": -1}, "years", tm.OptionError),
    ({"lang": "de"}, "lang", tm.OptionError),
    ({"capacity_hours": "many"}, "capacity_hours", tm.ArgumentTypeError),
    ({"elections": 2029}, "elections", tm.ArgumentTypeError),
    ({"elections": ["2029"]}, "elections", tm.ArgumentTypeError),
    ({"department_capacity": ["Teknik"]}, "department_capacity", tm.ArgumentTypeError),
    ({"budget_months": {"adoption": "okt"}}, "budget_months", tm.ArgumentTypeError),
    ({"portfolio": 42}, "portfolio", tm.ArgumentTypeError),  # a path or "sample" is read (tm.Portfolio.from_file)
    ({"start_year": 2026.5}, "start_year", tm.ArgumentTypeError),
])
def test_plan_arguments_raise_typed_errors_naming_them(assessment, kwargs, option, error):
    kwargs.setdefault("start_year", 2027)
    with pytest.raises(error) as e:
        tm.plan(assessment, **kwargs)
    assert e.value.option == option


def test_plan_assessment_must_be_an_assessment():
    with pytest.raises(tm.ArgumentTypeError) as e:
        tm.plan("vurdering.json", start_year=2027)
    assert e.value.option == "assessment"


def test_a_partial_invited_list_is_refused_naming_the_missing_roles(assessment):
    answered = [r for g in assessment.to_dict()["groups"] for r in g["roles"]]
    listed = answered[:2]
    with pytest.raises(tm.OptionError) as e:
        assessment.to_html(invited={r: 1000 for r in listed})
    assert e.value.option == "invited"
    for role in answered[2:]:
        assert role in str(e.value)
    # Every role that answered: accepted, and the rate is over all of them.
    html = assessment.to_html(invited={r: 1000 for r in answered}, lang="en")
    assert "invited answered" in html

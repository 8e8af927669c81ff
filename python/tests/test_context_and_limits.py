"""Issue 33: context values typed as the CLI types `--context KEY=VALUE` (one parser: JSON
typing), inf and NaN refused by name; generators refuse a size above their limit before
they allocate."""
import json
import math
import pathlib

import pytest

import transform_model as tm
from transform_model import _transform_model as _rs

DATA = pathlib.Path(__file__).resolve().parents[2] / "crates" / "transform-model" / "data"
PROBLEM = "ledige unge i job"


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory):
    """The sample catalog with `band` a text that looks like a number ("3" or "7") and
    `inhabitants` a number."""
    catalog = json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))
    for i, iv in enumerate(catalog["interventions"]):
        iv["context"]["band"] = "3" if i % 2 == 0 else "7"
        iv["context"]["inhabitants"] = 20_000 + 1_000 * i
    path = tmp_path_factory.mktemp("context") / "catalog.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("context, args", [
    ({"band": 3}, ["band=3"]),
    ({"band": "3"}, ['band="3"']),
    ({"inhabitants": 25000, "urbanity": "rural"}, ["inhabitants=25000", "urbanity=rural"]),
])
def test_context_values_are_typed_as_the_cli_types_them(cli, catalog_file, context, args):
    c = tm.Catalog.from_file(catalog_file)
    flags = [a for arg in args for a in ("--context", arg)]
    expected = cli("match", PROBLEM, "--catalog", str(catalog_file), *flags, "--format", "json")
    assert c.match(PROBLEM, context=context).attrs["result"] == expected


def test_the_context_changes_the_answer(catalog_file):
    # So that the comparisons above can fail: half the catalog is band 3, half band 7.
    c = tm.Catalog.from_file(catalog_file)
    assert c.match(PROBLEM, context={"band": 3}).attrs["result"] != c.match(PROBLEM, context={"band": 7}).attrs["result"]


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_inf_and_nan_are_refused_by_name(value):
    with pytest.raises(tm.CatalogError) as e:
        tm.default_catalog().match(PROBLEM, context={"urbanity": value})
    assert f"`urbanity={value}` is not a finite number" in str(e.value)
    assert e.value.path == "context.urbanity"


def test_a_sample_survey_above_the_respondent_limit_is_refused_before_it_is_drawn():
    with pytest.raises(tm.OptionError) as e:
        tm.sample_survey(respondents=2_000_001)
    assert e.value.option == "respondents"
    assert e.value.fields["limit"] == "respondents" and e.value.fields["max"] == 2_000_000
    assert "2000001 respondents exceed the limit `respondents`" in str(e.value)
    assert len(tm.sample_survey(respondents=7)) == 7


def test_a_synthetic_portfolio_above_its_limit_is_refused():
    with pytest.raises(tm.OptionError) as e:
        _rs._Portfolio.synthetic(1_000_001, 3, 0)
    assert "1000001 entries exceed the limit `portfolio_entries`" in str(e.value)
    # No mission is a portfolio without links (it panicked on an empty range).
    assert _rs._Portfolio.synthetic(5, 0, 0) is not None

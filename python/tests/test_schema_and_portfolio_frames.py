"""Issue 11 item 6: JSON Schemas generated from the Rust types validate the bundled samples,
refuse a typo, match docs/schema, describe every field; portfolios built from frames."""
import json
import pathlib
import warnings

import jsonschema
import numpy as np
import pandas as pd
import pytest

import transform_model as tm

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "transform-model" / "data"


def test_docs_schema_files_are_fresh():
    for name in tm.schema_names():
        on_disk = json.loads((ROOT / "docs" / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert on_disk == tm.schema(name), f"docs/schema/{name}.json is stale: cargo run -p transform-model --example write_schemas"


def test_schemas_validate_the_bundled_samples(sample_csv):
    jsonschema.validate(json.loads(tm.default_model().to_json()), tm.schema("model"))
    jsonschema.validate(json.loads((DATA / "portfolio.json").read_text(encoding="utf-8")), tm.schema("portfolio"))
    jsonschema.validate(json.loads((DATA / "catalog.json").read_text(encoding="utf-8")), tm.schema("catalog"))
    wide = pd.read_csv(sample_csv)
    # The long records hold item answers (the filter answers ja/nej are not items).
    items = [i["id"] for i in tm.default_model().items if i["id"] in wide.columns]
    long = wide.melt(id_vars=["respondent", "role"], value_vars=items, var_name="item", value_name="value").dropna()
    records = [{"respondent": r, "role": ro, "item": i, "value": int(v)} for r, ro, i, v in long.itertuples(index=False)]
    jsonschema.validate(records, tm.schema("responses"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tm.DataLossWarning)
        a = tm.assess(wide, bootstrap=50, min_dispersion_n=5)
        b = tm.assess(wide, bootstrap=50, min_dispersion_n=5, baseline=a)
    jsonschema.validate(json.loads(b.to_json()), tm.schema("assessment"))
    jsonschema.validate(b.compare(a).to_dict(), tm.schema("round_comparison"))
    jsonschema.validate(json.loads(tm.Portfolio.sample().analyse().to_json()), tm.schema("portfolio_analysis"))
    match = tm.default_catalog().match("ensomhed blandt ældre")
    result = match.attrs["result"]
    jsonschema.validate(json.loads(result) if isinstance(result, str) else result, tm.schema("match_result"))


def test_schema_rejects_a_typo():
    doc = json.loads((DATA / "portfolio.json").read_text(encoding="utf-8"))
    doc["initiatives"][0]["cost_per_yr"] = doc["initiatives"][0].pop("cost_per_year")
    with pytest.raises(jsonschema.ValidationError, match="cost_per_yr"):
        jsonschema.validate(doc, tm.schema("portfolio"))


def test_every_field_has_a_description():
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if not (isinstance(prop, dict) and prop.get("description")):
                    missing.append(f"{where}.{key}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for name in tm.schema_names():
        walk(tm.schema(name), name)
    assert missing == []


def test_unknown_schema_name_is_refused():
    with pytest.raises(tm.OptionError) as e:
        tm.schema("portfolios")
    assert "portfolio" in e.value.fields["allowed"]


def test_template_has_every_column_and_dtype():
    missions, initiatives = tm.Portfolio.template()
    assert len(missions) == 0 and len(initiatives) == 0
    assert {"id", "title_da", "statement", "links"} <= set(missions.columns) | set(initiatives.columns)
    assert initiatives["cost_per_year"].dtype == np.float64
    assert str(initiatives["start_year"].dtype) == "Int64"
    assert str(initiatives["mandatory"].dtype) == "boolean"


def test_two_mission_portfolio_from_the_template_without_an_error():
    missions, initiatives = tm.Portfolio.template()
    missions = pd.concat([missions, pd.DataFrame({
        "id": ["M1", "M2"], "title_da": ["Unge i job", "Ældre mindre ensomme"],
        "statement": ["Alle unge finder job eller uddannelse", "Ingen ældre er ufrivilligt ensomme"],
        "target_groups": ["unge", "ældre; pårørende"]})]).astype(missions.dtypes.to_dict())
    initiatives = pd.concat([initiatives, pd.DataFrame({
        "id": ["P1", "P2"], "title": ["Ungegaranti", "Besøgsvenner"], "stage": ["testing", "spreading"],
        "mode": ["explore", "exploit"], "facet": ["mission_oriented", "enhancement"],
        "citizen_value": ["positive", "unclear"], "start_year": [2025, 2024], "cost_per_year": [1e6, np.nan],
        "links": [{"M1": 3}, "M2:2; M1:1"]})]).astype(initiatives.dtypes.to_dict())
    p = tm.Portfolio.from_frame(missions, initiatives, municipality="Testby", year=2026)
    d = p.to_dict()
    assert [m["id"] for m in d["missions"]] == ["M1", "M2"]
    assert d["missions"][1]["target_groups"] == ["ældre", "pårørende"]
    assert d["initiatives"][1]["links"] == [{"mission": "M2", "strength": 2}, {"mission": "M1", "strength": 1}]
    assert "cost_per_year" not in d["initiatives"][1]  # NaN is unknown, never 0
    assert len(p.analyse().alignment) == 4
    jsonschema.validate(d, tm.schema("portfolio"))


def test_from_frame_round_trips_the_sample():
    doc = tm.Portfolio.sample().to_dict()
    missions = pd.DataFrame([{**{k: v for k, v in m.items() if k != "title"}, "title_da": m["title"]["da"],
                              "title_en": m["title"]["en"]} for m in doc["missions"]])
    initiatives = pd.DataFrame([{**i, "links": {l["mission"]: l["strength"] for l in i["links"]}}
                                for i in doc["initiatives"]])
    again = tm.Portfolio.from_frame(missions, initiatives, municipality=doc["municipality"]["name"],
                                    code=doc["municipality"]["code"], year=doc["year"], note=doc.get("note"),
                                    organisation=doc.get("organisation"))
    assert again == tm.Portfolio.sample()


def test_from_frame_refuses_a_typo_with_the_closest_column():
    missions, initiatives = tm.Portfolio.template()
    with pytest.raises(tm.PortfolioError, match="unknown column `cost_per_yr` \\(did you mean `cost_per_year`\\?\\)"):
        tm.Portfolio.from_frame(missions, initiatives.rename(columns={"cost_per_year": "cost_per_yr"}))


def test_from_frame_error_names_the_index_label():
    missions = pd.DataFrame({"id": ["M1"], "title_da": ["A"], "statement": ["s"]})
    initiatives = pd.DataFrame({"id": ["P1"], "title": ["t"], "stage": ["piloting"], "mode": ["explore"],
                                "facet": ["adaptive"], "citizen_value": ["positive"], "start_year": [2025]},
                               index=["row-a"])
    with pytest.raises(tm.PortfolioError) as e:
        tm.Portfolio.from_frame(missions, initiatives)
    assert e.value.fields["index"] == "row-a" and "stage" in str(e.value)

import pandas as pd
import pytest

import transform_model as tm


def test_hierarchy():
    for cls in (tm.ModelError, tm.ResponseError, tm.PortfolioError, tm.CatalogError, tm.AnonymityError,
                tm.OptionError):
        assert issubclass(cls, tm.TransformModelError) and issubclass(cls, ValueError)


def test_response_error_fields():
    df = pd.DataFrame({"respondent": ["A"], "role": ["frontline"], "D8_8": [9]})
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    err = e.value
    # A frame's error names its index label (0), not a CSV line.
    assert (err.index, err.row, err.column, err.item, err.respondent, err.value) == (0, None, "D8_8", "D8_8", "A", 9)
    assert "outside the scale 1..5" in str(err)

    df = pd.DataFrame({"respondent": ["A"], "role": ["mayor"], "D8_8": [3]})
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert (e.value.column, e.value.value) == ("role", "mayor")

    df = pd.DataFrame({"respondent": ["A"], "role": ["frontline"], "D8_8": [3.5]})
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert e.value.value == "3.5"

    with pytest.raises(tm.ResponseError) as e:
        tm.assess(pd.DataFrame({"respondent": ["A"], "role": ["frontline"], "Timestamp": ["x"]}))
    assert e.value.column == "Timestamp"


def test_anonymity_error_fields():
    df = pd.DataFrame({"respondent": ["A", "B"], "role": ["frontline", "frontline"], "D8_8": [3, 4]})
    with pytest.raises(tm.AnonymityError) as e:
        tm.assess(df)
    assert (e.value.included, e.value.excluded, e.value.k) == (0, 2, 5)


def test_model_error_path():
    model = tm.default_model()
    with pytest.raises(tm.ModelError) as e:
        model.overlay({"items": [{"id": "X", "dimension": "D99", "text": {"da": "x", "en": "x"}}]})
    # The new item is appended after the model's own.
    assert e.value.path == f"items[{len(model.items)}].dimension"
    with pytest.raises(tm.ModelError) as e:
        tm.Model.from_json("{")
    assert e.value.path is not None


def test_portfolio_and_catalog_error_paths():
    with pytest.raises(tm.PortfolioError) as e:
        tm.Portfolio.from_dict({"municipality": {"name": "x"}, "missions": [], "initiatives": [
            {"id": "a", "title": "t", "stage": "pilot", "mode": "explore", "facet": "adaptive",
             "citizen_value": "none", "start_year": 2020}]})
    assert e.value.path == "initiatives[0].stage"
    assert "screening" in str(e.value)
    with pytest.raises(tm.CatalogError) as e:
        tm.Catalog.from_json('{"ingredients": [], "interventions": [{"id": "x"}]}')
    assert e.value.path.startswith("interventions[0]")
    with pytest.raises(tm.CatalogError) as e:
        tm.default_catalog().partners("999")
    assert e.value.value == "999"


def test_errors_pickle():
    import pickle

    err = tm.ResponseError("bad", row=3, column="D1_1", value=7)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is tm.ResponseError and (back.row, back.column, back.value) == (3, "D1_1", 7)

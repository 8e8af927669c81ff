"""Issue 11: errors in Python's terms, no silent splitting, frames as people have them."""
import numpy as np
import pandas as pd
import pytest

import transform_model as tm

ROLES = ["frontline"] * 6


def small_frame(**extra):
    """Six frontline respondents answering D8_8 and D8_10 (both asked of frontline staff in the default model, dtm 2027.1)."""
    data = {"respondent": [f"R{i}" for i in range(6)], "role": ROLES, "D8_8": [4, 3, 5, 4, 2, 4],
            "D8_10": [3, 3, 4, 5, 2, 3]}
    data.update(extra)
    return pd.DataFrame(data)


def d8(a):
    return a.dimensions().set_index("id").loc["D8"]


# --- item 2: errors in Python's terms -------------------------------------------------------

@pytest.mark.parametrize("name", ["min_group_size", "bootstrap", "seed", "threads"])
def test_negative_counts_name_the_argument(name):
    with pytest.raises(tm.OptionError) as e:
        tm.assess(small_frame(), **{name: -1})
    assert e.value.option == name and e.value.argument == name and e.value.value == -1
    assert "integer ≥ 0" in str(e.value) and name in str(e.value)
    assert not isinstance(e.value, OverflowError)


def test_negative_top_names_the_argument():
    with pytest.raises(tm.OptionError) as e:
        tm.default_catalog().match("ældre medicin", top=-1)
    assert e.value.option == "top"


@pytest.mark.parametrize("call, option, allowed", [
    (lambda: tm.assess(small_frame(), weighting="Pooled"), "weighting", ["balanced", "pooled"]),
    (lambda: tm.assess(small_frame(), bootstrap=0).dimensions(lang="EN"), "lang", ["da", "en"]),
    (lambda: tm.assess(small_frame(), bootstrap=0).notebook_html(lang="de"), "lang", ["da", "en"]),
    (lambda: tm.default_catalog().match("ældre", lang="de"), "lang", ["da", "en"]),
    (lambda: tm.Portfolio.sample().analyse(lang="de"), "lang", ["da", "en"]),
])
def test_unknown_choice_lists_the_allowed_values(call, option, allowed):
    with pytest.raises(tm.OptionError) as e:
        call()
    assert e.value.option == option and e.value.allowed == allowed
    for a in allowed:
        assert repr(a) in str(e.value)


# A string is a model id or path (`model="dtm"`, tested in test_models.py); a number is no model.
@pytest.mark.parametrize("kwargs, option, given", [({"model": 3}, "model", "int"),
                                                   ({"baseline": "round1.json"}, "baseline", "str")])
def test_wrong_types_name_the_argument(kwargs, option, given):
    with pytest.raises(tm.ArgumentTypeError) as e:
        tm.assess(small_frame(), bootstrap=0, **kwargs)
    assert isinstance(e.value, tm.TransformModelError) and isinstance(e.value, TypeError)
    assert e.value.option == option and given in str(e.value)


def test_empty_frame_is_not_called_a_file():
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(pd.DataFrame({"respondent": [], "role": [], "D8_8": []}))
    assert e.value.argument == "responses" and "DataFrame" in str(e.value) and "file" not in str(e.value)


def test_one_dimensional_array():
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(np.array([4, 3, 5]), roles=["frontline"], items=["D8_8", "D8_10", "D9_3"])
    assert e.value.argument == "responses" and "2-D" in str(e.value) and "dimensionality" not in str(e.value)


def test_roles_count_mismatch_names_roles():
    values = np.full((62, 1), 4, dtype=np.int64)
    with pytest.raises(tm.OptionError) as e:
        tm.assess(values, roles=["frontline"] * 61, items=["D8_8"])
    assert e.value.option == "roles" and "61" in str(e.value) and "62" in str(e.value)


def test_unknown_column_names_the_python_argument(tmp_path):
    path = tmp_path / "r.csv"
    small_frame(Timestamp=["x"] * 6).to_csv(path, index=False)
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(path)
    assert "ignore_columns=" in str(e.value) and "--ignore-column" not in str(e.value)
    assert e.value.column == "Timestamp"


def test_frame_errors_name_the_index_label():
    df = small_frame().set_index(pd.Index([10, 11, 12, 13, 14, 15]))
    df.loc[13, "D8_8"] = 9
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert e.value.index == 13 and e.value.row is None and e.value.column == "D8_8"
    assert "index 13" in str(e.value) and "row" not in str(e.value)
    df = small_frame()
    df.loc[4, "role"] = "mayor"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert e.value.index == 4 and e.value.column == "role" and "frontline" in e.value.allowed
    df = small_frame()
    df.loc[5, "respondent"] = "R1"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    # duplicate on label 5, first seen on label 1
    assert e.value.index == 5 and "index 1" in str(e.value)
    df = small_frame()
    df["D8_8"] = df["D8_8"].astype(float)
    df.loc[2, "D8_8"] = 3.5
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert (e.value.index, e.value.column, e.value.value) == (2, "D8_8", "3.5")


# --- item 3: no silent splitting ------------------------------------------------------------

def test_single_string_ignore_columns_is_one_column(tmp_path):
    df = small_frame(timestamp=["2026-01-01"] * 6)
    a = tm.assess(df, ignore_columns="timestamp", bootstrap=0)
    assert a == tm.assess(small_frame(), bootstrap=0)
    path = tmp_path / "r.csv"
    df.to_csv(path, index=False)
    assert tm.assess(path, ignore_columns="timestamp", bootstrap=0) == a


def test_single_string_target_group_is_one_group():
    c = tm.default_catalog()
    one = c.match("ledige i boligområder skal i job", target_groups="ledige", top=5)
    listed = c.match("ledige i boligområder skal i job", target_groups=["ledige"], top=5)
    assert one.attrs["result"] == listed.attrs["result"]
    assert c.match("ledige", exclude="opsoegende_kontakt").attrs["excluded"] == ["opsoegende_kontakt"]
    # match_many: one text is one query, not one query per character
    assert len(c.match_many("ældre medicin", top=3)) == 1


def test_single_string_items_is_one_item():
    # Split into characters, "D8_8" would be 4 items for a 1-column matrix (an error).
    values = np.full((6, 1), 4, dtype=np.int64)
    one = tm.assess(values, roles=ROLES, items="D8_8", bootstrap=0)
    assert one == tm.assess(values, roles=ROLES, items=["D8_8"], bootstrap=0)
    assert one.to_dict()["n_respondents"] == 6


def test_a_dict_for_a_list_argument_is_refused():
    with pytest.raises(tm.ArgumentTypeError) as e:
        tm.assess(small_frame(), ignore_columns={"a": 1})
    assert e.value.option == "ignore_columns"


# --- item 7: frames as people have them -----------------------------------------------------

def test_ids_from_the_index():
    df = small_frame()
    assert tm.assess(df.set_index("respondent"), bootstrap=50, seed=2) == tm.assess(df, bootstrap=50, seed=2)
    dup = df.set_index("respondent").rename(index={"R5": "R0"})
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(dup)
    assert e.value.index == "R0" and e.value.respondent == "R0"


def test_long_frame_equals_wide():
    wide = small_frame()
    long = wide.melt(id_vars=["respondent", "role"], var_name="item", value_name="value")
    assert tm.assess(long, bootstrap=50, seed=2) == tm.assess(wide, bootstrap=50, seed=2)
    # "don't know" rows and the index as respondent ids
    extra = pd.DataFrame({"respondent": ["R0"], "role": ["frontline"], "item": ["D9_3"], "value": ["ved ikke"]})
    long2 = pd.concat([long, extra], ignore_index=True).set_index("respondent")
    assert tm.assess(long2, bootstrap=50, seed=2) == tm.assess(wide, bootstrap=50, seed=2)
    bad = long.copy()
    bad.loc[7, "role"] = "top_manager"  # row 7 is R1's D8_10 answer; R1 was frontline at label 1
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(bad)
    assert e.value.index == 7 and e.value.respondent == "R1"


def test_unknown_columns_listed_or_chosen():
    df = small_frame(Timestamp=["x"] * 6, email=["a@b"] * 6)
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df)
    assert e.value.value == ["Timestamp", "email"]
    assert "'Timestamp', 'email'" in str(e.value) and "ignore_columns=" in str(e.value) and "items=" in str(e.value)
    expected = tm.assess(small_frame(), bootstrap=0)
    assert tm.assess(df, items=["D8_8", "D8_10"], bootstrap=0) == expected
    assert tm.assess(df, ignore_columns=["Timestamp", "email"], bootstrap=0) == expected


def test_windows_1252_csv(tmp_path):
    path = tmp_path / "excel.csv"
    text = "respondent;role;D8_8;D8_10\n" + "".join(f"Søren{i};frontline;4;{3 + i % 2}\n" for i in range(6))
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(path)
    assert "encoding='cp1252'" in str(e.value) and e.value.argument == "encoding"
    a = tm.assess(path, encoding="cp1252", bootstrap=0)
    # (4 + 3)/2 three times and (4 + 4)/2 three times: mean 3.75 (varied, so not hidden).
    assert d8(a)["score"] == pytest.approx(3.75)


def test_decimal_comma(tmp_path):
    df = small_frame()
    as_text = df.astype({"D8_8": str, "D8_10": str})
    as_text["D8_8"] = [f"{v},0" for v in df["D8_8"]]
    as_text.loc[0, "D8_10"] = "ved ikke"
    expected_df = df.astype({"D8_10": float})
    expected_df.loc[0, "D8_10"] = np.nan
    expected = tm.assess(expected_df, bootstrap=0)
    assert tm.assess(as_text, bootstrap=0) == expected
    path = tmp_path / "comma.csv"
    as_text.to_csv(path, index=False, sep=";")
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(path)
    assert "decimal=','" in str(e.value) and e.value.argument == "decimal"
    assert tm.assess(path, decimal=",", bootstrap=0) == expected
    bad = as_text.copy()
    bad.loc[3, "D8_8"] = "2,5"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(bad)
    assert (e.value.index, e.value.value) == (3, "2,5")

"""Issue 27: a dtm 2027.1 survey read from pandas, filter columns included. An item behind a
filter not answered "ja" is not asked: neither an answer nor a missing one."""
import warnings

import numpy as np
import pandas as pd
import pytest

import transform_model as tm

MODEL = "dtm@2027.1"
NA = np.nan

# Six top managers answer dimension D3. For a top manager D3 has five items: D3_1, D3_2, D3_5
# (reverse-keyed: 6 − v) and, behind F_missions, D3_3 and D3_6.
#   id  F_missions  D3_1 D3_2 D3_5 D3_3 D3_6   put  needed ⌈put/2⌉  answered  score
#   T1  ja           4    4    2→4  5    3      5    3               5         20/5 = 4.0
#   T2  nej          3    3    –    ·    ·      3    2               2          6/2 = 3.0
#   T3  ved ikke     2    –    –    ·    ·      3    2               1         none
#   T4  ja           5    4    1→5  4    –      5    3               4         18/4 = 4.5
#   T5  nej          4    5    –    ·    ·      3    2               2          9/2 = 4.5
#   T6  ja           2    3    4→2  2    2      5    3               5         11/5 = 2.2
# (· skipped by the filter, – "ved ikke".) Five scores: (4.0 + 3.0 + 4.5 + 4.5 + 2.2)/5 = 3.64.
# Were the filter ignored, T2 and T5 would need 3 of 5 and have no score: (4.0 + 4.5 + 2.2)/3.
D3 = {
    "respondent": ["T1", "T2", "T3", "T4", "T5", "T6"],
    "role": ["top_manager"] * 6,
    "F_missions": ["ja", "nej", "ved ikke", "ja", "nej", "ja"],
    "D3_1": [4, 3, 2, 5, 4, 2],
    "D3_2": [4, 3, NA, 4, 5, 3],
    "D3_5": [2, NA, NA, 1, NA, 4],
    "D3_3": [5, NA, NA, 4, NA, 2],
    "D3_6": [3, NA, NA, NA, NA, 2],
}


def d3_score(a):
    return a.dimensions().set_index("id").loc["D3"]


def test_a_frame_with_a_filter_column_scores_skipped_items_as_not_asked():
    a = tm.assess(pd.DataFrame(D3), model=MODEL, bootstrap=0)
    row = d3_score(a)
    assert row["score"] == pytest.approx((4.0 + 3.0 + 4.5 + 4.5 + 2.2) / 5)
    assert row["n"] == 5


def test_frame_long_frame_and_csv_file_agree(tmp_path):
    wide = pd.DataFrame(D3)
    path = tmp_path / "d3.csv"
    wide.to_csv(path, index=False)
    by_file = tm.assess(path, model=MODEL, bootstrap=0)
    assert tm.assess(wide, model=MODEL, bootstrap=0) == by_file
    # Long: the filter column repeats the respondent's answer on each of their rows.
    long = wide.melt(id_vars=["respondent", "role", "F_missions"], var_name="item", value_name="value")
    assert tm.assess(long, model=MODEL, bootstrap=0) == by_file


def test_filter_errors_are_typed_and_name_the_index_label():
    df = pd.DataFrame(D3).set_index("respondent")
    df.loc["T2", "D3_3"] = 4  # answered although the filter said "nej"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df, model=MODEL, bootstrap=0)
    assert (e.value.index, e.value.column, e.value.respondent) == ("T2", "D3_3", "T2")
    assert e.value.fields["filter"] == "F_missions" and e.value.value == "nej"
    df = pd.DataFrame(D3)
    df.loc[4, "F_missions"] = "måske"
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df, model=MODEL, bootstrap=0)
    assert (e.value.index, e.value.column, e.value.value) == (4, "F_missions", "måske")
    df = pd.DataFrame(D3)
    df.loc[0, "role"] = "frontline"
    df.loc[0, [c for c in D3 if c.startswith("D3_")]] = NA
    with pytest.raises(tm.ResponseError) as e:
        tm.assess(df, model=MODEL, bootstrap=0)
    assert (e.value.index, e.value.column) == (0, "F_missions") and "frontline" in str(e.value)


def test_an_ignored_filter_column_leaves_its_items_asked():
    # Without F_missions, T2 and T5 answer 2 of 5 asked items (< 3) and get no D3 score; the
    # three left are published only under k = 3 (allow_small_groups).
    df = pd.DataFrame(D3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tm.DataLossWarning)
        a = tm.assess(df, model=MODEL, ignore_columns=["F_missions"], bootstrap=0, min_group_size=3,
                      allow_small_groups=True)
    assert d3_score(a)["score"] == pytest.approx((4.0 + 4.5 + 2.2) / 3) and d3_score(a)["n"] == 3


def test_item_analysis_takes_filter_columns_too(tmp_path):
    model = tm.Model.bundled(MODEL)
    path = tmp_path / "d3.csv"
    pd.DataFrame(D3).to_csv(path, index=False)
    analysis = tm.item_analysis(pd.DataFrame(D3), model)
    assert analysis == tm.item_analysis(path, model)
    asked = {i["item"]: i["n_asked"] for i in analysis.to_dict()["items"] if i["item"].startswith("D3_")}
    # D3_3 and D3_6 are put to the three who answered "ja"; the others to all six.
    assert asked == {"D3_1": 6, "D3_2": 6, "D3_5": 6, "D3_3": 3, "D3_6": 3}

"""Issue 11 items 8 and 10: one column list per frame; charts drawn truthfully (the charts are
the core's since issue 15; their geometry is tested in crates/transform-model/src/chart)."""
import re

import pandas as pd
import pytest

import transform_model as tm
from transform_model import _assess, _portfolio
from transform_model._frames import Spec


def only_d8():
    """Six frontline respondents answering only D8 items: every other dimension is unreported."""
    return tm.assess(pd.DataFrame({"respondent": [f"R{i}" for i in range(6)], "role": ["frontline"] * 6,
                                   "D8_8": [4, 3, 5, 4, 2, 4], "D8_10": [3, 3, 4, 5, 2, 3]}), bootstrap=50)


def test_unreported_dimension_is_not_drawn_at_the_centre():
    a = only_d8()
    dims = a.dimensions()
    unreported = int(dims["score"].isna().sum())
    assert unreported == 9  # only D8 is reported
    svg = a.radar_svg("en")
    # The centre (330, 250) is where score 1 lies; no marker may be there.
    assert 'cx="330.0" cy="250.0"' not in svg
    # One hollow marker per unreported dimension, and it is said in words.
    assert svg.count('class="not-reported"') == unreported
    assert svg.count(">not reported<") == unreported
    assert ">ikke rapporteret<" in a.radar_svg("da")
    # No outline segment touches an unreported spoke: with one scored spoke there is none.
    assert 'class="score"' not in svg


def test_legend_names_band_and_target():
    svg = tm.assess(tm_sample(), bootstrap=50, target=4).radar_svg("en")
    legend = svg[svg.index('<g class="legend">'):]
    assert "uncertainty (95%)" in legend and "Target" in legend and "Score" in legend
    da = tm.assess(tm_sample(), bootstrap=50, target=4).radar_svg("da")
    assert "Mål" in da[da.index('<g class="legend">'):]
    assert "<title>" in svg and "<desc>" in svg


def tm_sample():
    import pathlib

    return pathlib.Path(__file__).resolve().parents[2] / "crates" / "transform-model" / "data" / "sample_responses.csv"


def test_portfolio_html_in_danish_with_balance_and_whole_words():
    p = tm.Portfolio.sample()
    a = p.analyse(lang="da")
    da = a._repr_html_()
    assert "<h4>Dækning" in da and "Kandidater til lukning" in da
    assert "Coverage" not in da and "Closure candidates" not in da
    # Balance is not empty: the mode counts of the analysis appear in it.
    section = da[da.index("<h4>Balance</h4>"):da.index("<h4>Kandidater")]
    modes = a.balance[a.balance.kind == "modes"]
    assert len(modes) > 0
    for label, count in zip(modes["label"], modes["count"]):
        assert f"{label} {int(count)}" in section
    assert "Tilgange" in section
    en = p.analyse(lang="en")._repr_html_()
    assert "<h4>Coverage" in en
    # Mission titles are wrapped over lines, never cut: the lines joined give the title.
    titles = dict(p._inner.mission_titles("da"))
    blocks = re.findall(r'<text [^>]*text-anchor="end"[^>]*>((?:<tspan[^>]*>[^<]*</tspan>)+)</text>', da)
    labels = [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", b)) for b in blocks]
    assert len(labels) == len(titles)
    for label, (mid, title) in zip(labels, titles.items()):
        assert label == title


@pytest.mark.parametrize("spec, method", [
    (_assess.DIMENSIONS, lambda: only_d8().dimensions()),
    (_assess.GROUPS, lambda: only_d8().groups()),
    (_assess.GAPS, lambda: tm.assess(tm_sample(), bootstrap=50).gaps()),
    (_assess.RECOMMENDATIONS, lambda: tm.assess(tm_sample(), bootstrap=0, target=4).recommendations()),
    (_portfolio.ALIGNMENT, lambda: tm.Portfolio.sample().analyse().alignment),
    (_portfolio.ECONOMICS, lambda: tm.Portfolio.sample().analyse().economics),
    (_portfolio.COVERAGE, lambda: tm.Portfolio.sample().analyse().coverage),
])
def test_frames_follow_their_spec(spec: Spec, method):
    df = method()
    assert list(df.columns) == spec.names
    assert {c: str(t) for c, t in df.dtypes.items()} == spec.dtypes
    assert len(df) > 0


def test_docstrings_come_from_the_spec():
    doc = tm.Assessment.dimensions.__doc__
    for c in _assess.DIMENSIONS.columns:
        assert f"``{c.name}``" in doc and c.doc in doc
    assert "``payback_year``" in tm.PortfolioAnalysis.economics.__doc__


def test_portfolio_frames_equal_the_json():
    a = tm.Portfolio.sample().analyse(lang="en")
    al = a.alignment
    expected = a.data["alignment"]
    assert list(al["initiative"]) == [r["initiative"] for r in expected]
    assert list(al["mission"]) == [r["mission"] for r in expected]
    assert list(al["text"]) == [r["components"]["text"] for r in expected]
    e = a.economics
    assert [None if pd.isna(v) else int(v) for v in e["payback_year"]] == [r["payback_year"] for r in a.data["economics"]]
    assert list(e["recommendation"]) == [r["recommendation"] for r in a.data["economics"]]
    assert a.flags == a.data["balance"]["flags"] and a.herfindahl == a.data["balance"]["herfindahl"]

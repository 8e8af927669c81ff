"""Issue 15: the council's report from Python equals the CLI's; the notebook view and the
charts are the core's; Danish frames carry Danish labels."""
import re
import subprocess

import pytest

import transform_model as tm
from conftest import CLI, DATA

INVITED = {"politician": 27, "top_manager": 12, "middle_manager": 40, "frontline": 120, "external_partner": 30}


def cli_report(tmp_path, *args):
    out = tmp_path / "cli.html"
    subprocess.run([str(CLI), "report", *args, "--out", str(out)], check=True, capture_output=True)
    return out.read_text(encoding="utf-8")


def test_to_html_is_the_cli_report(sample_csv, cli, tmp_path):
    cli("model")  # builds the CLI when missing
    invited = ",".join(f"{k}={v}" for k, v in INVITED.items())
    expected = cli_report(tmp_path, str(sample_csv), "--portfolio", str(DATA / "portfolio.json"),
                          "--catalog", str(DATA / "catalog.json"), "--plan", "--invited", invited)
    a = tm.assess(sample_csv)
    portfolio = tm.Portfolio.from_file(DATA / "portfolio.json")
    catalog = tm.Catalog.from_file(DATA / "catalog.json")
    plan = tm.plan(a, portfolio, catalog)
    html = a.to_html(portfolio=portfolio, catalog=catalog, plan=plan, invited=INVITED)
    assert html == expected
    assert a.to_html(lang="en") == cli_report(tmp_path, str(sample_csv), "--lang", "en")


def test_save_report_writes_the_same_html_and_refuses_a_missing_folder(sample_csv, tmp_path):
    a = tm.assess(sample_csv, bootstrap=50)
    path = tmp_path / "r.html"
    a.save_report(path, invited=INVITED)
    assert path.read_text(encoding="utf-8") == a.to_html(invited=INVITED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    with pytest.raises(FileNotFoundError, match="does not exist"):
        a.save_report(tmp_path / "missing" / "r.html")
    assert not (tmp_path / "missing").exists()


def test_invited_counts_are_checked(sample_csv):
    a = tm.assess(sample_csv, bootstrap=0)
    with pytest.raises(tm.OptionError, match="politican.*politician"):
        a.to_html(invited={"politican": 3})
    with pytest.raises(tm.OptionError, match="frontline"):
        a.to_html(invited={"frontline": 2})


def test_notebook_view_uses_the_cores_charts(sample_csv):
    a = tm.assess(sample_csv, bootstrap=50)
    html = a._repr_html_()
    assert html.count("<svg") == 1 and "<title>Modenhedsprofil</title>" in html
    assert "<title>Modenhed pr. dimension</title>" in a.chart_svg("bars")
    assert a.chart_svg("heatmap").count("<title>") == 1
    assert "<title>Forskelle i opfattelse mellem grupper</title>" in a.chart_svg("gaps")
    with pytest.raises(ValueError, match="unknown chart"):
        a.chart_svg("pie")
    analysis = tm.Portfolio.sample().analyse(lang="da")
    assert "<title>Indsatser pr. mission</title>" in analysis.chart_svg("coverage")
    assert ">udbredelse<" in analysis.chart_svg("stages")


ENGLISH = {
    "spread", "keep", "close", "reconsider", "screening", "maturing", "testing", "spreading", "operations", "closed",
    "too_early_to_judge", "enhancement", "mission_oriented", "adaptive", "anticipatory", "exploit", "explore",
    "urbanity", "urban", "rural", "mixed", "alignment", "politician", "politicians", "frontline", "manager",
    "partner", "respondents", "warning", "level", "target", "gap", "lift", "significant", "the", "and", "of",
    "none", "unclear", "experiment", "initiatives",
}


def english_words(values):
    words = set()
    for v in values:
        items = v if isinstance(v, list) else [v]
        for item in items:
            words |= {w.lower() for w in re.split(r"[^\w]+", str(item))} & ENGLISH
    return sorted(words)


def test_danish_frames_are_danish(sample_csv):
    a = tm.assess(sample_csv, bootstrap=50)
    analysis = tm.Portfolio.sample().analyse(lang="da")
    texts = {
        "dimensions.label": a.dimensions(lang="da")["label"],
        "recommendations.label": a.recommendations(lang="da")["label"],
        "recommendations.lever_labels": a.recommendations(lang="da")["lever_labels"],
        "economics.recommendation_label": analysis.economics["recommendation_label"],
        "economics.reason": analysis.economics["reason"],
        "closure_candidates.reason": analysis.closure_candidates["reason"],
        "balance.label": analysis.balance["label"],
    }
    for name, column in texts.items():
        assert english_words(column) == [], name
    # The codes stay the JSON's, next to the labels.
    economics = analysis.economics
    assert set(economics["recommendation"]) <= {"spread", "keep", "reconsider", "close", "too_early_to_judge"}
    assert dict(zip(economics["recommendation"], economics["recommendation_label"]))["spread"] == "udbred"


def test_the_paper_options_equal_the_cli_and_bad_ones_are_named(sample_csv, cli, tmp_path):
    import datetime
    cli("model")  # builds the CLI when missing
    expected = cli_report(tmp_path, str(sample_csv), "--municipality", "760", "--committee", "Børne- og Ungeudvalget",
                          "--meeting-date", "2026-05-12", "--survey-period", "2026-03-02..2026-03-20",
                          "--status", "orientering")
    a = tm.assess(sample_csv)
    html = a.to_html(municipality=760, committee="Børne- og Ungeudvalget", meeting_date=datetime.date(2026, 5, 12),
                     survey_period=(datetime.date(2026, 3, 2), "2026-03-20"), status="orientering")
    assert html == expected
    assert "<h1>Ringkøbing-Skjern Kommune: modenhedsmåling" in html
    with pytest.raises(tm.OptionError, match="Atlantis"):
        a.to_html(municipality="Atlantis")
    with pytest.raises(tm.OptionError, match="2026-03-10.*2026-03-20"):
        a.to_html(meeting_date="2026-03-10", survey_period="2026-03-02..2026-03-20")
    with pytest.raises(ValueError, match="status.*besluttet"):
        a.to_html(status="besluttet")
    path = tmp_path / "paper.html"
    with pytest.raises(tm.OptionError, match="Atlantis"):
        a.save_report(path, municipality="Atlantis")
    assert not path.exists()

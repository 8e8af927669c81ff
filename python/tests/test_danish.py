"""One Danish voice in the Python face (issue 28, item 5): every text a `lang="da"` call hands
a reader — the frames' text columns and categorical labels, the plain-text table, the
portfolio's HTML — read with the Rust language test's checker (the same word lists:
tests/danish/rules.txt). Frame column names are the API's identifiers, the same in both
languages (documented per frame), and code columns (`id`, `kind`, `value`, `stage`, …) hold
codes by design; each code column with a reader-facing meaning has a label column beside it,
and that is what is checked."""
import pathlib
import re

import pandas as pd
import pytest

import transform_model as tm

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = "dtm@2026.2"  # explicit: the default model changes
SEED = 2027


def rules():
    sections, current = {}, None
    for line in (ROOT / "tests" / "danish" / "rules.txt").read_text(encoding="utf-8").split("\n"):
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif current is not None and line.strip() and not line.startswith("#"):
            current.append(line)
    return sections


RULES = rules()
ID = re.compile(r"^(?:D\d+_\d+|(?:D|M|P|A|start|greb)\d+)$")


def words(line):
    parts = re.split(r"[^\w.,]", line)
    return [w.strip(".,") for w in parts if w.strip(".,")]


def is_dot_decimal(w, previous):
    if "." not in w or not re.fullmatch(r"[\d.]+", w) or previous.lower() == "version":
        return False
    groups = w.split(".")
    thousands = 0 < len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    return all(groups) and not thousands


def violations(text):
    """The same findings as crates/transform-model-cli/tests/cli_danish.rs::violations."""
    english, jargon, plurals = set(RULES["english"]), set(RULES["jargon"]), set(RULES["plurals"])
    out = set()
    for line in text.split("\n"):
        ws = words(line)
        for i, w in enumerate(ws):
            low = w.lower()
            if low in english:
                out.add(f"engelsk: {low}")
            if low in jargon:
                out.add(f"fagsprog: {low}")
            if ID.match(w):
                out.add(f"id: {w}")
            if is_dot_decimal(w, ws[i - 1] if i else ""):
                out.add(f"decimalpunktum: {w}")
            if i + 1 < len(ws):
                nxt = ws[i + 1].lower()
                # As the Rust checker: "(greb 4)" beside a name is allowed, "3 greb, 1 …" is a count.
                pair = f"{low} {ws[i + 1]}"
                if (low in ("greb", "start") and ws[i + 1].isdigit() and pair in line.lower()
                        and f"({pair})" not in line.lower()):
                    out.add(f"id: {pair}")
                if w == "1" and nxt in plurals:
                    out.add(f"flertal: 1 {nxt}")
                if w == "0" and nxt.isalpha() and nxt not in ("kr", "pct"):
                    out.add(f"nul: 0 {nxt}")
        lw = [w.lower() for w in ws]
        for n in range(2, 7):
            for i in range(0, max(0, len(lw) - 2 * n + 1)):
                a, b = lw[i:i + n], lw[i + n:i + 2 * n]
                if a == b and any(re.search(r"[^\W\d_]", w) for w in a) and not any(re.search(r"\d", w) for w in a):
                    out.add("gentaget: " + " ".join(a))
    for phrase in RULES["phrases"]:
        if phrase in text.lower():
            out.add(f"fagsprog: {phrase}")
    return sorted(out)


def cells(frame, columns):
    """The strings of `columns` in `frame`, lists flattened, one a line."""
    out = []
    for c in columns:
        for v in frame[c]:
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, (list, tuple)):
                out.extend(x for x in v if isinstance(x, str))
    return "\n".join(out)


def visible(html):
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "\n", html)


def test_the_checker_matches_the_rust_one():
    found = violations("closed 1, P01 spread; afstand 0.54 point; 1 handlinger; 0 udskudt\n"
                       "for tidligt at vurdere for tidligt at vurdere; Herfindahl; greb3; k = 5; løft; D3_2; greb 9 først")
    for expected in ["engelsk: closed", "engelsk: spread", "id: P01", "decimalpunktum: 0.54", "flertal: 1 handlinger",
                     "nul: 0 udskudt", "gentaget: for tidligt at vurdere", "fagsprog: herfindahl", "id: greb3",
                     "fagsprog: k = ", "fagsprog: løft", "id: D3_2", "id: greb 9"]:
        assert expected in found, (expected, found)
    assert violations("Niveau 2 af 5; 1 handling; 1.000 dage; 2,71; Model: Dansk (dtm, version 2026.2)") == []


@pytest.fixture(scope="module")
def assessment():
    # The sample generator on the explicit model and seed, scored as a user's survey.
    return tm.assess(tm.sample_survey(MODEL, respondents=60, seed=SEED), MODEL, bootstrap=20, seed=SEED)


def test_assessment_frames_and_table_in_danish(assessment):
    texts = {
        "dimensions": cells(assessment.dimensions("da"), ["label"]),
        "recommendations": cells(assessment.recommendations("da"), ["label", "lever_labels"]),
        "table": assessment.table("da"),
        "model": cells(tm.Model.resolve(MODEL).to_frame("da"), ["dimension_label"]),
    }
    bad = {k: violations(v) for k, v in texts.items() if violations(v)}
    assert not bad, bad


def test_portfolio_frames_and_html_in_danish():
    a = tm.Portfolio.sample().analyse(lang="da")
    texts = {
        "economics": cells(a.economics, ["recommendation_label", "reason"]),
        "closure_candidates": cells(a.closure_candidates, ["reason"]),
        "balance": cells(a.balance, ["label"]),
        "html": visible(a.to_html("da")),
    }
    bad = {k: violations(v) for k, v in texts.items() if violations(v)}
    assert not bad, bad

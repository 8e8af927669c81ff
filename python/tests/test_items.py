"""Item analysis: the alpha family against an independent numpy/pandas reference (1e-9),
omega against factor_analyzer's minres loadings (1e-3), anonymity of the per-role tables,
bad input."""
import pickle
import subprocess

import numpy as np
import pandas as pd
import pytest

import transform_model as tm
from conftest import CLI, ROOT

# k = 3 and spreads from 3 answers on: the reference below uses every pair of at least 3.
K3 = dict(min_group_size=3, allow_small_groups=True, min_dispersion_n=3)
# The alpha family is checked on a dtm 2026.2 survey: there every role answers most items of a
# dimension, so item pairs share respondents. dtm 2027.1 routes each item only to the roles
# that can observe it, so most of its pairs share none and no alpha exists to compare.
MODEL_2026_2 = tm.Model.bundled("dtm@2026.2")


@pytest.fixture(scope="module")
def survey_2026_2(tmp_path_factory):
    """The survey the bundled sample was on 2026.2 (its arguments, from its doc comment then)."""
    if not CLI.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli"], cwd=ROOT, check=True)
    counts = "politician=4,top_manager=6,middle_manager=14,frontline=30,external_partner=8"
    text = subprocess.run([str(CLI), "sample", "--model", "dtm@2026.2", "--respondents", "62", "--seed", "3",
                           "--role-counts", counts], check=True, capture_output=True, text=True).stdout
    path = tmp_path_factory.mktemp("items") / "survey-2026.2.csv"
    path.write_text(text, encoding="utf-8")
    return path


def reference_frame(sample_csv, model):
    """The sample's answers after reverse-keying (NaN: not asked or 'ved ikke')."""
    df = pd.read_csv(sample_csv).set_index("respondent").sort_index()
    lo, hi = model._data["scale"]["min"], model._data["scale"]["max"]
    for item in model.items:
        if item.get("reverse"):
            df[item["id"]] = lo + hi - df[item["id"]]
    return df


def asked(df, item):
    """Respondents the item was put to: of a role it is routed to, and, behind a filter
    question, only those who answered it "ja" (the others skipped it: not asked)."""
    roles = item.get("roles") or list(df["role"].unique())
    put = df["role"].isin(roles)
    if item.get("filter"):
        put &= df[item["filter"]] == "ja"
    return put


def alpha_of(c):
    j = len(c)
    return j / (j - 1) * (1 - np.trace(c) / c.sum())


def reference_dimension(x, min_n):
    """psych::alpha on pairwise covariances: pandas' DataFrame.cov is pairwise (ddof 1)."""
    c = x.cov().to_numpy()
    n = x.notna().astype(int).T.dot(x.notna().astype(int)).to_numpy()
    if (n < min_n).any():
        return None
    j = c.shape[0]
    r = c / np.sqrt(np.outer(np.diag(c), np.diag(c)))
    rbar = (r.sum() - j) / (j * (j - 1))
    rest_r, drop = [], []
    for i in range(j):
        keep = [a for a in range(j) if a != i]
        rest_r.append(c[i, keep].sum() / np.sqrt(c[i, i] * c[np.ix_(keep, keep)].sum()))
        drop.append(alpha_of(c[np.ix_(keep, keep)]) if j > 2 else None)
    return dict(alpha=alpha_of(c), average_r=rbar, alpha_std=j * rbar / (1 + (j - 1) * rbar), r=r,
                item_rest_r=rest_r, alpha_if_deleted=drop)


@pytest.fixture(scope="module")
def analysis(survey_2026_2):
    return tm.item_analysis(survey_2026_2, MODEL_2026_2, by_role=True, **K3)


def test_alpha_family_equals_numpy_reference(survey_2026_2, analysis):
    model = MODEL_2026_2
    df = reference_frame(survey_2026_2, model)
    items, dims = analysis.items().set_index("item"), analysis.dimensions().set_index("dimension")
    checked = 0
    for d in model.dimensions:
        ids = [i["id"] for i in model.items if i["dimension"] == d["id"]]
        ref = reference_dimension(df[ids], 3)
        if ref is None:
            assert np.isnan(dims.loc[d["id"], "alpha"])
            continue
        got = dims.loc[d["id"]]
        for key in ("alpha", "alpha_std", "average_r"):
            assert got[key] == pytest.approx(ref[key], abs=1e-9), (d["id"], key)
        for pos, item in enumerate(ids):
            assert items.loc[item, "item_rest_r"] == pytest.approx(ref["item_rest_r"][pos], abs=1e-9)
            if ref["alpha_if_deleted"][pos] is not None:
                assert items.loc[item, "alpha_if_deleted"] == pytest.approx(ref["alpha_if_deleted"][pos], abs=1e-9)
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("survey", ["default", "2026.2"])
def test_item_moments_use_those_asked(survey, sample_csv, survey_2026_2):
    # The default (dtm 2027.1) sample has filter questions: n_asked counts only the "ja".
    model = tm.default_model() if survey == "default" else MODEL_2026_2
    path = sample_csv if survey == "default" else survey_2026_2
    df = reference_frame(path, model)
    items = tm.item_analysis(path, model, by_role=True, **K3).items().set_index("item")
    for item in model.items:
        x = df.loc[asked(df, item), item["id"]]
        row = items.loc[item["id"]]
        assert row["n_asked"] == len(x) and row["n"] == x.notna().sum()
        if x.notna().sum() < 20 and x.dropna().nunique() == 1:
            # All alike under 20: the mean would be everyone's answer.
            assert np.isnan(row["mean"])
            continue
        assert row["mean"] == pytest.approx(x.mean(), abs=1e-12)
        assert row["sd"] == pytest.approx(x.std(ddof=1), abs=1e-12)
        assert row["dont_know_share"] == pytest.approx(x.isna().mean(), abs=1e-12)
        assert ("many_dont_know" in row["flags"]) == (x.isna().mean() >= 0.2)
        assert ("low_item_rest_r" in row["flags"]) == (row["item_rest_r"] < 0.3)


def test_omega_equals_factor_analyzer_minres(survey_2026_2, analysis):
    fa = pytest.importorskip("factor_analyzer")
    model = MODEL_2026_2
    df = reference_frame(survey_2026_2, model)
    dims = analysis.dimensions().set_index("dimension")
    compared = 0
    for d in model.dimensions:
        ids = [i["id"] for i in model.items if i["dimension"] == d["id"]]
        ref = reference_dimension(df[ids], 3)
        if ref is None or len(ids) < 3:
            continue
        f = fa.FactorAnalyzer(n_factors=1, rotation=None, method="minres", is_corr_matrix=True)
        f.fit(ref["r"])
        lam = f.loadings_[:, 0]
        omega = (ref["r"].sum() - (1 - lam ** 2).sum()) / ref["r"].sum()
        assert dims.loc[d["id"], "omega_total"] == pytest.approx(omega, abs=1e-3), d["id"]
        compared += 1
    # Heywood cases included: both bound the uniqueness at 0.005.
    assert compared >= 8


def test_by_role_only_for_groups_of_at_least_k(sample_csv):
    counts = pd.read_csv(sample_csv)["role"].value_counts()
    at5 = tm.item_analysis(sample_csv, by_role=True)
    shown = dict(at5.roles)
    assert shown and all(n >= 5 for n in shown.values())
    assert all(shown[r] == counts[r] for r in shown)
    small = [r for r, n in counts.items() if n < 5]
    assert small and not any(r in shown for r in small)
    with pytest.raises(tm.OptionError) as e:
        at5.items(role=small[0])
    assert small[0] in str(e.value)
    frontline = at5.items(role="frontline")
    assert (frontline["n_asked"] <= counts["frontline"]).all()


def test_frame_and_matrix_inputs_agree_with_path(sample_csv, survey_2026_2, analysis):
    # The default sample's frame carries its filter columns (F_…) beside the answers.
    for path, model in ((sample_csv, tm.default_model()), (survey_2026_2, MODEL_2026_2)):
        df = pd.read_csv(path)
        from_frame = tm.item_analysis(df.set_index("respondent"), model, by_role=True, **K3)
        assert from_frame == tm.item_analysis(path, model, by_role=True, **K3)
    assert pickle.loads(pickle.dumps(analysis)) == analysis


def test_bad_input():
    df = pd.DataFrame({"respondent": ["a", "b"], "role": ["mayor", "frontline"], "D1_1": [3, 4]})
    with pytest.raises(tm.ResponseError) as e:
        tm.item_analysis(df.set_index("respondent"))
    assert "mayor" in str(e.value)
    with pytest.raises(tm.OptionError):
        tm.item_analysis(pd.DataFrame({"role": ["frontline"] * 6, "D8_8": [1, 2, 3, 4, 5, 1]}), min_group_size=4)
    with pytest.raises(tm.ArgumentTypeError):
        tm.item_analysis(42)
    with pytest.raises(tm.AnonymityError):
        tm.item_analysis(pd.DataFrame({"role": ["frontline"] * 4, "D8_8": [1, 2, 3, 4]}))

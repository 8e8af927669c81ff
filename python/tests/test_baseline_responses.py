"""`baseline_responses=`: the carried-over comparison of a round on an earlier model version
(core `maturity::compare_carried_over`), the same as the CLI's `--baseline-responses` for the
same files, and the same from a DataFrame as from its CSV. Surveys generated here."""
import pytest

import transform_model as tm

OLD, NEW = "dtm@2026.2", "dtm@2027.1"  # 2026.1 → 2026.2 carry over too few items per dimension to score
OPTS = dict(bootstrap=20, seed=0)


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    d = tmp_path_factory.mktemp("rounds")
    before = tm.sample_survey(OLD, 120, seed=31)
    now = tm.sample_survey(NEW, 120, seed=32)
    before.to_csv(d / "before.csv", index=False)
    now.to_csv(d / "now.csv", index=False)
    baseline = tm.assess(before, OLD, **OPTS)
    (d / "before.json").write_text(baseline.to_json(), encoding="utf-8")
    return d, before, now, baseline


def test_the_carried_over_comparison_is_the_clis(rounds, cli):
    d, before, now, baseline = rounds
    got = tm.assess(d / "now.csv", NEW, baseline=baseline, baseline_responses=d / "before.csv", **OPTS)
    want = cli("assess", str(d / "now.csv"), "--model", NEW, "--baseline", str(d / "before.json"),
               "--baseline-responses", str(d / "before.csv"), "--bootstrap", "20", "--format", "json")
    assert got.to_dict()["baseline"] == want["baseline"]
    carried = got.to_dict()["baseline"]["carried_over"]
    # Only items both versions carry over are compared: a subset of each model's items.
    ids = lambda spec: {i["id"] for i in tm.Model.resolve(spec).items}  # noqa: E731
    assert carried and set(carried) <= ids(OLD) & ids(NEW)
    # From frames: the same comparison.
    from_frames = tm.assess(now, NEW, baseline=baseline, baseline_responses=before, **OPTS)
    assert from_frames.to_dict()["baseline"] == got.to_dict()["baseline"]


def test_baseline_responses_need_a_baseline_and_a_readable_source(rounds):
    d, before, now, baseline = rounds
    with pytest.raises(tm.OptionError) as e:
        tm.assess(now, NEW, baseline_responses=before, **OPTS)
    assert e.value.option == "baseline_responses"
    with pytest.raises(tm.ArgumentTypeError):
        tm.assess(now, NEW, baseline=baseline, baseline_responses=42, **OPTS)
    with pytest.raises(tm.ResponseError):
        tm.assess(now, NEW, baseline=baseline, baseline_responses=d / "missing.csv", **OPTS)

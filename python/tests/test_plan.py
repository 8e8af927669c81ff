"""tm.plan: the JSON equals the CLI's, the frames follow the plan's rules, pickling round-trips,
the timeline marks the election year, and bad options name their field."""
import json
import pickle
import subprocess

import pytest

import transform_model as tm

from conftest import CLI, DATA


def _sample():
    a = tm.assess(DATA / "sample_responses.csv")
    return a, tm.Portfolio.sample(), tm.default_catalog()


def test_plan_json_equals_the_cli(cli):
    a, p, c = _sample()
    plan = tm.plan(a, p, c, start_year=2026)
    out = subprocess.run(
        [str(CLI), "plan", str(DATA / "sample_responses.csv"), "--portfolio", str(DATA / "portfolio.json"),
         "--catalog", str(DATA / "catalog.json"), "--start-year", "2026", "--format", "json"],
        check=True, capture_output=True, text=True).stdout
    assert plan.to_json() == out.rstrip("\n")


def test_actions_frame_follows_the_plan_rules():
    a, p, c = _sample()
    plan = tm.plan(a, p, c, start_year=2026, elections=[2025, 2029])
    df = plan.actions
    assert list(df["year"].unique()) == [2026, 2027, 2028, 2029, 2030]
    big = {"close", "start", "lever", "adopt_ingredient"}
    assert not df[(df["year"] == 2029) & df["kind"].isin(big)].shape[0]
    assert df[(df["kind"] == "re_anchor")][["year", "quarter"]].values.tolist() == [[2030, 1]]
    costed = df[df["cost_kr"].notna() & (df["cost_kr"] > 0)]
    assert len(costed) and (costed["budget_year"] <= costed["year"]).all() and (costed["budget_year"] > 2026).all()
    # Capacity per department and year.
    used = df.assign(dept=df["owner"].fillna("Direktionen")).groupby(["dept", "year"])["hours"].sum()
    assert (used <= 2000).all()
    assert plan.deferred.shape[0] == len(plan.to_dict()["deferred"])


def test_assessment_only_pickle_and_svg():
    a, _, _ = _sample()
    plan = tm.plan(a, start_year=2026, lang="en")
    assert any("No portfolio" in m for m in plan.missing)
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan and again.to_json() == plan.to_json()
    svg = plan.timeline_svg()
    assert svg.count(">2026<") == 1 and "election year" in svg
    assert plan._repr_html_().startswith("<p>")


@pytest.mark.parametrize("kwargs, option", [
    ({"capacity_hours": 0}, "capacity_hours"),
    ({"years": 11}, "years"),
    ({"start_year": 1800}, "start_year"),
    ({"elections": [2029, 2050]}, "elections[1]"),
])
def test_bad_options_name_the_field(kwargs, option):
    a, p, _ = _sample()
    args = {"start_year": 2026, **kwargs}
    with pytest.raises(tm.OptionError) as e:
        tm.plan(a, p, **args)
    assert e.value.option == option


def test_economy_calendar_and_load_frames_carry_the_json_figures():
    a, p, c = _sample()
    plan = tm.plan(a, p, c, start_year=2026)
    data = plan.to_dict()
    eco = plan.economy
    assert eco["budget_year"].tolist() == [2026, 2027, 2028, 2029, 2030]
    for row, e in zip(eco.to_dict("records"), data["economy"]):
        for k in ("new_kr", "savings_kr", "net_kr", "cumulative_net_kr"):
            assert (row[k] == e[k]) or (e[k] is None and row[k] != row[k]), k
        if e["net_kr"] is not None:
            assert abs(row["net_kr"] - (row["new_kr"] - row["savings_kr"])) < 1e-6
        assert row["overslag_1_kr"] == e["overslag"][0]["net_kr"] or e["overslag"][0]["net_kr"] is None
    cal = plan.calendar
    for y in range(2026, 2031):
        kinds = set(cal[cal["year"] == y]["kind"])
        assert {"budget_strategy", "first_reading", "hearing_period", "adoption", "budget_follow_up"} <= kinds
    assert set(cal[cal["kind"] == "med_hearing"]["month"]) == {9}
    load = plan.load
    deps = load[load["level"] == "department"]
    assert (deps["hours"] <= deps["capacity"]).all()
    assert deps["actions"].sum() == len(plan.actions)


def test_budget_options_move_the_calendar_and_are_checked():
    a, p, c = _sample()
    plan = tm.plan(a, p, start_year=2026, budget_months={"first_reading": 10, "hearing": 10, "adoption": 11},
                   department_capacity={"Børn og Unge": 900}, phase_out_quarters=0)
    cal = plan.calendar
    assert set(cal[cal["kind"] == "adoption"]["month"]) == {11}
    assert plan.to_dict()["capacity"]["per_department"]["Børn og Unge"] == 900
    with pytest.raises(tm.OptionError) as e:
        tm.plan(a, p, start_year=2026, department_capacity={"Havnevæsen": 100})
    assert e.value.option == "department_capacity[Havnevæsen]"
    with pytest.raises(tm.OptionError) as e:
        tm.plan(a, p, start_year=2026, budget_months={"adoption": 13})
    assert e.value.option == "budget_months.adoption"

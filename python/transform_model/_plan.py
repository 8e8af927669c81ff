"""The five-year transformation plan (docs/plan.md): a thin wrapper over the core's JSON,
with a DataFrame of actions, an SVG timeline (årshjul) for Jupyter and pickling."""
from __future__ import annotations

import html
import json
import numbers
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _args
from . import _transform_model as _rs
from ._errors import ArgumentTypeError
from ._assess import Assessment
from ._catalog import Catalog
from ._frames import Column, Spec
from ._portfolio import Portfolio

ACTIONS = Spec(
    "One row per planned action, in plan order, with its year.",
    Column("year", "int", "plan year"),
    Column("quarter", "int", "quarter 1–4"),
    Column("id", "str", "action id (A01, …)"),
    Column("kind", "str", "lever, start, close, decide_closure, spread, fill_mission, adopt_ingredient, "
           "review, mobilise, remeasure, anchor_politically, secure_in_budget, re_anchor or med"),
    Column("title", "str", "what is done, in the chosen language"),
    Column("owner", "str", "owning department, or None when to be decided"),
    Column("hours", "float", "leader hours"),
    Column("cost_kr", "float", "new money a full year in kroner (NaN when not costed)"),
    Column("budget_year", "Int64", "the budget that decides the cost"),
    Column("savings_from", "Int64", "first year of savings"),
    Column("depends_on", "list", "actions done in an earlier year first"),
    Column("gate_year", "Int64", "year of the stop/go decision of an experiment"),
    Column("decision_month", "Int64", "month of the meeting that decides or hears it"),
)
ECONOMY = Spec(
    "One row per budget year of the plan: drift in kroner (NaN = ikke opgjort, never 0), anlæg apart.",
    Column("budget_year", "int", "the budget year (adopted the October before)"),
    Column("already_budgeted_kr", "float", "already in the running budget"),
    Column("new_kr", "float", "merudgift"),
    Column("savings_kr", "float", "mindreudgift"),
    Column("net_kr", "float", "new − savings"),
    Column("cumulative_net_kr", "float", "net summed from the first plan year"),
    Column("anlaeg_kr", "float", "net on the anlæg account"),
    Column("known_new_kr", "float", "the part of new_kr that is known"),
    Column("not_costed", "list", "actions whose amount is not opgjort"),
    Column("overslag_1_kr", "float", "net of the first overslagsår as this budget sees it"),
    Column("overslag_2_kr", "float", "net of the second overslagsår"),
    Column("overslag_3_kr", "float", "net of the third overslagsår"),
)
CALENDAR = Spec(
    "The årshjul: one row per event of each plan year, with the plan's actions on it.",
    Column("year", "int", "year"),
    Column("month", "int", "month 1–12"),
    Column("kind", "str", "budget_strategy, accounts, economy_agreement, accounts_approved, budget_seminar, "
           "first_reading, hearing_period, med_hearing, council_hearing, adoption, budget_follow_up, election, "
           "constitution or planning_strategy"),
    Column("text", "str", "the event, in the chosen language"),
    Column("actions", "list", "actions taken up at the event"),
)
LOAD = Spec(
    "Leader hours and actions per year per department (level 'department') and per owner ('owner').",
    Column("level", "str", "department or owner"),
    Column("year", "int", "year"),
    Column("name", "str", "the department, or the owner (director)"),
    Column("hours", "float", "leader hours planned"),
    Column("actions", "int", "actions planned"),
    Column("capacity", "float", "leader hours available"),
)
DEFERRED = Spec(
    "Actions that did not fit, with the reason.",
    Column("id", "str", "action id"),
    Column("kind", "str", "action kind"),
    Column("title", "str", "what would be done"),
    Column("reason", "str", "why it is deferred"),
)

def _row(year: int, a: Dict[str, Any], lang: str) -> Dict[str, Any]:
    owner = a["owner"]["department"] if a["owner"] else None
    return {"year": year, "quarter": a["quarter"], "id": a["id"], "kind": a["kind"], "title": a["title"][lang],
            "owner": owner, "hours": a["hours"], "cost_kr": a["cost_kr"], "budget_year": a["budget_year"],
            "savings_from": a["savings_from"], "depends_on": list(a["depends_on"]),
            "gate_year": (a.get("gate") or {}).get("year"), "decision_month": (a.get("decision") or {}).get("month")}


def _economy_row(e: Dict[str, Any]) -> Dict[str, Any]:
    row = {k: e[k] for k in ("budget_year", "already_budgeted_kr", "new_kr", "savings_kr", "net_kr",
                             "cumulative_net_kr", "anlaeg_kr", "known_new_kr")}
    row["not_costed"] = list(e["not_costed"])
    for k, o in enumerate(e["overslag"], start=1):
        row[f"overslag_{k}_kr"] = o["net_kr"]
    return row


class Plan:
    """A plan: `actions` (year by year), `economy`, `calendar`, `load`, `deferred`, `missing`
    and a summary."""

    __slots__ = ("_json", "_data", "_lang")

    def __init__(self, plan_json: str, lang: str = "da") -> None:
        self._json = plan_json
        self._data = json.loads(plan_json)
        self._lang = lang

    def to_json(self) -> str:
        """The plan's JSON, byte for byte the CLI's `plan --format json`."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._json)

    @property
    def start_year(self) -> int:
        return self._data["start_year"]

    @property
    def elections(self) -> List[int]:
        return list(self._data["elections"])

    @property
    def missing(self) -> List[str]:
        return [m[self._lang] for m in self._data["missing"]]

    @property
    def summary(self) -> str:
        return self._data["summary"][self._lang]

    @property
    @ACTIONS.documents
    def actions(self) -> Any:
        rows = [_row(p["year"], a, self._lang) for p in self._data["phases"] for a in p["actions"]]
        return ACTIONS.from_rows(rows)

    @property
    @DEFERRED.documents
    def deferred(self) -> Any:
        rows = [{"id": a["id"], "kind": a["kind"], "title": a["title"][self._lang],
                 "reason": (a.get("reason") or {}).get(self._lang, "")} for a in self._data["deferred"]]
        return DEFERRED.from_rows(rows)

    @property
    @ECONOMY.documents
    def economy(self) -> Any:
        return ECONOMY.from_rows([_economy_row(e) for e in self._data["economy"]])

    @property
    @CALENDAR.documents
    def calendar(self) -> Any:
        rows = [{"year": e["year"], "month": e["month"], "kind": e["kind"], "text": e["text"][self._lang],
                 "actions": list(e["actions"])} for e in self._data["calendar"]]
        return CALENDAR.from_rows(rows)

    @property
    @LOAD.documents
    def load(self) -> Any:
        rows = [{"level": level, **r} for level, key in (("department", "per_department"), ("owner", "per_owner"))
                for r in self._data["load"][key]]
        return LOAD.from_rows(rows)

    def to_csv(self, path: Union[str, "os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the long table of `plan --format csv` (docs/exports.md); `lang` defaults to the plan's."""
        _rs.export_plan(self._json, "csv", _args.lang(lang or self._lang), os.fspath(path))

    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the workbook of `plan --format xlsx`."""
        _rs.export_plan(self._json, "xlsx", _args.lang(lang or self._lang), os.fspath(path))

    def timeline_svg(self) -> str:
        """The core's timeline: years as columns, election years hatched and labelled, the
        planned leader hours per year against the capacity."""
        return _rs.plan_svg(self._json, self._lang)

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary)}</p>{self.timeline_svg()}"

    def __reduce__(self):
        return (Plan, (self._json, self._lang))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and other._json == self._json

    def __repr__(self) -> str:
        return f"<Plan {self.summary}>"


def plan(assessment: Assessment, portfolio: Union[None, Portfolio, str, "os.PathLike[str]"] = None,
         catalog: Union[None, Catalog, str, "os.PathLike[str]"] = None,
         start_year: Optional[int] = None, years: int = 5, capacity_hours: Optional[float] = None,
         elections: Optional[Sequence[int]] = None, lang: str = "da",
         department_capacity: Optional[Dict[str, float]] = None, budget_months: Optional[Dict[str, int]] = None,
         phase_out_quarters: int = 1) -> Plan:
    """The five-year plan from an assessment, and optionally a portfolio and a catalog.

    `portfolio` and `catalog` may also be paths, or the bundled data by name
    (`portfolio="sample"`, `catalog="default"`), as the CLI's options.
    The start year comes from `start_year` or the portfolio's `year`, never the clock.
    `department_capacity` gives named departments their leader hours; `budget_months` moves
    months of the årshjul (e.g. {"adoption": 11}). Texts of the frames are in `lang` ("da" or
    "en"); the JSON carries both.
    """
    lang = _args.lang(lang)
    _args.instance("assessment", assessment, Assessment, "an Assessment (the result of tm.assess)")
    portfolio, catalog = by_name(portfolio, catalog)
    if portfolio is not None:
        _args.instance("portfolio", portfolio, Portfolio, "a Portfolio or None")
    if catalog is not None:
        _args.instance("catalog", catalog, Catalog, "a Catalog or None")
    text = _rs.plan_json(
        assessment.model._inner, assessment._inner,
        portfolio._inner if portfolio is not None else None,
        catalog._inner if catalog is not None else None,
        _args.optional_int("start_year", start_year), _args.count("years", years),
        _number("capacity_hours", capacity_hours),
        [_year("elections", e) for e in _args.sequence("elections", elections)]
        if elections is not None else None,
        {str(k): _number("department_capacity", v) for k, v in _args.mapping("department_capacity",
                                                                               department_capacity).items()}
        if department_capacity is not None else None,
        {str(k): _args.count("budget_months", v) for k, v in _args.mapping("budget_months", budget_months).items()}
        if budget_months is not None else None,
        _args.count("phase_out_quarters", phase_out_quarters),
    )
    return Plan(text, lang)


def _year(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(f"{name}= must hold years (integers), not {type(value).__name__} {value!r}",
                                option=name, allowed="a list of years", value=value)
    return int(value)


def _number(name: str, value: Any) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(f"{name}= must be a number, not {type(value).__name__} {value!r}", option=name,
                                allowed="a number", value=value)
    return float(value)


def by_name(portfolio: Any, catalog: Any) -> Tuple[Any, Any]:
    """A portfolio or catalog given as a path or a bundled name (`sample`, `default`), loaded."""
    if isinstance(portfolio, (str, os.PathLike)):
        portfolio = Portfolio.from_file(portfolio)
    if isinstance(catalog, (str, os.PathLike)):
        catalog = Catalog.from_file(catalog)
    return portfolio, catalog

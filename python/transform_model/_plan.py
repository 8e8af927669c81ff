"""The five-year transformation plan (docs/plan.md): a thin wrapper over the core's plan,
with DataFrames built from its values, an SVG timeline (årshjul) for Jupyter and pickling."""
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

class Plan:
    """A plan: `actions` (year by year), `economy`, `calendar`, `load`, `deferred`, `missing`
    and a summary. The plan stays in Rust: each frame is built from columns of its values;
    the JSON is written only when asked for (`to_json`, `to_dict`, exports, pickling)."""

    __slots__ = ("_inner", "_json", "_lang")

    def __init__(self, plan: Union[str, "_rs._Plan"], lang: str = "da") -> None:
        """A plan from the core, or from its JSON (the CLI's `plan --format json`)."""
        if isinstance(plan, str):
            self._inner, self._json = _rs._Plan.from_json(plan), plan
        else:
            self._inner, self._json = plan, None
        self._lang = lang

    def to_json(self) -> str:
        """The plan's JSON, byte for byte the CLI's `plan --format json`."""
        if self._json is None:
            self._json = self._inner.to_json()
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.to_json())

    @property
    def start_year(self) -> int:
        return self._inner.start_year

    @property
    def elections(self) -> List[int]:
        return list(self._inner.elections)

    @property
    def missing(self) -> List[str]:
        return self._inner.missing(self._lang)

    @property
    def summary(self) -> str:
        return self._inner.summary(self._lang)

    @property
    @ACTIONS.documents
    def actions(self) -> Any:
        return ACTIONS.from_columns(self._inner.actions(self._lang))

    @property
    @DEFERRED.documents
    def deferred(self) -> Any:
        return DEFERRED.from_columns(self._inner.deferred(self._lang))

    @property
    @ECONOMY.documents
    def economy(self) -> Any:
        return ECONOMY.from_columns(self._inner.economy())

    @property
    @CALENDAR.documents
    def calendar(self) -> Any:
        return CALENDAR.from_columns(self._inner.calendar(self._lang))

    @property
    @LOAD.documents
    def load(self) -> Any:
        return LOAD.from_columns(self._inner.load())

    def to_csv(self, path: Union[str, "os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the long table of `plan --format csv` (docs/exports.md); `lang` defaults to the plan's."""
        _rs.export_plan(self.to_json(), "csv", _args.lang(lang or self._lang), os.fspath(path))

    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the workbook of `plan --format xlsx`."""
        _rs.export_plan(self.to_json(), "xlsx", _args.lang(lang or self._lang), os.fspath(path))

    def timeline_svg(self) -> str:
        """The core's timeline: years as columns, election years hatched and labelled, the
        planned leader hours per year against the capacity."""
        return _rs.plan_svg(self.to_json(), self._lang)

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary)}</p>{self.timeline_svg()}"

    def __reduce__(self):
        return (Plan, (self.to_json(), self._lang))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and other.to_json() == self.to_json()

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
    inner = _rs.make_plan(
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
    return Plan(inner, lang)


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

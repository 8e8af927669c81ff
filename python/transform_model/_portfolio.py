"""Missions and the initiative portfolio."""
from __future__ import annotations

import html
import json
import os
from typing import Any, Dict, Optional, Union

from . import _transform_model as _rs
from ._frames import frame, pandas
from ._svg import bars


class PortfolioAnalysis:
    """The analysis of a portfolio; every table is a DataFrame, `data` is the full JSON as dicts."""

    __slots__ = ("data", "_titles")

    def __init__(self, data: Dict[str, Any], titles: Dict[str, str]) -> None:
        self.data = data
        self._titles = titles

    @property
    def alignment(self) -> Any:
        """Long form: one row per initiative × mission with the score and every component."""
        rows = [{"initiative": r["initiative"], "mission": r["mission"], "score": r["score"], **r["components"]}
                for r in self.data["alignment"]]
        return frame(rows, ["initiative", "mission", "score", "link", "target_groups", "outcomes", "text", "reach"])

    @property
    def coverage(self) -> Any:
        rows = [{**c, "departments": c["departments"], "gaps": c["gaps"]} for c in self.data["coverage"]]
        return frame(rows, ["mission", "initiatives", "weighted", "departments", "sectors", "gaps"])

    @property
    def mission_quality(self) -> Any:
        return frame(self.data["mission_quality"], ["mission", "met", "missed"])

    @property
    def closure_candidates(self) -> Any:
        return frame(self.data["closure_candidates"], ["initiative", "best_alignment", "reason"])

    @property
    def balance(self) -> Any:
        """Counts by kind (mode, facet, stage) and department shares, in long form."""
        b = self.data["balance"]
        rows = [{"kind": kind, "value": k, "count": v} for kind in ("modes", "facets", "stages")
                for k, v in b[kind].items()]
        rows += [{"kind": "department_share", "value": k, "count": v} for k, v in b["department_shares"].items()]
        return frame(rows, ["kind", "value", "count"])

    @property
    def flags(self) -> list:
        """Balance warnings, e.g. "many pilots, nothing spreading"."""
        return list(self.data["balance"]["flags"])

    @property
    def herfindahl(self) -> Optional[float]:
        return self.data["balance"]["herfindahl"]

    @property
    def cross_fertilisation(self) -> Any:
        return frame(self.data["cross_fertilisation"], ["a", "b", "shared", "score"])

    @property
    def economics(self) -> Any:
        df = frame(self.data["economics"], ["initiative", "net_per_year", "payback_year", "recommendation", "reason"])
        df["payback_year"] = pandas().array(df["payback_year"], dtype="Int64")
        return df

    def _repr_html_(self) -> str:
        cov = self.data["coverage"]
        chart = bars([f"{c['mission']} {self._titles.get(c['mission'], '')}"[:40] for c in cov],
                     [c["weighted"] for c in cov], "Mission coverage")
        flags = "".join(f"<li>{html.escape(f)}</li>" for f in self.flags)
        closes = "".join(f"<li>{c['initiative']}: {html.escape(c['reason'])}</li>"
                         for c in self.data["closure_candidates"])
        return (f'<div class="transform-model-portfolio"><h4>Coverage (alignment-weighted)</h4>{chart}'
                f"<h4>Balance</h4><ul>{flags}</ul><h4>Closure candidates</h4><ul>{closes}</ul></div>")

    def __repr__(self) -> str:
        return (f"PortfolioAnalysis({len(self.data['coverage'])} missions, {len(self.data['economics'])} initiatives, "
                f"{len(self.data['closure_candidates'])} closure candidates)")


class Portfolio:
    """A municipality's missions and initiatives, validated on load."""

    __slots__ = ("_inner",)

    def __init__(self, inner: "_rs._Portfolio") -> None:
        self._inner = inner

    @classmethod
    def from_json(cls, text: str) -> "Portfolio":
        return cls(_rs._Portfolio.from_json(text))

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Portfolio":
        return cls.from_json(json.dumps(data))

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Portfolio":
        return cls(_rs._Portfolio.from_file(os.fspath(path)))

    @classmethod
    def sample(cls) -> "Portfolio":
        """The bundled portfolio of a fictional municipality (illustrative)."""
        return cls(_rs._Portfolio.sample())

    def to_json(self) -> str:
        return self._inner.to_json()

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._inner.to_json())

    def analyse(self, horizon: int = 5, *, year: Optional[int] = None, lang: str = "da") -> PortfolioAnalysis:
        """Alignment, coverage, mission quality, closure, balance, cross-fertilisation, economics.

        The analysis year is `year` or the file's `year` (never the clock). Runs without the GIL.
        """
        data = json.loads(self._inner.analyse(int(horizon), year, lang))
        titles = {m["id"]: m["title"].get(lang, "") for m in self.to_dict()["missions"]}
        return PortfolioAnalysis(data, titles)

    analyze = analyse

    def __reduce__(self):
        return (Portfolio.from_json, (self.to_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Portfolio) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"Portfolio({d['municipality']['name']!r}, {len(d['missions'])} missions, {len(d['initiatives'])} initiatives)"

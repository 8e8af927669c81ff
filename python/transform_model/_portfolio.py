"""Missions and the initiative portfolio."""
from __future__ import annotations

import html
import json
import os
import re
from typing import Any, Dict, List, Optional, Tuple, Union

import numpy as np

from . import _args
from . import _portfolio_frames as _pf
from ._errors import OptionError, PortfolioError
from . import _transform_model as _rs
from ._frames import Column, Spec

ALIGNMENT = Spec(
    "Long form: one row per initiative × mission with the score and every component.",
    Column("initiative", "str", "initiative id"),
    Column("mission", "str", "mission id"),
    Column("score", "float", "alignment 0..1: the weighted sum of the components"),
    Column("link", "float", "explicit link strength / 3"),
    Column("target_groups", "float", "share of the mission's target groups the initiative addresses"),
    Column("outcomes", "float", "share of the mission's outcomes the initiative works towards"),
    Column("text", "float", "cosine similarity of description and mission statement"),
    Column("reach", "float", "share of the mission's owning departments the initiative involves"),
)
COVERAGE = Spec(
    "One row per mission: how well the portfolio covers it.",
    Column("mission", "str", "mission id"),
    Column("initiatives", "int", "initiatives aligned at or above the threshold"),
    Column("weighted", "float", "sum of their alignment scores"),
    Column("departments", "list", "departments involved"),
    Column("sectors", "list", "sectors involved"),
    Column("gaps", "list", "what no aligned initiative addresses"),
)
MISSION_QUALITY = Spec(
    "One row per mission: the quality criteria it meets and misses.",
    Column("mission", "str", "mission id"),
    Column("met", "list", "criteria met"),
    Column("missed", "list", "criteria missed"),
)
CLOSURE = Spec(
    "Initiatives to consider closing, with the reason.",
    Column("initiative", "str", "initiative id"),
    Column("best_alignment", "float", "its highest alignment to any mission"),
    Column("reason", "str", "why it is a candidate"),
)
BALANCE = Spec(
    "Counts by kind (modes, facets, stages) and department shares (fractions), in long form.",
    Column("kind", "str", "modes, facets, stages or department_share"),
    Column("value", "str", "the mode, facet, stage or department"),
    Column("count", "float", "active initiatives (a share for department_share)"),
    Column("label", "str", "the value in the analysis language (stages, facets and modes; a department as is)"),
)
CROSS = Spec(
    "Pairs of initiatives that could learn from each other.",
    Column("a", "str", "first initiative"),
    Column("b", "str", "second initiative"),
    Column("shared", "list", "what they share (target_group:…, outcome:…, ingredient:…)"),
    Column("score", "float", "Σ ln(N / df) over the shared items: rare shared items count most"),
)
ECONOMICS = Spec(
    "One row per initiative: yearly net, payback and a recommendation.",
    Column("initiative", "str", "initiative id"),
    Column("net_per_year", "float", "savings − cost per year once savings run"),
    Column("payback_year", "Int64", "first year the cumulative net is ≥ 0 (<NA> if not within the horizon)"),
    Column("recommendation", "str", "spread, keep, reconsider, close or too_early_to_judge (codes)"),
    Column("recommendation_label", "str", "the recommendation in the analysis language (udbred, fortsæt, …)"),
    Column("reason", "str", "why"),
)

def _plain_reason(reason: str, lang: str) -> str:
    """A reason without the article's lever numbers (" (greb 4)") in Danish: they belong to the
    method, not to what a reader acts on."""
    return re.sub(r" \(greb \d+\)", "", reason) if lang == "da" else reason


_HEADINGS = {
    "coverage": ("Dækning (vægtet med sammenhæng)", "Coverage (alignment-weighted)"),
    "balance": ("Balance", "Balance"),
    "closure": ("Kandidater til lukning", "Closure candidates"),
    "modes": ("Tilgange", "Modes"), "facets": ("Facetter", "Facets"), "stages": ("Faser", "Stages"),
    "herfindahl": ("Koncentration på forvaltninger (0–1; 1 = alt i én forvaltning)", "Concentration on departments (Herfindahl)"),
    "no_flags": ("Ingen advarsler om balancen", "No balance warnings"),
    "none": ("Ingen", "None"),
    "active": ("Aktive indsatser", "Active initiatives"),
}


class PortfolioAnalysis:
    """The analysis of a portfolio; every table is a DataFrame built from columns the core
    hands over (no JSON round trip). `data` is the full JSON as dicts, built on first use."""

    __slots__ = ("_inner", "_titles", "_lang", "_data", "_portfolio")

    def __init__(self, inner: "_rs._PortfolioAnalysis", titles: Dict[str, str], lang: str = "da",
                 portfolio: "Optional[_rs._Portfolio]" = None) -> None:
        self._inner = inner
        self._portfolio = portfolio
        self._titles = titles
        self._lang = lang
        self._data: Optional[Dict[str, Any]] = None

    @property
    def data(self) -> Dict[str, Any]:
        """The analysis as plain data (the CLI's `portfolio --format json`)."""
        if self._data is None:
            self._data = json.loads(self._inner.to_json())
        return self._data

    def to_json(self) -> str:
        return self._inner.to_json()

    @property
    def year(self) -> int:
        return self._inner.year

    @property
    def horizon(self) -> int:
        return self._inner.horizon

    @property
    @ALIGNMENT.documents
    def alignment(self) -> Any:
        c = self._inner.alignment()
        initiatives = np.array(c.pop("initiative_names"), dtype=object)
        missions = np.array(c.pop("mission_names"), dtype=object)
        c["initiative"] = initiatives[c.pop("initiative_codes")]
        c["mission"] = missions[c.pop("mission_codes")]
        return ALIGNMENT.from_columns(c)

    @property
    @COVERAGE.documents
    def coverage(self) -> Any:
        return COVERAGE.from_columns(self._inner.coverage())

    @property
    @MISSION_QUALITY.documents
    def mission_quality(self) -> Any:
        return MISSION_QUALITY.from_columns(self._inner.mission_quality())

    @property
    @CLOSURE.documents
    def closure_candidates(self) -> Any:
        columns = dict(self._inner.closure_candidates())
        columns["reason"] = [_plain_reason(r, self._lang) for r in columns["reason"]]
        return CLOSURE.from_columns(columns)

    @property
    @BALANCE.documents
    def balance(self) -> Any:
        columns = dict(self._inner.balance())
        names = {kind: _rs.vocab_labels(kind, self._lang) for kind in ("modes", "facets", "stages")}
        columns["label"] = [names.get(k, {}).get(v, v) for k, v in zip(columns["kind"], columns["value"])]
        return BALANCE.from_columns(columns)

    @property
    def flags(self) -> List[str]:
        """Balance warnings, e.g. "many pilots, nothing spreading"."""
        return list(self._inner.flags)

    @property
    def herfindahl(self) -> Optional[float]:
        return self._inner.herfindahl

    @property
    def explore_share(self) -> Optional[float]:
        """Share of active initiatives that explore; None without active initiatives."""
        return self._inner.explore_share

    @property
    def active(self) -> int:
        """Active (not closed) initiatives."""
        return self._inner.active

    def to_csv(self, path: Union[str, "os.PathLike[str]"], lang: str = "da") -> None:
        """Writes the long table of `portfolio --format csv` (docs/exports.md): `;` and decimal
        comma under `lang="da"`, `,` and decimal point under `"en"`."""
        self._export("csv", path, lang)

    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: str = "da") -> None:
        """Writes the workbook of `portfolio --format xlsx`."""
        self._export("xlsx", path, lang)

    def _export(self, fmt: str, path: Any, lang: str) -> None:
        if self._portfolio is None:
            raise OptionError("this analysis was loaded without its portfolio: analyse the Portfolio to export it",
                              option="portfolio")
        _rs.export_portfolio(self._portfolio, self._inner, fmt, _args.lang(lang), os.fspath(path))

    @property
    @CROSS.documents
    def cross_fertilisation(self) -> Any:
        return CROSS.from_columns(self._inner.cross_fertilisation())

    @property
    @ECONOMICS.documents
    def economics(self) -> Any:
        columns = dict(self._inner.economics())
        names = _rs.vocab_labels("recommendation", self._lang)
        columns["recommendation_label"] = [names.get(r, r) for r in columns["recommendation"]]
        columns["reason"] = [_plain_reason(r, self._lang) for r in columns["reason"]]
        return ECONOMICS.from_columns(columns)

    def _repr_html_(self) -> str:
        return self.to_html(self._lang)

    def to_html(self, lang: Optional[str] = None) -> str:
        """Coverage chart, balance and closure candidates, headed in Danish (`da`) or English (`en`);
        by default in the language of the analysis."""
        lang = _args.lang(self._lang if lang is None else lang)
        h = (lambda key: html.escape(_HEADINGS[key][0 if lang == "da" else 1]))
        chart = self.chart_svg("coverage", lang) if self._portfolio is not None else ""
        chart += self.chart_svg("stages", lang)
        closes = self._inner.closure_candidates()
        close_items = "".join(f"<li>{html.escape(self._initiative_name(i, lang))}: {html.escape(_plain_reason(r, lang))}</li>"
                              for i, r in zip(closes["initiative"], closes["reason"])) or f"<li>{h('none')}</li>"
        return (f'<div class="transform-model-portfolio"><h4>{h("coverage")}</h4>{chart}'
                f'<h4>{h("balance")}</h4>{self._balance_html(h, lang)}'
                f"<h4>{h('closure')}</h4><ul>{close_items}</ul></div>")

    def chart_svg(self, kind: str = "coverage", lang: Optional[str] = None) -> str:
        """A chart of the core as SVG: `coverage` (initiatives per mission), `stages` or `facets`."""
        lang = _args.lang(self._lang if lang is None else lang)
        return _rs.portfolio_svg(self._inner, kind, lang, self._portfolio)

    def _initiative_name(self, initiative: str, lang: str) -> str:
        """An initiative by its title; in English with its id beside it (Danish readers meet names)."""
        if self._portfolio is None:
            return initiative
        titles = {i["id"]: i["title"] for i in json.loads(self._portfolio.to_json()).get("initiatives", [])}
        title = titles.get(initiative)
        if title is None:
            return initiative
        return title if lang == "da" else f"{title} ({initiative})"

    def _balance_html(self, h: Any, lang: str) -> str:
        b = self._inner.balance()
        # Values by their names in `lang` (the codes are the frame's `value` column).
        names = {kind: _rs.vocab_labels(kind, lang) for kind in ("modes", "facets", "stages")}
        counts: Dict[str, List[str]] = {"modes": [], "facets": [], "stages": []}
        for kind, value, n in zip(b["kind"], b["value"], b["count"]):
            if kind in counts:
                counts[kind].append(f"{html.escape(names[kind].get(value, value))} {int(n)}")
        rows = [f"<tr><th>{h('active')}</th><td>{self._inner.active}</td></tr>"]
        rows += [f"<tr><th>{h(kind)}</th><td>{', '.join(v) or '–'}</td></tr>" for kind, v in counts.items()]
        hf = self._inner.herfindahl
        share = '–' if hf is None else (f'{hf:.2f}'.replace('.', ',') if lang == "da" else f'{hf:.2f}')
        rows.append(f"<tr><th>{h('herfindahl')}</th><td>{share}</td></tr>")
        flags = "".join(f"<li>{html.escape(f)}</li>" for f in self.flags) or f"<li>{h('no_flags')}</li>"
        return f'<table class="balance">{"".join(rows)}</table><ul class="flags">{flags}</ul>'

    def __repr__(self) -> str:
        return (f"PortfolioAnalysis({len(self._inner.coverage()['mission'])} missions, "
                f"{len(self._inner.economics()['initiative'])} initiatives, "
                f"{len(self._inner.closure_candidates()['initiative'])} closure candidates)")


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
        """A portfolio file (JSON or a workbook); `"sample"` is the bundled sample portfolio."""
        return cls(_rs._Portfolio.from_file(os.fspath(path)))

    @classmethod
    def from_excel(cls, path: Union[str, "os.PathLike[str]"]) -> "Portfolio":
        """Reads a portfolio workbook in the layout of `transform-model portfolio-template`
        (sheets Missioner, Indsatser, Organisation; Danish headers and values). A wrong value
        raises PortfolioError naming the sheet, row, column and the allowed values."""
        return cls(_rs._Portfolio.from_file(os.fspath(path)))

    @classmethod
    def template(cls) -> Tuple[Any, Any]:
        """Empty `(missions, initiatives)` DataFrames with every column `from_frame` reads,
        in their dtypes. Fill them (or build frames with these columns) and pass them to
        `Portfolio.from_frame`.

        """
        return _pf.template()

    @classmethod
    def from_frame(cls, missions: Any, initiatives: Any, *, municipality: str = "", code: Optional[str] = None,
                   year: Optional[int] = None, note: Optional[str] = None,
                   organisation: Optional[Dict[str, Any]] = None) -> "Portfolio":
        """A portfolio from a missions frame and an initiatives frame (`template()` has the
        columns). List cells take a list or one text with `;` between entries; `links` takes
        a dict `{mission: strength}` or the text `M1:3; M2:1`; NaN/<NA> leaves an optional
        field out (a NaN cost is *unknown*, never 0). Unknown columns are refused with the
        closest name; errors name the frame and its index label. The portfolio is validated
        as `from_json` validates it (the JSON Schema is `tm.schema("portfolio")`).
        `organisation` is the optional owners section as a dict (departments with committee,
        director and MED forum; `central`), used by `tm.plan`.
        """
        doc = _pf.from_frames(missions, initiatives, municipality, code, _args.optional_int("year", year), note)
        if organisation is not None:
            doc["organisation"] = organisation
        try:
            return cls.from_dict(doc)
        except PortfolioError as e:
            raise _pf.relabel(e, missions, initiatives) from None

    @classmethod
    def sample(cls) -> "Portfolio":
        """The bundled portfolio of a fictional municipality (illustrative)."""
        return cls(_rs._Portfolio.sample())

    @classmethod
    def synthetic(cls, initiatives: int, missions: int, seed: int = 0) -> "Portfolio":
        """A generated portfolio of `initiatives` initiatives and `missions` missions (the
        Rust benchmark's input); the same seed gives the same portfolio."""
        return cls(_rs._Portfolio.synthetic(_args.count("initiatives", initiatives), _args.count("missions", missions),
                                            _args.count("seed", seed)))

    def to_json(self) -> str:
        return self._inner.to_json()

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._inner.to_json())

    def analyse(self, horizon: int = 5, *, year: Optional[int] = None, lang: str = "da") -> PortfolioAnalysis:
        """Alignment, coverage, mission quality, closure, balance, cross-fertilisation, economics.

        The analysis year is `year` or the file's `year` (never the clock). Runs without the GIL.
        """
        lang = _args.lang(lang)
        inner = self._inner.analyse(_args.count("horizon", horizon), _args.optional_int("year", year), lang)
        return PortfolioAnalysis(inner, dict(self._inner.mission_titles(lang)), lang, self._inner)

    analyze = analyse

    def __reduce__(self):
        return (Portfolio.from_json, (self.to_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Portfolio) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        name, missions, initiatives = self._inner.summary()
        return f"Portfolio({name!r}, {missions} missions, {initiatives} initiatives)"


Portfolio.from_frame.__func__.__doc__ += "\n" + _pf.MISSIONS.doc() + "\n\n" + _pf.INITIATIVES.doc()  # type: ignore[attr-defined,operator]

"""Portfolios from tables: one frame of missions, one of initiatives (as a spreadsheet holds
them), converted to the portfolio JSON the core validates. `template()` gives the empty
frames with every column and its dtype; the column lists below are their documentation."""
from __future__ import annotations

import difflib
import math
from typing import Any, Dict, List, Optional, Tuple

from ._errors import ArgumentTypeError, PortfolioError
from ._frames import Column, Spec

MISSIONS = Spec(
    "Missions: one row per mission.",
    Column("id", "str", "mission id, referred to by the initiatives' `links` (required)"),
    Column("title_da", "str", "title in Danish (required)"),
    Column("title_en", "str", "title in English (optional)"),
    Column("statement", "str", "the mission statement: the value to be created for citizens (required)"),
    Column("target_groups", "list", "citizen groups (a list, or one text with `;` between entries)"),
    Column("outcomes", "list", "outcomes for citizens (list or `;`-separated text)"),
    Column("departments", "list", "owning departments, forvaltninger (list or `;`-separated text)"),
    Column("sectors", "list", "partner sectors: region, civil society, businesses (list or `;`-separated text)"),
    Column("indicators", "list", "indicators: a list of dicts {name, unit, baseline, target, year} (optional)"),
    Column("horizon", "Int64", "the mission's target year (optional)"),
)
INITIATIVES = Spec(
    "Initiatives: one row per initiative (indsats, project, experiment).",
    Column("id", "str", "initiative id (required)"),
    Column("title", "str", "title (required)"),
    Column("description", "str", "what the initiative does"),
    Column("departments", "list", "departments running it (list or `;`-separated text)"),
    Column("target_groups", "list", "citizen groups (list or `;`-separated text)"),
    Column("outcomes", "list", "outcomes for citizens (list or `;`-separated text)"),
    Column("ingredients", "list", "active-ingredient ids of the catalog (list or `;`-separated text)"),
    Column("stage", "str", "screening, maturing, testing, spreading, operations or closed (required)"),
    Column("mode", "str", "exploit (improves operations) or explore (an experiment) (required)"),
    Column("facet", "str", "enhancement, mission_oriented, adaptive or anticipatory (required)"),
    Column("cost_per_year", "float", "yearly running cost in DKK; NaN = unknown (never read as 0)"),
    Column("savings_per_year", "float", "yearly savings once they run; NaN = 0 (none claimed)"),
    Column("investment", "float", "one-off cost in the start year; NaN = 0"),
    Column("savings_from_year", "Int64", "first year with savings (<NA> = the start year)"),
    Column("citizen_value", "str", "none, unclear, positive or negative (required)"),
    Column("start_year", "Int64", "first year (required)"),
    Column("end_year", "Int64", "last year (<NA> = open-ended)"),
    Column("partners", "list", "partner sectors (list or `;`-separated text)"),
    Column("links", "list", "contribution to missions: a dict {mission id: strength 0–3}, or text `M1:3; M2:1`"),
    Column("mandatory", "boolean", "a statutory task or infrastructure: never a closure candidate (<NA> = False)"),
    Column("shared_infrastructure", "boolean",
           "infrastructure other work runs on: never a closure candidate (<NA> = False)"),
    Column("reach_share", "float", "share of its target group reached today, 0 < x ≤ 1; NaN = unknown"),
    Column("spread_to_share", "float", "share a spread is to reach, reach_share ≤ x ≤ 1; NaN = 1"),
    Column("account", "str", "budget account of its money: drift (default) or anlaeg"),
)
REQUIRED = {"missions": ("id", "title_da", "statement"),
            "initiatives": ("id", "title", "stage", "mode", "facet", "citizen_value", "start_year")}


def template() -> Tuple[Any, Any]:
    return (MISSIONS.from_columns({n: [] for n in MISSIONS.names}),
            INITIATIVES.from_columns({n: [] for n in INITIATIVES.names}))


def _absent(v: Any) -> bool:
    if v is None or type(v).__name__ == "NAType":
        return True
    try:
        return bool(v != v) if not isinstance(v, (list, dict, tuple, str)) else False
    except (TypeError, ValueError):
        return False


def _plain(v: Any) -> Any:
    return v.item() if hasattr(v, "item") and not isinstance(v, (list, dict, str)) else v


def _integer(v: Any) -> Any:
    """An Int64 column's cell: 2030.0 (a float column with NaN elsewhere) is 2030."""
    v = _plain(v)
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _texts(v: Any) -> List[str]:
    if _absent(v):
        return []
    if isinstance(v, str):
        return [p.strip() for p in v.split(";") if p.strip()]
    return [str(x) for x in v]


def _links(v: Any, where: str) -> List[Dict[str, Any]]:
    if _absent(v) or (isinstance(v, str) and not v.strip()):
        return []
    if isinstance(v, str):
        pairs = [p.split(":") for p in v.split(";") if p.strip()]
        if any(len(p) != 2 or not p[1].strip().lstrip("-").isdigit() for p in pairs):
            raise PortfolioError(f"{where}, column `links`: {v!r} is not `mission:strength; …` (e.g. `M1:3; M2:1`)",
                                 path=where)
        return [{"mission": m.strip(), "strength": int(s)} for m, s in pairs]
    if isinstance(v, dict):
        return [{"mission": str(m), "strength": _plain(s)} for m, s in v.items()]
    return [dict(x) for x in v]


def _check_columns(name: str, df: Any, spec: Spec) -> None:
    if not (hasattr(df, "columns") and hasattr(df, "index")):
        raise ArgumentTypeError(f"{name}= must be a pandas DataFrame (see tm.Portfolio.template()), not "
                                f"{type(df).__name__}", option=name, allowed="a DataFrame")
    for c in df.columns:
        if str(c) not in spec.names:
            near = difflib.get_close_matches(str(c), spec.names, n=1)
            hint = f" (did you mean `{near[0]}`?)" if near else ""
            raise PortfolioError(f"{name}: unknown column `{c}`{hint}; the columns are: {', '.join(spec.names)}",
                                 path=f"{name}.{c}")
    absent = [c for c in REQUIRED[name] if c not in [str(x) for x in df.columns]]
    if absent:
        raise PortfolioError(f"{name}: required column(s) missing: {', '.join(absent)}", path=f"{name}.{absent[0]}")


def _rows(name: str, df: Any) -> List[Tuple[Any, Dict[str, Any]]]:
    return [(label, {str(k): v for k, v in zip(df.columns, row)})
            for label, row in zip(df.index, df.itertuples(index=False, name=None))]


def _mission(label: Any, r: Dict[str, Any]) -> Dict[str, Any]:
    title = {"da": r.get("title_da")}
    if not _absent(r.get("title_en")):
        title["en"] = r["title_en"]
    out: Dict[str, Any] = {"id": r.get("id"), "title": title, "statement": r.get("statement")}
    for k in ("target_groups", "outcomes", "departments", "sectors"):
        out[k] = _texts(r.get(k))
    if not _absent(r.get("indicators")) and not isinstance(r.get("indicators"), str):
        out["indicators"] = [dict(x) for x in r["indicators"]]
    if not _absent(r.get("horizon")):
        out["horizon"] = _integer(r["horizon"])
    return out


def _initiative(label: Any, r: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for c in INITIATIVES.columns:
        v = r.get(c.name)
        if c.name == "links":
            out["links"] = _links(v, f"initiatives, index {label!r}")
        elif c.dtype == "list":
            out[c.name] = _texts(v)
        elif not _absent(v):
            v = _integer(v) if c.dtype == "Int64" else _plain(v)
            out[c.name] = float(v) if c.dtype == "float" else v
    return out


def from_frames(missions: Any, initiatives: Any, municipality: str, code: Optional[str],
                year: Optional[int], note: Optional[str]) -> Dict[str, Any]:
    """The portfolio document of two frames."""
    _check_columns("missions", missions, MISSIONS)
    _check_columns("initiatives", initiatives, INITIATIVES)
    doc: Dict[str, Any] = {
        "municipality": {"code": code, "name": municipality},
        "missions": [_mission(label, r) for label, r in _rows("missions", missions)],
        "initiatives": [_initiative(label, r) for label, r in _rows("initiatives", initiatives)],
    }
    if year is not None:
        doc["year"] = year
    if note is not None:
        doc["note"] = note
    return doc


def relabel(e: PortfolioError, missions: Any, initiatives: Any) -> PortfolioError:
    """A core error at `initiatives[3].stage` → the same error naming the frame's index label."""
    import re
    m = re.match(r"(missions|initiatives)\[(\d+)\](?:\.(\w+))?", e.path or "")
    if not m:
        return e
    frame = missions if m.group(1) == "missions" else initiatives
    i = int(m.group(2))
    if not 0 <= i < len(frame):
        return e
    label = _plain(frame.index[i])
    column = f", column `{m.group(3)}`" if m.group(3) else ""
    return type(e)(f"{m.group(1)}, index {label!r}{column}: {e.message}", **{**e.fields, "index": label})

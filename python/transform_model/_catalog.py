"""Active ingredients: the intervention catalog and matching."""
from __future__ import annotations

import json
import math
import numbers
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _args
from . import _transform_model as _rs
from ._errors import ArgumentTypeError, CatalogError, OptionError
from ._frames import frame, pandas

MATCH_COLUMNS = ["id", "name", "score", "lift", "support_interventions", "support_municipalities",
                 "max_evidence", "transfer", "advice", "sources", "warnings"]


def _query(problem: str, target_groups: Union[str, Sequence[str], None] = None,
           problems: Union[str, Sequence[str], None] = None, area: Optional[str] = None,
           context: Optional[Mapping[str, Any]] = None, exclude: Union[str, Sequence[str], None] = None) -> str:
    """The core's query; a single string for a list argument is one element."""
    _args.instance("problem", problem, str, "a text")
    if context is not None:
        _args.instance("context", context, Mapping, "a dict such as {'urbanity': 'rural'}")
        for key, value in context.items():
            # As the core refuses `--context x=inf`: JSON has no infinite number (it would
            # become a parse error, or null).
            if isinstance(value, numbers.Real) and not math.isfinite(value):
                raise CatalogError(f"query `context`: `{key}={value}` is not a finite number",
                                   path=f"context.{key}", value=value)
    return json.dumps({"text": problem, "target_groups": _args.text_list("target_groups", target_groups),
                       "problems": _args.text_list("problems", problems), "area": area,
                       "context": dict(context or {}), "exclude": _args.text_list("exclude", exclude)})


class MatchDetails(Mapping):
    """The full result of one query of `Catalog.match_many` (the CLI's `match --format json`
    as dicts and lists), read from the core's values on first use: a batch pays for the
    frames only. Read-only; equal to the dict `Catalog.match` puts in `attrs["result"]`;
    `to_dict()` gives a plain dict, `to_json()` the JSON."""

    __slots__ = ("_match", "_data")

    def __init__(self, result: "_rs._Match") -> None:
        self._match = result
        self._data: Optional[Dict[str, Any]] = None

    def _values(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = self._match.to_dict()
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._values()[key]

    def __iter__(self) -> Any:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._values())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MatchDetails):
            return self._match.to_json() == other._match.to_json()
        return self._values() == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> Dict[str, Any]:
        return self._match.to_dict()

    def to_json(self) -> str:
        return self._match.to_json()

    def __copy__(self) -> "MatchDetails":
        return self  # immutable: pandas copies a frame's attrs on every operation

    def __deepcopy__(self, memo: Any) -> "MatchDetails":
        return self

    def __reduce__(self) -> Any:
        return (_details_from_json, (self._match.to_json(),))

    def __repr__(self) -> str:
        return f"MatchDetails({self._values()!r})"


def _details_from_json(text: str) -> MatchDetails:
    return MatchDetails(_rs._Match.from_json(text))


def _match_frame(result: "_rs._Match", lang: str, details: bool = True) -> Any:
    """The match frame from the result's columns (built in Rust, one crossing per column).
    `attrs["result"]` is the full result: a dict with `details`, else a `MatchDetails` that
    reads it from the values on first use."""
    columns = result.columns(lang)
    if columns["id"]:
        df = pandas().DataFrame(columns, copy=False)
    else:  # without rows every column stays object, as the frame from rows had it
        df = pandas().DataFrame([], columns=MATCH_COLUMNS)
        df["lift"] = df["lift"].astype("float64")
    df.attrs["retrieved"] = result.retrieved
    df.attrs["excluded"] = result.excluded
    df.attrs["result"] = result.to_dict() if details else MatchDetails(result)
    return df


class Catalog:
    """A catalog of interventions and their active ingredients, with its search index."""

    __slots__ = ("_inner",)

    def __init__(self, inner: "_rs._Catalog") -> None:
        self._inner = inner

    @classmethod
    def from_json(cls, text: str) -> "Catalog":
        return cls(_rs._Catalog.from_json(text))

    @classmethod
    def synthetic(cls, interventions: int, seed: int = 0) -> "Catalog":
        """A synthetic catalog of `interventions` entries with Danish-like text (the CLI's
        `catalog-sample`), for trying the matcher at scale; the same seed gives the same catalog."""
        return cls(_rs._Catalog.synthetic(_args.count("interventions", interventions), _args.count("seed", seed)))

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Catalog":
        """A catalog file; `"default"` (or `"sample"`) is the bundled catalog unless a file of that name exists."""
        return cls(_rs._Catalog.resolve(os.fspath(path)))

    def to_json(self) -> str:
        return self._inner.to_json()

    def save_index(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Saves the analysed catalog to `path` (e.g. ``catalog.tmi``) for a fast `load_index`."""
        _rs._save_index(self._inner, os.fspath(path))

    @classmethod
    def load_index(cls, path: Union[str, "os.PathLike[str]"]) -> "Catalog":
        """A catalog from an index saved by `save_index` or ``transform-model index``, not analysed again.
        A truncated, damaged, foreign or other-version file raises `CatalogError`."""
        return cls(_rs._load_index(os.fspath(path)))

    def __len__(self) -> int:
        return len(self._inner)

    def match(self, problem: str, *, target_groups: Optional[Sequence[str]] = None,
              problems: Optional[Sequence[str]] = None, area: Optional[str] = None,
              context: Optional[Mapping[str, Any]] = None, exclude: Optional[Sequence[str]] = None,
              top: int = 10, retrieve: int = 50, lang: str = "da") -> Any:
        """Ranked active ingredients for a problem, as a DataFrame (`.attrs["result"]` holds the full
        result as the CLI's `match --format json` has it, as dicts and lists)."""
        q = _query(problem, target_groups, problems, area, context, exclude)
        lang = _args.lang(lang)
        return _match_frame(self._inner.match_one(q, _args.count("top", top), _args.count("retrieve", retrieve), lang),
                            lang)

    def match_many(self, queries: Iterable[Union[str, Mapping[str, Any]]], *, top: int = 10, retrieve: int = 50,
                   lang: str = "da") -> List[Any]:
        """Many queries in parallel with the GIL released; each item is a problem text or a dict of
        `match` arguments. Frames equal calling `match` one by one; each frame's `attrs["result"]`
        is a read-only `MatchDetails` (equal to `match`'s dict), read from the values on first use."""
        qs = [_query(q) if isinstance(q, str) else _query(**q) for q in _args.text_or_dicts("queries", queries)]
        lang = _args.lang(lang)
        return [_match_frame(r, lang, details=False)
                for r in self._inner.match_many(qs, _args.count("top", top), _args.count("retrieve", retrieve), lang)]

    def similar(self, problem: str, top: int = 10, **filters: Any) -> Any:
        """The interventions most relevant to a problem."""
        rows = json.loads(self._inner.similar(_query(problem, **filters), _args.count("top", top)))
        return frame(rows, ["id", "title", "municipality", "code", "area", "relevance", "bm25", "tag_overlap",
                            "context_similarity"])

    def partners(self, code: Optional[str] = None, top: int = 3, *, problem: Optional[str] = None,
                 target_groups: Optional[Sequence[str]] = None, context: Optional[Mapping[str, Any]] = None,
                 municipality: Optional[str] = None) -> Any:
        """Municipalities with similar problems and complementary ingredients (nearby ones preferred);
        with `problem`, the municipalities whose interventions answer it, nearest in context to
        `municipality` (a kommunekode) and `context` first."""
        if problem is not None:
            q = _query(problem, target_groups, None, None, context, None)
            where = None if municipality is None else str(municipality)
            rows = json.loads(self._inner.partners_for_problem(q, where, _args.count("top", top)))
            for r in rows:
                r["interventions"] = [c["id"] for c in r["interventions"]]
            return frame(rows, ["code", "name", "region", "fictional", "score", "relevance", "context_similarity",
                                "same_region", "interventions", "ingredients"])
        if code is None:
            raise CatalogError("give a kommunekode or problem=", path="code", value=None)
        rows = json.loads(self._inner.partners(str(code), _args.count("top", top)))
        return frame(rows, ["code", "name", "region", "score", "similarity", "complementarity", "same_region",
                            "shared_problems", "ingredients_to_learn"])

    def __reduce__(self):
        return (Catalog.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        return f"Catalog({len(self)} interventions)"


def default_catalog() -> Catalog:
    """The bundled Danish sample catalog (illustrative)."""
    return Catalog(_rs._Catalog.sample())


def export_match(match: Any, path: Union[str, "os.PathLike[str]"], lang: str = "da") -> None:
    """Writes a match (the DataFrame of `Catalog.match`) as the long table of `match --format
    csv|xlsx` (docs/exports.md); the format follows the file's suffix (`.csv` or `.xlsx`)."""
    result = getattr(match, "attrs", {}).get("result")
    if result is None:
        raise ArgumentTypeError("match= must be a DataFrame returned by Catalog.match", option="match",
                                allowed="the result of Catalog.match", value=type(match).__name__)
    path = os.fspath(path)
    fmt = "xlsx" if path.lower().endswith(".xlsx") else "csv" if path.lower().endswith(".csv") else None
    if fmt is None:
        raise OptionError(f"path {path!r} must end in .csv or .xlsx", option="path", allowed=[".csv", ".xlsx"],
                          value=path)
    text = result.to_json() if isinstance(result, MatchDetails) else json.dumps(result)
    _rs.export_match(text, fmt, _args.lang(lang), path)

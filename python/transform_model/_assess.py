"""Assessment: scoring survey responses on a maturity model."""
from __future__ import annotations

import html
import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import _transform_model as _rs
from ._frames import frame, pandas
from ._model import Model, default_model
from ._svg import radar


class Assessment:
    """The result of `assess`: scores, levels, intervals, reliability, gaps, recommendations."""

    __slots__ = ("_inner", "_model", "_data")

    def __init__(self, inner: "_rs._Assessment", model: Model) -> None:
        self._inner = inner
        self._model = model
        self._data: Dict[str, Any] = json.loads(inner.to_json())

    @property
    def overall_level(self) -> Optional[int]:
        """The staged level: the lowest attained dimension level."""
        return self._inner.overall_level

    @property
    def overall_score(self) -> Optional[float]:
        """The unweighted mean of the dimension scores."""
        return self._inner.overall_score

    @property
    def model(self) -> Model:
        return self._model

    def to_dict(self) -> Dict[str, Any]:
        """The assessment as plain data (the CLI's `assess` JSON)."""
        return json.loads(self._inner.to_json())

    def to_json(self) -> str:
        """The same JSON as the CLI's `assess`."""
        return self._inner.to_json()

    def dimensions(self, lang: str = "da") -> Any:
        """One row per dimension: id, label, score, level, progress, ci_low, ci_high, alpha, n, target, gap."""
        rows = []
        for d in self._data["dimensions"]:
            ci = d["ci"] or [None, None]
            rows.append({"id": d["id"], "label": d["label"][lang], "score": d["score"], "level": d["level"],
                         "progress": d["progress"], "ci_low": ci[0], "ci_high": ci[1], "alpha": d["alpha"],
                         "n": d["n"], "target": d["target"], "gap": d["gap"]})
        df = frame(rows, ["id", "label", "score", "level", "progress", "ci_low", "ci_high", "alpha", "n",
                          "target", "gap"])
        return _typed(df, floats=["score", "progress", "ci_low", "ci_high", "alpha", "target", "gap"],
                      ints=["level", "n"])

    def groups(self) -> Any:
        """Long form: one row per reported group × dimension (suppressed figures are NaN)."""
        rows = []
        for g in self._data["groups"]:
            for d in g["dimensions"]:
                ci = d["ci"] or [None, None]
                rows.append({"role": g["role"], "group_n": g["n"], "dimension": d["id"], "score": d["score"],
                             "n": d["n"], "ci_low": ci[0], "ci_high": ci[1], "rwg": d["rwg"]})
        df = frame(rows, ["role", "group_n", "dimension", "score", "n", "ci_low", "ci_high", "rwg"])
        return _typed(df, floats=["score", "ci_low", "ci_high", "rwg"], ints=["group_n", "n"])

    def gaps(self) -> Any:
        """Perception gaps: one row per pair of groups × dimension (diff = a − b)."""
        rows = [{"a": g["a"], "b": g["b"], "dimension": g["dimension"], "diff": g["diff"],
                 "ci_low": (g["ci"] or [None, None])[0], "ci_high": (g["ci"] or [None, None])[1],
                 "significant": g["significant"]} for g in self._data["gaps"]]
        df = frame(rows, ["a", "b", "dimension", "diff", "ci_low", "ci_high", "significant"])
        return _typed(df, floats=["diff", "ci_low", "ci_high"])

    def recommendations(self, lang: str = "da") -> Any:
        """Dimensions ordered by weighted gap to the target, with the levers to pull."""
        rows = [{"priority": r["priority"], "dimension": r["dimension"], "label": r["label"][lang],
                 "gap": r["gap"], "weighted_gap": r["weighted_gap"], "levers": r["levers"],
                 "lever_labels": [x[lang] for x in r["lever_labels"]]} for r in self._data["recommendations"]]
        df = frame(rows, ["priority", "dimension", "label", "gap", "weighted_gap", "levers", "lever_labels"])
        return _typed(df, floats=["gap", "weighted_gap"], ints=["priority"])

    def with_baseline(self, baseline: "Assessment") -> "Assessment":
        """This assessment with progress against an earlier round of the same model."""
        return Assessment(self._inner.with_baseline(baseline._inner), self._model)

    def table(self, lang: str = "da") -> str:
        """The plain-text report the CLI prints."""
        return self._inner.render_table(self._model._inner, lang)

    def radar_svg(self, lang: str = "da") -> str:
        """An SVG radar chart of the dimension scores, their intervals and the target."""
        dims = self._data["dimensions"]
        scale = self._model._data["scale"]
        title = "Modenhedsprofil" if lang == "da" else "Maturity profile"
        return radar([d["id"] for d in dims], [d["score"] for d in dims],
                     [(d["ci"] or [None, None])[0] for d in dims], [(d["ci"] or [None, None])[1] for d in dims],
                     dims[0]["target"] if dims else None, float(scale["min"]), float(scale["max"]), title)

    def _repr_html_(self) -> str:
        return self.to_html("da")

    def to_html(self, lang: str = "da") -> str:
        """A table and a radar chart, labelled in Danish (`da`) or English (`en`)."""
        t = (lambda da, en: da if lang == "da" else en)
        levels = {lv["level"]: lv["label"][lang] for lv in self._model._data["levels"]}
        o = self._data["overall"]
        head = (f"<h4>{t('Samlet niveau', 'Overall level')}: {o['level']} "
                f"{html.escape(levels.get(o['level'], ''))} — {t('gennemsnit', 'mean')} "
                f"{_fmt(o['score'])} {_ci(o['ci'])}</h4>")
        rows = "".join(
            f"<tr><td>{d['id']}</td><td>{html.escape(d['label'][lang])}</td><td>{_fmt(d['score'])}</td>"
            f"<td>{d['level'] or '–'}</td><td>{_ci(d['ci'])}</td><td>{_fmt(d['alpha'])}</td><td>{d['n']}</td></tr>"
            for d in self._data["dimensions"])
        table = (f"<table><thead><tr><th></th><th>{t('Dimension', 'Dimension')}</th><th>Score</th>"
                 f"<th>{t('Niveau', 'Level')}</th><th>{t('Interval', 'Interval')}</th><th>alpha</th><th>n</th>"
                 f"</tr></thead><tbody>{rows}</tbody></table>")
        note = (f"<p>{t('Udeladt af hensyn til anonymitet', 'Left out for anonymity')}: "
                f"{self._data['excluded_for_anonymity']}</p>")
        return (f'<div class="transform-model-assessment">{head}<div style="display:flex;gap:1em">'
                f"<div>{table}{note}</div><div>{self.radar_svg(lang)}</div></div></div>")

    def __reduce__(self):
        return (_restore, (self.to_json(), self._model.to_json()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Assessment) and self._data == other._data

    def __repr__(self) -> str:
        return (f"Assessment(level={self.overall_level}, score={_fmt(self.overall_score)}, "
                f"n={self._data['n_respondents']}, excluded={self._data['excluded_for_anonymity']})")


def _restore(assessment_json: str, model_json: str) -> Assessment:
    return Assessment(_rs._Assessment.from_json(assessment_json), Model.from_json(model_json))


def _fmt(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.2f}"


def _ci(ci: Optional[Sequence[float]]) -> str:
    return "" if not ci else f"[{ci[0]:.2f}, {ci[1]:.2f}]"


def _typed(df: Any, floats: Sequence[str] = (), ints: Sequence[str] = ()) -> Any:
    """Stable dtypes whatever the values: floats are float64 (None → NaN), counts Int64."""
    pd = pandas()
    for c in floats:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    for c in ints:
        df[c] = pd.array(df[c], dtype="Int64")
    return df


def assess(
    responses: Any,
    model: Optional[Model] = None,
    *,
    roles: Optional[Sequence[str]] = None,
    items: Optional[Sequence[str]] = None,
    respondents: Optional[Sequence[str]] = None,
    missing: int = -1,
    weighting: str = "balanced",
    min_group_size: int = 5,
    bootstrap: int = 1000,
    seed: int = 0,
    target: Optional[int] = None,
    baseline: Optional[Assessment] = None,
    ignore_columns: Sequence[str] = (),
    threads: Optional[int] = None,
) -> Assessment:
    """Scores survey responses on `model` (default: the embedded `dtm` model).

    `responses` is one of:

    - a pandas DataFrame in the wide survey layout (`respondent`, `role`, one column per item);
    - a path to a CSV (wide) or JSON (long) file;
    - a numpy integer matrix (respondents × items) with `roles=` and `items=` (and optionally
      `respondents=`); `missing` marks an unanswered cell. A C-contiguous int64 matrix is
      read in place, without a copy.

    The GIL is released while scoring; the same seed gives the same intervals on any
    thread count.
    """
    model = model or default_model()
    opts = (weighting, int(min_group_size), int(bootstrap), int(seed), target, threads)
    if isinstance(responses, np.ndarray):
        if roles is None or items is None:
            raise TypeError("a numpy matrix needs roles= (one per row) and items= (one per column)")
        if not np.issubdtype(responses.dtype, np.integer):
            raise TypeError("the matrix must hold integers; use a DataFrame for data with NaN")
        values = np.ascontiguousarray(responses, dtype=np.int64)
        ids = list(respondents) if respondents is not None else [f"R{i + 1}" for i in range(values.shape[0])]
        inner = _rs.assess_matrix(model._inner, values, [str(x) for x in ids], [str(r) for r in roles],
                                  [str(i) for i in items], int(missing), *opts)
    elif isinstance(responses, (str, os.PathLike)):
        inner = _rs.assess_csv(model._inner, os.fspath(responses), True, list(ignore_columns), *opts)
    elif hasattr(responses, "to_csv") and hasattr(responses, "columns"):
        inner = _rs.assess_csv(model._inner, responses.to_csv(index=False), False, list(ignore_columns), *opts)
    else:
        raise TypeError("responses must be a pandas DataFrame, a path, or a numpy integer matrix")
    if baseline is not None:
        inner = inner.with_baseline(baseline._inner)
    return Assessment(inner, model)

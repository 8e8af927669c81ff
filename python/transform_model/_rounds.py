"""Comparing two rounds of an assessment: every change per dimension and per group ×
dimension, with a Welch interval (the rounds are independent samples) and significance after
Holm's correction over all changes, computed in the core (`maturity::compare_rounds`)."""
from __future__ import annotations

import html
import json
from typing import Any, Dict, List, Optional

from . import _args
from . import _transform_model as _rs
from ._frames import Column, Spec

CHANGES = Spec(
    "One row per change: the municipality's dimensions first (group <NA>), then every group × "
    "dimension published in both rounds.",
    Column("dimension", "str", "dimension id"),
    Column("group", "str", "role group id (`other` for merged small roles, compared only when it merges the "
           "same roles in both rounds); None for the municipality's score"),
    Column("baseline", "float", "score in the earlier round"),
    Column("current", "float", "score in this round"),
    Column("change", "float", "current − baseline"),
    Column("ci_low", "float", "lower end of the Welch interval of the change (NaN when either round does not "
           "publish its dispersion, e.g. a version-1 baseline)"),
    Column("ci_high", "float", "upper end of the Welch interval of the change"),
    Column("p", "float", "two-sided Welch p-value of 'no change'"),
    Column("p_adjusted", "float", "Holm-adjusted p over every change with a p"),
    Column("significant", "boolean", "p_adjusted below 1 − confidence (5 %)"),
)


class RoundComparison:
    """Changes from an earlier round (`baseline`) to this one; see `changes()`."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> Dict[str, Any]:
        """The comparison as plain data (the CLI's `compare` JSON)."""
        return json.loads(json.dumps(self._data))

    @property
    def confidence(self) -> float:
        return float(self._data["confidence"])

    @property
    def note(self) -> Optional[Dict[str, str]]:
        """Why intervals are missing throughout ({'da', 'en'}), e.g. for a version-1 baseline."""
        return self._data.get("note")

    @CHANGES.documents
    def changes(self) -> Any:
        cs = self._data["changes"]
        return CHANGES.from_columns({
            "dimension": [c["dimension"] for c in cs], "group": [c["group"] for c in cs],
            "baseline": [c["baseline"] for c in cs], "current": [c["current"] for c in cs],
            "change": [c["change"] for c in cs], "ci_low": [c["ci"][0] if c["ci"] else None for c in cs],
            "ci_high": [c["ci"][1] if c["ci"] else None for c in cs], "p": [c["p"] for c in cs],
            "p_adjusted": [c["p_adjusted"] for c in cs], "significant": [c["significant"] for c in cs]},
            attrs={"confidence": self._data["confidence"]})

    def _repr_html_(self) -> str:
        return self.to_html("da")

    def to_html(self, lang: str = "da") -> str:
        """The changes as a table, labelled in Danish (`da`) or English (`en`)."""
        return changes_html(self._data, _args.lang(lang))

    def __repr__(self) -> str:
        cs = self._data["changes"]
        return (f"RoundComparison(changes={len(cs)}, significant="
                f"{sum(1 for c in cs if c['significant'])})")


def compare(current: Any, baseline: Any) -> RoundComparison:
    return RoundComparison(json.loads(_rs.compare_rounds_json(current._inner, baseline._inner)))


def _f(x: Optional[float], signed: bool = False) -> str:
    return "–" if x is None else (f"{x:+.2f}" if signed else f"{x:.2f}")


def _p(x: Optional[float]) -> str:
    return "–" if x is None else ("<0.001" if x < 0.001 else f"{x:.3f}")


def changes_html(data: Dict[str, Any], lang: str) -> str:
    t = (lambda da, en: da if lang == "da" else en)
    rows: List[str] = []
    for c in data["changes"]:
        ci = "" if not c["ci"] else f"[{c['ci'][0]:+.2f}, {c['ci'][1]:+.2f}]"
        mark = " *" if c["significant"] else ""
        rows.append(f"<tr><td>{html.escape(c['dimension'])}</td><td>{html.escape(c['group'] or t('kommunen', 'municipality'))}"
                    f"</td><td>{_f(c['baseline'])}</td><td>{_f(c['current'])}</td><td>{_f(c['change'], True)}{mark}</td>"
                    f"<td>{ci}</td><td>{_p(c['p_adjusted'])}</td></tr>")
    note = data.get("note")
    level = round((1 - data["confidence"]) * 100)
    foot = (f"<p>{html.escape(note[lang])}</p>" if note else
            f"<p>{t(f'* signifikant efter Holm-korrektion ({level} %)', f'* significant after Holm correction ({level}%)')}</p>")
    return (f"<h4>{t('Ændring siden basislinjen', 'Change since the baseline')}</h4><table><thead><tr>"
            f"<th>{t('Dimension', 'Dimension')}</th><th>{t('Gruppe', 'Group')}</th><th>{t('Før', 'Before')}</th>"
            f"<th>{t('Nu', 'Now')}</th><th>{t('Ændring', 'Change')}</th><th>{t('Interval', 'Interval')}</th>"
            f"<th>{t('p (Holm)', 'p (Holm)')}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{foot}")

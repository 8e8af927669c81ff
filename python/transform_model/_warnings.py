"""Assessment warnings as values, and the Python warnings a user sees for lost data.

The core reports every warning with a kind, the dimension, the figure and a Danish and an
English text (`Assessment.warnings`). Those that mean data left out of the figures are also
raised with `warnings.warn` as `DataLossWarning`, so they show in a notebook or a log even
when nobody reads the list."""
from __future__ import annotations

import warnings as _py
from typing import Any, Dict, Iterable, List, NamedTuple, Optional


class DataLossWarning(UserWarning):
    """Data was left out of the figures: respondents excluded for anonymity, an item column
    ignored or not chosen, a dimension without a score, or alpha not computable."""


# Kinds whose data never reaches a figure (the others describe the quality of a figure).
DATA_LOSS = ("excluded_for_anonymity", "ignored_item_column", "no_score", "alpha_not_computed")


class AssessmentWarning(NamedTuple):
    """One warning of an assessment. ``kind`` is one of excluded_for_anonymity, no_score,
    low_alpha, alpha_not_computed, small_groups_allowed, ignored_item_column (raised by this
    package) or legacy (a version-1 file); ``message`` holds ``da`` and ``en`` texts."""

    kind: str
    dimension: Optional[str]
    value: Optional[float]
    count: Optional[int]
    message: Dict[str, str]

    def text(self, lang: str = "da") -> str:
        return self.message[lang]


def from_data(items: Iterable[Dict[str, Any]]) -> List[AssessmentWarning]:
    return [AssessmentWarning(w["kind"], w.get("dimension"), w.get("value"), w.get("count"), dict(w["message"]))
            for w in items]


def ignored_items(columns: List[str]) -> Optional[AssessmentWarning]:
    """The warning for model item columns the caller left out (ignore_columns= or items=)."""
    if not columns:
        return None
    listed = ", ".join(columns)
    return AssessmentWarning(
        "ignored_item_column", None, None, len(columns),
        {"da": f"{len(columns)} spørgsmålskolonne(r) i modellen er sprunget over, og svarene tæller ikke med: {listed}",
         "en": f"{len(columns)} item column(s) of the model were skipped and their answers left out: {listed}"})


def emit(items: Iterable[AssessmentWarning], stacklevel: int = 3) -> None:
    """`warnings.warn` a DataLossWarning (English text) for each data-loss warning."""
    for w in items:
        if w.kind in DATA_LOSS:
            _py.warn(w.message["en"], DataLossWarning, stacklevel=stacklevel)

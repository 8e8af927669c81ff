"""Warns when one survey is assessed in pieces.

Disclosure control (docs/disclosure.md) covers everything *one* call publishes. Separate
calls on overlapping sets of respondents — the whole municipality, then one department at a
time — are audited separately, and the differences between their figures can give people
away (the whole minus the published departments). `assess(..., by="department")` audits the
breakdown jointly; this module notices the loop and says so.

Only hashes of the respondents' rows of the last calls in this process are kept, never the data."""
from __future__ import annotations

import warnings as _py
from collections import deque
from typing import Any, Deque, FrozenSet, Optional, Sequence, Tuple

import numpy as np


class SubsetWarning(UserWarning):
    """Two assessments in this process share some respondents without being the same
    survey: their figures were not audited together, and differencing them can reveal
    individuals. Use `by=` (one call, one joint audit) or `audit_against=`."""


_RECENT: Deque[Tuple[str, FrozenSet[int]]] = deque(maxlen=64)


def respondent_ids(responses: Any, respondents: Optional[Sequence[Any]], roles: Optional[Sequence[Any]],
                   items: Sequence[str]) -> Optional[FrozenSet[int]]:
    """Hashes of the respondents' rows (id, role and answers to the model's items) of a
    DataFrame or matrix: the same survey's respondents hash alike in any subset, another
    survey's with the same ids do not. None for a file (read by the core)."""
    if hasattr(responses, "columns") and hasattr(responses, "index"):
        import pandas as pd

        keep = [c for c in responses.columns if c in items or c in ("role", "item", "value")]
        key = responses[keep].copy()
        ids = responses["respondent"] if "respondent" in responses.columns else responses.index
        key.insert(0, "__respondent", [str(v) for v in ids])
        return frozenset(pd.util.hash_pandas_object(key.astype(str), index=False).tolist())
    if isinstance(responses, np.ndarray) and responses.ndim == 2 and roles is not None:
        ids = respondents if respondents is not None else range(len(responses))
        return frozenset(hash((str(i), str(r), row.tobytes())) for i, r, row in zip(ids, roles, responses))
    return None


def seen(model_id: str, ids: Optional[FrozenSet[int]], audited: bool) -> None:
    """Records a call's respondents; warns when they overlap an earlier call's partly."""
    if ids is None:
        return
    overlapping = any(m == model_id and ids != earlier and not ids.isdisjoint(earlier) for m, earlier in _RECENT)
    _RECENT.append((model_id, ids))
    if overlapping and not audited:
        _py.warn("these respondents overlap an earlier assessment in this session without being the same: "
                 "separate assessments of subsets of one survey are not protected against differencing "
                 "(the whole minus the parts can reveal individuals). Assess once with by='department' (one "
                 "joint disclosure audit), or pass the earlier published results as audit_against=.",
                 SubsetWarning, stacklevel=3)

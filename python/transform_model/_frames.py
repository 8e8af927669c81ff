"""pandas is optional: DataFrame helpers import it lazily."""
from __future__ import annotations

from typing import Any, Iterable, Mapping


def pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised where pandas is absent
        raise ImportError(
            "this method returns a pandas DataFrame; install pandas with "
            "`pip install pandas` or `pip install transform-model[pandas]`"
        ) from e
    return pd


def frame(rows: Iterable[Mapping[str, Any]], columns: list) -> Any:
    """A DataFrame with exactly `columns`, even when there are no rows."""
    pd = pandas()
    return pd.DataFrame(list(rows), columns=columns)

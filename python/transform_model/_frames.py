"""DataFrames with one column list each: a `Spec` names every column once (name, dtype,
doc) and builds the frame's columns, order, dtypes and the method's docstring from it.
pandas is optional: it is imported only when a frame is built."""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Sequence, TypeVar

import numpy as np

F = TypeVar("F", bound=Callable[..., Any])

# dtype names a Spec may use → how a column of that kind is stored.
_DTYPES = {
    "str": "text",          # pandas' default text dtype (object before pandas 3, str from 3)
    "list": "object",       # a list per row
    "float": "float64",     # None → NaN
    "int": "int64",         # never missing
    "Int64": "Int64",       # pandas' nullable integer: None → <NA>
    "bool": "bool",
    "boolean": "boolean",   # nullable bool
}


def pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised where pandas is absent
        raise ImportError(
            "this method returns a pandas DataFrame; install pandas with "
            "`pip install pandas` or `pip install transform-model[pandas]`"
        ) from e
    return pd


class Column(NamedTuple):
    name: str
    dtype: str
    doc: str


class Spec:
    """The columns of one frame, in order."""

    def __init__(self, summary: str, *columns: Column) -> None:
        for c in columns:
            if c.dtype not in _DTYPES:
                raise ValueError(f"column {c.name}: unknown dtype {c.dtype}")
        self.summary = summary
        self.columns = columns

    @property
    def names(self) -> List[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> Dict[str, str]:
        """The dtype of every column, as pandas names it (text: pandas' default text dtype)."""
        text = str(pandas().Series(["x"]).dtype)
        return {c.name: text if c.dtype == "str" else _DTYPES[c.dtype] for c in self.columns}

    def doc(self) -> str:
        lines = [self.summary, "", "Columns:", ""]
        lines += [f"- ``{c.name}`` ({_DTYPES[c.dtype]}): {c.doc}" for c in self.columns]
        return "\n".join(lines)

    def documents(self, method: F) -> F:
        """Decorator: the method's docstring is the spec's."""
        method.__doc__ = self.doc()
        return method

    def from_columns(self, data: Mapping[str, Any], attrs: Mapping[str, Any] = ()) -> Any:
        """A frame from one sequence per column (every column of the spec, nothing else)."""
        pd = pandas()
        missing = [n for n in self.names if n not in data]
        extra = [n for n in data if n not in self.names]
        if missing or extra:  # a programming error in this package, never the user's
            raise KeyError(f"frame columns: missing {missing}, unexpected {extra}")
        df = pd.DataFrame({c.name: _column(c.dtype, data[c.name]) for c in self.columns}, columns=self.names)
        df.attrs.update(dict(attrs))
        return df

    def from_rows(self, rows: Iterable[Mapping[str, Any]], attrs: Mapping[str, Any] = ()) -> Any:
        rows = list(rows)
        return self.from_columns({n: [r[n] for r in rows] for n in self.names}, attrs)


def _column(dtype: str, values: Any) -> Any:
    pd = pandas()
    if dtype == "float":
        if isinstance(values, np.ndarray) and values.dtype == np.float64:
            return values
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    if dtype == "int":
        return np.asarray(values, dtype=np.int64)
    if dtype in ("Int64", "boolean"):
        return pd.array(list(values) if not isinstance(values, np.ndarray) else values, dtype=dtype)
    if dtype == "bool":
        return np.asarray(values, dtype=bool)
    if dtype == "str":
        # pandas' default text dtype even when every value is missing (else it infers object).
        return pd.Series(list(values), dtype=pd.Series(["x"]).dtype).array
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    values = list(values)
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):  # element by element: lists must not become a 2-D array
        out[i] = v
    return out


def frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame with exactly `columns`, even when there are no rows (for frames without a Spec)."""
    pd = pandas()
    return pd.DataFrame(list(rows), columns=list(columns))

"""The column map of a survey tool's export (the CLI's `--respondent-column`, `--role-column`,
`--department-column`, `--columns`, `--role-values`, `--ignore-columns`,
`--ignore-unknown-columns`) as one core value, `_ReadOptions`. Files are read by the core
with it; a DataFrame asks it what each header and role cell is and is only renamed here."""
from __future__ import annotations

import json
import os
import warnings
from typing import Any, List, Optional, Tuple

from . import _args
from . import _transform_model as _rs
from ._errors import OptionError, ResponseError


class IgnoredColumnsWarning(UserWarning):
    """Columns that are not items were skipped (`ignore_unknown_columns=True`)."""


def read_options(respondent_column: Any = None, role_column: Any = None, department_column: Any = None,
                 columns: Any = None, role_values: Any = None, ignore_unknown_columns: Any = False,
                 ignore_columns: Optional[List[str]] = None) -> Optional["_rs._ReadOptions"]:
    """The core's reader options from the arguments; None when none of the column map's is given."""
    ignore_unknown = _args.flag("ignore_unknown_columns", ignore_unknown_columns)
    named = {n: _optional_text(n, v) for n, v in (("respondent_column", respondent_column),
                                                 ("role_column", role_column),
                                                 ("department_column", department_column))}
    if columns is None and role_values is None and not ignore_unknown and all(v is None for v in named.values()):
        return None
    values = {str(k): str(v) for k, v in _args.mapping("role_values", role_values).items()} \
        if role_values is not None else {}
    columns_json, columns_path = None, None
    if isinstance(columns, (str, os.PathLike)):
        columns_path = os.fspath(columns)
    elif columns is not None:
        columns_json = json.dumps(dict(_args.mapping("columns", columns)))
    return _rs._ReadOptions(columns_json, columns_path, named["respondent_column"], named["role_column"],
                            named["department_column"], values, list(ignore_columns or []), ignore_unknown)


def _optional_text(name: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    return _args.instance(name, value, str, "a column name")


def apply(model: Any, df: Any, read: "_rs._ReadOptions", unit_columns: List[str]) -> Tuple[Any, List[str]]:
    """The DataFrame in the canonical layout: columns renamed (or dropped) as the core
    classifies its header, role cells replaced by the model's role ids. A long frame's
    `item` and `value` columns are kept as they are. Returns the frame and the unknown
    columns skipped."""
    columns = [str(c) for c in df.columns]
    long = {"item", "value"} <= set(columns)
    header = [c for c in columns if not (long and c in ("item", "value"))]
    names, ignored = read.map_header(model._inner, header, list(unit_columns))
    renamed = dict(zip(header, names))
    keep = [c for c in columns if renamed.get(c, c) is not None]
    out = df.loc[:, keep].set_axis([renamed.get(c, c) for c in keep], axis=1)
    if "role" in out.columns:
        ids = out["respondent"] if "respondent" in out.columns else out.index
        cells = ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in out["role"].tolist()]
        try:
            out = out.assign(role=read.map_roles(model._inner, [str(i) for i in ids], cells))
        except ResponseError as e:
            from ._responses import _at_label

            raise _at_label(e, df.index) from None
    return out, list(ignored)


def warn_ignored(columns: List[str], stacklevel: int = 3) -> None:
    """The warning the CLI prints for columns skipped under `ignore_unknown_columns`."""
    if columns:
        listed = ", ".join(f"`{c}`" for c in columns)
        warnings.warn(f"these columns are not items and were skipped: {listed}", IgnoredColumnsWarning,
                      stacklevel=stacklevel)


def no_matrix(read: Any) -> None:
    """A numpy matrix has no header: the column map does not apply to it."""
    if read is not None:
        raise OptionError("the column map (respondent_column=, role_column=, department_column=, columns=, "
                          "role_values=, ignore_unknown_columns=) applies to files and DataFrames, not to a numpy "
                          "matrix (give roles= as the model's role ids)", option="columns")

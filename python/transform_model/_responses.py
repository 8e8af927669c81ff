"""Responses as people have them → the core, without a detour through text.

- a wide DataFrame (`respondent` or the index, `role`, one column per item): item columns
  become one int64 matrix with a missing code, ids and roles arrays (`assess_matrix`);
- a long DataFrame (`respondent` or the index, `role`, `item`, `value`): four arrays
  (`assess_long`);
- a numpy matrix: read in place;
- a path: read by the core (CSV or long JSON), or decoded here when `encoding=` is given.

Errors of frames name the frame's index label (`ResponseError.index`), not a CSV line.
"""
from __future__ import annotations

import codecs
import os
import re
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from . import _transform_model as _rs
from ._args import text_list
from ._errors import ArgumentTypeError, OptionError, ResponseError

# A code no answer can have: marks a missing cell in the matrices handed to the core.
MISSING = int(np.iinfo(np.int64).min)
META = ("respondent", "role")
# Read as unit columns (the core's DEFAULT_UNIT_COLUMNS), never as items.
UNIT_COLUMNS = ("department", "unit")
LONG = ("item", "value")


class Sink(NamedTuple):
    """The core functions responses go to: assessment or item analysis. Each takes the same
    leading arguments; `opts` (the caller's options) follow them."""
    csv: Callable[..., Any]
    matrix: Callable[..., Any]
    long: Callable[..., Any]


ASSESS = Sink(_rs.assess_csv, _rs.assess_matrix, _rs.assess_long)


def from_path(model: Any, path: Any, ignore_columns: List[str], encoding: Optional[str], decimal: Optional[str],
              opts: Tuple[Any, ...], sink: Sink = ASSESS, sheet: Optional[str] = None,
              kw: Optional[Dict[str, Any]] = None, read: Any = None) -> Any:
    """`kw`: the assessment's keyword options (`by`, `municipality`, …); None for other sinks.
    `read`: the column map (`_columns.read_options`), or None."""
    kw = kw or {}
    core = dict(kw, read=read) if read is not None else kw
    path = os.fspath(path)
    if path.lower().endswith((".xlsx", ".xlsm")) or sheet is not None:
        # A workbook stores numbers and text, not encoded bytes: encoding= and decimal= do not apply.
        for name, value in (("encoding", encoding), ("decimal", decimal)):
            if value is not None:
                raise OptionError(f"{name}= applies to CSV files, not to .xlsx workbooks", option=name, value=value)
        return sink.csv(model._inner, path, True, ignore_columns, *opts, sheet, **core)
    if decimal not in (None, ".", ","):
        raise OptionError(f"decimal={decimal!r} is not one of '.', ','", option="decimal", allowed=[".", ","],
                          value=decimal)
    is_json = path.lower().endswith(".json")
    if decimal == "," and not is_json:
        from ._frames import pandas

        df = pandas().read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False,
                               encoding=encoding or "utf-8")
        if read is not None:
            from . import _columns

            df, ignored = _columns.apply(model, df, read, (kw or {}).get("by", []))
            _columns.warn_ignored(ignored, stacklevel=4)
        return from_frame(model, df, None, ignore_columns, opts, sink, kw=kw or None)
    try:
        if encoding is None:
            return sink.csv(model._inner, path, True, ignore_columns, *opts, **core)
        with open(path, encoding=encoding) as f:
            text = f.read()
        if is_json:
            raise OptionError("encoding= applies to CSV files; JSON files are UTF-8", option="encoding",
                              value=encoding)
        return sink.csv(model._inner, text, False, ignore_columns, *opts, **core)
    except ResponseError as e:
        raise _hint(e, path, encoding) from None


def _hint(e: ResponseError, path: str, encoding: Optional[str]) -> ResponseError:
    """The core's error with what a Danish spreadsheet user most likely needs to do."""
    if encoding is None and not _is_utf8(path):
        return _with_message(e, f"{e.message} — the file is not UTF-8; Danish Excel saves CSV as Windows-1252: "
                                f"pass encoding='cp1252'", argument="encoding")
    if isinstance(e.value, str) and re.fullmatch(r"\s*[+-]?\d+,\d+\s*", e.value):
        return _with_message(e, f"{e.message} — it looks like a decimal comma: pass decimal=','",
                             argument="decimal")
    return e


def _is_utf8(path: str) -> bool:
    """Whether the file's first MiB is UTF-8 (enough for the hint; a huge file is not read whole)."""
    try:
        with open(path, "rb") as f:
            codecs.getincrementaldecoder("utf-8")().decode(f.read(1 << 20), final=False)
        return True
    except (OSError, UnicodeDecodeError):
        return True if not os.path.exists(path) else False


def _with_message(e: ResponseError, message: str, **fields: Any) -> ResponseError:
    return type(e)(message, **{**e.fields, **fields})


def from_matrix(model: Any, values: Any, roles: Any, items: Any, respondents: Any, missing: Any,
                opts: Tuple[Any, ...], sink: Sink = ASSESS, kw: Optional[Dict[str, Any]] = None) -> Any:
    if roles is None or items is None:
        raise ArgumentTypeError("a numpy matrix needs roles= (one per row) and items= (one per column)",
                                option="roles" if roles is None else "items", allowed="a list of texts")
    if values.ndim != 2:
        raise ResponseError(f"responses= must be a 2-D matrix (respondents × items), not {values.ndim}-D with "
                            f"shape {values.shape}; for one respondent use matrix.reshape(1, -1)",
                            argument="responses", value=values.shape)
    if not np.issubdtype(values.dtype, np.integer):
        raise ArgumentTypeError("the matrix must hold integers; use a DataFrame for data with NaN",
                                option="responses", allowed="an integer matrix", value=str(values.dtype))
    roles, items = text_list("roles", roles), text_list("items", items)
    rows, cols = values.shape
    ids = text_list("respondents", respondents) if respondents is not None else [f"R{i + 1}" for i in range(rows)]
    _same_length("roles", roles, rows, "rows")
    _same_length("respondents", ids, rows, "rows")
    _same_length("items", items, cols, "columns")
    if isinstance(missing, bool) or not isinstance(missing, (int, np.integer)):
        raise ArgumentTypeError(f"missing= must be an integer, not {missing!r}", option="missing",
                                allowed="an integer", value=missing)
    matrix = np.ascontiguousarray(values, dtype=np.int64)
    return sink.matrix(model._inner, matrix, ids, roles, items, int(missing), *opts, **(kw or {}))


def _same_length(name: str, values: Sequence[Any], n: int, what: str) -> None:
    if len(values) != n:
        raise OptionError(f"{name}= has {len(values)} entries for {n} {what} of responses=; give one per {what[:-1]}",
                          option=name, allowed=f"{n} entries", value=len(values))


def from_frame(model: Any, df: Any, items: Optional[List[str]], ignore_columns: List[str],
               opts: Tuple[Any, ...], sink: Sink = ASSESS, kw: Optional[Dict[str, Any]] = None) -> Any:
    """Unit columns (`department`, `unit` and those in `kw["by"]`) are not items: their
    values go to the core beside the answers when `kw` is given, and are dropped otherwise
    (an item analysis has no breakdown). Filter columns (`F_missions`, …) go beside the
    answers to every sink."""
    if len(df) == 0:
        raise ResponseError("the DataFrame responses= has no rows", argument="responses")
    columns = [str(c) for c in df.columns]
    dup = sorted({c for c in columns if columns.count(c) > 1})
    if dup:
        raise ResponseError(f"column `{dup[0]}` appears twice in the DataFrame", column=dup[0],
                            argument="responses")
    df = df.set_axis(columns, axis=1) if list(df.columns) != columns else df
    if "role" not in columns:
        raise ResponseError(f"the DataFrame has no `role` column (columns: {', '.join(columns)})", column="role",
                            argument="responses")
    ids = df["respondent"] if "respondent" in columns else df.index
    unit_columns = [c for c in columns if c in UNIT_COLUMNS or c in (kw or {}).get("by", [])]
    kw = dict(kw, units=[(c, _texts(df[c])) for c in unit_columns]) if kw is not None else {}
    filter_columns = _filter_columns(model, [c for c in columns if c not in ignore_columns])
    if filter_columns:
        kw["filters"] = [(c, _texts(df[c])) for c in filter_columns]
    if set(LONG) <= set(columns) and items is None:
        return _from_long(model, df, ids, opts, sink, kw)
    rest = [c for c in columns if c not in unit_columns and c not in filter_columns]
    # A filter column named in items= is read as what it is, a filter.
    items = [c for c in items if c not in filter_columns] if items is not None else None
    item_columns = _item_columns(model, rest, items, ignore_columns)
    matrix = _item_matrix(df, item_columns, ids)
    try:
        return sink.matrix(model._inner, matrix, _texts(ids), _texts(df["role"]), item_columns, MISSING, *opts,
                           **kw)
    except ResponseError as e:
        raise _at_label(e, df.index) from None


def _filter_columns(model: Any, columns: List[str]) -> List[str]:
    """The frame's columns that answer the model's filter questions (ja / nej / ved ikke):
    they go to the core as text beside the answers, where an item a filter skipped is not
    asked (neither answered nor missing)."""
    filters = {f["id"] for f in model._data.get("filters") or []}
    return [c for c in columns if c in filters]


def _item_columns(model: Any, columns: List[str], items: Optional[List[str]], ignore: List[str]) -> List[str]:
    known = {i["id"] for i in model.items}
    if items is not None:
        absent = [c for c in items if c not in columns]
        if absent:
            raise ResponseError(f"items= names columns the DataFrame lacks: {', '.join(absent)}", column=absent[0],
                                argument="items", value=absent)
        chosen = items
    else:
        chosen = [c for c in columns if c not in META and c not in ignore]
    unknown = [c for c in chosen if c not in known]
    if unknown:
        listed = ", ".join(repr(c) for c in unknown)
        raise ResponseError(
            f"columns that are neither items of model {model.id!r} nor respondent/role: {listed}; "
            f"pass ignore_columns=[{listed}] to skip them, or items=[...] to name the item columns",
            column=unknown[0], value=unknown, argument="items" if items is not None else "ignore_columns")
    return list(chosen)


def _texts(values: Any) -> List[str]:
    out = values.tolist() if hasattr(values, "tolist") else list(values)
    if all(type(v) is str for v in out):
        return out
    return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in out]


def _item_matrix(df: Any, columns: List[str], ids: Any) -> np.ndarray:
    """The item columns as one C-ordered int64 matrix, MISSING where no answer was given."""
    pd = __import__("pandas")
    if all(pd.api.types.is_integer_dtype(df[c].dtype) and not isinstance(df[c].dtype, pd.api.extensions.ExtensionDtype)
           for c in columns):
        return np.ascontiguousarray(df[columns].to_numpy(dtype=np.int64))
    numeric = all(pd.api.types.is_numeric_dtype(df[c].dtype) and not pd.api.types.is_bool_dtype(df[c].dtype)
                  for c in columns)
    if numeric:
        block = df[columns].to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        block = np.empty((len(df), len(columns)), dtype=np.float64)
        for j, c in enumerate(columns):
            block[:, j] = _column_floats(df, c, ids)
    return _integers(block, df, columns, ids)


def _column_floats(df: Any, column: str, ids: Any) -> np.ndarray:
    pd = __import__("pandas")
    s = df[column]
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy(dtype=np.float64, na_value=np.nan)
    cells = [None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else str(v) for v in s.tolist()]
    codes, bad = _rs.parse_answers(cells, MISSING)
    if bad is not None:
        raise _not_integer(_label(df.index, bad), column, _texts(ids)[bad], cells[bad])
    out = codes.astype(np.float64)
    out[codes == MISSING] = np.nan
    return out


def _integers(block: np.ndarray, df: Any, columns: List[str], ids: Any) -> np.ndarray:
    nan = np.isnan(block)
    with np.errstate(invalid="ignore"):
        ints = block.astype(np.int64, order="C")
    bad = (ints != block) & ~nan
    if bad.any():
        r, c = (int(x[0]) for x in np.nonzero(bad))
        raise _not_integer(_label(df.index, r), columns[c], _texts(ids)[r], _plain(block[r, c]))
    ints[nan] = MISSING
    return ints


def _plain(v: float) -> str:
    return repr(float(v)) if not float(v).is_integer() else str(int(v))


def _not_integer(label: Any, column: str, respondent: str, value: Any) -> ResponseError:
    return ResponseError(f"index {label!r}, column `{column}`: value `{value}` of respondent `{respondent}` is not "
                         f"an integer (nor a missing mark such as an empty cell, NaN or 'ved ikke')",
                         index=label, column=column, item=column, respondent=respondent, value=value)


def _from_long(model: Any, df: Any, ids: Any, opts: Tuple[Any, ...], sink: Sink = ASSESS,
               kw: Optional[Dict[str, Any]] = None) -> Any:
    values = np.ascontiguousarray(_column_floats(df, "value", ids))
    nan = np.isnan(values)
    with np.errstate(invalid="ignore"):
        ints = values.astype(np.int64)
    bad = (ints != values) & ~nan
    if bad.any():
        r = int(np.nonzero(bad)[0][0])
        raise _not_integer(_label(df.index, r), "value", _texts(ids)[r], _plain(values[r]))
    ints[nan] = MISSING
    try:
        return sink.long(model._inner, _texts(ids), _texts(df["role"]), _texts(df["item"]), ints, MISSING, *opts,
                         **(kw or {}))
    except ResponseError as e:
        raise _at_label(e, df.index) from None


def _label(index: Any, position: int) -> Any:
    v = index[position]
    return v.item() if isinstance(v, np.generic) else v


_ROW = re.compile(r"\brow (\d+)")


def _at_label(e: ResponseError, index: Any) -> ResponseError:
    """A core error about row r (1-based position) → the same error about the frame's index label."""
    if e.row is None or not 1 <= e.row <= len(index):
        return e
    label = _label(index, e.row - 1)

    def relabel(m: Any) -> str:
        r = int(m.group(1))
        return f"index {_label(index, r - 1)!r}" if 1 <= r <= len(index) else m.group(0)

    message = _ROW.sub(relabel, e.message)
    return type(e)(message, **{**e.fields, "row": None, "index": label})

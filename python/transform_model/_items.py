"""Item analysis for piloting a questionnaire: which items work, and how reliable each
dimension is (Cronbach's alpha, standardised alpha, average inter-item correlation,
one-factor omega total), computed by the core with psych's definitions."""
from __future__ import annotations

import functools
import json
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _args
from . import _columns
from . import _responses
from . import _transform_model as _rs
from ._frames import Column, Spec
from ._model import Model, default_model

ITEMS = Spec(
    "One row per item asked of someone in the analysis, in model order; values after reverse-keying.",
    Column("item", "str", "item id"),
    Column("dimension", "str", "dimension id"),
    Column("reverse", "bool", "the item is reverse-keyed (reversed before every figure)"),
    Column("n_asked", "Int64", "respondents asked the item (by their role)"),
    Column("n", "Int64", "respondents who answered on the scale"),
    Column("mean", "float", "mean answer (NaN under k answers: anonymity)"),
    Column("sd", "float", "sample standard deviation (ddof = 1)"),
    Column("dont_know_share", "float", "share of those asked who answered 'ved ikke' or left it blank"),
    Column("item_rest_r", "float", "correlation of the item with the sum of the dimension's other items "
           "(psych::alpha r.drop, pairwise covariances)"),
    Column("alpha_if_deleted", "float", "the dimension's alpha without the item"),
    Column("flags", "list", "low_item_rest_r (< 0.3), alpha_rises_if_deleted, many_dont_know (≥ 20 %), "
           "too_few_answers (under k), ceiling / floor (≥ 80 % in the two highest / lowest categories)"),
)
DIMENSIONS = Spec(
    "One row per dimension with an item asked of someone in the analysis.",
    Column("dimension", "str", "dimension id"),
    Column("n_items", "Int64", "items in the analysis"),
    Column("n", "Int64", "respondents with at least one answer on the dimension"),
    Column("min_pair_n", "Int64", "the smallest number of respondents answering both items of a pair"),
    Column("alpha", "float", "Cronbach's alpha from the pairwise covariance matrix (psych::alpha raw_alpha)"),
    Column("alpha_std", "float", "standardised alpha J·r̄/(1 + (J−1)·r̄)"),
    Column("average_r", "float", "average inter-item correlation r̄ of R = cov2cor(C)"),
    Column("omega_total", "float", "McDonald's omega total of one factor (iterated principal axis = minres)"),
    Column("flags", "list", "low_alpha (< 0.7), too_few_answers, heywood"),
)


class ItemAnalysis:
    """The result of `item_analysis`: `items()` and `dimensions()` as DataFrames, for everyone
    or for one role group of at least k respondents (`roles`)."""

    __slots__ = ("_inner",)

    def __init__(self, inner: "_rs._ItemAnalysis") -> None:
        self._inner = inner

    @property
    def roles(self) -> List[Tuple[str, int]]:
        """(role, n) of the role groups analysed on their own (only groups of at least k)."""
        return self._inner.roles()

    def _role(self, role: Optional[str]) -> Optional[str]:
        if role is None:
            return None
        shown = [r for r, _ in self.roles]
        if role not in shown:
            raise _args.OptionError(
                f"role={role!r} is not reported: only role groups of at least k respondents are, and only with "
                f"by_role=True (reported: {', '.join(shown) or 'none'})", option="role", allowed=shown, value=role)
        return role

    @ITEMS.documents
    def items(self, role: Optional[str] = None) -> Any:
        return ITEMS.from_columns(self._inner.item_columns(self._role(role)))

    @DIMENSIONS.documents
    def dimensions(self, role: Optional[str] = None) -> Any:
        return DIMENSIONS.from_columns(self._inner.dimension_columns(self._role(role)))

    def to_dict(self) -> Dict[str, Any]:
        """The analysis as plain data (the CLI's `items` JSON)."""
        return json.loads(self._inner.to_json())

    def to_json(self) -> str:
        return self._inner.to_json()

    def __reduce__(self) -> Any:
        return (_restore, (self.to_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemAnalysis) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        d = self.to_dict()
        return (f"ItemAnalysis(model={d['model']['id']} {d['model']['version']}, n={d['n_respondents']}, "
                f"items={len(d['items'])}, roles={[r for r, _ in self.roles]})")


def _restore(text: str) -> ItemAnalysis:
    return ItemAnalysis(_rs._ItemAnalysis.from_json(text))


ITEMS_SINK = _responses.Sink(_rs.items_csv, _rs.items_matrix, _rs.items_long)


def item_analysis(
    responses: Any,
    model: Optional[Model] = None,
    *,
    roles: Optional[Sequence[str]] = None,
    items: Optional[Sequence[str]] = None,
    respondents: Optional[Sequence[str]] = None,
    missing: int = -1,
    min_group_size: int = 5,
    allow_small_groups: bool = False,
    by_role: bool = False,
    min_dispersion_n: int = 10,
    ignore_columns: Union[str, Sequence[str]] = (),
    encoding: Optional[str] = None,
    decimal: Optional[str] = None,
    respondent_column: Optional[str] = None,
    role_column: Optional[str] = None,
    department_column: Optional[str] = None,
    columns: Union[None, Dict[str, Any], str, "os.PathLike[str]"] = None,
    role_values: Optional[Dict[str, str]] = None,
    ignore_unknown_columns: bool = False,
    audit_against: Union[None, ItemAnalysis, str, "os.PathLike[str]", Sequence[Any]] = None,
) -> ItemAnalysis:
    """Item analysis of survey responses for piloting a questionnaire.

    `responses` is what `tm.assess` takes (a wide or long DataFrame, a CSV/JSON path, or a numpy
    integer matrix with `roles=` and `items=`). Per item: n, mean, SD, share 'ved ikke',
    item-rest r, alpha if deleted; per dimension: alpha, standardised alpha, average r, omega
    total. Reverse-keyed items are reversed first; an item's figures use the respondents asked
    it. Anonymity as in `assess`: no figure rests on fewer than `min_group_size` (k)
    respondents, and `by_role=True` adds only role groups of at least k. SDs, item-rest r,
    alpha and omega need `min_dispersion_n` answers, and the whole and the role tables are
    audited together so that no group under k can be derived from them (docs/disclosure.md).
    The column map of a survey tool's export (`respondent_column=`, `role_column=`,
    `department_column=`, `columns=`, `role_values=`, `ignore_unknown_columns=`) and
    `responses="sample"` work as in `tm.assess`. `audit_against=`: item analyses of the same
    survey already published (ItemAnalysis objects or paths of their JSON, the CLI's
    `items --format json`): a cell whose n differs from theirs by 1 to k − 1 is withheld.
    """
    model = default_model() if model is None else _args.instance(
        "model", model, Model, "a transform_model.Model (tm.default_model(), tm.Model.from_file(path))")
    opts = (_args.count("min_group_size", min_group_size), _args.flag("allow_small_groups", allow_small_groups),
            _args.flag("by_role", by_role), _args.count("min_dispersion_n", min_dispersion_n))
    ignore = _args.text_list("ignore_columns", ignore_columns)
    read = _columns.read_options(respondent_column, role_column, department_column, columns, role_values,
                                 ignore_unknown_columns, ignore)
    earlier = [a._inner for a in _earlier(audit_against)]
    sink = _responses.Sink(*(functools.partial(f, audit_against=earlier) for f in ITEMS_SINK)) if earlier \
        else ITEMS_SINK
    if isinstance(responses, np.ndarray):
        _columns.no_matrix(read)
        inner = _responses.from_matrix(model, responses, roles, items, respondents, missing, opts, sink)
    elif isinstance(responses, (str, os.PathLike)):
        inner = _responses.from_path(model, responses, ignore, encoding, decimal, opts, sink, read=read)
        _columns.warn_ignored(read.ignored() if read is not None else [])
    elif hasattr(responses, "columns") and hasattr(responses, "index"):
        if read is not None:
            responses, ignored = _columns.apply(model, responses, read, [])
            _columns.warn_ignored(ignored)
        inner = _responses.from_frame(model, responses, _args.optional_text_list("items", items), ignore, opts,
                                      sink)
    else:
        raise _args.ArgumentTypeError(
            f"responses= must be a pandas DataFrame, a path, or a numpy integer matrix, not "
            f"{type(responses).__name__}", option="responses", allowed="DataFrame, path or numpy matrix")
    return ItemAnalysis(inner)


def _earlier(value: Any) -> List[ItemAnalysis]:
    """`audit_against=`: one or more ItemAnalysis objects or paths of their saved JSON."""
    if value is None:
        return []
    out = []
    for a in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(a, (str, os.PathLike)):
            with open(a, encoding="utf-8") as f:
                a = _restore(f.read())
        out.append(_args.instance("audit_against", a, ItemAnalysis,
                                  "ItemAnalysis objects or paths of saved item-analysis JSON"))
    return out

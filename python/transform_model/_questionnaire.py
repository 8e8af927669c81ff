"""Questionnaires out: the model's items as a form for a survey tool or for paper."""
from __future__ import annotations

import os
import pathlib
from typing import Any, List, Optional, Sequence, Union

from . import _args
from . import _transform_model as _rs
from ._model import Model, default_model
from ._portfolio import Portfolio

FORMATS = ("xlsform", "xlsx", "csv", "html")


def questionnaire(
    model: Optional[Model] = None,
    format: str = "xlsform",
    path: Union[str, "os.PathLike[str]", None] = None,
    role: Optional[str] = None,
    lang: str = "da",
    departments: Union[None, Sequence[str], "Portfolio"] = None,
) -> pathlib.Path:
    """Writes the questionnaire of `model` (default: the embedded `dtm`) to `path`.

    `format`: "xlsform" (an XLSForm workbook for KoboToolbox, ODK, Survey123, Enketo),
    "xlsx" or "csv" (the plain question list: item, dimension, roles, text da/en, scale), or
    "html" (a printable questionnaire, one section per role, with the anonymity promise).
    `role` limits it to one role's items; `lang` is the HTML's language and the XLSForm's
    default language. `departments` adds the department question (a choice among the
    municipality's units, asked of the roles with a workplace of their own): a list of names,
    or a `tm.Portfolio` whose organisation lists them (the CLI's `--departments` and
    `--portfolio`); its answers land in the `department` column that `assess(by=...)` breaks
    down by. The file is replaced whole (written to a temporary file, then renamed).
    An unknown role raises `OptionError` naming the allowed ones, a department that cannot
    be one (empty, twice, named like a role) `OptionError` naming it. Returns the path written.
    """
    model = default_model() if model is None else _args.instance(
        "model", model, Model, "a transform_model.Model (tm.default_model(), tm.Model.from_file(path))")
    _args.choice("format", format, FORMATS)
    _args.lang(lang)
    if path is None:
        raise _args.OptionError("path= is required: the file to write", option="path")
    if not isinstance(path, (str, os.PathLike)):
        _args.instance("path", path, str, "a file path")
    if role is not None:
        _args.instance("role", role, str, "a role id, e.g. 'frontline'")
    target = pathlib.Path(os.fspath(path))
    _rs.write_questionnaire(model._inner, format, os.fspath(target), role, lang, _departments(departments))
    return target


def _departments(departments: Any) -> List[str]:
    """The department question's units: names as given, or a portfolio's organisation's."""
    if departments is None:
        return []
    if isinstance(departments, Portfolio):
        org = departments.to_dict().get("organisation") or {}
        names = [d["name"] for d in org.get("departments") or []]
        if not names:
            raise _args.OptionError("departments=: the portfolio has no organisation with departments",
                                    option="departments", allowed="a list of names, or a Portfolio with an "
                                    "organisation")
        return names
    return _args.text_list("departments", departments)


def pilot_guide(model: Optional[Model] = None, role: Optional[str] = None, lang: str = "da") -> str:
    """The cognitive-interview guide (Markdown) for piloting the questions `role` gets.

    Each question comes with its intent, a think-aloud probe and what a misunderstanding
    would sound like; filter questions come before the items behind them; the guide ends
    with what the pilot must decide (see `item_analysis`). An unknown role raises
    `OptionError` naming the allowed ones.
    """
    model = default_model() if model is None else _args.instance(
        "model", model, Model, "a transform_model.Model (tm.default_model(), tm.Model.bundled('dtm'))")
    if role is None:
        raise _args.OptionError("role= is required: the role whose questions the guide covers", option="role")
    _args.instance("role", role, str, "a role id, e.g. 'frontline'")
    _args.lang(lang)
    return _rs.pilot_guide(model._inner, role, lang)

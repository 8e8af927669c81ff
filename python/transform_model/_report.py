"""The council's HTML report and the core's SVG charts (the same as the CLI's `report`)."""
from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, Union

from . import _args
from . import _transform_model as _rs
from ._errors import ArgumentTypeError

if TYPE_CHECKING:  # pragma: no cover
    from ._assess import Assessment


def _invited(invited: Optional[Mapping[str, int]]) -> Optional[Dict[str, int]]:
    if invited is None:
        return None
    if not isinstance(invited, Mapping):
        raise ArgumentTypeError(f"invited must be a mapping of role id to count, not {type(invited).__name__}")
    return {str(role): _args.count(f"invited[{role}]", n) for role, n in invited.items()}


DateLike = Union[str, datetime.date]


def _date(name: str, value: Optional[DateLike]) -> Optional[str]:
    """A date as the core reads it (YYYY-MM-DD): a `datetime.date` or such a string."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise ArgumentTypeError(f"{name} must be a date or a YYYY-MM-DD string, not {type(value).__name__}")


def _period(value: Union[None, str, Tuple[DateLike, DateLike]]) -> Optional[str]:
    """A survey period: "YYYY-MM-DD..YYYY-MM-DD", or a (first, last) pair of dates."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        return f"{_date('survey_period[0]', value[0])}..{_date('survey_period[1]', value[1])}"
    raise ArgumentTypeError(f"survey_period must be a (first, last) pair or a string, not {type(value).__name__}")


def _text(name: str, value: Optional[str]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    raise ArgumentTypeError(f"{name} must be a string, not {type(value).__name__}")


def report_html(assessment: "Assessment", portfolio: Any = None, catalog: Any = None, plan: Any = None,
                lang: str = "da", invited: Optional[Mapping[str, int]] = None, *,
                municipality: Union[None, str, int] = None, committee: Optional[str] = None,
                meeting_date: Optional[DateLike] = None,
                survey_period: Union[None, str, Tuple[DateLike, DateLike]] = None,
                status: Optional[str] = None) -> str:
    """The report as one self-contained HTML document, opening with the council paper.
    `municipality` is a code or name (one of the 98), `status` is "beslutning" or "orientering".
    `portfolio` and `catalog` may be paths or the bundled data by name (`"sample"`, `"default"`)."""
    from ._plan import by_name

    portfolio, catalog = by_name(portfolio, catalog)
    if isinstance(municipality, int) and not isinstance(municipality, bool):
        municipality = f"{municipality:03d}"
    return _rs.report_html(assessment._model._inner, assessment._inner,
                           None if portfolio is None else portfolio._inner,
                           None if catalog is None else catalog._inner,
                           None if plan is None else plan.to_json(), _args.lang(lang), _invited(invited),
                           _text("municipality", municipality), _text("committee", committee),
                           _date("meeting_date", meeting_date), _period(survey_period), _text("status", status))


def save_report(assessment: "Assessment", path: Union[str, "os.PathLike[str]"], **kwargs: Any) -> None:
    """Writes the report to `path` (replaced whole: a temporary file in the same folder, renamed)."""
    text = report_html(assessment, **kwargs)
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"the folder `{folder}` does not exist")
    tmp = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def assessment_svg(assessment: "Assessment", kind: str, lang: str = "da") -> str:
    """A chart of the core: `bars`, `radar`, `heatmap` or `gaps`."""
    return _rs.assessment_svg(assessment._model._inner, assessment._inner, kind, _args.lang(lang))

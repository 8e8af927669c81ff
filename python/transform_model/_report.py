"""The council's HTML report and the core's SVG charts (the same as the CLI's `report`)."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Union

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


def report_html(assessment: "Assessment", portfolio: Any = None, catalog: Any = None, plan: Any = None,
                lang: str = "da", invited: Optional[Mapping[str, int]] = None) -> str:
    """The report as one self-contained HTML document."""
    return _rs.report_html(assessment._model._inner, assessment._inner,
                           None if portfolio is None else portfolio._inner,
                           None if catalog is None else catalog._inner,
                           None if plan is None else plan.to_json(), _args.lang(lang), _invited(invited))


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

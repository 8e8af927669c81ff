"""The bundled sample data, read from the compiled core (not from the source tree), so it
works wherever the package is installed and whatever the working folder."""

import io
import os
from typing import Any, Union

from . import _transform_model as _rs


def sample_responses(model: str = "dtm") -> Any:
    """The bundled, synthetic survey of a sample municipality (`model="dtm"`) or alliance
    (`"ci"`) as a pandas DataFrame in the wide survey layout: `respondent`, `role` and one
    column per item, "ved ikke" as missing. `tm.assess(tm.sample_responses())` scores it."""
    import pandas as pd

    text = _rs.sample_responses_csv(model)
    return pd.read_csv(io.StringIO(text), dtype={"respondent": str, "role": str})


def portfolio_template(path: Union[str, "os.PathLike[str]"]) -> None:
    """Writes the portfolio workbook template (the CLI's `portfolio-template`): sheets
    Kommune, Missioner, Indsatser and Organisation with Danish headers, drop-down lists of
    the allowed Danish values and a filled example row. Fill it in Excel and read it with
    `tm.Portfolio.from_excel(path)`."""
    if not isinstance(path, (str, os.PathLike)):
        from ._errors import ArgumentTypeError

        raise ArgumentTypeError(f"path= must be a path, not {type(path).__name__}", option="path",
                                allowed="a path (str or os.PathLike)", value=path)
    data = _rs.portfolio_template_xlsx()
    with open(path, "wb") as f:
        f.write(data)

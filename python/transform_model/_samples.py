"""The bundled sample data, read from the compiled core (not from the source tree), so it
works wherever the package is installed and whatever the working folder."""

import io
from typing import Any

from . import _transform_model as _rs


def sample_responses(model: str = "dtm") -> Any:
    """The bundled, synthetic survey of a sample municipality (`model="dtm"`) or alliance
    (`"ci"`) as a pandas DataFrame in the wide survey layout: `respondent`, `role` and one
    column per item, "ved ikke" as missing. `tm.assess(tm.sample_responses())` scores it."""
    import pandas as pd

    text = _rs.sample_responses_csv(model)
    return pd.read_csv(io.StringIO(text), dtype={"respondent": str, "role": str})

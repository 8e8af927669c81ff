"""JSON Schemas of the documents the package reads and writes, generated from the core's
Rust types (the same files as docs/schema/*.json)."""
from __future__ import annotations

import json
from typing import Any, Dict, List

from . import _transform_model as _rs
from ._errors import OptionError


def schema_names() -> List[str]:
    """The schema names: model, responses (long form), portfolio, catalog (inputs);
    assessment, round_comparison, portfolio_analysis, match_result (outputs)."""
    return list(_rs.schema_names())


def schema(name: str) -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of document `name` as a dict; every field has a
    description. Validate with e.g. `jsonschema.validate(doc, tm.schema("portfolio"))`."""
    names = schema_names()
    if name not in names:
        listed = ", ".join(repr(n) for n in names)
        raise OptionError(f"schema {name!r} is not one of {listed}", option="name", allowed=names, value=name)
    return json.loads(_rs.schema_json(name))

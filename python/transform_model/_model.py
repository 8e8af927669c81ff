"""The maturity model."""
from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Union

from . import _args
from . import _transform_model as _rs
from ._frames import frame


class Model:
    """A validated, versioned, bilingual maturity model (levels, dimensions, items, levers)."""

    __slots__ = ("_inner", "_data")

    def __init__(self, inner: "_rs._Model") -> None:
        self._inner = inner
        self._data: Dict[str, Any] = json.loads(inner.to_json())

    @classmethod
    def from_json(cls, text: str) -> "Model":
        """Parses and validates a model from JSON text."""
        return cls(_rs._Model.from_json(text))

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Model":
        """Reads, parses and validates a model file."""
        return cls(_rs._Model.from_file(os.fspath(path)))

    @classmethod
    def bundled(cls, id: str) -> "Model":
        """A model bundled with the library: `"dtm"` (its newest version), `"dtm@2026.1"`,
        `"dtm@2026.2"`, `"ci"` (Collective Impact readiness). An unknown id or version raises
        `ModelError` listing the known ids (`bundled_ids()`)."""
        if not isinstance(id, str):
            _args.instance("id", id, str, "a bundled model id such as 'dtm', 'dtm@2026.1' or 'ci'")
        return cls(_rs._model_bundled(id))

    @classmethod
    def resolve(cls, spec: str) -> "Model":
        """A model named as on the command line: an existing file path wins, else a bundled id."""
        if not isinstance(spec, str):
            _args.instance("spec", spec, str, "a model file path or a bundled model id")
        return cls(_rs._model_resolve(spec))

    def overlay(self, overlay: Union[str, Dict[str, Any]]) -> "Model":
        """A new model: this one with `overlay` (JSON text or dict) merged by id, then validated."""
        if not isinstance(overlay, (str, dict)):
            _args.instance("overlay", overlay, dict, "JSON text or a dict")
        text = overlay if isinstance(overlay, str) else json.dumps(overlay)
        return Model(self._inner.overlay(text))

    def to_json(self) -> str:
        """The model as JSON (the schema it is read from)."""
        return self._inner.to_json()

    @property
    def id(self) -> str:
        return self._inner.id

    @property
    def version(self) -> str:
        return self._inner.version

    @property
    def dimensions(self) -> List[Dict[str, Any]]:
        """The dimensions as dicts (id, label, description, level_descriptions, levers)."""
        return list(self._data["dimensions"])

    @property
    def items(self) -> List[Dict[str, Any]]:
        """The questionnaire items as dicts (id, dimension, text, reverse, roles)."""
        return list(self._data["items"])

    @property
    def roles(self) -> List[str]:
        return [r["id"] for r in self._data["roles"]]

    def to_frame(self, lang: str = "da") -> Any:
        """One row per item: item, dimension, dimension label, text, reverse, roles."""
        lang = _args.lang(lang)
        labels = {d["id"]: d["label"][lang] for d in self._data["dimensions"]}
        rows = [
            {"item": i["id"], "dimension": i["dimension"], "dimension_label": labels[i["dimension"]],
             "text": i["text"][lang], "reverse": i.get("reverse", False),
             "roles": ", ".join(i.get("roles") or []) or "all"}
            for i in self._data["items"]
        ]
        return frame(rows, ["item", "dimension", "dimension_label", "text", "reverse", "roles"])

    def __reduce__(self):
        return (Model.from_json, (self.to_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self._data == other._data

    def __repr__(self) -> str:
        return f"Model({self.id!r}, version={self.version!r}, {len(self._data['dimensions'])} dimensions, {len(self._data['items'])} items)"


def default_model() -> Model:
    """The embedded default model: `dtm` (from drift to transformative) 2026.2, the same as
    `Model.bundled("dtm")`."""
    return Model(_rs._Model.default())


def bundled_ids() -> List[str]:
    """Every id `Model.bundled` accepts, sorted."""
    return list(_rs._bundled_model_ids())


def model_arg(model: Union[None, str, "os.PathLike[str]", Model]) -> Model:
    """The `model=` argument of the functions that take one: None is the default model, a
    string a file path or a bundled id (`Model.resolve`), a path-like a file, else a Model."""
    if model is None:
        return default_model()
    if isinstance(model, str):
        return Model.resolve(model)
    if isinstance(model, os.PathLike):
        return Model.from_file(model)
    return _args.instance("model", model, Model,
                          "a transform_model.Model, a bundled model id ('dtm', 'dtm@2026.1', 'ci') or a model file path")

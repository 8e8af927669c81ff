"""The exception hierarchy. Every error carries the message and structured fields."""
from __future__ import annotations

from typing import Any, Optional


class TransformModelError(Exception):
    """Base class of every error raised by transform_model."""

    def __init__(self, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields

    def __reduce__(self):  # exceptions cross process boundaries (multiprocessing)
        return (_rebuild, (type(self), self.message, self.fields))


def _rebuild(cls, message, fields):
    return cls(message, **fields)


class ModelError(TransformModelError, ValueError):
    """A model definition or overlay is invalid. ``path`` is the JSON path."""

    def __init__(self, message: str, path: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message, path=path, **fields)
        self.path = path


class ResponseError(TransformModelError, ValueError):
    """Survey responses are invalid: ``row``, ``column``, ``item``, ``respondent``, ``value``."""

    def __init__(self, message: str, row: Optional[int] = None, column: Optional[str] = None,
                 item: Optional[str] = None, respondent: Optional[str] = None, value: Any = None,
                 path: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message, row=row, column=column, item=item, respondent=respondent, value=value,
                         path=path, **fields)
        self.row, self.column, self.item, self.respondent, self.value, self.path = (
            row, column, item, respondent, value, path)


class AnonymityError(TransformModelError, ValueError):
    """Too few respondents remain in groups of at least k: nothing may be reported."""

    def __init__(self, message: str, included: int = 0, excluded: int = 0, k: int = 0, **fields: Any) -> None:
        super().__init__(message, included=included, excluded=excluded, k=k, **fields)
        self.included, self.excluded, self.k = included, excluded, k


class PortfolioError(TransformModelError, ValueError):
    """A portfolio file is invalid. ``path`` is the JSON path."""

    def __init__(self, message: str, path: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message, path=path, **fields)
        self.path = path


class CatalogError(TransformModelError, ValueError):
    """A catalog or a query is invalid. ``path`` is the JSON path, ``value`` the bad value."""

    def __init__(self, message: str, path: Optional[str] = None, value: Any = None, **fields: Any) -> None:
        super().__init__(message, path=path, value=value, **fields)
        self.path, self.value = path, value


class OptionError(TransformModelError, ValueError):
    """An option has a value the library cannot use. ``option`` names it."""

    def __init__(self, message: str, option: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message, option=option, **fields)
        self.option = option

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
    """Survey responses are invalid: ``row`` (a CSV line or a matrix row), ``index`` (the
    DataFrame's index label, for frames), ``column``, ``item``, ``respondent``, ``value``,
    ``allowed`` (the values that would have been accepted) and ``argument`` (the argument of
    `assess` at fault)."""

    def __init__(self, message: str, row: Optional[int] = None, column: Optional[str] = None,
                 item: Optional[str] = None, respondent: Optional[str] = None, value: Any = None,
                 path: Optional[str] = None, index: Any = None, allowed: Any = None,
                 argument: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message, row=row, column=column, item=item, respondent=respondent, value=value,
                         path=path, index=index, allowed=allowed, argument=argument, **fields)
        self.row, self.column, self.item, self.respondent, self.value, self.path = (
            row, column, item, respondent, value, path)
        self.index, self.allowed, self.argument = index, allowed, argument


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
    """An argument has a value the library cannot use. ``option`` (also ``argument``) names
    it, ``allowed`` says what it accepts, ``value`` is what was given."""

    def __init__(self, message: str, option: Optional[str] = None, allowed: Any = None, value: Any = None,
                 **fields: Any) -> None:
        super().__init__(message, option=option, allowed=allowed, value=value, **fields)
        self.option, self.allowed, self.value = option, allowed, value

    @property
    def argument(self) -> Optional[str]:
        return self.option


class ArgumentTypeError(OptionError, TypeError):
    """An argument has the wrong type (e.g. ``model='dtm'`` instead of a `Model`)."""

"""Argument checks: every bad argument becomes an `OptionError` (or `ArgumentTypeError`)
naming the argument, what it accepts and what was given, before anything reaches the core."""
from __future__ import annotations

import numbers
from typing import Any, Iterable, List, Optional, Sequence

from ._errors import ArgumentTypeError, OptionError

__all__ = ["ArgumentTypeError", "OptionError"]

LANGS = ("da", "en")
WEIGHTINGS = ("balanced", "pooled")


def text_list(name: str, value: Any) -> List[str]:
    """A list argument as a list of texts. A single string is ONE element (never split into
    characters); None is empty."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return [value.decode() if isinstance(value, bytes) else value]
    if isinstance(value, dict) or not isinstance(value, Iterable):
        raise ArgumentTypeError(
            f"{name}= must be a list of texts (or one text), not {type(value).__name__} {value!r}",
            option=name, allowed="a list of texts", value=value)
    return [str(v) for v in value]


def optional_text_list(name: str, value: Any) -> Optional[List[str]]:
    return None if value is None else text_list(name, value)


def count(name: str, value: Any) -> int:
    """A non-negative integer argument (sizes, seeds, counts)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(f"{name}= must be an integer ≥ 0, not {type(value).__name__} {value!r}",
                                option=name, allowed="an integer ≥ 0", value=value)
    if value < 0:
        raise OptionError(f"{name}= must be an integer ≥ 0, not {value}", option=name, allowed="an integer ≥ 0",
                          value=value)
    return int(value)


def flag(name: str, value: Any) -> bool:
    """A yes/no argument: a bool, never a truthy string."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{name}= must be True or False, not {type(value).__name__} {value!r}",
                                option=name, allowed="True or False", value=value)
    return value


def optional_count(name: str, value: Any, minimum: int = 0) -> Optional[int]:
    if value is None:
        return None
    v = count(name, value)
    if v < minimum:
        raise OptionError(f"{name}= must be an integer ≥ {minimum} or None, not {v}", option=name,
                          allowed=f"an integer ≥ {minimum} or None", value=value)
    return v


def optional_int(name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(f"{name}= must be an integer or None, not {type(value).__name__} {value!r}",
                                option=name, allowed="an integer or None", value=value)
    return int(value)


def choice(name: str, value: Any, allowed: Sequence[str]) -> str:
    """One of `allowed`, exactly (no case folding: 'EN' is refused with the list)."""
    if value not in allowed:
        listed = ", ".join(repr(a) for a in allowed)
        raise OptionError(f"{name}={value!r} is not one of {listed}", option=name, allowed=list(allowed),
                          value=value)
    return value


def lang(value: Any) -> str:
    return choice("lang", value, LANGS)


def instance(name: str, value: Any, cls: type, hint: str) -> Any:
    if not isinstance(value, cls):
        raise ArgumentTypeError(f"{name}= must be {hint}, not {type(value).__name__} {value!r}", option=name,
                                allowed=hint, value=value)
    return value


def text_or_dicts(name: str, value: Any) -> List[Any]:
    """A list of queries: one text is one query (never split into characters)."""
    if isinstance(value, (str, dict)):
        return [value]
    if not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{name}= must be a list of texts or dicts, not {type(value).__name__}",
                                option=name, allowed="a list of texts or dicts", value=value)
    return list(value)


def sequence(name: str, value: Any) -> List[Any]:
    """A list argument of values (not texts): any iterable but a string or a dict."""
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{name}= must be a list, not {type(value).__name__} {value!r}", option=name,
                                allowed="a list", value=value)
    return list(value)


def mapping(name: str, value: Any) -> Any:
    """A dict argument."""
    if not hasattr(value, "items"):
        raise ArgumentTypeError(f"{name}= must be a dict, not {type(value).__name__} {value!r}", option=name,
                                allowed="a dict", value=value)
    return value

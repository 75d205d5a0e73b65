"""The one JSON encoder of dash-next, built on orjson.

Every payload the server sends (layout, dependencies, callback responses, the
index page config) goes through `to_json_bytes`, so components, numpy, pandas,
plotly figures, dates and Decimals encode the same way everywhere.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import orjson

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS

# `<`, `>` and `/` only ever occur inside JSON strings, so a byte-level replace is
# safe and keeps the payload embeddable in a <script> tag.
_ESCAPES = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"/", b"\\u002f"))
_NEEDS_ESCAPE = re.compile(rb"[<>/]").search

_MISSING_TYPES = frozenset({"NaTType", "NAType", "NoneType"})


def _default(obj: Any) -> Any:
    """Turn a value orjson does not know into one it does (called recursively)."""
    to_plotly_json = getattr(obj, "to_plotly_json", None)
    if to_plotly_json is not None:
        return to_plotly_json()
    if type(obj).__name__ in _MISSING_TYPES:
        return None
    if isinstance(obj, Decimal):
        return float(obj)
    if isinstance(obj, (datetime.date, datetime.time)):
        return obj.isoformat()
    tolist = getattr(obj, "tolist", None)
    if tolist is not None:
        return tolist()
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    isoformat = getattr(obj, "isoformat", None)
    if isoformat is not None:
        return isoformat()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def to_json_bytes(obj: Any) -> bytes:
    """Encode `obj` compactly as UTF-8 JSON bytes, with `<`, `>`, `/` escaped.

    NaN and infinities become `null`. Raises `TypeError` (orjson's
    `JSONEncodeError`) for a value that cannot be encoded.
    """
    data = orjson.dumps(obj, default=_default, option=_OPTIONS)
    if _NEEDS_ESCAPE(data) is None:
        return data
    for raw, escaped in _ESCAPES:
        data = data.replace(raw, escaped)
    return data


def to_json(obj: Any) -> str:
    """Like `to_json_bytes`, as text."""
    return to_json_bytes(obj).decode("utf-8")


def loads(data: str | bytes) -> Any:
    """Decode JSON text or bytes."""
    return orjson.loads(data)


JSONEncodeError = orjson.JSONEncodeError

__all__ = ["to_json", "to_json_bytes", "loads", "JSONEncodeError"]

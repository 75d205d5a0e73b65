"""Small helpers shared by the callback modules: id strings, hashing, attribute dicts."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any

__all__ = [
    "AttributeDict",
    "callback_id_item",
    "caller_location",
    "decode_id",
    "sha256_hex",
    "split_prop_id",
    "stringify_id",
    "strip_duplicate_suffix",
]


class AttributeDict(dict):
    """A dict whose keys can also be read as attributes (`d.index` for `d["index"]`)."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value


def _json_value(value: Any) -> str:
    # Wildcards know their own JSON text (`["ALL"]`); everything else is plain JSON
    # with Python's default formatting (ensure_ascii, `1.0` for floats).
    to_json = getattr(value, "to_json", None)
    if to_json is not None:
        return to_json()
    return json.dumps(value)


def stringify_id(component_id: Any) -> str:
    """The canonical text of a component id.

    A string id is returned unchanged. A dict id becomes compact JSON with sorted
    keys, e.g. `{"index":1,"type":"item"}`; wildcard values are written as
    `["ALL"]`, `["MATCH"]` or `["ALLSMALLER"]`.
    """
    if isinstance(component_id, str):
        return component_id
    if isinstance(component_id, dict):
        parts = [
            json.dumps(key) + ":" + _json_value(component_id[key]) for key in sorted(component_id)
        ]
        return "{" + ",".join(parts) + "}"
    return str(component_id)


def decode_id(id_text: str) -> Any:
    """Inverse of `stringify_id` for concrete ids: dict ids become `AttributeDict`s."""
    if id_text.startswith("{"):
        try:
            decoded = json.loads(id_text)
        except ValueError:
            return id_text
        if isinstance(decoded, dict):
            return AttributeDict(decoded)
    return id_text


def split_prop_id(prop_id: str) -> tuple[str, str]:
    """Split `"idstr.prop"` at the last dot into `(idstr, prop)`."""
    id_text, _, prop = prop_id.rpartition(".")
    return id_text, prop


def strip_duplicate_suffix(prop: str) -> str:
    """Drop the `@<hash>` that `allow_duplicate` outputs carry: `"children@ab12"` -> `"children"`."""
    return prop.partition("@")[0]


def callback_id_item(id_text: str, prop: str) -> str:
    """One `id.prop` item of a callback's output string, with dots inside the id escaped."""
    return id_text.replace(".", "\\.") + "." + prop


def sha256_hex(text: str) -> str:
    """Hex SHA-256 digest of `text` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def caller_location() -> str:
    """`"<file>:<line>"` of the innermost stack frame outside the dash package."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = os.path.abspath(frame.f_code.co_filename)
        if not filename.startswith(_PACKAGE_DIR):
            return f"{frame.f_code.co_filename}:{frame.f_lineno}"
        frame = frame.f_back
    return "<unknown>:0"

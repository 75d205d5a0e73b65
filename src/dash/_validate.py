"""Checks on the app layout: accepted types and unique component ids."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from .development.base_component import Component
from .exceptions import DuplicateIdError, NoLayoutException

__all__ = ["validate_layout", "validate_layout_type"]

_ACCEPTED = (
    "a component, a list or tuple of components and strings, "
    "or a function that returns one of these"
)


def validate_layout_type(value: Any) -> None:
    """Raise `NoLayoutException` unless `value` can be an app layout."""
    if not isinstance(value, (Component, list, tuple)) and not callable(value):
        raise NoLayoutException(
            f"The layout must be {_ACCEPTED}; got a value of type {type(value).__name__}."
        )


def _id_key(component_id: Any) -> str:
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True)
    return str(component_id)


def _walk(component: Component) -> Iterator[Any]:
    yield component
    traverse: Callable[[], Iterator[Any]] | None = getattr(component, "_traverse", None)
    if traverse is not None:
        yield from traverse()


def validate_layout(layout: Any, layout_value: Any) -> None:
    """Check the layout once before serving: it exists and its ids are unique.

    `layout` is what was assigned to `app.layout` (maybe a function),
    `layout_value` the resulting tree. Raises `NoLayoutException` for a missing
    layout or a list item that is neither a string nor a component, and
    `DuplicateIdError` naming the first id found twice.
    """
    if layout is None:
        raise NoLayoutException(
            "The layout was None when the app started serving. Set `app.layout` "
            f"to {_ACCEPTED} before running the server."
        )
    if isinstance(layout_value, (list, tuple)):
        roots = []
        for position, item in enumerate(layout_value):
            if isinstance(item, str):
                continue
            if not isinstance(item, Component):
                raise NoLayoutException(
                    f"Item {position} of the list layout is a {type(item).__name__}; a list "
                    "layout may only hold strings and components."
                )
            roots.append(item)
    elif isinstance(layout_value, Component):
        roots = [layout_value]
    else:
        raise NoLayoutException(
            f"The layout function returned a {type(layout_value).__name__}; it must return "
            "a component or a list of components and strings."
        )
    _check_unique_ids(roots)


def _check_unique_ids(roots: list[Component]) -> None:
    seen: set[str] = set()
    for root in roots:
        for node in _walk(root):
            if not isinstance(node, Component):
                continue
            component_id = getattr(node, "id", None)
            if component_id is None or component_id == "":
                continue
            key = _id_key(component_id)
            if key in seen:
                raise DuplicateIdError(
                    f"Duplicate component id found in the initial layout: `{key}`. "
                    "Every component id must be unique; rename one of them."
                )
            seen.add(key)

"""Groupings: nested lists, tuples and dicts of values, shaped like a callback's dependencies.

A *schema* is a grouping whose leaves are dependencies (or indices); a value
grouping matches it when every list/tuple has the same length and every dict
the same keys. Whatever sits at a leaf position of the schema is one leaf of
the value, even if it is itself a list (the values of an `ALL` output).

Callbacks use groupings for their return values (one leaf per output) and for
their arguments (dict groupings become keyword arguments).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .exceptions import InvalidCallbackReturnValue

__all__ = [
    "SchemaKeysValidationError",
    "SchemaLengthValidationError",
    "SchemaTypeValidationError",
    "flatten_grouping",
    "grouping_len",
    "is_flat_index_list",
    "make_grouping_by_index",
    "make_index_grouping",
    "map_grouping",
    "validate_grouping",
]

_SEQUENCES = (list, tuple)

Path = tuple[Any, ...]


def _short_repr(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _path_text(path: Path) -> str:
    if not path:
        return "the returned value itself"
    return "returned value" + "".join(f"[{step!r}]" for step in path)


def _describe(value: Any) -> str:
    if isinstance(value, _SEQUENCES):
        return f"a {type(value).__name__} of length {len(value)}"
    if isinstance(value, dict):
        return f"a dict with keys {sorted(map(str, value))}"
    return f"a {type(value).__name__}"


class _SchemaValidationError(InvalidCallbackReturnValue):
    """Shared message layout of the three schema errors."""

    def __init__(self, value: Any, full_schema: Any, path: Path, expected: str) -> None:
        self.value = value
        self.full_schema = full_schema
        self.path = path
        super().__init__(
            f"The callback's return value does not have the shape of its outputs "
            f"{_short_repr(full_schema, 400)}: at {_path_text(path)} expected {expected}, "
            f"got {_describe(value)}: {_short_repr(value)}."
        )


class SchemaTypeValidationError(_SchemaValidationError):
    """A part of a returned grouping has the wrong type (e.g. a scalar where a list belongs)."""

    def __init__(self, value: Any, full_schema: Any, path: Path, expected_type: Any) -> None:
        names = expected_type if isinstance(expected_type, tuple) else (expected_type,)
        super().__init__(value, full_schema, path, "a " + " or ".join(t.__name__ for t in names))

    @classmethod
    def check(cls, value: Any, full_schema: Any, path: Path, expected_type: Any) -> None:
        """Raise unless `value` is an instance of `expected_type`."""
        if not isinstance(value, expected_type):
            raise cls(value, full_schema, path, expected_type)


class SchemaLengthValidationError(_SchemaValidationError):
    """A returned list or tuple has a different length from the outputs it stands for."""

    def __init__(self, value: Any, full_schema: Any, path: Path, expected_len: int) -> None:
        super().__init__(value, full_schema, path, f"a list or tuple of length {expected_len}")

    @classmethod
    def check(cls, value: Any, full_schema: Any, path: Path, expected_len: int) -> None:
        """Raise unless `len(value) == expected_len`."""
        if len(value) != expected_len:
            raise cls(value, full_schema, path, expected_len)


class SchemaKeysValidationError(_SchemaValidationError):
    """A returned dict has different keys from the dict of outputs it stands for."""

    def __init__(self, value: Any, full_schema: Any, path: Path, expected_keys: Any) -> None:
        super().__init__(
            value, full_schema, path, f"a dict with keys {sorted(map(str, expected_keys))}"
        )

    @classmethod
    def check(cls, value: Any, full_schema: Any, path: Path, expected_keys: Any) -> None:
        """Raise unless `value` has exactly the keys `expected_keys`."""
        if set(value) != set(expected_keys):
            raise cls(value, full_schema, path, expected_keys)


def validate_grouping(grouping: Any, schema: Any, full_schema: Any = None, path: Path = ()) -> None:
    """Raise a Schema*ValidationError unless `grouping` has the shape of `schema`."""
    if full_schema is None:
        full_schema = schema
    if isinstance(schema, _SEQUENCES):
        SchemaTypeValidationError.check(grouping, full_schema, path, _SEQUENCES)
        SchemaLengthValidationError.check(grouping, full_schema, path, len(schema))
        for index, (value, sub_schema) in enumerate(zip(grouping, schema, strict=True)):
            validate_grouping(value, sub_schema, full_schema, (*path, index))
    elif isinstance(schema, dict):
        SchemaTypeValidationError.check(grouping, full_schema, path, dict)
        SchemaKeysValidationError.check(grouping, full_schema, path, schema.keys())
        for key, sub_schema in schema.items():
            validate_grouping(grouping[key], sub_schema, full_schema, (*path, key))


def flatten_grouping(grouping: Any, schema: Any = None) -> list[Any]:
    """The leaves of `grouping`, depth first, in order.

    Without `schema`, every list, tuple and dict is a container. With `schema`,
    the schema decides where the leaves are, and `grouping` is validated first.
    """
    if schema is None:
        schema = grouping
    else:
        validate_grouping(grouping, schema)
    leaves: list[Any] = []
    _collect_leaves(grouping, schema, leaves)
    return leaves


def _collect_leaves(value: Any, schema: Any, leaves: list[Any]) -> None:
    if isinstance(schema, _SEQUENCES):
        for item, sub_schema in zip(value, schema, strict=True):
            _collect_leaves(item, sub_schema, leaves)
    elif isinstance(schema, dict):
        for key, sub_schema in schema.items():
            _collect_leaves(value[key], sub_schema, leaves)
    else:
        leaves.append(value)


def grouping_len(grouping: Any) -> int:
    """The number of leaves of `grouping`."""
    if isinstance(grouping, _SEQUENCES):
        return sum(grouping_len(item) for item in grouping)
    if isinstance(grouping, dict):
        return sum(grouping_len(item) for item in grouping.values())
    return 1


def map_grouping(fn: Callable[[Any], Any], grouping: Any) -> Any:
    """A grouping of the same shape with `fn` applied to every leaf."""
    if isinstance(grouping, list):
        return [map_grouping(fn, item) for item in grouping]
    if isinstance(grouping, tuple):
        return tuple(map_grouping(fn, item) for item in grouping)
    if isinstance(grouping, dict):
        return {key: map_grouping(fn, item) for key, item in grouping.items()}
    return fn(grouping)


def make_index_grouping(schema: Any) -> Any:
    """A grouping shaped like `schema` whose leaves are their positions 0, 1, 2... in order."""
    counter = iter(range(grouping_len(schema)))
    return map_grouping(lambda _leaf: next(counter), schema)


def make_grouping_by_index(index_grouping: Any, flat_values: list[Any]) -> Any:
    """Fill a grouping whose leaves are integer indices with `flat_values[index]`."""
    if isinstance(index_grouping, list):
        return [make_grouping_by_index(item, flat_values) for item in index_grouping]
    if isinstance(index_grouping, tuple):
        return tuple(make_grouping_by_index(item, flat_values) for item in index_grouping)
    if isinstance(index_grouping, dict):
        return {
            key: make_grouping_by_index(item, flat_values) for key, item in index_grouping.items()
        }
    return flat_values[index_grouping]


def is_flat_index_list(index_grouping: Any) -> bool:
    """True for the trivial grouping `[0, 1, ..., n-1]` (a plain positional list)."""
    return isinstance(index_grouping, list) and all(
        item == position and isinstance(item, int) for position, item in enumerate(index_grouping)
    )

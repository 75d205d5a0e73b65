"""`dash.Patch`: change part of an output's value instead of sending all of it.

A callback that returns a `Patch` sends the browser a list of operations
("assign this key", "append to that list", ...). The renderer replays them, in
order, on the value the property holds in the page right now, so a large figure
or table can be updated without re-sending it.

Wire form (protocol-server §12)::

    {"__dash_patch_update": "__dash_patch_update",
     "operations": [{"operation": "Assign", "location": ["a", 0], "params": {"value": 1}}]}
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn, Union

__all__ = ["Patch"]

PatchKey = Union[str, int]

_MARKER = "__dash_patch_update"
_INTERNALS = frozenset({"_location", "_operations"})


def _as_key(key: Any) -> PatchKey:
    """Check one step of a location: a string (object key) or an int (list index)."""
    if isinstance(key, str):
        return key
    if isinstance(key, slice):
        raise TypeError(
            "dash.Patch does not support slices: a Patch only knows the locations you name. "
            "Patch the items one index at a time, or assign the whole list to its key."
        )
    if not isinstance(key, bool):
        try:
            return operator.index(key)
        except TypeError:
            pass
    raise TypeError(
        f"Invalid dash.Patch key {key!r} ({type(key).__name__}): use a string for an "
        "object key or an int for a list index (negative ints count from the end)."
    )


def _sequence_items(value: Any) -> list | tuple | None:
    """The items of a list-like value (list, tuple, range, numpy array...), else None.

    Strings, bytes and mappings are not treated as lists of items.
    """
    if isinstance(value, (list, tuple)):
        return value
    if isinstance(value, (str, bytes, bytearray, Mapping, Patch)):
        return None
    if isinstance(value, Sequence):
        return list(value)
    tolist = getattr(type(value), "tolist", None)
    if tolist is not None and hasattr(value, "__len__"):
        items = value.tolist()
        if isinstance(items, list):
            return items
    return None


class Patch:
    """A write-only stand-in for an output's current value in the browser.

    Return it from a callback (or pass it to `dash.set_props`) to update part of
    a property: every change you make to it is recorded as an operation that the
    browser applies, in order, to the value it already holds. Supported values
    are dictionaries and lists (plus numbers and strings for `+=` and friends).

    * ``p["a"]``, ``p[0]`` and ``p.a`` point at a nested location; negative list
      indices count from the end.
    * ``p[k] = v`` / ``p.k = v`` assign, ``del p[k]`` / ``del p.k`` delete.
    * List methods: ``append``, ``prepend``, ``insert``, ``extend`` (also
      ``p += [..]``), ``remove`` (drops every equal item), ``clear``, ``reverse``.
    * Dict methods: ``update`` and ``p |= {...}`` merge keys shallowly.
    * ``p[k] += x`` (``x`` not a list), ``-=``, ``*=`` and ``/=`` do arithmetic
      on the browser's value.

    A Patch cannot be read: iterating, slicing or converting it raises. Reading
    an attribute whose name is one of these methods (``p.update``,
    ``p.clear``...) gives the method, as usual in Python; reach a key with such
    a name through item access (``p["update"]``). Attribute *assignment* and
    deletion always act on the key (``p.clear = True`` assigns the key
    ``"clear"``). Names of the form ``__name__`` are never treated as keys.

    `location` and `parent` are for building sub-patches; a callback normally
    creates ``Patch()`` with no arguments.
    """

    __slots__ = ("_location", "_operations")

    _location: list[PatchKey]
    _operations: list[dict[str, Any]]

    def __init__(self, location: list[PatchKey] | None = None, parent: Patch | None = None) -> None:
        path = [_as_key(key) for key in location] if location else []
        object.__setattr__(self, "_location", path)
        object.__setattr__(self, "_operations", parent._operations if parent is not None else [])

    # ------------------------------------------------------------------ recording

    def _record(self, operation: str, location: list[PatchKey], **params: Any) -> None:
        self._operations.append({"operation": operation, "location": location, "params": params})

    def _child(self, key: Any) -> list[PatchKey]:
        return [*self._location, _as_key(key)]

    # ------------------------------------------------------------ item/attribute

    def __getitem__(self, key: Any) -> Patch:
        return Patch(self._child(key), self)

    def __setitem__(self, key: Any, value: Any) -> None:
        location = self._child(key)
        if isinstance(value, Patch):
            if value._operations is self._operations and value._location == location:
                # Last step of `p[k] += x`: the sub-patch already recorded its operation.
                return
            raise TypeError(
                f"Cannot assign a dash.Patch as the value at {location!r}: a Patch is "
                "write-only, so its value is not known on the server. Assign a plain value, "
                "or apply the operations to this location directly (p[key].append(...))."
            )
        self._record("Assign", location, value=value)

    def __delitem__(self, key: Any) -> None:
        self._record("Delete", self._child(key))

    def __getattr__(self, name: str) -> Patch:
        # Only called when normal lookup fails, so methods always win over keys.
        if name == "tolist":
            raise AttributeError(
                "dash.Patch has no 'tolist': a Patch is write-only and cannot be converted "
                "to a list. Use p['tolist'] for a key with that name."
            )
        if name in _INTERNALS or (name.startswith("__") and name.endswith("__")):
            raise AttributeError(name)
        return self[name]

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _INTERNALS:
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        del self[name]

    # ---------------------------------------------------------------- list ops

    def append(self, item: Any) -> None:
        """Add `item` at the end of the list."""
        self._record("Append", self._location, value=item)

    def prepend(self, item: Any) -> None:
        """Add `item` at the start of the list."""
        self._record("Prepend", self._location, value=item)

    def insert(self, index: int, item: Any) -> None:
        """Insert `item` before position `index` (negative counts from the end)."""
        if isinstance(index, bool) or not hasattr(type(index), "__index__"):
            raise TypeError(
                f"dash.Patch.insert needs an int index, got {index!r} at {self._location!r}."
            )
        self._record("Insert", self._location, value=item, index=operator.index(index))

    def extend(self, item: Any) -> None:
        """Add every element of the list or tuple `item` at the end of the list."""
        items = _sequence_items(item)
        if items is None:
            raise TypeError(
                f"dash.Patch.extend needs a list or tuple, got {type(item).__name__} "
                f"{item!r} at {self._location!r}. Wrap a single value in a list, "
                "or use append()."
            )
        self._record("Extend", self._location, value=items)

    def remove(self, item: Any) -> None:
        """Drop every element equal to `item` from the list."""
        self._record("Remove", self._location, value=item)

    def clear(self) -> None:
        """Empty the list or dict (the value keeps its type)."""
        self._record("Clear", self._location)

    def reverse(self) -> None:
        """Reverse the order of the list."""
        self._record("Reverse", self._location)

    def sort(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Not available: the name is reserved for a future sort operation."""
        raise KeyError(
            "dash.Patch.sort is reserved for future use; to patch a key named 'sort', "
            "use item access: p['sort']."
        )

    # ---------------------------------------------------------------- dict ops

    def update(self, E: Any = None, **F: Any) -> None:
        """Merge keys into the dict, like `dict.update` (a shallow merge)."""
        if isinstance(E, Patch):
            raise TypeError("dash.Patch.update needs a dict, not another dash.Patch.")
        try:
            value = dict(E) if E is not None else {}
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"dash.Patch.update at {self._location!r} needs a dict or key/value pairs, "
                f"got {type(E).__name__} {E!r} ({error})."
            ) from None
        value.update(F)
        self._record("Merge", self._location, value=value)

    # ----------------------------------------------------------- in-place ops

    def __iadd__(self, other: Any) -> Patch:
        items = _sequence_items(other)
        if items is not None:
            self._record("Extend", self._location, value=items)
        else:
            self._record("Add", self._location, value=other)
        return self

    def __isub__(self, other: Any) -> Patch:
        self._record("Sub", self._location, value=other)
        return self

    def __imul__(self, other: Any) -> Patch:
        self._record("Mul", self._location, value=other)
        return self

    def __itruediv__(self, other: Any) -> Patch:
        self._record("Div", self._location, value=other)
        return self

    def __ior__(self, other: Any) -> Patch:
        if not isinstance(other, Mapping):
            return NotImplemented
        self.update(other)
        return self

    # ------------------------------------------------------------ restrictions

    def __iter__(self) -> NoReturn:
        raise TypeError(
            "dash.Patch is write-only and cannot be iterated: it does not know the "
            "browser's current value. Return the full value instead if you need to read it."
        )

    def __contains__(self, item: Any) -> NoReturn:
        raise TypeError(
            "dash.Patch is write-only: `in` cannot check its contents. Use a State of the "
            "property to read its current value."
        )

    def __repr__(self) -> str:
        return f"<write-only dash.Patch object at {self._location!r}>"

    # -------------------------------------------------------------------- JSON

    def to_plotly_json(self) -> dict[str, Any]:
        """The wire form: the marker key plus every recorded operation, in order."""
        return {_MARKER: _MARKER, "operations": list(self._operations)}

"""Callback dependencies: `Input`, `Output`, `State`, the wildcards and `ClientsideFunction`.

A dependency names one property of one component. Component ids are strings,
dicts (pattern-matching ids, whose values may be the wildcards `MATCH`, `ALL`,
`ALLSMALLER`) or Component instances (which then receive a stable random id).
Mistakes in a dependency are reported when it is created, with the exception
classes of `dash.exceptions`.
"""

from __future__ import annotations

from typing import Any

from . import exceptions
from ._utils import stringify_id

__all__ = [
    "ALL",
    "ALLSMALLER",
    "MATCH",
    "ClientsideFunction",
    "DashDependency",
    "Input",
    "Output",
    "State",
    "Wildcard",
    "id_matches",
]


class Wildcard:
    """A pattern-matching placeholder for the value of one key of a dict id."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __str__(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"<{self._name}>"

    def to_json(self) -> str:
        """The wildcard as it appears inside stringified ids: `["ALL"]`."""
        return f'["{self._name}"]'

    def to_plotly_json(self) -> list[str]:
        """The wildcard as a JSON value, so ids holding it encode as `["ALL"]`."""
        return [self._name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Wildcard) and other._name == self._name

    def __hash__(self) -> int:
        return hash(("dash.Wildcard", self._name))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Wildcard, (self._name,))


# The name some extensions import.
_Wildcard = Wildcard

MATCH = Wildcard("MATCH")
ALL = Wildcard("ALL")
ALLSMALLER = Wildcard("ALLSMALLER")

# Wildcards that turn one dependency into a list of concrete components.
LIST_WILDCARDS = (ALL, ALLSMALLER)


def _values_match(mine: Any, theirs: Any) -> bool:
    """Whether two values of the same dict-id key match under the wildcard rules."""
    mine_wild = isinstance(mine, Wildcard)
    theirs_wild = isinstance(theirs, Wildcard)
    if mine_wild and theirs_wild:
        # MATCH and ALLSMALLER only pair with themselves; ALL pairs with anything.
        return mine == theirs or mine == ALL or theirs == ALL
    if mine_wild or theirs_wild:
        return True
    return mine == theirs


def id_matches(mine: Any, theirs: Any) -> bool:
    """Whether two component ids (str or dict, maybe with wildcards) designate the same target."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        if mine.keys() != theirs.keys():
            return False
        return all(_values_match(value, theirs[key]) for key, value in mine.items())
    if isinstance(mine, dict) or isinstance(theirs, dict):
        return False
    return mine == theirs


class DashDependency:
    """One property of one component that a callback reads or writes."""

    allowed_wildcards: tuple[Wildcard, ...] = (MATCH, ALL, ALLSMALLER)

    def __init__(self, component_id: Any, component_property: str) -> None:
        kind = type(self).__name__
        set_random_id = getattr(component_id, "_set_random_id", None)
        if callable(set_random_id):
            component_id = set_random_id()
        _check_id(kind, component_id, component_property, self.allowed_wildcards)
        if not isinstance(component_property, str):
            raise exceptions.IncorrectTypeException(
                f"The component_property of {kind}({component_id!r}, ...) must be a str, "
                f"got {component_property!r} ({type(component_property).__name__})."
            )
        self.component_id = component_id
        self.component_property = component_property

    def component_id_str(self) -> str:
        """The component id as canonical text (see `stringify_id`)."""
        return stringify_id(self.component_id)

    def __str__(self) -> str:
        return f"{self.component_id_str()}.{self.component_property}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} `{self}`>"

    def to_dict(self) -> dict[str, Any]:
        """The dependency as sent in `/_dash-dependencies`: `{"id": idstr, "property": prop}`."""
        return {"id": self.component_id_str(), "property": self.component_property}

    def __eq__(self, other: object) -> bool:
        # Equality follows the wildcard matching rules, so `Input({"i": ALL}, "v")`
        # equals `Input({"i": 1}, "v")`; the hash is only consistent for concrete ids.
        return (
            isinstance(other, DashDependency)
            and self.component_property == other.component_property
            and id_matches(self.component_id, other.component_id)
        )

    def __hash__(self) -> int:
        return hash(str(self))

    def has_wildcard(self) -> bool:
        """True when the id is a dict holding at least one wildcard value."""
        return isinstance(self.component_id, dict) and any(
            isinstance(value, Wildcard) for value in self.component_id.values()
        )

    def is_list(self) -> bool:
        """True when the dependency stands for a list of components (`ALL` / `ALLSMALLER`)."""
        return isinstance(self.component_id, dict) and any(
            value in LIST_WILDCARDS
            for value in self.component_id.values()
            if isinstance(value, Wildcard)
        )


class Output(DashDependency):
    """A component property that a callback sets.

    With `allow_duplicate=True` several callbacks may set the same property; they
    then need `prevent_initial_call`.
    """

    allowed_wildcards = (MATCH, ALL)

    def __init__(
        self, component_id: Any, component_property: str, allow_duplicate: bool = False
    ) -> None:
        super().__init__(component_id, component_property)
        self.allow_duplicate = allow_duplicate


class _OptionalDependency(DashDependency):
    """Base of Input and State, which may be marked optional."""

    def __init__(
        self, component_id: Any, component_property: str, allow_optional: bool = False
    ) -> None:
        super().__init__(component_id, component_property)
        self.allow_optional = allow_optional

    def to_dict(self) -> dict[str, Any]:
        spec = super().to_dict()
        if self.allow_optional:
            spec["allow_optional"] = True
        return spec


class Input(_OptionalDependency):
    """A component property whose changes run the callback; its value is passed in."""


class State(_OptionalDependency):
    """A component property whose value is passed to the callback without triggering it."""


def _check_id(
    kind: str, component_id: Any, component_property: Any, allowed: tuple[Wildcard, ...]
) -> None:
    where = f"{kind}({component_id!r}, {component_property!r})"
    if isinstance(component_id, str):
        if "." in component_id or "{" in component_id:
            bad = "." if "." in component_id else "{"
            raise exceptions.InvalidComponentIdError(
                f"The id {component_id!r} in {where} contains {bad!r}. String ids cannot contain "
                "periods or curly braces; rename the component, or use a dict id."
            )
        return
    if not isinstance(component_id, dict):
        raise exceptions.IncorrectTypeException(
            f"The component_id of {where} must be a str, a dict or a Component, "
            f"got {type(component_id).__name__}."
        )
    for key, value in component_id.items():
        if not isinstance(key, str):
            raise exceptions.IncorrectTypeException(
                f"The keys of dict id {component_id!r} in {kind} must be str, got {key!r} "
                f"({type(key).__name__})."
            )
        if isinstance(value, Wildcard) and value not in allowed:
            names = ", ".join(str(w) for w in allowed)
            raise exceptions.IncorrectTypeException(
                f"{value} is not allowed in the id of {where}; {kind} accepts {names}."
            )


class ClientsideFunction:
    """A JavaScript function at `window.dash_clientside[namespace][function_name]`."""

    def __init__(self, namespace: str, function_name: str) -> None:
        if namespace.startswith("_dashprivate_"):
            raise ValueError(
                f"ClientsideFunction namespace {namespace!r} is reserved: names starting with "
                "'_dashprivate_' belong to Dash. Choose another namespace."
            )
        if namespace in ("PreventUpdate", "no_update"):
            raise ValueError(
                f"ClientsideFunction namespace {namespace!r} would clash with "
                f"dash_clientside.{namespace}. Choose another namespace."
            )
        self.namespace = namespace
        self.function_name = function_name

    def to_dict(self) -> dict[str, str]:
        """`{"namespace": ..., "function_name": ...}` as in the dependency spec."""
        return {"namespace": self.namespace, "function_name": self.function_name}

    def __repr__(self) -> str:
        return f"ClientsideFunction({self.namespace}, {self.function_name})"

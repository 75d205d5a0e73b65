"""Placeholders for public names whose capability is not built yet.

Importing them always works; using them raises a clear `NotImplementedError`
that names the missing capability.
"""

from __future__ import annotations

from typing import Any, NoReturn


def _fail(name: str, capability: str) -> NoReturn:
    raise NotImplementedError(
        f"`{name}` is not available in dash-next yet ({capability} is still being built)."
    )


class Unbuilt:
    """An object standing for `name`; calling it or reading an attribute raises."""

    def __init__(self, name: str, capability: str) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_capability", capability)

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        _fail(self._name, self._capability)

    def __getattr__(self, attr: str) -> NoReturn:
        if attr.startswith("__"):
            raise AttributeError(attr)
        _fail(f"{self._name}.{attr}", self._capability)

    def __repr__(self) -> str:
        return f"<unbuilt {self._name}>"


def unbuilt_class(name: str, capability: str) -> type:
    """A class named `name` whose constructor raises `NotImplementedError`."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        _fail(name, capability)

    return type(name, (), {"__init__": __init__, "__doc__": f"Not built yet: {capability}."})

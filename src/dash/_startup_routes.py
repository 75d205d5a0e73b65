"""Startup routes: HTTP routes that component packages ask every app to serve.

A package calls `Dash.add_startup_route(name, view_func, methods)` at import
time; every app constructed afterwards serves the view at
`<routes prefix>_dash_startup_route/<name>`. The list is process-global
(`Dash.STARTUP_ROUTES` is this module's `STARTUP_ROUTES`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

__all__ = [
    "ALLOWED_METHODS",
    "STARTUP_ROUTES",
    "STARTUP_ROUTE_PREFIX",
    "StartupRoute",
    "add_startup_route",
    "startup_route_path",
]

ALLOWED_METHODS = frozenset({"GET", "POST"})
STARTUP_ROUTE_PREFIX = "_dash_startup_route/"


class StartupRoute(NamedTuple):
    """One startup route: a tuple `(name, view_func, methods)`."""

    name: str
    view_func: Callable[..., Any]
    methods: tuple[str, ...]


STARTUP_ROUTES: list[StartupRoute] = []


def startup_route_path(name: str) -> str:
    """The route of a startup route relative to the routes prefix."""
    return STARTUP_ROUTE_PREFIX + name


def _normalised_methods(name: str, methods: Sequence[str] | str) -> tuple[str, ...]:
    chosen = (methods,) if isinstance(methods, str) else tuple(methods)
    unknown = [method for method in chosen if method not in ALLOWED_METHODS]
    if unknown or not chosen:
        raise ValueError(
            f"Startup route {name!r}: methods must be a non-empty list of 'GET' and/or 'POST', "
            f"got {methods!r}."
        )
    return chosen


def add_startup_route(
    name: str,
    view_func: Callable[..., Any],
    methods: Sequence[str] | str = ("GET",),
    *,
    into: list[StartupRoute] | None = None,
) -> None:
    """Ask every app created from now on to serve `view_func` at
    `<routes prefix>_dash_startup_route/<name>`.

    Parameters:
        name: the route below `_dash_startup_route/`, e.g. "my-package/data";
            a str without a leading `/`, not used by another startup route.
        view_func: the Flask view; it should return something JSON serialisable.
        methods: "GET", "POST" or both (a single method may be given as a str).
        into: the list the route is added to; `STARTUP_ROUTES` when omitted
            (`Dash.add_startup_route` passes `Dash.STARTUP_ROUTES`, which a test
            may have replaced).

    Raises:
        ValueError: any of the rules above is broken.
    """
    if not isinstance(name, str) or name.startswith("/"):
        raise ValueError(
            f"Startup route names must be str without a leading '/', got {name!r}; "
            "write 'my-package/path', not '/my-package/path'."
        )
    if not callable(view_func):
        raise ValueError(
            f"Startup route {name!r}: view_func must be a callable view, got {view_func!r}."
        )
    chosen = _normalised_methods(name, methods)
    routes = STARTUP_ROUTES if into is None else into
    if any(route[0] == name for route in routes):
        raise ValueError(
            f"A startup route named {name!r} is already registered; choose another name."
        )
    routes.append(StartupRoute(name, view_func, chosen))

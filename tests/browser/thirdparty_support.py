"""Shared pieces of the third-party library tests (not a test module itself)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from urllib.parse import urlsplit

import pytest

from dash.development.base_component import ComponentRegistry


def registered_only_during_tests(*libraries: ModuleType) -> Callable[[], Iterator[None]]:
    """An autouse fixture keeping `libraries` registered only while the module's tests run.

    Importing a component library registers it for the whole pytest session, and every app
    serves the scripts of every registered package; other tests' pages must not load them.
    """
    names = [module.__name__ for module in libraries]
    for name in names:
        ComponentRegistry.registry.discard(name)

    @pytest.fixture(autouse=True)
    def _libraries_registered() -> Iterator[None]:
        for name in names:
            ComponentRegistry.registry.add(name)
        yield
        for name in names:
            ComponentRegistry.registry.discard(name)

    return _libraries_registered


def console_errors(dash_duo, outside_hosts: Iterable[str | None] = ()) -> list[dict]:
    """Console errors, minus failed requests to `outside_hosts` (CDN themes, icon APIs) only."""
    hosts = set(outside_hosts)
    return [
        entry
        for entry in dash_duo.get_logs()
        if not (
            "Failed to load resource" in entry["message"]
            and urlsplit(entry["message"].split(" ", 1)[0]).hostname in hosts
        )
    ]

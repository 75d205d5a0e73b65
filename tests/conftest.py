"""Shared pytest setup: keep callbacks registered with `dash.callback` from leaking between tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dash import _callback

_GLOBAL_CONTAINERS = ("GLOBAL_CALLBACK_LIST", "GLOBAL_CALLBACK_MAP", "GLOBAL_INLINE_SCRIPTS")


@pytest.fixture(autouse=True)
def _restore_global_callbacks() -> Iterator[None]:
    """Put the module-level callback registries back as they were before the test."""
    containers = [getattr(_callback, name, None) for name in _GLOBAL_CONTAINERS]
    saved = [container.copy() for container in containers if container is not None]
    yield
    for container, before in zip([c for c in containers if c is not None], saved, strict=True):
        container.clear()
        if isinstance(container, dict):
            container.update(before)
        else:
            container.extend(before)

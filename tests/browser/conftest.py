"""Browser tests: failed tests leave screenshots and console logs in tests/browser/artifacts/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dash import _callback

ARTIFACTS = Path(__file__).parent / "artifacts"

# While callbacks are pending the renderer shows this element after the app.
PENDING_CALLBACKS = "._dash-loading-callback"


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("dash_artifacts"):
        config.option.dash_artifacts = str(ARTIFACTS)


@pytest.fixture
def wait_idle(dash_duo) -> Callable[[], None]:
    """Wait until the page has no callback in flight (so call counters are final)."""

    def wait() -> None:
        dash_duo.wait_for_no_elements(PENDING_CALLBACKS)

    return wait


@pytest.fixture(autouse=True)
def _no_foreign_global_callbacks(_restore_global_callbacks: None) -> None:
    """Start each browser test with no `dash.callback` registrations from other modules.

    An app takes every global callback on its first request, so a callback some
    other test module registered at import would otherwise join this test's app.
    The top-level conftest puts them back after the test.
    """
    for name in ("GLOBAL_CALLBACK_LIST", "GLOBAL_CALLBACK_MAP", "GLOBAL_INLINE_SCRIPTS"):
        container = getattr(_callback, name, None)
        if container is not None:
            container.clear()

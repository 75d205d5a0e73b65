"""Hooks that a test suite can implement in its `conftest.py` to tune the plugin."""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["pytest_setup_options"]


@pytest.hookspec(firstresult=True)
def pytest_setup_options() -> Any:
    """Return the Selenium `ChromeOptions` the browser starts from.

    The plugin adds its own flags (headless, window size, profile folder...) to
    the options returned here, leaving alone every flag the suite already set.
    """

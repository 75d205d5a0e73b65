"""Constants shared by the testing helpers."""

from __future__ import annotations

__all__ = ["SELENIUM_GRID_DEFAULT"]

# Where `--remote` looks for a Selenium Grid hub when `--remote-url` is not given.
SELENIUM_GRID_DEFAULT = "http://localhost:4444/wd/hub"

"""dash.dash_table: the DataTable suite.

Not built yet in dash-next: importing works, using a component raises a clear
`NotImplementedError` until the DataTable capability lands.
"""

from __future__ import annotations

from typing import Any

__version__ = "4.0.0+next"
_js_dist: list[dict[str, Any]] = []
_css_dist: list[dict[str, Any]] = []


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"`dash.dash_table.{name}` is not available in dash-next yet (the DataTable suite is still being built)."
    )

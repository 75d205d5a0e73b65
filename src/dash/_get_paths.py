"""URL helpers that respect the app's path prefixes: assets and relative paths.

The `app_*` functions are pure and take the settings they need. The module-level
`get_asset_url`, `get_relative_path` and `strip_relative_path` (exported as
`dash.get_asset_url` etc.) use the config of the most recently created app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .exceptions import UnsupportedRelativePath

__all__ = [
    "app_get_asset_url",
    "app_get_relative_path",
    "app_strip_relative_path",
    "get_asset_url",
    "get_relative_path",
    "strip_relative_path",
]


def app_get_asset_url(config: Mapping[str, Any], path: str) -> str:
    """URL of `path` inside the assets folder, under `assets_external_path` if set."""
    prefix = config.get("assets_external_path") or config["requests_pathname_prefix"]
    assets_url_path = config["assets_url_path"].lstrip("/")
    return f"{prefix.rstrip('/')}/{assets_url_path}/{path}"


def app_get_relative_path(requests_pathname: str, path: str) -> str:
    """`path` (which must start with `/`) prefixed with the requests prefix."""
    if path == "":
        return requests_pathname
    if not path.startswith("/"):
        raise UnsupportedRelativePath(
            f"Paths given to get_relative_path must start with a leading `/`, got {path!r}; "
            f"use {'/' + path!r} instead."
        )
    return f"{requests_pathname.rstrip('/')}/{path.lstrip('/')}"


def app_strip_relative_path(requests_pathname: str, path: str | None) -> str | None:
    """`path` without the requests prefix and without leading or trailing `/`.

    There is no segment boundary check: with prefix `/my-app/`, `/my-apple/x`
    becomes `le/x`. None stays None.
    """
    if path is None:
        return None
    stem = requests_pathname.rstrip("/")
    if path == "" or not path.startswith(stem or "/"):
        raise UnsupportedRelativePath(
            f"Paths given to strip_relative_path must start with the requests prefix "
            f"{requests_pathname!r}, got {path!r}."
        )
    return path[len(stem) :].strip("/")


def _latest_config() -> Mapping[str, Any]:
    # Imported here: dash.dash imports this module.
    from .dash import get_app

    return get_app().config


def get_asset_url(path: str) -> str:
    """`app.get_asset_url(path)` of the most recently created app."""
    return app_get_asset_url(_latest_config(), path)


def get_relative_path(path: str) -> str:
    """`app.get_relative_path(path)` of the most recently created app."""
    return app_get_relative_path(_latest_config()["requests_pathname_prefix"], path)


def strip_relative_path(path: str | None) -> str | None:
    """`app.strip_relative_path(path)` of the most recently created app."""
    return app_strip_relative_path(_latest_config()["requests_pathname_prefix"], path)

"""The assets folder: which files the index page loads, in which order, under which URL.

`walk_assets` reads the folder once (on the first request) and classifies the
files; `asset_src` turns an asset into the URL a tag points at. Every file of the
folder, ignored or not, is still served by the assets route.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._get_paths import app_get_asset_url

__all__ = ["Asset", "AssetsScan", "asset_src", "walk_assets"]

FAVICON_NAME = "favicon.ico"


@dataclass(frozen=True)
class Asset:
    """One file of the assets folder."""

    path: str
    """Path relative to the assets folder, with `/` separators."""
    filepath: str
    """Absolute path on disk."""
    mtime: float
    """Modification time, used as a cache-busting query string."""

    @property
    def is_module(self) -> bool:
        """True for `.mjs` files, loaded with `<script type="module">`."""
        return self.path.endswith(".mjs")


@dataclass
class AssetsScan:
    """The files of the assets folder that the index page refers to."""

    scripts: list[Asset] = field(default_factory=list)
    stylesheets: list[Asset] = field(default_factory=list)
    favicon: Asset | None = None


def _relative_parts(root: str, directory: str) -> list[str]:
    relative = os.path.relpath(directory, root)
    if relative == os.curdir:
        return []
    return [part for part in re.split(r"[\\/]+", relative) if part]


def walk_assets(
    folder: str, assets_ignore: str = "", assets_path_ignore: Sequence[str] | None = None
) -> AssetsScan:
    """Classify the files under `folder` in load order.

    Directories are visited in sorted order (the root first) and files sorted by
    name within each. A directory is skipped when any pattern of
    `assets_path_ignore` matches (`re.search`) one component of its relative
    path; a file is skipped when `assets_ignore` matches its name. Names ending
    in `js` are scripts (`.mjs` too), in `css` stylesheets; the last
    `favicon.ico` found is the favicon. A missing folder gives an empty scan.
    """
    scan = AssetsScan()
    if not os.path.isdir(folder):
        return scan
    file_filter = re.compile(assets_ignore) if assets_ignore else None
    dir_filters = [re.compile(pattern) for pattern in assets_path_ignore or ()]

    for directory, _subdirs, files in sorted(os.walk(folder)):
        parts = _relative_parts(folder, directory)
        if any(pattern.search(part) for pattern in dir_filters for part in parts):
            continue
        for name in sorted(files):
            if file_filter is not None and file_filter.search(name):
                continue
            kind = _classify(name)
            if kind is None:
                continue
            filepath = os.path.join(directory, name)
            asset = Asset("/".join([*parts, name]), filepath, os.path.getmtime(filepath))
            if kind == "script":
                scan.scripts.append(asset)
            elif kind == "stylesheet":
                scan.stylesheets.append(asset)
            else:
                scan.favicon = asset
    return scan


def _classify(name: str) -> str | None:
    if name.endswith("js"):
        return "script"
    if name.endswith("css"):
        return "stylesheet"
    if name == FAVICON_NAME:
        return "favicon"
    return None


def asset_src(config: Mapping[str, Any], asset: Asset) -> str:
    """The URL a tag uses for `asset`: `get_asset_url(path)?m=<mtime>`.

    When assets come from `assets_external_path` and the app does not serve
    locally, the plain external URL is used (no cache-busting query).
    """
    url = app_get_asset_url(config, asset.path)
    if config.get("assets_external_path") and not config.get("serve_locally", True):
        return url
    return f"{url}?m={asset.mtime}"

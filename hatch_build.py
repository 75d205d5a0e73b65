"""Hatchling build hook: build the front-end bundles when they are missing or stale.

The bundles (renderer, component suites, React deps) are not committed; every
`pip install .` / `pip install -e .` produces them from `frontend/` with npm + esbuild.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).parent
FRONTEND = ROOT / "frontend"
STAMP = ROOT / "src" / "dash" / ".frontend-build-stamp"
SOURCE_SUFFIXES = {".ts", ".tsx", ".mjs", ".js", ".json", ".css"}


def _newest_source_mtime() -> float:
    newest = 0.0
    for path in FRONTEND.rglob("*"):
        parts = set(path.parts)
        if "node_modules" in parts or ".test-build" in parts:
            continue
        if path.is_file() and path.suffix in SOURCE_SUFFIXES:
            newest = max(newest, path.stat().st_mtime)
    return newest


def frontend_is_stale() -> bool:
    """True when the bundles are missing or older than any front-end source."""
    if not STAMP.exists():
        return True
    return STAMP.stat().st_mtime < _newest_source_mtime()


def build_frontend() -> None:
    """Install the npm dependencies (if needed) and run the esbuild script."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "dash-next needs Node.js and npm to build its front-end bundles "
            "(install them, e.g. `apt-get install nodejs npm`, then reinstall)."
        )
    if not (FRONTEND / "node_modules").exists():
        cmd = "ci" if (FRONTEND / "package-lock.json").exists() else "install"
        subprocess.run([npm, cmd, "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    # Dev bundles too: `dev_tools_serve_dev_bundles` serves them, and esbuild makes them in seconds.
    subprocess.run([npm, "run", "build:dev"], cwd=FRONTEND, check=True)
    STAMP.touch()


class CustomBuildHook(BuildHookInterface):
    """Runs `build_frontend` before the wheel (or editable wheel) is assembled."""

    def initialize(self, version: str, build_data: dict) -> None:
        if os.environ.get("DASH_SKIP_FRONTEND_BUILD"):
            return
        if frontend_is_stale():
            build_frontend()

"""Hot reload, server side: watch files, remember what changed, answer `_reload-hash`.

Three layers, from pure to glue:

* `scan_mtimes` / `diff_mtimes` read modification times and compare two readings;
* `ReloadState` holds what the `_reload-hash` route answers (a hash that changes
  with every change, the `hard` flag and the changed asset files) and resets
  `hard` and the files once they have been read;
* `Watcher` polls a set of roots from a daemon thread, and `HotReloader` ties a
  watcher and a state to one app (held weakly, so a forgotten app stops its
  watcher instead of living forever).

Python source changes are not handled here: the Werkzeug reloader restarts the
process, which creates a new hash at start-up.
"""

from __future__ import annotations

import os
import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dash import Dash

__all__ = [
    "FileChange",
    "HotReloader",
    "ReloadState",
    "Watcher",
    "diff_mtimes",
    "idle_answer",
    "new_reload_hash",
    "scan_mtimes",
]

DELETED = -1
"""`modified` of a file that no longer exists."""

# Directories and files that change without the user editing anything
# (bytecode caches, VCS metadata) or that editors write while saving.
_SKIPPED_DIRECTORIES = frozenset({"__pycache__", ".git", ".hg", ".svn", "node_modules"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo", "~", ".swp", ".swx", ".tmp")


@dataclass(frozen=True)
class FileChange:
    """A file that appeared, changed or disappeared between two scans."""

    path: str
    """Absolute path of the file."""
    mtime: float
    """New modification time, or `DELETED` (-1) when the file is gone."""

    @property
    def deleted(self) -> bool:
        """True when the file no longer exists."""
        return self.mtime == DELETED


def new_reload_hash() -> str:
    """A fresh random reload hash (32 hex digits)."""
    return uuid.uuid4().hex


def _is_watched_file(name: str) -> bool:
    return not name.startswith((".#", ".~")) and not name.endswith(_SKIPPED_SUFFIXES)


def _scan_directory(directory: str, mtimes: dict[str, float]) -> None:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in _SKIPPED_DIRECTORIES:
                    _scan_directory(entry.path, mtimes)
            elif _is_watched_file(entry.name):
                mtimes[entry.path] = entry.stat().st_mtime
        except OSError:
            continue  # removed while we were looking: the next scan reports it


def scan_mtimes(root: str) -> dict[str, float]:
    """`{absolute file path: mtime}` of `root` (a file, or every file below a directory).

    A missing root gives `{}`; bytecode caches, VCS folders and editor
    temporaries are left out.
    """
    root = os.path.abspath(root)
    mtimes: dict[str, float] = {}
    if os.path.isdir(root):
        _scan_directory(root, mtimes)
    else:
        try:
            mtimes[root] = os.stat(root).st_mtime
        except OSError:
            pass
    return mtimes


def diff_mtimes(before: dict[str, float], after: dict[str, float]) -> list[FileChange]:
    """The files added, modified or deleted from `before` to `after`, sorted by path."""
    changes = [
        FileChange(path, mtime) for path, mtime in after.items() if before.get(path) != mtime
    ]
    changes.extend(FileChange(path, DELETED) for path in before if path not in after)
    changes.sort(key=lambda change: change.path)
    return changes


class ReloadState:
    """What `GET _reload-hash` answers; safe to use from several threads.

    The hash is created with the state (a process start gives a new one), and
    renewed by every `record`. `answer` returns the current view and then forgets
    `hard` and the changed files, so each change is delivered once.
    """

    def __init__(self, reload_hash: str | None = None) -> None:
        self._lock = threading.Lock()
        self.reload_hash = reload_hash or new_reload_hash()
        self.hard = False
        self.files: list[dict[str, Any]] = []

    def record(self, files: Iterable[dict[str, Any]] = ()) -> None:
        """Note a change: new hash, `hard` on, and `files` added to the changed assets."""
        with self._lock:
            self.reload_hash = new_reload_hash()
            self.hard = True
            self.files.extend(files)

    def answer(self, packages: Sequence[str]) -> dict[str, Any]:
        """`{"files", "hard", "packages", "reloadHash"}`, then reset `hard` and `files`."""
        with self._lock:
            payload = {
                "files": self.files,
                "hard": self.hard,
                "packages": list(packages),
                "reloadHash": self.reload_hash,
            }
            self.files = []
            self.hard = False
        return payload


def idle_answer(packages: Sequence[str]) -> dict[str, Any]:
    """The `_reload-hash` answer of an app without hot reload: no hash, nothing changed."""
    return {"files": [], "hard": False, "packages": list(packages), "reloadHash": None}


class Watcher:
    """Polls the modification times below some roots and reports changes.

    `roots` is called before every poll, so roots can come and go (a component
    package imported later); a root seen for the first time only sets its
    baseline, it does not count as a change. `check` runs one poll in the
    calling thread; `start` runs polls every `interval` seconds in a daemon
    thread until `stop`.
    """

    def __init__(
        self,
        roots: Callable[[], Sequence[str]],
        on_change: Callable[[list[FileChange]], None],
        interval: float = 0.5,
    ) -> None:
        self._roots = roots
        self._on_change = on_change
        self.interval = interval
        self._baselines: dict[str, dict[str, float]] = {}
        self._check_lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the polling thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def check(self) -> list[FileChange]:
        """Poll once: compare every root with its last scan, report and return the changes."""
        with self._check_lock:
            changes: dict[str, FileChange] = {}
            baselines: dict[str, dict[str, float]] = {}
            for root in dict.fromkeys(os.path.abspath(root) for root in self._roots()):
                current = scan_mtimes(root)
                previous = self._baselines.get(root)
                if previous is not None:
                    for change in diff_mtimes(previous, current):
                        changes.setdefault(change.path, change)
                baselines[root] = current
            self._baselines = baselines
            found = sorted(changes.values(), key=lambda change: change.path)
        if found:
            self._on_change(found)
        return found

    def start(self) -> None:
        """Take the baseline now, then poll from a daemon thread (no-op if running)."""
        if self.running:
            return
        self._stopped.clear()
        self.check()
        self._thread = threading.Thread(target=self._run, name="dash-hot-reload", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 5.0) -> None:
        """Ask the thread to end and wait up to `timeout` seconds for it."""
        self._stopped.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            try:
                self.check()
            except Exception:  # a watcher error must never take the server down
                continue


def _package_directories(name: str) -> list[str]:
    from .resources import package_directory

    directory = package_directory(name)
    if directory is None:
        return []
    if name == "dash":
        # Dash's own component suites; the rest of the package is Python code,
        # which the Werkzeug reloader watches.
        return [os.path.join(directory, suite) for suite in ("dcc", "html", "dash_table")]
    return [directory]


def _relative_asset_path(assets_folder: str, path: str) -> str | None:
    relative = os.path.relpath(path, assets_folder)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return relative.replace(os.sep, "/")


class HotReloader:
    """Hot reload for one app: the watcher of its files and the state of `_reload-hash`.

    Watched: the assets folder, the directory of each registered component
    package and `extra_hot_reload_paths`. Any change renews the hash and sets
    `hard`; a change under the assets folder is also listed in `files` as
    `{"url", "modified", "is_css"}` and makes the app refresh its page
    resources, so new assets appear and deleted ones leave the page.
    """

    def __init__(self, app: Dash, interval: float) -> None:
        self._app = weakref.ref(app)
        self.state = ReloadState()
        self.watcher = Watcher(self._roots, self._on_change, interval)
        self._finalizer = weakref.finalize(app, self.watcher.stop, 0)

    def start(self) -> None:
        """Start watching (the current files are the baseline)."""
        self.watcher.start()

    def stop(self) -> None:
        """Stop watching; the state keeps answering."""
        self.watcher.stop()

    def answer(self, packages: Sequence[str]) -> dict[str, Any]:
        """The `_reload-hash` payload (see `ReloadState.answer`)."""
        return self.state.answer(packages)

    def _roots(self) -> list[str]:
        from .development.base_component import ComponentRegistry

        app = self._app()
        if app is None:
            return []
        roots = [app.config.assets_folder]
        for name in ComponentRegistry.registry:
            roots.extend(_package_directories(name))
        roots.extend(app.config.extra_hot_reload_paths)
        return roots

    def _on_change(self, changes: list[FileChange]) -> None:
        app = self._app()
        if app is None:
            self.watcher.stop()
            return
        assets_folder = os.path.abspath(app.config.assets_folder)
        files = []
        for change in changes:
            relative = _relative_asset_path(assets_folder, change.path)
            if relative is None:
                continue
            files.append(
                {
                    "url": app.get_asset_url(relative),
                    "modified": int(change.mtime),
                    "is_css": change.path.endswith("css"),
                }
            )
        app._refresh_after_file_changes(
            assets_changed=bool(files), packages_changed=len(files) < len(changes)
        )
        self.state.record(files)

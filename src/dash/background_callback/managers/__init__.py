"""What every background-callback manager shares: function registry, store layout, job API.

A manager runs the jobs of background callbacks somewhere else (a subprocess, a
Celery worker) and keeps their results in a store both sides can reach. Values
in the store are JSON text, so the web process, the job and other workers never
depend on each other's memory. For a result key `K` the store holds:

* `K`: the job's outcome, an envelope `{"kind": "result", "value": ...}`,
  `{"kind": "prevent_update"}` or `{"kind": "error", "msg": ..., "tb": ...}`;
* `K-progress`: the latest progress, `{"id.prop": value}`;
* `K-set_props`: the `dash.set_props` updates not yet collected by a poll,
  `{"idstr": {prop: value}}`.

Every background function is registered in every manager, whether the manager
was created before or after the callback was defined.
"""

from __future__ import annotations

import secrets
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from ..._json import loads, to_json

__all__ = [
    "BaseBackgroundCallbackManager",
    "CACHED_JOB",
    "SECRET_KEY",
    "register_background_function",
    "registered_functions",
]

# The job handle of a start answered from the cache: there is no job to watch or stop.
CACHED_JOB = "cached"
# Where a manager keeps the signing secret shared by all workers that use its store.
SECRET_KEY = "__dash_background_signing_secret__"

_FUNCTIONS: dict[str, Any] = {}
_MANAGERS: weakref.WeakSet[BaseBackgroundCallbackManager] = weakref.WeakSet()


def register_background_function(key: str, meta: Any) -> None:
    """Make the background callback `meta` runnable as `key` by every manager."""
    _FUNCTIONS[key] = meta
    for manager in list(_MANAGERS):
        manager.register(key, meta)


def registered_functions() -> dict[str, Any]:
    """The background callbacks known to this process, by function key."""
    return _FUNCTIONS


def _merge_updates(existing: dict[str, dict], updates: dict[str, dict]) -> dict[str, dict]:
    for id_text, props in updates.items():
        existing.setdefault(id_text, {}).update(props)
    return existing


class BaseBackgroundCallbackManager:
    """Runs background callbacks outside the web request and stores their results.

    Subclasses implement the store primitives (`_get`, `_set`, `_delete`,
    `_touch`) and the job primitives (`start_job`, `job_running`,
    `terminate_job`). `cache_by` is a list of zero-argument functions whose
    values join the cache key; with it, results stay in the store and a repeated
    request with the same arguments is answered without running the function
    again. `expire` is a lifetime in seconds for stored values.
    """

    def __init__(
        self,
        cache_by: Callable[[], Any] | Sequence[Callable[[], Any]] | None = None,
        expire: float | None = None,
    ) -> None:
        if cache_by is None:
            self.cache_by: list[Callable[[], Any]] = []
        elif callable(cache_by):
            self.cache_by = [cache_by]
        else:
            self.cache_by = list(cache_by)
        for function in self.cache_by:
            if not callable(function):
                raise ValueError(
                    f"cache_by must hold zero-argument functions, got {function!r}; "
                    "e.g. cache_by=[lambda: launch_uid]."
                )
        self.expire = expire
        self.functions: dict[str, Any] = {}
        for key, meta in list(_FUNCTIONS.items()):
            self.register(key, meta)
        _MANAGERS.add(self)

    # ------------------------------------------------------------ registration

    def register(self, key: str, meta: Any) -> None:
        """Make the background callback `meta` runnable under `key` by this manager."""
        self.functions[key] = meta

    # --------------------------------------------------------- store primitives

    def _get(self, key: str) -> str | None:
        raise NotImplementedError

    def _set(self, key: str, text: str) -> None:
        raise NotImplementedError

    def _delete(self, key: str) -> None:
        raise NotImplementedError

    def _touch(self, key: str) -> None:
        """Restart the lifetime (`expire`) of `key`."""
        raise NotImplementedError

    def _pop(self, key: str) -> str | None:
        text = self._get(key)
        if text is not None:
            self._delete(key)
        return text

    def _add(self, key: str, text: str) -> str:
        """Store `text` under `key` unless a value is there; return the stored value."""
        existing = self._get(key)
        if existing is not None:
            return existing
        self._set(key, text)
        return self._get(key) or text

    def shared_secret(self) -> str:
        """The handle-signing secret kept in this manager's store (created on first use)."""
        return self._add(SECRET_KEY, secrets.token_hex(32))

    # ------------------------------------------------------------ job primitives

    def start_job(self, key: str, result_key: str, values: list, context: dict) -> str:
        """Run the registered function `key` as a job writing under `result_key`; its id."""
        raise NotImplementedError

    def job_running(self, job: str) -> bool:
        """True while the job `job` (an id returned by `start_job`) may still finish."""
        raise NotImplementedError

    def terminate_job(self, job: str) -> None:
        """Stop the job `job` if it runs; unknown or finished jobs are ignored."""
        raise NotImplementedError

    # ------------------------------------------------------- reading (web side)

    def read_result(self, key: str) -> dict | None:
        """The stored outcome envelope under `key`, or None while there is none."""
        text = self._get(key)
        return None if text is None else loads(text)

    def clear_result(self, key: str) -> None:
        """Forget the outcome stored under `key`."""
        self._delete(key)

    def refresh_result(self, key: str) -> None:
        """Keep a cached outcome alive for another `expire` seconds (if `expire` is set)."""
        if self.expire:
            self._touch(key)

    def take_progress(self, key: str) -> dict | None:
        """The latest progress of the job writing `key`, removed from the store."""
        text = self._pop(f"{key}-progress")
        return None if text is None else loads(text)

    def take_updated_props(self, key: str) -> dict | None:
        """The `set_props` updates of the job writing `key` since the last call."""
        text = self._pop(f"{key}-set_props")
        return None if text is None else loads(text)

    # ------------------------------------------------------- writing (job side)

    def write_result(self, key: str, envelope: dict) -> None:
        """Store the job's outcome envelope (already JSON-safe) under `key`."""
        self._set(key, to_json(envelope))

    def write_progress(self, key: str, progress: dict) -> None:
        """Store the job's latest progress `{"id.prop": value}`."""
        self._set(f"{key}-progress", to_json(progress))

    def add_updated_props(self, key: str, updates: dict[str, dict]) -> None:
        """Merge `{"idstr": {prop: value}}` into the job's pending `set_props` updates."""
        props_key = f"{key}-set_props"
        text = self._get(props_key)
        pending = loads(text) if text is not None else {}
        self._set(props_key, to_json(_merge_updates(pending, updates)))

    def prepare_job_process(self) -> None:
        """Called first in a fresh job process: reopen whatever cannot cross a fork."""

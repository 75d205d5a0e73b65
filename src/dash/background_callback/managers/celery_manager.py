"""`CeleryManager`: background jobs as Celery tasks, results in the Celery result backend.

The web app and the workers may run on different machines: each registered
function becomes a task named `background_callback_<key>` in both (they import
the same app module), arguments travel as JSON through the broker, and results,
progress and `set_props` updates are JSON text in the result backend.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import CACHED_JOB, BaseBackgroundCallbackManager

__all__ = ["CeleryManager"]

_RUNNING_STATES = frozenset({"PENDING", "RECEIVED", "STARTED", "RETRY", "PROGRESS"})


def _import_celery() -> Any:
    try:
        import celery
    except ImportError as error:
        raise ImportError(
            "CeleryManager needs the celery package: pip install 'dash[celery]'."
        ) from error
    return celery


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


class CeleryManager(BaseBackgroundCallbackManager):
    """Run background callbacks on Celery workers.

    `celery_app` is a `celery.Celery` instance configured with a broker and a
    result backend (e.g. Redis). Workers must import the module that defines the
    callbacks so that their tasks exist there too. `cache_by` and `expire` work
    as for `DiskcacheManager`.
    """

    def __init__(
        self,
        celery_app: Any,
        cache_by: Callable[[], Any] | Sequence[Callable[[], Any]] | None = None,
        expire: float | None = None,
    ) -> None:
        celery = _import_celery()
        from celery.backends.base import DisabledBackend

        if not isinstance(celery_app, celery.Celery):
            raise ValueError(
                f"CeleryManager needs a celery.Celery instance, got {type(celery_app).__name__}."
            )
        if isinstance(celery_app.backend, DisabledBackend):
            raise ValueError(
                "CeleryManager needs a Celery app with a result backend, e.g. "
                "Celery(__name__, broker=REDIS_URL, backend=REDIS_URL)."
            )
        self.handle = celery_app
        self.tasks: dict[str, Any] = {}
        super().__init__(cache_by, expire)

    def register(self, key: str, meta: Any) -> None:
        super().register(key, meta)
        self.tasks[key] = self._make_task(key)

    def _make_task(self, key: str) -> Any:
        manager = self

        def background_job(result_key: str, values: list, context: dict) -> None:
            from .._job import run_job

            run_job(manager, manager.functions[key], result_key, values, context)

        return self.handle.task(name=f"background_callback_{key}")(background_job)

    # ------------------------------------------------------------------- store

    @property
    def _backend(self) -> Any:
        return self.handle.backend

    def _get(self, key: str) -> str | None:
        return _text(self._backend.get(key))

    def _set(self, key: str, text: str) -> None:
        self._backend.set(key, text)
        if self.expire:
            self._backend.expire(key, self.expire)

    def _delete(self, key: str) -> None:
        self._backend.delete(key)

    def _touch(self, key: str) -> None:
        self._backend.expire(key, self.expire)

    def _pop(self, key: str) -> str | None:
        client = getattr(self._backend, "client", None)
        getdel = getattr(client, "getdel", None)
        if getdel is not None:
            try:
                return _text(getdel(key))
            except Exception:  # Redis before 6.2 has no GETDEL: read, then delete
                pass
        return super()._pop(key)

    def _add(self, key: str, text: str) -> str:
        # On Redis: an atomic set-if-absent without expiry, so all workers agree forever.
        client = getattr(self._backend, "client", None)
        if client is not None and hasattr(client, "set"):
            client.set(key, text, nx=True)
            return _text(client.get(key)) or text
        return super()._add(key, text)

    # -------------------------------------------------------------------- jobs

    def start_job(self, key: str, result_key: str, values: list, context: dict) -> str:
        task = self.tasks[key]
        return str(task.apply_async(args=(result_key, values, context)).id)

    def job_running(self, job: str) -> bool:
        if job == CACHED_JOB:
            return False
        return self.handle.AsyncResult(job).state in _RUNNING_STATES

    def terminate_job(self, job: str) -> None:
        if job == CACHED_JOB:
            return
        self.handle.control.terminate(job)

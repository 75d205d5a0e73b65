"""`DiskcacheManager`: background jobs in subprocesses, results in a diskcache on disk.

Meant for one machine: every web worker and job process opens the same cache
directory. A job is a `multiprocess.Process`; its handle is the process id
plus the process start time, so a recycled pid is never mistaken for the job
(and never killed).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import Any

from . import CACHED_JOB, BaseBackgroundCallbackManager

__all__ = ["DiskcacheManager"]

_START_TIME_TOLERANCE = 0.5  # seconds; the start time read back may differ by rounding

# Processes started by this process, by pid: joined (reaped) when they end or are stopped.
_started: dict[int, Any] = {}


def _import_dependencies() -> tuple[Any, Any, Any]:
    try:
        import diskcache
        import multiprocess
        import psutil
    except ImportError as error:
        raise ImportError(
            "DiskcacheManager needs the diskcache, multiprocess and psutil packages: "
            "pip install 'dash[diskcache]'."
        ) from error
    return diskcache, multiprocess, psutil


def _parse_job(job: str) -> tuple[int, float] | None:
    pid_text, _, started_text = job.partition("@")
    try:
        pid, started = int(pid_text), float(started_text)
    except ValueError:
        return None
    return (pid, started) if pid > 1 else None


def _job_main(
    manager: DiskcacheManager, meta: Any, result_key: str, values: list, context: dict
) -> None:
    from .._job import run_job

    manager.prepare_job_process()
    run_job(manager, meta, result_key, values, context)


class DiskcacheManager(BaseBackgroundCallbackManager):
    """Run background callbacks in subprocesses and keep their results in a diskcache.

    `cache` is a `diskcache.Cache` or `diskcache.FanoutCache` (default: a new
    cache in a temporary directory). `cache_by` (functions whose values join
    the cache key) keeps results for later identical requests; `expire` is their
    lifetime in seconds.
    """

    def __init__(
        self,
        cache: Any = None,
        cache_by: Callable[[], Any] | Sequence[Callable[[], Any]] | None = None,
        expire: float | None = None,
    ) -> None:
        diskcache, _multiprocess, _psutil = _import_dependencies()
        if cache is None:
            cache = diskcache.Cache()
        elif not isinstance(cache, (diskcache.Cache, diskcache.FanoutCache)):
            raise ValueError(
                "DiskcacheManager(cache=...) must be a diskcache.Cache or diskcache.FanoutCache, "
                f"got {type(cache).__name__}."
            )
        self.handle = cache
        super().__init__(cache_by, expire)

    # ------------------------------------------------------------------- store

    def _get(self, key: str) -> str | None:
        return self.handle.get(key)

    def _set(self, key: str, text: str) -> None:
        self.handle.set(key, text, expire=self.expire)

    def _delete(self, key: str) -> None:
        self.handle.delete(key)

    def _touch(self, key: str) -> None:
        self.handle.touch(key, expire=self.expire)

    def _pop(self, key: str) -> str | None:
        return self.handle.pop(key)

    def _add(self, key: str, text: str) -> str:
        # No expiry: every worker must keep agreeing on this value.
        self.handle.add(key, text)
        return self.handle.get(key, text)

    def add_updated_props(self, key: str, updates: dict[str, dict]) -> None:
        # A transaction keeps a poll from collecting half of a merge.
        with self.handle.transact():
            super().add_updated_props(key, updates)

    def prepare_job_process(self) -> None:
        # The forked child must not share the parent's sqlite connections: reopen the cache.
        self.handle = pickle.loads(pickle.dumps(self.handle))

    # -------------------------------------------------------------------- jobs

    def start_job(self, key: str, result_key: str, values: list, context: dict) -> str:
        _diskcache, multiprocess, psutil = _import_dependencies()
        meta = self.functions[key]
        process = multiprocess.Process(
            target=_job_main, args=(self, meta, result_key, values, context)
        )
        process.start()
        _started[process.pid] = process
        try:
            started = psutil.Process(process.pid).create_time()
        except psutil.Error:
            started = 0.0  # already gone: the handle then matches no process
        return f"{process.pid}@{started:.3f}"

    def _process(self, job: str) -> Any:
        """The psutil process of `job` if it is that job's process and not yet a zombie."""
        _diskcache, _multiprocess, psutil = _import_dependencies()
        parsed = _parse_job(job) if job != CACHED_JOB else None
        if parsed is None:
            return None
        pid, started = parsed
        try:
            process = psutil.Process(pid)
            if abs(process.create_time() - started) > _START_TIME_TOLERANCE:
                return None
            if process.status() == psutil.STATUS_ZOMBIE:
                _reap(pid)
                return None
        except psutil.Error:
            _reap(pid)
            return None
        return process

    def job_running(self, job: str) -> bool:
        return self._process(job) is not None

    def terminate_job(self, job: str) -> None:
        _diskcache, _multiprocess, psutil = _import_dependencies()
        process = self._process(job)
        if process is None:
            return
        try:
            victims = [*process.children(recursive=True), process]
        except psutil.Error:
            victims = [process]
        for victim in victims:
            try:
                victim.kill()
            except psutil.Error:
                pass
        _reap(process.pid)
        psutil.wait_procs(victims, timeout=5)


def _reap(pid: int) -> None:
    """Collect the exit status of a job process this process started, if any."""
    process = _started.pop(pid, None)
    if process is not None:
        process.join(timeout=5)

"""A Redis server and a Celery worker for browser tests of `CeleryManager`.

`redis_url()` yields the URL of a Redis server: the one named by `DASH_TEST_REDIS_URL`
(`.ci/run` starts one) or, when that variable is unset, a throw-away `redis-server` on a
free loopback port. `celery_worker(...)` runs `celery worker` for an app module in its own
process, so the web app and the worker share nothing but Redis. Both stop what they
started on exit, even when a test failed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REDIS_URL_VARIABLE = "DASH_TEST_REDIS_URL"
START_DEADLINE = 30.0  # seconds to wait for Redis or the worker to answer


def wait_until(condition: Callable[[], Any], what: str, deadline: float = START_DEADLINE) -> Any:
    """Poll `condition` until it returns something truthy; fail saying `what` never happened."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def require_celery_tools() -> None:
    """Skip the calling test module unless celery, redis-py, psutil and redis-server exist."""
    for module in ("celery", "redis", "psutil"):
        pytest.importorskip(module, reason=f"the Celery browser tests need the {module} package")
    if os.environ.get(REDIS_URL_VARIABLE) is None and shutil.which("redis-server") is None:
        pytest.skip(
            "redis-server is not installed (apt-get install redis-server) and "
            f"{REDIS_URL_VARIABLE} is not set"
        )


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=0.5).ping())
    except redis.exceptions.ConnectionError:
        return False


@contextmanager
def redis_url() -> Iterator[str]:
    """The base URL (no database number) of a Redis server usable by the tests."""
    shared = os.environ.get(REDIS_URL_VARIABLE)
    if shared:
        base = shared.rstrip("/")
        wait_until(lambda: _answers(base), f"the Redis server at {base} ({REDIS_URL_VARIABLE})")
        yield base
        return
    port = _free_port()
    base = f"redis://127.0.0.1:{port}"
    command = [
        shutil.which("redis-server") or "redis-server",
        *("--port", str(port), "--bind", "127.0.0.1"),
        *("--save", "", "--appendonly", "no"),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: _answers(base), f"redis-server on port {port} to accept connections")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def flush_databases(base_url: str, *databases: int) -> None:
    """Empty the given Redis databases (left-overs of an earlier run would confuse a test)."""
    import redis

    for number in databases:
        redis.Redis.from_url(f"{base_url}/{number}").flushdb()


def module_environment(folder: Path, extra: dict[str, str]) -> dict[str, str]:
    """This process's environment plus `extra`, with `folder` first on PYTHONPATH."""
    env = dict(os.environ)
    env.update(extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    return env


def _stop(worker: subprocess.Popen) -> None:
    """Cold-stop the worker (running tasks are not awaited), then kill whatever is left."""
    import psutil

    try:
        family = psutil.Process(worker.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    if worker.poll() is None:
        worker.send_signal(signal.SIGQUIT)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)
    for child in family:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(family, timeout=10)


@contextmanager
def celery_worker(
    celery_app: Any, target: str, folder: Path, env: dict[str, str]
) -> Iterator[subprocess.Popen]:
    """Run `celery -A target worker` (prefork, one task process) from `folder`.

    `celery_app` is the same app as seen from this process; it is used to wait until
    the worker answers a ping. The worker and its task processes are stopped on exit.
    """
    command = [
        sys.executable,
        *("-m", "celery", "-A", target, "worker"),
        *("--pool=prefork", "--concurrency=1", "--loglevel=warning"),
        *("--without-gossip", "--without-mingle", "--without-heartbeat"),
    ]
    worker = subprocess.Popen(command, cwd=folder, env=module_environment(folder, env))
    try:
        wait_until(
            lambda: worker.poll() is not None or _worker_answers(celery_app),
            "the Celery worker to answer a ping",
        )
        if worker.poll() is not None:
            raise AssertionError(f"the Celery worker exited with status {worker.returncode}")
        yield worker
    finally:
        _stop(worker)


def _worker_answers(celery_app: Any) -> bool:
    """Ping the workers over a connection of its own, closed at once.

    A ping through the app's connection pool leaves a pooled channel waiting for replies; kombu
    closes pooled channels in every child this process forks later (an after-fork hook), and that
    close blocks reading the inherited socket, so a later test's forked app server never starts.
    """
    with celery_app.connection_for_write() as connection:
        return bool(celery_app.control.ping(timeout=0.5, connection=connection))


def process_gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting for its parent counts as gone)."""
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True

"""Runners that serve a Dash app for the duration of a test.

`ThreadedRunner` serves `app.server` with a werkzeug server in a daemon thread
of the test process, so callbacks run in the same interpreter as the test (a
test can count calls with a plain list). Stopping shuts the server down and
joins the thread, which frees the port for the next test.

`MultiProcessRunner` serves an app object from a forked child process, and
`ProcessRunner` imports an app module in a fresh Python subprocess served by
waitress, as in production: in both, callbacks run outside the test process.
"""

from __future__ import annotations

import errno
import importlib.util
import logging
import multiprocessing
import os
import re
import runpy
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

from . import wait
from .errors import (
    DashAppLoadingError,
    NoAppFoundError,
    ServerCloseError,
    TestingTimeoutError,
)

__all__ = [
    "BaseDashRunner",
    "MultiProcessRunner",
    "ProcessRunner",
    "ThreadedRunner",
    "import_app",
]

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050

# Options of `Dash.run` / `Flask.run` that make no sense for an in-thread test
# server (it never reloads and always uses threads); accepted and ignored so
# tests written for Dash's runner keep working.
_IGNORED_RUN_OPTIONS = frozenset(
    {
        "use_reloader",
        "use_debugger",
        "use_evalex",
        "threaded",
        "processes",
        "reloader_type",
        "reloader_interval",
        "extra_files",
        "exclude_patterns",
        "passthrough_errors",
        "proxy",
        "jupyter_mode",
        "jupyter_width",
        "jupyter_height",
        "jupyter_server_url",
        "hide_all_callbacks",
    }
)

# No proxy for loopback checks, whatever the environment says.
_DIRECT_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def import_app(app_file: str, application_name: str = "app") -> Any:
    """Run a module and return its Dash app.

    `app_file` is a dotted module name (`"examples.hello"`) or a path to a
    `.py` file. The module runs under its own name, not `__main__`, so an
    `if __name__ == "__main__": app.run()` block does not start a server.
    Raises `NoAppFoundError` when the module defines no `application_name`.
    """
    if app_file.endswith(".py"):
        namespace = vars(_exec_app_file(Path(app_file)))
    else:
        namespace = runpy.run_module(app_file)
    try:
        return namespace[application_name]
    except KeyError:
        raise NoAppFoundError(
            f"{app_file} defines no variable named {application_name!r}; pass "
            "application_name= with the name the module gives its Dash app."
        ) from None


def _exec_app_file(path: Path) -> ModuleType:
    """Execute a script as a fresh module that stays in `sys.modules`.

    Keeping the module registered lets Flask and Dash find the script's folder
    from the app's import name (for `assets/`) whenever they look it up.
    """
    name = f"_dash_test_app_{re.sub(r'[^0-9A-Za-z_]', '_', path.stem)}"
    spec = importlib.util.spec_from_file_location(name, path.resolve())
    if spec is None or spec.loader is None:
        raise NoAppFoundError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class BaseDashRunner:
    """Starts an app, knows its URL, and stops it when the `with` block ends."""

    def __init__(self, keep_open: bool = False, stop_timeout: float = 3) -> None:
        self.keep_open = keep_open
        self.stop_timeout = stop_timeout
        self.host = DEFAULT_HOST
        self.port = DEFAULT_PORT
        self.started = False

    def start(self, *args: Any, **kwargs: Any) -> None:
        """Serve the app; subclasses implement it."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop serving; subclasses implement it."""
        raise NotImplementedError

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        """Shortcut for `start`."""
        return self.start(*args, **kwargs)

    def __enter__(self) -> BaseDashRunner:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.started and not self.keep_open:
            self.stop()

    @property
    def url(self) -> str:
        """Base URL of the running app, e.g. `http://127.0.0.1:8050`."""
        return f"http://{self.host}:{self.port}"

    @staticmethod
    def accessible(url: str) -> bool:
        """True when something answers HTTP at `url` (any status counts)."""
        try:
            with _DIRECT_OPENER.open(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True
        except (urllib.error.URLError, OSError):
            return False


def _port_is_free(host: str, port: int) -> bool:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return False
        raise DashAppLoadingError(f"Cannot serve the app on {host}:{port}: {error}") from None
    finally:
        probe.close()
    return True


def _ensure_port_free(host: str, port: int, timeout: float = 2) -> None:
    """Wait briefly for the port, then raise a clear error (werkzeug would print and exit)."""
    try:
        wait.until(lambda: _port_is_free(host, port), timeout, poll=0.2)
    except TestingTimeoutError:
        raise DashAppLoadingError(
            f"Cannot serve the app on {host}:{port}: the port is already in use "
            "(another Dash app or test server is running there). Stop it, or "
            "pass port=<free port> to start_server."
        ) from None


def _apply_dev_tools(app: Any, options: dict[str, Any]) -> None:
    """Turn `debug` / `dev_tools_*` run options into `app.enable_dev_tools`."""
    debug = options.pop("debug", None)
    dev_tools = {key: options.pop(key) for key in list(options) if key.startswith("dev_tools_")}
    if debug is None and not dev_tools:
        return
    enable = getattr(app, "enable_dev_tools", None)
    if enable is None:
        raise TypeError(
            f"start_server got debug/dev_tools options ({', '.join(['debug', *dev_tools])}) "
            f"but {type(app).__name__} has no enable_dev_tools; pass a Dash app."
        )
    enable(debug=debug, **dev_tools)


class ThreadedRunner(BaseDashRunner):
    """Serves an app with werkzeug in a daemon thread of the test process."""

    def __init__(self, keep_open: bool = False, stop_timeout: float = 3) -> None:
        super().__init__(keep_open=keep_open, stop_timeout=stop_timeout)
        self.thread: threading.Thread | None = None
        self._server: Any = None

    def start(self, app: Any, start_timeout: float = 3, **kwargs: Any) -> None:
        """Serve `app` (a Dash app, or any WSGI app) and wait until it answers.

        Keyword arguments follow `Dash.run`: `host` (default 127.0.0.1),
        `port` (default 8050), `debug` and `dev_tools_*` (passed to
        `app.enable_dev_tools`). Reloader/debugger options are ignored.
        """
        from werkzeug.serving import make_server

        if self.started:
            self.stop()
        options = dict(kwargs)
        self.host = str(options.pop("host", DEFAULT_HOST))
        self.port = int(options.pop("port", DEFAULT_PORT))
        _apply_dev_tools(app, options)
        unknown = sorted(set(options) - _IGNORED_RUN_OPTIONS)
        if unknown:
            raise TypeError(f"start_server got unexpected option(s): {', '.join(unknown)}")

        _ensure_port_free(self.host, self.port)
        wsgi_app = getattr(app, "server", app)
        try:
            self._server = make_server(self.host, self.port, wsgi_app, threaded=True)
        except SystemExit:  # werkzeug exits when the port was taken since our check
            raise DashAppLoadingError(
                f"Cannot serve the app on {self.host}:{self.port}: the port was taken."
            ) from None
        self.thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"dash-test-server-{self.port}",
            daemon=True,
        )
        self.thread.start()
        self.started = True
        try:
            wait.until(
                lambda: self.accessible(self.url),
                timeout=start_timeout,
                msg=f"the app server at {self.url} did not answer within {start_timeout}s",
            )
        except Exception as error:
            self.stop()
            raise DashAppLoadingError(str(error)) from error
        logger.info("test server running on %s", self.url)

    def stop(self) -> None:
        """Shut the server down, join its thread and release the port."""
        if not self.started:
            return
        self.started = False
        server, thread = self._server, self.thread
        self._server = self.thread = None
        server.shutdown()
        if thread is not None:
            thread.join(self.stop_timeout)
        server.server_close()
        if thread is not None and thread.is_alive():
            raise ServerCloseError(
                f"the test server thread on port {self.port} did not stop within "
                f"{self.stop_timeout}s"
            )


def _serve_in_child(app: Any, host: str, port: int, options: dict[str, Any]) -> None:
    """Body of `MultiProcessRunner`'s child process: serve `app` until terminated."""
    from werkzeug.serving import make_server

    _apply_dev_tools(app, options)
    server = make_server(host, port, getattr(app, "server", app), threaded=True)
    server.serve_forever()


def _wait_until_served(runner: BaseDashRunner, start_timeout: float, why_not: Any) -> None:
    """Poll the runner's URL; on timeout stop it and raise with `why_not()`'s explanation."""
    try:
        wait.until(lambda: runner.accessible(runner.url) or why_not(), timeout=start_timeout)
    except TestingTimeoutError:
        runner.stop()
        raise DashAppLoadingError(
            f"the app server at {runner.url} did not answer within {start_timeout}s; "
            "pass a larger start_timeout= if the app is slow to import."
        ) from None
    reason = why_not()
    if reason:
        runner.stop()
        raise DashAppLoadingError(reason)


class MultiProcessRunner(BaseDashRunner):
    """Serves an app object from a forked child process (the `dash_multi_process_server` fixture).

    The child shares nothing with the test after the fork: callbacks run
    there, so state the test changes later is not seen by the app.
    """

    def __init__(self, keep_open: bool = False, stop_timeout: float = 3) -> None:
        super().__init__(keep_open=keep_open, stop_timeout=stop_timeout)
        self.proc: Any = None

    def start(self, app: Any, start_timeout: float = 3, **kwargs: Any) -> None:
        """Serve `app` from a child process and wait until it answers.

        Keyword arguments follow `Dash.run` as for `ThreadedRunner` (`host`,
        `port`, `debug`, `dev_tools_*`).
        """
        if self.started:
            self.stop()
        options = dict(kwargs)
        self.host = str(options.pop("host", DEFAULT_HOST))
        self.port = int(options.pop("port", DEFAULT_PORT))
        unknown = sorted(
            key
            for key in set(options) - _IGNORED_RUN_OPTIONS
            if key != "debug" and not key.startswith("dev_tools_")
        )
        if unknown:
            raise TypeError(f"start_server got unexpected option(s): {', '.join(unknown)}")
        for key in _IGNORED_RUN_OPTIONS & set(options):
            options.pop(key)
        _ensure_port_free(self.host, self.port)
        # Fork, so the app object need not be picklable (Linux and macOS).
        context = multiprocessing.get_context("fork")
        self.proc = context.Process(
            target=_serve_in_child,
            args=(app, self.host, self.port, options),
            name=f"dash-test-server-{self.port}",
            daemon=True,
        )
        self.proc.start()
        self.started = True
        _wait_until_served(self, start_timeout, self._exit_reason)
        logger.info("test server process %s running on %s", self.proc.pid, self.url)

    def _exit_reason(self) -> str:
        if self.proc is not None and not self.proc.is_alive():
            return (
                f"the app server process exited with code {self.proc.exitcode} before "
                f"answering on {self.url} (see the captured stderr for its traceback)"
            )
        return ""

    def stop(self) -> None:
        """Terminate the child process and wait for it, freeing the port."""
        if not self.started:
            return
        self.started = False
        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.terminate()
        proc.join(self.stop_timeout)
        if proc.is_alive():
            proc.kill()
            proc.join(self.stop_timeout)
            raise ServerCloseError(
                f"the app server process {proc.pid} on port {self.port} ignored SIGTERM "
                f"for {self.stop_timeout}s and was killed"
            )


class ProcessRunner(BaseDashRunner):
    """Imports an app module in a new Python process and serves it with waitress.

    The `dash_process_server` fixture: ``dash_process_server("my_app")`` (a
    dotted module name importable from the working directory, or a path to a
    ``.py`` file), or ``dash_process_server(raw_command="...")`` to run any
    command that serves on `port`. The subprocess's output is kept and
    reported if it fails to start.
    """

    def __init__(self, keep_open: bool = False, stop_timeout: float = 3) -> None:
        super().__init__(keep_open=keep_open, stop_timeout=stop_timeout)
        self.proc: subprocess.Popen[bytes] | None = None
        self._output: Any = None

    def start(
        self,
        app_module: str | os.PathLike[str] | None = None,
        application_name: str = "app",
        raw_command: str | None = None,
        port: int = DEFAULT_PORT,
        start_timeout: float = 10,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        """Start the server process and wait (up to `start_timeout` s) until it answers.

        `application_name` is the module's variable holding the Dash app (its
        `.server` is served). `cwd` is the subprocess's working directory
        (default: the test's).
        """
        if app_module is None and raw_command is None:
            raise TypeError(
                "dash_process_server needs the app's module (e.g. 'my_app' or "
                "'path/to/app.py') or raw_command="
            )
        if self.started:
            self.stop()
        self.port = int(port)
        _ensure_port_free(self.host, self.port)
        if raw_command is not None:
            command = shlex.split(raw_command)
        else:
            command = [
                sys.executable,
                "-m",
                "dash.testing._serve_app",
                os.fspath(app_module),
                application_name,
                self.host,
                str(self.port),
            ]
        logger.debug("starting the app server process: %s", command)
        self._output = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            command, stdout=self._output, stderr=subprocess.STDOUT, cwd=cwd
        )
        self.started = True
        _wait_until_served(self, start_timeout, self._exit_reason)
        logger.info("test server process %s running on %s", self.proc.pid, self.url)

    def output(self) -> str:
        """What the server process has printed so far (stdout and stderr)."""
        if self._output is None:
            return ""
        self._output.seek(0)
        return self._output.read().decode("utf-8", "replace")

    def _exit_reason(self) -> str:
        if self.proc is not None and self.proc.poll() is not None:
            return (
                f"the app server process exited with code {self.proc.returncode} before "
                f"answering on {self.url}. Its output:\n{self.output()}"
            )
        return ""

    def stop(self) -> None:
        """Stop the server process and wait for it, freeing the port."""
        if not self.started:
            return
        self.started = False
        proc, self.proc = self.proc, None
        try:
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(self.stop_timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(self.stop_timeout)
                    raise ServerCloseError(
                        f"the app server process {proc.pid} on port {self.port} ignored "
                        f"SIGTERM for {self.stop_timeout}s and was killed"
                    ) from None
        finally:
            if self._output is not None:
                self._output.close()
                self._output = None

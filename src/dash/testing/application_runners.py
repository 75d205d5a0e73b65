"""Runners that serve a Dash app for the duration of a test.

`ThreadedRunner` serves `app.server` with a werkzeug server in a daemon thread
of the test process, so callbacks run in the same interpreter as the test (a
test can count calls with a plain list). Stopping shuts the server down and
joins the thread, which frees the port for the next test.
"""

from __future__ import annotations

import errno
import importlib.util
import logging
import re
import runpy
import socket
import sys
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

__all__ = ["BaseDashRunner", "ThreadedRunner", "import_app"]

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

"""Running a Dash app from a Jupyter kernel (`dash.jupyter_dash`).

Inside a notebook, `app.run()` must not block the kernel: the app is served by a
Werkzeug server in a daemon thread, and the cell then shows the app according
to a display mode (an inline frame, a printed URL, a new browser tab, a
JupyterLab tab, or nothing). IPython and ipykernel are optional: without them
`jupyter_dash.active` is False and `app.run()` behaves as in a script.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import queue
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import _routes

if TYPE_CHECKING:
    from .dash import Dash

__all__ = ["JupyterDash", "jupyter_dash"]

DISPLAY_MODES = ("inline", "external", "jupyterlab", "tab", "_none")
COLAB_DISPLAY_MODES = ("inline", "external")
_COMM_TARGET = "dash"
_ALIVE_ANSWER = "Alive"
_POLL_ATTEMPTS = 40
_POLL_WAIT_MAX = 0.5
_REBIND_PATIENCE = 5.0


def _ipython_shell() -> Any:
    """The running IPython shell, or None (also when IPython is not installed)."""
    if "IPython" not in sys.modules:
        return None  # a shell imports IPython first: plain scripts skip the import
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _kernel_modules_importable() -> bool:
    try:
        import ipykernel  # noqa: F401
        import IPython  # noqa: F401
    except ImportError:
        return False
    return True


def _display(obj: Any) -> None:
    from IPython.display import display

    display(obj)


def _local_host(host: str) -> str:
    """The address to reach a server bound to `host` from this machine."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    if ":" in host and not host.startswith("["):
        return f"[{host}]"
    return host


def _listen(host: str, port: int, patience: float) -> socket.socket:
    """A socket listening on `host:port`, retrying for `patience` seconds while the
    address is still held (a server of ours that was just stopped may need a moment)."""
    from werkzeug.serving import get_sockaddr, select_address_family

    family = select_address_family(host, port)
    deadline = time.monotonic() + patience
    while True:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind(get_sockaddr(host, port, family))
            listener.listen(128)
            return listener
        except OSError as error:
            listener.close()
            if error.errno != errno.EADDRINUSE or time.monotonic() >= deadline:
                raise OSError(
                    error.errno,
                    f"Cannot serve the Dash app at http://{host}:{port}: {error.strerror}. "
                    "If another program uses the port, pass another one to app.run(port=...).",
                ) from error
        time.sleep(0.05)


def _set_requests_prefix(app: Dash, prefix: str) -> None:
    """Point the page's URLs at `prefix` (the routes themselves stay where they are).

    Normally a read-only setting; a notebook behind a proxy needs it changed late.
    """
    dict.__setitem__(app.config, "requests_pathname_prefix", prefix)
    app._suites.requests_pathname_prefix = prefix
    app._page_pieces = None


def _alive_view() -> str:
    return _ALIVE_ANSWER


class JupyterDash:
    """Runs Dash apps from a Jupyter kernel and shows them in the notebook.

    `default_mode` is the display mode used when `app.run()` gets no
    `jupyter_mode`; `width` and `height` are the default inline frame size.
    """

    def __init__(self) -> None:
        self.default_mode: str = "inline"
        self.width: str = "100%"
        self.height: int = 650
        self.alive_token: str = uuid.uuid4().hex
        self._servers: dict[tuple[str, int], Any] = {}
        self._proxy_config: dict[str, str] = {}
        self._comm: Any = None

    # ------------------------------------------------------------ environment

    @property
    def in_ipython(self) -> bool:
        """True inside a running IPython shell (terminal or kernel)."""
        return _ipython_shell() is not None

    @property
    def in_kernel(self) -> bool:
        """True when the code runs inside a Jupyter kernel (ipykernel)."""
        shell = _ipython_shell()
        return shell is not None and getattr(shell, "kernel", None) is not None

    @property
    def in_colab(self) -> bool:
        """True inside Google Colab."""
        return "google.colab" in sys.modules

    @property
    def in_databricks(self) -> bool:
        """True inside a Databricks runtime, where apps are not served from the kernel."""
        return "DATABRICKS_RUNTIME_VERSION" in os.environ

    @property
    def active(self) -> bool:
        """Whether `app.run()` serves in the background and shows the app in the notebook."""
        if self.in_databricks or not (self.in_kernel or self.in_colab):
            return False
        return _kernel_modules_importable()

    # ------------------------------------------------------------ proxy config

    def infer_jupyter_proxy_config(self) -> None:
        """Work out how the notebook's browser reaches servers started by the kernel.

        On JupyterHub (env `JUPYTERHUB_SERVICE_PREFIX`) apps are reached through
        jupyter-server-proxy at `<prefix>proxy/<port>/`. A JupyterLab extension
        listening on the "dash" comm may also answer with `server_url` and
        `base_subpath`; its answer arrives asynchronously, so call this in a cell
        before the one that runs the app. Outside a kernel, or in Colab, this
        does nothing.
        """
        if not self.active or self.in_colab:
            return
        hub_prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX")
        if hub_prefix:
            self._proxy_config.setdefault("base_subpath", hub_prefix)
        comm = self._get_comm()
        if comm is not None:
            comm.send({"type": "base_url_request"})

    def _receive_comm_message(self, message: dict) -> None:
        data = (message.get("content") or {}).get("data") or {}
        if data.get("type") == "base_url_response":
            self._proxy_config.update(
                {key: value for key, value in data.items() if key != "type" and value is not None}
            )

    def _get_comm(self) -> Any:
        """The comm to the JupyterLab extension, opened on first use (None outside a kernel)."""
        if self._comm is None and self.in_kernel:
            try:
                from comm import create_comm

                self._comm = create_comm(target_name=_COMM_TARGET)
                self._comm.on_msg(self._receive_comm_message)
            except Exception:  # noqa: BLE001 - no comm support: the extension is unreachable
                self._comm = None
        return self._comm

    # ------------------------------------------------------------ running

    def run_app(
        self,
        app: Dash,
        mode: str | None = None,
        width: str | None = None,
        height: int | None = None,
        host: str = "127.0.0.1",
        port: int = 8050,
        server_url: str | None = None,
    ) -> None:
        """Serve `app` from a background thread of the kernel and show it per `mode`.

        A server already started here on the same host and port is stopped
        first, so re-running a cell replaces the app. Raises `ValueError` for an
        unknown mode and `OSError` when the port is taken by another program.
        """
        mode = self._check_mode(mode)
        width = self.width if width is None else width
        height = self.height if height is None else height
        port = int(port)
        rebinding = self._stop_server(host, port)
        prefix = self._requests_prefix(app, port)
        _set_requests_prefix(app, prefix)
        dashboard_url = self._server_url(host, port, server_url) + prefix

        alive_url = self._ensure_alive_route(app, host, port)
        errors = self._start_server(app, host, port, rebinding=rebinding)
        self._wait_until_alive(alive_url, errors)
        if self.in_colab:
            self._show_in_colab(mode, port, dashboard_url, width, height)
        else:
            self._show(mode, port, dashboard_url, width, height)

    def _check_mode(self, mode: str | None) -> str:
        allowed = COLAB_DISPLAY_MODES if self.in_colab else DISPLAY_MODES
        chosen = self.default_mode if mode is None else mode
        if not isinstance(chosen, str) or chosen.lower() not in allowed:
            where = " in Google Colab" if self.in_colab else ""
            raise ValueError(
                f"Invalid jupyter_mode {chosen!r}{where}: use one of {', '.join(allowed)}."
            )
        return chosen.lower()

    def _requests_prefix(self, app: Dash, port: int) -> str:
        base_subpath = self._proxy_config.get("base_subpath")
        if base_subpath:
            return f"{base_subpath.rstrip('/')}/proxy/{port}/"
        prefix = app.config.requests_pathname_prefix or "/"
        return prefix.replace("{port}", str(port))

    def _server_url(self, host: str, port: int, server_url: str | None) -> str:
        if server_url is not None:
            return server_url.rstrip("/")
        if "server_url" in self._proxy_config:
            return self._proxy_config["server_url"].rstrip("/")
        if "base_subpath" in self._proxy_config:
            return ""  # same origin as the notebook: a path is enough
        return f"http://{_local_host(host)}:{port}"

    def _ensure_alive_route(self, app: Dash, host: str, port: int) -> str:
        """Register `_alive_<token>` (once) and return the local URL to poll."""
        assert app.server is not None
        name = f"_alive_{self.alive_token}"
        rule = f"{app.config.routes_pathname_prefix}{name}"
        if rule not in app.server.view_functions:
            try:
                _routes.add_route(app, name, _alive_view)
            except AssertionError:
                # The server already answered requests: Flask refuses new routes,
                # so wait for the index page instead.
                rule = app.config.routes_pathname_prefix
        return f"http://{_local_host(host)}:{port}{rule}"

    def _start_server(self, app: Dash, host: str, port: int, *, rebinding: bool) -> queue.Queue:
        """Bind `host:port` and serve `app` in a daemon thread; errors go to the queue."""
        from werkzeug.serving import make_server

        listener = _listen(host, port, patience=_REBIND_PATIENCE if rebinding else 0.0)
        try:
            server = make_server(host, port, app.server, threaded=True, fd=listener.fileno())
        finally:
            listener.close()  # the server holds its own duplicate of the socket
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        errors: queue.Queue = queue.Queue()

        def serve() -> None:
            try:
                server.serve_forever(poll_interval=0.1)
            except Exception as error:  # noqa: BLE001 - reported to the waiting cell
                errors.put(error)

        thread = threading.Thread(target=serve, name=f"dash-jupyter-{port}", daemon=True)
        thread.start()
        self._servers[(host, port)] = server
        return errors

    def _wait_until_alive(self, url: str, errors: queue.Queue) -> None:
        """Poll `url` until the server answers, raising what the server thread hit."""
        wait, last_problem = 0.01, "no answer"
        for _ in range(_POLL_ATTEMPTS):
            if not errors.empty():
                raise errors.get()
            try:
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
                    last_problem = f"status {response.status}"
            except (urllib.error.URLError, OSError) as error:
                last_problem = str(error)
            time.sleep(wait)
            wait = min(wait * 2, _POLL_WAIT_MAX)
        raise OSError(f"The Dash app did not start: {url} gave {last_problem}.")

    def _stop_server(self, host: str, port: int) -> bool:
        """Stop the server started here on `host:port`; False when there was none."""
        server = self._servers.pop((host, port), None)
        if server is None:
            return False
        server.shutdown()
        server.server_close()
        return True

    def _stop_all_servers(self) -> None:
        for host, port in list(self._servers):
            self._stop_server(host, port)

    # ------------------------------------------------------------ display

    def _show(self, mode: str, port: int, url: str, width: str, height: int) -> None:
        show: dict[str, Callable[[], None]] = {
            "inline": lambda: self._show_inline(url, width, height),
            "external": lambda: print(f"Dash app running on {url}"),
            "tab": lambda: self._show_tab(url),
            "jupyterlab": lambda: self._show_in_jupyterlab(port, url),
            "_none": lambda: None,
        }
        show[mode]()

    @staticmethod
    def _show_inline(url: str, width: str, height: int) -> None:
        from IPython.display import IFrame

        _display(IFrame(url, width=width, height=height))

    @staticmethod
    def _show_tab(url: str) -> None:
        from IPython.display import Javascript

        _display(Javascript(f"window.open({json.dumps(url)})"))

    def _show_in_jupyterlab(self, port: int, url: str) -> None:
        comm = self._get_comm()
        if comm is None:
            print(f"Dash app running on {url} (no JupyterLab connection to open a tab)")
            return
        comm.send({"type": "show", "port": port, "url": url})

    @staticmethod
    def _show_in_colab(mode: str, port: int, url: str, width: str, height: int) -> None:
        from google.colab import output  # type: ignore[import-not-found]

        path = urllib.parse.urlsplit(url).path or "/"
        if mode == "inline":
            output.serve_kernel_port_as_iframe(port, path=path, width=width, height=height)
        else:
            output.serve_kernel_port_as_window(port, path=path, anchor_text=url)


jupyter_dash = JupyterDash()

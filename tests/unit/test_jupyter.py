"""`dash.jupyter_dash` and `app.run(jupyter_mode=...)`: apps served from a kernel thread."""

from __future__ import annotations

import re
import socket
import sys
import types
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import dash
from dash import _jupyter, html
from dash._jupyter import JupyterDash, jupyter_dash
from dash.dash import Dash

pytest.importorskip("IPython")
pytest.importorskip("ipykernel")

from IPython.display import IFrame, Javascript  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class FakeComm:
    """Stands for the "dash" comm to the JupyterLab extension."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.handler: Callable[[dict], None] | None = None

    def send(self, data: dict) -> None:
        self.sent.append(data)

    def on_msg(self, handler: Callable[[dict], None]) -> None:
        self.handler = handler


@pytest.fixture
def kernel(monkeypatch: pytest.MonkeyPatch) -> Iterator[JupyterDash]:
    """Pretend the code runs in a Jupyter kernel; stop every server started by the test."""
    fake_shell = types.SimpleNamespace(kernel=object())
    monkeypatch.setattr(_jupyter, "_ipython_shell", lambda: fake_shell)
    monkeypatch.delenv("DATABRICKS_RUNTIME_VERSION", raising=False)
    monkeypatch.delenv("JUPYTERHUB_SERVICE_PREFIX", raising=False)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    saved_mode = jupyter_dash.default_mode
    jupyter_dash._proxy_config.clear()
    jupyter_dash._comm = None
    yield jupyter_dash
    jupyter_dash._stop_all_servers()
    jupyter_dash._proxy_config.clear()
    jupyter_dash._comm = None
    jupyter_dash.default_mode = saved_mode


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Objects handed to `IPython.display.display`."""
    captured: list[Any] = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **_: captured.append(obj))
    return captured


@pytest.fixture
def app(make_app: Callable[..., Dash]) -> Dash:
    return make_app(html.Div("hello from the kernel", id="greeting"))


# ------------------------------------------------------------------ environment


def test_public_object_is_exported() -> None:
    assert dash.jupyter_dash is jupyter_dash
    assert jupyter_dash.default_mode == "inline"
    assert (jupyter_dash.width, jupyter_dash.height) == ("100%", 650)


def test_inactive_outside_a_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_jupyter, "_ipython_shell", lambda: None)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert jupyter_dash.active is False


def test_terminal_ipython_without_kernel_is_inactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_jupyter, "_ipython_shell", lambda: types.SimpleNamespace(kernel=None))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert jupyter_dash.in_ipython is True
    assert jupyter_dash.active is False


def test_active_inside_a_kernel(kernel: JupyterDash) -> None:
    assert kernel.active is True


def test_inactive_on_databricks(kernel: JupyterDash, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABRICKS_RUNTIME_VERSION", "14.3")
    assert kernel.active is False


def test_inactive_without_ipykernel(kernel: JupyterDash, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ipykernel", None)  # makes the import fail
    assert kernel.active is False


def test_run_outside_a_notebook_uses_flask_run(app: Dash, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_jupyter, "_ipython_shell", lambda: None)
    calls: list[dict] = []
    monkeypatch.setattr(app.server, "run", lambda **kwargs: calls.append(kwargs))
    app.run(jupyter_mode="inline", port=8123)
    assert calls == [{"host": "127.0.0.1", "port": 8123, "debug": False}]
    assert jupyter_dash._servers == {}


# ------------------------------------------------------------------ serving and display


def test_inline_serves_in_background_and_shows_an_iframe(
    kernel: JupyterDash, shown: list[Any], app: Dash
) -> None:
    port = _free_port()
    app.run(jupyter_mode="inline", port=port, jupyter_width="80%", jupyter_height=420)

    assert len(shown) == 1
    frame = shown[0]
    assert isinstance(frame, IFrame)
    assert frame.src == f"http://127.0.0.1:{port}/"
    assert (frame.width, frame.height) == ("80%", 420)

    assert _get(f"http://127.0.0.1:{port}/_alive_{kernel.alive_token}") == (200, "Alive")
    status, page = _get(frame.src)
    assert status == 200 and 'id="react-entry-point"' in page
    status, layout = _get(f"http://127.0.0.1:{port}/_dash-layout")
    assert status == 200 and "hello from the kernel" in layout


def test_default_mode_is_used_when_none_given(
    kernel: JupyterDash, shown: list[Any], app: Dash, capsys: pytest.CaptureFixture[str]
) -> None:
    kernel.default_mode = "external"
    port = _free_port()
    app.run(port=port)
    assert shown == []
    assert f"http://127.0.0.1:{port}/" in capsys.readouterr().out


def test_external_prints_the_url(
    kernel: JupyterDash, shown: list[Any], app: Dash, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _free_port()
    kernel.run_app(app, "external", port=port)
    assert shown == []
    assert capsys.readouterr().out.strip() == f"Dash app running on http://127.0.0.1:{port}/"
    assert _get(f"http://127.0.0.1:{port}/")[0] == 200


def test_tab_opens_the_url_from_javascript(
    kernel: JupyterDash, shown: list[Any], app: Dash
) -> None:
    port = _free_port()
    kernel.run_app(app, "tab", port=port)
    assert len(shown) == 1 and isinstance(shown[0], Javascript)
    assert shown[0].data == f'window.open("http://127.0.0.1:{port}/")'


def test_jupyterlab_sends_a_show_message(kernel: JupyterDash, shown: list[Any], app: Dash) -> None:
    comm = FakeComm()
    kernel._comm = comm
    port = _free_port()
    kernel.run_app(app, "jupyterlab", port=port)
    assert shown == []
    assert comm.sent == [{"type": "show", "port": port, "url": f"http://127.0.0.1:{port}/"}]


def test_jupyterlab_without_comm_prints_the_url(
    kernel: JupyterDash,
    app: Dash,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(kernel, "_get_comm", lambda: None)
    port = _free_port()
    kernel.run_app(app, "jupyterlab", port=port)
    assert f"http://127.0.0.1:{port}/" in capsys.readouterr().out


def test_none_mode_serves_without_showing(
    kernel: JupyterDash, shown: list[Any], app: Dash, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _free_port()
    kernel.run_app(app, "_none", port=port)
    assert shown == [] and capsys.readouterr().out == ""
    assert _get(f"http://127.0.0.1:{port}/_dash-layout")[0] == 200


def test_mode_is_case_insensitive(kernel: JupyterDash, shown: list[Any], app: Dash) -> None:
    kernel.run_app(app, "INLINE", port=_free_port())
    assert isinstance(shown[0], IFrame)


def test_unknown_mode_is_refused(kernel: JupyterDash, app: Dash) -> None:
    with pytest.raises(ValueError, match="Invalid jupyter_mode 'popup'.*inline, external"):
        kernel.run_app(app, "popup", port=_free_port())
    assert kernel._servers == {}


def test_rerun_on_the_same_port_replaces_the_previous_app(
    kernel: JupyterDash, shown: list[Any], make_app: Callable[..., Dash]
) -> None:
    port = _free_port()
    first = make_app(html.Div("first app"))
    second = make_app(html.Div("second app"))
    first.run(jupyter_mode="_none", port=port)
    assert "first app" in _get(f"http://127.0.0.1:{port}/_dash-layout")[1]
    first.run(jupyter_mode="_none", port=port)  # the same app again: same port is fine
    second.run(jupyter_mode="_none", port=port)
    assert "second app" in _get(f"http://127.0.0.1:{port}/_dash-layout")[1]
    assert len(kernel._servers) == 1


def test_port_taken_by_another_program_is_reported(kernel: JupyterDash, app: Dash) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(OSError, match=rf"127\.0\.0\.1:{port}.*app\.run\(port=\.\.\.\)"):
            kernel.run_app(app, "_none", port=port)


def test_app_that_already_served_requests_can_still_run(
    kernel: JupyterDash, shown: list[Any], app: Dash
) -> None:
    assert app.server.test_client().get("/").status_code == 200  # Flask now refuses new routes
    port = _free_port()
    kernel.run_app(app, "inline", port=port)
    assert _get(shown[0].src)[0] == 200


def test_custom_server_url_is_shown(kernel: JupyterDash, shown: list[Any], app: Dash) -> None:
    port = _free_port()
    app.run(jupyter_mode="inline", port=port, jupyter_server_url="https://hub.example.com/")
    assert shown[0].src == "https://hub.example.com/"


# ------------------------------------------------------------------ proxy configuration


def test_jupyterhub_prefix_routes_the_frame_through_the_proxy(
    kernel: JupyterDash, shown: list[Any], app: Dash, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/ada/")
    kernel._comm = FakeComm()
    kernel.infer_jupyter_proxy_config()
    port = _free_port()
    kernel.run_app(app, "inline", port=port)

    prefix = f"/user/ada/proxy/{port}/"
    assert shown[0].src == prefix
    assert app.config.requests_pathname_prefix == prefix
    status, page = _get(f"http://127.0.0.1:{port}/")  # routes stay at the server's root
    assert status == 200
    assert f'src="{prefix}_dash-component-suites/dash/dash-renderer/' in page


def test_infer_asks_the_lab_extension_and_uses_its_answer(
    kernel: JupyterDash, shown: list[Any], app: Dash
) -> None:
    comm = FakeComm()
    kernel._comm = comm
    kernel.infer_jupyter_proxy_config()
    assert comm.sent == [{"type": "base_url_request"}]

    kernel._receive_comm_message(
        {
            "content": {
                "data": {
                    "type": "base_url_response",
                    "server_url": "https://lab.example.com/",
                    "base_subpath": "/user/bob/",
                    "frontend": "jupyterlab",
                }
            }
        }
    )
    port = _free_port()
    kernel.run_app(app, "inline", port=port)
    assert shown[0].src == f"https://lab.example.com/user/bob/proxy/{port}/"


def test_infer_ignores_other_comm_messages(kernel: JupyterDash) -> None:
    kernel._receive_comm_message({"content": {"data": {"type": "something_else", "x": "1"}}})
    assert kernel._proxy_config == {}


def test_infer_does_nothing_outside_a_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_jupyter, "_ipython_shell", lambda: None)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/ada/")
    fresh = JupyterDash()
    fresh.infer_jupyter_proxy_config()
    assert fresh._proxy_config == {} and fresh._comm is None


def test_port_placeholder_in_requests_prefix_is_filled(
    kernel: JupyterDash, shown: list[Any], make_app: Callable[..., Dash]
) -> None:
    app = make_app(
        html.Div("x"), requests_pathname_prefix="/proxy/{port}/", routes_pathname_prefix="/"
    )
    port = _free_port()
    kernel.run_app(app, "inline", port=port)
    assert shown[0].src == f"http://127.0.0.1:{port}/proxy/{port}/"


# ------------------------------------------------------------------ Colab


@pytest.fixture
def colab(kernel: JupyterDash, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """A fake `google.colab.output` recording what it was asked to serve."""
    calls: list[tuple] = []
    output = types.SimpleNamespace(
        serve_kernel_port_as_iframe=lambda port, **kw: calls.append(("iframe", port, kw)),
        serve_kernel_port_as_window=lambda port, **kw: calls.append(("window", port, kw)),
    )
    package = types.ModuleType("google.colab")
    package.output = output  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "google.colab", package)
    return calls


def test_colab_allows_only_inline_and_external(
    colab: list[tuple], kernel: JupyterDash, app: Dash
) -> None:
    for mode in ("tab", "jupyterlab", "_none"):
        with pytest.raises(ValueError, match="in Google Colab"):
            kernel.run_app(app, mode, port=_free_port())


def test_colab_inline_and_external_use_the_colab_proxy(
    colab: list[tuple], kernel: JupyterDash, app: Dash
) -> None:
    port = _free_port()
    kernel.run_app(app, "inline", width="90%", height=300, port=port)
    kernel.run_app(app, "external", port=port)
    assert colab[0] == ("iframe", port, {"path": "/", "width": "90%", "height": 300})
    assert colab[1][:2] == ("window", port)


# ------------------------------------------------------------------ a real kernel

_NOTEBOOK_CELL = """
from dash import Dash, html, jupyter_dash
app = Dash(__name__)
app.layout = html.Div("shown in the notebook", id="note")
print("active:", jupyter_dash.active)
app.run(jupyter_mode="inline", port={port}, jupyter_height=300)
"""


def test_notebook_executed_in_a_kernel_shows_the_app_inline() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")

    port = _free_port()
    cell = nbformat.v4.new_code_cell(_NOTEBOOK_CELL.format(port=port))
    notebook = nbformat.v4.new_notebook(cells=[cell])
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120)
    with client.setup_kernel():  # the kernel (and its server thread) lives in this block
        client.execute_cell(cell, 0)
        texts = "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream")
        frames = [
            out.data["text/html"] for out in cell.outputs if out.output_type == "display_data"
        ]
        assert "active: True" in texts
        assert len(frames) == 1 and 'height="300"' in frames[0]
        src = re.search(r'src="([^"]+)"', frames[0]).group(1)
        assert src == f"http://127.0.0.1:{port}/"
        status, page = _get(src)
        assert status == 200 and 'id="react-entry-point"' in page
        assert "shown in the notebook" in _get(f"{src}_dash-layout")[1]

"""The process-based app servers: dash_process_server (an app module imported by a waitress
subprocess) and dash_multi_process_server / dash_duo_mp (an app object in a forked child)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from ports import free_port

from dash import Dash, Input, Output, html
from dash.testing.application_runners import ProcessRunner
from dash.testing.errors import DashAppLoadingError

pytestmark = pytest.mark.browser

APP_MODULE = textwrap.dedent(
    """
    from dash import Dash, Input, Output, html

    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def count(n):
        return f"clicked {n or 0}"
    """
)


@pytest.fixture
def app_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "counter_app.py").write_text(APP_MODULE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_process_server_imports_a_module_by_name(dash_process_server, dash_br, app_folder) -> None:
    dash_process_server("counter_app", port=free_port())
    dash_br.server_url = dash_process_server.url
    dash_br.wait_for_text_to_equal("#out", "clicked 0")
    dash_br.multiple_click("#btn", 2)
    dash_br.wait_for_text_to_equal("#out", "clicked 2")
    assert dash_br.get_logs() == []


def test_process_server_serves_a_file_path(dash_process_server, dash_br, app_folder) -> None:
    dash_process_server(str(app_folder / "counter_app.py"), port=free_port())
    dash_br.server_url = dash_process_server.url
    dash_br.find_element("#btn").click()
    dash_br.wait_for_text_to_equal("#out", "clicked 1")
    assert dash_br.get_logs() == []


def test_process_server_reports_a_broken_module(app_folder: Path) -> None:
    (app_folder / "broken_app.py").write_text("raise RuntimeError('no app today')\n")
    with ProcessRunner() as runner, pytest.raises(DashAppLoadingError, match="no app today"):
        runner.start("broken_app", port=free_port())
    assert not runner.started


def test_dash_duo_mp_runs_callbacks_in_another_process(dash_duo_mp) -> None:
    calls: list[int] = []
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def count(n):
        calls.append(n)
        return f"clicked {n or 0}"

    dash_duo_mp.start_server(app, port=free_port())
    dash_duo_mp.multiple_click("#btn", 3)
    dash_duo_mp.wait_for_text_to_equal("#out", "clicked 3")
    # The callback ran in the server's process: this process's list never changed.
    assert calls == []
    assert dash_duo_mp.get_logs() == []


def test_multi_process_server_stops_and_frees_its_port(dash_multi_process_server) -> None:
    app = Dash(__name__)
    app.layout = html.Div("hello", id="hello")
    port = free_port()
    dash_multi_process_server(app, port=port)
    assert dash_multi_process_server.accessible(dash_multi_process_server.url)
    dash_multi_process_server.stop()
    assert not dash_multi_process_server.accessible(f"http://127.0.0.1:{port}")

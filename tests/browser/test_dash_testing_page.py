"""dash.testing helpers that read the page: storage, renderer state (redux_state_*), the rendered
DOM, windows and tabs, class/style waits, percy_snapshot, Browser as a context manager, and
ignore_register_page."""

from __future__ import annotations

import time

import pytest
from ports import free_port

import dash
from dash import Dash, Input, Output, dcc, html
from dash.testing.errors import BrowserError, TestingTimeoutError
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def stores_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Store(id="local", storage_type="local", data={"kept": 1}),
            dcc.Store(id="session", storage_type="session", data=[1, 2]),
            html.Div(id="out", children="ready"),
        ]
    )
    return app


def test_storage_getters_and_clearers(dash_duo) -> None:
    dash_duo.start_server(stores_app(), port=free_port())
    dash_duo.wait_for_text_to_equal("#out", "ready")

    assert dash_duo.get_local_storage() == {"kept": 1}
    assert dash_duo.get_session_storage() == [1, 2]
    assert dash_duo.get_local_storage("missing") is None

    dash_duo.clear_local_storage()
    assert dash_duo.get_local_storage() is None
    assert dash_duo.get_session_storage() == [1, 2]
    dash_duo.clear_session_storage()
    assert dash_duo.get_session_storage() is None

    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal("#out", "ready")
    assert dash_duo.get_local_storage("local") == {"kept": 1}
    dash_duo.clear_storage()
    assert dash_duo.get_local_storage() is None and dash_duo.get_session_storage() is None
    assert dash_duo.get_logs() == []


def slow_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("go", id="btn"),
            html.Div(id="out", className="idle"),
            html.Div([html.Span(id={"type": "item", "index": 1})]),
        ]
    )

    @app.callback(Output("out", "children"), Output("out", "className"), Input("btn", "n_clicks"))
    def slow(n):
        if n:
            time.sleep(1.5)
        return f"done {n}", "result done" if n else "idle"

    return app


def test_redux_state_helpers_and_waiting_for_callbacks(dash_duo) -> None:
    dash_duo.start_server(slow_app(), port=free_port())
    dash_duo.wait_for_text_to_equal("#out", "done None")

    paths = dash_duo.redux_state_paths
    assert set(paths) >= {"strs", "objs"}
    assert {"btn", "out"} <= set(paths["strs"])
    assert paths["objs"]  # the dict id {"type", "index"} is indexed by its keys
    assert dash_duo.redux_state_rqs == []
    assert dash_duo.redux_state_is_loading is False
    assert dash_duo._wait_for_callbacks() is True

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_element("#btn")
    # The click reaches the store (and starts the request) a task after it happens.
    pending = until(lambda: dash_duo.redux_state_rqs, timeout=5)
    assert "out.children" in str(pending)
    assert dash_duo.redux_state_is_loading is True
    assert dash_duo._wait_for_callbacks() is False

    # No Percy token: nothing is sent, but the call waits for the callback to finish.
    dash_duo.percy_snapshot("after click", wait_for_callbacks=True)
    assert dash_duo.redux_state_rqs == []  # it returned only once the request was answered
    dash_duo.wait_for_text_to_equal("#out", "done 1", timeout=2)
    dash_duo.wait_for_class_to_equal("#out", "result done")
    dash_duo.wait_for_contains_class("#out", "done")
    with pytest.raises(TestingTimeoutError, match="'result done'"):
        dash_duo.wait_for_contains_class("#out", "idle", timeout=0.3)
    assert dash_duo.get_logs() == []


def test_dom_helpers_locators_and_page_reload(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [html.P("first", id="p1"), html.P("second", id="p2", style={"color": "red"})],
        id="root",
    )
    dash_duo.start_server(app, port=free_port())
    assert dash_duo.dash_entry_locator == "#react-entry-point"
    assert dash_duo.devtools_error_count_locator == ".test-devtools-error-count"
    assert dash_duo.find_element(dash_duo.dash_entry_locator).tag_name == "div"
    assert dash_duo._get_element("#p1").text == "first"
    dash_duo.wait_for_style_to_equal("#p2", "color", "rgba(255, 0, 0, 1)")

    dash_duo.driver.execute_script("document.getElementById('p1').textContent = 'changed';")
    dash_duo.wait_for_page()
    dash_duo.wait_for_text_to_equal("#p1", "first")
    assert dash_duo.get_logs() == []

    # BeautifulSoup is optional (not in the testing extra yet).
    pytest.importorskip("bs4")
    outer = dash_duo.dash_outerhtml_dom
    assert outer.select_one("#react-entry-point #p2").get_text() == "second"
    inner = dash_duo.dash_innerhtml_dom
    assert inner.select_one("#react-entry-point") is None
    assert [p.get_text() for p in inner.select("p")] == ["first", "second"]


def test_windows_and_tabs(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="where")])

    @app.callback(Output("where", "children"), Input("url", "pathname"))
    def where(pathname):
        return f"at {pathname}"

    dash_duo.start_server(app, port=free_port())
    dash_duo.wait_for_text_to_equal("#where", "at /")
    with pytest.raises(BrowserError, match="1 window"):
        dash_duo.switch_window(1)

    dash_duo.open_new_tab(f"{dash_duo.server_url}/other")
    dash_duo.toggle_window()
    dash_duo.wait_for_text_to_equal("#where", "at /other")
    dash_duo.toggle_window()
    dash_duo.wait_for_text_to_equal("#where", "at /")
    dash_duo.switch_window(1)
    assert dash_duo.driver.current_url.endswith("/other")
    dash_duo.switch_window(0)
    assert dash_duo.download_path and dash_duo.wait_timeout == 10
    assert dash_duo.get_logs() == []


def test_browser_as_context_manager_and_base_class(dash_thread_server) -> None:
    from dash.testing.browser import Browser

    class AppBrowser(Browser):
        def greeting(self) -> str:
            return self.find_element("#hello").text

    app = Dash(__name__)
    app.layout = html.Div("hi there", id="hello")
    dash_thread_server(app, port=free_port())
    with AppBrowser(headless=True, wait_timeout=5) as browser:
        browser.server_url = dash_thread_server.url
        assert browser.greeting() == "hi there"
        assert browser.get_logs() == []
    with pytest.raises(Exception, match="already quit"):
        browser.driver  # noqa: B018


def test_ignore_register_page_skips_registration() -> None:
    # Outside the block this call would raise PageError (no app with use_pages exists).
    before = dict(dash.page_registry)
    with dash.testing.ignore_register_page():
        dash.register_page("not_a_page_module", path="/nowhere", layout=html.Div())
    assert dict(dash.page_registry) == before


def test_start_server_waits_for_lazily_loaded_components(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Dropdown(["a", "b"], "a", id="dd"), dcc.Slider(0, 10, value=3)])
    dash_duo.start_server(app, port=free_port())
    loaded = dash_duo.driver.execute_script(
        "var chunks = window.__dash_next_chunks || {};"
        "return Object.keys(chunks).filter(function (k) { return chunks[k].exports; }).sort();"
    )
    assert any(key.endswith("/dropdown") for key in loaded)
    assert any(key.endswith("/slider") for key in loaded)
    # so the component is there at once, without waiting
    assert dash_duo.driver.find_elements("css selector", "#dd")

"""Async chunks in Chromium: a page downloads the heavy parts of dcc and the DataTable only when a
component that needs them renders, each chunk once, from the suite's own folder; callbacks reading
such a component wait until its chunk has run."""

from __future__ import annotations

import threading
import time

import flask
import pytest
from ports import free_port

from dash import Dash, Input, Output, State, dash_table, dcc, html

pytestmark = pytest.mark.browser

SUITES = "/_dash-component-suites/"


class SuiteRequests:
    """Records the component-suite files the browser asks the app for, in arrival order."""

    def __init__(self, app: Dash) -> None:
        self.paths: list[str] = []
        self._lock = threading.Lock()
        app.server.before_request(self._record)

    def _record(self) -> None:
        if SUITES in flask.request.path:
            with self._lock:
                self.paths.append(flask.request.path)

    def chunks(self) -> list[str]:
        """File names of the async chunks requested so far, e.g. `async-markdown.js`."""
        with self._lock:
            names = [path.rsplit("/", 1)[-1] for path in self.paths]
        return [name for name in names if name.startswith("async-")]


def start(dash_duo, app: Dash, **kwargs) -> None:
    dash_duo.start_server(app, port=free_port(), **kwargs)


def test_html_and_input_page_fetches_no_chunk(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("name", "value"))
    def greet(name):
        return f"Hello {name}"

    requests = SuiteRequests(app)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "Hello Ada")
    dash_duo.find_element("#name").send_keys("!")
    dash_duo.wait_for_text_to_equal("#out", "Hello Ada!")

    assert requests.chunks() == []
    assert any("dash_core_components" in path for path in requests.paths)
    assert dash_duo.get_logs() == []


def test_markdown_chunk_is_fetched_once_and_highlight_only_for_code(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Markdown("# First", id="md1"),
            dcc.Markdown("*second*", id="md2"),
            html.Button("more", id="more"),
            html.Div(id="extra"),
        ]
    )

    @app.callback(Output("extra", "children"), Input("more", "n_clicks"), prevent_initial_call=True)
    def add_code(_clicks):
        return dcc.Markdown("```python\nx = 1\n```", id="md3")

    requests = SuiteRequests(app)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#md1 h1", "First")
    dash_duo.wait_for_text_to_equal("#md2 em", "second")
    assert requests.chunks() == ["async-markdown.js"]

    dash_duo.find_element("#more").click()
    code = dash_duo.wait_for_element("#md3 pre code")
    dash_duo.wait_for_contains_class("#md3 pre code", "hljs")
    assert "x = 1" in code.text
    assert sorted(requests.chunks()) == ["async-highlight.js", "async-markdown.js"]
    assert dash_duo.get_logs() == []


def test_datatable_renders_and_reacts_from_its_chunk(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dash_table.DataTable(
                id="table",
                columns=[{"name": "City", "id": "city"}, {"name": "People", "id": "people"}],
                data=[{"city": "Lyon", "people": 522}, {"city": "Nice", "people": 342}],
                sort_action="native",
            ),
            html.Div(id="active"),
        ]
    )

    @app.callback(Output("active", "children"), Input("table", "active_cell"))
    def show(cell):
        return "none" if cell is None else f"{cell['row']}/{cell['column_id']}"

    requests = SuiteRequests(app)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#table td[data-dash-column=city]", "Lyon")
    dash_duo.wait_for_text_to_equal("#active", "none")
    dash_duo.find_elements("#table td[data-dash-column=people]")[1].click()
    dash_duo.wait_for_text_to_equal("#active", "1/people")
    assert requests.chunks() == ["async-table.js"]
    assert dash_duo.get_logs() == []


def test_callback_reading_a_lazy_component_waits_for_its_chunk(dash_duo):
    """The date picker's chunk is held back by the server: a callback fired at load with the
    picker's `date` as State must reach the server only after the chunk was served."""
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerSingle(id="picker", date="2024-03-05"),
            html.Div("go", id="trigger"),
            html.Div(id="out"),
        ]
    )
    events: list[str] = []

    @app.callback(Output("out", "children"), Input("trigger", "children"), State("picker", "date"))
    def echo(_trigger, date):
        events.append("callback")
        return f"date {date}"

    @app.server.before_request
    def slow_chunk():
        if flask.request.path.endswith("/async-datepicker.js"):
            time.sleep(1.0)

    @app.server.after_request
    def chunk_served(response):
        if flask.request.path.endswith("/async-datepicker.js"):
            events.append("chunk")
        return response

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "date 2024-03-05")
    dash_duo.wait_for_element("#picker")
    assert events == ["chunk", "callback"]
    assert dash_duo.get_logs() == []


def test_initial_callback_sees_props_a_lazy_component_sets_on_mount(dash_duo):
    """DataTable reports its derived props when it mounts, after its chunk came: the callback
    fired at load on one of them runs once, with the value the table reported."""
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dash_table.DataTable(
                id="table", columns=[{"name": "N", "id": "n"}], data=[{"n": i} for i in range(7)]
            ),
            html.Div(id="out"),
        ]
    )
    calls: list[object] = []

    @app.callback(Output("out", "children"), Input("table", "derived_viewport_indices"))
    def show(indices):
        calls.append(indices)
        return f"rows {indices[0]}-{indices[-1]}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "rows 0-6")
    assert calls == [list(range(7))]
    assert dash_duo.get_logs() == []


def test_chunks_follow_a_path_prefix(dash_duo):
    app = Dash(__name__, url_base_pathname="/reports/")
    app.layout = html.Div(
        [dcc.Markdown("**bold**", id="md"), dcc.Slider(0, 10, 1, value=3, id="slider")]
    )
    requests = SuiteRequests(app)
    dash_duo.start_server(app, navigate=False, port=free_port())
    dash_duo.wait_for_page(dash_duo.server.url.rstrip("/") + "/reports/")
    dash_duo.wait_for_text_to_equal("#md strong", "bold")
    dash_duo.wait_for_element("#slider .dash-slider-root")
    chunk_paths = [path for path in requests.paths if "/async-" in path]
    assert sorted(chunk_paths) == [
        "/reports/_dash-component-suites/dash/dcc/async-markdown.js",
        "/reports/_dash-component-suites/dash/dcc/async-slider.js",
    ]
    assert dash_duo.get_logs() == []


def test_eager_loading_runs_chunks_from_script_tags(dash_duo):
    app = Dash(__name__, eager_loading=True)
    app.layout = html.Div(
        [dcc.Markdown("eager *text*", id="md"), dcc.Dropdown(["a", "b"], "a", id="dd")]
    )
    requests = SuiteRequests(app)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#md em", "text")
    dash_duo.wait_for_element("#dd")
    names = [name.split(".")[0] for name in requests.chunks()]
    # Every chunk came once, from its <script> tag (fingerprinted); none was fetched again.
    assert sorted(names) == sorted(set(names))
    assert "async-markdown" in names and "async-table" in names
    assert dash_duo.get_logs() == []


def test_dev_bundles_fetch_development_chunks(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Markdown("dev *mode*", id="md")])
    requests = SuiteRequests(app)
    start(dash_duo, app, debug=True, dev_tools_hot_reload=False)
    dash_duo.wait_for_text_to_equal("#md em", "mode")
    assert requests.chunks() == ["async-markdown.dev.js"]
    assert dash_duo.get_logs() == []

"""Callback flow in the browser: diamonds across clientside and server callbacks, set_props from both
sides, `running`, `on_error`, `async def` callbacks and Patch updates of a large list."""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter

import pytest
from flask import request
from ports import start_on_free_port as _serve

from dash import Dash, Input, Output, Patch, State, ctx, html, set_props
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_diamond_across_clientside_and_server_fires_the_bottom_once(dash_duo, wait_idle) -> None:
    calls = Counter()
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("go", id="a"),
            html.Div(id="b"),
            html.Div(id="c"),
            html.Div(id="d"),
        ]
    )
    # A -> B runs in the browser, A -> C on the server; D needs both.
    app.clientside_callback(
        "function (n) { return 'b' + (n || 0); }",
        Output("b", "children"),
        Input("a", "n_clicks"),
    )

    @app.callback(Output("c", "children"), Input("a", "n_clicks"))
    def to_c(n_clicks):
        calls["c"] += 1
        return f"c{n_clicks or 0}"

    @app.callback(Output("d", "children"), Input("b", "children"), Input("c", "children"))
    def to_d(b, c):
        calls["d"] += 1
        calls[f"d:{b}+{c}"] += 1
        return f"{b}+{c}"

    _serve(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#d", "b0+c0")
    wait_idle()
    assert calls["d"] == 1
    dash_duo.find_element("#a").click()
    dash_duo.wait_for_text_to_equal("#d", "b1+c1")
    wait_idle()
    # Never called with a half-updated pair.
    assert calls["d"] == 2 and calls["d:b1+c0"] == 0 and calls["d:b0+c1"] == 0
    assert dash_duo.get_logs() == []


def test_clientside_chain_mixed_with_server_callbacks(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("next", id="btn"),
            html.Div("dash", id="word"),
            html.Div(id="upper"),
            html.Div(id="shout"),
            html.Div(id="length"),
        ]
    )
    app.clientside_callback(
        """function (n, word) {
            const ctx = dash_clientside.callback_context;
            if (ctx.triggered.length === 0 && n) { throw new Error('initial call must not be triggered'); }
            return word.toUpperCase() + (n ? ' ' + n : '');
        }""",
        Output("upper", "children"),
        Input("btn", "n_clicks"),
        State("word", "children"),
    )

    @app.callback(Output("shout", "children"), Input("upper", "children"))
    def shout(text):
        assert ctx.triggered_id == "upper"
        return text + "!"

    app.clientside_callback(
        "function (text) { return new Promise(function (resolve) { setTimeout(function () { resolve(String(text.length)); }, 20); }); }",
        Output("length", "children"),
        Input("shout", "children"),
    )

    _serve(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#length", "5")
    assert dash_duo.find_element("#shout").text == "DASH!"
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#shout", "DASH 1!")
    dash_duo.wait_for_text_to_equal("#length", "7")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_set_props_from_a_server_callback_and_from_clientside_code(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("server", id="server-btn"),
            html.Button("browser", id="client-btn"),
            html.Div(id="out"),
            html.Div("untouched", id="side"),
            html.Div(id={"type": "tag", "index": 1}),
            html.Div(id="side-listener"),
        ]
    )

    @app.callback(
        Output("out", "children"), Input("server-btn", "n_clicks"), prevent_initial_call=True
    )
    def from_server(n_clicks):
        set_props("side", {"children": f"server side update {n_clicks}"})
        return "server ran"

    app.clientside_callback(
        """function (n) {
            dash_clientside.set_props({type: 'tag', index: 1}, {children: 'dict id ' + n});
            dash_clientside.set_props('side', {children: 'browser side update ' + n});
            return dash_clientside.no_update;
        }""",
        Output("out", "title"),
        Input("client-btn", "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("side-listener", "children"), Input("side", "children"), prevent_initial_call=True
    )
    def listen(text):
        return f"heard: {text}"

    _serve(dash_duo, app)
    dash_duo.find_element("#server-btn").click()
    dash_duo.wait_for_text_to_equal("#side", "server side update 1")
    dash_duo.wait_for_text_to_equal("#out", "server ran")
    dash_duo.wait_for_text_to_equal("#side-listener", "heard: server side update 1")

    dash_duo.find_element("#client-btn").click()
    dash_duo.wait_for_text_to_equal("#side", "browser side update 1")
    dash_duo.wait_for_text_to_equal('[id=\'{"index":1,"type":"tag"}\']', "dict id 1")
    dash_duo.wait_for_text_to_equal("#side-listener", "heard: browser side update 1")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_running_disables_the_button_while_the_callback_runs(dash_duo, wait_idle) -> None:
    release = threading.Event()
    app = Dash(__name__)
    app.layout = html.Div([html.Button("work", id="btn"), html.Div(id="status")])

    @app.callback(
        Output("status", "children"),
        Input("btn", "n_clicks"),
        running=[(Output("btn", "disabled"), True, False)],
        prevent_initial_call=True,
    )
    def work(n_clicks):
        release.wait(10)
        return f"done {n_clicks}"

    _serve(dash_duo, app)
    button = dash_duo.find_element("#btn")
    assert not button.get_property("disabled")
    button.click()
    until(lambda: dash_duo.find_element("#btn").get_property("disabled"), 5)
    release.set()
    dash_duo.wait_for_text_to_equal("#status", "done 1")
    until(lambda: not dash_duo.find_element("#btn").get_property("disabled"), 5)
    wait_idle()
    assert dash_duo.get_logs() == []


def test_on_error_handler_result_is_shown(dash_duo, wait_idle) -> None:
    seen = []

    def app_handler(error):
        seen.append(("app", str(error)))
        set_props("errors", {"children": f"app handler: {error}"})

    app = Dash(__name__, on_error=app_handler)
    app.layout = html.Div(
        [
            html.Button("fail", id="fail"),
            html.Button("fail locally", id="fail-local"),
            html.Div(id="out"),
            html.Div(id="local-out"),
            html.Div(id="errors"),
        ]
    )

    @app.callback(Output("out", "children"), Input("fail", "n_clicks"), prevent_initial_call=True)
    def fails(_):
        raise ValueError("broken input")

    @app.callback(
        Output("local-out", "children"),
        Input("fail-local", "n_clicks"),
        prevent_initial_call=True,
        on_error=lambda error: f"recovered from {type(error).__name__}",
    )
    def fails_locally(_):
        raise KeyError("missing")

    _serve(dash_duo, app)
    dash_duo.find_element("#fail").click()
    dash_duo.wait_for_text_to_equal("#errors", "app handler: broken input")
    dash_duo.find_element("#fail-local").click()
    dash_duo.wait_for_text_to_equal("#local-out", "recovered from KeyError")
    wait_idle()
    # The callback-level handler replaces the app-level one.
    assert seen == [("app", "broken input")]
    assert dash_duo.find_element("#out").text == ""
    assert dash_duo.get_logs() == []


def test_async_def_callback(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    async def slow_double(n_clicks):
        await asyncio.sleep(0.05)
        return f"async {2 * (n_clicks or 0)}"

    _serve(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "async 0")
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "async 2")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_patch_append_to_ten_thousand_items_sends_only_the_operation(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    items = [f"item {i}" for i in range(10_000)]
    app.layout = html.Div(
        [
            html.Button("append", id="append"),
            html.Div(id="big", **{"data-items": items}),
            html.Div(id="count"),
        ]
    )
    sizes: list[tuple[int, int]] = []

    @app.server.after_request
    def measure(response):
        if request.path.endswith("_dash-update-component"):
            sizes.append((len(request.get_data()), len(response.get_data())))
        return response

    @app.callback(
        Output("big", "data-items"), Input("append", "n_clicks"), prevent_initial_call=True
    )
    def append(n_clicks):
        patch = Patch()
        patch.append(f"new {n_clicks}")
        return patch

    _serve(dash_duo, app)
    dash_duo.find_element("#append").click()
    read_items = """
        const state = window.store.getState();
        let node = state.layout;
        for (const key of state.paths.strs.big) node = node[key];
        const items = node.props['data-items'];
        return [items.length, items[0], items[items.length - 1]];
    """
    until(lambda: dash_duo.driver.execute_script(read_items) == [10_001, "item 0", "new 1"], 10)
    wait_idle()
    assert len(sizes) == 1
    request_size, response_size = sizes[0]
    # The full list is ~130 kB of JSON; both messages stay tiny.
    assert request_size < 1_000 and response_size < 500
    assert len(json.dumps(items)) > 100_000
    assert dash_duo.get_logs() == []

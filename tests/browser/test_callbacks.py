"""Callback behaviour seen from the browser: initial calls, chains, outputs, skipping updates."""

from __future__ import annotations

from collections import Counter

import pytest

from dash import Dash, Input, Output, ctx, html, no_update
from dash.exceptions import PreventUpdate
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_initial_callbacks_run_once_with_layout_values(dash_duo, wait_idle) -> None:
    calls = []
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Div("dash-next", id="name"),
            html.Button("Click", id="btn"),
            html.Div(id="greeting"),
            html.Div(id="clicks"),
        ]
    )

    @app.callback(Output("greeting", "children"), Input("name", "children"))
    def greet(name):
        calls.append(("greet", name, ctx.triggered_id))
        return f"Hello, {name}!"

    @app.callback(Output("clicks", "children"), Input("btn", "n_clicks"))
    def count_clicks(n_clicks):
        calls.append(("count", n_clicks, ctx.triggered_id))
        return "no clicks yet" if n_clicks is None else f"{n_clicks} clicks"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#greeting", "Hello, dash-next!")
    # A button that was never clicked has no n_clicks in the layout: the callback gets None.
    dash_duo.wait_for_text_to_equal("#clicks", "no clicks yet")
    wait_idle()
    assert sorted(calls, key=str) == [("count", None, None), ("greet", "dash-next", None)]

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#clicks", "1 clicks")
    wait_idle()
    assert calls[2:] == [("count", 1, "btn")]
    assert dash_duo.get_logs() == []


def test_three_level_chain_fires_each_callback_once_per_change(dash_duo, wait_idle) -> None:
    calls = Counter()
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Go", id="go"),
            html.Div(id="level-1"),
            html.Div(id="level-2"),
            html.Div(id="level-3"),
        ]
    )

    @app.callback(Output("level-1", "children"), Input("go", "n_clicks"))
    def level_1(n_clicks):
        calls["level-1"] += 1
        return f"a{n_clicks or 0}"

    @app.callback(Output("level-2", "children"), Input("level-1", "children"))
    def level_2(value):
        calls["level-2"] += 1
        return value + "b"

    @app.callback(Output("level-3", "children"), Input("level-2", "children"))
    def level_3(value):
        calls["level-3"] += 1
        return value + "c"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#level-3", "a0bc")
    wait_idle()
    assert calls == {"level-1": 1, "level-2": 1, "level-3": 1}

    for clicks in (1, 2, 3):
        dash_duo.find_element("#go").click()
        dash_duo.wait_for_text_to_equal("#level-3", f"a{clicks}bc")
        wait_idle()
        runs = clicks + 1
        assert calls == {"level-1": runs, "level-2": runs, "level-3": runs}
    assert dash_duo.find_element("#level-1").text == "a3"
    assert dash_duo.find_element("#level-2").text == "a3b"
    assert dash_duo.get_logs() == []


def test_diamond_waits_for_both_branches_and_fires_once(dash_duo, wait_idle) -> None:
    seen_by_sum = []
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Add", id="add"),
            html.Div(id="double"),
            html.Div(id="triple"),
            html.Div(id="sum"),
        ]
    )

    @app.callback(Output("double", "children"), Input("add", "n_clicks"))
    def double(n_clicks):
        return 2 * (n_clicks or 0)

    @app.callback(Output("triple", "children"), Input("add", "n_clicks"))
    def triple(n_clicks):
        return 3 * (n_clicks or 0)

    @app.callback(
        Output("sum", "children"), Input("double", "children"), Input("triple", "children")
    )
    def total(doubled, tripled):
        seen_by_sum.append((doubled, tripled))
        return f"sum {doubled + tripled}"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#sum", "sum 0")
    wait_idle()
    assert seen_by_sum == [(0, 0)]

    dash_duo.find_element("#add").click()
    dash_duo.wait_for_text_to_equal("#sum", "sum 5")
    wait_idle()
    # One call, made after both branches had their new values.
    assert seen_by_sum == [(0, 0), (2, 3)]
    assert dash_duo.get_logs() == []


def test_callback_with_three_outputs(dash_duo, wait_idle) -> None:
    calls = []
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Next", id="next"),
            html.H2("title", id="title"),
            html.Div("status", id="status", className="idle"),
        ]
    )

    @app.callback(
        Output("title", "children"),
        Output("status", "children"),
        Output("status", "className"),
        Input("next", "n_clicks"),
        prevent_initial_call=True,
    )
    def advance(n_clicks):
        calls.append(n_clicks)
        return f"Step {n_clicks}", f"{n_clicks} of 3 done", "busy" if n_clicks < 3 else "done"

    dash_duo.start_server(app)
    dash_duo.multiple_click("#next", 1)
    dash_duo.wait_for_text_to_equal("#title", "Step 1")
    dash_duo.wait_for_text_to_equal("#status", "1 of 3 done")
    dash_duo.wait_for_class_to_equal("#status", "busy")

    dash_duo.find_element("#next").click()
    dash_duo.wait_for_text_to_equal("#title", "Step 2")
    dash_duo.find_element("#next").click()
    dash_duo.wait_for_text_to_equal("#title", "Step 3")
    dash_duo.wait_for_text_to_equal("#status", "3 of 3 done")
    dash_duo.wait_for_class_to_equal("#status", "done")
    wait_idle()
    assert calls == [1, 2, 3]
    assert dash_duo.get_logs() == []


def test_prevent_update_keeps_outputs_and_stops_the_chain(dash_duo, wait_idle) -> None:
    calls = Counter()
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Click", id="btn"),
            html.Div("untouched", id="out"),
            html.Div("echo untouched", id="echo"),
        ]
    )

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def even_clicks_only(n_clicks):
        calls["out"] += 1
        if not n_clicks or n_clicks % 2:
            raise PreventUpdate
        return f"{n_clicks} clicks"

    @app.callback(Output("echo", "children"), Input("out", "children"))
    def echo(value):
        calls["echo"] += 1
        return f"echo {value}"

    dash_duo.start_server(app)
    until(lambda: calls["out"] == 1, timeout=10)
    wait_idle()
    # The initial call was prevented: nothing changed and the chain below it did not run.
    assert dash_duo.find_element("#out").text == "untouched"
    assert dash_duo.find_element("#echo").text == "echo untouched"
    assert calls == {"out": 1}

    dash_duo.find_element("#btn").click()
    until(lambda: calls["out"] == 2, timeout=10)
    wait_idle()
    assert dash_duo.find_element("#out").text == "untouched"
    assert calls["echo"] == 0

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#echo", "echo 2 clicks")
    wait_idle()
    assert calls == {"out": 3, "echo": 1}
    assert dash_duo.get_logs() == []


def test_no_update_leaves_one_output_alone(dash_duo, wait_idle) -> None:
    downstream = []
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Click", id="btn"),
            html.Div("clicks: 0", id="every"),
            html.Div("even: none", id="even"),
            html.Div(id="even-echo"),
        ]
    )

    @app.callback(
        Output("every", "children"),
        Output("even", "children"),
        Input("btn", "n_clicks"),
        prevent_initial_call=True,
    )
    def on_click(n_clicks):
        return f"clicks: {n_clicks}", no_update if n_clicks % 2 else f"even: {n_clicks}"

    @app.callback(
        Output("even-echo", "children"), Input("even", "children"), prevent_initial_call=True
    )
    def echo(value):
        downstream.append(value)
        return value.upper()

    dash_duo.start_server(app)
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#every", "clicks: 1")
    wait_idle()
    assert dash_duo.find_element("#even").text == "even: none"
    assert downstream == []

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#every", "clicks: 2")
    dash_duo.wait_for_text_to_equal("#even", "even: 2")
    dash_duo.wait_for_text_to_equal("#even-echo", "EVEN: 2")
    wait_idle()
    assert downstream == ["even: 2"]
    assert dash_duo.get_logs() == []


def test_prevent_initial_call_argument_and_app_default(dash_duo, wait_idle) -> None:
    calls = Counter()
    app = Dash(__name__, prevent_initial_callbacks=True)
    app.layout = html.Div(
        [
            html.Button("Click", id="btn"),
            html.Div("waiting", id="by-default"),
            html.Div("waiting", id="by-argument"),
            html.Div("waiting", id="opted-in"),
        ]
    )

    @app.callback(Output("by-default", "children"), Input("btn", "n_clicks"))
    def by_default(n_clicks):
        calls["by-default"] += 1
        return f"default {n_clicks}"

    @app.callback(
        Output("by-argument", "children"), Input("btn", "n_clicks"), prevent_initial_call=True
    )
    def by_argument(n_clicks):
        calls["by-argument"] += 1
        return f"argument {n_clicks}"

    @app.callback(
        Output("opted-in", "children"), Input("btn", "n_clicks"), prevent_initial_call=False
    )
    def opted_in(n_clicks):
        calls["opted-in"] += 1
        return f"initial {n_clicks}"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#opted-in", "initial None")
    wait_idle()
    assert dash_duo.find_element("#by-default").text == "waiting"
    assert dash_duo.find_element("#by-argument").text == "waiting"
    assert calls == {"opted-in": 1}

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#by-default", "default 1")
    dash_duo.wait_for_text_to_equal("#by-argument", "argument 1")
    dash_duo.wait_for_text_to_equal("#opted-in", "initial 1")
    wait_idle()
    assert calls == {"by-default": 1, "by-argument": 1, "opted-in": 2}
    assert dash_duo.get_logs() == []

"""Callback validation with dev tools on (`validate_callbacks`): problems reach the console while
the dev-tools UI is not there yet; cycles are reported but callbacks still run."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as _serve

from dash import Dash, Input, Output, html

pytestmark = pytest.mark.browser


# The dev-tools UI is on (errors reach the console) but minified bundles are served.
DEV_TOOLS = {
    "dev_tools_ui": True,
    "dev_tools_validate_callbacks": True,
    "dev_tools_serve_dev_bundles": False,
}


def _messages(dash_duo) -> list[str]:
    return [entry["message"] for entry in dash_duo.get_logs()]


def test_a_dependency_cycle_is_reported_and_callbacks_still_run(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Div("start", id="a"), html.Div(id="b")])

    @app.callback(Output("b", "children"), Input("a", "children"))
    def a_to_b(text):
        return f"{text} -> b"

    @app.callback(Output("a", "children"), Input("b", "children"), prevent_initial_call=True)
    def b_to_a(text):
        return text.split(" -> ")[0]

    _serve(dash_duo, app, **DEV_TOOLS)
    dash_duo.wait_for_text_to_equal("#b", "start -> b")
    wait_idle()
    messages = _messages(dash_duo)
    assert len(messages) == 1
    assert "Circular Dependencies" in messages[0]
    assert "Dependency Cycle Found: a.children -> b.children -> a.children" in messages[0]


def test_ids_missing_from_the_layout_are_reported_unless_suppressed(dash_duo, wait_idle) -> None:
    def make(suppress: bool) -> Dash:
        app = Dash(__name__, suppress_callback_exceptions=suppress)
        app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out")])

        @app.callback(Output("later", "children"), Input("go", "n_clicks"))
        def to_later(_):
            return "never shown"

        @app.callback(Output("out", "children"), Input("go", "n_clicks"))
        def to_out(n_clicks):
            return f"clicks: {n_clicks or 0}"

        return app

    _serve(dash_duo, make(False), **DEV_TOOLS)
    dash_duo.wait_for_text_to_equal("#out", "clicks: 0")
    wait_idle()
    messages = _messages(dash_duo)
    assert len(messages) == 1
    assert "ID not found in layout" in messages[0] and "later" in messages[0]

    _serve(dash_duo, make(True), **DEV_TOOLS)
    dash_duo.wait_for_text_to_equal("#out", "clicks: 0")
    wait_idle()
    assert dash_duo.get_logs() == []

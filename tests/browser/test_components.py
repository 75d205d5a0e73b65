"""html components in the browser: replaced children, dict ids, attributes."""

from __future__ import annotations

import pytest

from dash import Dash, Input, Output, html

pytestmark = pytest.mark.browser


def dict_id_selector(component_id: dict) -> str:
    """CSS selector for a dict-id component: its DOM id is the sorted compact JSON."""
    import json

    dom_id = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return f"[id='{dom_id}']"


def test_returned_component_tree_has_working_callbacks(dash_duo, wait_idle) -> None:
    inner_calls = []
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([html.Button("Open panel", id="open"), html.Div(id="panel")])

    @app.callback(Output("panel", "children"), Input("open", "n_clicks"), prevent_initial_call=True)
    def open_panel(n_clicks):
        return html.Section(
            [
                html.H3(f"Panel {n_clicks}", id="panel-title"),
                html.Button("Inner", id="inner"),
                html.Div(id="inner-out"),
            ]
        )

    @app.callback(Output("inner-out", "children"), Input("inner", "n_clicks"))
    def inner_clicked(n_clicks):
        inner_calls.append(n_clicks)
        return f"inner clicked {n_clicks or 0}"

    dash_duo.start_server(app)
    dash_duo.wait_for_element("#open").click()
    dash_duo.wait_for_text_to_equal("#panel-title", "Panel 1")
    # The new subtree's callbacks fire as initial calls once it is inserted.
    dash_duo.wait_for_text_to_equal("#inner-out", "inner clicked 0")
    dash_duo.multiple_click("#inner", 2, delay=0.2)
    dash_duo.wait_for_text_to_equal("#inner-out", "inner clicked 2")
    wait_idle()
    assert inner_calls[0] is None
    assert inner_calls[-1] == 2
    assert dash_duo.find_element("#panel-title").text == "Panel 1"
    assert dash_duo.get_logs() == []


def test_dict_ids_work_as_input_and_output(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Like A", id={"type": "like", "item": "a"}),
            html.Span(id={"type": "likes", "item": "a"}),
            html.Button("Like B", id={"type": "like", "item": "b"}),
            html.Span(id={"type": "likes", "item": "b"}),
        ]
    )

    for item in ("a", "b"):

        @app.callback(
            Output({"type": "likes", "item": item}, "children"),
            Input({"type": "like", "item": item}, "n_clicks"),
        )
        def count_likes(n_clicks, item=item):
            return f"{item}: {n_clicks or 0} likes"

    like_a = dict_id_selector({"type": "like", "item": "a"})
    likes_a = dict_id_selector({"type": "likes", "item": "a"})
    like_b = dict_id_selector({"type": "like", "item": "b"})
    likes_b = dict_id_selector({"type": "likes", "item": "b"})

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(likes_a, "a: 0 likes")
    dash_duo.wait_for_text_to_equal(likes_b, "b: 0 likes")
    dash_duo.find_element(like_b).click()
    dash_duo.wait_for_text_to_equal(likes_b, "b: 1 likes")
    dash_duo.find_element(like_a).click()
    dash_duo.find_element(like_b).click()
    dash_duo.wait_for_text_to_equal(likes_a, "a: 1 likes")
    dash_duo.wait_for_text_to_equal(likes_b, "b: 2 likes")
    assert dash_duo.get_logs() == []


def test_html_attributes_reach_the_dom_and_update(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Restyle", id="restyle"),
            html.Div(
                "A styled box",
                id="box",
                className="card highlighted",
                title="a tooltip",
                style={"marginTop": 3, "backgroundColor": "rgb(0, 0, 255)"},
                **{"data-role": "panel", "aria-label": "Styled box"},
            ),
        ]
    )

    @app.callback(
        Output("box", "className"),
        Output("box", "style"),
        Output("box", "data-role"),
        Input("restyle", "n_clicks"),
        prevent_initial_call=True,
    )
    def restyle(n_clicks):
        return "card", {"marginTop": "12px", "color": "rgb(0, 128, 0)"}, "done"

    dash_duo.start_server(app)
    box = dash_duo.find_element("#box")
    assert box.get_attribute("class") == "card highlighted"
    assert box.get_attribute("title") == "a tooltip"
    assert box.get_attribute("data-role") == "panel"
    assert box.get_attribute("aria-label") == "Styled box"
    dash_duo.wait_for_style_to_equal("#box", "margin-top", "3px")
    dash_duo.wait_for_style_to_equal("#box", "background-color", "rgba(0, 0, 255, 1)")

    dash_duo.find_element("#restyle").click()
    dash_duo.wait_for_class_to_equal("#box", "card")
    dash_duo.wait_for_style_to_equal("#box", "margin-top", "12px")
    dash_duo.wait_for_style_to_equal("#box", "color", "rgba(0, 128, 0, 1)")
    # The new style replaces the old one: the background colour is gone.
    dash_duo.wait_for_style_to_equal("#box", "background-color", "rgba(0, 0, 0, 0)")
    assert dash_duo.find_element("#box").get_attribute("data-role") == "done"
    # n_clicks is component state, never an attribute.
    assert dash_duo.find_element("#restyle").get_attribute("n_clicks") is None
    assert dash_duo.get_logs() == []

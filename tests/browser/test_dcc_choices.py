"""dcc.Checklist, dcc.RadioItems, dcc.Tabs / dcc.Tab in Chromium."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as start
from steady_state import holds

from dash import Dash, Input, Output, dcc, html

pytestmark = pytest.mark.browser


def test_checklist_value_follows_click_order(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Checklist(
                {"nyc": "New York", "mtl": "Montréal", "sf": "San Francisco"},
                [],
                id="cities",
                labelClassName="city",
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("cities", "value"))
    def show(value):
        return ",".join(value)

    start(dash_duo, app)
    box = dash_duo.wait_for_element("#cities")
    assert box.get_attribute("class") == "dash-options-list dash-checklist"
    assert box.get_attribute("role") == "listbox"
    dash_duo.find_element("#cities [data-option-index='2'] input").click()
    dash_duo.wait_for_text_to_equal("#out", "sf")
    dash_duo.find_elements("#cities label")[0].click()
    dash_duo.wait_for_text_to_equal("#out", "sf,nyc")
    first = dash_duo.find_element("#cities [data-option-index='0']")
    assert "selected" in first.get_attribute("class").split()
    assert first.get_attribute("aria-selected") == "true"
    assert dash_duo.find_element("#cities [data-option-index='0'] .city").text == "New York"
    dash_duo.find_element("#cities [data-option-index='2'] input").click()
    dash_duo.wait_for_text_to_equal("#out", "nyc")
    assert dash_duo.get_logs() == []


def test_radio_items_pick_one_and_skip_disabled(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.RadioItems(
                [
                    {"label": "Small", "value": 1},
                    {"label": "Medium", "value": 2},
                    {"label": "Large", "value": 3, "disabled": True},
                ],
                1,
                id="size",
                inline=True,
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("size", "value"))
    def show(value):
        return f"size {value!r}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "size 1")
    labels = dash_duo.find_elements("#size label")
    assert "dash-radioitems-inline" in labels[0].get_attribute("class")
    labels[1].click()
    dash_duo.wait_for_text_to_equal("#out", "size 2")
    labels[2].click()
    inputs = dash_duo.find_elements("#size input")
    assert [i.get_attribute("type") for i in inputs] == ["radio"] * 3
    # The disabled option never takes the value, even once any update had time to land.
    holds(
        lambda: (
            inputs[1].is_selected()
            and not inputs[2].is_selected()
            and dash_duo.find_element("#out").text == "size 2"
        )
    )
    assert dash_duo.get_logs() == []


def test_tabs_show_only_the_selected_content(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Tabs(
                id="tabs",
                children=[
                    dcc.Tab(
                        label="Alpha", id="tab-a", children=html.Div("alpha body", id="a-body")
                    ),
                    dcc.Tab(label="Beta", value="beta", children=html.Div("beta body")),
                    dcc.Tab(label="Gamma", disabled=True, children=html.Div("gamma body")),
                ],
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("tabs", "value"))
    def show(value):
        return f"selected {value}"

    start(dash_duo, app)
    # Without a value the first tab is selected and reported.
    dash_duo.wait_for_text_to_equal("#out", "selected tab-1")
    assert dash_duo.find_element("#tabs-parent").get_attribute("class").startswith("tab-parent")
    assert dash_duo.find_element("#tabs").get_attribute("class") == "tab-container"
    assert dash_duo.find_element("#tab-a").get_attribute("class") == "tab tab--selected"
    assert dash_duo.find_element("#tab-a").get_attribute("data-dash-is-loading") == "false"
    assert dash_duo.find_element(".tab-content").text == "alpha body"
    tabs = dash_duo.find_elements(".tab")
    tabs[1].click()
    dash_duo.wait_for_text_to_equal("#out", "selected beta")
    dash_duo.wait_for_text_to_equal(".tab-content", "beta body")
    assert dash_duo.find_elements("#a-body") == []
    tabs[2].click()
    assert "tab--disabled" in tabs[2].get_attribute("class")
    holds(lambda: dash_duo.find_element("#out").text == "selected beta")
    assert dash_duo.find_element(".tab-content").text == "beta body"
    assert dash_duo.get_logs() == []


def test_tab_content_is_wired_for_callbacks(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = dcc.Tabs(
        value="one",
        children=[
            dcc.Tab(label="One", value="one", children=[dcc.Input(id="inp"), html.Div(id="echo")]),
            dcc.Tab(label="Two", value="two", children="two"),
        ],
    )

    @app.callback(Output("echo", "children"), Input("inp", "value"))
    def echo(value):
        return f"echo {value}"

    start(dash_duo, app)
    dash_duo.wait_for_element("#inp").send_keys("hi")
    dash_duo.wait_for_text_to_equal("#echo", "echo hi")
    assert dash_duo.get_logs() == []

"""dash.testing's widget helpers against real dcc components: select_dcc_dropdown,
select_date_single / select_date_range, zoom_in_graph_by_ratio and click_at_coord_fractions."""

from __future__ import annotations

import json

import pytest
from ports import free_port

from dash import Dash, Input, Output, dcc, html

pytestmark = pytest.mark.browser


def test_select_dcc_dropdown_by_label_by_index_and_unknown_value(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Dropdown(
                id="city",
                options=[
                    {"label": "Montréal", "value": "MTL"},
                    {"label": "New York", "value": "NYC"},
                    {"label": "San Francisco", "value": "SF"},
                ],
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("city", "value"))
    def show(value):
        return f"picked {value}"

    dash_duo.start_server(app, port=free_port())
    dash_duo.wait_for_text_to_equal("#out", "picked None")

    dash_duo.select_dcc_dropdown("#city", value="New York")
    dash_duo.wait_for_text_to_equal("#out", "picked NYC")

    dash_duo.select_dcc_dropdown(dash_duo.find_element("#city"), index=2)
    dash_duo.wait_for_text_to_equal("#out", "picked SF")

    # No such option: nothing is clicked, the list closes and the value stays.
    dash_duo.select_dcc_dropdown("#city", value="Atlantis")
    dash_duo.wait_for_no_elements(".dash-dropdown-options")
    dash_duo.wait_for_text_to_equal("#out", "picked SF")
    assert dash_duo.get_logs() == []


def test_select_date_single_and_range(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerSingle(id="day", initial_visible_month="2024-03-01"),
            dcc.DatePickerRange(id="span", initial_visible_month="2024-05-01"),
            html.Div(id="day-out"),
            html.Div(id="span-out"),
        ]
    )

    @app.callback(Output("day-out", "children"), Input("day", "date"))
    def show_day(date):
        return f"day {date}"

    @app.callback(
        Output("span-out", "children"), Input("span", "start_date"), Input("span", "end_date")
    )
    def show_span(start, end):
        return f"from {start} to {end}"

    dash_duo.start_server(app, port=free_port())
    dash_duo.wait_for_text_to_equal("#day-out", "day None")

    shown = dash_duo.select_date_single("day", day=14)
    dash_duo.wait_for_text_to_equal("#day-out", "day 2024-03-14")
    assert shown == dash_duo.find_element("#day").get_attribute("value") != ""

    values = dash_duo.select_date_range("span", (3, 17))
    dash_duo.wait_for_text_to_equal("#span-out", "from 2024-05-03 to 2024-05-17")
    assert len(values) == 2 and all(values)

    with pytest.raises(ValueError, match="one or two days"):
        dash_duo.select_date_range("span", ())
    assert dash_duo.get_logs() == []


def test_graph_zoom_and_click_at_fractions(dash_duo) -> None:
    app = Dash(__name__)
    figure = {
        "data": [{"type": "scatter", "x": list(range(10)), "y": list(range(10))}],
        "layout": {"margin": {"l": 0, "r": 0, "t": 0, "b": 0}},
    }
    app.layout = html.Div(
        [
            dcc.Graph(id="graph", figure=figure, style={"width": "600px", "height": "400px"}),
            html.Div(id="zoom"),
            html.Button("corner", id="pad", style={"width": "200px", "height": "100px"}),
            html.Div(id="clicks"),
        ]
    )

    @app.callback(Output("zoom", "children"), Input("graph", "relayoutData"))
    def show_zoom(relayout):
        return "zoomed" if relayout and "xaxis.range[0]" in relayout else "whole"

    @app.callback(Output("clicks", "children"), Input("pad", "n_clicks"))
    def show_clicks(n):
        return json.dumps(n)

    dash_duo.start_server(app, port=free_port())
    dash_duo.wait_for_element("#graph .js-plotly-plot .main-svg")
    dash_duo.wait_for_text_to_equal("#zoom", "whole")

    dash_duo.zoom_in_graph_by_ratio("#graph", start_fraction=0.3, zoom_box_fraction=0.3)
    dash_duo.wait_for_text_to_equal("#zoom", "zoomed")

    dash_duo.click_at_coord_fractions("#pad", 0.9, 0.1)
    dash_duo.wait_for_text_to_equal("#clicks", "1")
    assert dash_duo.get_logs() == []

"""dcc.Graph, dcc.DatePickerSingle and dcc.DatePickerRange: the Python classes users build layouts with."""

from __future__ import annotations

import datetime

import plotly.graph_objects as go
import pytest

from dash import dcc
from dash._json import loads, to_json


def test_graph_serialises_a_plotly_figure():
    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"title": {"text": "t"}})
    graph = dcc.Graph(id="g", figure=figure, config={"displayModeBar": False})
    sent = loads(to_json(graph))
    assert sent["type"] == "Graph" and sent["namespace"] == "dash_core_components"
    assert sent["props"]["figure"]["data"][0]["x"] == [1, 2]
    assert sent["props"]["figure"]["layout"]["title"]["text"] == "t"
    assert sent["props"]["config"] == {"displayModeBar": False}


def test_graph_sends_only_the_props_that_were_given():
    assert dcc.Graph(id="g").to_plotly_json()["props"] == {"id": "g"}
    assert dcc.Graph(responsive=True, animate=True).to_plotly_json()["props"] == {
        "responsive": True,
        "animate": True,
    }


def test_graph_knows_every_read_back_prop():
    for prop in (
        "clickData",
        "clickAnnotationData",
        "hoverData",
        "selectedData",
        "relayoutData",
        "restyleData",
    ):
        assert prop in dcc.Graph.available_properties
    for prop in ("extendData", "prependData", "mathjax", "clear_on_unhover", "animation_options"):
        assert prop in dcc.Graph.available_properties


def test_graph_rejects_unknown_props():
    with pytest.raises(TypeError):
        dcc.Graph(id="g", figures={})


def test_date_pickers_accept_python_dates_sent_as_iso_days():
    single = dcc.DatePickerSingle(
        id="d", date=datetime.date(2024, 3, 5), min_date_allowed=datetime.date(2024, 1, 1)
    )
    assert loads(to_json(single))["props"] == {
        "id": "d",
        "date": "2024-03-05",
        "min_date_allowed": "2024-01-01",
    }
    ranged = dcc.DatePickerRange(
        id="r", start_date="2024-03-01", end_date=datetime.date(2024, 3, 9), updatemode="bothdates"
    )
    assert loads(to_json(ranged))["props"]["end_date"] == "2024-03-09"


def test_date_pickers_document_their_defaults():
    assert "default 'Select Date'" in dcc.DatePickerSingle.__doc__
    assert "default 'YYYY-MM-DD'" in dcc.DatePickerSingle.__doc__
    assert "default 'singledate'" in dcc.DatePickerRange.__doc__
    assert "start_date_id" in dcc.DatePickerRange.available_properties
    assert "start_date" not in dcc.DatePickerSingle.available_properties


@pytest.mark.parametrize("name", ["Graph", "DatePickerSingle", "DatePickerRange"])
def test_exported_from_dash_dcc(name):
    assert name in dcc.__all__
    assert getattr(dcc, name)._namespace == "dash_core_components"

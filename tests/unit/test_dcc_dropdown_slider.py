"""dcc.Dropdown, dcc.Slider and dcc.RangeSlider: the Python classes users build layouts with."""

from __future__ import annotations

import pytest

from dash import dcc
from dash.development.base_component import ComponentRegistry


def test_dropdown_takes_options_value_and_multi_positionally():
    dropdown = dcc.Dropdown(["NYC", "MTL"], ["MTL"], True, id="cities")
    assert dropdown.to_plotly_json() == {
        "props": {"options": ["NYC", "MTL"], "value": ["MTL"], "multi": True, "id": "cities"},
        "type": "Dropdown",
        "namespace": "dash_core_components",
    }


def test_sliders_take_min_max_step_marks_value_positionally():
    slider = dcc.Slider(0, 20, 5, value=10, id="s")
    assert slider.to_plotly_json()["props"] == {
        "min": 0,
        "max": 20,
        "step": 5,
        "value": 10,
        "id": "s",
    }
    ranged = dcc.RangeSlider(0, 20, 1, {0: "zero"}, [5, 15])
    assert (ranged.marks, ranged.value) == ({0: "zero"}, [5, 15])


def test_explicit_none_step_is_sent_for_marks_only_sliders():
    # step=None means "only the marks can be picked", so it must reach the browser as null.
    props = dcc.Slider(0, 100, None, marks={0: "cold", 100: "hot"}).to_plotly_json()["props"]
    assert "step" in props and props["step"] is None


def test_range_slider_only_props_are_rejected_on_slider():
    assert dcc.RangeSlider(pushable=2, allowCross=False, count=2).pushable == 2
    with pytest.raises(TypeError, match="Slider"):
        dcc.Slider(pushable=1)


def test_dropdown_knows_its_dash_props():
    dropdown = dcc.Dropdown(
        id="d",
        searchable=False,
        clearable=False,
        search_value="x",
        optionHeight=40,
        maxHeight=300,
        closeOnSelect=True,
        debounce=True,
        search_order="original",
        labels={"select_all": "Tout"},
        persistence=True,
        persistence_type="session",
    )
    assert dropdown.search_order == "original"
    for name in ("style", "className", "placeholder", "disabled", "persisted_props"):
        assert name in dcc.Dropdown._prop_names


def test_option_labels_are_not_declared_children_props():
    # Component labels are rendered by the Dropdown itself through ExternalWrapper.
    declared = ComponentRegistry.children_props["dash_core_components"]
    assert declared["Dropdown"] == []
    assert declared["Slider"] == [] and declared["RangeSlider"] == []


def test_docstrings_describe_defaults():
    assert "multi : boolean; default false" in dcc.Dropdown.__doc__
    assert "maxHeight : number; default 200" in dcc.Dropdown.__doc__
    assert "updatemode : one of: 'mouseup', 'drag'; default 'mouseup'" in dcc.Slider.__doc__
    assert "verticalHeight : number; default 400" in dcc.RangeSlider.__doc__

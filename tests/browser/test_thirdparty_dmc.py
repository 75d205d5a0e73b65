"""dash-mantine-components, unmodified from PyPI, in a realistic app on our renderer.

Everything sits in a MantineProvider; a Select, a Slider whose label comes from a
`{"function": ...}` defined in assets/, component-valued props (`label`, `marks[].label`)
and a Button drive callbacks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from thirdparty_support import registered_only_during_tests

from dash import Dash, Input, Output, html

dmc = pytest.importorskip("dash_mantine_components")

pytestmark = pytest.mark.browser

_libraries_registered = registered_only_during_tests(dmc)


ASSETS = Path(__file__).parent / "thirdparty_assets"


def console_errors(dash_duo) -> list[dict]:
    """Console errors: this app asks no outside host for anything, so none is filtered."""
    return dash_duo.get_logs()


def mantine_app() -> Dash:
    # Ids inside SegmentedControl `data[].label` are not in any declared children prop, so
    # (as with real Dash) validation cannot see them before dmc renders them.
    app = Dash(__name__, assets_folder=str(ASSETS), suppress_callback_exceptions=True)
    app.layout = dmc.MantineProvider(
        dmc.Stack(
            [
                dmc.Title("Thermostat", order=3, id="title"),
                dmc.Select(
                    id="room",
                    label="Room",
                    data=[
                        {"value": "kitchen", "label": "Kitchen"},
                        {"value": "bedroom", "label": "Bedroom"},
                        {"value": "garage", "label": "Garage"},
                    ],
                    value="kitchen",
                ),
                dmc.Slider(
                    id="temperature",
                    min=10,
                    max=30,
                    step=1,
                    value=20,
                    label={"function": "celsiusLabel"},
                    labelAlwaysOn=True,
                    marks=[
                        {"value": 10, "label": html.Span("cold", id="mark-cold")},
                        {"value": 30, "label": html.Span("hot", id="mark-hot")},
                    ],
                    mt=40,
                ),
                dmc.SegmentedControl(
                    id="mode",
                    value="heat",
                    data=[
                        {"value": "heat", "label": html.Span("Heat", id="mode-heat")},
                        {"value": "cool", "label": html.Span("Cool", id="mode-cool")},
                    ],
                ),
                dmc.Switch(id="eco", label=html.B("Eco mode", id="eco-label"), checked=False),
                dmc.Button("Apply", id="apply"),
                html.Div(id="setting"),
                html.Div(id="applied"),
                html.Div(id="eco-out"),
                html.Div(id="mode-out"),
            ],
            p="md",
        )
    )

    @app.callback(
        Output("setting", "children"), Input("room", "value"), Input("temperature", "value")
    )
    def show_setting(room, temperature):
        return f"{room} at {temperature}"

    @app.callback(Output("applied", "children"), Input("apply", "n_clicks"))
    def apply(n_clicks):
        return f"applied {n_clicks or 0} times"

    @app.callback(Output("eco-out", "children"), Input("eco", "checked"))
    def eco(checked):
        return "eco on" if checked else "eco off"

    @app.callback(
        Output("eco-label", "children"), Input("eco", "checked"), prevent_initial_call=True
    )
    def eco_label(checked):
        return "Eco mode (saving)" if checked else "Eco mode"

    @app.callback(Output("mode-out", "children"), Input("mode", "value"))
    def show_mode(mode):
        return f"mode {mode}"

    # Components inside `data[].label` are rendered by dmc through ExternalWrapper: wired like any other.
    @app.callback(
        Output("mode-cool", "children"), Input("mode-cool", "n_clicks"), prevent_initial_call=True
    )
    def count_cool_clicks(n_clicks):
        return f"Cool ({n_clicks})"

    return app


def test_dmc_select_slider_button_and_function_prop(dash_duo) -> None:
    dash_duo.start_server(mantine_app())

    dash_duo.wait_for_text_to_equal("#title", "Thermostat")
    dash_duo.wait_for_text_to_equal("#setting", "kitchen at 20")
    dash_duo.wait_for_text_to_equal("#applied", "applied 0 times")

    # The slider label is computed by the assets function named in the prop.
    dash_duo.wait_for_contains_text(".mantine-Slider-label", "20 °C")
    # Components inside `marks[].label` and `label` render as Dash components.
    dash_duo.wait_for_text_to_equal("#mark-cold", "cold")
    dash_duo.wait_for_text_to_equal("#mark-hot", "hot")
    dash_duo.wait_for_text_to_equal("#eco-label", "Eco mode")

    # Select: open the dropdown, pick an option.
    dash_duo.find_element("#room").click()
    option = dash_duo.wait_for_element("[role='option'][value='garage']")
    option.click()
    dash_duo.wait_for_text_to_equal("#setting", "garage at 20")
    dash_duo.wait_for_text_to_equal("#room", "Garage")

    # Slider: keyboard steps report the value on change end; the label follows.
    thumb = dash_duo.find_element("[role='slider']")
    thumb.click()
    thumb.send_keys(Keys.HOME)
    dash_duo.wait_for_text_to_equal("#setting", "garage at 10")
    thumb.send_keys(Keys.ARROW_RIGHT)
    thumb.send_keys(Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#setting", "garage at 12")
    dash_duo.wait_for_contains_text(".mantine-Slider-label", "12 °C")

    # SegmentedControl with component labels (ExternalWrapper).
    dash_duo.wait_for_text_to_equal("#mode-out", "mode heat")
    dash_duo.wait_for_text_to_equal("#mode-heat", "Heat")
    dash_duo.find_element("#mode-cool").click()
    dash_duo.wait_for_text_to_equal("#mode-out", "mode cool")
    dash_duo.wait_for_text_to_equal("#mode-cool", "Cool (1)")
    dash_duo.find_element("#mode-heat").click()
    dash_duo.wait_for_text_to_equal("#mode-out", "mode heat")
    dash_duo.find_element("#mode-cool").click()
    dash_duo.wait_for_text_to_equal("#mode-cool", "Cool (2)")
    dash_duo.wait_for_text_to_equal("#mode-out", "mode cool")

    # Button clicks count.
    dash_duo.multiple_click("#apply", 3, delay=0.1)
    dash_duo.wait_for_text_to_equal("#applied", "applied 3 times")

    # Switch: its input reports `checked`; a callback rewrites the component inside its label.
    dash_duo.find_element(".mantine-Switch-track").click()
    dash_duo.wait_for_text_to_equal("#eco-out", "eco on")
    dash_duo.wait_for_text_to_equal("#eco-label", "Eco mode (saving)")

    assert console_errors(dash_duo) == []

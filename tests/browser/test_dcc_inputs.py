"""dcc.Input, dcc.Textarea and dcc.Button driven in Chromium as a user would."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.keys import Keys
from steady_state import holds

from dash import Dash, Input, Output, State, dcc, html

pytestmark = pytest.mark.browser


def test_input_sends_every_keystroke_and_counts_submit_and_blur(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Input(id="name", placeholder="Your name", className="wide"),
            html.Div(id="echo"),
            html.Div(id="events"),
        ]
    )

    @app.callback(Output("echo", "children"), Input("name", "value"))
    def echo(value):
        return f"value={value!r}"

    @app.callback(Output("events", "children"), Input("name", "n_submit"), Input("name", "n_blur"))
    def events(n_submit, n_blur):
        return f"submit={n_submit} blur={n_blur}"

    start(dash_duo, app)
    box = dash_duo.wait_for_element("#name")
    assert box.tag_name == "input"
    assert "dash-input-element" in box.get_attribute("class")
    wrapper = dash_duo.find_element(".dash-input-container")
    assert wrapper.get_attribute("class").split() == ["dash-input-container", "dash-input", "wide"]
    dash_duo.wait_for_text_to_equal("#echo", "value=None")
    box.send_keys("Ada")
    dash_duo.wait_for_text_to_equal("#echo", "value='Ada'")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#events", "submit=1 blur=None")
    dash_duo.find_element("#echo").click()
    dash_duo.wait_for_text_to_equal("#events", "submit=1 blur=1")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_debounced_input_sends_on_enter_only(dash_duo) -> None:
    calls = []
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="q", debounce=True), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("q", "value"), prevent_initial_call=True)
    def search(value):
        calls.append(value)
        return f"searched {value}"

    start(dash_duo, app)
    box = dash_duo.wait_for_element("#q")
    box.send_keys("plotly")
    dash_duo.wait_for_text_to_equal("#q", "plotly")
    holds(lambda: dash_duo.find_element("#out").text == "")  # nothing sent before Enter
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "searched plotly")
    assert calls == ["plotly"]
    assert dash_duo.get_logs() == []


def test_number_input_sends_numbers_and_none_when_invalid(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Input(id="n", type="number", min=0, max=10, value=5), html.Div(id="out")]
    )

    @app.callback(Output("out", "children"), Input("n", "value"))
    def show(value):
        return f"{type(value).__name__}:{value}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "int:5")
    box = dash_duo.find_element("#n")
    box.send_keys(Keys.BACKSPACE, "7.5")
    dash_duo.wait_for_text_to_equal("#out", "float:7.5")
    box.send_keys(Keys.BACKSPACE, Keys.BACKSPACE, Keys.BACKSPACE, "42")
    dash_duo.wait_for_text_to_equal("#out", "NoneType:None")
    for _ in range(2):
        box.send_keys(Keys.BACKSPACE)
    dash_duo.find_element(".dash-stepper-increment").click()
    dash_duo.wait_for_text_to_equal("#out", "int:0")
    dash_duo.find_element(".dash-stepper-increment").click()
    dash_duo.wait_for_text_to_equal("#out", "int:1")
    dash_duo.find_element(".dash-stepper-decrement").click()
    dash_duo.wait_for_text_to_equal("#out", "int:0")
    assert dash_duo.find_element(".dash-stepper-decrement").get_attribute("disabled")
    assert dash_duo.get_logs() == []


def test_callback_can_rewrite_the_input_value(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="text", value="abc"), dcc.Button("Reset", id="reset")])

    @app.callback(Output("text", "value"), Input("reset", "n_clicks"), prevent_initial_call=True)
    def reset(_):
        return "reset!"

    start(dash_duo, app)
    dash_duo.wait_for_element("#text").send_keys("def")
    dash_duo.wait_for_text_to_equal("#text", "abcdef")
    dash_duo.find_element("#reset").click()
    dash_duo.wait_for_text_to_equal("#text", "reset!")
    assert dash_duo.get_logs() == []


def test_textarea_and_button(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Textarea(id="notes", rows=4, placeholder="Notes"),
            dcc.Button("Save", id="save"),
            html.Div(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("save", "n_clicks"),
        State("notes", "value"),
        prevent_initial_call=True,
    )
    def save(n_clicks, notes):
        return f"{n_clicks}: {notes.replace(chr(10), ' | ')}"

    start(dash_duo, app)
    notes = dash_duo.wait_for_element("#notes")
    assert notes.get_attribute("class").startswith("dash-textarea")
    notes.send_keys("line one", Keys.ENTER, "line two")
    button = dash_duo.find_element("#save")
    assert button.get_attribute("class") == "dash-button "
    assert button.get_attribute("type") == "button"
    button.click()
    dash_duo.wait_for_text_to_equal("#out", "1: line one | line two")
    button.click()
    dash_duo.wait_for_text_to_equal("#out", "2: line one | line two")
    assert dash_duo.get_logs() == []

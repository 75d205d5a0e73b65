"""dcc.Slider and dcc.RangeSlider in Chromium: dragging, clicking, keys, marks, tooltips, inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from steady_state import holds

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parent / "artifacts" / "dcc_slider.png"


def slider_app(slider) -> Dash:
    """The slider plus `#value` / `#drag` showing what callbacks receive."""
    app = Dash(__name__)
    app.layout = html.Div(
        [slider, html.Div(id="value"), html.Div(id="drag")],
        style={"width": "600px", "padding": "40px 20px"},
    )

    @app.callback(Output("value", "children"), Input(slider.id, "value"))
    def show_value(value):
        return f"value {value}"

    @app.callback(Output("drag", "children"), Input(slider.id, "drag_value"))
    def show_drag(value):
        return f"drag {value}"

    return app


def click_at(dash_duo, selector: str, fraction: float) -> None:
    """Click the element at `fraction` of its width (0 = left edge)."""
    element = dash_duo.find_element(selector)
    width = element.size["width"]
    offset = int(width * fraction - width / 2)
    ActionChains(dash_duo.driver).move_to_element_with_offset(element, offset, 0).click().perform()


def test_slider_markup_and_click_on_the_track(dash_duo) -> None:
    start(dash_duo, slider_app(dcc.Slider(0, 20, 5, value=10, id="s", className="mine")))
    dash_duo.wait_for_text_to_equal("#value", "value 10")
    dash_duo.wait_for_text_to_equal("#drag", "drag 10")  # sent once on mount
    container = dash_duo.find_element("#s")
    assert container.get_attribute("class") == "dash-slider-container mine"
    root = dash_duo.find_element("#s .dash-slider-root")
    assert "has-marks" in root.get_attribute("class").split()
    assert root.get_attribute("data-orientation") == "horizontal"
    assert root.get_attribute("data-included") == "true"
    thumb = dash_duo.find_element("#s [role='slider']")
    assert "dash-slider-thumb-1" in thumb.get_attribute("class")
    assert thumb.get_attribute("aria-valuenow") == "10"
    assert (thumb.get_attribute("aria-valuemin"), thumb.get_attribute("aria-valuemax")) == (
        "0",
        "20",
    )
    marks = dash_duo.find_elements("#s .dash-slider-mark")
    assert [m.text for m in marks] == ["0", "5", "10", "15", "20"]
    outside = [
        "dash-slider-mark-outside-selection" in m.get_attribute("class").split() for m in marks
    ]
    assert outside == [False, False, False, True, True]
    assert dash_duo.find_elements("#s .dash-slider-track > .dash-slider-range")
    # No Dash 2 rc-slider hooks.
    assert dash_duo.find_elements(".rc-slider") == []

    click_at(dash_duo, "#s .dash-slider-root", 0.95)
    dash_duo.wait_for_text_to_equal("#value", "value 20")
    dash_duo.wait_for_element("#s [role='slider'][aria-valuenow='20']")
    dash_duo.wait_for_text_to_equal("#drag", "drag 20")
    assert dash_duo.get_logs() == []


def test_keyboard_moves_by_step_and_updatemode_drag(dash_duo) -> None:
    start(dash_duo, slider_app(dcc.Slider(0, 10, 1, value=3, id="s", updatemode="drag")))
    dash_duo.wait_for_text_to_equal("#value", "value 3")
    thumb = dash_duo.find_element("#s [role='slider']")
    thumb.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#value", "value 5")
    thumb.send_keys(Keys.HOME)
    dash_duo.wait_for_text_to_equal("#value", "value 0")
    thumb.send_keys(Keys.END)
    dash_duo.wait_for_text_to_equal("#value", "value 10")
    dash_duo.wait_for_element("#s [role='slider'][aria-valuenow='10']")
    assert dash_duo.get_logs() == []


def released_at(shown: str) -> int | None:
    """The drop point once `value N drag N` shows a non-zero N for both, else None."""
    match = re.fullmatch(r"value (\d+) drag (\d+)", shown)
    if match and match[1] == match[2] and match[1] != "0":
        return int(match[1])
    return None


def test_drag_sends_drag_value_then_value_on_release(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Slider(0, 100, 1, value=0, id="s", marks=None), html.Div(id="value")],
        style={"width": "600px", "padding": "40px 20px"},
    )
    values: list = []
    drags: list = []

    @app.callback(Output("value", "children"), Input("s", "value"), Input("s", "drag_value"))
    def record(value, drag_value):
        values.append(value)
        drags.append(drag_value)
        return f"value {value} drag {drag_value}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#value", "value 0 drag 0")
    thumb = dash_duo.find_element("#s [role='slider']")
    assert dash_duo.find_elements("#s .dash-slider-mark") == []
    width = dash_duo.find_element("#s .dash-slider-root").size["width"]
    step = int(width * 0.25)
    # One gesture: press, move, pause, move, release.
    (
        ActionChains(dash_duo.driver)
        .click_and_hold(thumb)
        .move_by_offset(step, 0)
        .pause(0.5)
        .move_by_offset(step, 0)
        .pause(0.5)
        .release()
        .perform()
    )
    # The release sends value and drag_value together: wait until both show the drop point.
    dropped = until(lambda: released_at(dash_duo.find_element("#value").text), timeout=10)
    assert 40 <= dropped <= 60
    dash_duo.wait_for_element(f"#s [role='slider'][aria-valuenow='{dropped}']")
    # drag_value followed the pointer; value only changed once, on release.
    assert any(0 < d < dropped for d in drags if d is not None)
    assert sorted(set(values)) == [0, dropped]
    assert dash_duo.get_logs() == []


def test_step_none_moves_between_marks_only(dash_duo) -> None:
    marks = {0: "0°C", 26: "26°C", 37: {"label": "37°C", "style": {"color": "red"}}, 100: "100°C"}
    start(dash_duo, slider_app(dcc.Slider(0, 100, None, marks=marks, value=26, id="s")))
    dash_duo.wait_for_text_to_equal("#value", "value 26")
    # No number box without a numeric step.
    assert dash_duo.find_elements("#s input") == []
    styled = dash_duo.find_elements("#s .dash-slider-mark")[2]
    assert styled.text == "37°C"
    assert styled.value_of_css_property("color") == "rgba(255, 0, 0, 1)"
    thumb = dash_duo.find_element("#s [role='slider']")
    thumb.send_keys(Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#value", "value 37")
    click_at(dash_duo, "#s .dash-slider-root", 0.7)
    dash_duo.wait_for_text_to_equal("#value", "value 100")
    assert dash_duo.get_logs() == []


def test_direct_input_commits_snapped_and_clamped_values(dash_duo) -> None:
    start(dash_duo, slider_app(dcc.Slider(0, 50, 5, value=10, id="s")))
    dash_duo.wait_for_text_to_equal("#value", "value 10")
    box = dash_duo.find_element("#s .dash-range-slider-max-input")
    assert box.get_attribute("type") == "number"
    assert "dash-input-container" in box.get_attribute("class").split()
    assert dash_duo.find_elements("#s .dash-range-slider-min-input") == []
    dash_duo.clear_input(box)
    box.send_keys("23")
    dash_duo.wait_for_text_to_equal(box, "23")
    # Nothing is sent while typing.
    holds(lambda: dash_duo.find_element("#value").text == "value 10")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#value", "value 25")
    dash_duo.wait_for_text_to_equal(box, "25")
    dash_duo.clear_input(box)
    box.send_keys("900", Keys.TAB)
    dash_duo.wait_for_text_to_equal("#value", "value 50")
    dash_duo.wait_for_element("#s [role='slider'][aria-valuenow='50']")
    assert dash_duo.get_logs() == []


def test_range_slider_thumbs_inputs_and_pushable(dash_duo) -> None:
    start(
        dash_duo,
        slider_app(dcc.RangeSlider(0, 20, 1, value=[5, 15], id="r", pushable=2)),
    )
    dash_duo.wait_for_text_to_equal("#value", "value [5, 15]")
    low, high = dash_duo.find_elements("#r [role='slider']")
    assert "dash-slider-thumb-1" in low.get_attribute("class")
    assert "dash-slider-thumb-2" in high.get_attribute("class")
    assert (low.get_attribute("aria-label"), high.get_attribute("aria-label")) == (
        "Minimum",
        "Maximum",
    )
    low_box = dash_duo.find_element("#r .dash-range-slider-min-input")
    high_box = dash_duo.find_element("#r .dash-range-slider-max-input")
    assert (low_box.get_attribute("value"), high_box.get_attribute("value")) == ("5", "15")
    high.send_keys(Keys.ARROW_LEFT)
    dash_duo.wait_for_text_to_equal("#value", "value [5, 14]")
    dash_duo.wait_for_text_to_equal(high_box, "14")
    dash_duo.clear_input(low_box)
    low_box.send_keys("9", Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#value", "value [9, 14]")
    # pushable=2 keeps two steps between the handles.
    for _ in range(5):
        low.send_keys(Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#value", "value [12, 14]")
    marks = dash_duo.find_elements("#r .dash-slider-mark")
    inside = [m.text for m in marks if "outside-selection" not in m.get_attribute("class")]
    assert inside == ["12", "14"]  # generated marks every 2 steps
    assert dash_duo.get_logs() == []


def test_tooltips_vertical_and_disabled(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Slider(
                0,
                10,
                1,
                value=4,
                id="tip",
                tooltip={"always_visible": True, "placement": "bottom", "template": "{value} kg"},
            ),
            dcc.Slider(0, 10, 1, value=2, id="fn", tooltip={"transform": "double"}),
            dcc.Slider(0, 10, 1, value=7, id="up", vertical=True, verticalHeight=200),
            dcc.RangeSlider(0, 10, 1, value=[2, 6], id="off", disabled=True, dots=True),
        ],
        style={"width": "500px", "padding": "40px 20px"},
    )
    start(dash_duo, app)
    bubble = dash_duo.find_element("#tip .dash-slider-tooltip")
    assert "always-visible" in bubble.get_attribute("class").split()
    assert dash_duo.find_element("#tip-tooltip-1-content").text == "4 kg"
    # `transform` names a function under window.dccFunctions (normally from assets/).
    dash_duo.driver.execute_script("window.dccFunctions = {double: v => v * 2}")
    fn_thumb = dash_duo.find_element("#fn [role='slider']")
    fn_thumb.send_keys(Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#fn-tooltip-1-content", "6")
    vertical = dash_duo.find_element("#up .dash-slider-root")
    assert vertical.get_attribute("data-orientation") == "vertical"
    assert vertical.size["height"] == 200
    assert dash_duo.find_elements("#up input") == []
    dash_duo.find_element("#up [role='slider']").send_keys(Keys.ARROW_UP)
    dash_duo.wait_for_element("#up [role='slider'][aria-valuenow='8']")
    off_root = dash_duo.find_element("#off .dash-slider-root")
    assert off_root.get_attribute("aria-disabled") == "true"
    assert off_root.get_attribute("data-disabled") is not None
    assert len(dash_duo.find_elements("#off .dash-slider-dot")) == 11
    outside = dash_duo.find_elements("#off .dash-slider-dot-outside-selection")
    assert len(outside) == 6
    assert dash_duo.get_logs() == []


def test_persistence_keeps_the_value_across_reloads(dash_duo) -> None:
    start(dash_duo, slider_app(dcc.Slider(0, 10, 1, value=2, id="s", persistence=True)))
    dash_duo.wait_for_text_to_equal("#value", "value 2")
    dash_duo.find_element("#s [role='slider']").send_keys(Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal("#value", "value 3")
    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal("#value", "value 3")
    assert dash_duo.find_element("#s [role='slider']").get_attribute("aria-valuenow") == "3"
    assert dash_duo.get_logs() == []


def test_slider_screenshot(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.H3("Sliders"),
            dcc.Slider(0, 20, 5, value=10, id="a"),
            dcc.Slider(0, 100, 1, value=40, id="b", marks=None, tooltip={"always_visible": True}),
            dcc.RangeSlider(0, 50000, 1000, value=[10000, 35000], id="c"),
            dcc.Slider(
                0,
                100,
                None,
                marks={0: "0°C", 26: "26°C", 37: "37°C", 100: "100°C"},
                value=37,
                id="d",
            ),
            dcc.RangeSlider(0, 10, 1, value=[3, 7], id="e", dots=True, disabled=True),
        ],
        style={"fontFamily": "system-ui, sans-serif", "width": "600px", "margin": "24px"},
    )
    start(dash_duo, app)
    dash_duo.driver.set_window_size(700, 600)
    dash_duo.wait_for_element("#e [role='slider']")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    dash_duo.driver.save_screenshot(str(SCREENSHOT))
    assert dash_duo.get_logs() == []

"""The `show_undo_redo` toolbar: undo and redo replay typed input changes and the callbacks follow."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as start

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

UNDO = "._dash-undo-redo span:first-child div:last-child"
REDO = "._dash-undo-redo span:last-child div:last-child"


def echo_app(show_undo_redo: bool) -> Dash:
    app = Dash(__name__, show_undo_redo=show_undo_redo)
    app.layout = html.Div([dcc.Input(id="a"), html.Div(id="b")])

    @app.callback(Output("b", "children"), Input("a", "value"))
    def echo(value):
        return value

    return app


def toolbar_links(dash_duo) -> list[list[str]]:
    """The words of each link the undo/redo toolbar shows."""
    links = dash_duo.find_elements("._dash-undo-redo > div > span._dash-undo-redo-link")
    return [link.text.split() for link in links]


def click_link(dash_duo, selector: str, label: str) -> None:
    dash_duo.wait_for_text_to_equal(selector, label)
    dash_duo.find_element(selector).click()


def test_undo_and_redo_step_through_typed_values(dash_duo) -> None:
    start(dash_duo, echo_app(True))
    toolbar = dash_duo.wait_for_element("#react-entry-point > ._dash-undo-redo")
    assert toolbar.find_elements("css selector", "._dash-undo-redo-link") == []
    first = dash_duo.driver.execute_script(
        "return document.getElementById('react-entry-point').firstElementChild.className"
    )
    assert first == "_dash-undo-redo"

    box = dash_duo.find_element("#a")
    box.send_keys("xyz")
    dash_duo.wait_for_text_to_equal("#b", "xyz")
    until(lambda: toolbar_links(dash_duo) == [["↺", "undo"]], timeout=5)
    assert dash_duo.find_element("._dash-undo-redo ._dash-icon-undo").text == "↺"

    click_link(dash_duo, UNDO, "undo")
    dash_duo.wait_for_text_to_equal("#b", "xy")
    dash_duo.wait_for_text_to_equal(box, "xy")
    click_link(dash_duo, UNDO, "undo")
    dash_duo.wait_for_text_to_equal("#b", "x")
    dash_duo.wait_for_text_to_equal(box, "x")
    assert dash_duo.find_element("._dash-undo-redo ._dash-icon-redo").text == "↻"

    click_link(dash_duo, REDO, "redo")
    dash_duo.wait_for_text_to_equal("#b", "xy")
    dash_duo.wait_for_text_to_equal(box, "xy")

    click_link(dash_duo, UNDO, "undo")
    dash_duo.wait_for_text_to_equal("#b", "x")
    click_link(dash_duo, UNDO, "undo")
    dash_duo.wait_for_text_to_equal("#b", "")
    until(lambda: box.get_attribute("value") == "", timeout=5)
    # Only redo is left: it is then the one link in the toolbar.
    until(lambda: toolbar_links(dash_duo) == [["↻", "redo"]], timeout=5)

    click_link(dash_duo, REDO, "redo")
    dash_duo.wait_for_text_to_equal("#b", "x")
    # Typing after an undo starts a new branch: nothing is left to redo.
    box.send_keys("q")
    dash_duo.wait_for_text_to_equal("#b", "xq")
    dash_duo.wait_for_no_elements("._dash-icon-redo")
    assert dash_duo.get_logs() == []


def test_undo_works_next_to_the_dev_tools(dash_duo) -> None:
    start(dash_duo, echo_app(True), debug=True, use_reloader=False, dev_tools_hot_reload=False)
    dash_duo.wait_for_element(".dash-debug-menu__outer")
    dash_duo.find_element("#a").send_keys("ok")
    dash_duo.wait_for_text_to_equal("#b", "ok")
    click_link(dash_duo, UNDO, "undo")
    dash_duo.wait_for_text_to_equal("#b", "o")
    assert dash_duo.find_elements(".test-devtools-error-count") == []


def test_toolbar_absent_without_show_undo_redo(dash_duo) -> None:
    start(dash_duo, echo_app(False))
    dash_duo.find_element("#a").send_keys("ab")
    dash_duo.wait_for_text_to_equal("#b", "ab")
    assert dash_duo.find_elements("._dash-undo-redo") == []

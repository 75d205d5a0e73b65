"""The example apps a newcomer runs first behave as their pages say."""

from __future__ import annotations

from pathlib import Path

import pytest

from dash.testing.application_runners import import_app
from dash.testing.wait import until

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_hello_counts_clicks(dash_duo) -> None:
    app = import_app(str(EXAMPLES / "hello.py"))
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#hello-output", "You have not clicked yet.")
    dash_duo.find_element("#hello-button").click()
    dash_duo.wait_for_text_to_equal("#hello-output", "You clicked 1 time.")
    dash_duo.multiple_click("#hello-button", 2, delay=0.2)
    dash_duo.wait_for_text_to_equal("#hello-output", "You clicked 3 times.")
    # The shared stylesheet in examples/assets/ is loaded.
    dash_duo.wait_for_style_to_equal("#hello-button", "border-radius", "8px")
    # While callbacks are pending the title reads "Updating...".
    until(lambda: dash_duo.driver.title == "Hello, dash-next", timeout=5)
    assert dash_duo.get_logs() == []


def test_chained_runs_the_chain(dash_duo) -> None:
    app = import_app(str(EXAMPLES / "chained.py"))
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#feeling", "Pleasant")
    assert dash_duo.find_element("#celsius").text == "20"
    assert dash_duo.find_element("#fahrenheit").text == "68"

    for celsius, fahrenheit, feeling in (("25", "77", "Pleasant"), ("30", "86", "Hot")):
        dash_duo.find_element("#warmer").click()
        dash_duo.wait_for_text_to_equal("#celsius", celsius)
        dash_duo.wait_for_text_to_equal("#fahrenheit", fahrenheit)
        dash_duo.wait_for_text_to_equal("#feeling", feeling)

    dash_duo.multiple_click("#colder", 3, delay=0.2)
    dash_duo.wait_for_text_to_equal("#celsius", "15")
    dash_duo.wait_for_text_to_equal("#fahrenheit", "59")
    dash_duo.wait_for_text_to_equal("#feeling", "Cool")
    assert dash_duo.get_logs() == []

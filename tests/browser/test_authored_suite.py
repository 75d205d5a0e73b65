"""A component package made with `dash-generate-components` renders and calls back.

The package lives in `tests/fixtures/my_components`: a React component written
as a classic script, its react-docgen metadata and the Python package the
generator wrote from them (a unit test checks that it is up to date).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from selenium.webdriver.common.by import By

from dash import Dash, Input, Output, html
from dash.development.base_component import ComponentRegistry

pytestmark = pytest.mark.browser

FIXTURE_ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "my_components"


@pytest.fixture
def my_components(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The generated package, imported from the fixture folder and forgotten afterwards
    (so that other tests' pages do not load its script)."""
    monkeypatch.syspath_prepend(str(FIXTURE_ROOT))
    module = importlib.import_module("my_components")
    yield module
    for name in [n for n in sys.modules if n.split(".")[0] == "my_components"]:
        del sys.modules[name]
    ComponentRegistry.registry.discard("my_components")


def test_generated_component_renders_and_drives_callbacks(dash_duo, wait_idle, my_components):
    app = Dash(__name__)
    app.layout = html.Div(
        [
            my_components.Counter(
                html.Span("inside the counter", id="counter-extra"),
                id="counter",
                label="Presses",
                size="large",
            ),
            html.Div(id="clicks-out"),
        ]
    )

    @app.callback(Output("clicks-out", "children"), Input("counter", "n_clicks"))
    def show_clicks(n_clicks):
        return f"counter says {n_clicks}"

    @app.callback(
        Output("counter", "label"), Input("counter", "n_clicks"), prevent_initial_call=True
    )
    def relabel(n_clicks):
        return "Again" if n_clicks < 3 else "Enough"

    dash_duo.start_server(app)
    button = "#counter .my-counter-button"
    dash_duo.wait_for_text_to_equal(button, "Presses: 0")
    dash_duo.wait_for_text_to_equal("#clicks-out", "counter says None")
    assert "my-counter-large" in dash_duo.find_element("#counter").get_attribute("class")
    assert dash_duo.find_element("#counter-extra").text == "inside the counter"

    dash_duo.find_element(button).click()
    dash_duo.wait_for_text_to_equal("#clicks-out", "counter says 1")
    dash_duo.wait_for_text_to_equal(button, "Again: 1")
    dash_duo.multiple_click(button, 2, delay=0.2)
    dash_duo.wait_for_text_to_equal("#clicks-out", "counter says 3")
    dash_duo.wait_for_text_to_equal(button, "Enough: 3")
    wait_idle()

    suite_scripts = dash_duo.driver.find_elements(
        By.CSS_SELECTOR, "script[src*='_dash-component-suites/my_components/my_components.v0_1_0m']"
    )
    assert len(suite_scripts) == 1
    assert dash_duo.get_logs() == []

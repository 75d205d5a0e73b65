"""examples/gallery.py: every dcc component renders, and driving them updates each card's answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from steady_state import holds

from dash.testing.application_runners import import_app
from dash.testing.wait import until

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCREENSHOT = Path(__file__).parent / "artifacts" / "gallery_example.png"

# One selector per component that draws something; Store, Interval, Location, Download,
# ConfirmDialog and Geolocation have no DOM element and are checked through their callbacks.
RENDERED = {
    "Graph": "#chart .js-plotly-plot",
    "Dropdown (single)": "#city.dash-dropdown",
    "Dropdown (multi)": "#languages .dash-dropdown-value-count",
    "Input": "#name.dash-input-element",
    "Input (number)": "#age[type='number']",
    "Textarea": "#notes.dash-textarea",
    "Checklist": "#channels.dash-checklist input[type='checkbox']",
    "RadioItems": "#size.dash-radioitems input[type='radio']",
    "Slider": "#volume .dash-slider-thumb",
    "RangeSlider": "#price .dash-slider-thumb-2",
    "DatePickerSingle": "#day.dash-datepicker-input",
    "DatePickerRange": "#stay-end-date.dash-datepicker-end-date",
    "Tabs": "#tabs .tab--selected",
    "Button": "#add.dash-button",
    "Link": "a.gallery-link[href='/?view=favourites']",
    "Markdown": "#snippet pre code[data-highlighted='yes']",
    "Upload": "#upload input[type='file']",
    "Loading": "#loading",
    "Tooltip": ".dcc-tooltip-bounding-box #tooltip.hover-content",
    "ConfirmDialogProvider": "#confirm-publish .dash-button",
    "Clipboard": "#copy svg[data-icon='copy']",
}


def page_errors(dash_duo) -> list[dict]:
    """Console errors, leaving out Chromium's failed look-up of its network location service.

    Geolocation asks the browser for a position when it mounts; with no network Chromium logs
    that its location provider is unreachable, which says nothing about the app.
    """
    return [e for e in dash_duo.get_logs() if "Network location provider" not in e["message"]]


@pytest.fixture
def gallery(dash_duo):
    """The gallery app, started and fully rendered."""
    app = import_app(str(EXAMPLES / "gallery.py"))
    start(dash_duo, app)
    dash_duo.driver.set_window_size(1280, 1000)
    dash_duo.wait_for_text_to_equal("#dropdown-output", "You picked Lisbon, and Python and SQL.")
    return dash_duo


def test_every_component_renders_with_its_first_answer(gallery) -> None:
    for name, selector in RENDERED.items():
        assert gallery.wait_for_element(selector, timeout=10), name
    expected = {
        "#chart-output": "Click a point of the line.",
        "#input-output": "Hello, stranger! You are 36.",
        "#textarea-output": "2 tasks, 25 characters.",
        "#checklist-output": "You checked email.",
        "#radio-output": "You chose Medium.",
        "#slider-output": "Volume: 40%.",
        "#range-output": "Between $100 and $300.",
        "#date-output": "You picked Monday 12 May 2025.",
        "#stay-output": "5 nights, from 2025-07-04 to 2025-07-09.",
        "#tabs-output": "You are on the Overview tab.",
        "#button-output": "The Store holds 0 clicks.",
        "#location-output": "You are at /.",
        "#markdown-output": "Showing the python example.",
        "#tooltip-output": "The tooltip is shown.",
        "#confirm-output": "Nothing confirmed yet.",
        "#clipboard-output": "Nothing copied yet.",
        "#upload-output": "No file yet.",
    }
    for selector, text in expected.items():
        gallery.wait_for_text_to_equal(selector, text)
    # The Interval ticks on its own.
    gallery.wait_for_contains_text("#interval-output", "(running)")
    WebDriverWait(gallery.driver, 10).until(
        lambda _: (
            not gallery.find_element("#interval-output").text.startswith("The clock ticked 0 ")
        )
    )
    # The gallery's own CSS is loaded, the shared style.css of the other examples is not.
    gallery.wait_for_style_to_equal(".gallery-card", "border-radius", "8px")
    assert (
        gallery.driver.execute_script(
            "return [...document.querySelectorAll('link[rel=stylesheet]')]"
            ".some(l => l.href.includes('style.css'))"
        )
        is False
    )
    # The Interval's callbacks keep coming: between them the title is back from "Updating...".
    until(lambda: gallery.driver.title == "dcc gallery", timeout=5)

    SCREENSHOT.parent.mkdir(exist_ok=True)
    height = gallery.driver.execute_script("return document.documentElement.scrollHeight")
    gallery.driver.set_window_size(1280, height + 200)
    gallery.driver.save_screenshot(str(SCREENSHOT))
    assert page_errors(gallery) == []


def test_driving_the_widgets_updates_their_cards(gallery) -> None:
    name = gallery.find_element("#name")
    name.send_keys("Grace")
    gallery.wait_for_text_to_equal("#input-output", "Hello, Grace! You are 36.")

    gallery.find_element("#city").click()
    gallery.wait_for_element(".dash-dropdown-content")
    next(
        row for row in gallery.find_elements(".dash-dropdown-option") if row.text == "Tokyo"
    ).click()
    gallery.wait_for_text_to_equal("#dropdown-output", "You picked Tokyo, and Python and SQL.")

    thumb = gallery.find_element("#volume .dash-slider-thumb")
    thumb.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    gallery.wait_for_text_to_equal("#slider-output", "Volume: 60%.")

    tabs = gallery.find_elements("#tabs .tab")
    tabs[1].click()
    gallery.wait_for_text_to_equal("#tabs-output", "You are on the Details tab.")
    gallery.wait_for_text_to_equal("#tabs-parent .tab-content", "Every number, in a table.")
    tabs[2].click()  # disabled: nothing changes
    holds(
        lambda: (
            gallery.find_element("#tabs-output").text == "You are on the Details tab."
            and gallery.find_element("#tabs-parent .tab-content").text
            == "Every number, in a table."
        )
    )

    gallery.multiple_click("#add", 3, delay=0.2)
    gallery.wait_for_text_to_equal("#button-output", "The Store holds 3 clicks.")
    gallery.find_element("#reset").click()
    gallery.wait_for_text_to_equal("#button-output", "The Store holds 0 clicks.")

    options = gallery.find_elements("#channels input")
    options[1].click()
    gallery.wait_for_text_to_equal("#checklist-output", "You checked email and sms.")

    gallery.find_element("#snippet-language input[value='sql']").click()
    gallery.wait_for_text_to_equal("#markdown-output", "Showing the sql example.")
    gallery.wait_for_element("#snippet code.language-sql[data-highlighted='yes']")

    gallery.find_element("a.gallery-link[href='/?view=favourites']").click()
    gallery.wait_for_text_to_equal("#location-output", "You are at /?view=favourites.")

    gallery.find_element("#tooltip-button").click()
    gallery.wait_for_text_to_equal("#tooltip-output", "The tooltip is hidden.")
    gallery.wait_for_style_to_equal(".dcc-tooltip-bounding-box", "display", "none")
    assert page_errors(gallery) == []


def test_upload_confirm_and_slow_job(gallery, tmp_path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("twelve bytes")
    gallery.find_element("#upload input[type='file']").send_keys(str(notes))
    gallery.wait_for_text_to_equal("#upload-output", "Received notes.txt (12 bytes).")

    gallery.find_element("#delete").click()
    alert = WebDriverWait(gallery.driver, 5).until(expected_conditions.alert_is_present())
    assert alert.text == "Delete this draft for good?"
    alert.dismiss()
    gallery.wait_for_text_to_equal("#confirm-output", "You kept the draft.")

    gallery.find_element("#confirm-publish .dash-button").click()
    alert = WebDriverWait(gallery.driver, 5).until(expected_conditions.alert_is_present())
    alert.accept()
    gallery.wait_for_text_to_equal("#confirm-output", "You published the page.")

    gallery.find_element("#slow-button").click()
    gallery.wait_for_element("#loading .dash-spinner")
    gallery.wait_for_text_to_equal("#slow-result", "Result #1: 42.")
    gallery.wait_for_text_to_equal("#loading-output", "The job ran 1 time.")
    gallery.wait_for_no_elements("#loading .dash-spinner")

    gallery.find_element("#pause input").click()
    gallery.wait_for_contains_text("#interval-output", "(paused)")
    assert page_errors(gallery) == []

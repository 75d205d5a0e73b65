"""dcc.DatePickerSingle and dcc.DatePickerRange driven in Chromium: clicking days, typing dates,
keyboard, month navigation, clearing, portals, update modes and locales."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.keys import Keys
from steady_state import holds

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

FR_LOCALE = (
    Path(__file__).parents[2]
    / "frontend"
    / "node_modules"
    / "date-fns"
    / "locale"
    / "fr"
    / "cdn.min.js"
)
CONTENT = ".dash-datepicker-content"


def day(dash_duo, number: int, month: int = 0):
    """The in-month day cell showing `number`, in the `month`-th table of the open calendar."""
    table = dash_duo.find_elements(f"{CONTENT} table.dash-datepicker-calendar")[month]
    cells = table.find_elements("css selector", "td.dash-datepicker-calendar-date-inside")
    return next(cell for cell in cells if cell.text == str(number))


def classes(element) -> list[str]:
    return element.get_attribute("class").split()


def persisted(dash_duo, component_id: str, prop: str):
    """The value the renderer stored in localStorage for `persistence=True` (None before)."""
    entry = dash_duo.get_local_storage(f"_dash_persistence.{component_id}.{prop}.true")
    return entry[0] if entry else None


def single_app(**props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerSingle(id="dps", **props),
            html.Div(id="out"),
            html.Button("elsewhere", id="other", style={"marginLeft": "600px"}),
        ]
    )

    @app.callback(Output("out", "children"), Input("dps", "date"))
    def show(date):
        return repr(date)

    return app


def test_single_picks_a_clicked_day_and_skips_disabled_ones(dash_duo) -> None:
    app = single_app(
        date="2024-03-15",
        min_date_allowed="2024-03-03",
        max_date_allowed="2024-04-20",
        disabled_days=["2024-03-20"],
        className="picker",
        style={"marginTop": "8px"},
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "'2024-03-15'")
    box = dash_duo.find_element("#dps")
    assert box.tag_name == "input"
    assert classes(box) == ["dash-datepicker-input", "dash-datepicker-end-date"]
    assert box.get_attribute("value") == "2024-03-15"
    wrapper = dash_duo.find_element("#dps-wrapper")
    assert classes(wrapper) == ["dash-datepicker-input-wrapper", "picker"]
    assert wrapper.get_attribute("data-state") == "closed"
    assert wrapper.find_element("xpath", "..").get_attribute("class") == "dash-datepicker"
    assert dash_duo.find_elements(CONTENT) == []

    box.click()
    dash_duo.wait_for_element(f".dash-datepicker {CONTENT}[role='dialog']")
    dash_duo.wait_for_element("#dps-wrapper[data-state='open'][aria-expanded='true']")
    assert "dash-datepicker-calendar-date-selected" in classes(day(dash_duo, 15))
    assert (
        day(dash_duo, 15).get_attribute("class").startswith(" dash-datepicker-calendar-date-inside")
    )
    heads = [th.text for th in dash_duo.find_elements(f"{CONTENT} thead th")]
    assert heads == ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]
    assert dash_duo.find_elements(
        f"{CONTENT} td.dash-datepicker-calendar-date-outside"
    )  # shown by default
    assert dash_duo.find_element(
        ".dash-datepicker-month-nav[aria-label='Previous month']"
    ).get_attribute("disabled")
    disabled = day(dash_duo, 20)
    assert "dash-datepicker-calendar-date-disabled" in classes(disabled)
    assert disabled.get_attribute("aria-disabled") == "true"
    assert "dash-datepicker-calendar-date-disabled" in classes(
        day(dash_duo, 2)
    )  # before the minimum
    disabled.click()
    holds(lambda: dash_duo.find_element("#out").text == "'2024-03-15'")

    day(dash_duo, 22).click()
    dash_duo.wait_for_text_to_equal("#out", "'2024-03-22'")
    dash_duo.wait_for_no_elements(CONTENT)
    assert box.get_attribute("value") == "2024-03-22"
    assert dash_duo.get_logs() == []


def test_single_typed_dates_use_display_format_and_bad_ones_revert(dash_duo) -> None:
    app = single_app(date="2024-03-15", display_format="DD/MM/YYYY", disabled_days=["2024-05-01"])
    start(dash_duo, app)
    box = dash_duo.wait_for_element("#dps")
    until(lambda: box.get_attribute("value") == "15/03/2024", timeout=5)
    dash_duo.clear_input(box)
    box.send_keys("02/04/2024", Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'2024-04-02'")
    dash_duo.clear_input(box)
    box.send_keys("not a date", Keys.ENTER)
    until(lambda: box.get_attribute("value") == "02/04/2024", timeout=5)
    dash_duo.clear_input(box)
    box.send_keys("01/05/2024", Keys.TAB)  # a disabled day
    until(lambda: box.get_attribute("value") == "02/04/2024", timeout=5)
    holds(lambda: dash_duo.find_element("#out").text == "'2024-04-02'")
    dash_duo.clear_input(box)
    box.send_keys("24/12/2024")
    dash_duo.find_element("#other").click()  # leaving the box reads it too
    dash_duo.wait_for_text_to_equal("#out", "'2024-12-24'")
    assert dash_duo.get_logs() == []


def test_single_clear_and_reopen(dash_duo) -> None:
    app = single_app(date="2024-03-15", clearable=True, reopen_calendar_on_clear=True)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "'2024-03-15'")
    clear = dash_duo.find_element("#dps-wrapper a.dash-datepicker-clear")
    assert clear.get_attribute("aria-label") == "Clear date"
    clear.click()
    dash_duo.wait_for_text_to_equal("#out", "None")
    until(lambda: dash_duo.find_element("#dps").get_attribute("value") == "", timeout=5)
    assert dash_duo.find_element("#dps").get_attribute("placeholder") == "Select Date"
    dash_duo.wait_for_element(CONTENT)  # reopened
    dash_duo.wait_for_no_elements("#dps-wrapper a.dash-datepicker-clear")  # nothing left to clear
    assert dash_duo.get_logs() == []


def test_month_navigation_dropdown_year_box_and_keyboard(dash_duo) -> None:
    app = single_app(
        initial_visible_month="2024-01-10", max_date_allowed="2025-02-28", first_day_of_week=1
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "None")
    dash_duo.find_element("#dps").click()
    month_button = dash_duo.wait_for_element(".dash-datepicker-controls .dash-dropdown")
    assert month_button.text == "January"
    heads = [th.text for th in dash_duo.find_elements(f"{CONTENT} thead th")]
    assert heads[0] == "Mo" and heads[-1] == "Su"
    dash_duo.find_element(".dash-datepicker-month-nav[aria-label='Next month']").click()
    dash_duo.wait_for_text_to_equal(".dash-datepicker-controls .dash-dropdown", "February")

    month_button.click()
    june = next(
        o
        for o in dash_duo.find_elements(".dash-datepicker-controls .dash-dropdown-option")
        if o.text == "June"
    )
    june.click()
    dash_duo.wait_for_text_to_equal(".dash-datepicker-controls .dash-dropdown", "June")
    assert len(dash_duo.find_elements(".dash-datepicker-month-sizer")) == 12

    year = dash_duo.find_element(".dash-datepicker-controls input:not([aria-hidden])")
    assert year.get_attribute("type") == "number"
    year.send_keys(Keys.BACKSPACE, "5")
    until(
        lambda: "dash-datepicker-calendar-date-disabled" in classes(day(dash_duo, 30)), timeout=5
    )  # June 2025
    assert dash_duo.find_element(
        ".dash-datepicker-month-nav[aria-label='Next month']"
    ).get_attribute("disabled")
    year.send_keys(Keys.BACKSPACE, "4")
    until(
        lambda: "dash-datepicker-calendar-date-disabled" not in classes(day(dash_duo, 30)),
        timeout=5,
    )

    day(dash_duo, 30).send_keys(Keys.ARROW_RIGHT)  # 30 June -> 1 July: the month turns
    dash_duo.wait_for_text_to_equal(".dash-datepicker-controls .dash-dropdown", "July")
    # The focus follows the day in an effect after the month re-renders.
    until(lambda: dash_duo.driver.switch_to.active_element.text == "1", timeout=5)
    focused = dash_duo.driver.switch_to.active_element
    focused.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'2024-07-08'")
    assert dash_duo.get_logs() == []


def test_escape_and_outside_clicks_close_the_calendar(dash_duo) -> None:
    app = single_app(date="2024-03-15", stay_open_on_select=True)
    start(dash_duo, app)
    dash_duo.find_element("#dps").click()
    dash_duo.wait_for_element(CONTENT)
    day(dash_duo, 16).click()
    dash_duo.wait_for_text_to_equal("#out", "'2024-03-16'")
    assert dash_duo.find_elements(CONTENT)  # stays open
    dash_duo.find_element("#dps").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_no_elements(CONTENT)
    dash_duo.find_element("#dps").click()
    dash_duo.wait_for_element(CONTENT)
    dash_duo.find_element("#other").click()
    dash_duo.wait_for_no_elements(CONTENT)
    assert dash_duo.get_logs() == []


def test_portals_render_in_the_body(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerSingle(id="portal", date="2024-03-15", with_portal=True),
            dcc.DatePickerSingle(id="full", date="2024-03-15", with_full_screen_portal=True),
        ]
    )
    start(dash_duo, app)
    dash_duo.find_element("#portal").click()
    content = dash_duo.wait_for_element(
        f"body > [data-radix-popper-content-wrapper] > {CONTENT}.dash-datepicker-portal"
    )
    assert not dash_duo.find_elements(f".dash-datepicker {CONTENT}")
    assert not content.find_elements("css selector", ".dash-datepicker-close-button")
    day(dash_duo, 16).click()
    dash_duo.wait_for_no_elements(CONTENT)
    dash_duo.wait_for_text_to_equal("#portal", "2024-03-16")

    dash_duo.find_element("#full").click()
    dash_duo.wait_for_element(f"{CONTENT}.dash-datepicker-portal.dash-datepicker-fullscreen")
    dash_duo.find_element(".dash-datepicker-close-button[aria-label='Close calendar']").click()
    dash_duo.wait_for_no_elements(CONTENT)
    assert dash_duo.get_logs() == []


def range_app(**props) -> tuple[Dash, list]:
    calls: list = []
    app = Dash(__name__)
    app.layout = html.Div([dcc.DatePickerRange(id="dpr", **props), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("dpr", "start_date"), Input("dpr", "end_date"))
    def show(start_date, end_date):
        calls.append((start_date, end_date))
        return f"{start_date} {end_date}"

    return app, calls


def test_range_singledate_sends_each_end_and_a_new_start_resets_the_end(
    dash_duo, wait_idle
) -> None:
    app, calls = range_app(initial_visible_month="2024-03-01", clearable=True)
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "None None")
    start_box = dash_duo.find_element("#dpr")
    end_box = dash_duo.find_element("#dpr-end-date")
    assert classes(start_box) == ["dash-datepicker-input", "dash-datepicker-start-date"]
    assert classes(end_box) == ["dash-datepicker-input", "dash-datepicker-end-date"]
    assert (start_box.get_attribute("placeholder"), end_box.get_attribute("placeholder")) == (
        "Start Date",
        "End Date",
    )
    assert dash_duo.find_elements("#dpr-wrapper svg.dash-datepicker-range-arrow")

    start_box.click()
    dash_duo.wait_for_element(CONTENT)
    headers = [h.text for h in dash_duo.find_elements(".dash-datepicker-calendar-month-header")]
    assert headers == ["March 2024", "April 2024"]
    assert dash_duo.find_elements(
        f"{CONTENT} td.dash-datepicker-calendar-padding"
    )  # outside days hidden
    day(dash_duo, 10).click()
    dash_duo.wait_for_text_to_equal("#out", "2024-03-10 None")
    assert dash_duo.find_elements(CONTENT)  # still open for the end
    day(dash_duo, 4, month=1).click()
    dash_duo.wait_for_text_to_equal("#out", "2024-03-10 2024-04-04")
    dash_duo.wait_for_no_elements(CONTENT)

    start_box.click()
    dash_duo.wait_for_element(CONTENT)
    highlighted = dash_duo.find_elements(f"{CONTENT} td.dash-datepicker-calendar-date-highlighted")
    assert len(highlighted) == 26  # 10 March .. 4 April
    day(dash_duo, 12, month=1).click()  # a start after the end starts a new range
    dash_duo.wait_for_text_to_equal("#out", "2024-04-12 None")
    until(lambda: end_box.get_attribute("value") == "", timeout=5)

    dash_duo.find_element("#dpr-wrapper a.dash-datepicker-clear[aria-label='Clear Dates']").click()
    dash_duo.wait_for_text_to_equal("#out", "None None")
    wait_idle()
    assert calls[-1] == (None, None)
    assert dash_duo.get_logs() == []


def test_range_opens_on_the_start_month_when_both_ends_fit(dash_duo) -> None:
    app, _ = range_app(start_date="2025-07-04", end_date="2025-07-09")
    start(dash_duo, app)
    dash_duo.find_element("#dpr-end-date").click()
    dash_duo.wait_for_element(CONTENT)
    headers = [h.text for h in dash_duo.find_elements(".dash-datepicker-calendar-month-header")]
    assert headers == ["July 2025", "August 2025"]


def test_range_bothdates_waits_for_both_ends(dash_duo, wait_idle) -> None:
    app, calls = range_app(
        start_date="2024-03-01", end_date="2024-03-05", updatemode="bothdates", minimum_nights=2
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "2024-03-01 2024-03-05")
    dash_duo.find_element("#dpr").click()
    dash_duo.wait_for_element(CONTENT)
    day(dash_duo, 10).click()
    until(lambda: dash_duo.find_element("#dpr").get_attribute("value") == "2024-03-10", timeout=5)
    until(lambda: dash_duo.find_element("#dpr-end-date").get_attribute("value") == "", timeout=5)
    until(  # minimum_nights=2
        lambda: "dash-datepicker-calendar-date-disabled" in classes(day(dash_duo, 11)), timeout=5
    )
    day(dash_duo, 11).click()
    day(dash_duo, 14).click()
    dash_duo.wait_for_text_to_equal("#out", "2024-03-10 2024-03-14")
    wait_idle()
    assert calls == [("2024-03-01", "2024-03-05"), ("2024-03-10", "2024-03-14")]
    assert dash_duo.get_logs() == []


def test_range_typed_end_and_custom_ids(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerRange(
                id="dpr",
                start_date_id="from",
                end_date_id="to",
                start_date="2024-03-01",
                start_date_placeholder_text="From",
                end_date_placeholder_text="To",
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("dpr", "end_date"))
    def show(end_date):
        return str(end_date)

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "None")
    assert dash_duo.find_element("#dpr-wrapper #from").get_attribute("placeholder") == "From"
    end_box = dash_duo.find_element("#to")
    end_box.send_keys("2024-02-01", Keys.ENTER)  # before the start: refused
    until(lambda: end_box.get_attribute("value") == "", timeout=5)
    end_box.send_keys("2024-03-09", Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "2024-03-09")
    assert dash_duo.get_logs() == []


def test_locale_from_window_date_fns(dash_duo, tmp_path) -> None:
    if not FR_LOCALE.exists():
        pytest.skip("frontend/node_modules is not installed")
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "0-languages.js").write_text(
        "Object.defineProperty(navigator, 'languages', {get: () => ['fr-FR', 'fr']});\n",
        encoding="utf-8",
    )
    shutil.copy(FR_LOCALE, assets / "1-date-fns-fr.js")
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.Div(
        dcc.DatePickerSingle(
            id="dps", date="2024-03-15", display_format="dddd D MMMM YYYY", first_day_of_week=1
        )
    )
    start(dash_duo, app)
    box = dash_duo.wait_for_element("#dps")
    until(lambda: box.get_attribute("value") == "vendredi 15 mars 2024", timeout=5)
    box.click()
    dash_duo.wait_for_text_to_equal(".dash-datepicker-controls .dash-dropdown", "mars")
    heads = [th.text for th in dash_duo.find_elements(f"{CONTENT} thead th")]
    assert heads == ["lu", "ma", "me", "je", "ve", "sa", "di"]
    assert dash_duo.get_logs() == []


def test_picked_dates_persist_across_reloads(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.DatePickerSingle(id="dps", date="2024-03-15", persistence=True),
            dcc.DatePickerRange(
                id="dpr", start_date="2024-03-01", end_date="2024-03-05", persistence=True
            ),
        ]
    )
    start(dash_duo, app)
    dash_duo.find_element("#dps").click()
    dash_duo.wait_for_element(CONTENT)
    day(dash_duo, 20).click()
    dash_duo.wait_for_no_elements(CONTENT)
    end_box = dash_duo.find_element("#dpr-end-date")
    dash_duo.clear_input(end_box)
    end_box.send_keys("2024-03-09", Keys.ENTER)
    until(lambda: end_box.get_attribute("value") == "2024-03-09", timeout=5)
    # The picks reach the renderer (and its storage) in a later task than the input's text.
    until(lambda: persisted(dash_duo, "dps", "date") == "2024-03-20", timeout=5)
    until(lambda: persisted(dash_duo, "dpr", "end_date") == "2024-03-09", timeout=5)
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#dps")
    until(lambda: dash_duo.find_element("#dps").get_attribute("value") == "2024-03-20", timeout=5)
    assert dash_duo.find_element("#dpr").get_attribute("value") == "2024-03-01"
    assert dash_duo.find_element("#dpr-end-date").get_attribute("value") == "2024-03-09"
    assert dash_duo.get_logs() == []

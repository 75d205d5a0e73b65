"""dcc.Dropdown in Chromium: picking, searching, multi, clearing, keyboard, long lists, labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.keys import Keys
from steady_state import holds

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parent / "artifacts" / "dcc_dropdown.png"
CITIES = [
    {"label": "New York City", "value": "NYC"},
    {"label": "Montréal", "value": "MTL"},
    {"label": "San Francisco", "value": "SF", "search": "bay area"},
    {"label": "Yorkshire", "value": "YRK", "disabled": True},
]


def echo_app(dropdown: dcc.Dropdown, prop: str = "value") -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dropdown, html.Div(id="out")], style={"width": "420px"})

    @app.callback(Output("out", "children"), Input(dropdown.id, prop))
    def show(value):
        return repr(value)

    return app


def open_menu(dash_duo, selector: str) -> None:
    """Click the dropdown `selector` and wait for its menu to be there."""
    dash_duo.find_element(selector).click()
    dash_duo.wait_for_element(".dash-dropdown-content")


def focus_is(dash_duo, css_class: str = "", value: str | None = None) -> bool:
    """Whether the focused element has `css_class` (and, given `value`, that value attribute)."""
    focused = dash_duo.driver.switch_to.active_element
    if css_class and css_class not in (focused.get_attribute("class") or "").split():
        return False
    return value is None or focused.get_attribute("value") == value


def option(dash_duo, text: str):
    """The open menu's option row whose text is `text`."""
    for row in dash_duo.find_elements(".dash-dropdown-options .dash-dropdown-option"):
        if row.text == text:
            return row
    raise AssertionError(f"no option {text!r}")


def test_single_dropdown_picks_clears_and_shows_the_label(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(CITIES, "MTL", id="city", placeholder="Pick a city")))
    dash_duo.wait_for_text_to_equal("#out", "'MTL'")
    trigger = dash_duo.find_element("#city")
    assert trigger.tag_name == "button"
    assert trigger.get_attribute("class") == "dash-dropdown "
    assert trigger.get_attribute("aria-expanded") == "false"
    assert dash_duo.find_element(".dash-dropdown-value-item").text == "Montréal"

    trigger.click()
    dash_duo.wait_for_element(".dash-dropdown-content")
    dash_duo.wait_for_element("#city[aria-expanded='true'][data-state='open']")
    # The popover is rendered inside the wrapper, not in <body>.
    assert dash_duo.find_element(".dash-dropdown-wrapper .dash-dropdown-content")
    rows = dash_duo.find_elements(".dash-dropdown-option")
    assert [r.get_attribute("data-option-index") for r in rows] == ["0", "1", "2", "3"]
    assert rows[1].get_attribute("aria-selected") == "true"
    assert "selected" in rows[1].get_attribute("class").split()
    assert dash_duo.find_element(".dash-dropdown-option input").get_attribute("type") == "radio"

    option(dash_duo, "San Francisco").click()
    dash_duo.wait_for_text_to_equal("#out", "'SF'")
    dash_duo.wait_for_no_elements(".dash-dropdown-content")
    assert dash_duo.find_element("#city-value .dash-dropdown-value-item").text == "San Francisco"

    # A disabled option cannot be picked.
    open_menu(dash_duo, "#city")
    option(dash_duo, "Yorkshire").click()
    holds(lambda: dash_duo.find_element("#out").text == "'SF'")
    dash_duo.find_element(".dash-dropdown-search").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_no_elements(".dash-dropdown-content")

    dash_duo.find_element(".dash-dropdown-clear").click()
    dash_duo.wait_for_text_to_equal("#out", "None")
    placeholder = dash_duo.find_element("#city-value")
    assert "dash-dropdown-placeholder" in placeholder.get_attribute("class")
    assert placeholder.text == "Pick a city"
    assert dash_duo.find_elements(".dash-dropdown-content") == []
    assert dash_duo.get_logs() == []


def test_search_filters_options_and_reports_search_value(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Dropdown(CITIES, id="city"), html.Div(id="search"), html.Div(id="out")]
    )

    @app.callback(Output("search", "children"), Input("city", "search_value"))
    def show_search(text):
        return f"search {text!r}"

    @app.callback(Output("out", "children"), Input("city", "value"))
    def show(value):
        return repr(value)

    start(dash_duo, app)
    dash_duo.find_element("#city").click()
    search = dash_duo.wait_for_element(".dash-dropdown-search")
    assert search.get_attribute("placeholder") == "Search"
    # The menu moves the focus into its search box from an effect once it is open.
    until(lambda: dash_duo.driver.switch_to.active_element == search, timeout=5)
    search.send_keys("bay")
    dash_duo.wait_for_text_to_equal("#search", "search 'bay'")
    rows = dash_duo.find_elements(".dash-dropdown-option")
    assert [r.text for r in rows] == ["San Francisco"]
    search.send_keys(Keys.BACKSPACE * 3, "zzz")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-options", "No options found")
    # The search box's own clear button empties it.
    dash_duo.find_element(".dash-dropdown-search-container .dash-dropdown-clear").click()
    dash_duo.wait_for_text_to_equal("#search", "search None")
    assert len(dash_duo.find_elements(".dash-dropdown-option")) == 4
    # Enter in the search box picks the first hit and closes the menu.
    search.send_keys("mont", Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'MTL'")
    dash_duo.wait_for_no_elements(".dash-dropdown-content")
    dash_duo.wait_for_text_to_equal("#search", "search None")
    assert dash_duo.get_logs() == []


def test_multi_dropdown_keeps_selection_order_and_select_all(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(CITIES, ["SF"], multi=True, id="cities")))
    dash_duo.wait_for_text_to_equal("#out", "['SF']")
    dash_duo.find_element("#cities").click()
    rows = dash_duo.wait_for_element(".dash-dropdown-options").find_elements(
        "css selector", ".dash-dropdown-option"
    )
    # Selected options come first when the menu opens.
    assert [r.text for r in rows] == ["San Francisco", "New York City", "Montréal", "Yorkshire"]
    assert rows[0].find_element("css selector", "input").get_attribute("type") == "checkbox"
    option(dash_duo, "Montréal").click()
    dash_duo.wait_for_text_to_equal("#out", "['SF', 'MTL']")
    # The menu stays open in multi mode and rows do not jump.
    assert [r.text for r in dash_duo.find_elements(".dash-dropdown-option")][:2] == [
        "San Francisco",
        "New York City",
    ]
    assert dash_duo.find_element("#cities-value-count").text == "2 selected"
    option(dash_duo, "San Francisco").click()
    dash_duo.wait_for_text_to_equal("#out", "['MTL']")

    select_all, deselect_all = dash_duo.find_elements(".dash-dropdown-action-button")
    assert (select_all.text, deselect_all.text) == ("Select All", "Deselect All")
    select_all.click()
    # Added in the menu's order (selected first when it opened).
    dash_duo.wait_for_text_to_equal("#out", "['MTL', 'SF', 'NYC']")
    # Select/Deselect All act on the filtered options only.
    dash_duo.find_element(".dash-dropdown-search").send_keys("san")
    until(
        lambda: (
            [r.text for r in dash_duo.find_elements(".dash-dropdown-option")] == ["San Francisco"]
        ),
        timeout=5,
    )
    dash_duo.find_elements(".dash-dropdown-action-button")[1].click()
    dash_duo.wait_for_text_to_equal("#out", "['MTL', 'NYC']")
    dash_duo.find_element(".dash-dropdown-search").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_no_elements(".dash-dropdown-content")
    items = dash_duo.find_elements("#cities-value .dash-dropdown-value-item")
    assert [i.text for i in items] == ["Montréal", "New York City"]
    dash_duo.find_element(".dash-dropdown-clear").click()
    dash_duo.wait_for_text_to_equal("#out", "[]")
    assert dash_duo.get_logs() == []


def test_keyboard_opens_searches_navigates_and_clears(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(["Apple", "Banana", "Cherry"], id="fruit")))
    dash_duo.wait_for_text_to_equal("#out", "None")
    focus_target = dash_duo.find_element(".dash-dropdown-focus-target")
    focus_target.send_keys("c")
    # A printable key opens the menu and starts the search with it; the search box takes
    # the focus (and the next keys) from an effect once the menu is open.
    dash_duo.wait_for_element(".dash-dropdown-content")
    until(lambda: focus_is(dash_duo, "dash-dropdown-search"), timeout=5)
    dash_duo.driver.switch_to.active_element.send_keys("h")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-options", "Cherry")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-search", "ch")
    dash_duo.find_element(".dash-dropdown-search").send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'Cherry'")

    # Arrow keys move through the options; Enter picks the focused one.
    active = dash_duo.driver.switch_to.active_element
    active.send_keys(Keys.ARROW_DOWN)
    dash_duo.wait_for_element(".dash-dropdown-content")
    # Each move focuses its row from an effect: wait for it before sending the next key.
    until(lambda: focus_is(dash_duo, "dash-dropdown-search"), timeout=5)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    until(lambda: focus_is(dash_duo, value="Apple"), timeout=5)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    until(lambda: focus_is(dash_duo, value="Banana"), timeout=5)
    focused = dash_duo.driver.switch_to.active_element
    focused.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'Banana'")
    dash_duo.wait_for_no_elements(".dash-dropdown-content")

    # Delete on the closed dropdown clears it.
    dash_duo.driver.switch_to.active_element.send_keys(Keys.DELETE)
    dash_duo.wait_for_text_to_equal("#out", "None")
    assert dash_duo.get_logs() == []


def test_long_option_lists_are_virtualized(dash_duo) -> None:
    options = [{"label": f"Option {i}", "value": i} for i in range(1000)]
    start(dash_duo, echo_app(dcc.Dropdown(options, id="many", optionHeight=30, maxHeight=240)))
    dash_duo.find_element("#many").click()
    dash_duo.wait_for_element(".dash-options-list-virtualized")
    rendered = dash_duo.find_elements(
        ".dash-dropdown-options .dash-dropdown-option:not([data-option-index='-1'])"
    )
    assert 5 < len(rendered) < 60
    # Searching narrows the list; numeric values keep their type.
    dash_duo.find_element(".dash-dropdown-search").send_keys("Option 777")
    dash_duo.wait_for_text_to_equal(
        ".dash-dropdown-option:not([data-option-index='-1'])", "Option 777"
    )
    option(dash_duo, "Option 777").click()
    dash_duo.wait_for_text_to_equal("#out", "777")
    # Scrolling the list renders the rows further down.
    dash_duo.find_element("#many").click()
    scroller = dash_duo.wait_for_element(".dash-options-list-virtualized")
    dash_duo.driver.execute_script("arguments[0].scrollTop = 30 * 500", scroller)
    dash_duo.wait_for_element(".dash-dropdown-option[data-option-index='505']")
    assert dash_duo.find_elements(".dash-dropdown-option[data-option-index='0']") == []
    assert dash_duo.get_logs() == []


def test_component_labels_and_dynamic_options(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Dropdown(
                [
                    {
                        "label": html.Span("Red", id="red-label", style={"color": "red"}),
                        "value": "r",
                    },
                    {"label": html.B("Blue"), "value": "b"},
                ],
                id="colour",
            ),
            dcc.Dropdown(id="dynamic", options=[], value=None),
            html.Div(id="out"),
            html.Div(id="clicks"),
        ]
    )

    @app.callback(Output("out", "children"), Input("colour", "value"))
    def show(value):
        return repr(value)

    @app.callback(Output("dynamic", "options"), Input("dynamic", "search_value"))
    def options_for(search):
        if not search:
            return []
        return [f"{search}-{i}" for i in range(3)]

    start(dash_duo, app)
    dash_duo.find_element("#colour").click()
    dash_duo.wait_for_element(".dash-dropdown-option #red-label")
    option(dash_duo, "Blue").click()
    dash_duo.wait_for_text_to_equal("#out", "'b'")
    assert dash_duo.find_element("#colour .dash-dropdown-value-item b").text == "Blue"

    dash_duo.find_element("#dynamic").click()
    dash_duo.wait_for_element(".dash-dropdown-search").send_keys("xy")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-option", "xy-0")
    assert [r.text for r in dash_duo.find_elements(".dash-dropdown-option")] == [
        "xy-0",
        "xy-1",
        "xy-2",
    ]
    assert dash_duo.get_logs() == []


def test_disabled_and_not_clearable(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Dropdown(["a", "b"], "a", id="off", disabled=True),
            dcc.Dropdown(["a", "b"], "b", id="fixed", clearable=False, searchable=False),
        ]
    )
    start(dash_duo, app)
    off = dash_duo.find_element("#off")
    assert off.get_attribute("disabled") == "true"
    assert dash_duo.find_elements("#off .dash-dropdown-clear") == []
    assert dash_duo.find_elements("#fixed .dash-dropdown-clear") == []
    dash_duo.find_element("#fixed").click()
    dash_duo.wait_for_element(".dash-dropdown-content")
    assert dash_duo.find_elements(".dash-dropdown-search") == []
    assert dash_duo.get_logs() == []


def test_fast_typing_on_a_closed_dropdown_keeps_every_key(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(["Apple", "Banana", "Cherry"], id="fruit")))
    dash_duo.wait_for_text_to_equal("#out", "None")
    # All keys in one burst: those arriving before the search box has the focus still count.
    dash_duo.find_element(".dash-dropdown-focus-target").send_keys("che")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-search", "che")
    dash_duo.wait_for_text_to_equal(".dash-dropdown-options", "Cherry")
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "'Cherry'")


def test_debounce_sends_the_value_when_the_menu_closes(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(["a", "b", "c"], [], multi=True, id="d", debounce=True)))
    dash_duo.wait_for_text_to_equal("#out", "[]")
    open_menu(dash_duo, "#d")
    option(dash_duo, "b").click()
    option(dash_duo, "a").click()
    # The picks show in the menu but are held back until it closes.
    dash_duo.wait_for_text_to_equal("#d-value-count", "2 selected")
    holds(lambda: dash_duo.find_element("#out").text == "[]")
    dash_duo.find_element(".dash-dropdown-search").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_text_to_equal("#out", "['b', 'a']")
    assert dash_duo.get_logs() == []


def test_values_no_longer_offered_are_pruned(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.RadioItems(["fruit", "veg"], "fruit", id="kind"),
            dcc.Dropdown(id="food", multi=True, value=["apple", "pear"]),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("food", "options"), Input("kind", "value"))
    def options_for(kind):
        return ["apple", "pear", "leek"] if kind == "fruit" else ["leek", "pear"]

    @app.callback(Output("out", "children"), Input("food", "value"))
    def show(value):
        return repr(value)

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "['apple', 'pear']")
    dash_duo.find_elements("#kind input")[1].click()
    dash_duo.wait_for_text_to_equal("#out", "['pear']")
    assert dash_duo.get_logs() == []


def test_persistence_keeps_the_pick_across_reloads(dash_duo) -> None:
    start(dash_duo, echo_app(dcc.Dropdown(["a", "b", "c"], "a", id="kept", persistence=True)))
    dash_duo.wait_for_text_to_equal("#out", "'a'")
    open_menu(dash_duo, "#kept")
    option(dash_duo, "c").click()
    dash_duo.wait_for_text_to_equal("#out", "'c'")
    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal("#out", "'c'")
    assert dash_duo.find_element("#kept .dash-dropdown-value-item").text == "c"
    assert dash_duo.get_logs() == []


def test_dropdown_screenshot(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.H3("Dropdowns"),
            dcc.Dropdown(CITIES, "MTL", id="single"),
            html.Br(),
            dcc.Dropdown(CITIES, ["NYC", "SF"], multi=True, id="multi"),
            html.Br(),
            dcc.Dropdown(CITIES, id="empty", placeholder="Select a city..."),
            html.Br(),
            dcc.Dropdown(CITIES, "SF", id="disabled", disabled=True),
            html.Div(style={"height": "260px"}),
        ],
        style={"fontFamily": "system-ui, sans-serif", "width": "420px", "margin": "24px"},
    )
    start(dash_duo, app)
    dash_duo.driver.set_window_size(700, 700)
    dash_duo.find_element("#multi").click()
    dash_duo.wait_for_element(".dash-dropdown-content")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    dash_duo.driver.save_screenshot(str(SCREENSHOT))
    assert dash_duo.get_logs() == []

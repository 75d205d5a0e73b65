"""DataTable odds and ends a user notices: data tooltips (also conditional), markdown cells,
locale-aware number formats, copying with headers, persistence of the sort across reloads, the
loading class while `data` is pending, and the list-view / fill-width / cell_selectable looks."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from steady_state import holds
from test_table_support import cell, cell_texts, header, press_ctrl, shift_click, start, table

from dash import Dash, Input, Output, dcc, html
from dash.dash_table.Format import Format, Group, Scheme
from dash.testing.wait import until

pytestmark = pytest.mark.browser

ROWS = [
    {"name": "apple", "qty": 1234.5, "note": "**crisp**"},
    {"name": "banana", "qty": 2, "note": "[more](https://example.org)"},
    {"name": "cherry", "qty": 30, "note": "`pit`"},
]
COLUMNS = [
    {"id": "name", "name": "Name"},
    {"id": "qty", "name": "Qty", "type": "numeric"},
    {"id": "note", "name": "Note", "presentation": "markdown"},
]


def hover(dash_duo, selector: str) -> None:
    ActionChains(dash_duo.driver).move_to_element(dash_duo.find_element(selector)).perform()


def test_data_tooltips_and_conditional_tooltips_show_on_hover(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                data=ROWS,
                columns=COLUMNS,
                tooltip_data=[{"name": "The first fruit"}, {}, {}],
                tooltip_conditional=[
                    {
                        "if": {"column_id": "qty", "filter_query": "{qty} > 10"},
                        "type": "markdown",
                        "value": "**Plenty** left",
                    }
                ],
                tooltip_delay=0,
                tooltip_duration=None,
            )
        ]
    )
    start(dash_duo, app)
    hover(dash_duo, cell("tbl", 0, "name"))
    dash_duo.wait_for_text_to_equal("#tbl .dash-tooltip .dash-table-tooltip", "The first fruit")
    hover(dash_duo, cell("tbl", 2, "qty"))
    dash_duo.wait_for_element("#tbl .dash-table-tooltip strong")
    assert dash_duo.find_element("#tbl .dash-table-tooltip").text == "Plenty left"
    hover(dash_duo, cell("tbl", 1, "name"))  # no tooltip for this cell
    dash_duo.wait_for_no_elements("#tbl .dash-tooltip")
    assert dash_duo.get_logs() == []


def test_markdown_cells_render_html(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([table(id="tbl", data=ROWS, columns=COLUMNS)])
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "note") + " .cell-markdown strong")
    assert dash_duo.find_element(cell("tbl", 0, "note") + " strong").text == "crisp"
    link = dash_duo.find_element(cell("tbl", 1, "note") + " .cell-markdown a")
    assert (link.text, link.get_attribute("href")) == ("more", "https://example.org/")
    assert dash_duo.find_element(cell("tbl", 2, "note") + " code").text == "pit"


def test_locale_format_groups_and_decimals(dash_duo) -> None:
    columns = [
        {"id": "name", "name": "Name"},
        {
            "id": "qty",
            "name": "Qty",
            "type": "numeric",
            "format": Format(precision=1, scheme=Scheme.fixed, group=Group.yes).to_plotly_json(),
        },
    ]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                data=ROWS,
                columns=columns,
                locale_format={"decimal": ",", "group": "."},
            )
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal(cell("tbl", 0, "qty") + " .dash-cell-value", "1.234,5")
    assert cell_texts(dash_duo, "tbl", "qty") == ["1.234,5", "2,0", "30,0"]


def test_copy_includes_headers_when_asked(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                data=ROWS,
                columns=COLUMNS[:2],
                include_headers_on_copy_paste=True,
            ),
            dcc.Textarea(id="pad", style={"width": "300px", "height": "80px"}),
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "name")).click()
    shift_click(dash_duo, cell("tbl", 1, "qty"))
    dash_duo.wait_for_element(cell("tbl", 1, "qty") + ".cell--selected")
    press_ctrl(dash_duo, "c")
    pad = dash_duo.find_element("#pad")
    pad.click()
    press_ctrl(dash_duo, "v")
    until(lambda: pad.get_attribute("value").strip(), timeout=5)
    lines = [line.split("\t") for line in pad.get_attribute("value").strip().splitlines()]
    assert lines == [["Name", "Qty"], ["apple", "1234.5"], ["banana", "2"]]


def test_sort_persists_across_reloads(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [table(id="tbl", data=ROWS, columns=COLUMNS[:2], sort_action="native", persistence=True)]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(header("tbl", "qty") + " .column-header--sort").click()
    # The second click turns the applied ascending sort into descending: wait for the first.
    dash_duo.wait_for_element(
        header("tbl", "qty") + " .column-header--sort svg[data-icon='sort-up']"
    )
    dash_duo.find_element(header("tbl", "qty") + " .column-header--sort").click()  # descending
    dash_duo.wait_for_text_to_equal(cell("tbl", 0, "name") + " .dash-cell-value", "apple")
    assert cell_texts(dash_duo, "tbl", "name") == ["apple", "cherry", "banana"]
    dash_duo.driver.refresh()
    dash_duo.wait_for_element(cell("tbl", 0, "name"))
    dash_duo.wait_for_text_to_equal(cell("tbl", 2, "name") + " .dash-cell-value", "banana")
    assert cell_texts(dash_duo, "tbl", "name") == ["apple", "cherry", "banana"]


def test_loading_class_while_data_is_pending(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [html.Button("Load", id="load"), table(id="tbl", data=ROWS, columns=COLUMNS[:2])]
    )

    @app.callback(Output("tbl", "data"), Input("load", "n_clicks"), prevent_initial_call=True)
    def reload(_):
        time.sleep(1.5)
        return ROWS[:1]

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 2, "name"))
    assert not dash_duo.find_elements("#tbl .dash-spreadsheet-container.dash-loading")
    dash_duo.find_element("#load").click()
    dash_duo.wait_for_element("#tbl .dash-spreadsheet-container.dash-loading")
    dash_duo.wait_for_element("#tbl .dash-spreadsheet-inner.dash-loading")
    dash_duo.wait_for_no_elements(cell("tbl", 2, "name"))
    dash_duo.wait_for_no_elements("#tbl .dash-loading")


def test_list_view_fill_width_and_unselectable_cells(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(id="plain", data=ROWS, columns=COLUMNS[:2]),
            table(
                id="styled",
                data=ROWS,
                columns=COLUMNS[:2],
                style_as_list_view=True,
                fill_width=False,
                cell_selectable=False,
            ),
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("styled", 0, "name"))
    plain = dash_duo.find_element("#plain .dash-spreadsheet-container")
    styled = dash_duo.find_element("#styled .dash-spreadsheet-container")
    assert "dash-fill-width" in plain.get_attribute("class").split()
    assert "dash-fill-width" not in styled.get_attribute("class").split()
    assert "dash-list-view" in styled.get_attribute("class").split()
    assert (
        dash_duo.find_element("#styled table").size["width"]
        < dash_duo.find_element("#plain table").size["width"]
    )
    # list view: horizontal rules only
    first = dash_duo.find_element(cell("styled", 0, "name"))
    assert first.value_of_css_property("border-left-style") == "none"
    assert first.value_of_css_property("border-bottom-style") == "solid"
    # cell_selectable=False: a click neither activates nor selects the cell
    first.click()
    holds(lambda: not dash_duo.find_elements("#styled td.cell--selected"))
    dash_duo.find_element(cell("plain", 0, "name")).click()
    dash_duo.wait_for_element(cell("plain", 0, "name") + ".cell--selected")
    # the later click was handled, so the earlier one was too: still nothing in #styled
    assert not dash_duo.find_elements("#styled td.cell--selected")

"""DataTable selection, editing, keyboard navigation, row selection/deletion and copy/paste."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from test_table_support import cell, cell_texts, header, press_ctrl, shift_click, start, table

from dash import Dash, Input, Output, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

DATA = [
    {"id": "r0", "name": "apple", "qty": 1},
    {"id": "r1", "name": "banana", "qty": 2},
    {"id": "r2", "name": "cherry", "qty": 3},
]
COLUMNS = [{"id": "name", "name": "Name"}, {"id": "qty", "name": "Qty", "type": "numeric"}]


def echo_app(**props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [table(id="tbl", columns=COLUMNS, data=DATA, **props), html.Pre(id="out")]
    )
    return app


def test_click_selects_and_arrows_move_the_active_cell(dash_duo) -> None:
    app = echo_app()

    @app.callback(
        Output("out", "children"), Input("tbl", "active_cell"), Input("tbl", "selected_cells")
    )
    def show(active, selected):
        return json.dumps([active, len(selected or [])])

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "name")).click()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([{"row": 0, "column": 0, "column_id": "name", "row_id": "r0"}, 1])
    )
    td = dash_duo.find_element(cell("tbl", 0, "name"))
    assert {"cell--selected", "focused"} <= set(td.get_attribute("class").split())
    assert td.value_of_css_property("background-color") == "rgba(255, 65, 54, 0.2)"
    ActionChains(dash_duo.driver).send_keys(Keys.ARROW_DOWN).perform()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([{"row": 1, "column": 0, "column_id": "name", "row_id": "r1"}, 1])
    )
    ActionChains(dash_duo.driver).send_keys(Keys.ARROW_RIGHT).perform()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([{"row": 1, "column": 1, "column_id": "qty", "row_id": "r1"}, 1])
    )
    # shift+arrow extends the selection; shift+click too
    ActionChains(dash_duo.driver).key_down(Keys.SHIFT).send_keys(Keys.ARROW_UP).key_up(
        Keys.SHIFT
    ).perform()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([{"row": 1, "column": 1, "column_id": "qty", "row_id": "r1"}, 2])
    )
    assert (
        "cell--selected"
        in dash_duo.find_element(cell("tbl", 0, "qty")).get_attribute("class").split()
    )
    shift_click(dash_duo, cell("tbl", 2, "name"))
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([{"row": 1, "column": 1, "column_id": "qty", "row_id": "r1"}, 4])
    )
    assert dash_duo.get_logs() == []


def test_typing_in_an_editable_cell_updates_data(dash_duo) -> None:
    app = echo_app(editable=True)

    @app.callback(
        Output("out", "children"),
        Input("tbl", "data_timestamp"),
        Input("tbl", "data"),
        Input("tbl", "data_previous"),
        prevent_initial_call=True,
    )
    def show(timestamp, data, previous):
        return json.dumps(
            [
                timestamp is not None,
                [r["name"] for r in data],
                [r["qty"] for r in data],
                previous and previous[0]["name"],
            ]
        )

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "name")).click()
    # The click makes the cell active through setProps: its input re-renders a task later.
    active_input = dash_duo.wait_for_element(
        cell("tbl", 0, "name") + " input.dash-cell-value.input-active"
    )
    assert active_input.get_attribute("class").split() == [
        "input-active",
        "unfocused",
        "selectable",
        "dash-cell-value",
    ]
    ActionChains(dash_duo.driver).send_keys("apricot" + Keys.ENTER).perform()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([True, ["apricot", "banana", "cherry"], [1, 2, 3], "apple"])
    )
    # Enter moved down; double-click edits with the current value
    dash_duo.wait_for_element(cell("tbl", 1, "name") + ".focused")
    qty = dash_duo.find_element(cell("tbl", 2, "qty") + " .dash-cell-value")
    ActionChains(dash_duo.driver).double_click(qty).perform()
    editor = dash_duo.wait_for_element(cell("tbl", 2, "qty") + " input.focused")
    editor.send_keys(Keys.BACKSPACE + "42" + Keys.TAB)
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([True, ["apricot", "banana", "cherry"], [1, 2, 42], "apricot"])
    )
    # numeric columns reject text: the value stays
    dash_duo.find_element(cell("tbl", 0, "qty")).click()
    ActionChains(dash_duo.driver).send_keys("many" + Keys.ENTER).perform()
    dash_duo.wait_for_element(cell("tbl", 1, "qty") + ".focused")
    assert cell_texts(dash_duo, "tbl", "qty")[0] == "1"
    assert dash_duo.get_logs() == []


def test_escape_cancels_an_edit(dash_duo) -> None:
    start(dash_duo, echo_app(editable=True))
    dash_duo.wait_for_element(cell("tbl", 1, "name")).click()
    ActionChains(dash_duo.driver).send_keys("zzz").perform()
    dash_duo.wait_for_element(cell("tbl", 1, "name") + " input.focused")
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_element(cell("tbl", 1, "name") + " input.unfocused")
    assert cell_texts(dash_duo, "tbl", "name")[1] == "banana"
    assert dash_duo.get_logs() == []


def test_row_selection_and_deletion(dash_duo) -> None:
    app = echo_app(row_selectable="multi", row_deletable=True)

    @app.callback(
        Output("out", "children"),
        Input("tbl", "selected_rows"),
        Input("tbl", "selected_row_ids"),
        Input("tbl", "data"),
    )
    def show(rows, ids, data):
        return json.dumps([rows, ids, [r["id"] for r in data]])

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", json.dumps([None, None, ["r0", "r1", "r2"]]))
    boxes = dash_duo.find_elements("#tbl td.dash-select-cell input[type=checkbox]")
    assert len(boxes) == 3 and boxes[0].get_attribute("name") == "row-select-tbl"
    boxes[2].click()
    # The next click adds to the applied selected_rows: wait until this one is in.
    until(lambda: dash_duo.find_elements("#tbl td.dash-select-cell input")[2].is_selected(), 5)
    dash_duo.find_elements("#tbl td.dash-select-cell input")[1].click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([[2, 1], ["r2", "r1"], ["r0", "r1", "r2"]]))
    dash_duo.find_elements("#tbl td.dash-delete-cell")[0].click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([[1, 0], ["r2", "r1"], ["r1", "r2"]]))
    assert cell_texts(dash_duo, "tbl", "name") == ["banana", "cherry"]
    assert dash_duo.get_logs() == []


def test_column_selection_and_header_actions(dash_duo) -> None:
    columns = [
        {"id": "name", "name": "Name", "selectable": True, "hideable": True, "deletable": True},
        {"id": "qty", "name": "Qty", "type": "numeric", "selectable": True, "clearable": True},
    ]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(id="tbl", columns=columns, data=DATA, column_selectable="single"),
            html.Pre(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("tbl", "selected_columns"),
        Input("tbl", "hidden_columns"),
        Input("tbl", "data"),
    )
    def show(selected, hidden, data):
        return json.dumps([selected, hidden, [r.get("qty") for r in data]])

    start(dash_duo, app)
    dash_duo.wait_for_element(
        header("tbl", "qty") + " .column-header--select input[type=radio]"
    ).click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([["qty"], None, [1, 2, 3]]))
    dash_duo.find_element(header("tbl", "qty") + " .column-header--clear").click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([["qty"], None, ["", "", ""]]))
    dash_duo.find_element(header("tbl", "name") + " .column-header--hide").click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([["qty"], ["name"], ["", "", ""]]))
    assert [
        th.get_attribute("data-dash-column") for th in dash_duo.find_elements("#tbl th.dash-header")
    ] == ["qty"]
    # "Toggle Columns" brings it back
    dash_duo.find_element("#tbl button.show-hide").click()
    dash_duo.wait_for_element("#tbl .show-hide-menu-item input[type=checkbox]").click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([["qty"], [], ["", "", ""]]))
    assert dash_duo.get_logs() == []


def test_copy_and_paste_between_cells(dash_duo) -> None:
    app = echo_app(editable=True)

    @app.callback(Output("out", "children"), Input("tbl", "data"), prevent_initial_call=True)
    def show(data):
        return json.dumps([[r["name"], r["qty"]] for r in data])

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "name")).click()
    shift_click(dash_duo, cell("tbl", 1, "qty"))
    dash_duo.wait_for_element(cell("tbl", 1, "qty") + ".cell--selected")
    press_ctrl(dash_duo, "c")
    dash_duo.find_element(cell("tbl", 2, "name")).click()
    dash_duo.wait_for_element(cell("tbl", 2, "name") + ".focused")
    press_ctrl(dash_duo, "v")
    # two rows pasted from row 2: the second one is added at the end
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([["apple", 1], ["banana", 2], ["apple", 1], ["banana", 2]])
    )
    assert dash_duo.get_logs() == []

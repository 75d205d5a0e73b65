"""Support for the DataTable browser tests (no tests here): selectors of dom-contract §7, quiet tables."""

from __future__ import annotations

import warnings
from typing import Any

from ports import free_port
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dash import dash_table


def start(dash_duo, app) -> None:
    dash_duo.start_server(app, port=free_port())


def table(**props: Any) -> dash_table.DataTable:
    """A DataTable without the deprecation warning every construction gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return dash_table.DataTable(**props)


def cell(table_id: str, row: int, column: str) -> str:
    """Selector of a data cell by visible row and column id."""
    return f'#{table_id} td.dash-cell[data-dash-row="{row}"][data-dash-column="{column}"]:not(.phantom-cell)'


def cell_texts(dash_duo, table_id: str, column: str) -> list[str]:
    """The text of every data cell of a column, top to bottom."""
    selector = (
        f'#{table_id} td.dash-cell[data-dash-column="{column}"]:not(.phantom-cell) .dash-cell-value'
    )
    return [
        element.get_attribute("value") if element.tag_name == "input" else element.text
        for element in dash_duo.find_elements(selector)
    ]


def header(table_id: str, column: str) -> str:
    return f'#{table_id} th.dash-header[data-dash-column="{column}"]:not(.phantom-cell)'


def filter_input(table_id: str, column: str) -> str:
    return f'#{table_id} th.dash-filter[data-dash-column="{column}"]:not(.phantom-cell) input[type="text"]'


def shift_click(dash_duo, selector: str) -> None:
    """Shift+click: extends the table's selected range to that cell."""
    ActionChains(dash_duo.driver).key_down(Keys.SHIFT).click(
        dash_duo.find_element(selector)
    ).key_up(Keys.SHIFT).perform()


def press_ctrl(dash_duo, key: str) -> None:
    """Ctrl+key in the focused element (copy, paste...)."""
    ActionChains(dash_duo.driver).key_down(Keys.CONTROL).send_keys(key).key_up(
        Keys.CONTROL
    ).perform()

"""DataTable at scale (virtualization) and the Export button, as a user sees them."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from test_table_support import cell, start, table

from dash import Dash, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_hundred_thousand_rows_render_and_scroll_with_virtualization(dash_duo) -> None:
    columns = [{"id": f"c{j}", "name": f"Column {j}", "type": "numeric"} for j in range(10)]
    data = [{f"c{j}": i * 10 + j for j in range(10)} for i in range(100_000)]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=columns,
                data=data,
                virtualization=True,
                page_action="none",
                sort_action="native",
                style_table={"height": "400px", "overflowY": "auto"},
            )
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "c0"), timeout=30)
    rendered = dash_duo.find_elements("#tbl td.dash-cell[data-dash-column='c0']")
    assert 0 < len(rendered) < 200, "only the rows in view are rendered"
    scroller = dash_duo.find_element("#tbl .dash-spreadsheet-container")
    dash_duo.driver.execute_script("arguments[0].scrollTop = 25 * 50000", scroller)
    dash_duo.wait_for_element(cell("tbl", 50000, "c0"), timeout=10)
    assert dash_duo.find_element(cell("tbl", 50000, "c3") + " .dash-cell-value").text == "500003"
    # sorting 100k rows still answers
    dash_duo.driver.execute_script("arguments[0].scrollTop = 0", scroller)
    sort = "#tbl th.dash-header[data-dash-column='c0'] .column-header--sort"
    dash_duo.find_element(sort).click()
    # The second click turns the applied ascending sort into descending: wait for the first.
    until(
        lambda: dash_duo.find_element(sort + " svg").get_attribute("data-icon") == "sort-up",
        timeout=20,
    )
    dash_duo.find_element(sort).click()
    dash_duo.wait_for_text_to_equal(
        cell("tbl", 0, "c0") + " .dash-cell-value", "999990", timeout=20
    )
    assert dash_duo.get_logs() == []


def test_export_downloads_the_filtered_sorted_rows_as_csv(dash_duo) -> None:
    data = [{"name": "b", "n": 2}, {"name": "a", "n": 1}, {"name": "c", "n": 3}]
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[
            {"id": "name", "name": ["Group", "Name"]},
            {"id": "n", "name": ["Group", "N"], "type": "numeric"},
        ],
        data=data,
        sort_action="native",
        sort_by=[{"column_id": "name", "direction": "asc"}],
        filter_action="native",
        filter_query="{n} < 3",
        export_format="csv",
        export_headers="names",
    )
    start(dash_duo, app)
    button = dash_duo.wait_for_element("#tbl .dash-spreadsheet-menu button.export")
    assert button.text == "Export"
    button.click()
    target = Path(dash_duo.download_path) / "Data.csv"
    deadline = time.monotonic() + 10
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Group", "Group"], ["Name", "N"], ["a", "1"], ["b", "2"]]
    assert dash_duo.get_logs() == []

"""dash-ag-grid, unmodified from PyPI, in a realistic app on our renderer.

Rows come from a pandas DataFrame holding NaN and Timestamps; column formatters are
`{"function": ...}` strings using assets functions and a `dash_clientside` namespace; cell
clicks, row selection, the filter model and a clientside `getApi` call all drive callbacks.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from thirdparty_support import registered_only_during_tests

from dash import ClientsideFunction, Dash, Input, Output, State, html

dag = pytest.importorskip("dash_ag_grid")
pd = pytest.importorskip("pandas")

pytestmark = pytest.mark.browser

_libraries_registered = registered_only_during_tests(dag)


ASSETS = Path(__file__).parent / "thirdparty_assets"

CELL = ".ag-center-cols-container .ag-row[row-index='{row}'] .ag-cell[col-id='{col}']"
ROWS = ".ag-center-cols-container .ag-row"


def console_errors(dash_duo) -> list[dict]:
    """Console errors: this app asks no outside host for anything, so none is filtered."""
    return dash_duo.get_logs()


def cars() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "make": ["Tesla", "Ford", "Toyota", "Fiat"],
            "model": ["Model Y", "F-Series", "Corolla", "500"],
            "price": [64950.0, 33850.0, math.nan, 29600.0],
            "delivered": pd.to_datetime(
                ["2024-01-02 00:00", "2024-03-05 14:30", "2023-12-24 00:00", "2024-02-29 08:00"]
            ),
        }
    )


def column_defs() -> list[dict]:
    return [
        {"field": "make", "filter": "agTextColumnFilter", "floatingFilter": True},
        {"field": "model"},
        {"field": "price", "valueFormatter": {"function": "formatPrice(params.value)"}},
        {
            "field": "delivered",
            "valueFormatter": {"function": "dash_clientside.grid_helpers.dayOf(params.value)"},
        },
    ]


def grid_app() -> Dash:
    frame = cars()
    clicks: list[dict] = []
    app = Dash(__name__, assets_folder=str(ASSETS))
    app.layout = html.Div(
        [
            html.Button("Select all (grid API)", id="select-all"),
            html.Button("Add a car", id="add-row"),
            html.Button("Clear selection", id="clear-selection"),
            dag.AgGrid(
                id="grid",
                rowData=frame.to_dict("records"),
                columnDefs=column_defs(),
                getRowId="params.data.make",
                dashGridOptions={"rowSelection": {"mode": "multiRow"}, "animateRows": False},
                style={"height": "320px", "width": "900px"},
            ),
            html.Div(id="clicked"),
            html.Div(id="selected"),
            html.Div(id="filter"),
            html.Div(id="shown"),
            html.Div(id="api-out"),
        ]
    )

    @app.callback(
        Output("clicked", "children"), Input("grid", "cellClicked"), prevent_initial_call=True
    )
    def show_click(cell):
        clicks.append(cell)
        return f"{cell['colId']} of row {cell['rowIndex']}: {cell['value']} (click {len(clicks)})"

    @app.callback(
        Output("grid", "selectedRows"),
        Input("clear-selection", "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_selection(_n_clicks):
        return []

    @app.callback(Output("selected", "children"), Input("grid", "selectedRows"))
    def show_selection(rows):
        return "selected: " + (", ".join(sorted(row["make"] for row in rows)) if rows else "none")

    @app.callback(Output("filter", "children"), Input("grid", "filterModel"))
    def show_filter(model):
        return "filter: " + json.dumps(model or {}, sort_keys=True)

    @app.callback(Output("shown", "children"), Input("grid", "virtualRowData"))
    def show_rows(rows):
        return f"{len(rows or [])} rows shown"

    @app.callback(
        Output("grid", "rowData"),
        Input("add-row", "n_clicks"),
        State("grid", "rowData"),
        prevent_initial_call=True,
    )
    def add_row(_n_clicks, rows):
        extra = pd.DataFrame(
            {
                "make": ["Volvo"],
                "model": ["EX30"],
                "price": [math.nan],
                "delivered": [pd.Timestamp("2025-06-01")],
            }
        )
        return rows + extra.to_dict("records")

    app.clientside_callback(
        ClientsideFunction("grid_helpers", "selectAllRows"),
        Output("api-out", "children"),
        Input("select-all", "n_clicks"),
        State("grid", "id"),
    )
    return app


def test_aggrid_dataframe_rows_events_selection_filter_and_api(dash_duo) -> None:
    dash_duo.start_server(grid_app())

    # DataFrame rows: NaN arrives as null (formatted "n/a"), Timestamps as ISO strings.
    dash_duo.wait_for_text_to_equal(CELL.format(row=0, col="make"), "Tesla")
    dash_duo.wait_for_text_to_equal(CELL.format(row=0, col="price"), "$64,950")
    dash_duo.wait_for_text_to_equal(CELL.format(row=2, col="price"), "n/a")
    dash_duo.wait_for_text_to_equal(CELL.format(row=1, col="delivered"), "2024-03-05")
    dash_duo.wait_for_text_to_equal("#shown", "4 rows shown")
    dash_duo.wait_for_text_to_equal("#selected", "selected: none")

    # cellClicked carries the raw cell value.
    dash_duo.find_element(CELL.format(row=1, col="delivered")).click()
    dash_duo.wait_for_text_to_equal("#clicked", "delivered of row 1: 2024-03-05T14:30:00 (click 1)")
    dash_duo.find_element(CELL.format(row=2, col="model")).click()
    dash_duo.wait_for_text_to_equal("#clicked", "model of row 2: Corolla (click 2)")
    # The same cell again is a new event (it carries a timestamp), so the callback fires again.
    dash_duo.find_element(CELL.format(row=2, col="model")).click()
    dash_duo.wait_for_text_to_equal("#clicked", "model of row 2: Corolla (click 3)")

    # Row selection through the row checkboxes.
    dash_duo.find_element(".ag-row[row-index='1'] .ag-selection-checkbox input").click()
    dash_duo.wait_for_text_to_equal("#selected", "selected: Ford")
    dash_duo.find_element(".ag-row[row-index='3'] .ag-selection-checkbox input").click()
    dash_duo.wait_for_text_to_equal("#selected", "selected: Fiat, Ford")

    # A clientside callback drives the grid through dash_ag_grid.getApi.
    dash_duo.find_element("#select-all").click()
    dash_duo.wait_for_text_to_equal("#api-out", "grid API: 4 rows shown")
    dash_duo.wait_for_text_to_equal("#selected", "selected: Fiat, Ford, Tesla, Toyota")

    # A server callback writing selectedRows reaches the grid: every checkbox is cleared.
    dash_duo.find_element("#clear-selection").click()
    dash_duo.wait_for_text_to_equal("#selected", "selected: none")
    dash_duo.wait_for_no_elements(".ag-row-selected")

    # Typing in the floating filter updates filterModel and the rows shown.
    dash_duo.wait_for_text_to_equal("#filter", "filter: {}")
    dash_duo.find_element(".ag-floating-filter input[type='text']").send_keys("o", Keys.TAB)
    expected = {"make": {"filter": "o", "filterType": "text", "type": "contains"}}
    dash_duo.wait_for_text_to_equal("#filter", "filter: " + json.dumps(expected, sort_keys=True))
    dash_duo.wait_for_text_to_equal("#shown", "2 rows shown")
    assert {
        element.text for element in dash_duo.find_elements(f"{ROWS} .ag-cell[col-id='make']")
    } == {
        "Ford",
        "Toyota",
    }

    # A callback replacing rowData re-renders the grid (NaN and Timestamp in the new row too).
    dash_duo.find_element(".ag-floating-filter input[type='text']").send_keys(
        Keys.BACKSPACE, Keys.TAB
    )
    dash_duo.wait_for_text_to_equal("#shown", "4 rows shown")
    dash_duo.find_element("#add-row").click()
    dash_duo.wait_for_text_to_equal("#shown", "5 rows shown")
    dash_duo.wait_for_text_to_equal(CELL.format(row=4, col="make"), "Volvo")
    dash_duo.wait_for_text_to_equal(CELL.format(row=4, col="price"), "n/a")
    dash_duo.wait_for_text_to_equal(CELL.format(row=4, col="delivered"), "2025-06-01")

    assert console_errors(dash_duo) == []

"""One app combining dash-bootstrap-components, dash-mantine-components and dash-ag-grid
(plus dash-daq and dash-iconify): a small inventory browser where each library's
components feed the others' callbacks.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from thirdparty_support import console_errors as errors_except_from
from thirdparty_support import registered_only_during_tests

from dash import Dash, Input, Output, State, html
from dash.testing.wait import until

dbc = pytest.importorskip("dash_bootstrap_components")
dmc = pytest.importorskip("dash_mantine_components")
dag = pytest.importorskip("dash_ag_grid")
daq = pytest.importorskip("dash_daq")
iconify = pytest.importorskip("dash_iconify")

pytestmark = pytest.mark.browser

_libraries_registered = registered_only_during_tests(dbc, dmc, dag, daq, iconify)


ASSETS = Path(__file__).parent / "thirdparty_assets"

# Requests that must fail offline and nothing else: the Bootstrap theme from its CDN and the
# icon data dash-iconify fetches at run time (its API host and two fallbacks).
OUTSIDE_HOSTS = {
    urlsplit(dbc.themes.BOOTSTRAP).hostname,
    "api.iconify.design",
    "api.unisvg.com",
    "api.simplesvg.com",
}

ITEMS = [
    {"sku": "A-1", "name": "Hammer", "kind": "tools", "stock": 12},
    {"sku": "A-2", "name": "Saw", "kind": "tools", "stock": 0},
    {"sku": "B-1", "name": "Paint", "kind": "supplies", "stock": 40},
    {"sku": "B-2", "name": "Brush", "kind": "supplies", "stock": 7},
    {"sku": "C-1", "name": "Ladder", "kind": "equipment", "stock": 3},
]

CELL = ".ag-center-cols-container .ag-row[row-index='{row}'] .ag-cell[col-id='{col}']"


def console_errors(dash_duo) -> list[dict]:
    """Console errors, minus failed requests to the outside hosts above (and nothing else)."""
    return errors_except_from(dash_duo, OUTSIDE_HOSTS)


def visible_items(kind: str | None, in_stock_only: bool) -> list[dict]:
    return [
        item
        for item in ITEMS
        if (not kind or kind == "all" or item["kind"] == kind)
        and (item["stock"] > 0 or not in_stock_only)
    ]


def combined_app() -> Dash:
    app = Dash(__name__, assets_folder=str(ASSETS), external_stylesheets=[dbc.themes.BOOTSTRAP])
    controls = dbc.Card(
        dbc.CardBody(
            [
                dmc.Select(
                    id="kind",
                    label="Kind",
                    data=["all", "tools", "supplies", "equipment"],
                    value="all",
                ),
                daq.BooleanSwitch(id="in-stock", on=False, label="In stock only"),
                html.Div(id="switch-state"),
            ]
        ),
        id="controls",
    )
    app.layout = dmc.MantineProvider(
        dbc.Container(
            [
                dbc.NavbarSimple(brand="Inventory", id="navbar", color="dark", dark=True),
                dbc.Row(
                    [
                        dbc.Col(controls, width=3),
                        dbc.Col(
                            [
                                dag.AgGrid(
                                    id="items",
                                    rowData=ITEMS,
                                    columnDefs=[
                                        {"field": "sku"},
                                        {"field": "name"},
                                        {"field": "stock"},
                                    ],
                                    getRowId="params.data.sku",
                                    style={"height": "300px"},
                                ),
                                html.Div(id="count"),
                            ],
                            width=9,
                        ),
                    ]
                ),
                dbc.Modal(
                    [
                        dbc.ModalHeader(
                            dbc.ModalTitle(
                                [iconify.DashIconify(icon="mdi:package-variant"), " Item"]
                            )
                        ),
                        dbc.ModalBody(id="item-body"),
                    ],
                    id="item-modal",
                    is_open=False,
                ),
            ]
        )
    )

    @app.callback(
        Output("items", "rowData"),
        Input("kind", "value"),
        Input("in-stock", "on"),
    )
    def filter_items(kind, in_stock_only):
        return visible_items(kind, bool(in_stock_only))

    @app.callback(Output("switch-state", "children"), Input("in-stock", "on"))
    def show_switch(on):
        return "in stock only" if on else "all stock levels"

    @app.callback(Output("count", "children"), Input("items", "virtualRowData"))
    def count_rows(rows):
        return f"{len(rows or [])} items"

    @app.callback(
        Output("item-modal", "is_open"),
        Output("item-body", "children"),
        Input("items", "cellClicked"),
        State("items", "rowData"),
        prevent_initial_call=True,
    )
    def open_item(cell, rows):
        item = next(row for row in rows if row["sku"] == cell["rowId"])
        return True, f"{item['name']}: {item['stock']} in stock"

    return app


def test_bootstrap_mantine_and_grid_in_one_app(dash_duo) -> None:
    dash_duo.start_server(combined_app())

    dash_duo.wait_for_text_to_equal("#count", "5 items")
    dash_duo.wait_for_text_to_equal(CELL.format(row=0, col="name"), "Hammer")
    dash_duo.wait_for_text_to_equal("#switch-state", "all stock levels")
    assert dash_duo.find_element("#navbar .navbar-brand").text == "Inventory"

    # dmc Select -> server callback -> grid rowData.
    dash_duo.find_element("#kind").click()
    dash_duo.wait_for_element("[role='option'][value='supplies']").click()
    dash_duo.wait_for_text_to_equal("#count", "2 items")
    dash_duo.wait_for_text_to_equal(CELL.format(row=0, col="name"), "Paint")

    # dash-daq switch (old-style class, legacy React APIs) -> same callback.
    dash_duo.find_element("#kind").click()
    dash_duo.wait_for_element("[role='option'][value='all']").click()
    dash_duo.wait_for_text_to_equal("#count", "5 items")
    dash_duo.find_element("#in-stock button").click()
    dash_duo.wait_for_text_to_equal("#switch-state", "in stock only")
    dash_duo.wait_for_text_to_equal("#count", "4 items")

    # Grid cell click -> dbc Modal opened by a callback, with an iconify icon in its title.
    dash_duo.find_element(CELL.format(row=3, col="name")).click()
    dash_duo.wait_for_text_to_equal("#item-body", "Ladder: 3 in stock")
    until(lambda: dash_duo.find_element(".modal-title").text.strip() == "Item", timeout=5)

    assert console_errors(dash_duo) == []

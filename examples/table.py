"""Sales orders in a DataTable: sort, filter, edit and page through a pandas DataFrame.

Click a column's arrows to sort, type an expression in a filter box (`> 2000` under Revenue,
`Nor` under Country), and double-click a Units or Unit price cell to edit it: the order's
revenue and the totals above the table follow every edit. Rows with a thin margin are flagged,
large orders stand out, and the row of the active cell is highlighted.

Run it from the repository root, then open http://127.0.0.1:8050:

    python examples/table.py

Set PORT to serve on another port and DASH_DEBUG=true for the dev tools.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

import numpy as np
import pandas as pd

from dash import Dash, Input, Output, State, callback, dash_table, html
from dash.dash_table import FormatTemplate
from dash.dash_table.Format import Format, Group, Scheme

ORDERS = 320
PAGE_SIZE = 12
LARGE_ORDER = 4000
THIN_MARGIN = 0.12

# country -> region
COUNTRIES = {
    "France": "Europe",
    "Germany": "Europe",
    "Norway": "Europe",
    "Portugal": "Europe",
    "Canada": "Americas",
    "Mexico": "Americas",
    "Brazil": "Americas",
    "Japan": "Asia-Pacific",
    "India": "Asia-Pacific",
    "Australia": "Asia-Pacific",
}
# product -> (list price, cost as a share of the price)
PRODUCTS = {
    "Trail shoes": (129.0, 0.55),
    "Rain jacket": (189.0, 0.62),
    "Wool socks": (18.5, 0.40),
    "Day pack": (74.0, 0.58),
    "Headlamp": (39.9, 0.71),
    "Camp stove": (96.0, 0.83),
}


def sales_orders(count: int = ORDERS, seed: int = 7) -> pd.DataFrame:
    """A reproducible year of orders: who bought what, when, how many and at what price."""
    rng = np.random.default_rng(seed)
    countries = rng.choice(list(COUNTRIES), size=count)
    products = rng.choice(list(PRODUCTS), size=count)
    list_prices = np.array([PRODUCTS[p][0] for p in products])
    discounts = rng.choice([0.0, 0.0, 0.05, 0.1, 0.15], size=count)
    days = np.sort(rng.integers(0, 365, size=count))
    frame = pd.DataFrame(
        {
            "id": np.arange(1001, 1001 + count),
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(days, unit="D"),
            "country": countries,
            "region": [COUNTRIES[c] for c in countries],
            "product": products,
            "units": rng.integers(1, 60, size=count),
            "price": np.round(list_prices * (1 - discounts), 2),
        }
    )
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return with_totals(frame)


def with_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each order's revenue and margin computed from its units, price and product."""
    frame = frame.copy()
    frame["units"] = pd.to_numeric(frame["units"], errors="coerce").fillna(0).astype(int)
    frame["price"] = pd.to_numeric(frame["price"], errors="coerce").fillna(0.0)
    frame["revenue"] = (frame["units"] * frame["price"]).round(2)
    unit_cost = frame["product"].map(lambda p: PRODUCTS[p][0] * PRODUCTS[p][1])
    margin = (frame["price"] - unit_cost) / frame["price"].where(frame["price"] > 0)
    frame["margin"] = margin.round(4)
    return frame


money = FormatTemplate.money(2)
COLUMNS = [
    {"id": "id", "name": "Order", "type": "numeric", "editable": False},
    {"id": "date", "name": "Date", "type": "datetime", "editable": False},
    {"id": "region", "name": "Region", "type": "text", "editable": False},
    {"id": "country", "name": "Country", "type": "text", "editable": False},
    {"id": "product", "name": "Product", "type": "text", "editable": False},
    {
        "id": "units",
        "name": "Units",
        "type": "numeric",
        "editable": True,
        "format": Format(group=Group.yes, scheme=Scheme.decimal_integer),
        "on_change": {"action": "coerce", "failure": "reject"},
    },
    {
        "id": "price",
        "name": "Unit price",
        "type": "numeric",
        "editable": True,
        "format": money,
        "on_change": {"action": "coerce", "failure": "reject"},
    },
    {"id": "revenue", "name": "Revenue", "type": "numeric", "editable": False, "format": money},
    {
        "id": "margin",
        "name": "Margin",
        "type": "numeric",
        "editable": False,
        "format": FormatTemplate.percentage(1),
    },
]

BASE_STYLES: list[dict[str, Any]] = [
    {"if": {"row_index": "odd"}, "backgroundColor": "#f8f6fc"},
    {
        "if": {"filter_query": f"{{revenue}} >= {LARGE_ORDER}", "column_id": "revenue"},
        "backgroundColor": "#e6f4ea",
        "color": "#1e6b34",
        "fontWeight": "600",
    },
    {
        "if": {"filter_query": f"{{margin}} < {THIN_MARGIN}", "column_id": "margin"},
        "backgroundColor": "#fdecea",
        "color": "#a4262c",
        "fontWeight": "600",
    },
    {"if": {"column_editable": True}, "color": "#4b2a7b"},
]

FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
# The examples' shared stylesheet paints every <button> purple with white text: keep the table's
# page arrows readable on its white background.
TABLE_CSS = [
    {
        "selector": ".previous-next-container button",
        "rule": "color: #4b2a7b; background: transparent; padding: 0 10px;",
    },
    {"selector": ".previous-next-container button:disabled", "rule": "color: #b9b3c6;"},
]

SMALL_PRINT = {"fontSize": "0.8rem", "fontWeight": "400", "color": "#5b6172"}

app = Dash(__name__, title="Sales orders")


def summary_card(label: str, value_id: str) -> html.Div:
    """One figure above the table."""
    return html.Div(
        [
            html.Div(label, style=SMALL_PRINT),
            html.Div(id=value_id, style={"fontSize": "1.2rem", "fontWeight": "700"}),
        ],
        style={
            "flex": "1",
            "padding": "0.75rem 1rem",
            "borderRadius": "10px",
            "background": "#f4f2f8",
        },
    )


def orders_table(frame: pd.DataFrame) -> dash_table.DataTable:
    """The DataTable over the orders (without the construction-time deprecation notice)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return dash_table.DataTable(
            id="orders",
            columns=COLUMNS,
            data=frame.to_dict("records"),
            sort_action="native",
            sort_mode="multi",
            filter_action="native",
            page_action="native",
            page_size=PAGE_SIZE,
            editable=True,
            export_format="xlsx",
            export_headers="display",
            style_table={"overflowX": "auto"},
            style_cell={
                "fontFamily": FONT,
                "fontSize": "0.9rem",
                "padding": "6px 10px",
                "border": "1px solid #e4e0ec",
            },
            style_cell_conditional=[
                {"if": {"column_type": "text"}, "textAlign": "left"},
                {"if": {"column_id": "date"}, "textAlign": "left"},
            ],
            style_header={
                "backgroundColor": "#ede7f6",
                "fontWeight": "700",
                "border": "1px solid #d8cfe8",
            },
            style_filter={"backgroundColor": "#fbfaff"},
            style_data_conditional=BASE_STYLES,
            css=TABLE_CSS,
        )


app.layout = html.Main(
    className="card",
    style={"maxWidth": "72rem"},
    children=[
        html.H1("Sales orders"),
        html.P(
            "Sort with the arrows, filter by typing in the boxes under the headers "
            "(for example > 2000 under Revenue), and double-click a Units or Unit price "
            "cell to change an order. Revenue and the totals update as you edit.",
            className="lead",
        ),
        html.Div(
            [
                summary_card("Revenue (all orders)", "total-revenue"),
                summary_card("Units (all orders)", "total-units"),
                summary_card("Shown by the filter", "filtered-revenue"),
                summary_card("Thin-margin orders", "thin-orders"),
            ],
            style={"display": "flex", "gap": "0.75rem", "marginBottom": "1.25rem"},
        ),
        orders_table(sales_orders()),
        html.P(id="active-order", className="lead", style={"marginTop": "1rem"}),
    ],
)


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c["id"] for c in COLUMNS])


@callback(
    Output("orders", "data"),
    Input("orders", "data_timestamp"),
    State("orders", "data"),
    prevent_initial_call=True,
)
def recompute_revenue(_timestamp: int | None, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """After an edit, each order's revenue and margin follow its new units and unit price."""
    return with_totals(_frame(rows)).to_dict("records")


@callback(
    Output("total-revenue", "children"),
    Output("total-units", "children"),
    Output("filtered-revenue", "children"),
    Output("thin-orders", "children"),
    Input("orders", "data"),
    Input("orders", "derived_virtual_data"),
)
def summarise(
    rows: list[dict[str, Any]], shown: list[dict[str, Any]] | None
) -> tuple[str, str, list[Any], str]:
    """The figures above the table, from the edited data and from the rows the filter keeps."""
    frame = _frame(rows)
    shown_frame = _frame(shown if shown is not None else rows)
    thin = int((pd.to_numeric(frame["margin"], errors="coerce") < THIN_MARGIN).sum())
    return (
        f"${frame['revenue'].sum():,.2f}",
        f"{int(frame['units'].sum()):,}",
        [
            f"${shown_frame['revenue'].sum():,.2f}",
            html.Span(f" in {len(shown_frame):,} orders", style=SMALL_PRINT),
        ],
        f"{thin:,} of {len(frame):,}",
    )


@callback(
    Output("orders", "style_data_conditional"),
    Output("active-order", "children"),
    Input("orders", "active_cell"),
)
def highlight_active_row(active: dict[str, Any] | None) -> tuple[list[dict[str, Any]], str]:
    """The whole row of the active cell is tinted, wherever sorting and paging put it."""
    if not active or active.get("row_id") is None:
        return BASE_STYLES, "Click a cell to select its order."
    order = active["row_id"]
    row_style = {
        "if": {"filter_query": f"{{id}} = {order}"},
        "backgroundColor": "#fff4d6",
    }
    return [*BASE_STYLES[:1], row_style, *BASE_STYLES[1:]], f"Order {order} selected."


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})

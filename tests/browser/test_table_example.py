"""examples/table.py as a user drives it: filter, sort, edit, and watch the totals follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from ports import start_on_free_port
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from test_table_support import cell, cell_texts, filter_input, header

from dash.testing.application_runners import import_app
from dash.testing.wait import until

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "table.py"


def _orders(app) -> list[dict]:
    """The rows the example puts in its table."""
    for component in app.layout._traverse():
        if getattr(component, "id", None) == "orders":
            return component.data
    raise AssertionError("examples/table.py has no table with id 'orders'")


def _money(value: float) -> str:
    return f"${value:,.2f}"


def test_the_sales_table_filters_sorts_and_totals_edits(dash_duo) -> None:
    app = import_app(str(EXAMPLE))
    orders = _orders(app)
    start_on_free_port(dash_duo, app)
    total = sum(row["revenue"] for row in orders)
    dash_duo.wait_for_text_to_equal("#total-revenue", _money(total))
    # While callbacks are pending the title reads "Updating...".
    until(lambda: dash_duo.driver.title == "Sales orders", timeout=5)
    assert len(cell_texts(dash_duo, "orders", "id")) == 12, "one page of 12 orders"

    # Filter: type a query under Revenue.
    large = sorted(row["revenue"] for row in orders if row["revenue"] > 4000)
    box = dash_duo.find_element(filter_input("orders", "revenue"))
    box.send_keys("> 4000" + Keys.ENTER)
    dash_duo.wait_for_text_to_equal(
        "#filtered-revenue", f"{_money(sum(large))} in {len(large)} orders"
    )
    # Large orders are styled by their filter_query rule.
    first_revenue = dash_duo.find_element(cell("orders", 0, "revenue"))
    assert first_revenue.value_of_css_property("font-weight") == "600"

    # Sort: one click on Revenue's arrows sorts ascending.
    dash_duo.find_element(header("orders", "revenue") + " .column-header--sort").click()
    dash_duo.wait_for_text_to_equal(cell("orders", 0, "revenue"), _money(large[0]))
    shown = cell_texts(dash_duo, "orders", "revenue")
    assert shown == [_money(value) for value in large[: len(shown)]]

    # A second click sorts descending: the largest order comes first.
    dash_duo.find_element(header("orders", "revenue") + " .column-header--sort").click()
    dash_duo.wait_for_text_to_equal(cell("orders", 0, "revenue"), _money(large[-1]))

    # Edit: the largest order gets 10 more units; its revenue and the totals follow.
    order_id = int(cell_texts(dash_duo, "orders", "id")[0])
    row = next(r for r in orders if r["id"] == order_id)
    units = row["units"] + 10
    dash_duo.find_element(cell("orders", 0, "units")).click()
    dash_duo.wait_for_text_to_equal("#active-order", f"Order {order_id} selected.")
    ActionChains(dash_duo.driver).send_keys(str(units) + Keys.ENTER).perform()
    new_revenue = round(units * row["price"], 2)
    dash_duo.wait_for_text_to_equal("#total-revenue", _money(total - row["revenue"] + new_revenue))
    dash_duo.wait_for_text_to_equal("#total-units", f"{sum(r['units'] for r in orders) + 10:,}")
    dash_duo.wait_for_text_to_equal(cell("orders", 0, "revenue"), _money(new_revenue))
    assert cell_texts(dash_duo, "orders", "id")[0] == str(order_id), "still the largest order"
    assert cell_texts(dash_duo, "orders", "units")[0] == str(units)
    dash_duo.wait_for_text_to_equal(
        "#filtered-revenue",
        f"{_money(sum(large) - row['revenue'] + new_revenue)} in {len(large)} orders",
    )
    assert dash_duo.get_logs() == []

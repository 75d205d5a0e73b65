"""DataTable fixed rows/columns, header tooltips, dropdown cells and the virtualized viewport."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from test_table_support import cell, header, start, table

from dash import Dash, Input, Output, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

COLUMNS = [{"id": f"c{j}", "name": f"Column {j}"} for j in range(8)]
ROWS = [{f"c{j}": f"r{i}-c{j} value" for j in range(8)} for i in range(60)]


def rect(dash_duo, selector: str) -> dict:
    """The bounding rectangle of the first element matching `selector`."""
    return dash_duo.driver.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().toJSON();", selector
    )


def scroll_container(dash_duo, table_id: str, top: int = 0, left: int = 0) -> None:
    dash_duo.driver.execute_script(
        "const box = document.querySelector(arguments[0]);"
        "box.scrollTop = arguments[1]; box.scrollLeft = arguments[2];"
        "box.dispatchEvent(new Event('scroll'));",
        f"#{table_id} .dash-spreadsheet-container",
        top,
        left,
    )


def test_fixed_header_stays_at_the_top_while_the_body_scrolls(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=COLUMNS,
                data=ROWS,
                fixed_rows={"headers": True},
                page_action="none",
                style_table={"height": "300px", "overflowY": "auto"},
            )
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "c0"))
    container = "#tbl .dash-spreadsheet-container"
    assert "dash-freeze-top" in dash_duo.find_element(container).get_attribute("class")
    # the header lives in the fixed-row fragment, the body in the scrolling one
    assert dash_duo.find_elements("#tbl .cell-0-1 th.dash-header")
    assert not dash_duo.find_elements("#tbl .cell-1-1 th.dash-header")
    assert dash_duo.find_elements("#tbl .cell-1-1 td.dash-cell")
    box = rect(dash_duo, container)
    assert box["height"] == pytest.approx(300, abs=1), "style_table height applies"

    scroll_container(dash_duo, "tbl", top=600)
    dash_duo.wait_for_element(cell("tbl", 30, "c0"))
    top_after = rect(dash_duo, header("tbl", "c0"))["top"]
    assert top_after == pytest.approx(box["top"], abs=2), "the header is still at the top"
    assert rect(dash_duo, cell("tbl", 0, "c0"))["bottom"] < box["top"], (
        "the first row scrolled away"
    )

    # the header cells stay as wide as, and above, the body cells of their column
    for column in ("c0", "c3", "c7"):
        head = rect(dash_duo, header("tbl", column))
        body = rect(dash_duo, cell("tbl", 30, column))
        assert head["left"] == pytest.approx(body["left"], abs=1)
        assert head["width"] == pytest.approx(body["width"], abs=1)
    assert dash_duo.get_logs() == []


def test_fixed_data_rows_and_columns_stay_visible(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=COLUMNS,
                data=ROWS,
                fixed_rows={"headers": True, "data": 2},
                fixed_columns={"headers": True, "data": 1},
                page_action="none",
                style_table={"maxHeight": "250px", "maxWidth": "400px"},
                style_cell={"minWidth": "120px"},
            )
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "c0"))
    classes = dash_duo.find_element("#tbl .dash-spreadsheet-inner").get_attribute("class").split()
    assert {"dash-freeze-top", "dash-freeze-left"} <= set(classes)
    # fragments: first column left, fixed rows on top; phantoms mark the other fragments' cells
    assert dash_duo.find_elements(
        '#tbl .cell-0-0 th.dash-header[data-dash-column="c0"]:not(.phantom-cell)'
    )
    assert dash_duo.find_elements(
        '#tbl .cell-0-1 th.dash-header.phantom-cell[data-dash-column="c0"]'
    )
    assert dash_duo.find_elements(
        '#tbl .cell-0-0 td.dash-cell[data-dash-row="1"][data-dash-column="c0"]'
    )
    assert dash_duo.find_elements(
        '#tbl .cell-1-0 td.dash-cell[data-dash-row="2"][data-dash-column="c0"]'
    )
    assert dash_duo.find_elements(
        '#tbl .cell-1-1 td.dash-cell[data-dash-row="2"][data-dash-column="c3"]'
    )
    assert not dash_duo.find_elements('#tbl .cell-1-1 td.dash-cell[data-dash-row="0"]')
    last_fixed = dash_duo.find_element('#tbl .cell-1-0 td.dash-cell.column-0[data-dash-row="2"]')
    assert "last-of-type" in last_fixed.get_attribute("class").split()
    cells_per_row = dash_duo.find_elements("#tbl .cell-1-1 > table > tbody > tr:last-of-type > *")
    assert len(cells_per_row) == 8, "fragments keep full rows"

    box = rect(dash_duo, "#tbl .dash-spreadsheet-container")
    scroll_container(dash_duo, "tbl", top=500, left=400)
    dash_duo.wait_for_element(cell("tbl", 25, "c0"))
    # the fixed column and the fixed rows did not move
    assert rect(dash_duo, header("tbl", "c0"))["top"] == pytest.approx(box["top"], abs=2)
    assert rect(dash_duo, header("tbl", "c0"))["left"] == pytest.approx(box["left"], abs=2)
    assert rect(dash_duo, cell("tbl", 1, "c0"))["left"] == pytest.approx(box["left"], abs=2)
    assert rect(dash_duo, cell("tbl", 1, "c0"))["bottom"] <= box["bottom"]
    # the other columns moved left under the fixed one, still aligned with their headers
    fixed_right = rect(dash_duo, cell("tbl", 1, "c0"))["right"]
    for column in ("c4", "c6"):
        head = rect(dash_duo, header("tbl", column))
        body = rect(dash_duo, cell("tbl", 25, column))
        top_row = rect(dash_duo, cell("tbl", 1, column))
        assert head["left"] == pytest.approx(body["left"], abs=1) == top_row["left"]
        assert head["width"] == pytest.approx(body["width"], abs=1)
    assert rect(dash_duo, header("tbl", "c1"))["left"] < fixed_right, (
        "c1 scrolled under the fixed column"
    )
    # the fixed column's cells are what the user sees at the left edge
    seen = dash_duo.driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return document.elementFromPoint(r.left + 5, r.top + 5).closest('td').getAttribute('data-dash-column');",
        dash_duo.find_element(cell("tbl", 25, "c0")),
    )
    assert seen == "c0"
    assert dash_duo.get_logs() == []


def test_header_tooltips_show_on_hover(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=[
                    {"id": "a", "name": ["Group", "A"]},
                    {"id": "b", "name": ["Group", "B"]},
                    {"id": "c", "name": ["Other", "C"]},
                ],
                data=[{"a": 1, "b": 2, "c": 3}],
                tooltip_header={
                    "a": "About column A",
                    "b": [None, {"type": "markdown", "value": "**B** header"}],
                },
                tooltip={"c": {"value": "only for data", "use_with": "data"}},
                tooltip_delay=0,
                tooltip_duration=None,
            )
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "a"))
    first_row, second_row = dash_duo.find_elements("#tbl tr:has(th.dash-header)")[:2]

    def hover(element) -> None:
        ActionChains(dash_duo.driver).move_to_element(element).perform()

    hover(second_row.find_element("css selector", 'th[data-dash-column="a"]'))
    dash_duo.wait_for_text_to_equal("#tbl .dash-tooltip .dash-table-tooltip", "About column A")
    assert dash_duo.find_element("#tbl > :first-child").get_attribute("class") == "dash-tooltip"
    hover(second_row.find_element("css selector", 'th[data-dash-column="b"]'))
    dash_duo.wait_for_element("#tbl .dash-table-tooltip strong")
    assert dash_duo.find_element("#tbl .dash-table-tooltip").text == "B header"
    # no tooltip for row 0 of column b, nor for a data-only tooltip on a header
    hover(first_row.find_element("css selector", 'th[data-dash-column="b"]'))
    dash_duo.wait_for_no_elements("#tbl .dash-tooltip")
    hover(second_row.find_element("css selector", 'th[data-dash-column="c"]'))
    dash_duo.wait_for_no_elements("#tbl .dash-tooltip")
    hover(dash_duo.find_element(cell("tbl", 0, "c")))
    dash_duo.wait_for_text_to_equal("#tbl .dash-table-tooltip", "only for data")
    assert dash_duo.get_logs() == []


def test_header_tooltip_delay_and_duration(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                data=[{"a": 1, "b": 2}],
                tooltip_header={"a": {"value": "brief", "delay": 100, "duration": 600}},
                tooltip_delay=0,
            )
        ]
    )
    start(dash_duo, app)
    ActionChains(dash_duo.driver).move_to_element(
        dash_duo.wait_for_element(header("tbl", "a"))
    ).perform()
    dash_duo.wait_for_text_to_equal("#tbl .dash-table-tooltip", "brief")
    # it goes away by itself after its duration, with the pointer still on the header
    dash_duo.wait_for_no_elements("#tbl .dash-tooltip", timeout=4)
    assert dash_duo.get_logs() == []


DROPDOWN_ROWS = [
    {"city": "NYC", "climate": "Sunny", "temp": 80},
    {"city": "Montreal", "climate": "Snowy", "temp": 10},
    {"city": "London", "climate": None, "temp": 60},
]


def dropdown_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                editable=True,
                data=DROPDOWN_ROWS,
                columns=[
                    {"id": "city", "name": "City", "presentation": "dropdown"},
                    {"id": "climate", "name": "Climate", "presentation": "dropdown"},
                    {"id": "temp", "name": "Temperature", "presentation": "dropdown"},
                ],
                dropdown={
                    "climate": {
                        "clearable": True,
                        "options": [{"label": v, "value": v} for v in ("Sunny", "Snowy", "Rainy")],
                    },
                    "city": {
                        "clearable": False,
                        "options": [
                            {"label": v, "value": v} for v in ("NYC", "Montreal", "London")
                        ],
                    },
                },
                dropdown_conditional=[
                    {
                        "if": {"column_id": "temp", "filter_query": "{city} eq 'Montreal'"},
                        "options": [{"label": f"{t} °C", "value": t} for t in (-10, 10)],
                    }
                ],
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("tbl", "data"), prevent_initial_call=True)
    def show(data):
        return json.dumps([[row["city"], row["climate"], row["temp"]] for row in data])

    return app


def test_dropdown_cell_choose_a_value_reaches_callbacks(dash_duo) -> None:
    start(dash_duo, dropdown_app())
    climate = cell("tbl", 0, "climate")
    dash_duo.wait_for_element(
        climate + " .dash-dropdown-cell-value-container .Select .Select-control"
    )
    assert dash_duo.find_element(climate + " .Select-value-label").text == "Sunny"
    assert (
        dash_duo.find_element(cell("tbl", 2, "climate") + " .Select-placeholder").text
        == "Select..."
    )
    assert "dropdown" in dash_duo.find_element(climate).get_attribute("class").split()

    dash_duo.find_element(climate + " .Select-arrow").click()
    dash_duo.wait_for_element(climate + " .Select.is-open .Select-menu-outer .Select-menu")
    options = dash_duo.find_elements(climate + " .Select-option")
    assert [o.text for o in options] == ["Sunny", "Snowy", "Rainy"]
    assert "is-selected" in options[0].get_attribute("class").split()
    options[2].click()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([["NYC", "Rainy", 80], ["Montreal", "Snowy", 10], ["London", None, 60]])
    )
    dash_duo.wait_for_text_to_equal(climate + " .Select-value-label", "Rainy")
    dash_duo.wait_for_no_elements(climate + " .Select-menu-outer")
    assert dash_duo.get_logs() == []


def test_dropdown_clearable_per_column_and_conditional_options(dash_duo) -> None:
    start(dash_duo, dropdown_app())
    climate = cell("tbl", 1, "climate")
    dash_duo.wait_for_element(climate + " .Select.is-clearable .Select-clear")
    assert not dash_duo.find_elements(cell("tbl", 1, "city") + " .Select-clear")
    assert not dash_duo.find_elements(cell("tbl", 2, "climate") + " .Select-clear"), (
        "nothing to clear"
    )
    dash_duo.find_element(climate + " .Select-clear").click()
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([["NYC", "Sunny", 80], ["Montreal", None, 10], ["London", None, 60]])
    )
    dash_duo.wait_for_element(climate + " .Select-placeholder")

    # only Montreal's temperature matches the conditional dropdown; the others show a plain value
    montreal = cell("tbl", 1, "temp")
    assert dash_duo.find_element(montreal + " .Select-value-label").text == "10 °C"
    assert not dash_duo.find_elements(cell("tbl", 0, "temp") + " .Select")
    assert dash_duo.find_element(cell("tbl", 0, "temp") + " .dash-cell-value").text == "80"
    # keyboard: open the menu, move down, choose with Enter
    dash_duo.find_element(montreal + " .Select-arrow").click()
    dash_duo.wait_for_element(montreal + " .Select-menu-outer")
    search = dash_duo.find_element(montreal + " .Select-input input")
    search.send_keys("-10")
    until(
        lambda: (
            [o.text for o in dash_duo.find_elements(montreal + " .Select-option")] == ["-10 °C"]
        ),
        timeout=5,
    )
    search.send_keys("\ue007")  # Enter
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps([["NYC", "Sunny", 80], ["Montreal", None, -10], ["London", None, 60]])
    )
    assert dash_duo.get_logs() == []


PICKS = [{"label": f"Option {i}", "value": i} for i in range(8)]


def options_in_sight(dash_duo, selector: str) -> list[str]:
    """The options of the open menu under `selector` that are on top where they are drawn."""
    return dash_duo.driver.execute_script(
        """
        return [...document.querySelectorAll(arguments[0] + ' .Select-option')]
          .filter((o) => {
            const r = o.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit !== null && o.contains(hit);
          })
          .map((o) => o.textContent);
        """,
        selector,
    )


@pytest.mark.parametrize(
    "fixed", [{"fixed_columns": {"headers": True, "data": 1}}, {"fixed_rows": {"headers": True}}]
)
def test_dropdown_menus_of_split_tables_are_not_clipped(dash_duo, fixed) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                editable=True,
                data=[{"pick": i, "x": i} for i in range(3)],
                columns=[
                    {"id": "pick", "name": "Pick", "presentation": "dropdown"},
                    {"id": "x", "name": "X"},
                ],
                dropdown={"pick": {"options": PICKS}},
                **fixed,
            ),
            # a second split table right below, whose sticky header must not cover the menu
            table(
                id="below",
                data=[{"y": 1}],
                columns=[{"id": "y", "name": "Y"}],
                fixed_rows={"headers": True},
            ),
            html.Div(id="out"),
            html.Div(style={"height": "2000px"}),  # room to scroll the page
        ]
    )

    @app.callback(Output("out", "children"), Input("tbl", "data"), prevent_initial_call=True)
    def show(data):
        return json.dumps([row["pick"] for row in data])

    start(dash_duo, app)
    last = cell("tbl", 2, "pick")
    dash_duo.wait_for_element(last + " .Select-arrow").click()
    dash_duo.wait_for_element(last + " .Select-menu-outer")
    # the menu is taller than the table below the cell: every option still shows on top
    until(lambda: len(options_in_sight(dash_duo, last)) == len(PICKS), timeout=5)
    dash_duo.find_elements(last + " .Select-option")[-1].click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([0, 1, 7]))

    # the open menu follows its cell when the page scrolls
    dash_duo.find_element(last + " .Select-arrow").click()
    dash_duo.wait_for_element(last + " .Select-menu-outer")
    dash_duo.driver.execute_script("window.scrollTo(0, 0); window.scrollBy(0, 40);")

    def gap() -> float:
        return (
            rect(dash_duo, last + " .Select-menu-outer")["top"]
            - rect(dash_duo, last + " .Select-control")["bottom"]
        )

    until(lambda: abs(gap()) < 1, timeout=5)
    assert dash_duo.driver.execute_script("return window.scrollY") == 40
    assert dash_duo.get_logs() == []


def test_split_table_that_fits_has_no_horizontal_scrollbar(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id=f"t{n}",
                data=[{"a": i, "b": f"text {i}"} for i in range(rows)],
                columns=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                fixed_rows={"headers": True},
            )
            for n, rows in enumerate((3, 40))
        ],
        style={"padding": "10px"},
    )
    start(dash_duo, app)
    dash_duo.wait_for_element("#t1 td.dash-cell")

    def overflow(table_id: str) -> int:
        return dash_duo.driver.execute_script(
            "const box = document.querySelector(arguments[0]);"
            "return box.scrollWidth - box.clientWidth;",
            f"#{table_id} .dash-spreadsheet-container",
        )

    # the columns grow to the container's width, and no further
    until(lambda: overflow("t0") == 0 and overflow("t1") == 0, timeout=5)
    assert rect(dash_duo, "#t0 th.dash-header")["width"] > 200
    assert dash_duo.get_logs() == []


def test_virtualized_viewport_follows_the_scrolled_window(dash_duo) -> None:
    data = [{"id": i, "n": i} for i in range(2000)]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=[{"id": "n", "name": "N", "type": "numeric"}],
                data=data,
                virtualization=True,
                fixed_rows={"headers": True},
                page_action="none",
                style_table={"height": "300px"},
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("tbl", "derived_viewport_indices"),
        Input("tbl", "derived_viewport_row_ids"),
        Input("tbl", "derived_viewport_data"),
    )
    def show(indices, row_ids, rows):
        if not indices:
            return "none"
        assert [r["n"] for r in rows] == indices == row_ids
        return f"{indices[0]}-{indices[-1]} ({len(indices)})"

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "n"))

    def rendered() -> tuple[int, int]:
        rows = [
            int(e.get_attribute("data-dash-row"))
            for e in dash_duo.find_elements("#tbl td.dash-cell:not(.phantom-cell)")
        ]
        return min(rows), max(rows)

    def shown() -> str:
        low, high = rendered()
        return f"{low}-{high} ({high - low + 1})"

    until(lambda: dash_duo.find_element("#out").text == shown(), timeout=5)
    low, high = rendered()
    assert low == 0 and high < 200, "the viewport is the rendered window, not all 2000 rows"
    scroll_container(dash_duo, "tbl", top=25 * 1000)
    dash_duo.wait_for_element(cell("tbl", 1000, "n"))
    until(lambda: dash_duo.find_element("#out").text == shown(), timeout=5)
    low, high = rendered()
    assert low <= 1000 <= high and high - low < 200
    assert dash_duo.get_logs() == []

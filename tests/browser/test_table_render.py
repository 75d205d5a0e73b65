"""DataTable rendering: the container tree, header/data rows, formats, styles and the look."""

from __future__ import annotations

import json

import pytest
from test_table_support import cell, cell_texts, header, start, table

from dash import Dash, Input, Output, html
from dash.dash_table import FormatTemplate
from dash.dash_table.Format import Format, Scheme

pytestmark = pytest.mark.browser

CITIES = [
    {"id": 101, "city": "Montreal", "pop": 1762949, "temp": 5.5, "share": 0.12, "ok": True},
    {"id": 102, "city": "Toronto", "pop": 2794356, "temp": 9.1, "share": 0.31, "ok": False},
    {"id": 103, "city": "Vancouver", "pop": 662248, "temp": 11.0, "share": None, "ok": True},
]
COLUMNS = [
    {"id": "city", "name": "City", "type": "text"},
    {
        "id": "pop",
        "name": "Population",
        "type": "numeric",
        "format": Format(group=True, precision=0, scheme=Scheme.fixed),
    },
    {
        "id": "temp",
        "name": "Temp",
        "type": "numeric",
        "format": Format(precision=1, scheme=Scheme.fixed).nully("n/a"),
    },
    {
        "id": "share",
        "name": "Share",
        "type": "numeric",
        "format": FormatTemplate.percentage(0).nully("n/a"),
    },
    {"id": "ok", "name": "OK"},
]


def test_table_renders_the_documented_dom_tree(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([table(id="tbl", columns=COLUMNS, data=CITIES)])
    start(dash_duo, app)
    dash_duo.wait_for_element("#tbl.dash-table-container")
    container = dash_duo.find_element("#tbl > .dash-spreadsheet-container")
    classes = container.get_attribute("class").split()
    assert {
        "dash-spreadsheet-container",
        "dash-spreadsheet",
        "dash-fill-width",
        "dash-no-filter",
    } <= set(classes)
    inner = dash_duo.find_element("#tbl .dash-spreadsheet-container > .dash-spreadsheet-inner")
    assert "dash-spreadsheet" in inner.get_attribute("class").split()
    for fragment in ("cell-0-0", "cell-0-1", "cell-1-0", "cell-1-1"):
        dash_duo.find_element(f"#tbl .dash-spreadsheet-inner .cell.{fragment}")
    body_rows = dash_duo.find_elements("#tbl .cell-1-1 > table.cell-table > tbody > tr")
    assert len(body_rows) == 1 + len(CITIES)

    headers = dash_duo.find_elements("#tbl th.dash-header")
    assert [h.get_attribute("data-dash-column") for h in headers] == [c["id"] for c in COLUMNS]
    assert [h.find_element("css selector", ".column-header-name").text for h in headers] == [
        "City",
        "Population",
        "Temp",
        "Share",
        "OK",
    ]
    assert "column-1" in headers[1].get_attribute("class").split()
    assert "cell--right-last" in headers[-1].get_attribute("class").split()

    first = dash_duo.find_element(cell("tbl", 0, "city"))
    assert first.get_attribute("class").split() == ["dash-cell", "column-0"]
    value = first.find_element("css selector", ".dash-cell-value")
    assert value.get_attribute("class").split() == ["unfocused", "selectable", "dash-cell-value"]
    assert cell_texts(dash_duo, "tbl", "city") == ["Montreal", "Toronto", "Vancouver"]
    assert dash_duo.get_logs() == []


def test_formats_and_plain_values(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = table(id="tbl", columns=COLUMNS, data=CITIES)
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "pop"))
    assert cell_texts(dash_duo, "tbl", "pop") == ["1,762,949", "2,794,356", "662,248"]
    assert cell_texts(dash_duo, "tbl", "temp") == ["5.5", "9.1", "11.0"]
    assert cell_texts(dash_duo, "tbl", "share") == ["12%", "31%", "n/a"]
    assert cell_texts(dash_duo, "tbl", "ok") == ["true", "false", "true"]
    assert dash_duo.get_logs() == []


def test_default_look_and_conditional_styles(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=COLUMNS,
        data=CITIES,
        style_cell={"padding": "4px"},
        style_cell_conditional=[{"if": {"column_id": "city"}, "textAlign": "left"}],
        style_header={"fontWeight": "bold"},
        style_data_conditional=[
            {
                "if": {"filter_query": "{temp} > 9", "column_id": "temp"},
                "backgroundColor": "rgb(255, 0, 0)",
            },
            {"if": {"row_index": "odd"}, "color": "rgb(0, 0, 255)"},
        ],
        css=[{"selector": ".dash-cell-value", "rule": "letter-spacing: 1px"}],
        style_table={"height": "300px"},
    )
    start(dash_duo, app)
    td = dash_duo.wait_for_element(cell("tbl", 0, "city"))
    assert td.value_of_css_property("font-family") == "monospace"
    assert td.value_of_css_property("font-size") == "13px"
    assert td.value_of_css_property("border-top") == "1px solid rgb(211, 211, 211)"
    assert td.value_of_css_property("background-color") == "rgba(255, 255, 255, 1)"
    assert td.value_of_css_property("padding-top") == "4px"
    assert td.value_of_css_property("text-align") == "left"
    th = dash_duo.find_element(header("tbl", "city"))
    assert th.value_of_css_property("background-color") == "rgba(250, 250, 250, 1)"
    assert th.value_of_css_property("font-weight") == "700"
    hot = dash_duo.find_element(cell("tbl", 1, "temp"))
    cold = dash_duo.find_element(cell("tbl", 0, "temp"))
    assert hot.value_of_css_property("background-color") == "rgba(255, 0, 0, 1)"
    assert cold.value_of_css_property("background-color") == "rgba(255, 255, 255, 1)"
    assert hot.value_of_css_property("color") == "rgba(0, 0, 255, 1)"
    assert (
        dash_duo.find_element("#tbl .dash-spreadsheet-container").value_of_css_property("height")
        == "300px"
    )
    style = dash_duo.find_element("style[id='tbl-dynamic-inline.css']")
    assert "#tbl .dash-cell-value" in style.get_attribute("textContent")
    value = dash_duo.find_element(cell("tbl", 0, "city") + " .dash-cell-value")
    assert value.value_of_css_property("letter-spacing") == "1px"
    dash_duo.take_snapshot("table-default-look")
    assert dash_duo.get_logs() == []


def test_multi_level_headers_merge_duplicates(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[
            {"id": "year", "name": ["", "Year"]},
            {"id": "mtl", "name": ["City", "Montreal"]},
            {"id": "tor", "name": ["City", "Toronto"]},
        ],
        data=[{"year": 2020, "mtl": 1, "tor": 2}],
        merge_duplicate_headers=True,
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "year"))
    rows = dash_duo.find_elements("#tbl .cell-1-1 tbody > tr")
    top = rows[0].find_elements("css selector", "th.dash-header")
    assert [th.text for th in top] == ["", "City"]
    assert top[1].get_attribute("colspan") == "2"
    bottom = rows[1].find_elements("css selector", "th.dash-header")
    assert [th.text for th in bottom] == ["Year", "Montreal", "Toronto"]
    assert dash_duo.get_logs() == []


def test_derived_props_reach_callbacks(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [table(id="tbl", columns=COLUMNS, data=CITIES, page_size=2), html.Pre(id="out")]
    )

    @app.callback(
        Output("out", "children"),
        Input("tbl", "derived_viewport_indices"),
        Input("tbl", "derived_virtual_row_ids"),
    )
    def show(viewport, row_ids):
        return json.dumps({"viewport": viewport, "ids": row_ids})

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal(
        "#out", json.dumps({"viewport": [0, 1], "ids": [101, 102, 103]})
    )
    assert dash_duo.get_logs() == []


def test_full_featured_table_look(dash_duo) -> None:
    data = [{"id": i, "name": f"item {i}", "qty": i * 3, "price": i * 1.25} for i in range(30)]
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[
            {"id": "name", "name": "Name", "renamable": True, "hideable": True},
            {"id": "qty", "name": "Qty", "type": "numeric", "deletable": True, "selectable": True},
            {
                "id": "price",
                "name": "Price",
                "type": "numeric",
                "format": FormatTemplate.money(2),
                "clearable": True,
            },
        ],
        data=data,
        editable=True,
        sort_action="native",
        filter_action="native",
        row_selectable="multi",
        row_deletable=True,
        column_selectable="multi",
        page_size=8,
        export_format="csv",
        selected_rows=[1],
    )
    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 2, "qty")).click()
    dash_duo.wait_for_element(cell("tbl", 2, "qty") + ".focused")
    for selector in (
        "#tbl .dash-spreadsheet-menu-item button.show-hide",
        "#tbl th.dash-header .column-header--sort svg.svg-inline--fa.fa-sort",
        "#tbl th.dash-header .column-header--edit svg[data-icon='pencil-alt']",
        "#tbl th.dash-header .column-header--delete svg[data-icon='trash-alt']",
        "#tbl th.dash-header .column-header--clear svg[data-icon='eraser']",
        "#tbl th.dash-header .column-header--hide svg[data-icon='eye-slash']",
        "#tbl th.dash-header .column-header--select input[type=checkbox]",
        "#tbl th.expanded-row--empty-cell.dash-delete-header",
        "#tbl th.expanded-row--empty-cell.dash-select-header",
        "#tbl th.dash-filter input.dash-filter--case.dash-filter--case--sensitive[value='Aa']",
        "#tbl .previous-next-container button.first-page",
        "#tbl .previous-next-container .current-page-container input.current-page",
    ):
        dash_duo.find_element(selector)
    assert dash_duo.find_element(cell("tbl", 0, "price") + " .dash-cell-value").text == "$0.00"
    checked = dash_duo.find_elements("#tbl td.dash-select-cell input:checked")
    assert len(checked) == 1
    dash_duo.take_snapshot("table-full-featured-look")
    assert dash_duo.get_logs() == []

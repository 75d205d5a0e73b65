"""DataTable sorting, filtering and pagination driven as a user would, with their derived props."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.keys import Keys
from test_table_support import cell, cell_texts, filter_input, header, start, table

from dash import Dash, Input, Output, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

ROWS = [
    {"id": i, "name": name, "score": score}
    for i, (name, score) in enumerate(
        [
            ("delta", 4),
            ("Alpha", 9),
            ("charlie", None),
            ("bravo", 1),
            ("echo", 7),
            ("Foxtrot", "N/A"),
        ]
    )
]
COLUMNS = [
    {"id": "name", "name": "Name", "type": "text"},
    {"id": "score", "name": "Score", "type": "numeric"},
]


def click_sort(dash_duo, column: str) -> None:
    dash_duo.find_element(header("tbl", column) + " .column-header--sort").click()


def sort_icon(dash_duo, column: str) -> str:
    return dash_duo.find_element(header("tbl", column) + " .column-header--sort svg").get_attribute(
        "data-icon"
    )


def test_native_sort_cycles_and_keeps_empty_values_last(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(id="tbl", columns=COLUMNS, data=ROWS, sort_action="native", sort_as_null=["N/A"]),
            html.Pre(id="sort"),
        ]
    )

    @app.callback(
        Output("sort", "children"), Input("tbl", "sort_by"), Input("tbl", "derived_virtual_indices")
    )
    def show(sort_by, indices):
        return json.dumps([sort_by, indices])

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "name"))
    assert sort_icon(dash_duo, "score") == "sort"
    click_sort(dash_duo, "score")
    dash_duo.wait_for_text_to_equal(
        "#sort", json.dumps([[{"column_id": "score", "direction": "asc"}], [3, 0, 4, 1, 2, 5]])
    )
    assert sort_icon(dash_duo, "score") == "sort-up"
    assert cell_texts(dash_duo, "tbl", "score") == ["1", "4", "7", "9", "", "N/A"]
    click_sort(dash_duo, "score")
    dash_duo.wait_for_text_to_equal(
        "#sort", json.dumps([[{"column_id": "score", "direction": "desc"}], [1, 4, 0, 3, 2, 5]])
    )
    assert sort_icon(dash_duo, "score") == "sort-down"
    assert cell_texts(dash_duo, "tbl", "score")[:4] == ["9", "7", "4", "1"]
    click_sort(dash_duo, "score")
    dash_duo.wait_for_text_to_equal("#sort", json.dumps([[], [0, 1, 2, 3, 4, 5]]))
    # single mode: sorting another column replaces the sort
    click_sort(dash_duo, "name")
    dash_duo.wait_for_text_to_equal(
        "#sort", json.dumps([[{"column_id": "name", "direction": "asc"}], [1, 5, 3, 2, 0, 4]])
    )
    assert dash_duo.get_logs() == []


def test_multi_sort_and_custom_sort(dash_duo) -> None:
    data = [{"g": "b", "n": 2}, {"g": "a", "n": 2}, {"g": "b", "n": 1}, {"g": "a", "n": 1}]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(
                id="tbl",
                columns=[{"id": "g", "name": "G"}, {"id": "n", "name": "N", "type": "numeric"}],
                data=data,
                sort_action="native",
                sort_mode="multi",
            ),
            table(
                id="custom",
                columns=[{"id": "g", "name": "G"}],
                data=[{"g": "z"}, {"g": "y"}],
                sort_action="custom",
            ),
            html.Pre(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("custom", "sort_by"), prevent_initial_call=True)
    def show(sort_by):
        return json.dumps(sort_by)

    start(dash_duo, app)
    dash_duo.wait_for_element(cell("tbl", 0, "g"))
    click_sort(dash_duo, "g")
    # The next click extends the applied sort_by: wait until the first one is in.
    until(
        lambda: (
            dash_duo.find_element(header("tbl", "g") + " .column-header--sort svg").get_attribute(
                "data-icon"
            )
            == "sort-up"
        ),
        timeout=5,
    )
    click_sort(dash_duo, "n")
    dash_duo.wait_for_text_to_equal(cell("tbl", 3, "n"), "2")
    assert [cell_texts(dash_duo, "tbl", c) for c in ("g", "n")] == [
        ["a", "a", "b", "b"],
        ["1", "2", "1", "2"],
    ]
    # custom: only sort_by changes, the rows stay in place
    dash_duo.find_element(header("custom", "g") + " .column-header--sort").click()
    dash_duo.wait_for_text_to_equal("#out", json.dumps([{"column_id": "g", "direction": "asc"}]))
    assert cell_texts(dash_duo, "custom", "g") == ["z", "y"]
    assert dash_duo.get_logs() == []


def test_native_filter_boxes_write_filter_query(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(id="tbl", columns=COLUMNS, data=ROWS, filter_action="native"),
            html.Pre(id="q"),
            html.Pre(id="ids"),
        ]
    )

    @app.callback(Output("q", "children"), Input("tbl", "filter_query"))
    def show_query(query):
        return query

    @app.callback(Output("ids", "children"), Input("tbl", "derived_virtual_row_ids"))
    def show_ids(ids):
        return json.dumps(ids)

    start(dash_duo, app)
    box = dash_duo.wait_for_element(filter_input("tbl", "score"))
    assert box.get_attribute("placeholder") == "filter data..."
    box.send_keys("> 3" + Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#q", "{score} s> 3")
    dash_duo.wait_for_text_to_equal("#ids", json.dumps([0, 1, 4]))
    name = dash_duo.find_element(filter_input("tbl", "name"))
    name.send_keys("a" + Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#q", "{score} s> 3 && {name} scontains a")
    dash_duo.wait_for_text_to_equal("#ids", json.dumps([0, 1]))
    assert cell_texts(dash_duo, "tbl", "name") == ["delta", "Alpha"]
    # the case toggle makes the column's filter case-insensitive
    dash_duo.find_element('#tbl th.dash-filter[data-dash-column="name"] .dash-filter--case').click()
    dash_duo.wait_for_text_to_equal("#q", "{score} s> 3 && {name} icontains a")
    assert dash_duo.find_element(
        '#tbl th.dash-filter[data-dash-column="name"] .dash-filter--case--insensitive'
    )
    # a box that does not parse is marked invalid and left out of the query
    score = dash_duo.find_element(filter_input("tbl", "score"))
    dash_duo.clear_input(score)
    score.send_keys("> " + Keys.ENTER)
    dash_duo.wait_for_element('#tbl th.dash-filter.invalid[data-dash-column="score"]')
    dash_duo.wait_for_text_to_equal("#q", "{name} icontains a")
    assert dash_duo.get_logs() == []


def test_filter_query_from_a_callback_filters_and_shows_in_boxes(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Filter", id="go"),
            table(id="tbl", columns=COLUMNS, data=ROWS, filter_action="native"),
            html.Pre(id="structure"),
        ]
    )

    @app.callback(Output("tbl", "filter_query"), Input("go", "n_clicks"), prevent_initial_call=True)
    def set_query(_):
        return '{name} contains "o" && {score} is num'

    @app.callback(Output("structure", "children"), Input("tbl", "derived_filter_query_structure"))
    def show(structure):
        return json.dumps(structure and structure["subType"])

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#structure", "null")
    dash_duo.find_element("#go").click()
    dash_duo.wait_for_text_to_equal("#structure", '"&&"')
    assert cell_texts(dash_duo, "tbl", "name") == ["bravo", "echo"]
    dash_duo.wait_for_text_to_equal(filter_input("tbl", "name"), "o")
    dash_duo.wait_for_text_to_equal(filter_input("tbl", "score"), "is num")
    assert dash_duo.get_logs() == []


def test_native_pagination(dash_duo) -> None:
    data = [{"n": i} for i in range(23)]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            table(id="tbl", columns=[{"id": "n", "name": "N"}], data=data, page_size=10),
            html.Pre(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("tbl", "page_current"),
        Input("tbl", "derived_viewport_indices"),
    )
    def show(page, indices):
        return f"{page or 0}:{indices[0]}-{indices[-1]}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "0:0-9")
    assert dash_duo.find_element("#tbl button.first-page").get_attribute("disabled") == "true"
    assert dash_duo.find_element("#tbl .last-page:not(button)").text == "3"
    dash_duo.find_element("#tbl button.next-page").click()
    dash_duo.wait_for_text_to_equal("#out", "1:10-19")
    assert cell_texts(dash_duo, "tbl", "n")[0] == "10"
    assert dash_duo.find_element(cell("tbl", 0, "n")).get_attribute("data-dash-row") == "0"
    dash_duo.find_element("#tbl button.last-page").click()
    dash_duo.wait_for_text_to_equal("#out", "2:20-22")
    assert dash_duo.find_element("#tbl button.next-page").get_attribute("disabled") == "true"
    page = dash_duo.find_element("#tbl input.current-page")
    assert page.get_attribute("placeholder") == "3"
    page.send_keys("1" + Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#out", "0:0-9")
    dash_duo.find_element("#tbl button.last-page").click()
    dash_duo.wait_for_text_to_equal("#out", "2:20-22")
    dash_duo.find_element("#tbl button.previous-page").click()
    dash_duo.wait_for_text_to_equal("#out", "1:10-19")
    assert dash_duo.get_logs() == []


def test_custom_pagination_asks_the_server(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[{"id": "n", "name": "N"}],
        page_action="custom",
        page_size=5,
        page_count=4,
    )

    @app.callback(Output("tbl", "data"), Input("tbl", "page_current"), Input("tbl", "page_size"))
    def page(current, size):
        start_at = (current or 0) * size
        return [{"n": i} for i in range(start_at, start_at + size)]

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal(cell("tbl", 0, "n"), "0")
    assert dash_duo.find_element("#tbl .last-page:not(button)").text == "4"
    dash_duo.find_element("#tbl button.next-page").click()
    dash_duo.wait_for_text_to_equal(cell("tbl", 0, "n"), "5")
    assert cell_texts(dash_duo, "tbl", "n") == ["5", "6", "7", "8", "9"]
    assert dash_duo.get_logs() == []

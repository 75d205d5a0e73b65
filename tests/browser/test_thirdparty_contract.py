"""Finer points of the component contract as the third-party libraries use them: persistence
declared with `dashPersistence`, `setProps` on mount, component labels inside list props,
loading state read with `useLoading`, and the globals the libraries expect on the page.
"""

from __future__ import annotations

import threading

import pytest
from thirdparty_support import registered_only_during_tests

from dash import Dash, Input, Output, html

dbc = pytest.importorskip("dash_bootstrap_components")
dmc = pytest.importorskip("dash_mantine_components")
dag = pytest.importorskip("dash_ag_grid")

pytestmark = pytest.mark.browser

_libraries_registered = registered_only_during_tests(dbc, dmc, dag)


GRID_ROW = ".ag-center-cols-container .ag-row[row-index='{row}']"


def test_persisted_values_survive_a_reload(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = dmc.MantineProvider(
        html.Div(
            [
                dbc.Tabs(
                    [dbc.Tab(label="One", tab_id="one"), dbc.Tab(label="Two", tab_id="two")],
                    id="tabs",
                    active_tab="one",
                    persistence=True,
                ),
                dmc.Select(id="fruit", data=["apple", "pear"], value="apple", persistence=True),
                dag.AgGrid(
                    id="grid",
                    rowData=[{"n": 1}, {"n": 2}],
                    columnDefs=[{"field": "n"}],
                    getRowId="String(params.data.n)",
                    dashGridOptions={"rowSelection": {"mode": "multiRow"}},
                    persistence=True,
                    style={"height": "200px"},
                ),
                html.Div(id="state"),
            ]
        )
    )

    @app.callback(
        Output("state", "children"),
        Input("tabs", "active_tab"),
        Input("fruit", "value"),
        Input("grid", "selectedRows"),
    )
    def show(tab, fruit, rows):
        return f"{tab} {fruit} {[row['n'] for row in rows or []]}"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#state", "one apple []")
    dash_duo.find_elements("#tabs .nav-link")[1].click()
    dash_duo.wait_for_text_to_equal("#state", "two apple []")
    dash_duo.find_element("#fruit").click()
    dash_duo.wait_for_element("[role='option'][value='pear']").click()
    dash_duo.wait_for_text_to_equal("#state", "two pear []")
    dash_duo.find_element(GRID_ROW.format(row=1) + " .ag-selection-checkbox input").click()
    dash_duo.wait_for_text_to_equal("#state", "two pear [2]")

    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal("#state", "two pear [2]")
    assert dash_duo.find_element("#fruit").get_attribute("value") == "pear"
    assert "active" in dash_duo.find_elements("#tabs .nav-link")[1].get_attribute("class")
    assert dash_duo.get_logs() == []


def test_mount_set_props_and_component_labels(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            # dbc Accordion reports its first item as active from a mount effect.
            dbc.Accordion(
                [
                    dbc.AccordionItem("First body", title="First", item_id="first"),
                    dbc.AccordionItem("Second body", title="Second", item_id="second"),
                ],
                id="accordion",
            ),
            # Components inside `options[].label` (dbc children_props with a list path).
            dbc.Checklist(
                id="toppings",
                options=[
                    {"label": html.Span("Cheese", id="label-cheese"), "value": "cheese"},
                    {"label": html.Span("Olives", id="label-olives"), "value": "olives"},
                ],
                value=[],
            ),
            html.Div(id="accordion-out"),
            html.Div(id="toppings-out"),
        ]
    )

    @app.callback(Output("accordion-out", "children"), Input("accordion", "active_item"))
    def show_item(item):
        return f"open: {item}"

    @app.callback(Output("toppings-out", "children"), Input("toppings", "value"))
    def show_toppings(value):
        return "toppings: " + ", ".join(value or [])

    @app.callback(
        Output("label-olives", "children"),
        Input("toppings", "value"),
        prevent_initial_call=True,
    )
    def relabel(value):
        return "Olives (chosen)" if "olives" in value else "Olives"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#accordion-out", "open: first")
    dash_duo.find_elements("#accordion .accordion-button")[1].click()
    dash_duo.wait_for_text_to_equal("#accordion-out", "open: second")

    dash_duo.wait_for_text_to_equal("#label-cheese", "Cheese")
    dash_duo.find_element("#label-olives").click()
    dash_duo.wait_for_text_to_equal("#toppings-out", "toppings: olives")
    dash_duo.wait_for_text_to_equal("#label-olives", "Olives (chosen)")
    assert dash_duo.get_logs() == []


def test_mantine_components_show_loading_from_use_loading(dash_duo) -> None:
    release = threading.Event()
    app = Dash(__name__)
    app.layout = dmc.MantineProvider(
        html.Div([html.Button("Go", id="go"), dmc.Button("Idle", id="target")])
    )

    @app.callback(Output("target", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def slow(n_clicks):
        release.wait(timeout=20)
        return f"Done {n_clicks}"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#target", "Idle")
    assert dash_duo.find_element("#target").get_attribute("data-dash-is-loading") is None
    dash_duo.find_element("#go").click()
    dash_duo.wait_for_element("#target[data-dash-is-loading='true']")
    release.set()
    dash_duo.wait_for_text_to_equal("#target", "Done 1")
    dash_duo.wait_for_no_elements("#target[data-dash-is-loading='true']")
    assert dash_duo.get_logs() == []


def test_page_globals_the_libraries_rely_on(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dbc.Badge("new", id="badge"), dag.AgGrid(id={"type": "grid", "n": 1})])
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#badge", "new")
    found = dash_duo.driver.execute_script(
        """
        const api = window.dash_component_api;
        return {
          react: React.version,
          regenerator: typeof window.regeneratorRuntime,
          propTypes: typeof window.PropTypes,
          api: ["useDashContext", "getLayout", "stringifyId", "ExternalWrapper", "DashContext"]
            .filter((name) => !api[name]),
          badge: api.getLayout("badge"),
          grid: api.getLayout({n: 1, type: "grid"}).type,
          gridId: api.stringifyId({type: "grid", n: 1}),
          libraries: [
            typeof window.dash_bootstrap_components.Badge,
            typeof window.dash_ag_grid.getApi,
          ],
        };
        """
    )
    assert found["react"].startswith("18.")
    assert found["regenerator"] in ("object", "function")
    assert found["propTypes"] == "object"
    assert found["api"] == []
    assert found["badge"]["props"] == {"children": "new", "id": "badge"}
    assert found["badge"]["namespace"] == "dash_bootstrap_components"
    assert found["grid"] == "AgGrid"
    assert found["gridId"] == '{"n":1,"type":"grid"}'
    assert found["libraries"] == ["function", "function"]
    assert dash_duo.get_logs() == []

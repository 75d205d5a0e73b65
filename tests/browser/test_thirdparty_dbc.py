"""dash-bootstrap-components, unmodified from PyPI, in a realistic app on our renderer.

Navbar links navigate in-app, Row/Col/Card lay out, a Modal opens from a callback, Tabs report
the active tab, and a Spinner shows while a slow callback runs.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import pytest
from thirdparty_support import console_errors as errors_except_from
from thirdparty_support import registered_only_during_tests

from dash import Dash, Input, Output, State, dcc, html

dbc = pytest.importorskip("dash_bootstrap_components")

pytestmark = pytest.mark.browser

_libraries_registered = registered_only_during_tests(dbc)


# The Bootstrap theme is a CDN stylesheet: offline its request fails, the app still works.
OUTSIDE_HOSTS = {urlsplit(dbc.themes.BOOTSTRAP).hostname}


def console_errors(dash_duo) -> list[dict]:
    """Console errors, minus failed requests to the outside hosts above (and nothing else)."""
    return errors_except_from(dash_duo, OUTSIDE_HOSTS)


def navbar() -> object:
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Shop dashboard", id="brand"),
                dbc.Nav(
                    [
                        dbc.NavItem(dbc.NavLink("Orders", href="/orders", id="link-orders")),
                        dbc.NavItem(dbc.NavLink("Stock", href="/stock", id="link-stock")),
                    ],
                    navbar=True,
                ),
            ]
        ),
        color="primary",
        dark=True,
        id="navbar",
    )


def cards() -> object:
    def card(title: str, body_id: str, extra: list) -> object:
        return dbc.Card(
            [dbc.CardHeader(title), dbc.CardBody([html.P(id=body_id), *extra])],
            className="h-100",
        )

    return dbc.Row(
        [
            dbc.Col(card("Location", "where", []), width=4, id="col-left"),
            dbc.Col(
                card(
                    "Details",
                    "details-text",
                    [dbc.Button("Show details", id="open", color="secondary")],
                ),
                width=8,
                id="col-right",
            ),
        ],
        className="g-3",
    )


def modal() -> object:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Order details")),
            dbc.ModalBody("Opened by a callback", id="modal-body"),
            dbc.ModalFooter(dbc.Button("Close", id="close")),
        ],
        id="modal",
        is_open=False,
    )


def tabs() -> object:
    return dbc.Tabs(
        [
            dbc.Tab(
                html.P("Everything is fine", id="summary-pane"), label="Summary", tab_id="summary"
            ),
            dbc.Tab(
                html.P("All the numbers", id="numbers-pane"), label="Numbers", tab_id="numbers"
            ),
        ],
        id="tabs",
        active_tab="summary",
    )


def dbc_app(release: threading.Event) -> Dash:
    app = Dash(__name__, external_stylesheets=[dbc.themes.BOOTSTRAP])
    app.layout = html.Div(
        [
            dcc.Location(id="url"),
            navbar(),
            dbc.Container(
                [
                    cards(),
                    modal(),
                    tabs(),
                    html.Div(id="tab-out"),
                    dbc.Button("Run report", id="slow-start"),
                    dbc.Spinner(
                        html.Div("no report yet", id="slow-out"), id="spinner", color="primary"
                    ),
                ]
            ),
        ]
    )

    @app.callback(Output("where", "children"), Input("url", "pathname"))
    def show_location(pathname):
        return f"You are at {pathname}"

    @app.callback(
        Output("modal", "is_open"),
        Input("open", "n_clicks"),
        Input("close", "n_clicks"),
        State("modal", "is_open"),
        prevent_initial_call=True,
    )
    def toggle_modal(_open, _close, is_open):
        return not is_open

    @app.callback(Output("details-text", "children"), Input("modal", "is_open"))
    def modal_state(is_open):
        return "modal open" if is_open else "modal closed"

    @app.callback(Output("tab-out", "children"), Input("tabs", "active_tab"))
    def show_tab(active_tab):
        return f"Active tab: {active_tab}"

    @app.callback(
        Output("slow-out", "children"), Input("slow-start", "n_clicks"), prevent_initial_call=True
    )
    def slow_report(n_clicks):
        # Held until the test has seen the spinner, so the check does not race the callback.
        release.wait(timeout=20)
        return f"report {n_clicks} ready"

    return app


def test_dbc_layout_modal_tabs_spinner_and_navigation(dash_duo) -> None:
    release = threading.Event()
    dash_duo.start_server(dbc_app(release))

    # Layout: navbar, a row of two columns holding cards.
    dash_duo.wait_for_text_to_equal("#brand", "Shop dashboard")
    assert "navbar" in dash_duo.find_element("#navbar").get_attribute("class")
    assert "col-4" in dash_duo.find_element("#col-left").get_attribute("class")
    assert "col-8" in dash_duo.find_element("#col-right").get_attribute("class")
    assert len(dash_duo.find_elements(".card .card-header")) == 2
    dash_duo.wait_for_text_to_equal("#where", "You are at /")

    # Modal opened and closed by one callback; its state feeds another.
    dash_duo.wait_for_text_to_equal("#details-text", "modal closed")
    assert not dash_duo.find_elements("#modal-body")
    dash_duo.find_element("#open").click()
    dash_duo.wait_for_text_to_equal("#modal-body", "Opened by a callback")
    dash_duo.wait_for_text_to_equal("#details-text", "modal open")
    dash_duo.wait_for_element(".modal-title")
    assert dash_duo.find_element(".modal-title").text == "Order details"
    dash_duo.find_element("#close").click()
    dash_duo.wait_for_no_elements("#modal-body")
    dash_duo.wait_for_text_to_equal("#details-text", "modal closed")

    # Tabs: labels read from the Tab children through the component API; a click reports the tab.
    dash_duo.wait_for_text_to_equal("#tab-out", "Active tab: summary")
    tab_links = dash_duo.find_elements("#tabs .nav-link")
    assert [link.text for link in tab_links] == ["Summary", "Numbers"]
    tab_links[1].click()
    dash_duo.wait_for_text_to_equal("#tab-out", "Active tab: numbers")
    dash_duo.wait_for_text_to_equal("#numbers-pane", "All the numbers")

    # Spinner: shown while the slow callback runs, gone when its output arrives.
    dash_duo.wait_for_text_to_equal("#slow-out", "no report yet")
    dash_duo.wait_for_no_elements(".spinner-border")
    dash_duo.find_element("#slow-start").click()
    dash_duo.wait_for_element(".spinner-border")
    release.set()
    dash_duo.wait_for_text_to_equal("#slow-out", "report 1 ready")
    dash_duo.wait_for_no_elements(".spinner-border")

    # NavLink navigates without a reload: dcc.Location hears the history event.
    dash_duo.driver.execute_script("window.__same_page = true;")
    dash_duo.find_element("#link-stock").click()
    dash_duo.wait_for_text_to_equal("#where", "You are at /stock")
    assert dash_duo.driver.execute_script("return window.__same_page === true;")

    assert console_errors(dash_duo) == []

"""dcc.Store, dcc.Interval, dcc.Location and dcc.Link in Chromium."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as start
from selenium.common.exceptions import WebDriverException
from steady_state import holds

from dash import Dash, Input, Output, State, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_local_store_survives_a_reload_and_stamps_changes(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Store(id="memo", storage_type="local", data={"clicks": 0}),
            dcc.Button("Add", id="add"),
            html.Div(id="out"),
            html.Div(id="stamp"),
        ]
    )

    @app.callback(
        Output("memo", "data"),
        Input("add", "n_clicks"),
        State("memo", "data"),
        prevent_initial_call=True,
    )
    def add(_, data):
        return {"clicks": data["clicks"] + 1}

    @app.callback(Output("out", "children"), Input("memo", "data"))
    def show(data):
        return f"clicks={data['clicks']}"

    @app.callback(Output("stamp", "children"), Input("memo", "modified_timestamp"))
    def stamp(ts):
        return "stamped" if ts and ts > 0 else "unstamped"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "clicks=0")
    dash_duo.find_element("#add").click()
    dash_duo.wait_for_text_to_equal("#out", "clicks=1")
    dash_duo.wait_for_text_to_equal("#stamp", "stamped")
    # The store writes localStorage from an effect of its own render.
    until(
        lambda: (
            dash_duo.driver.execute_script("return window.localStorage.getItem('memo')")
            == '{"clicks":1}'
        ),
        timeout=5,
    )
    dash_duo.driver.refresh()
    # Stored data beats the layout's {"clicks": 0}.
    dash_duo.wait_for_text_to_equal("#out", "clicks=1")
    dash_duo.driver.execute_script("window.localStorage.clear()")
    assert dash_duo.get_logs() == []


def test_clear_data_erases_a_session_store(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Store(id="s", storage_type="session", data="kept"),
            dcc.Button("Clear", id="clear"),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("s", "clear_data"), Input("clear", "n_clicks"), prevent_initial_call=True)
    def clear(_):
        return True

    @app.callback(Output("out", "children"), Input("s", "data"))
    def show(data):
        return repr(data)

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "'kept'")
    dash_duo.find_element("#clear").click()
    dash_duo.wait_for_text_to_equal("#out", "None")
    until(
        lambda: dash_duo.driver.execute_script("return window.sessionStorage.getItem('s')") is None,
        timeout=5,
    )
    assert dash_duo.get_logs() == []


def test_interval_ticks_until_max_intervals(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Interval(id="tick", interval=100, max_intervals=3), html.Div(id="out")]
    )

    @app.callback(Output("out", "children"), Input("tick", "n_intervals"))
    def show(n):
        return f"ticks={n}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "ticks=3")
    holds(lambda: dash_duo.find_element("#out").text == "ticks=3", seconds=0.5)
    assert dash_duo.get_logs() == []


def test_link_navigates_without_reload_and_location_follows(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Location(id="url"),
            dcc.Link("Page two", href="/page-2", id="to-2"),
            html.Div(id="page"),
        ]
    )

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def route(pathname):
        return f"at {pathname}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#page", "at /")
    dash_duo.driver.execute_script("window.__marker = 'same page'")
    dash_duo.find_element("#to-2").click()
    dash_duo.wait_for_text_to_equal("#page", "at /page-2")
    assert dash_duo.driver.execute_script("return window.__marker") == "same page"
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#page", "at /")
    assert dash_duo.get_logs() == []


def test_link_replaces_script_urls(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Link("bad", href="javascript:alert(1)", id="bad")])
    start(dash_duo, app)
    assert dash_duo.wait_for_element("#bad").get_attribute("href") == "about:blank"


def _marker_gone(dash_duo) -> bool:
    """Whether the current page lacks `window.__marker` (False while a navigation is under way)."""
    try:
        return dash_duo.driver.execute_script("return window.__marker === undefined")
    except WebDriverException:
        return False


@pytest.mark.parametrize("refresh", [False, "callback-nav", True])
def test_callback_changes_the_url_as_its_refresh_mode_says(dash_duo, refresh) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Location(id="url", refresh=refresh),
            dcc.Location(id="watcher"),
            dcc.Button("Go", id="go"),
            html.Div(id="watched"),
        ]
    )

    @app.callback(Output("url", "pathname"), Input("go", "n_clicks"), prevent_initial_call=True)
    def go(_):
        return "/next"

    @app.callback(Output("watched", "children"), Input("watcher", "pathname"))
    def watch(pathname):
        return f"watcher sees {pathname}"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#watched", "watcher sees /")
    dash_duo.driver.execute_script("window.__marker = 1")
    dash_duo.find_element("#go").click()
    until(lambda: dash_duo.driver.current_url.endswith("/next"), timeout=5)
    if refresh is True:
        # A new page (the marker is gone) that starts at the new URL. The old page may still
        # run its callbacks while the browser loads the new one: wait for the new page first.
        until(lambda: _marker_gone(dash_duo), timeout=10, msg="the page was not reloaded")
        dash_duo.wait_for_text_to_equal("#watched", "watcher sees /next")
        assert dash_duo.driver.execute_script("return window.__marker") is None
    elif refresh == "callback-nav":
        # The pushstate event reaches every Location.
        dash_duo.wait_for_text_to_equal("#watched", "watcher sees /next")
        assert dash_duo.driver.execute_script("return window.__marker") == 1
    else:
        # No reload (the marker survives) and no event for the other Location.
        holds(
            lambda: (
                dash_duo.driver.execute_script("return window.__marker") == 1
                and dash_duo.find_element("#watched").text == "watcher sees /"
            )
        )
    assert dash_duo.get_logs() == []

"""Dev tools in the browser: the error overlay and its counter, the callback graph, CSS hot reload
and props_check, and that production pages show none of it."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from ports import free_port
from ports import start_on_free_port as _serve

from dash import Dash, Input, Output, State, ctx, html
from dash.development.base_component import Component
from dash.testing.wait import until

pytestmark = pytest.mark.browser

# Debug as `app.run(debug=True)` gives it, minus the reloader and the file watcher.
DEBUG = {"debug": True, "use_reloader": False, "use_debugger": True, "dev_tools_hot_reload": False}

ERROR_COUNT = ".test-devtools-error-count"
SECRET = "the secret sauce spilled"


def _failing_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div("waiting", id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def explode(n_clicks):
        raise ValueError(f"{SECRET} (click {n_clicks})")

    return app


def test_a_failing_callback_shows_its_traceback_in_the_overlay(dash_duo) -> None:
    _serve(dash_duo, _failing_app(), **DEBUG)
    dash_duo.wait_for_element(".dash-debug-menu__outer--expanded")
    assert not dash_duo.find_elements(ERROR_COUNT)

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "1")
    # The popup opened by itself, with the card folded.
    dash_duo.wait_for_text_to_equal(".dash-fe-error__title", "Callback error updating out.children")
    assert not dash_duo.find_elements(".dash-backend-error")

    dash_duo.find_element(".test-devtools-error-toggle").click()
    frame = dash_duo.wait_for_element(".dash-be-error__st .dash-backend-error iframe")
    page = frame.get_attribute("srcdoc")
    assert SECRET in page and "ValueError" in page and "explode" in page
    dash_duo.driver.switch_to.frame(frame)
    try:
        # The frame's document loads from srcdoc after the frame is inserted.
        until(lambda: SECRET in dash_duo.driver.find_element("tag name", "body").text, timeout=5)
    finally:
        dash_duo.driver.switch_to.default_content()
    assert dash_duo.find_element("#out").text == "waiting"

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "2")
    until(lambda: len(dash_duo.find_elements(".dash-error-card__content")) == 2, timeout=5)


def test_production_shows_no_overlay_and_answers_without_traceback(dash_duo, wait_idle) -> None:
    port = _serve(dash_duo, _failing_app())
    dash_duo.wait_for_text_to_equal("#out", "waiting")
    dash_duo.find_element("#btn").click()
    # The failed request shows in the console: only then is "nothing changed" meaningful.
    logs: list[dict] = []

    def answered_500() -> bool:
        logs.extend(dash_duo.get_logs())
        return any("status of 500" in entry["message"] for entry in logs)

    until(answered_500, timeout=10, msg="the callback request never answered 500")
    wait_idle()
    assert dash_duo.find_element("#out").text == "waiting"
    for selector in (
        "#_dash-global-error-container",
        ".dash-debug-menu__outer",
        ".dash-error-card",
    ):
        assert not dash_duo.find_elements(selector)
    logs.extend(dash_duo.get_logs())
    page_logs = [e["message"] for e in logs if "status of 500" not in e["message"]]
    assert page_logs == []

    body = {
        "output": "out.children",
        "outputs": {"id": "out", "property": "children"},
        "inputs": [{"id": "btn", "property": "n_clicks", "value": 1}],
        "state": [],
        "changedPropIds": ["btn.n_clicks"],
    }
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as failure:
        urllib.request.urlopen(request, timeout=10)
    assert failure.value.code == 500
    text = failure.value.read().decode()
    assert failure.value.headers.get_content_type() == "application/json"
    assert "message" in json.loads(text)
    assert SECRET not in text and "Traceback" not in text


def test_front_end_errors_are_counted_and_collapsing_is_remembered(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out"), html.Div(id="client")])
    app.clientside_callback(
        "function (n) { if (n) { throw new Error('clientside went wrong ' + n); } return 'fine'; }",
        Output("client", "children"),
        Input("btn", "n_clicks"),
    )

    @app.callback(Output("later", "children"), Input("out", "title"))
    def to_a_missing_id(_):
        return "never"

    _serve(dash_duo, app, **DEBUG)
    dash_duo.wait_for_text_to_equal("#client", "fine")
    # The callback writing to a missing id is reported at start-up.
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "1")
    dash_duo.wait_for_text_to_equal(".dash-fe-error__title", "ID not found in layout")

    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "2")
    until(
        lambda: dash_duo.find_element(".dash-fe-error__title").text.startswith(
            "Callback error updating client.children via clientside function "
        ),
        timeout=5,
    )
    dash_duo.find_elements(".test-devtools-error-toggle")[0].click()
    dash_duo.wait_for_contains_text(".dash-fe-error__info", "clientside went wrong 1")

    dash_duo.find_element(".dash-debug-menu__toggle").click()
    dash_duo.wait_for_element(
        ".dash-debug-menu__outer--collapsed .dash-debug-menu__error-indicator"
    )
    dash_duo.wait_for_no_elements(".dash-debug-menu__content")
    until(
        lambda: (
            dash_duo.driver.execute_script(
                "return localStorage.getItem('dash_debug_menu_collapsed')"
            )
            == "true"
        ),
        timeout=5,
    )
    dash_duo.driver.refresh()
    dash_duo.wait_for_element(".dash-debug-menu__outer--collapsed")
    dash_duo.find_element(".dash-debug-menu__toggle").click()
    dash_duo.wait_for_element(".dash-debug-menu__outer--expanded .dash-debug-menu__content")


def test_the_callback_graph_lists_every_callback_with_its_calls(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("go", id="btn"),
            html.Div(id="first"),
            html.Div(id="second"),
            html.Div(id="third"),
        ]
    )

    @app.callback(Output("first", "children"), Input("btn", "n_clicks"))
    def first(n_clicks):
        ctx.record_timing("slow_part", 0.25, "pretend work")
        return f"first {n_clicks}"

    @app.callback(
        Output("second", "children"), Input("first", "children"), State("btn", "n_clicks")
    )
    def second(text, _):
        return f"second of {text}"

    app.clientside_callback(
        "function (text) { return 'third of ' + text; }",
        Output("third", "children"),
        Input("second", "children"),
    )

    _serve(dash_duo, app, **DEBUG)
    dash_duo.wait_for_text_to_equal("#third", "third of second of first None")
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#third", "third of second of first 1")
    wait_idle()
    assert dash_duo.find_element(".dash-debug-menu__version").text.startswith("v")
    assert (
        dash_duo.find_element(".dash-debug-menu__status").get_attribute("class").endswith("--cold")
    )

    dash_duo.find_element("#dash-debug-menu__callback-graph-button").click()
    dash_duo.wait_for_element(".dash-callback-dag--container svg")
    callbacks = dash_duo.find_elements(".dash-callback-dag--callback")
    assert sorted(c.get_attribute("data-node") for c in callbacks) == [
        "callback.0",
        "callback.1",
        "callback.2",
    ]
    assert "2 calls" in dash_duo.find_element('[data-node="callback.0"]').text
    clientside = dash_duo.find_elements(".dash-callback-dag--clientside")
    assert len(clientside) == 1
    props = {
        p.get_attribute("data-node") for p in dash_duo.find_elements(".dash-callback-dag--property")
    }
    assert props == {"btn.n_clicks", "first.children", "second.children", "third.children"}
    options = dash_duo.find_elements(".dash-callback-dag--layoutSelector option")
    assert [o.get_attribute("value") for o in options] == [
        "top-down",
        "left-right",
        "force",
        "force-loose",
    ]

    node = dash_duo.find_element('[data-node="callback.0"]')
    dash_duo.driver.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node
    )
    info = json.loads(dash_duo.wait_for_element(".dash-callback-dag--info").text)
    assert info["calls"] == 2 and info["type"] == "server"
    assert info["last"]["network"]["serverTimings"]["slow_part"] == pytest.approx(250, abs=1)


THING_JS = """
window.devtools_test_suite = (function () {
  var e = React.createElement;
  function Thing(props) { return e('div', {id: props.id, className: 'thing'}, 'count: ' + props.count); }
  Thing.propTypes = { id: PropTypes.string, count: PropTypes.number, setProps: PropTypes.func };
  return {Thing: Thing};
})();
"""


def _asset_component(type_name: str, namespace: str, props: list[str]) -> type[Component]:
    """A Python class for a component that a test's asset script defines in `window[namespace]`."""

    def __init__(self, **kwargs) -> None:
        Component.__init__(self, **kwargs)

    return type(
        type_name,
        (Component,),
        {
            "_type": type_name,
            "_namespace": namespace,
            "_prop_names": props,
            "_valid_wildcard_attributes": [],
            "_base_nodes": [],
            "_children_props": [],
            "available_properties": props,
            "available_wildcard_properties": [],
            "__init__": __init__,
        },
    )


# A third-party style component whose JavaScript declares propTypes.
Thing = _asset_component("Thing", "devtools_test_suite", ["id", "count"])


def test_a_bad_prop_type_shows_a_props_check_error(dash_duo, tmp_path: Path) -> None:
    (tmp_path / "thing.js").write_text(THING_JS, encoding="utf-8")
    app = Dash(__name__, assets_folder=str(tmp_path))
    app.layout = html.Div(
        [
            Thing(id="good", count=3),
            Thing(id="bad", count="three"),
            html.Div("still here", id="after"),
        ]
    )
    _serve(dash_duo, app, **DEBUG)
    dash_duo.wait_for_text_to_equal("#good", "count: 3")
    dash_duo.wait_for_text_to_equal("#after", "still here")
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "1")
    dash_duo.wait_for_contains_text(".dash-fe-error__title", "Invalid argument")
    title = dash_duo.find_element(".dash-fe-error__title").text
    assert title.startswith('Invalid argument `count` passed into Thing with ID "bad".')
    assert "Expected `number`." in title and "Was supplied type `string`." in title
    assert not dash_duo.find_elements("#bad")


def test_editing_a_stylesheet_restyles_the_page_without_reloading(dash_duo, tmp_path: Path) -> None:
    sheet = tmp_path / "style.css"
    sheet.write_text("#box { color: rgb(255, 0, 0); }", encoding="utf-8")
    app = Dash(__name__, assets_folder=str(tmp_path))
    app.layout = html.Div("styled", id="box")
    _serve(
        dash_duo,
        app,
        **{
            **DEBUG,
            "dev_tools_hot_reload": True,
            "dev_tools_hot_reload_interval": 0.2,
            "dev_tools_hot_reload_watch_interval": 0.1,
        },
    )
    color = "return getComputedStyle(document.getElementById('box')).color"
    dash_duo.wait_for_element(".dash-debug-menu__status.dash-debug-menu__button--available")
    assert dash_duo.driver.execute_script(color) == "rgb(255, 0, 0)"
    dash_duo.driver.execute_script("window.__still_the_same_page = true")
    # Let the poller take its baseline (and poll once more) before the change.
    polls = "return performance.getEntriesByType('resource')"
    polls += ".filter(e => e.name.includes('_reload-hash')).length"
    until(lambda: dash_duo.driver.execute_script(polls) >= 2, timeout=10)

    sheet.write_text("#box { color: rgb(0, 0, 255); }", encoding="utf-8")
    later = time.time() + 5
    os.utime(sheet, (later, later))
    dash_duo.wait_for_style_to_equal("#box", "color", "rgba(0, 0, 255, 1)", timeout=10)
    assert dash_duo.driver.execute_script("return window.__still_the_same_page") is True


BOMB_JS = """
window.devtools_bomb_suite = (function () {
  var e = React.createElement;
  function Bomb(props) {
    if (props.value === 'boom') { throw new Error('Bomb cannot show boom'); }
    return e('input', {
      id: props.id, value: props.value || '',
      onChange: function (event) { props.setProps({value: event.target.value}); }
    });
  }
  return {Bomb: Bomb};
})();
"""


# An input that throws while rendering the value "boom".
Bomb = _asset_component("Bomb", "devtools_bomb_suite", ["id", "value"])


def test_a_render_error_takes_back_the_edit_that_caused_it(dash_duo, tmp_path: Path) -> None:
    (tmp_path / "bomb.js").write_text(BOMB_JS, encoding="utf-8")
    app = Dash(__name__, assets_folder=str(tmp_path))
    app.layout = html.Div([Bomb(id="bomb", value="bo"), html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input("bomb", "value"))
    def echo(value):
        return f"value: {value}"

    _serve(dash_duo, app, **DEBUG)
    dash_duo.wait_for_text_to_equal("#echo", "value: bo")
    dash_duo.find_element("#bomb").send_keys("om")
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "1")
    dash_duo.wait_for_contains_text(".dash-fe-error__title", "Bomb cannot show boom")
    # "boom" was taken back: the input and the callback both see the value before it
    dash_duo.wait_for_text_to_equal("#echo", "value: boo")
    dash_duo.wait_for_text_to_equal("#bomb", "boo")
    dash_duo.find_element("#bomb").send_keys("t")
    dash_duo.wait_for_text_to_equal("#echo", "value: boot")


def _broken_layout_app() -> Dash:
    """An app whose layout function works once (the first-request check) and then raises."""
    app = Dash(__name__, suppress_callback_exceptions=True)
    calls = []

    def layout():
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("the layout function tripped")
        return html.Div("fine")

    app.layout = layout
    return app


def _open_failing_app(dash_duo, **options) -> None:
    """Serve the broken-layout app and open it (start_server would refuse a page that failed)."""
    dash_duo.start_server(_broken_layout_app(), navigate=False, port=free_port(), **options)
    dash_duo.driver.get(dash_duo.server.url)


def test_a_failing_layout_shows_the_server_error_page_in_debug(dash_duo) -> None:
    _open_failing_app(dash_duo, **DEBUG)
    error = dash_duo.wait_for_element("._dash-error")
    until(lambda: "the layout function tripped" in error.text, timeout=5)
    assert "RuntimeError" in error.text


def test_a_failing_layout_shows_a_short_notice_in_production(dash_duo) -> None:
    _open_failing_app(dash_duo)
    dash_duo.wait_for_text_to_equal("._dash-error", "Error loading layout")
    assert "tripped" not in dash_duo.driver.page_source

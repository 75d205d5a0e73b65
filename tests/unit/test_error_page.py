"""What the browser receives when a callback raises: the debug page, or JSON in production."""

from __future__ import annotations

import json
import os

import pytest

import dash
from dash import Input, Output, html
from dash._error_page import error_page, is_internal_frame, plain_traceback, traceback_sections

DASH_DIRECTORY = os.path.dirname(dash.__file__)


def _body(value=1):
    return {
        "output": "out.children",
        "outputs": {"id": "out", "property": "children"},
        "inputs": [{"id": "btn", "property": "n_clicks", "value": value}],
        "changedPropIds": ["btn.n_clicks"],
    }


def _lookup_price(item):
    prices = {"apple": 1}
    return prices[item]


@pytest.fixture
def app(make_app):
    app = make_app(layout=html.Div([html.Button(id="btn"), html.Div(id="out")]))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show_price(n_clicks):
        if n_clicks == 0:
            raise dash.exceptions.PreventUpdate
        if n_clicks == 2:
            return object()  # not JSON serialisable: dash raises after the callback returned
        if n_clicks == 3:
            try:
                return _lookup_price("pear")
            except KeyError as error:
                raise RuntimeError("price lookup failed for <pear> --> check the table") from error
        if n_clicks < 0:
            return 1 / 0
        return "ok"

    return app


@pytest.fixture
def client(app):
    return app.server.test_client()


def _debug(app, **tools):
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False, **tools)


def _html_part(page: str) -> str:
    """The page without its trailing plain-text comment."""
    return page[: page.rindex("<!--")]


# ------------------------------------------------------------------- production


def test_production_500_is_json_without_traceback(client):
    response = client.post("/_dash-update-component", json=_body(-1))
    assert response.status_code == 500
    assert response.content_type == "application/json"
    text = response.get_data(as_text=True)
    assert response.get_json() == {
        "message": "Callback error updating out.children: ZeroDivisionError"
    }
    assert "Traceback" not in text and "1 / 0" not in text and ".py" not in text


def test_production_server_keeps_serving_after_a_failure(client):
    assert client.post("/_dash-update-component", json=_body(-1)).status_code == 500
    assert client.post("/_dash-update-component", json=_body(1)).status_code == 200


# ------------------------------------------------------------------------ debug


def test_debug_500_is_an_html_page_with_the_users_frame(app, client):
    _debug(app)
    response = client.post("/_dash-update-component", json=_body(-1))
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.startswith("<!DOCTYPE html>")
    visible = _html_part(page)
    assert "<h1>ZeroDivisionError</h1>" in visible
    assert "Callback error updating out.children" in visible
    assert "show_price" in visible
    assert "return 1 / 0" in visible  # the source line of the user's frame
    assert __file__ in visible


def test_debug_pruned_page_hides_dash_and_flask_frames(app, client):
    _debug(app)
    page = client.post("/_dash-update-component", json=_body(-1)).get_data(as_text=True)
    for internal in ("_dispatch.py", "_routes.py", "update_component", "flask", "werkzeug"):
        assert internal not in page, internal
    assert "frames of Dash, Flask and the standard library" in page


def test_debug_page_repeats_the_plain_traceback_in_a_trailing_comment(app, client):
    _debug(app)
    page = client.post("/_dash-update-component", json=_body(-1)).get_data(as_text=True)
    comment = page[page.rindex("<!--") :]
    assert page.rstrip().endswith("-->")
    assert comment.startswith("<!--\nTraceback (most recent call last):\n")
    assert "in show_price" in comment and "return 1 / 0" in comment
    assert "ZeroDivisionError: division by zero" in comment
    assert "_dispatch.py" not in comment


def test_debug_without_pruning_shows_the_full_traceback(app, client):
    _debug(app, dev_tools_prune_errors=False)
    response = client.post("/_dash-update-component", json=_body(-1))
    assert response.status_code == 500 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "_dispatch.py" in page and "update_component" in page
    assert "return 1 / 0" in page
    assert "are hidden" not in page


def test_prune_errors_follows_its_environment_variable(app, client, clean_env):
    clean_env.setenv("DASH_PRUNE_ERRORS", "False")
    _debug(app)
    page = client.post("/_dash-update-component", json=_body(-1)).get_data(as_text=True)
    assert "_dispatch.py" in page


def test_debug_page_shows_chained_exceptions_and_escapes_messages(app, client):
    _debug(app)
    page = client.post("/_dash-update-component", json=_body(3)).get_data(as_text=True)
    visible = _html_part(page)
    assert "KeyError: &#x27;pear&#x27;" in visible
    assert "The above exception was the direct cause of the following exception:" in visible
    assert "_lookup_price" in visible and "show_price" in visible
    sections = visible[visible.index('<section class="traceback">') :]
    assert sections.index("KeyError") < sections.index("RuntimeError: price lookup")
    assert "<pear>" not in visible and "&lt;pear&gt;" in visible
    # The only comment terminator is the page's own: the message cannot end it early.
    assert page.count("-->") == 1


def test_debug_page_for_an_error_raised_by_dash_after_the_callback(app, client):
    _debug(app)
    response = client.post("/_dash-update-component", json=_body(2))
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "InvalidCallbackReturnValue" in page
    assert "out.children" in page


def test_debug_server_keeps_serving_and_prevent_update_stays_204(app, client):
    _debug(app)
    assert client.post("/_dash-update-component", json=_body(-1)).status_code == 500
    assert client.post("/_dash-update-component", json=_body(0)).status_code == 204
    response = client.post("/_dash-update-component", json=_body(1))
    assert response.status_code == 200
    assert json.loads(response.data)["response"] == {"out": {"children": "ok"}}


def test_bad_requests_stay_json_in_debug(app, client):
    _debug(app)
    response = client.post("/_dash-update-component", json={"output": "nope.children"})
    assert 400 <= response.status_code < 500
    assert response.get_json()["message"]


# ------------------------------------------------------------------- pure parts


def _raise_through(depth):
    if depth == 0:
        raise ValueError("deep")
    _raise_through(depth - 1)


def _caught(function, *args, **kwargs):
    """The exception `function` raises, its traceback starting inside `function`."""
    try:
        function(*args, **kwargs)
    except Exception as error:
        return error.with_traceback(error.__traceback__.tb_next)
    raise AssertionError("expected an exception")


def test_internal_frames_are_dash_flask_werkzeug_and_the_standard_library():
    assert is_internal_frame("dash._dispatch", os.path.join(DASH_DIRECTORY, "_dispatch.py"))
    assert is_internal_frame("flask.app", "/anywhere/flask/app.py")
    assert is_internal_frame("werkzeug.serving", "/anywhere/werkzeug/serving.py")
    assert is_internal_frame("json.decoder", json.decoder.__file__)
    assert is_internal_frame("importlib._bootstrap", "<frozen importlib._bootstrap>")
    assert not is_internal_frame(__name__, __file__)
    assert not is_internal_frame("dash_extensions_app", "/home/me/dash_extensions_app.py")
    # A user's script that happens to share a standard-library module name.
    assert not is_internal_frame("test", "/home/me/project/test.py")


def test_user_frames_called_from_the_standard_library_are_kept():
    error = _caught(json.loads, "{}", object_hook=lambda _decoded: _raise_through(1))
    (section,) = traceback_sections(error, prune=True)
    names = [frame.name for frame in section.frames]
    assert names[0] == "<lambda>"
    assert names.count("_raise_through") == 2
    assert section.hidden > 0  # json's own frames came first


def test_nothing_but_internal_frames_keeps_the_last_one():
    error = _caught(json.loads, "{not json")
    (section,) = traceback_sections(error, prune=True)
    assert len(section.frames) == 1 and section.frames[0].internal
    assert "JSONDecodeError" in plain_traceback([section])


def test_error_page_of_an_exception_whose_message_cannot_be_printed():
    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no")

    page = error_page(_caught(_raise_unprintable, Unprintable))
    assert "<h1>Unprintable</h1>" in page and "unprintable message" in page


def _raise_unprintable(kind):
    raise kind()

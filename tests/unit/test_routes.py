"""Every HTTP route: status, content type, headers and body."""

from __future__ import annotations

import json
import os

import flask
import pytest

import dash
from dash import Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate
from dash.resources import build_fingerprint


@pytest.fixture
def app(make_app):
    return make_app(layout=html.Div([html.Button(id="btn"), html.Div(id="out")]))


@pytest.fixture
def client(app):
    return app.server.test_client()


def _update_body(value=1, output="out.children"):
    return {
        "output": output,
        "outputs": {"id": "out", "property": "children"},
        "inputs": [{"id": "btn", "property": "n_clicks", "value": value}],
        "changedPropIds": ["btn.n_clicks"],
    }


# ------------------------------------------------------------------------ index


@pytest.mark.parametrize("path", ["/", "/some/page", "/_dash-update-component", "/x.html"])
def test_every_unmatched_get_serves_the_index(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    assert 'id="react-entry-point"' in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/some/page"])
def test_post_to_index_is_405(client, path):
    assert client.post(path).status_code == 405


def test_routes_live_under_the_routes_prefix(make_app):
    app = make_app(layout=html.Div("x"), routes_pathname_prefix="/app/")
    client = app.server.test_client()
    assert client.get("/app/_dash-layout").status_code == 200
    assert client.get("/app/").status_code == 200
    assert client.get("/_dash-layout").status_code == 404


def test_two_apps_share_one_server(make_app):
    server = flask.Flask("shared")
    make_app(server=server, layout=html.Div("one"), url_base_pathname="/one/")
    make_app(server=server, layout=html.Div("two"), url_base_pathname="/two/")
    client = server.test_client()
    assert json.loads(client.get("/one/_dash-layout").data)["props"]["children"] == "one"
    assert json.loads(client.get("/two/_dash-layout").data)["props"]["children"] == "two"


# ----------------------------------------------------------------- layout & deps


def test_layout_is_json(client):
    response = client.get("/_dash-layout")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    layout = response.get_json()
    assert layout["type"] == "Div" and layout["namespace"] == "dash_html_components"
    assert layout["props"]["children"][0]["props"]["id"] == "btn"


def test_layout_function_is_called_on_every_request(make_app):
    calls = []

    def layout():
        calls.append(1)
        return html.Div(f"call {len(calls)}")

    app = make_app(layout=layout)
    client = app.server.test_client()
    before = len(calls)
    first = client.get("/_dash-layout").get_json()["props"]["children"]
    second = client.get("/_dash-layout").get_json()["props"]["children"]
    assert first != second
    assert len(calls) >= before + 2


def _layout_failing_after_first_call():
    calls = []

    def layout():
        calls.append(1)
        if len(calls) > 1:
            raise KeyError("missing-key-in-layout")
        return html.Div("fine")

    return layout


def test_failing_layout_in_debug_answers_the_traceback_page(make_app):
    app = make_app(layout=_layout_failing_after_first_call(), suppress_callback_exceptions=True)
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    client = app.server.test_client()
    client.get("/")
    response = client.get("/_dash-layout")
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    assert "missing-key-in-layout" in response.get_data(as_text=True)
    assert client.get("/_dash-dependencies").status_code == 200  # still serving


def test_failing_layout_in_production_shows_no_traceback(make_app):
    app = make_app(layout=_layout_failing_after_first_call(), suppress_callback_exceptions=True)
    app.server.testing = False
    client = app.server.test_client()
    client.get("/")
    response = client.get("/_dash-layout")
    assert response.status_code == 500
    assert "missing-key-in-layout" not in response.get_data(as_text=True)


def test_layout_json_escapes_html_characters(make_app):
    app = make_app(layout=html.Div("</script>"))
    body = app.server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert "</script>" not in body and "\\u003c\\u002fscript\\u003e" in body


def test_dependencies_list_specs_in_registration_order(app, client):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def first(n):
        return n

    @app.callback(Output("out", "title"), Input("btn", "n_clicks"), State("out", "children"))
    def second(n, children):
        return n

    response = client.get("/_dash-dependencies")
    assert response.content_type == "application/json"
    specs = response.get_json()
    assert [spec["output"] for spec in specs] == ["out.children", "out.title"]
    assert specs[1]["state"] == [{"id": "out", "property": "children"}]
    assert all(spec["hidden"] is False for spec in specs)


def test_hide_all_callbacks_fills_hidden_on_first_request(app, client):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def update(n):
        return n

    @app.callback(Output("out", "title"), Input("btn", "n_clicks"), hidden=False)
    def shown(n):
        return n

    app.config.hide_all_callbacks = True
    specs = client.get("/_dash-dependencies").get_json()
    assert [spec["hidden"] for spec in specs] == [True, False]


def test_global_callbacks_are_merged_on_first_request(app, client):
    @dash.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def update(n):
        return f"global {n}"

    dash.clientside_callback(
        "function (n) { return n; }", Output("out", "title"), Input("btn", "n_clicks")
    )
    specs = client.get("/_dash-dependencies").get_json()
    assert [spec["output"] for spec in specs] == ["out.children", "out.title"]
    assert client.post("/_dash-update-component", json=_update_body(2)).get_json() == {
        "multi": True,
        "response": {"out": {"children": "global 2"}},
    }
    assert "_dashprivate_clientside_funcs" in client.get("/").get_data(as_text=True)


def test_global_callback_clashing_with_app_callback_gives_500(app, client):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def mine(n):
        return n

    @dash.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def theirs(n):
        return n

    assert client.get("/_dash-dependencies").status_code == 500


# --------------------------------------------------------------------- callbacks


@pytest.fixture
def echo(app):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def update(n):
        if n == 0:
            raise PreventUpdate
        if n == -1:
            return 1 / 0
        if n == 7:
            ctx.response.set_cookie("seen", "yes")
            ctx.response.set_header("X-Dash-Test", "1")
        return f"clicked {n}"

    return update


def test_update_component_runs_the_callback(client, echo):
    response = client.post("/_dash-update-component", json=_update_body(3))
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.get_json() == {"multi": True, "response": {"out": {"children": "clicked 3"}}}


def test_prevent_update_gives_204_with_empty_body(client, echo):
    response = client.post("/_dash-update-component", json=_update_body(0))
    assert response.status_code == 204
    assert response.data == b""


def test_callback_cookies_and_headers_reach_the_response(client, echo):
    response = client.post("/_dash-update-component", json=_update_body(7))
    assert response.headers["X-Dash-Test"] == "1"
    assert "seen=yes" in response.headers["Set-Cookie"]


def test_non_json_content_type_is_415(client, echo):
    response = client.post(
        "/_dash-update-component", data=json.dumps(_update_body()), content_type="text/plain"
    )
    assert response.status_code == 415
    assert "application/json" in response.get_json()["message"]


def test_malformed_json_is_400(client, echo):
    response = client.post(
        "/_dash-update-component", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"outputs": {}, "inputs": []}, 400),
        ([1, 2], 400),
        ({"output": "out.children", "outputs": {"id": "out", "property": "children"}}, 400),
        (_update_body(output="nowhere.children"), 404),
    ],
)
def test_bad_callback_requests_get_json_errors_and_the_server_keeps_serving(
    client, echo, body, status
):
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == status
    assert response.content_type == "application/json"
    assert response.get_json()["message"]
    assert client.post("/_dash-update-component", json=_update_body(1)).status_code == 200


def test_callback_exception_is_500_json_without_traceback(client, echo, app, caplog):
    response = client.post("/_dash-update-component", json=_update_body(-1))
    assert response.status_code == 500
    payload = response.get_json()
    assert payload == {"message": "Callback error updating out.children: ZeroDivisionError"}
    assert "ZeroDivisionError" in caplog.text
    assert client.post("/_dash-update-component", json=_update_body(1)).status_code == 200


def test_callback_exception_in_debug_shows_the_traceback_page(client, echo, app):
    app.enable_dev_tools(debug=True)
    response = client.post("/_dash-update-component", json=_update_body(-1))
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "ZeroDivisionError" in page
    assert "1 / 0" in page


def test_server_timing_headers_in_debug_with_ui(client, echo, app):
    app.enable_dev_tools(debug=True)
    response = client.post("/_dash-update-component", json=_update_body(1))
    assert response.headers.get_all("Server-Timing")[0].startswith("__dash_server;dur=")


# ---------------------------------------------------------------- component suites


@pytest.fixture
def suite_client(make_app, fake_library):
    app = make_app(layout=html.Div("x"))
    client = app.server.test_client()
    client.get("/")  # first request: registers the suite files
    return client


def _mtime(module, path):
    return int(os.stat(os.path.join(os.path.dirname(module.__file__), path)).st_mtime)


def test_fingerprinted_suite_file_is_cached_for_a_year(suite_client, fake_library):
    path = build_fingerprint("lib.min.js", "1.2.3+local", _mtime(fake_library, "lib.min.js"))
    response = suite_client.get(f"/_dash-component-suites/fake_dash_library/{path}")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "window.fake_dash_library = {};"
    assert response.headers["Cache-Control"] == "public, max-age=31536000"
    assert response.mimetype == "text/javascript"


def test_stale_fingerprints_are_served_too(suite_client):
    response = suite_client.get("/_dash-component-suites/fake_dash_library/sub/chunk.v0_1m123.js")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "/* async chunk */"


def test_plain_suite_file_gets_an_etag_and_304(suite_client):
    url = "/_dash-component-suites/fake_dash_library/style.css"
    response = suite_client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    etag = response.headers["ETag"]
    again = suite_client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_map_files_are_json(suite_client):
    response = suite_client.get("/_dash-component-suites/fake_dash_library/lib.min.js.map")
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("url", "mentions"),
    [
        ("/_dash-component-suites/unknown_pkg/x.js", "unknown_pkg"),
        ("/_dash-component-suites/fake_dash_library/__init__.py", "__init__.py"),
        ("/_dash-component-suites/fake_dash_library/../secret.js", "secret.js"),
    ],
)
def test_unregistered_suite_paths_are_500_with_a_message(suite_client, url, mentions):
    response = suite_client.get(url)
    assert response.status_code == 500
    assert mentions in response.get_json()["message"]


def test_registered_but_missing_suite_file_is_404(suite_client):
    response = suite_client.get("/_dash-component-suites/fake_dash_library/never-shipped.js")
    assert response.status_code == 404
    assert "never-shipped.js" in response.get_json()["message"]


def test_dash_own_suite_files_are_registered(make_app):
    app = make_app(layout=html.Div("x"))
    app.server.test_client().get("/")
    assert "deps/react@18.3.1.min.js" in app.registered_paths["dash"]
    assert "dash-renderer/build/dash_renderer.min.js" in app.registered_paths["dash"]
    assert "package_data/plotly.min.js" in app.registered_paths["plotly"]


# ------------------------------------------------------------- assets and friends


def test_assets_are_served_like_flask_static_files(make_app, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "style.css").write_text("p {}")
    app = make_app(layout=html.Div("x"), assets_folder=str(tmp_path))
    client = app.server.test_client()
    response = client.get("/assets/sub/style.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Last-Modified" in response.headers
    again = client.get("/assets/sub/style.css", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/assets/missing.css").status_code == 404


def test_custom_assets_url_path(make_app, tmp_path):
    (tmp_path / "a.js").write_text("1")
    app = make_app(
        layout=html.Div("x"), assets_folder=str(tmp_path), assets_url_path="static-files"
    )
    client = app.server.test_client()
    assert client.get("/static-files/a.js").status_code == 200
    assert '"/static-files/a.js?m=' in client.get("/").get_data(as_text=True)


def test_favicon(client):
    response = client.get("/_favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/x-icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"


def test_reload_hash(client):
    response = client.get("/_reload-hash")
    payload = response.get_json()
    assert payload == {
        "files": [],
        "hard": False,
        "packages": payload["packages"],
        "reloadHash": None,
    }
    assert "dash" in payload["packages"]
    assert response.get_data(as_text=True).endswith("\n")


def test_health_endpoint_when_set(make_app):
    app = make_app(layout=html.Div("x"), health_endpoint="health")
    response = app.server.test_client().get("/health")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.data == b"OK"


def test_startup_routes_are_added_to_later_apps(make_app, monkeypatch):
    monkeypatch.setattr(dash.Dash, "STARTUP_ROUTES", [])
    dash.Dash.add_startup_route("ping", lambda: "pong", ["GET"])
    with pytest.raises(ValueError, match="already"):
        dash.Dash.add_startup_route("ping", lambda: "pong", ["GET"])
    with pytest.raises(ValueError, match="leading"):
        dash.Dash.add_startup_route("/bad", lambda: "x", ["GET"])
    with pytest.raises(ValueError, match="methods"):
        dash.Dash.add_startup_route("put", lambda: "x", ["PUT"])
    app = make_app(layout=html.Div("x"))
    assert app.server.test_client().get("/_dash_startup_route/ping").data == b"pong"

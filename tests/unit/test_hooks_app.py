"""Every `dash.hooks` kind, plugins and startup routes, applied by a real `Dash` app
(Flask test client)."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import flask
import pytest

import dash
from dash import Dash, Input, Output, _hooks, _startup_routes, ctx, html
from dash.exceptions import InvalidIndexException

_STATE = ("_ns", "_finals", "_js_dist", "_css_dist", "_clientside_callbacks")


@pytest.fixture(autouse=True)
def fresh_hooks() -> Iterator[_hooks.Hooks]:
    """Empty hook storage during each test, reset by assignment as plugin tests do."""
    saved = {name: getattr(dash.hooks, name) for name in _STATE}
    clean = _hooks.Hooks()
    for name in _STATE:
        setattr(dash.hooks, name, getattr(clean, name))
    yield dash.hooks
    for name, value in saved.items():
        setattr(dash.hooks, name, value)


@pytest.fixture
def startup_routes(monkeypatch: pytest.MonkeyPatch) -> list:
    """An empty `Dash.STARTUP_ROUTES` for the test (the global list is left alone)."""
    routes: list = []
    monkeypatch.setattr(Dash, "STARTUP_ROUTES", routes)
    return routes


def callback_body(output: str, inputs: list[dict[str, Any]]) -> dict[str, Any]:
    component_id, _, prop = output.rpartition(".")
    return {
        "output": output,
        "outputs": {"id": component_id, "property": prop},
        "inputs": inputs,
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"] if inputs else [],
    }


def click_body() -> dict[str, Any]:
    return callback_body("out.children", [{"id": "btn", "property": "n_clicks", "value": 1}])


# --------------------------------------------------------------------- layout


def test_layout_hooks_change_the_served_layout(make_app):
    @dash.hooks.layout()
    def add_banner(layout):
        return html.Div([html.Header("banner", id="banner"), layout])

    @dash.hooks.layout(priority=10)
    def runs_first(layout):
        layout.children = "changed first"
        return layout

    app = make_app(layout=html.Div("content", id="main"))
    served = app.server.test_client().get("/_dash-layout").get_json()
    banner, main = served["props"]["children"]
    assert banner["props"] == {"children": "banner", "id": "banner"}
    assert main["props"] == {"children": "changed first", "id": "main"}


# ---------------------------------------------------------------------- index


def test_index_hooks_change_the_page_before_it_is_validated(make_app):
    @dash.hooks.index()
    def add_comment(page):
        return page.replace("</body>", "<!-- analytics --></body>")

    app = make_app(layout=html.Div("x"))
    page = app.server.test_client().get("/").data.decode()
    assert "<!-- analytics --></body>" in page


def test_an_index_hook_that_breaks_the_page_gives_500(make_app):
    @dash.hooks.index()
    def drop_config(page):
        return page.replace('id="_dash-config"', "")

    app = make_app(layout=html.Div("x"))
    with pytest.raises(InvalidIndexException, match="_dash-config"):
        app.render_index()
    app.server.config["PROPAGATE_EXCEPTIONS"] = False
    assert app.server.test_client().get("/").status_code == 500


# --------------------------------------------------------------------- routes


def test_route_hooks_are_served_under_the_routes_prefix(make_app):
    @dash.hooks.route()
    def status():
        return {"ok": True, "items": [1, 2]}

    @dash.hooks.route(name="echo/<word>", methods=("POST",))
    def echo(word):
        return f"you said {word}"

    client = make_app(layout=html.Div("x"), routes_pathname_prefix="/app/").server.test_client()
    response = client.get("/app/status")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == {"ok": True, "items": [1, 2]}
    assert client.post("/app/echo/hello").data == b"you said hello"


# ---------------------------------------------------------------------- error


def test_error_hooks_answer_a_failing_callback(make_app):
    seen: list[str] = []

    @dash.hooks.error()
    def report(error):
        seen.append(f"reported {error}")
        return "shown by the hook"

    app = make_app(layout=html.Div([html.Button(id="btn"), html.Div(id="out")]))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def explode(n_clicks):
        raise ValueError("boom")

    response = app.server.test_client().post("/_dash-update-component", json=click_body())
    assert response.status_code == 200
    assert response.get_json()["response"] == {"out": {"children": "shown by the hook"}}
    assert seen == ["reported boom"]


def test_app_on_error_runs_first_and_its_result_wins(make_app):
    calls: list[str] = []

    @dash.hooks.error()
    def log_it(error):
        calls.append("hook")
        return "from hook"

    def app_handler(error):
        calls.append("app")
        return "from app"

    app = make_app(
        layout=html.Div([html.Button(id="btn"), html.Div(id="out")]), on_error=app_handler
    )

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def explode(n_clicks):
        raise ValueError("boom")

    response = app.server.test_client().post("/_dash-update-component", json=click_body())
    assert response.get_json()["response"] == {"out": {"children": "from app"}}
    assert calls == ["app", "hook"]


# ---------------------------------------------------------------------- setup


def test_setup_hooks_receive_each_new_app(make_app):
    configured: list[Dash] = []

    @dash.hooks.setup()
    def configure(app):
        configured.append(app)
        app.config.update_title = None

    first, second = make_app(), make_app()
    assert configured == [first, second]
    assert first.config.update_title is None


# ------------------------------------------------------------------ callbacks


def test_callback_hooks_are_added_to_every_app(make_app):
    @dash.hooks.callback(Output("hooked-out", "children"), Input("hooked-in", "value"))
    def shout(value):
        return str(value).upper()

    dash.hooks.clientside_callback(
        "function (v) { return v; }",
        Output("mirror", "children"),
        Input("hooked-in", "value"),
    )

    for _ in range(2):
        app = make_app(layout=html.Div([html.Div(id="hooked-in"), html.Div(id="hooked-out")]))
        client = app.server.test_client()
        outputs = [spec["output"] for spec in client.get("/_dash-dependencies").get_json()]
        assert outputs == ["hooked-out.children", "mirror.children"]
        body = callback_body(
            "hooked-out.children", [{"id": "hooked-in", "property": "value", "value": "hi"}]
        )
        response = client.post("/_dash-update-component", json=body)
        assert response.get_json()["response"] == {"hooked-out": {"children": "HI"}}
        assert "function (v) { return v; }" in client.get("/").data.decode()


# ---------------------------------------------------------------- custom data


def test_custom_data_hooks_fill_ctx_custom_data(make_app):
    @dash.hooks.custom_data("user")
    def user_from_header(callback_ctx):
        return {"name": callback_ctx.headers.get("X-User", "anonymous")}

    app = make_app(layout=html.Div([html.Button(id="btn"), html.Div(id="out")]))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def greet(n_clicks):
        return f"hello {ctx.custom_data['user']['name']} / {ctx.custom_data.user['name']}"

    client = app.server.test_client()
    response = client.post("/_dash-update-component", json=click_body(), headers={"X-User": "ada"})
    assert response.get_json()["response"] == {"out": {"children": "hello ada / ada"}}


def test_custom_data_is_empty_without_hooks(make_app):
    app = make_app(layout=html.Div([html.Button(id="btn"), html.Div(id="out")]))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n_clicks):
        return repr(dict(ctx.custom_data))

    response = app.server.test_client().post("/_dash-update-component", json=click_body())
    assert response.get_json()["response"] == {"out": {"children": "{}"}}


# ------------------------------------------------------ scripts and stylesheets


def test_script_and_stylesheet_hooks_are_on_the_page_in_order(make_app, tmp_path):
    dash.hooks.script([{"external_url": "https://cdn.example.com/hook.js", "external_only": True}])
    dash.hooks.stylesheet([{"external_url": "https://cdn.example.com/hook.css"}])
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "site.css").write_text("body {}")
    app = make_app(
        layout=html.Div("x"),
        assets_folder=str(assets),
        serve_locally=False,
    )
    app.clientside_callback("function (v) { return v; }", Output("a", "children"), Input("b", "id"))
    page = app.server.test_client().get("/").data.decode()
    hook_script = page.index('src="https://cdn.example.com/hook.js"')
    assert page.index("dash_renderer") < hook_script
    assert page.index("dash_html_components") < hook_script
    assert hook_script < page.index("return v; }")
    hook_css = page.index('href="https://cdn.example.com/hook.css"')
    assert page.index("site.css") < hook_css


def test_local_hook_scripts_are_served_from_their_package(make_app, fake_library):
    dash.hooks.script([{"relative_package_path": "lib.min.js", "namespace": "fake_dash_library"}])
    client = make_app(layout=html.Div("x")).server.test_client()
    page = client.get("/").data.decode()
    start = page.index("/_dash-component-suites/fake_dash_library/lib")
    url = page[start : page.index('"', start)]
    assert client.get(url).status_code == 200


# ------------------------------------------------------------------ dev tools


def test_devtool_hooks_reach_the_page_config_when_the_ui_is_on(make_app):
    dash.hooks.devtool("my_plugin", "StatusBadge", lambda: {"label": "live"}, position="left")
    app = make_app(layout=html.Div("x"))
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    config = app._page_config()
    assert config["dev_tools"] == [
        {
            "namespace": "my_plugin",
            "type": "StatusBadge",
            "props": {"label": "live"},
            "position": "left",
        }
    ]
    app.enable_dev_tools(debug=False)
    assert "dev_tools" not in app._page_config()


# -------------------------------------------------------------------- plugins


def test_plugins_are_plugged_before_the_routes_exist(make_app):
    class Plugin:
        def __init__(self) -> None:
            self.rules_seen: list[str] | None = None

        def plug(self, app: Dash) -> None:
            self.rules_seen = [rule.rule for rule in app.server.url_map.iter_rules()]
            app.config.title = "Plugged"

    plugin = Plugin()
    app = make_app(layout=html.Div("x"), plugins=[plugin])
    assert plugin.rules_seen is not None
    assert "/_dash-layout" not in plugin.rules_seen
    assert "<title>Plugged</title>" in app.server.test_client().get("/").data.decode()


PLUGIN_PACKAGE = """
from dash import hooks

@hooks.route(name="plugin-info")
def plugin_info():
    return {"plugin": "installed"}
"""


def test_installed_plugin_hooks_apply_to_the_first_app(make_app, tmp_path, monkeypatch):
    (tmp_path / "dash_demo_plugin.py").write_text(textwrap.dedent(PLUGIN_PACKAGE))
    info = tmp_path / "dash_demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dash-demo-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[dash_hooks]\ndemo = dash_demo_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(_hooks, "_plugins_loaded", False)
    importlib.invalidate_caches()
    try:
        app = make_app(layout=html.Div("x"))
        assert app.server.test_client().get("/plugin-info").get_json() == {"plugin": "installed"}
    finally:
        sys.modules.pop("dash_demo_plugin", None)


# -------------------------------------------------------------- startup routes


def test_startup_routes_are_served_by_later_apps(make_app, startup_routes):
    def data():
        return {"rows": 3}

    def submit():
        return "stored"

    Dash.add_startup_route("my-package/data", data, ["GET"])
    Dash.add_startup_route("my-package/submit", submit, "POST")
    assert [route.name for route in startup_routes] == ["my-package/data", "my-package/submit"]
    assert Dash.STARTUP_ROUTES is startup_routes

    client = make_app(layout=html.Div("x"), url_base_pathname="/base/").server.test_client()
    assert client.get("/base/_dash_startup_route/my-package/data").get_json() == {"rows": 3}
    assert client.post("/base/_dash_startup_route/my-package/submit").data == b"stored"


def test_startup_route_rules(startup_routes):
    Dash.add_startup_route("taken", lambda: "x")
    for name, view, methods, message in (
        ("taken", lambda: "x", ["GET"], "already"),
        ("/slash", lambda: "x", ["GET"], "leading"),
        (42, lambda: "x", ["GET"], "str"),
        ("not-callable", "nope", ["GET"], "callable"),
        ("put", lambda: "x", ["PUT"], "methods"),
    ):
        with pytest.raises(ValueError, match=message):
            Dash.add_startup_route(name, view, methods)


def test_startup_routes_list_is_the_module_list():
    assert dash.Dash.STARTUP_ROUTES is _startup_routes.STARTUP_ROUTES


def test_setup_startup_routes_registers_on_a_late_server(make_app, startup_routes):
    Dash.add_startup_route("ping", lambda: "pong")
    app: Dash = make_app(layout=html.Div("x"), server=False)
    server = flask.Flask("late")
    app.init_app(server)
    assert server.test_client().get("/_dash_startup_route/ping").data == b"pong"

"""The app object's settings: constructor arguments, environment variables, app.config rules."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import logging
import os

import flask
import pytest

import dash
from dash import Input, Output, html
from dash._config import AttributeDict, env_setting, resolve_pathnames
from dash.dash import Dash, get_app
from dash.exceptions import (
    AppNotFoundError,
    InvalidConfig,
    ObsoleteAttributeException,
    ObsoleteKwargException,
    ProxyError,
)

# ------------------------------------------------------------------ AttributeDict


def test_attribute_dict_reads_and_writes_keys_as_attributes():
    settings = AttributeDict(a=1)
    settings.b = 2
    assert settings.a == 1 and settings["b"] == 2
    with pytest.raises(AttributeError):
        _ = settings.missing


def test_attribute_dict_read_only_and_final_rules():
    settings = AttributeDict(locked=1, free=2)
    settings.set_read_only(["locked"], "no way")
    settings.finalize("closed")
    settings.free = 3
    with pytest.raises(AttributeError, match="no way"):
        settings.locked = 5
    with pytest.raises(AttributeError, match="closed"):
        settings["new"] = 1
    with pytest.raises(AttributeError, match="closed"):
        settings.update(other=1)
    assert settings == {"locked": 1, "free": 3}


# ---------------------------------------------------------------- app.config rules


def test_config_refuses_unknown_keys(make_app):
    app = make_app()
    with pytest.raises(AttributeError, match="Invalid config key"):
        app.config.suppress_callbacks_exceptions = True  # misspelt


@pytest.mark.parametrize(
    "key",
    [
        "name",
        "assets_folder",
        "assets_url_path",
        "eager_loading",
        "serve_locally",
        "compress",
        "pages_folder",
        "csrf_token_name",
        "csrf_header_name",
        "url_base_pathname",
        "routes_pathname_prefix",
        "requests_pathname_prefix",
    ],
)
def test_config_read_only_keys(make_app, key):
    app = make_app()
    with pytest.raises(AttributeError, match="Read-only"):
        setattr(app.config, key, "/x/")


def test_config_mutable_keys_can_change(make_app):
    app = make_app()
    app.config.suppress_callback_exceptions = True
    app.config.update_title = None
    app.config.external_stylesheets = ["https://x/y.css"]
    app.title = "Mine"
    assert app.config.title == "Mine"
    assert app.config.suppress_callback_exceptions is True


def test_init_app_may_set_path_prefixes(make_app):
    app = make_app(server=False)
    server = flask.Flask("other")
    app.init_app(server, requests_pathname_prefix="/proxy/")
    app.layout = html.Div("x")
    assert app.server is server
    assert app.config.requests_pathname_prefix == "/proxy/"
    with pytest.raises(AttributeError, match="Read-only"):
        app.config.requests_pathname_prefix = "/again/"
    assert server.test_client().get("/_dash-dependencies").status_code == 200


def test_server_false_registers_no_routes_until_init_app(make_app):
    app = make_app(server=False)
    assert app.server is None
    server = flask.Flask("late")
    app.init_app(server)
    app.layout = html.Div("x")
    assert server.test_client().get("/").status_code == 200


def test_existing_flask_server_is_used(make_app):
    server = flask.Flask("mine")
    app = make_app(server=server, layout=html.Div("x"))
    assert app.server is server
    assert server.test_client().get("/_dash-layout").status_code == 200


def test_assets_folder_is_absolute_next_to_the_name_module(make_app):
    app = make_app(assets_folder="static-files")
    here = os.path.dirname(os.path.abspath(__file__))
    assert app.config.assets_folder == os.path.join(here, "static-files")


def test_name_defaults_to_the_module_that_creates_the_app(clean_env, isolated_callbacks):
    app = Dash()
    assert app.config.name == __name__


def test_title_and_update_title_defaults(make_app):
    app = make_app()
    assert app.title == "Dash"
    assert app.config.update_title == "Updating..."


# --------------------------------------------------------------- environment rules


def test_env_true_false_become_bools_anything_else_stays_text(clean_env):
    clean_env.setenv("DASH_A", "TRUE")
    clean_env.setenv("DASH_B", "false")
    clean_env.setenv("DASH_DEBUG", "0")
    assert env_setting("DASH_A") is True
    assert env_setting("DASH_B") is False
    assert env_setting("DASH_DEBUG") == "0"
    assert env_setting("DASH_NOT_SET") is None


def test_env_lowercase_name_is_read_when_uppercase_is_missing(make_app, clean_env):
    clean_env.setenv("dash_suppress_callback_exceptions", "true")
    assert make_app().config.suppress_callback_exceptions is True


def test_env_fills_missing_arguments(make_app, clean_env):
    clean_env.setenv("DASH_SUPPRESS_CALLBACK_EXCEPTIONS", "true")
    clean_env.setenv("DASH_INCLUDE_ASSETS_FILES", "false")
    clean_env.setenv("DASH_ASSETS_EXTERNAL_PATH", "https://cdn.example.com/")
    app = make_app()
    assert app.config.suppress_callback_exceptions is True
    assert app.config.include_assets_files is False
    assert app.config.assets_external_path == "https://cdn.example.com/"


def test_explicit_arguments_win_over_env(make_app, clean_env):
    clean_env.setenv("DASH_SUPPRESS_CALLBACK_EXCEPTIONS", "true")
    clean_env.setenv("DASH_ROUTES_PATHNAME_PREFIX", "/env/")
    app = make_app(suppress_callback_exceptions=False, routes_pathname_prefix="/arg/")
    assert app.config.suppress_callback_exceptions is False
    assert app.config.routes_pathname_prefix == "/arg/"


def test_dash_debug_zero_is_truthy(make_app, clean_env):
    clean_env.setenv("DASH_DEBUG", "0")
    app = make_app()
    debug = app.enable_dev_tools()
    assert debug == "0" and bool(debug)
    assert app._dev_tools.ui


# -------------------------------------------------------------------- path prefixes


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, (None, "/", "/")),
        ({"url_base_pathname": "/x/"}, ("/x/", "/x/", "/x/")),
        ({"routes_pathname_prefix": "/r/"}, (None, "/r/", "/r/")),
        ({"requests_pathname_prefix": "/q/"}, (None, "/", "/q/")),
        (
            {"routes_pathname_prefix": "/r/", "requests_pathname_prefix": "/proxy/r/"},
            (None, "/r/", "/proxy/r/"),
        ),
    ],
)
def test_prefix_table(make_app, arguments, expected):
    app = make_app(**arguments)
    config = app.config
    resolved = (
        config.url_base_pathname,
        config.routes_pathname_prefix,
        config.requests_pathname_prefix,
    )
    assert resolved == expected


@pytest.mark.parametrize(
    "arguments",
    [
        {"url_base_pathname": "/x/", "routes_pathname_prefix": "/r/"},
        {"url_base_pathname": "/x/", "requests_pathname_prefix": "/q/"},
    ],
)
def test_url_base_with_another_prefix_is_ambiguous(clean_env, arguments):
    with pytest.raises(InvalidConfig, match="ambiguous"):
        resolve_pathnames(**arguments)


def test_url_base_from_env_with_routes_argument_is_ambiguous(clean_env):
    clean_env.setenv("DASH_URL_BASE_PATHNAME", "/env/")
    with pytest.raises(InvalidConfig, match="ambiguous"):
        resolve_pathnames(routes_pathname_prefix="/r/")


@pytest.mark.parametrize(
    "arguments",
    [
        {"url_base_pathname": "/x"},
        {"routes_pathname_prefix": "r/"},
        {"requests_pathname_prefix": "q/"},
    ],
)
def test_prefixes_need_their_slashes(clean_env, arguments):
    with pytest.raises(InvalidConfig, match="must start"):
        resolve_pathnames(**arguments)


def test_requests_prefix_is_not_checked_for_a_trailing_slash(clean_env):
    assert resolve_pathnames(requests_pathname_prefix="/q") == (None, "/", "/q")


def test_dash_app_name_prefixes_the_requests_path(clean_env):
    clean_env.setenv("DASH_APP_NAME", "my-app")
    assert resolve_pathnames(routes_pathname_prefix="/r/") == (None, "/r/", "/my-app/r/")
    assert resolve_pathnames(requests_pathname_prefix="/q/") == (None, "/", "/q/")


# -------------------------------------------------------------- obsolete arguments


@pytest.mark.parametrize(
    "keyword", ["static_folder", "components_cache_max_age", "long_callback_manager"]
)
def test_obsolete_keywords_raise(make_app, keyword):
    with pytest.raises(ObsoleteKwargException):
        make_app(**{keyword: "x"})


def test_unknown_keyword_raises_type_error(make_app):
    with pytest.raises(TypeError, match="Dash\\(\\) got an unexpected keyword argument 'colour'"):
        make_app(colour="red")


def test_removed_keywords_only_print(make_app, capsys):
    make_app(dynamic_loading=True, preloaded_libraries=[])
    err = capsys.readouterr().err
    assert "dynamic_loading" in err and "preloaded_libraries" in err


@pytest.mark.parametrize("attribute", ["run_server", "long_callback"])
def test_obsolete_attributes_raise(make_app, attribute):
    app = make_app()
    with pytest.raises(ObsoleteAttributeException):
        getattr(app, attribute)


def test_blank_csrf_names_are_rejected(make_app):
    with pytest.raises(ValueError, match="csrf_token_name"):
        make_app(csrf_token_name=" ")
    with pytest.raises(ValueError, match="csrf_header_name"):
        make_app(csrf_header_name="")


def test_later_issue_arguments_are_accepted_and_stored(make_app):
    def handler(error):
        return None

    app = make_app(
        on_error=handler,
        show_undo_redo=True,
        background_callback_manager="manager",
        routing_callback_inputs={"lang": Input("lang", "value")},
        description="About",
        health_endpoint="health",
        backend="flask",
        websocket_callbacks=False,
        enable_mcp=False,
    )
    assert app._on_error is handler
    assert app.config.show_undo_redo is True
    assert app.config.description == "About"
    assert app.config.health_endpoint == "health"
    assert "lang" in app.routing_callback_inputs


def test_other_backends_are_not_available_yet(make_app):
    with pytest.raises(NotImplementedError, match="fastapi"):
        make_app(backend="fastapi")


def test_server_must_be_bool_or_flask(make_app):
    with pytest.raises(ValueError, match="server"):
        make_app(server="yes")


def test_plugins_are_plugged_with_the_app(make_app):
    seen = []

    class Plugin:
        def plug(self, app):
            seen.append(app)

    app = make_app(plugins=[Plugin()])
    assert seen == [app]


def test_unknown_renderer_hook_is_rejected(make_app):
    with pytest.raises(ValueError, match="layout_pree"):
        make_app(hooks={"layout_pree": "() => null"})


@pytest.mark.skipif(
    importlib.util.find_spec("flask_compress") is not None, reason="Flask-Compress installed"
)
def test_compress_without_flask_compress_raises_import_error(make_app):
    with pytest.raises(ImportError, match="compress"):
        make_app(compress=True)


@pytest.mark.skipif(importlib.util.find_spec("asgiref") is not None, reason="asgiref installed")
def test_use_async_without_asgiref_raises(make_app):
    with pytest.raises(Exception, match="async"):
        make_app(use_async=True)


# --------------------------------------------------------------------- get_app


def test_get_app_returns_the_latest_app(make_app):
    make_app()
    second = make_app()
    assert get_app() is second
    assert dash.get_app() is second


def test_get_app_before_any_app_raises(monkeypatch):
    monkeypatch.setattr("dash.dash._latest_app", None)
    with pytest.raises(AppNotFoundError):
        get_app()


# ------------------------------------------------------------------- dev tools


def test_enable_dev_tools_defaults_follow_debug(make_app):
    app = make_app()
    assert app.enable_dev_tools() is True
    tools = app._dev_tools
    for flag in ("ui", "props_check", "serve_dev_bundles", "hot_reload", "prune_errors"):
        assert tools[flag] is True
    assert tools.validate_callbacks is True
    assert tools.hot_reload_interval == 3.0
    assert tools.hot_reload_watch_interval == 0.5
    assert tools.hot_reload_max_retry == 8
    assert tools.disable_version_check is False


def test_dev_tools_arguments_and_env(make_app, clean_env):
    clean_env.setenv("DASH_HOT_RELOAD_INTERVAL", "5")
    clean_env.setenv("DASH_UI", "false")
    app = make_app()
    app.enable_dev_tools(debug=True, dev_tools_props_check=False)
    assert app._dev_tools.ui is False
    assert app._dev_tools.props_check is False
    assert app._dev_tools.hot_reload is True
    assert app._dev_tools.hot_reload_interval == 5.0


def test_dev_tools_off_by_default(make_app):
    app = make_app()
    assert not any(app._dev_tools[flag] for flag in ("ui", "props_check", "hot_reload"))


def test_silence_routes_logging_quiets_werkzeug(make_app, monkeypatch):
    logger = logging.getLogger("werkzeug")
    monkeypatch.setattr(logger, "level", logger.level)
    make_app().enable_dev_tools(debug=True)
    assert logger.level == logging.ERROR


# ------------------------------------------------------------------------- run


@pytest.fixture
def run_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(flask.Flask, "run", lambda self, **kwargs: calls.append(kwargs))
    return calls


def test_run_defaults_and_message(make_app, run_calls, caplog):
    app = make_app()
    with caplog.at_level(logging.INFO, logger="dash.dash"):
        app.run()
    assert run_calls == [{"host": "127.0.0.1", "port": 8050, "debug": False}]
    assert "Dash is running on http://127.0.0.1:8050/" in caplog.text
    assert app._dev_tools.ui is False


def test_run_reads_host_and_port_from_env(make_app, run_calls, clean_env):
    clean_env.setenv("HOST", "0.0.0.0")
    clean_env.setenv("PORT", "9000")
    make_app().run()
    assert run_calls[0]["host"] == "0.0.0.0" and run_calls[0]["port"] == 9000


def test_run_ignores_host_env_under_conda(make_app, run_calls, clean_env):
    clean_env.setenv("HOST", "x86_64-conda-linux-gnu")
    clean_env.setenv("CONDA_PREFIX", "/opt/conda")
    make_app().run()
    assert run_calls[0]["host"] == "127.0.0.1"


@pytest.mark.parametrize("port", ["abc", 0, -1, 70000])
def test_run_rejects_bad_ports(make_app, run_calls, port):
    with pytest.raises(ValueError, match="Expecting an integer from 1 to 65535"):
        make_app().run(port=port)
    assert run_calls == []


def test_run_debug_turns_dev_tools_on(make_app, run_calls):
    app = make_app()
    app.run(debug=True, dev_tools_hot_reload=False, use_reloader=False)
    assert run_calls[0]["debug"] is True and run_calls[0]["use_reloader"] is False
    assert app._dev_tools.ui is True and app._dev_tools.hot_reload is False


def test_run_proxy_shows_public_url(make_app, run_calls, caplog):
    app = make_app()
    with caplog.at_level(logging.INFO, logger="dash.dash"):
        app.run(proxy="http://127.0.0.1:8050::https://apps.example.com")
    assert "Dash is running on https://apps.example.com/" in caplog.text


def test_run_proxy_must_match_served_address(make_app, run_calls):
    with pytest.raises(ProxyError, match="port"):
        make_app().run(port=8051, proxy="http://127.0.0.1:8050::https://apps.example.com")


def test_run_hide_all_callbacks_sets_config(make_app, run_calls):
    app = make_app()
    app.run(hide_all_callbacks=True)
    assert app.config.hide_all_callbacks is True


# -------------------------------------------------------------- callbacks, csp


def test_app_callback_uses_app_prevent_initial_callbacks(make_app):
    app = make_app(prevent_initial_callbacks=True)

    @app.callback(Output("out", "children"), Input("in", "value"))
    def update(value):
        return value

    assert "out.children" in app.callback_map
    assert app._callback_list[0]["prevent_initial_call"] is True
    assert update("x") == "x"


def test_csp_hashes_cover_inline_scripts_and_renderer(make_app):
    app = make_app()
    app.clientside_callback("function (x) { return x; }", Output("o", "c"), Input("i", "v"))

    def sha256(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    hashes = app.csp_hashes()
    assert hashes[-1] == sha256("var renderer = new DashRenderer();")
    assert hashes[0] == sha256(app._inline_scripts[0])
    assert len(hashes) == 2
    assert app.csp_hashes("sha512")[0].startswith("'sha512-")


def test_csp_hashes_reject_unknown_algorithms(make_app):
    with pytest.raises(ValueError, match="sha256"):
        make_app().csp_hashes("md5")

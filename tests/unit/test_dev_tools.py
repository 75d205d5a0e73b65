"""`enable_dev_tools` and `run`: arguments, environment variables, defaults and effects."""

from __future__ import annotations

import json
import logging
import re

import flask
import pytest

from dash import html
from dash._config import env_setting, resolve_dev_tools
from dash.exceptions import InvalidConfig

ON_OFF_TOOLS = (
    "ui",
    "props_check",
    "serve_dev_bundles",
    "hot_reload",
    "silence_routes_logging",
    "prune_errors",
    "validate_callbacks",
)
NUMBER_DEFAULTS = {
    "hot_reload_interval": 3.0,
    "hot_reload_watch_interval": 0.5,
    "hot_reload_max_retry": 8,
}


@pytest.fixture(autouse=True)
def keep_werkzeug_log_level(monkeypatch):
    logger = logging.getLogger("werkzeug")
    monkeypatch.setattr(logger, "level", logger.level)


@pytest.fixture
def app(make_app):
    app = make_app(layout=html.Div("x"))
    yield app
    if app._hot_reload is not None:
        app._hot_reload.stop()


@pytest.fixture
def run_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(flask.Flask, "run", lambda self, **kwargs: calls.append(kwargs))
    return calls


def _page_config(app):
    page = app.server.test_client().get("/").get_data(as_text=True)
    found = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page)
    return json.loads(found.group(1))


def _script_srcs(app):
    page = app.server.test_client().get("/").get_data(as_text=True)
    return re.findall(r'<script src="([^"]+)"', page)


# -------------------------------------------------------------- env value parsing


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("true", True),
        ("TRUE", True),
        ("True", True),
        ("false", False),
        ("FaLsE", False),
        ("0", "0"),
        ("1", "1"),
        ("no", "no"),
        ("", ""),
        (" true", " true"),
    ],
)
def test_env_values_true_false_become_bools_anything_else_stays_a_string(clean_env, raw, parsed):
    clean_env.setenv("DASH_UI", raw)
    assert env_setting("DASH_UI") == parsed
    assert type(env_setting("DASH_UI")) is type(parsed)


def test_lowercase_variable_name_is_the_fallback(clean_env):
    clean_env.setenv("dash_hot_reload", "false")
    assert env_setting("DASH_HOT_RELOAD") is False
    clean_env.setenv("DASH_HOT_RELOAD", "true")
    assert env_setting("DASH_HOT_RELOAD") is True


@pytest.mark.parametrize("raw", ["0", "no", "off"])
def test_non_boolean_dash_debug_strings_turn_debug_on(app, clean_env, raw):
    clean_env.setenv("DASH_DEBUG", raw)
    assert app.enable_dev_tools(dev_tools_hot_reload=False) == raw
    assert app._dev_tools.ui == raw and bool(app._dev_tools.ui)
    assert _page_config(app)["ui"] is True


def test_non_boolean_tool_string_turns_the_tool_on(app, clean_env):
    clean_env.setenv("DASH_PROPS_CHECK", "0")
    app.enable_dev_tools(debug=False)
    assert _page_config(app)["props_check"] is True
    assert _page_config(app)["ui"] is False


def test_dash_debug_false_turns_everything_off(app, clean_env):
    clean_env.setenv("DASH_DEBUG", "False")
    assert app.enable_dev_tools() is False
    assert not any(app._dev_tools[tool] for tool in ON_OFF_TOOLS)


def test_explicit_arguments_win_over_the_environment(app, clean_env):
    clean_env.setenv("DASH_DEBUG", "true")
    clean_env.setenv("DASH_UI", "true")
    clean_env.setenv("DASH_HOT_RELOAD_INTERVAL", "9")
    debug = app.enable_dev_tools(debug=False, dev_tools_ui=False, dev_tools_hot_reload_interval=2)
    assert debug is False
    assert app._dev_tools.ui is False
    assert app._dev_tools.hot_reload_interval == 2.0


def test_tool_env_variables_win_over_debug(app, clean_env):
    clean_env.setenv("DASH_HOT_RELOAD", "false")
    clean_env.setenv("DASH_PRUNE_ERRORS", "FALSE")
    clean_env.setenv("DASH_DISABLE_VERSION_CHECK", "true")
    app.enable_dev_tools(debug=True)
    assert app._dev_tools.hot_reload is False and app._hot_reload is None
    assert app._dev_tools.prune_errors is False
    assert app._dev_tools.ui is True
    assert _page_config(app)["disable_version_check"] is True


def test_dash_validate_callbacks_is_not_read(app, clean_env):
    clean_env.setenv("DASH_VALIDATE_CALLBACKS", "false")
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    assert app._dev_tools.validate_callbacks is True


@pytest.mark.parametrize(
    ("variable", "raw", "key", "value"),
    [
        ("DASH_HOT_RELOAD_INTERVAL", "5", "hot_reload_interval", 5.0),
        ("DASH_HOT_RELOAD_INTERVAL", "0.25", "hot_reload_interval", 0.25),
        ("DASH_HOT_RELOAD_WATCH_INTERVAL", "2", "hot_reload_watch_interval", 2.0),
        ("DASH_HOT_RELOAD_MAX_RETRY", "3", "hot_reload_max_retry", 3),
        ("DASH_HOT_RELOAD_MAX_RETRY", "12.0", "hot_reload_max_retry", 12),
    ],
)
def test_numbers_from_the_environment(clean_env, variable, raw, key, value):
    clean_env.setenv(variable, raw)
    tools = resolve_dev_tools(True)
    assert tools[key] == value and type(tools[key]) is type(value)


@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("DASH_HOT_RELOAD_INTERVAL", "fast"),
        ("DASH_HOT_RELOAD_INTERVAL", "-1"),
        ("DASH_HOT_RELOAD_INTERVAL", "true"),
        ("DASH_HOT_RELOAD_WATCH_INTERVAL", "inf"),
        ("DASH_HOT_RELOAD_MAX_RETRY", "2.5"),
    ],
)
def test_bad_numbers_from_the_environment_name_the_variable(clean_env, variable, raw):
    clean_env.setenv(variable, raw)
    with pytest.raises(InvalidConfig, match=variable):
        resolve_dev_tools(True)


def test_hot_reload_numbers_reach_the_page_config(app, clean_env):
    clean_env.setenv("DASH_HOT_RELOAD_INTERVAL", "1.5")
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_max_retry=2)
    assert _page_config(app)["hot_reload"] == {"interval": 1500, "max_retry": 2}


# ---------------------------------------------------------------------- defaults


@pytest.mark.parametrize("debug", [True, False])
def test_every_default_with_debug_on_and_off(app, debug):
    assert app.enable_dev_tools(debug=debug) is debug
    tools = app._dev_tools
    for tool in ON_OFF_TOOLS:
        assert tools[tool] is debug, tool
    for name, default in NUMBER_DEFAULTS.items():
        assert tools[name] == default, name
    assert tools.disable_version_check is False
    config = _page_config(app)
    assert config["ui"] is debug and config["props_check"] is debug
    assert config["validate_callbacks"] is debug
    assert ("hot_reload" in config) is debug
    assert ("dev_tools" in config) is debug


def test_enable_dev_tools_called_directly_defaults_debug_on(app):
    assert app.enable_dev_tools() is True
    assert app._debug is True and app._hot_reload is not None


def test_run_defaults_debug_off(app, run_calls):
    app.run()
    assert run_calls[0]["debug"] is False
    assert app._debug is False and app._hot_reload is None
    assert "hot_reload" not in _page_config(app)


def test_run_reads_dash_debug(app, run_calls, clean_env):
    clean_env.setenv("DASH_DEBUG", "true")
    app.run(dev_tools_hot_reload=False)
    assert run_calls[0]["debug"] is True
    assert app._dev_tools.ui is True


def test_run_with_dash_debug_zero_runs_flask_in_debug(app, run_calls, clean_env):
    clean_env.setenv("DASH_DEBUG", "0")
    app.run(dev_tools_hot_reload=False)
    assert run_calls[0]["debug"] is True


def test_run_passes_dev_tools_arguments_on(app, run_calls):
    app.run(debug=True, dev_tools_ui=False, dev_tools_hot_reload_interval=7)
    assert run_calls[0]["debug"] is True
    assert app._dev_tools.ui is False and app._dev_tools.props_check is True
    assert _page_config(app)["hot_reload"]["interval"] == 7000


# ----------------------------------------------------------------------- effects


def test_silence_routes_logging_sets_werkzeug_to_error(app):
    logger = logging.getLogger("werkzeug")
    logger.setLevel(logging.INFO)
    app.enable_dev_tools(debug=True, dev_tools_silence_routes_logging=False)
    assert logger.level == logging.INFO
    app.enable_dev_tools(debug=False, dev_tools_silence_routes_logging=True)
    assert logger.level == logging.ERROR


def test_serve_dev_bundles_switches_scripts_to_dev_bundles(app):
    app.enable_dev_tools(debug=False, dev_tools_serve_dev_bundles=True)
    srcs = [src for src in _script_srcs(app) if "dash-renderer" in src or "/html/" in src]
    assert len(srcs) == 2
    assert all(src.endswith(".dev.js") for src in srcs)
    assert not any(src.endswith(".min.js") for src in srcs)


def test_without_dev_bundles_scripts_are_minified(app):
    app.enable_dev_tools(debug=False)
    srcs = [src for src in _script_srcs(app) if "dash-renderer" in src or "/html/" in src]
    assert len(srcs) == 2 and all(src.endswith(".min.js") for src in srcs)


def test_dev_bundles_are_served(app):
    app.enable_dev_tools(debug=False, dev_tools_serve_dev_bundles=True)
    client = app.server.test_client()
    srcs = [src for src in _script_srcs(app) if "dash-renderer" in src or "/html/" in src]
    assert len(srcs) == 2
    for src in srcs:
        response = client.get(src)
        assert response.status_code == 200 and response.mimetype == "text/javascript"


def test_serve_dev_bundles_forces_local_serving_with_a_warning(make_app):
    app = make_app(layout=html.Div("x"), serve_locally=False)
    assert any(src.startswith("https://") for src in _script_srcs(app))
    with pytest.warns(UserWarning, match="served locally"):
        app.enable_dev_tools(debug=False, dev_tools_serve_dev_bundles=True)
    srcs = _script_srcs(app)
    assert not any(src.startswith("https://") for src in srcs)
    assert _page_config(app)["serve_locally"] is True


def test_props_check_switches_react_to_development_builds(app):
    app.enable_dev_tools(debug=False, dev_tools_props_check=True)
    react = [src for src in _script_srcs(app) if "/deps/react" in src]
    assert react and all(src.endswith(".js") and not src.endswith(".min.js") for src in react)


def test_hot_reload_config_only_when_on(app):
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    assert "hot_reload" not in _page_config(app)
    app.enable_dev_tools(debug=False, dev_tools_hot_reload=True)
    assert _page_config(app)["hot_reload"] == {"interval": 3000, "max_retry": 8}


def test_run_passes_extra_hot_reload_paths_as_extra_files(make_app, run_calls, tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("a")
    (folder / "sub" / "b.csv").write_text("b")
    single = tmp_path / "settings.toml"
    single.write_text("x = 1")
    app = make_app(layout=html.Div("x"), extra_hot_reload_paths=[str(folder), str(single)])
    try:
        app.run(debug=True, dev_tools_hot_reload_watch_interval=3600)
        assert sorted(run_calls[0]["extra_files"]) == sorted(
            [str(folder / "a.csv"), str(folder / "sub" / "b.csv"), str(single)]
        )
    finally:
        app._hot_reload.stop()


def test_run_without_hot_reload_passes_no_extra_files(make_app, run_calls, tmp_path):
    app = make_app(layout=html.Div("x"), extra_hot_reload_paths=[str(tmp_path)])
    app.run(debug=True, dev_tools_hot_reload=False)
    assert "extra_files" not in run_calls[0]


def test_run_in_debug_leaves_the_werkzeug_reloader_to_flask(app, run_calls):
    app.run(debug=True, dev_tools_hot_reload=False)
    assert run_calls[0]["debug"] is True and "use_reloader" not in run_calls[0]

"""`dash.hooks`: every hook kind, priority and final rules, error chaining, plugins."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from dash import Input, Output, _hooks, html
from dash._callback import register_callback, register_clientside_callback
from dash._hooks import (
    apply_index_hooks,
    apply_layout_hooks,
    collect_custom_data,
    devtools_config,
    get_hooks,
    hook_routes,
    hook_scripts,
    hook_stylesheets,
    hooks,
    load_plugin_hooks,
    register_hook_callbacks,
    run_setup_hooks,
    wrap_error_handler,
)
from dash.exceptions import HookError

_STATE = ("_ns", "_finals", "_js_dist", "_css_dist", "_clientside_callbacks")


@pytest.fixture(autouse=True)
def fresh_hooks() -> Iterator[None]:
    """Empty hook storage during each test; what was there is put back afterwards."""
    saved = {name: getattr(hooks, name) for name in _STATE}
    clean = _hooks.Hooks()
    for name in _STATE:
        setattr(hooks, name, getattr(clean, name))
    yield
    for name, value in saved.items():
        setattr(hooks, name, value)


def tag(label: str, calls: list[str] | None = None):
    """A layout-style hook that records its call and appends `label` to a list."""

    def hook(value):
        if calls is not None:
            calls.append(label)
        return [*value, label]

    hook.__name__ = f"hook_{label}"
    return hook


def run_layout() -> list[str]:
    return apply_layout_hooks([])


class TestPriority:
    def test_without_priority_registration_order_is_kept(self):
        for label in "abc":
            hooks.layout()(tag(label))
        assert run_layout() == ["a", "b", "c"]

    def test_higher_priority_runs_first(self):
        hooks.layout(priority=1)(tag("low"))
        hooks.layout(priority=10)(tag("high"))
        hooks.layout(priority=5)(tag("mid"))
        assert run_layout() == ["high", "mid", "low"]

    def test_no_priority_goes_below_the_current_minimum(self):
        hooks.layout()(tag("first"))
        hooks.layout(priority=5)(tag("important"))
        hooks.layout()(tag("later"))
        assert [hook.priority for hook in get_hooks("layout")] == [5, 0, -1]
        assert run_layout() == ["important", "first", "later"]

    def test_equal_priorities_keep_registration_order(self):
        hooks.layout(priority=3)(tag("a"))
        hooks.layout(priority=3)(tag("b"))
        assert run_layout() == ["a", "b"]

    def test_final_hook_runs_last_whatever_the_priorities(self):
        hooks.layout(final=True)(tag("final"))
        hooks.layout(priority=-100)(tag("lowest"))
        hooks.layout(priority=100)(tag("highest"))
        assert run_layout() == ["highest", "lowest", "final"]
        assert get_hooks("layout")[-1].final is True

    def test_second_final_hook_is_refused(self):
        hooks.layout(final=True)(tag("one"))
        with pytest.raises(HookError, match="Final hook already present"):
            hooks.layout(final=True)(tag("two"))

    def test_final_hooks_are_per_kind(self):
        hooks.layout(final=True)(tag("layout"))
        hooks.index(final=True)(lambda page: page)
        assert len(get_hooks("index")) == 1

    def test_decorators_return_the_function(self):
        function = tag("x")
        assert hooks.layout()(function) is function
        assert hooks.route()(function) is function

    def test_not_callable_is_refused(self):
        with pytest.raises(HookError, match="must be a function"):
            hooks.setup()("not a function")

    def test_storage_tolerates_reset_by_assignment(self):
        hooks.layout(final=True)(tag("old final"))
        hooks._ns = {}
        hooks._finals = {}
        hooks.layout(final=True)(tag("new final"))
        hooks.setup()(lambda app: None)
        assert run_layout() == ["new final"]
        assert len(get_hooks("setup")) == 1
        hooks._ns["layout"] = []
        assert run_layout() == ["new final"]


class TestKinds:
    def test_layout_hooks_transform_the_layout(self):
        @hooks.layout()
        def wrap(layout):
            return html.Div([layout], id="wrapper")

        result = apply_layout_hooks(html.P("content"))
        assert result.id == "wrapper"
        assert result.children[0].children == "content"

    def test_setup_hooks_receive_the_app(self):
        seen = []
        hooks.setup()(lambda app: seen.append(("first", app)))
        hooks.setup(priority=9)(lambda app: seen.append(("early", app)))
        app = object()
        run_setup_hooks(app)
        assert seen == [("early", app), ("first", app)]

    def test_route_defaults_to_function_name_and_get(self):
        @hooks.route()
        def health():
            return {"ok": True}

        @hooks.route(name="api/items", methods=("POST",), priority=5)
        def items():
            return {}

        assert hook_routes() == [
            ("api/items", items, ("POST",)),
            ("health", health, ("GET",)),
        ]

    def test_index_hooks_transform_the_page(self):
        hooks.index()(lambda page: page.replace("</head>", "<meta name=x></head>"))
        hooks.index()(lambda page: page + "<!-- done -->")
        page = apply_index_hooks("<html><head></head></html>")
        assert page == "<html><head><meta name=x></head></html><!-- done -->"

    def test_custom_data_by_namespace(self):
        hooks.custom_data("user")(lambda ctx: {"name": ctx["who"]})
        hooks.custom_data("tenant")(lambda ctx: "acme")
        assert collect_custom_data({"who": "ann"}) == {"user": {"name": "ann"}, "tenant": "acme"}

    def test_scripts_and_stylesheets(self):
        script = {"external_url": "https://cdn.x/plugin.js", "external_only": True}
        sheet = {"external_url": "https://cdn.x/plugin.css", "external_only": True}
        hooks.script([script])
        hooks.stylesheet([sheet])
        assert hook_scripts() == [script]
        assert hook_stylesheets() == [sheet]

    def test_devtools_with_static_and_callable_props(self):
        hooks.devtool("my_plugin", "Panel", {"label": "static"})
        hooks.devtool("my_plugin", "Badge", lambda: {"count": 3}, position="left")
        hooks.devtool("my_plugin", "Bare")
        assert devtools_config() == [
            {
                "namespace": "my_plugin",
                "type": "Panel",
                "props": {"label": "static"},
                "position": "right",
            },
            {"namespace": "my_plugin", "type": "Badge", "props": {"count": 3}, "position": "left"},
            {"namespace": "my_plugin", "type": "Bare", "props": {}, "position": "right"},
        ]

    def test_devtool_position_is_checked(self):
        with pytest.raises(HookError, match="position"):
            hooks.devtool("my_plugin", "Panel", position="top")

    def test_websocket_hooks_are_stored(self):
        hooks.websocket_connect()(lambda request: True)
        hooks.websocket_message(priority=2)(lambda message: True)
        assert len(get_hooks("websocket_connect")) == len(get_hooks("websocket_message")) == 1


class FakeApp:
    """Callback containers with the `callback` / `clientside_callback` of an app."""

    def __init__(self) -> None:
        self.specs: list[dict] = []
        self.callback_map: dict[str, dict] = {}
        self.inline_scripts: list[str] = []

    def callback(self, *args: Any, **kwargs: Any):
        return register_callback(self.specs, self.callback_map, False, *args, **kwargs)

    def clientside_callback(self, function: Any, *args: Any, **kwargs: Any) -> None:
        register_clientside_callback(
            self.specs, self.callback_map, False, self.inline_scripts, function, *args, **kwargs
        )


class TestCallbacks:
    def test_server_callbacks_are_added_to_each_app(self):
        @hooks.callback(Output("plugin-out", "children"), Input("plugin-in", "value"), priority=3)
        def echo(value):
            return value

        first, second = FakeApp(), FakeApp()
        register_hook_callbacks(first)
        register_hook_callbacks(second)
        for app in (first, second):
            assert app.callback_map["plugin-out.children"]["callback"] is echo
            assert app.specs[0]["inputs"] == [{"id": "plugin-in", "property": "value"}]

    def test_clientside_callbacks_are_added(self):
        hooks.clientside_callback(
            "function (v) { return v; }", Output("cs-out", "children"), Input("cs-in", "value")
        )
        app = FakeApp()
        register_hook_callbacks(app)
        assert app.specs[0]["clientside_function"]["function_name"]
        assert len(app.inline_scripts) == 1


class TestErrorHandler:
    def test_without_error_hooks_the_original_is_returned(self):
        def original(error):
            return "x"

        assert wrap_error_handler(original) is original
        assert wrap_error_handler(None) is None

    def test_original_then_every_hook_in_order(self):
        calls = []
        hooks.error()(lambda error: calls.append(("hook1", str(error))))
        hooks.error(priority=5)(lambda error: calls.append(("hook0", str(error))))
        handler = wrap_error_handler(lambda error: calls.append(("original", str(error))))
        handler(ValueError("boom"))
        assert calls == [("original", "boom"), ("hook0", "boom"), ("hook1", "boom")]

    def test_truthy_original_result_wins(self):
        hooks.error()(lambda error: "from hook")
        assert wrap_error_handler(lambda error: "from app")(ValueError()) == "from app"

    def test_last_hook_result_when_original_gives_nothing(self):
        hooks.error()(lambda error: "first hook")
        hooks.error()(lambda error: "last hook")
        assert wrap_error_handler(lambda error: None)(ValueError()) == "last hook"

    def test_no_original_handler(self):
        hooks.error()(lambda error: f"handled {error}")
        assert wrap_error_handler(None)(ValueError("bad")) == "handled bad"


PLUGIN = """
from dash._hooks import hooks

@hooks.layout()
def plugin_banner(layout):
    return ["banner", *layout]
"""


@pytest.fixture
def plugin_site(tmp_path, monkeypatch):
    """A fake installed distribution declaring a `dash_hooks` entry point."""

    def install(module_name: str, source: str) -> None:
        (tmp_path / f"{module_name}.py").write_text(textwrap.dedent(source))
        info = tmp_path / f"{module_name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {module_name}\nVersion: 1.0\n"
        )
        (info / "entry_points.txt").write_text(f"[dash_hooks]\n{module_name} = {module_name}\n")

    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(_hooks, "_plugins_loaded", False)
    before = set(sys.modules)
    yield install
    for name in set(sys.modules) - before:
        del sys.modules[name]
    importlib.invalidate_caches()


class TestPlugins:
    def test_entry_points_are_loaded_once(self, plugin_site):
        plugin_site("dash_plugin_banner", PLUGIN)
        importlib.invalidate_caches()
        assert "dash_plugin_banner" in load_plugin_hooks()
        assert run_layout() == ["banner"]
        assert load_plugin_hooks() == []
        assert len(get_hooks("layout")) == 1

    def test_broken_plugin_is_reported(self, plugin_site):
        plugin_site("dash_plugin_broken", "raise RuntimeError('plugin bug')\n")
        importlib.invalidate_caches()
        with pytest.raises(HookError, match="dash_plugin_broken.*plugin bug"):
            load_plugin_hooks()

"""Registering callbacks: argument forms, output strings, dependency specs, definition errors."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pytest

import dash
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State
from dash._callback import (
    GLOBAL_CALLBACK_LIST,
    GLOBAL_CALLBACK_MAP,
    GLOBAL_INLINE_SCRIPTS,
    register_callback,
    register_clientside_callback,
)
from dash.exceptions import (
    CallbackException,
    DuplicateCallback,
    IncorrectTypeException,
    NonExistentEventException,
    WildcardInLongCallback,
)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class App:
    """The containers an app holds, with `callback`/`clientside_callback` as the app wires them."""

    def __init__(self, prevent_initial_callbacks=False):
        self.specs: list[dict] = []
        self.callback_map: dict[str, dict] = {}
        self.scripts: list[str] = []
        self.prevent_initial_callbacks = prevent_initial_callbacks

    def callback(self, *args, **kwargs):
        return register_callback(
            self.specs, self.callback_map, self.prevent_initial_callbacks, *args, **kwargs
        )

    def clientside_callback(self, function, *args, **kwargs):
        register_clientside_callback(
            self.specs,
            self.callback_map,
            self.prevent_initial_callbacks,
            self.scripts,
            function,
            *args,
            **kwargs,
        )

    def spec(self):
        return self.specs[-1]


def noop(*args, **kwargs):
    return None


@pytest.fixture
def app():
    return App()


@pytest.fixture
def global_registry():
    """Let a test use dash.callback, then restore the global containers."""
    saved = (list(GLOBAL_CALLBACK_LIST), dict(GLOBAL_CALLBACK_MAP), list(GLOBAL_INLINE_SCRIPTS))
    yield
    GLOBAL_CALLBACK_LIST[:] = saved[0]
    GLOBAL_CALLBACK_MAP.clear()
    GLOBAL_CALLBACK_MAP.update(saved[1])
    GLOBAL_INLINE_SCRIPTS[:] = saved[2]


class TestSpec:
    def test_keys_and_values_of_a_simple_callback(self, app):
        app.callback(Output("out", "children"), Input("in", "value"))(noop)
        spec = app.spec()
        assert list(spec) == [
            "output",
            "inputs",
            "state",
            "clientside_function",
            "prevent_initial_call",
            "background",
            "dynamic_creator",
            "no_output",
            "optional",
            "hidden",
            "websocket",
            "persistent",
        ]
        assert spec == {
            "output": "out.children",
            "inputs": [{"id": "in", "property": "value"}],
            "state": [],
            "clientside_function": None,
            "prevent_initial_call": False,
            "background": None,
            "dynamic_creator": None,
            "no_output": False,
            "optional": False,
            "hidden": None,
            "websocket": False,
            "persistent": False,
        }

    def test_inputs_and_state_are_split_in_declared_order(self, app):
        app.callback(
            Output("o", "children"),
            Input("a", "value"),
            State("s1", "value"),
            Input("b", "value"),
            State("s2", "value"),
        )(noop)
        spec = app.spec()
        assert [d["id"] for d in spec["inputs"]] == ["a", "b"]
        assert [d["id"] for d in spec["state"]] == ["s1", "s2"]

    def test_allow_optional_is_sent(self, app):
        app.callback(Output("o", "children"), Input("a", "value", allow_optional=True))(noop)
        assert app.spec()["inputs"] == [{"id": "a", "property": "value", "allow_optional": True}]

    def test_running_is_sent_only_when_given(self, app):
        app.callback(Output("o", "children"), Input("a", "value"))(noop)
        assert "running" not in app.spec()
        app.callback(
            Output("o2", "children"),
            Input("a", "value"),
            running=[(Output("btn", "disabled"), True, False)],
        )(noop)
        assert app.spec()["running"] == {
            "running": {"btn.disabled": True},
            "runningOff": {"btn.disabled": False},
        }

    def test_background_sends_its_interval(self, app):
        app.callback(Output("o", "children"), Input("a", "value"), background=True)(noop)
        assert app.spec()["background"] == {"interval": 1000}
        app.callback(Output("p", "children"), Input("a", "value"), background=True, interval=250)(
            noop
        )
        assert app.spec()["background"] == {"interval": 250}

    def test_options_reach_the_spec(self, app):
        app.callback(
            Output("o", "children"),
            Input("a", "value"),
            hidden=True,
            optional=True,
            _allow_dynamic_callbacks=True,
        )(noop)
        spec = app.spec()
        assert (spec["hidden"], spec["optional"], spec["dynamic_creator"]) == (True, True, True)

    def test_never_sent_options_are_stored(self, app):
        def handler(error):
            return None

        app.callback(
            Output("o", "children"), Input("a", "value"), on_error=handler, api_endpoint="/x"
        )(noop)
        assert "on_error" not in app.spec() and "api_endpoint" not in app.spec()
        meta = app.callback_map["o.children"]["meta"]
        assert meta.on_error is handler
        assert meta.options["api_endpoint"] == "/x"

    def test_unknown_keyword_raises_type_error(self, app):
        with pytest.raises(TypeError, match="'colour'"):
            app.callback(Output("o", "children"), Input("a", "value"), colour="red")


class TestPreventInitialCall:
    def test_trailing_bool_is_prevent_initial_call(self, app):
        app.callback(Output("o", "children"), Input("a", "value"), True)(noop)
        assert app.spec()["prevent_initial_call"] is True

    def test_keyword(self, app):
        app.callback(Output("o", "children"), Input("a", "value"), prevent_initial_call=True)(noop)
        assert app.spec()["prevent_initial_call"] is True

    def test_app_default_applies_to_app_callbacks(self):
        app = App(prevent_initial_callbacks=True)
        app.callback(Output("o", "children"), Input("a", "value"))(noop)
        assert app.spec()["prevent_initial_call"] is True

    def test_explicit_false_beats_the_app_default(self):
        app = App(prevent_initial_callbacks=True)
        app.callback(Output("o", "children"), Input("a", "value"), prevent_initial_call=False)(noop)
        assert app.spec()["prevent_initial_call"] is False

    def test_initial_duplicate_is_sent_as_false(self, app):
        app.callback(
            Output("o", "children", allow_duplicate=True),
            Input("a", "value"),
            prevent_initial_call="initial_duplicate",
        )(noop)
        assert app.spec()["prevent_initial_call"] is False

    def test_dash_callback_ignores_app_default(self, global_registry):
        dash.callback(Output("global-out", "children"), Input("a", "value"))(noop)
        assert GLOBAL_CALLBACK_LIST[-1]["prevent_initial_call"] is False
        assert GLOBAL_CALLBACK_MAP["global-out.children"]["callback"] is noop


class TestOutputStrings:
    def test_single_output(self, app):
        app.callback(Output("out", "children"), Input("in", "value"))(noop)
        assert app.spec()["output"] == "out.children"
        assert "out.children" in app.callback_map

    def test_several_outputs(self, app):
        app.callback(Output("a", "children"), Output("b", "title"), Input("in", "value"))(noop)
        assert app.spec()["output"] == "..a.children...b.title.."

    def test_one_output_in_a_list_is_multi(self, app):
        app.callback([Output("a", "children")], [Input("in", "value")])(noop)
        assert app.spec()["output"] == "..a.children.."
        assert app.callback_map["..a.children.."]["meta"].multi is True

    def test_dots_inside_dict_ids_are_escaped(self, app):
        app.callback(Output({"a": "x.y"}, "children"), Input("in", "value"))(noop)
        assert app.spec()["output"] == '{"a":"x\\.y"}.children'

    def test_wildcard_output(self, app):
        app.callback(Output({"type": "item", "index": MATCH}, "title"), Input("in", "value"))(noop)
        assert app.spec()["output"] == '{"index":["MATCH"],"type":"item"}.title'

    def test_allow_duplicate_adds_the_hash_of_the_inputs(self, app):
        app.callback(
            Output("out2", "children"),
            Output("out2", "title", allow_duplicate=True),
            Input("in", "value"),
            State("s", "value"),
            prevent_initial_call=True,
        )(noop)
        assert app.spec()["output"] == f"..out2.children...out2.title@{sha256('in.value')}.."

    def test_allow_duplicate_hash_joins_every_input(self, app):
        app.callback(
            Output("o", "children", allow_duplicate=True),
            Input("a", "value"),
            Input({"i": 1}, "n_clicks"),
            prevent_initial_call=True,
        )(noop)
        expected = sha256('a.value.{"i":1}.n_clicks')
        assert app.spec()["output"] == f"o.children@{expected}"

    def test_no_output_uses_the_hash_of_the_inputs(self, app):
        app.callback(Input("a", "value"), Input("b", "value"))(noop)
        spec = app.spec()
        assert spec["output"] == sha256("a.value.b.value")
        assert spec["no_output"] is True

    def test_no_output_no_input_hashes_the_call_site(self, global_registry):
        line = sys._getframe().f_lineno + 1
        decorator = dash.callback(prevent_initial_call=False)
        decorator(noop)
        assert GLOBAL_CALLBACK_LIST[-1]["output"] == sha256(f"{__file__}:{line}")

    def test_duplicate_outputs_overwrite_silently(self, app):
        def first(value):
            return 1

        def second(value):
            return 2

        app.callback(Output("o", "children"), Input("a", "value"))(first)
        app.callback(Output("o", "children"), Input("b", "value"))(second)
        assert len(app.specs) == 2
        assert app.callback_map["o.children"]["callback"] is second


class TestArgumentForms:
    def test_decorator_returns_the_function_unchanged(self, app):
        def update(value):
            return value * 2

        assert app.callback(Output("o", "children"), Input("a", "value"))(update) is update
        assert update(4) == 8

    def test_lists_are_flattened_one_level(self, app):
        app.callback(
            [Output("a", "children"), Output("b", "children")],
            [Input("x", "value"), Input("y", "value")],
            [State("z", "value")],
        )(noop)
        spec = app.spec()
        assert spec["output"] == "..a.children...b.children.."
        assert [d["id"] for d in spec["inputs"]] == ["x", "y"]
        assert [d["id"] for d in spec["state"]] == ["z"]

    def test_keyword_forms(self, app):
        app.callback(
            output=Output("o", "children"),
            inputs=[Input("a", "value")],
            state=[State("s", "value")],
        )(noop)
        spec = app.spec()
        assert spec["output"] == "o.children"
        assert spec["inputs"] == [{"id": "a", "property": "value"}]
        assert spec["state"] == [{"id": "s", "property": "value"}]
        assert app.callback_map["o.children"]["meta"].multi is False

    def test_output_keyword_list_is_multi(self, app):
        app.callback(output=[Output("o", "children")], inputs=Input("a", "value"))(noop)
        assert app.spec()["output"] == "..o.children.."

    def test_dict_inputs_and_state_become_keyword_arguments(self, app):
        app.callback(
            Output("o", "children"),
            inputs={"first": Input("a", "value")},
            state={"second": State("b", "value")},
        )(noop)
        meta = app.callback_map["o.children"]["meta"]
        assert meta.args_as_keywords is True
        assert meta.args_index == {"first": 0, "second": 1}

    def test_positional_dict_becomes_keyword_arguments(self, app):
        app.callback(Output("o", "children"), {"a": Input("a", "value"), "b": State("b", "v")})(
            noop
        )
        assert app.callback_map["o.children"]["meta"].args_as_keywords is True

    def test_dict_of_outputs(self, app):
        app.callback({"x": Output("a", "children"), "y": Output("b", "title")}, Input("i", "v"))(
            noop
        )
        meta = app.callback_map["..a.children...b.title.."]["meta"]
        assert meta.multi is True and meta.using_outputs_grouping is True

    def test_state_before_input_keeps_argument_order(self, app):
        app.callback(Output("o", "children"), State("s", "value"), Input("a", "value"))(noop)
        meta = app.callback_map["o.children"]["meta"]
        # the function receives (state, input); the request sends inputs first
        assert meta.args_index == [1, 0]
        assert meta.using_args_grouping is True

    def test_wildcard_inputs_are_lists(self, app):
        app.callback(Output("o", "children"), Input({"i": ALL}, "value"), Input("b", "value"))(noop)
        assert app.callback_map["o.children"]["meta"].arg_is_list == (True, False)


class TestDefinitionErrors:
    def test_non_dependency_argument(self, app):
        with pytest.raises(IncorrectTypeException, match="'in'"):
            app.callback(Output("o", "children"), "in")

    def test_outputs_must_come_first(self, app):
        with pytest.raises(IncorrectTypeException, match="Outputs must come first"):
            app.callback(Input("a", "value"), Output("o", "children"))

    def test_component_event_is_rejected(self, app):
        class Event:
            component_id = "btn"
            component_event = "click"

        with pytest.raises(NonExistentEventException, match="events were removed"):
            app.callback(Output("o", "children"), Event())

    def test_state_without_inputs(self, app):
        with pytest.raises(ValueError, match="state="):
            app.callback(Output("o", "children"), state=[State("s", "value")])

    def test_dict_inputs_with_list_state(self, app):
        with pytest.raises(ValueError, match="both be dicts or both be lists"):
            app.callback(
                Output("o", "children"),
                inputs={"a": Input("a", "value")},
                state=[State("s", "value")],
            )

    def test_bad_output_keyword(self, app):
        with pytest.raises(ValueError, match="output="):
            app.callback(output="o.children", inputs=[Input("a", "value")])

    def test_dict_keys_must_be_argument_names(self, app):
        with pytest.raises(CallbackException, match="'my-key'"):
            app.callback(Output("o", "children"), inputs={"my-key": Input("a", "value")})

    def test_allow_duplicate_needs_prevent_initial_call(self, app):
        with pytest.raises(DuplicateCallback, match="prevent_initial_call"):
            app.callback(Output("o", "children", allow_duplicate=True), Input("a", "value"))

    def test_app_level_initial_duplicate_allows_duplicates(self):
        app = App(prevent_initial_callbacks="initial_duplicate")
        app.callback(Output("o", "children", allow_duplicate=True), Input("a", "value"))(noop)
        assert app.spec()["prevent_initial_call"] is False

    def test_wildcard_in_background_progress(self, app):
        with pytest.raises(WildcardInLongCallback, match="progress"):
            app.callback(
                Output("o", "children"),
                Input("a", "value"),
                background=True,
                progress=Output({"i": MATCH}, "value"),
            )

    def test_wildcard_in_background_cancel(self, app):
        with pytest.raises(WildcardInLongCallback, match="cancel"):
            app.callback(
                Output("o", "children"),
                Input("a", "value"),
                background=True,
                cancel=[Input({"i": ALL}, "n_clicks")],
            )

    def test_progress_default_length_must_match(self, app):
        with pytest.raises(Exception, match="progress_default"):
            app.callback(
                Output("o", "children"),
                Input("a", "value"),
                background=True,
                progress=[Output("p", "value"), Output("p", "max")],
                progress_default=[0],
            )

    def test_bad_running_entry(self, app):
        with pytest.raises(IncorrectTypeException, match="running"):
            app.callback(Output("o", "children"), Input("a", "value"), running=[("btn", 1, 2)])


JS_SOURCE = "function (value) { return value + 1; }"


class TestClientside:
    def test_inline_source_gets_a_private_namespace(self, app):
        app.clientside_callback(JS_SOURCE, Output("o", "children"), Input("a", "value"))
        spec = app.spec()
        assert spec["clientside_function"] == {
            "namespace": "_dashprivate_clientside_funcs",
            "function_name": sha256(JS_SOURCE),
        }
        assert spec["dynamic_creator"] is False
        assert len(app.scripts) == 1
        assert JS_SOURCE in app.scripts[0]

    def test_clientside_function_reference(self, app):
        app.clientside_callback(
            ClientsideFunction("lib", "fn"), Output("o", "children"), Input("a", "value")
        )
        assert app.spec()["clientside_function"] == {"namespace": "lib", "function_name": "fn"}
        assert app.scripts == []

    def test_clientside_rules_match_server_rules(self, app):
        with pytest.raises(DuplicateCallback):
            app.clientside_callback(
                JS_SOURCE, Output("o", "children", allow_duplicate=True), Input("a", "value")
            )
        with pytest.raises(IncorrectTypeException):
            app.clientside_callback(42, Output("o", "children"), Input("a", "value"))

    def test_global_clientside_callback(self, global_registry):
        dash.clientside_callback(JS_SOURCE, Output("g", "children"), Input("a", "value"))
        assert GLOBAL_CALLBACK_LIST[-1]["clientside_function"]["function_name"] == sha256(JS_SOURCE)
        assert JS_SOURCE in GLOBAL_INLINE_SCRIPTS[-1]

    @pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
    def test_inline_script_installs_the_function(self, app):
        app.clientside_callback(JS_SOURCE, Output("o", "children"), Input("a", "value"))
        app.clientside_callback(JS_SOURCE + " ", Output("p", "children"), Input("a", "value"))
        program = (
            "var window = {dash_clientside: {keep: 1}};\n"
            + "\n".join(app.scripts)
            + "\nvar funcs = window.dash_clientside._dashprivate_clientside_funcs;\n"
            + f"console.log(funcs['{sha256(JS_SOURCE)}'](41), Object.keys(funcs).length,"
            + " window.dash_clientside.keep);"
        )
        result = subprocess.run(
            ["node", "-e", program], capture_output=True, text=True, check=True, timeout=30
        )
        assert result.stdout.split() == ["42", "2", "1"]

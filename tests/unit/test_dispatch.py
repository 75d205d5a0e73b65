"""Dispatch of hand-written `_dash-update-component` bodies, as the renderer sends them."""

from __future__ import annotations

import json
import time

import pytest

from dash import ALL, MATCH, Input, Output, State, ctx, no_update, set_props
from dash._callback import register_callback, register_clientside_callback
from dash._dispatch import BadCallbackRequest, RequestInfo, dispatch
from dash._grouping import (
    SchemaKeysValidationError,
    SchemaLengthValidationError,
    SchemaTypeValidationError,
)
from dash.exceptions import (
    InvalidCallbackReturnValue,
    MissingLongCallbackManagerError,
    PreventUpdate,
)


class App:
    """Callback containers plus a `post` that runs dispatch like the route does."""

    def __init__(self, on_error=None):
        self.specs: list[dict] = []
        self.callback_map: dict[str, dict] = {}
        self.on_error = on_error

    def callback(self, *args, **kwargs):
        return register_callback(self.specs, self.callback_map, False, *args, **kwargs)

    def post(self, body, request=None):
        return dispatch(self.callback_map, body, request=request, app_on_error=self.on_error)

    def post_json(self, body):
        result = self.post(body)
        assert result.status == 200
        return json.loads(result.body)


def dep(component_id, prop, value=None, **extra):
    item = {"id": component_id, "property": prop, **extra}
    if value is not None:
        item["value"] = value
    return item


def body(output, outputs, inputs, state=None, changed=None):
    request = {"output": output, "outputs": outputs, "inputs": inputs}
    request["changedPropIds"] = changed if changed is not None else []
    if state is not None:
        request["state"] = state
    return request


@pytest.fixture
def app():
    return App()


class TestSingleOutput:
    def test_response_shape(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def shout(value):
            return value.upper()

        answer = app.post_json(
            body("out.children", dep("out", "children"), [dep("in", "value", "hi")])
        )
        assert answer == {"multi": True, "response": {"out": {"children": "HI"}}}

    def test_state_values_follow_inputs(self, app):
        @app.callback(Output("out", "children"), Input("a", "value"), State("b", "value"))
        def join(a, b):
            return f"{a}+{b}"

        answer = app.post_json(
            body(
                "out.children",
                dep("out", "children"),
                [dep("a", "value", "x")],
                state=[dep("b", "value", "y")],
            )
        )
        assert answer["response"]["out"]["children"] == "x+y"

    def test_missing_value_is_none(self, app):
        @app.callback(Output("out", "children"), Input("a", "value"))
        def describe(value):
            return repr(value)

        answer = app.post_json(body("out.children", dep("out", "children"), [dep("a", "value")]))
        assert answer["response"]["out"]["children"] == "None"

    def test_list_return_value_is_one_value(self, app):
        @app.callback(Output("out", "children"), Input("a", "value"))
        def items(value):
            return ["a", "b"]

        answer = app.post_json(body("out.children", dep("out", "children"), [dep("a", "value", 1)]))
        assert answer["response"]["out"]["children"] == ["a", "b"]

    def test_state_before_input_keeps_declared_order(self, app):
        @app.callback(Output("out", "children"), State("s", "value"), Input("a", "value"))
        def ordered(state, value):
            return f"{state}/{value}"

        answer = app.post_json(
            body(
                "out.children",
                dep("out", "children"),
                [dep("a", "value", "in")],
                state=[dep("s", "value", "st")],
            )
        )
        assert answer["response"]["out"]["children"] == "st/in"

    def test_dict_grouping_gives_keyword_arguments(self, app):
        @app.callback(
            Output("out", "children"),
            inputs={"count": Input("a", "value")},
            state={"label": State("b", "value")},
        )
        def labelled(label, count):
            return f"{label}={count}"

        answer = app.post_json(
            body(
                "out.children",
                dep("out", "children"),
                [dep("a", "value", 3)],
                state=[dep("b", "value", "n")],
            )
        )
        assert answer["response"]["out"]["children"] == "n=3"

    def test_nested_tuple_grouping(self, app):
        @app.callback(Output("out", "children"), [(Input("a", "value"), Input("b", "value"))])
        def pair(both):
            return f"{type(both).__name__}{both}"

        answer = app.post_json(
            body(
                "out.children",
                dep("out", "children"),
                [dep("a", "value", 1), dep("b", "value", 2)],
            )
        )
        assert answer["response"]["out"]["children"] == "tuple(1, 2)"

    def test_async_callback(self, app):
        @app.callback(Output("out", "children"), Input("a", "value"))
        async def later(value):
            return value * 2

        answer = app.post_json(body("out.children", dep("out", "children"), [dep("a", "value", 4)]))
        assert answer["response"]["out"]["children"] == 8


class TestMultiOutput:
    def test_two_outputs(self, app):
        @app.callback(Output("a", "children"), Output("b", "title"), Input("in", "value"))
        def both(value):
            return value, value * 2

        answer = app.post_json(
            body(
                "..a.children...b.title..",
                [dep("a", "children"), dep("b", "title")],
                [dep("in", "value", 2)],
            )
        )
        assert answer == {"multi": True, "response": {"a": {"children": 2}, "b": {"title": 4}}}

    def test_three_outputs_same_component_share_an_object(self, app):
        @app.callback(
            Output("a", "children"),
            Output("a", "title"),
            Output("b", "children"),
            Input("in", "value"),
        )
        def three(value):
            return [1, 2, 3]

        answer = app.post_json(
            body(
                "..a.children...a.title...b.children..",
                [dep("a", "children"), dep("a", "title"), dep("b", "children")],
                [dep("in", "value", 0)],
            )
        )
        assert answer["response"] == {"a": {"children": 1, "title": 2}, "b": {"children": 3}}

    def test_one_output_in_a_list(self, app):
        @app.callback([Output("a", "children")], [Input("in", "value")])
        def wrapped(value):
            return [value]

        answer = app.post_json(
            body("..a.children..", [dep("a", "children")], [dep("in", "value", "v")])
        )
        assert answer["response"] == {"a": {"children": "v"}}

    def test_dict_of_outputs(self, app):
        @app.callback({"x": Output("a", "children"), "y": Output("b", "title")}, Input("i", "v"))
        def named(value):
            return {"y": "why", "x": "ex"}

        answer = app.post_json(
            body(
                "..a.children...b.title..",
                [dep("a", "children"), dep("b", "title")],
                [dep("i", "v", 1)],
            )
        )
        assert answer["response"] == {"a": {"children": "ex"}, "b": {"title": "why"}}

    def test_allow_duplicate_suffix_is_stripped(self, app):
        @app.callback(
            Output("a", "children", allow_duplicate=True),
            Output("b", "children"),
            Input("in", "value"),
            prevent_initial_call=True,
        )
        def dup(value):
            return "x", "y"

        output = app.specs[-1]["output"]
        wire_prop = output.split("...")[0][2:].split(".", 1)[1]
        assert wire_prop.startswith("children@")
        answer = app.post_json(
            body(output, [dep("a", wire_prop), dep("b", "children")], [dep("in", "value", 1)])
        )
        assert answer["response"] == {"a": {"children": "x"}, "b": {"children": "y"}}


class TestPatternMatching:
    def test_dict_id_output_key_is_stringified(self, app):
        @app.callback(Output({"type": "box", "index": 1}, "children"), Input("in", "value"))
        def boxed(value):
            return value

        answer = app.post_json(
            body(
                '{"index":1,"type":"box"}.children',
                dep({"type": "box", "index": 1}, "children"),
                [dep("in", "value", "v")],
            )
        )
        assert answer["response"] == {'{"index":1,"type":"box"}': {"children": "v"}}

    def test_match_output_uses_the_concrete_id(self, app):
        @app.callback(
            Output({"type": "item", "index": MATCH}, "title"),
            Input({"type": "item", "index": MATCH}, "n_clicks"),
        )
        def title(clicks):
            return f"clicked {clicks}"

        answer = app.post_json(
            body(
                '{"index":["MATCH"],"type":"item"}.title',
                dep({"type": "item", "index": 2}, "title"),
                [dep({"type": "item", "index": 2}, "n_clicks", 5)],
                changed=['{"index":2,"type":"item"}.n_clicks'],
            )
        )
        assert answer["response"] == {'{"index":2,"type":"item"}': {"title": "clicked 5"}}

    def test_all_inputs_and_outputs_are_lists(self, app):
        @app.callback(Output({"t": "out", "i": ALL}, "children"), Input({"t": "in", "i": ALL}, "v"))
        def double(values):
            return [value * 2 for value in values]

        answer = app.post_json(
            body(
                '{"i":["ALL"],"t":"out"}.children',
                [dep({"t": "out", "i": 1}, "children"), dep({"t": "out", "i": 2}, "children")],
                [[dep({"t": "in", "i": 1}, "v", 10), dep({"t": "in", "i": 2}, "v", 20)]],
            )
        )
        assert answer["response"] == {
            '{"i":1,"t":"out"}': {"children": 20},
            '{"i":2,"t":"out"}': {"children": 40},
        }

    def test_all_output_among_several_outputs(self, app):
        @app.callback(
            Output({"t": "out", "i": ALL}, "children"),
            Output("total", "children"),
            Input("in", "value"),
        )
        def spread(value):
            return [value, value + 1], "sum"

        answer = app.post_json(
            body(
                '..{"i":["ALL"],"t":"out"}.children...total.children..',
                [
                    [dep({"t": "out", "i": 1}, "children"), dep({"t": "out", "i": 2}, "children")],
                    dep("total", "children"),
                ],
                [dep("in", "value", 1)],
            )
        )
        assert answer["response"] == {
            '{"i":1,"t":"out"}': {"children": 1},
            '{"i":2,"t":"out"}': {"children": 2},
            "total": {"children": "sum"},
        }

    def test_empty_all_output(self, app):
        @app.callback(Output({"t": "out", "i": ALL}, "children"), Input({"t": "in", "i": ALL}, "v"))
        def nothing(values):
            return []

        answer = app.post_json(body('{"i":["ALL"],"t":"out"}.children', [], [[]]))
        assert answer == {"multi": True, "response": {}}

    def test_all_output_elements_may_be_no_update(self, app):
        @app.callback(Output({"i": ALL}, "children"), Input("in", "v"))
        def partly(value):
            return [no_update, "b"]

        answer = app.post_json(
            body(
                '{"i":["ALL"]}.children',
                [dep({"i": 1}, "children"), dep({"i": 2}, "children")],
                [dep("in", "v", 1)],
            )
        )
        assert answer["response"] == {'{"i":2}': {"children": "b"}}

    def test_all_output_must_be_a_list(self, app):
        @app.callback(Output({"i": ALL}, "children"), Input("in", "v"))
        def scalar(value):
            return "oops"

        with pytest.raises(InvalidCallbackReturnValue, match="wildcard multi-output"):
            app.post(body('{"i":["ALL"]}.children', [dep({"i": 1}, "children")], [dep("in", "v")]))

    def test_all_output_needs_one_value_per_component(self, app):
        @app.callback(Output({"i": ALL}, "children"), Input("in", "v"))
        def short(value):
            return ["only one"]

        with pytest.raises(InvalidCallbackReturnValue, match="Invalid number of output values"):
            app.post(
                body(
                    '{"i":["ALL"]}.children',
                    [dep({"i": 1}, "children"), dep({"i": 2}, "children")],
                    [dep("in", "v")],
                )
            )


class TestNoUpdateAndPrevent:
    def test_no_update_gives_an_empty_response(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def skip(value):
            return no_update

        result = app.post(body("out.children", dep("out", "children"), [dep("in", "value", 1)]))
        assert result.status == 200
        assert json.loads(result.body) == {"multi": True, "response": {}}

    def test_no_update_drops_one_of_several_outputs(self, app):
        @app.callback(Output("a", "children"), Output("b", "children"), Input("in", "value"))
        def half(value):
            return no_update, "b"

        answer = app.post_json(
            body(
                "..a.children...b.children..",
                [dep("a", "children"), dep("b", "children")],
                [dep("in", "value", 1)],
            )
        )
        assert answer["response"] == {"b": {"children": "b"}}

    def test_no_update_json_form_counts_too(self, app):
        @app.callback(Output("a", "children"), Output("b", "children"), Input("in", "value"))
        def half(value):
            return {"_dash_no_update": "_dash_no_update"}, "b"

        answer = app.post_json(
            body(
                "..a.children...b.children..",
                [dep("a", "children"), dep("b", "children")],
                [dep("in", "value", 1)],
            )
        )
        assert answer["response"] == {"b": {"children": "b"}}

    def test_bare_no_update_for_multi_output(self, app):
        @app.callback(Output("a", "children"), Output("b", "children"), Input("in", "value"))
        def none(value):
            return no_update

        answer = app.post_json(
            body(
                "..a.children...b.children..",
                [dep("a", "children"), dep("b", "children")],
                [dep("in", "value", 1)],
            )
        )
        assert answer == {"multi": True, "response": {}}

    def test_prevent_update_gives_204(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def stop(value):
            raise PreventUpdate

        result = app.post(body("out.children", dep("out", "children"), [dep("in", "value", 1)]))
        assert (result.status, result.body) == (204, b"")


class TestNoOutput:
    def test_returning_none_gives_204(self, app):
        calls = []

        @app.callback(Input("in", "value"))
        def record(value):
            calls.append(value)

        output = app.specs[-1]["output"]
        result = app.post(body(output, [], [dep("in", "value", 7)]))
        assert result.status == 204
        assert calls == [7]

    def test_outputs_key_may_be_absent(self, app):
        @app.callback(Input("in", "value"))
        def record(value):
            return None

        request = {"output": app.specs[-1]["output"], "inputs": [dep("in", "value", 1)]}
        assert app.post(request).status == 204

    def test_set_props_gives_a_side_update(self, app):
        @app.callback(Input("in", "value"))
        def announce(value):
            set_props("banner", {"children": f"got {value}"})

        answer = app.post_json(body(app.specs[-1]["output"], [], [dep("in", "value", 3)]))
        assert answer == {
            "multi": True,
            "sideUpdate": {"banner": {"children": "got 3"}},
            "response": {},
        }

    def test_returning_a_value_is_an_error(self, app):
        @app.callback(Input("in", "value"))
        def wrong(value):
            return "something"

        with pytest.raises(InvalidCallbackReturnValue, match="No-output callback received"):
            app.post(body(app.specs[-1]["output"], [], [dep("in", "value", 3)]))


class TestSetProps:
    def test_side_updates_merge_per_component(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def busy(value):
            set_props("side", {"title": "t"})
            set_props({"type": "x", "index": 1}, {"children": "dict id"})
            set_props("side", {"children": "c"})
            return "main"

        answer = app.post_json(body("out.children", dep("out", "children"), [dep("in", "value")]))
        assert answer == {
            "multi": True,
            "sideUpdate": {
                "side": {"title": "t", "children": "c"},
                '{"index":1,"type":"x"}': {"children": "dict id"},
            },
            "response": {"out": {"children": "main"}},
        }

    def test_side_updates_survive_no_update(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def only_side(value):
            set_props("side", {"children": "s"})
            return no_update

        answer = app.post_json(body("out.children", dep("out", "children"), [dep("in", "value")]))
        assert answer == {"multi": True, "sideUpdate": {"side": {"children": "s"}}, "response": {}}


class TestMalformedRequests:
    @pytest.fixture
    def app(self):
        app = App()

        @app.callback(Output("out", "children"), Input("in", "value"), State("s", "value"))
        def echo(value, state):
            return value

        return app

    def assert_bad(self, app, request, status, *fragments):
        with pytest.raises(BadCallbackRequest) as info:
            app.post(request)
        assert info.value.status == status
        for fragment in fragments:
            assert fragment in info.value.message

    def good_body(self):
        return body(
            "out.children",
            dep("out", "children"),
            [dep("in", "value", 1)],
            state=[dep("s", "value", 2)],
        )

    def test_body_must_be_an_object(self, app):
        self.assert_bad(app, ["out.children"], 400, "JSON object")

    def test_output_is_required(self, app):
        request = self.good_body()
        del request["output"]
        self.assert_bad(app, request, 400, "`output`")

    def test_inputs_must_be_a_list(self, app):
        request = self.good_body()
        request["inputs"] = {"id": "in"}
        self.assert_bad(app, request, 400, "`inputs`")

    def test_state_must_be_a_list(self, app):
        request = self.good_body()
        request["state"] = "s"
        self.assert_bad(app, request, 400, "`state`")

    def test_changed_prop_ids_must_be_strings(self, app):
        request = self.good_body()
        request["changedPropIds"] = [3]
        self.assert_bad(app, request, 400, "changedPropIds")

    def test_unknown_output_is_404(self, app):
        request = self.good_body()
        request["output"] = "nowhere.children"
        self.assert_bad(
            app, request, 404, "Callback function not found for output 'nowhere.children'"
        )

    def test_outputs_must_match_the_definition(self, app):
        request = self.good_body()
        request["outputs"] = dep("elsewhere", "children")
        self.assert_bad(app, request, 400, "do not match", "'elsewhere'")

    def test_inputs_count_must_match(self, app):
        request = self.good_body()
        request["inputs"].append(dep("extra", "value", 1))
        self.assert_bad(app, request, 400, "Inputs do not match callback definition")

    def test_inputs_must_be_dependency_objects(self, app):
        request = self.good_body()
        request["inputs"] = ["in.value"]
        self.assert_bad(app, request, 400, "{id, property, value}")

    def test_clientside_outputs_are_not_served(self, app):
        register_clientside_callback(
            app.specs,
            app.callback_map,
            False,
            [],
            "x => x",
            Output("c", "children"),
            Input("i", "v"),
        )
        request = body("c.children", dep("c", "children"), [dep("i", "v", 1)])
        self.assert_bad(app, request, 400, "clientside")

    def test_next_good_request_still_works(self, app):
        with pytest.raises(BadCallbackRequest):
            app.post({"output": 3})
        assert app.post_json(self.good_body())["response"] == {"out": {"children": 1}}


class TestReturnValueErrors:
    def post_two(self, app):
        return app.post(
            body(
                "..a.children...b.children..",
                [dep("a", "children"), dep("b", "children")],
                [dep("in", "value", 1)],
            )
        )

    def register_two(self, app, result):
        @app.callback(Output("a", "children"), Output("b", "children"), Input("in", "value"))
        def two(value):
            return result

    def test_scalar_for_several_outputs(self, app):
        self.register_two(app, "just one")
        with pytest.raises(SchemaTypeValidationError, match="a.children"):
            self.post_two(app)

    def test_wrong_number_of_values(self, app):
        self.register_two(app, [1, 2, 3])
        with pytest.raises(SchemaLengthValidationError, match="length 2"):
            self.post_two(app)

    def test_wrong_dict_keys(self, app):
        @app.callback({"x": Output("a", "children"), "y": Output("b", "children")}, Input("i", "v"))
        def keyed(value):
            return {"x": 1, "z": 2}

        with pytest.raises(SchemaKeysValidationError, match="keys"):
            app.post(
                body(
                    "..a.children...b.children..",
                    [dep("a", "children"), dep("b", "children")],
                    [dep("i", "v", 1)],
                )
            )

    def test_schema_errors_are_invalid_return_values(self):
        for error in (
            SchemaTypeValidationError,
            SchemaLengthValidationError,
            SchemaKeysValidationError,
        ):
            assert issubclass(error, InvalidCallbackReturnValue)

    def test_unserialisable_value_is_named_with_its_path(self, app):
        class Opaque:
            def __repr__(self):
                return "<opaque thing>"

        @app.callback(Output("out", "children"), Input("in", "value"))
        def bad(value):
            return ["a", {"nested": [1, Opaque()]}]

        with pytest.raises(InvalidCallbackReturnValue) as info:
            app.post(body("out.children", dep("out", "children"), [dep("in", "value")]))
        message = str(info.value)
        assert "out.children[1]['nested'][1]" in message
        assert "<opaque thing>" in message
        assert "`bad`" in message

    def test_unserialisable_side_update_is_named(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def bad_side(value):
            set_props("side", {"data": object()})
            return "fine"

        with pytest.raises(InvalidCallbackReturnValue, match="set_props: side.data"):
            app.post(body("out.children", dep("out", "children"), [dep("in", "value")]))


class TestErrorHandlers:
    def request(self):
        return body("out.children", dep("out", "children"), [dep("in", "value", 1)])

    def test_exception_propagates_without_a_handler(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def broken(value):
            raise ZeroDivisionError("boom")

        with pytest.raises(ZeroDivisionError):
            app.post(self.request())

    def test_app_handler_result_becomes_the_output(self):
        app = App(on_error=lambda error: f"handled {error}")

        @app.callback(Output("out", "children"), Input("in", "value"))
        def broken(value):
            raise ValueError("bad")

        assert app.post_json(self.request())["response"] == {"out": {"children": "handled bad"}}

    def test_callback_handler_replaces_app_handler(self):
        app = App(on_error=lambda error: "app")

        @app.callback(Output("out", "children"), Input("in", "value"), on_error=lambda error: "own")
        def broken(value):
            raise ValueError("bad")

        assert app.post_json(self.request())["response"] == {"out": {"children": "own"}}

    def test_handler_returning_none_means_no_update_and_set_props_works(self):
        def show(error):
            set_props("c", {"children": "err shown"})

        app = App(on_error=show)

        @app.callback(Output("out", "children"), Input("in", "value"))
        def broken(value):
            raise ValueError("bad")

        assert app.post_json(self.request()) == {
            "multi": True,
            "sideUpdate": {"c": {"children": "err shown"}},
            "response": {},
        }

    def test_handler_can_read_ctx(self):
        seen = []
        app = App(on_error=lambda error: seen.append(ctx.inputs))

        @app.callback(Output("out", "children"), Input("in", "value"))
        def broken(value):
            raise ValueError("bad")

        app.post(self.request())
        assert seen == [{"in.value": 1}]

    def test_prevent_update_from_the_handler_gives_204(self):
        def stop(error):
            raise PreventUpdate

        app = App(on_error=stop)

        @app.callback(Output("out", "children"), Input("in", "value"))
        def broken(value):
            raise ValueError("bad")

        assert app.post(self.request()).status == 204


class TestReplyExtras:
    def test_cookies_and_headers_reach_the_result(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def with_cookie(value):
            ctx.response.set_cookie("session", "abc", max_age=60)
            ctx.response.delete_cookie("old")
            ctx.response.set_header("X-One", "1")
            ctx.response.append_header("X-Many", "a")
            return "ok"

        result = app.post(body("out.children", dep("out", "children"), [dep("in", "value")]))
        assert result.cookies[0] == (("session", "abc"), {"max_age": 60})
        assert result.cookies[1][0] == ("old",)
        assert result.cookies[1][1]["max_age"] == 0
        assert result.headers == [("set", "X-One", "1"), ("append", "X-Many", "a")]

    def test_request_info_is_visible_in_ctx(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def whoami(value):
            return [ctx.cookies.get("user"), ctx.headers.get("X-Test"), ctx.path, ctx.remote]

        request = RequestInfo(
            cookies={"user": "ann"},
            headers={"X-Test": "yes"},
            args={},
            path="/_dash-update-component?",
            remote="127.0.0.1",
            origin=None,
        )
        result = app.post(
            body("out.children", dep("out", "children"), [dep("in", "value")]), request=request
        )
        assert json.loads(result.body)["response"]["out"]["children"] == [
            "ann",
            "yes",
            "/_dash-update-component?",
            "127.0.0.1",
        ]

    def test_timing_is_returned(self, app):
        @app.callback(Output("out", "children"), Input("in", "value"))
        def timed(value):
            ctx.record_timing("db", 0.123, "database")
            return "ok"

        result = app.post(body("out.children", dep("out", "children"), [dep("in", "value")]))
        assert result.timing == {"db": {"dur": 123, "desc": "database"}}

    def test_background_callback_without_a_manager_fails_at_request_time(self, app):
        @app.callback(
            Output("out", "children"),
            Input("in", "value"),
            background=True,
            progress=Output("bar", "value"),
        )
        def slow(set_progress, value):
            return "done"

        with pytest.raises(MissingLongCallbackManagerError):
            app.post(body("out.children", dep("out", "children"), [dep("in", "value")]))


def test_dispatch_overhead(app):
    """Print (not assert) the cost of dispatching a trivial callback."""

    @app.callback(Output("out", "children"), Input("in", "value"))
    def echo(value):
        return value

    request = body("out.children", dep("out", "children"), [dep("in", "value", 1)], changed=[])
    calls = 10_000
    start = time.perf_counter()
    for _ in range(calls):
        dispatch(app.callback_map, request)
    elapsed = time.perf_counter() - start
    print(f"\ndispatch overhead: {elapsed / calls * 1e6:.1f} µs per call ({calls} calls)")


def test_importing_a_component_library_inside_a_callback_is_an_error(app):
    from dash.development.base_component import Component, ComponentRegistry
    from dash.exceptions import ImportedInsideCallbackError

    @app.callback(Output("out", "children"), Input("in", "value"))
    def late_import(value):
        # What `import some_component_library` does: a new package's class gets registered.
        type("Late", (Component,), {"__module__": "late_library_for_test", "_type": "Late"})
        return value

    try:
        with pytest.raises(ImportedInsideCallbackError, match="top of your app module"):
            app.post(body("out.children", dep("out", "children"), [dep("in", "value", 1)]))
    finally:
        ComponentRegistry.registry.discard("late_library_for_test")

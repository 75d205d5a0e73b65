"""`dash.ctx` / `dash.callback_context` inside and outside callbacks."""

from __future__ import annotations

import pytest

import dash
from dash import ALL, MATCH, Input, Output, State, callback_context, ctx
from dash._callback import register_callback
from dash._dispatch import dispatch
from dash.exceptions import MissingCallbackContextException


class App:
    def __init__(self):
        self.specs: list[dict] = []
        self.callback_map: dict[str, dict] = {}

    def callback(self, *args, **kwargs):
        return register_callback(self.specs, self.callback_map, False, *args, **kwargs)

    def post(self, body):
        return dispatch(self.callback_map, body)


def dep(component_id, prop, value=None):
    item = {"id": component_id, "property": prop}
    if value is not None:
        item["value"] = value
    return item


@pytest.fixture
def app():
    return App()


def capture(app, *dependencies, reader, **kwargs):
    """Register a callback that stores `reader()` (run inside the callback) and returns None."""
    seen = {}

    @app.callback(*dependencies, **kwargs)
    def spy(*args, **kw):
        seen["value"] = reader()
        return dash.no_update

    return seen


CONTEXT_ATTRIBUTES = [
    "triggered",
    "triggered_id",
    "triggered_prop_ids",
    "inputs",
    "states",
    "inputs_list",
    "states_list",
    "outputs_list",
    "args_grouping",
    "outputs_grouping",
    "using_args_grouping",
    "using_outputs_grouping",
    "response",
    "timing_information",
    "cookies",
    "headers",
    "args",
    "path",
    "remote",
    "origin",
    "custom_data",
]


class TestOutsideACallback:
    def test_ctx_and_callback_context_are_the_same_object(self):
        assert ctx is callback_context is dash.callback_context

    @pytest.mark.parametrize("name", CONTEXT_ATTRIBUTES)
    def test_every_attribute_raises(self, name):
        with pytest.raises(MissingCallbackContextException, match="only available from a callback"):
            getattr(ctx, name)

    def test_record_timing_raises(self):
        with pytest.raises(MissingCallbackContextException):
            ctx.record_timing("x", 1.0)

    def test_set_props_raises(self):
        with pytest.raises(MissingCallbackContextException, match="set_props"):
            dash.set_props("a", {"children": "x"})

    def test_context_ends_when_the_callback_fails(self, app):
        @app.callback(Output("o", "children"), Input("i", "value"))
        def broken(value):
            raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            app.post(
                {
                    "output": "o.children",
                    "outputs": dep("o", "children"),
                    "inputs": [dep("i", "value", 1)],
                }
            )
        with pytest.raises(MissingCallbackContextException):
            _ = ctx.triggered


def single_body(changed=(), value=5, state=None):
    body = {
        "output": "o.children",
        "outputs": dep("o", "children"),
        "inputs": [dep("a", "value", value), dep("b", "value", "bee")],
        "changedPropIds": list(changed),
    }
    if state is not None:
        body["state"] = state
    return body


class TestTriggered:
    def register(self, app, reader):
        return capture(
            app, Output("o", "children"), Input("a", "value"), Input("b", "value"), reader=reader
        )

    def test_triggered_lists_changed_inputs_with_values(self, app):
        seen = self.register(app, lambda: ctx.triggered)
        app.post(single_body(changed=["a.value"]))
        assert seen["value"] == [{"prop_id": "a.value", "value": 5}]

    def test_initial_call_is_a_falsy_placeholder(self, app):
        seen = self.register(app, lambda: ctx.triggered)
        app.post(single_body())
        triggered = seen["value"]
        assert not triggered
        assert triggered == [{"prop_id": ".", "value": None}]

    def test_triggered_id_is_the_first_changed_id(self, app):
        seen = self.register(app, lambda: ctx.triggered_id)
        app.post(single_body(changed=["b.value", "a.value"]))
        assert seen["value"] == "b"

    def test_triggered_id_is_none_on_initial_call(self, app):
        seen = self.register(app, lambda: ctx.triggered_id)
        app.post(single_body())
        assert seen["value"] is None

    def test_triggered_prop_ids(self, app):
        seen = self.register(app, lambda: ctx.triggered_prop_ids)
        app.post(single_body(changed=["a.value", "b.value"]))
        assert seen["value"] == {"a.value": "a", "b.value": "b"}

    def test_dict_triggered_id_is_decoded_with_attribute_access(self, app):
        seen = capture(
            app,
            Output({"type": "item", "index": MATCH}, "title"),
            Input({"type": "item", "index": MATCH}, "n_clicks"),
            reader=lambda: ctx.triggered_id,
        )
        app.post(
            {
                "output": '{"index":["MATCH"],"type":"item"}.title',
                "outputs": dep({"type": "item", "index": 2}, "title"),
                "inputs": [dep({"type": "item", "index": 2}, "n_clicks", 3)],
                "changedPropIds": ['{"index":2,"type":"item"}.n_clicks'],
            }
        )
        triggered_id = seen["value"]
        assert triggered_id == {"type": "item", "index": 2}
        assert triggered_id.index == 2 and triggered_id.type == "item"


class TestValues:
    def test_inputs_and_states_are_flat_dicts(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input("a", "value"),
            Input("b", "value"),
            State("s", "data"),
            reader=lambda: (ctx.inputs, ctx.states),
        )
        app.post(single_body(state=[dep("s", "data", [1, 2])]))
        assert seen["value"] == ({"a.value": 5, "b.value": "bee"}, {"s.data": [1, 2]})

    def test_wildcard_inputs_are_flattened(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input({"i": ALL}, "value"),
            reader=lambda: ctx.inputs,
        )
        app.post(
            {
                "output": "o.children",
                "outputs": dep("o", "children"),
                "inputs": [[dep({"i": 1}, "value", "x"), dep({"i": 2}, "value", "y")]],
                "changedPropIds": [],
            }
        )
        assert seen["value"] == {'{"i":1}.value': "x", '{"i":2}.value': "y"}

    def test_raw_lists(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input("a", "value"),
            Input("b", "value"),
            reader=lambda: (ctx.inputs_list, ctx.states_list, ctx.outputs_list),
        )
        body = single_body()
        app.post(body)
        assert seen["value"] == (body["inputs"], [], dep("o", "children"))

    def test_outputs_list_for_several_outputs(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Output("p", "title"),
            Input("a", "value"),
            reader=lambda: ctx.outputs_list,
        )
        outputs = [dep("o", "children"), dep("p", "title")]
        app.post(
            {
                "output": "..o.children...p.title..",
                "outputs": outputs,
                "inputs": [dep("a", "value", 1)],
                "changedPropIds": [],
            }
        )
        assert seen["value"] == outputs

    def test_outputs_list_is_empty_without_outputs(self, app):
        seen = {}

        @app.callback(Input("a", "value"))
        def spy(value):
            seen["value"] = ctx.outputs_list

        app.post({"output": app.specs[-1]["output"], "inputs": [dep("a", "value", 1)]})
        assert seen["value"] == []


class TestGroupings:
    def test_flat_callbacks_do_not_use_groupings(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input("a", "value"),
            Input("b", "value"),
            reader=lambda: (ctx.using_args_grouping, ctx.using_outputs_grouping),
        )
        app.post(single_body())
        assert seen["value"] == (False, False)

    def test_args_grouping_leaves(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input("a", "value"),
            Input("b", "value"),
            reader=lambda: ctx.args_grouping,
        )
        app.post(single_body(changed=["a.value"]))
        assert seen["value"] == [
            {"id": "a", "property": "value", "value": 5, "str_id": "a", "triggered": True},
            {"id": "b", "property": "value", "value": "bee", "str_id": "b", "triggered": False},
        ]
        assert seen["value"][0].value == 5

    def test_dict_grouping(self, app):
        seen = {}

        @app.callback(
            output={"text": Output("o", "children")},
            inputs={"count": Input("a", "value"), "label": State("s", "value")},
        )
        def spy(count, label):
            seen["args"] = ctx.args_grouping
            seen["outputs"] = ctx.outputs_grouping
            seen["flags"] = (ctx.using_args_grouping, ctx.using_outputs_grouping)
            return {"text": f"{label}{count}"}

        app.post(
            {
                "output": "..o.children..",
                "outputs": [dep("o", "children")],
                "inputs": [dep("a", "value", 2)],
                "state": [dep("s", "value", "n=")],
                "changedPropIds": [],
            }
        )
        assert seen["args"]["count"]["value"] == 2
        assert seen["args"]["label"]["str_id"] == "s"
        assert seen["outputs"] == {"text": {"id": "o", "property": "children"}}
        assert seen["flags"] == (True, True)

    def test_inputs_list_warns_when_grouped(self, app):
        seen = {}

        @app.callback(Output("o", "children"), inputs={"value": Input("a", "value")})
        def spy(value):
            with pytest.warns(DeprecationWarning, match="args_grouping"):
                seen["list"] = ctx.inputs_list
            return dash.no_update

        app.post(
            {
                "output": "o.children",
                "outputs": dep("o", "children"),
                "inputs": [dep("a", "value", 1)],
            }
        )
        assert seen["list"] == [dep("a", "value", 1)]


class TestTimingAndRequest:
    def test_record_timing(self, app):
        def reader():
            ctx.record_timing("db", 0.25, "database")
            ctx.record_timing("cache", 0.001)
            return dict(ctx.timing_information)

        seen = capture(
            app, Output("o", "children"), Input("a", "value"), Input("b", "value"), reader=reader
        )
        app.post(single_body())
        assert seen["value"] == {
            "db": {"dur": 250, "desc": "database"},
            "cache": {"dur": 1, "desc": None},
        }

    def test_duplicate_timing_name_raises_key_error(self, app):
        def reader():
            ctx.record_timing("db", 0.1)
            with pytest.raises(KeyError, match="db"):
                ctx.record_timing("db", 0.2)
            return True

        seen = capture(
            app, Output("o", "children"), Input("a", "value"), Input("b", "value"), reader=reader
        )
        app.post(single_body())
        assert seen["value"] is True

    def test_request_data_defaults_without_a_web_request(self, app):
        seen = capture(
            app,
            Output("o", "children"),
            Input("a", "value"),
            Input("b", "value"),
            reader=lambda: (
                ctx.cookies,
                ctx.headers,
                ctx.args,
                ctx.path,
                ctx.remote,
                ctx.custom_data,
            ),
        )
        app.post(single_body())
        assert seen["value"] == ({}, {}, {}, "", None, {})

    def test_async_callback_sees_ctx(self, app):
        seen = {}

        @app.callback(Output("o", "children"), Input("a", "value"), Input("b", "value"))
        async def spy(a, b):
            seen["value"] = ctx.triggered_id
            dash.set_props("side", {"children": "async"})
            return "done"

        result = app.post(single_body(changed=["b.value"]))
        assert seen["value"] == "b"
        assert b'"side":{"children":"async"}' in result.body

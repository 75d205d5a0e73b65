"""Behaviour of `dash.development.base_component.Component` as users and suites see it."""

from __future__ import annotations

import inspect
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from dash import html
from dash._json import loads, to_json_bytes
from dash.development.base_component import (
    Component,
    ComponentRegistry,
    _explicitize_args,
)


@pytest.fixture
def registry() -> Iterator[type[ComponentRegistry]]:
    """ComponentRegistry, restored after the test so fake suites do not leak."""
    names = list(ComponentRegistry.registry)
    children = {ns: dict(types) for ns, types in ComponentRegistry.children_props.items()}
    packages = dict(ComponentRegistry.namespace_to_package)
    yield ComponentRegistry
    for name in list(ComponentRegistry.registry):
        ComponentRegistry.registry.discard(name)
    for name in names:
        ComponentRegistry.registry.add(name)
    ComponentRegistry.children_props.clear()
    ComponentRegistry.children_props.update(children)
    ComponentRegistry.namespace_to_package.clear()
    ComponentRegistry.namespace_to_package.update(packages)


def _make_card_class() -> type[Component]:
    """A new-style class written the way our generator writes them (children_props included)."""

    class Card(Component):
        __module__ = "card_suite.Card"
        _type = "Card"
        _namespace = "card_suite"
        _children_props = ["label", "options[].label", "slots{}"]
        _base_nodes = ["label", "children"]
        _prop_names = ["children", "id", "label", "options", "slots", "title", "persistence"]
        _valid_wildcard_attributes = ["data-", "aria-"]
        available_properties = _prop_names
        available_wildcard_properties = _valid_wildcard_attributes

        @_explicitize_args
        def __init__(
            self,
            children=None,
            id=None,
            *,
            label=None,
            options=None,
            slots=None,
            title=Component.REQUIRED,
            persistence=None,
            **kwargs,
        ):
            _explicit_args = kwargs.pop("_explicit_args")
            if "title" not in _explicit_args:
                raise TypeError("Required argument `title` was not specified.")
            _locals = locals()
            _locals.update(kwargs)
            props = {k: _locals[k] for k in _explicit_args if k != "children"}
            super().__init__(children=children, **props)

    return Card


def _make_old_style_class() -> type[Component]:
    """A class in the style of older generated suites: identity set on the instance."""

    class Gauge(Component):
        __module__ = "gauge_suite._components.Gauge"

        @_explicitize_args
        def __init__(self, id=Component.UNDEFINED, value=Component.UNDEFINED, max=None, **kwargs):
            self._prop_names = ["id", "value", "max"]
            self._type = "Gauge"
            self._namespace = "gauge_suite"
            self._valid_wildcard_attributes = []
            self.available_properties = ["id", "value", "max"]
            self.available_wildcard_properties = []
            _explicit_args = kwargs.pop("_explicit_args")
            _locals = locals()
            _locals.update(kwargs)
            args = {k: _locals[k] for k in _explicit_args}
            for k in ["value"]:
                if k not in args:
                    raise TypeError("Required argument `" + k + "` was not specified.")
            super().__init__(**args)

    return Gauge


# -- registration ---------------------------------------------------------------------


def test_html_registers_under_dash_module(registry):
    assert "dash" in registry.registry
    assert registry.namespace_to_package["dash_html_components"] == "dash"
    assert registry.children_props["dash_html_components"]["Div"] == []


def test_registry_keeps_import_order_of_top_level_modules(registry):
    _make_card_class()
    _make_old_style_class()
    names = list(registry.registry)
    assert names.index("dash") < names.index("card_suite") < names.index("gauge_suite")
    _make_card_class()  # a second class of a known package does not move it
    assert list(registry.registry) == names


def test_registry_records_namespace_and_children_props(registry):
    _make_card_class()
    _make_old_style_class()
    assert registry.namespace_to_package["card_suite"] == "card_suite"
    assert registry.children_props["card_suite"]["Card"] == ["label", "options[].label", "slots{}"]
    # old-style classes have no class-level namespace: the module name stands in
    assert registry.children_props["gauge_suite"]["Gauge"] is None


def test_get_resources_collects_package_dists_in_registry_order(registry, monkeypatch):
    module = type(sys)("card_suite")
    module._js_dist = [{"relative_package_path": "card.js", "namespace": "card_suite"}]
    monkeypatch.setitem(sys.modules, "card_suite", module)
    _make_card_class()
    assert registry.get_resources("_js_dist") == module._js_dist
    assert registry.get_resources("_js_dist", exclude=["card_suite"]) == []


# -- constructor validation -------------------------------------------------------------


def test_sentinels_have_readable_reprs():
    assert repr(Component.UNDEFINED) == "undefined"
    assert repr(Component.REQUIRED) == "required"


def test_unknown_keyword_names_component_version_id_and_allowed_props():
    with pytest.raises(TypeError) as info:
        html.Div(id="box", colour="red")
    message = str(info.value)
    assert message.startswith(
        'The `html.Div` component (version 4.0.0+next) with the ID "box" '
        "received an unexpected keyword argument: `colour`"
    )
    allowed = message.split("Allowed arguments: ")[1].split(", ")
    assert allowed == sorted(allowed)
    assert {"children", "id", "n_clicks", "data-*", "aria-*", "style"} <= set(allowed)


def test_unknown_keyword_without_id_does_not_mention_an_id():
    with pytest.raises(TypeError, match=r"^The `html.Span` component \(version [^)]+\) received"):
        html.Span(colour="red")


def test_component_in_a_non_children_prop_is_rejected():
    with pytest.raises(TypeError, match="detected a Component for a prop other than `children`"):
        html.Div(title=html.Span("x"))


def test_second_positional_component_is_caught_as_id():
    with pytest.raises(TypeError, match="prop `id`"):
        html.Div(html.P("a"), html.P("b"))


def test_too_many_positional_arguments_suggest_a_list():
    with pytest.raises(TypeError, match=r"wrap them in a list"):
        html.Div("a", "b", "c")


def test_component_allowed_in_declared_component_props():
    card_class = _make_card_class()
    card = card_class(title="t", label=html.B("bold"))
    assert isinstance(card.label, html.B)


@pytest.mark.parametrize("bad_id", [3, 1.5, ["a"], ("a",), True])
def test_id_must_be_string_or_dict(bad_id):
    with pytest.raises(TypeError, match="`id` of type"):
        html.Div(id=bad_id)


def test_dict_id_keys_must_be_strings():
    with pytest.raises(TypeError, match="keys of a dict id must be strings"):
        html.Div(id={1: "a"})


def test_dict_id_values_must_be_scalars():
    with pytest.raises(TypeError, match="values of a dict id"):
        html.Div(id={"type": "item", "index": [1, 2]})


def test_valid_ids_are_accepted():
    pattern_id = {"type": "item", "index": 1, "ratio": 0.5, "on": True}
    assert html.Div(id=pattern_id).id == pattern_id
    assert html.Div(id="plain").id == "plain"
    assert html.Div(id=None).to_plotly_json()["props"]["id"] is None


def test_missing_required_prop_message():
    card_class = _make_card_class()
    with pytest.raises(TypeError, match=r"^Required argument `title` was not specified\.$"):
        card_class()


def test_wildcard_attributes_accepted_other_hyphenated_names_rejected():
    div = html.Div(**{"data-row": "3", "aria-label": "close"})
    assert div.to_plotly_json()["props"] == {
        "children": None,
        "data-row": "3",
        "aria-label": "close",
    }
    with pytest.raises(TypeError, match="unexpected keyword argument: `x-data`"):
        html.Div(**{"x-data": "1"})


def test_deprecated_component_warns_on_creation(registry):
    class OldThing(Component):
        __module__ = "old_suite.OldThing"
        _type = "OldThing"
        _namespace = "old_suite"
        _prop_names = ["id"]
        _deprecation_message = "OldThing is deprecated: use NewThing instead."

        @_explicitize_args
        def __init__(self, id=None, **kwargs):
            kwargs.pop("_explicit_args")
            super().__init__(id=id)

    with pytest.warns(DeprecationWarning, match="use NewThing"):
        OldThing(id="x")


# -- old-style classes ------------------------------------------------------------------


def test_old_style_class_serialises_with_instance_type_and_namespace(registry):
    gauge_class = _make_old_style_class()
    gauge = gauge_class(id="g", value=3)
    assert gauge.to_plotly_json() == {
        "props": {"id": "g", "value": 3},
        "type": "Gauge",
        "namespace": "gauge_suite",
    }


def test_old_style_class_validates_like_new_style(registry):
    gauge_class = _make_old_style_class()
    with pytest.raises(TypeError, match=r"`gauge_suite.Gauge` component .* argument: `colour`"):
        gauge_class(value=1, colour="red")
    with pytest.raises(TypeError, match="Required argument `value`"):
        gauge_class(id="g")


# -- _explicitize_args ------------------------------------------------------------------


def _recording_init():
    seen: dict[str, Any] = {}

    def __init__(self, children=None, id=None, title=None, **kwargs):
        seen["explicit"] = kwargs.pop("_explicit_args")

    return _explicitize_args(__init__), __init__, seen


def test_explicit_args_lists_positional_then_keyword_names():
    wrapped, _, seen = _recording_init()
    wrapped(object(), "kids", title="t", **{"data-x": 1})
    assert seen["explicit"] == ["children", "title", "data-x"]
    wrapped(object())
    assert seen["explicit"] == []


def test_explicit_args_cannot_be_passed_by_the_caller():
    wrapped, _, _ = _recording_init()
    with pytest.raises(TypeError, match="_explicit_args"):
        wrapped(object(), _explicit_args=["x"])


def test_explicitize_args_keeps_the_signature():
    wrapped, original, _ = _recording_init()
    assert wrapped.__wrapped__ is original
    assert inspect.signature(wrapped) == inspect.signature(original)
    assert list(inspect.signature(html.Div).parameters)[:3] == ["children", "id", "accessKey"]


# -- to_plotly_json ---------------------------------------------------------------------


def test_only_explicit_props_are_serialised_and_none_becomes_null():
    payload = loads(to_json_bytes(html.Div(id="a", title=None)))
    assert payload == {
        "props": {"children": None, "id": "a", "title": None},
        "type": "Div",
        "namespace": "dash_html_components",
    }


def test_nested_components_stay_objects_and_encode_recursively():
    inner = html.Span("x")
    outer = html.Div([inner, "text", 4])
    assert outer.to_plotly_json()["props"]["children"][0] is inner
    assert loads(to_json_bytes(outer))["props"]["children"][0]["type"] == "Span"


def test_props_assigned_after_creation_are_serialised():
    div = html.Div()
    div.style = {"color": "red"}
    div.children = "late"
    assert div.to_plotly_json()["props"] == {"children": "late", "style": {"color": "red"}}


def test_undefined_values_are_treated_as_not_passed(registry):
    gauge_class = _make_old_style_class()
    gauge = gauge_class(value=1, max=Component.UNDEFINED)
    assert "max" not in gauge.to_plotly_json()["props"]


# -- item access ------------------------------------------------------------------------


def _tree() -> html.Div:
    return html.Div(
        [
            html.Span("a", id="span"),
            html.Div(html.P("deep", id="p"), id="inner"),
            "text",
            html.Section(id={"type": "sec", "index": 0}),
        ],
        id="root",
    )


def test_getitem_finds_descendants_depth_first():
    tree = _tree()
    assert tree["span"].children == "a"
    assert tree["p"].children == "deep"
    assert tree[{"type": "sec", "index": 0}].id == {"type": "sec", "index": 0}


def test_getitem_missing_id_raises_keyerror_with_the_id():
    with pytest.raises(KeyError) as info:
        _tree()["nope"]
    assert info.value.args == ("nope",)


def test_getitem_on_text_children_raises_bare_keyerror():
    with pytest.raises(KeyError) as info:
        html.Div("just text")["x"]
    assert info.value.args == ()


def test_setitem_replaces_list_item_and_single_child():
    tree = _tree()
    tree["span"] = html.Em("new", id="em")
    assert tree.children[0].id == "em"
    tree["p"] = html.B("b")
    assert isinstance(tree["inner"].children, html.B)


def test_delitem_removes_list_item_and_clears_single_child():
    tree = _tree()
    del tree["span"]
    assert len(tree.children) == 3
    del tree["p"]
    assert tree["inner"].children is None
    with pytest.raises(KeyError):
        del tree["span"]


def test_item_access_works_with_tuple_children():
    tree = html.Div((html.I(id="a"), html.I(id="b")))
    tree["a"] = html.I(id="c")
    del tree["b"]
    assert [child.id for child in tree.children] == ["c"]


# -- len, iter, repr --------------------------------------------------------------------


def test_len_counts_every_node_including_text_and_numbers():
    assert len(html.Div([html.Span("a"), html.Div(html.P()), "t", 3])) == 6
    assert len(html.Div()) == 0
    assert len(html.Div("x")) == 1
    assert len(html.Div(html.Span("x"))) == 2


def test_iter_yields_descendant_ids_only():
    assert list(_tree()) == ["span", "inner", "p", {"type": "sec", "index": 0}]


def test_repr_with_props_and_with_children_only():
    assert repr(html.Div("x")) == "Div('x')"
    assert repr(html.Div()) == "Div(None)"
    assert repr(html.Div(id=None)) == "Div(None)"
    assert repr(html.Div([html.B("b")])) == "Div([B('b')])"
    assert repr(html.Div("x", id="a", **{"data-k": "v"})) == "Div(children='x', id='a', data-k='v')"


# -- traversal --------------------------------------------------------------------------


def test_traverse_yields_all_nodes_depth_first():
    nodes = list(_tree()._traverse())
    kinds = [node if isinstance(node, str) else type(node).__name__ for node in nodes]
    assert kinds == ["Span", "a", "Div", "P", "deep", "text", "Section"]


def test_traverse_with_paths_names_the_route_to_each_node():
    paths = dict((path, node) for path, node in _tree()._traverse_with_paths())
    p_path = "children[1] Div(id='inner') > children P(id='p')"
    assert p_path in paths
    assert paths[p_path].id == "p"


def test_traverse_reaches_components_inside_children_props():
    card_class = _make_card_class()
    card = card_class(
        html.Span(id="kid"),
        title="t",
        label=html.B(id="lbl"),
        options=[{"label": html.I(id="opt0"), "value": 0}, {"label": "plain", "value": 1}],
        slots={"left": [html.Em(id="slot")]},
    )
    assert list(card) == ["kid", "lbl", "opt0", "slot"]
    paths = [path for path, _ in card._traverse_with_paths()]
    assert "options[0].label I(id='opt0')" in paths
    assert "slots{left}[0] Em(id='slot')" in paths
    assert [c.id for c in card._traverse_ids()] == ["kid", "lbl", "opt0", "slot"]


# -- random ids -------------------------------------------------------------------------


def test_set_random_id_keeps_an_existing_id():
    div = html.Div(id="mine")
    assert div._set_random_id() == "mine"


def test_set_random_id_assigns_distinct_uuids():
    first, second = html.Div(), html.Div()
    first_id, second_id = first._set_random_id(), second._set_random_id()
    assert first.id == first_id and first_id != second_id
    assert str(uuid.UUID(first_id)) == first_id
    assert first._set_random_id() == first_id


def test_set_random_id_refuses_persisted_components():
    card = _make_card_class()(title="t", persistence=True)
    with pytest.raises(RuntimeError, match="persistence"):
        card._set_random_id()


def test_set_random_id_refuses_when_dash_snapshots_is_loaded(monkeypatch):
    monkeypatch.setitem(sys.modules, "dash_snapshots", type(sys)("dash_snapshots"))
    with pytest.raises(RuntimeError, match="dash_snapshots"):
        html.Div()._set_random_id()


# -- speed (reported, not asserted) -----------------------------------------------------


def test_report_build_and_encode_time_of_a_10000_node_layout(capsys):
    start = time.perf_counter()
    rows = [
        html.Div([html.Span(f"item {i}", id=f"s{i}"), html.Button("go", n_clicks=0)])
        for i in range(3333)
    ]
    layout = html.Div(rows, id="root")
    built = time.perf_counter()
    payload = to_json_bytes(layout)
    encoded = time.perf_counter()
    nodes = sum(isinstance(node, Component) for node in layout._traverse()) + 1
    assert nodes == 10000
    with capsys.disabled():
        print(
            f"\n10,000-component layout: build {1000 * (built - start):.1f} ms, "
            f"to_json_bytes {1000 * (encoded - built):.1f} ms ({len(payload)} bytes)"
        )

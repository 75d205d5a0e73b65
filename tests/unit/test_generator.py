"""The component class generator: react-docgen metadata in, working Python classes out."""

from __future__ import annotations

import importlib
import inspect
import json
import pydoc
import sys
from collections.abc import Iterator

import pytest

from dash import html
from dash.development.base_component import Component, ComponentRegistry
from dash.development.component_generator import (
    cli,
    generate_class,
    generate_class_file,
    generate_components,
)

PROPS = {
    "children": {"type": {"name": "node"}, "required": False, "description": "Card content."},
    "id": {"type": {"name": "string"}, "required": False, "description": "The id."},
    "title": {"type": {"name": "string"}, "required": True, "description": "Heading text."},
    "size": {
        "type": {
            "name": "enum",
            "value": [{"value": "'sm'", "computed": False}, {"value": "'lg'", "computed": False}],
        },
        "required": False,
        "description": "How big the card is.",
        "defaultValue": {"value": "'sm'", "computed": False},
    },
    "count": {
        "type": {"name": "union", "value": [{"name": "string"}, {"name": "number"}]},
        "required": False,
        "description": "A counter.",
    },
    "options": {
        "type": {
            "name": "arrayOf",
            "value": {
                "name": "shape",
                "value": {"label": {"name": "node"}, "value": {"name": "string", "required": True}},
            },
        },
        "required": False,
        "description": "Choices.",
    },
    "icon": {"type": {"name": "element"}, "required": False, "description": "An icon."},
    "setProps": {"type": {"name": "func"}, "required": False, "description": "Dash-assigned."},
    "onHover": {"type": {"name": "func"}, "required": False, "description": "JS only."},
    "class": {"type": {"name": "string"}, "required": False, "description": "A keyword name."},
    "data-*": {"type": {"name": "string"}, "required": False, "description": "Data attributes."},
}


@pytest.fixture
def clean_registry() -> Iterator[None]:
    names = list(ComponentRegistry.registry)
    yield
    for name in list(ComponentRegistry.registry):
        if name not in names:
            ComponentRegistry.registry.discard(name)


@pytest.fixture
def card_class(clean_registry) -> type[Component]:
    return generate_class("Card", PROPS, "A card with a title.", "card_lib")


def test_generated_source_compiles_and_defines_the_class():
    source = generate_class_file("Card", PROPS, "A card.", "card_lib")
    compile(source, "Card.py", "exec")
    assert "class Card(Component):" in source
    assert source.splitlines()[1] == "from __future__ import annotations"


def test_generated_class_identity_and_prop_lists(card_class):
    assert card_class._type == "Card"
    assert card_class._namespace == "card_lib"
    assert card_class._prop_names[:2] == ["children", "id"]
    assert "setProps" not in card_class._prop_names and "onHover" not in card_class._prop_names
    assert "data-*" in card_class.available_properties
    assert card_class._valid_wildcard_attributes == ["data-"]
    assert card_class.available_wildcard_properties == ["data-"]
    assert card_class._children_props == ["options[].label", "icon"]
    assert card_class._base_nodes == ["icon", "children"]


def test_generated_signature_children_and_id_positional_rest_keyword_only(card_class):
    params = inspect.signature(card_class).parameters
    assert list(params)[:2] == ["children", "id"]
    assert params["children"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert params["title"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["title"].default is Component.REQUIRED
    assert "class" not in params  # not a valid parameter name: passed through **kwargs


def test_generated_class_instantiates_and_serialises(card_class):
    card = card_class("body", "c1", title="Hello", count=3, **{"class": "x", "data-k": "v"})
    assert card.to_plotly_json() == {
        "props": {
            "children": "body",
            "id": "c1",
            "title": "Hello",
            "count": 3,
            "class": "x",
            "data-k": "v",
        },
        "type": "Card",
        "namespace": "card_lib",
    }


def test_generated_class_always_sends_children(card_class):
    assert card_class(title="t").to_plotly_json()["props"] == {"children": None, "title": "t"}


def test_generated_class_checks_required_props(card_class):
    with pytest.raises(TypeError, match=r"^Required argument `title` was not specified\.$"):
        card_class("body")


def test_required_children_message(clean_registry):
    props = {"children": {"type": {"name": "node"}, "required": True, "description": ""}}
    box = generate_class("Box", props, "", "box_lib")
    with pytest.raises(TypeError, match=r"^Required argument children was not specified\.$"):
        box()
    assert box("x").children == "x"


def test_generated_class_rejects_unknown_props_and_accepts_components_in_node_props(card_class):
    with pytest.raises(TypeError, match="unexpected keyword argument: `colour`"):
        card_class(title="t", colour="red")
    assert isinstance(card_class(title="t", icon=html.I()).icon, html.I)


def test_docstring_lists_each_prop_with_type_default_and_description(card_class):
    text = pydoc.render_doc(card_class, renderer=pydoc.plaintext)
    assert "A card with a title." in text
    assert "title : string; required" in text
    assert "size : one of: 'sm', 'lg'; default 'sm'" in text
    assert "count : string | number; optional" in text
    assert "How big the card is." in text
    assert "data-* : string; optional" in text


def test_annotations_are_typed(card_class):
    annotations = card_class.__init__.__wrapped__.__annotations__
    assert annotations["size"] == "typing.Optional[typing.Literal['sm', 'lg']]"
    assert annotations["count"] == "typing.Optional[typing.Union[str, NumberType]]"
    assert annotations["options"] == "typing.Optional[list[dict]]"


def test_prop_reorder_exceptions_keep_metadata_order():
    props = {"title": PROPS["title"], "id": PROPS["id"], "children": PROPS["children"]}
    reordered = generate_class_file("Card", props, "", "card_lib")
    kept = generate_class_file("Card", props, "", "card_lib", prop_reorder_exceptions=["Card"])
    assert '_prop_names = ["children", "id", "title"]' in reordered
    assert '_prop_names = ["title", "id", "children"]' in kept


def test_typescript_metadata_is_understood(clean_registry):
    props = {
        "children": {"tsType": {"name": "ReactNode"}, "required": False, "description": ""},
        "variant": {
            "tsType": {
                "name": "union",
                "raw": "'a' | 'b'",
                "elements": [
                    {"name": "literal", "value": "'a'"},
                    {"name": "literal", "value": "'b'"},
                ],
            },
            "required": False,
            "description": "Look.",
        },
        "onClick": {"tsType": {"name": "signature", "type": "function"}, "required": False},
    }
    source = generate_class_file("Chip", props, "", "chip_lib")
    assert 'typing.Literal["a", "b"]' in source
    assert "onClick" not in source


def test_generate_components_writes_an_importable_package(tmp_path, monkeypatch, clean_registry):
    metadata = {
        "src/components/Card.react.js": {
            "displayName": "Card",
            "description": "A card.",
            "props": PROPS,
        },
        "src/components/Badge.react.js": {"description": "A badge.", "props": {"id": PROPS["id"]}},
        "src/components/_Private.react.js": {"description": "", "props": {}},
    }
    package = tmp_path / "gen_suite"
    written = generate_components(metadata, "gen_suite", out_dir=package)
    assert sorted(path.name for path in written) == ["Badge.py", "Card.py", "_imports_.py"]
    (package / "__init__.py").write_text("from ._imports_ import *  # noqa: F403\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("gen_suite")
    try:
        assert module.Badge(id="b").to_plotly_json()["namespace"] == "gen_suite"
        assert "gen_suite" in ComponentRegistry.registry
    finally:
        for name in [n for n in sys.modules if n.startswith("gen_suite")]:
            del sys.modules[name]


def test_cli_reads_metadata_file_and_writes_modules(tmp_path, capsys):
    metadata_file = tmp_path / "metadata.json"
    metadata_file.write_text(json.dumps({"src/Tag.js": {"description": "", "props": {}}}))
    out = tmp_path / "tag_suite"
    assert cli([str(metadata_file), "tag_suite", "--out-dir", str(out)]) == 0
    assert (out / "Tag.py").exists() and (out / "_imports_.py").exists()
    assert cli([str(tmp_path / "missing.json"), "tag_suite"]) == 2
    assert "Cannot read the metadata file" in capsys.readouterr().err

"""dash.dcc: the generated component classes, their metadata and the committed files."""

from __future__ import annotations

import json
import pydoc
from pathlib import Path

import pytest

from dash import dcc
from dash.development import _generate_dcc
from dash.development.base_component import Component, ComponentRegistry

DCC_DIR = Path(dcc.__file__).parent
METADATA = json.loads(_generate_dcc.DEFAULT_METADATA.read_text(encoding="utf-8"))
NAMES = [entry["displayName"] for entry in METADATA.values()]
HAND_WRITTEN = {"express.py"}


def test_every_component_is_a_class_in_the_dcc_namespace():
    # Every component a Dash app reaches for first is there (the list only grows).
    assert {"Input", "Store", "Location", "Link", "Tabs", "Tab", "Markdown", "Loading"} <= set(NAMES)
    for name in NAMES:
        component_class = getattr(dcc, name)
        assert issubclass(component_class, Component)
        assert component_class._type == name
        assert component_class._namespace == "dash_core_components"
        assert name in dcc.__all__


def test_package_metadata_for_the_server():
    assert dcc.__version__ == "4.0.0+next"
    assert dcc._css_dist == []
    assert dcc._js_dist[0] == {
        "relative_package_path": "dcc/dash_core_components.min.js",
        "dev_package_path": "dcc/dash_core_components.dev.js",
        "namespace": "dash",
    }


def test_children_props_declared_like_dash():
    declared = ComponentRegistry.children_props["dash_core_components"]
    assert declared["Tab"] == ["label"]
    assert declared["Loading"] == ["custom_spinner"]
    assert declared["Clipboard"] == ["copied_children"]
    # Option labels may be components but are rendered by the components themselves.
    assert declared["Checklist"] == []


def test_checklist_and_radioitems_take_options_and_value_positionally():
    checklist = dcc.Checklist(["NYC", "MTL"], ["MTL"], id="cities")
    assert checklist.to_plotly_json()["props"] == {
        "options": ["NYC", "MTL"],
        "value": ["MTL"],
        "id": "cities",
    }
    radio = dcc.RadioItems({"s": "Small"}, "s", True)
    assert radio.inline is True


def test_only_explicit_props_are_sent():
    assert dcc.Input(id="box").to_plotly_json()["props"] == {"id": "box"}
    assert (
        dcc.Tabs([dcc.Tab(label="A")], id="t").to_plotly_json()["props"]["children"][0].label == "A"
    )


def test_unknown_props_are_rejected_with_the_component_name():
    with pytest.raises(TypeError, match="Input"):
        dcc.Input(id="box", colour="red")


def test_required_props():
    with pytest.raises(TypeError, match="href"):
        dcc.Link("go")
    with pytest.raises(TypeError, match="id"):
        dcc.Store(data=1)


def test_help_shows_defaults_and_persistence():
    text = pydoc.render_doc(dcc.Input, renderer=pydoc.plaintext)
    assert "debounce : boolean | number; default False" in text or "debounce :" in text
    assert "n_submit : number; default 0" in text
    assert "persistence_type :" in text and "default 'local'" in text
    assert "persisted_props" in text
    store_doc = pydoc.render_doc(dcc.Store, renderer=pydoc.plaintext)
    assert "default 'memory'" in store_doc


def test_metadata_entries_are_complete():
    for path, entry in METADATA.items():
        assert path == f"src/components/{entry['displayName']}.tsx"
        assert entry["description"], path
        for prop, meta in entry["props"].items():
            assert meta["description"], (path, prop)
            assert "type" in meta and "required" in meta, (path, prop)


def test_send_helpers_are_exported():
    for name in ("send_file", "send_bytes", "send_string", "send_data_frame"):
        assert callable(getattr(dcc, name))


def test_committed_files_match_a_fresh_generation(tmp_path):
    _generate_dcc.write_all(_generate_dcc.DEFAULT_METADATA, tmp_path)
    fresh = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.glob("*.py")}
    committed = {
        path.name: path.read_text(encoding="utf-8")
        for path in DCC_DIR.glob("*.py")
        if path.name not in HAND_WRITTEN
    }
    assert sorted(committed) == sorted(fresh), "stale or missing files in src/dash/dcc"
    outdated = [name for name in fresh if fresh[name] != committed[name]]
    assert not outdated, (
        f"{len(outdated)} generated dcc files are out of date (e.g. {outdated[:3]}): "
        "run `python -m dash.development._generate_dcc`"
    )

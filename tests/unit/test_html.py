"""dash.html: the 125 element classes, their table, and the committed generated files."""

from __future__ import annotations

import json
import pydoc
from pathlib import Path

import pytest

from dash import html
from dash.development import _generate_html
from dash.development.base_component import Component

HTML_DIR = Path(html.__file__).parent
TABLE = json.loads(_generate_html.DEFAULT_ELEMENTS.read_text(encoding="utf-8"))
ELEMENTS = TABLE["elements"]
ATTRIBUTE_TYPES = {"string", "number", "string|number", "boolean", "object", "node"}


def test_there_are_125_element_classes():
    assert len(ELEMENTS) == 125
    assert len(html.__all__) == 125
    for name in ELEMENTS:
        component_class = getattr(html, name)
        assert issubclass(component_class, Component)
        assert component_class._type == name
        assert component_class._namespace == "dash_html_components"


def test_there_is_no_html_input():
    assert not hasattr(html, "Input")


def test_map_and_object_elements_use_their_own_names():
    assert html.MapEl().to_plotly_json()["type"] == "MapEl"
    assert ELEMENTS["MapEl"]["tag"] == "map"
    assert ELEMENTS["ObjectEl"]["tag"] == "object"


def test_help_lists_shared_props_with_defaults():
    text = pydoc.render_doc(html.Div, renderer=pydoc.plaintext)
    assert "n_clicks : number; default 0" in text
    assert "n_clicks_timestamp : number; default -1" in text
    assert "Renders `<div>`" in text
    for prop in ("className", "style", "disable_n_clicks", "data-*", "aria-*", "tabIndex"):
        assert f"{prop} :" in text


def test_element_specific_attributes_are_props():
    assert html.A("x", href="/page", target="_blank").href == "/page"
    assert html.Label("name", htmlFor="field").htmlFor == "field"
    assert html.Td(colSpan=2).colSpan == 2
    assert html.Button(disabled="DISABLED", formAction="/go").disabled == "DISABLED"
    with pytest.raises(TypeError, match="unexpected keyword argument: `href`"):
        html.Div(href="/page")


def test_keyword_named_attribute_goes_through_kwargs():
    script = html.Script(src="/x.js", **{"async": True})
    assert script.to_plotly_json()["props"]["async"] is True


def test_wildcards_accepted_unknown_rejected():
    span = html.Span(**{"data-index": 1, "aria-hidden": "true"})
    assert span.to_plotly_json()["props"] == {
        "children": None,
        "data-index": 1,
        "aria-hidden": "true",
    }
    with pytest.raises(TypeError, match="`html.Span`"):
        html.Span(onClick="alert(1)")


def test_n_clicks_only_sent_when_passed():
    assert "n_clicks" not in html.Button("go").to_plotly_json()["props"]
    assert html.Button("go", n_clicks=0).to_plotly_json()["props"]["n_clicks"] == 0


def test_package_metadata_for_the_server():
    assert html.__version__ == "4.0.0+next"
    assert html._css_dist == []
    assert html._js_dist[0] == {
        "relative_package_path": "html/dash_html_components.min.js",
        "dev_package_path": "html/dash_html_components.dev.js",
        "namespace": "dash",
    }
    assert all(entry["namespace"] == "dash" for entry in html._js_dist)


def test_table_entries_are_complete():
    shared = TABLE["common"]
    assert shared["n_clicks"]["default"] == 0
    assert shared["n_clicks_timestamp"]["default"] == -1
    for name, element in ELEMENTS.items():
        assert element["tag"] and element["description"], name
        for attr, entry in {**shared, **element["attributes"]}.items():
            assert entry["type"] in ATTRIBUTE_TYPES, (name, attr)
            assert entry["description"], (name, attr)


def test_exactly_the_dangerous_url_attributes_are_marked_for_sanitising():
    marked = {
        (name, attr)
        for name, element in ELEMENTS.items()
        for attr, entry in element["attributes"].items()
        if entry.get("sanitize")
    }
    assert marked == {
        ("A", "href"),
        ("Form", "action"),
        ("Iframe", "src"),
        ("ObjectEl", "data"),
        ("Embed", "src"),
        ("Button", "formAction"),
    }


def test_committed_files_match_a_fresh_generation(tmp_path):
    _generate_html.write_all(_generate_html.DEFAULT_ELEMENTS, tmp_path)
    fresh = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.glob("*.py")}
    committed = {path.name: path.read_text(encoding="utf-8") for path in HTML_DIR.glob("*.py")}
    assert sorted(committed) == sorted(fresh), "stale or missing files in src/dash/html"
    outdated = [name for name in fresh if fresh[name] != committed[name]]
    assert not outdated, (
        f"{len(outdated)} generated html files are out of date (e.g. {outdated[:3]}): "
        "run `python -m dash.development._generate_html`"
    )


def test_attribute_types_match_the_fixture_the_props_check_is_tested_against():
    """The props check builds the same types in TypeScript (frontend/shared/elementTypes.ts); both
    sides are compared with one fixture, so they cannot drift apart unnoticed."""
    fixture_file = Path(__file__).resolve().parents[1] / "fixtures" / "html_prop_types.json"
    fixture = json.loads(fixture_file.read_text(encoding="utf-8"))

    def types(attributes):
        return {
            name: _generate_html._prop_type(name, entry)
            for name, entry in attributes.items()
            if not entry.get("wildcard")
        }

    assert types(TABLE["common"]) == fixture["common"]
    own = {
        element: types(spec["attributes"])
        for element, spec in ELEMENTS.items()
        if types(spec.get("attributes", {}))
    }
    assert own == fixture["elements"], (
        "An attribute type changed: update tests/fixtures/html_prop_types.json (and check that "
        "frontend/shared/elementTypes.ts gives the same types)."
    )

"""Third-party component libraries from PyPI, Python side: they import, build components, register
their scripts in import order, get correct script URLs, and have every chunk they ask for served.

The libraries are test-only dependencies; each test skips when its library is missing.
"""

from __future__ import annotations

import importlib
import inspect
import json
import math
import os
import re
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

import dash
from dash import Dash, Input, Output, html
from dash._json import to_json
from dash.development.base_component import Component, ComponentRegistry

LIBRARIES = [
    "dash_bootstrap_components",
    "dash_mantine_components",
    "dash_ag_grid",
    "dash_daq",
    "dash_iconify",
]


def library(name: str) -> ModuleType:
    """Import a library (skip the test if missing) and register it for this test."""
    module = pytest.importorskip(name)
    ComponentRegistry.registry.add(name)
    return module


@pytest.fixture(autouse=True)
def _registered_only_during_the_test() -> Iterator[None]:
    """Apps serve the scripts of every registered package: unregister the libraries afterwards
    so that the pages of other tests do not include them."""
    before = list(ComponentRegistry.registry)
    yield
    for name in ComponentRegistry.registry:
        if name not in before:
            ComponentRegistry.registry.discard(name)


@pytest.fixture
def all_libraries():
    return [library(name) for name in LIBRARIES]


def index_html(app: Dash) -> str:
    response = app.server.test_client().get("/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def script_sources(page: str) -> list[str]:
    return re.findall(r'<script[^>]*\ssrc="([^"]+)"', page)


def page_config(page: str) -> dict:
    match = re.search(
        r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S
    )
    assert match, "the page has no _dash-config"
    return json.loads(match.group(1))


def package_file(module_name: str, relative_path: str) -> bytes:
    folder = os.path.dirname(sys.modules[module_name].__file__)
    with open(os.path.join(folder, relative_path), "rb") as handle:
        return handle.read()


# ------------------------------------------------------------------ what the libraries need of dash


def test_dash_passes_the_libraries_sanity_checks():
    # ag-grid, dmc and iconify exit at import unless one of these exists.
    assert getattr(dash, "__plotly_dash", False) or hasattr(dash, "development")
    assert hasattr(dash, "development")
    from dash.types import NumberType

    assert NumberType is not None


@pytest.mark.parametrize("name", LIBRARIES)
def test_each_library_imports_and_registers_its_package(name):
    module = library(name)
    assert module.__name__ in ComponentRegistry.registry
    assert isinstance(module._js_dist, list) and module._js_dist


# -------------------------------------------------------------------------- building components


def test_new_style_classes_keep_only_explicit_args():
    dbc = library("dash_bootstrap_components")
    button = dbc.Button("Save", id="save", color="success")
    assert button.to_plotly_json() == {
        "props": {"children": "Save", "id": "save", "color": "success"},
        "type": "Button",
        "namespace": "dash_bootstrap_components",
    }
    # dbc always forwards `children`, even when the caller gave none: it is sent as null.
    assert dbc.Badge(id="b").to_plotly_json()["props"] == {"children": None, "id": "b"}


def test_generated_signatures_survive_explicitize_args():
    dbc = library("dash_bootstrap_components")
    dmc = library("dash_mantine_components")
    assert "color" in inspect.signature(dbc.Button).parameters
    assert "data" in inspect.signature(dmc.Select).parameters


def test_explicit_args_cannot_be_passed_by_the_caller():
    dbc = library("dash_bootstrap_components")
    with pytest.raises(TypeError, match="_explicit_args"):
        dbc.Button("x", _explicit_args=["children"])


def test_unknown_props_are_rejected_with_the_component_named():
    dbc = library("dash_bootstrap_components")
    with pytest.raises(TypeError, match="colour"):
        dbc.Button("x", id="save", colour="red")


def test_dmc_wildcard_props_are_accepted():
    dmc = library("dash_mantine_components")
    select = dmc.Select(id="s", data=["a"], **{"data-testid": "pick", "aria-label": "Pick one"})
    props = select.to_plotly_json()["props"]
    assert props["data-testid"] == "pick"
    assert props["aria-label"] == "Pick one"
    with pytest.raises(TypeError):
        dmc.Select(id="s", **{"x-custom": 1})


def test_component_values_only_in_props_that_take_them():
    dmc = library("dash_mantine_components")
    slider = dmc.Slider(id="s", label=html.B("hot"), marks=[{"value": 1, "label": html.I("one")}])
    found = {node.children for node in slider._traverse() if isinstance(node, Component)}
    assert found == {"hot", "one"}
    with pytest.raises(TypeError):
        dmc.Slider(id="s", color=html.B("red"))


def test_dict_ids_on_library_components():
    dag = library("dash_ag_grid")
    grid = dag.AgGrid(id={"type": "grid", "index": 1}, rowData=[])
    assert grid.to_plotly_json()["props"]["id"] == {"type": "grid", "index": 1}


def test_old_style_daq_classes_set_type_and_namespace_per_instance():
    daq = library("dash_daq")
    assert "_type" not in vars(daq.BooleanSwitch)
    switch = daq.BooleanSwitch(id="power", on=True)
    assert switch.to_plotly_json() == {
        "props": {"id": "power", "on": True},
        "type": "BooleanSwitch",
        "namespace": "dash_daq",
    }
    with pytest.raises(TypeError):
        daq.BooleanSwitch(id="power", shiny=True)


def test_old_style_iconify_requires_its_icon():
    iconify = library("dash_iconify")
    with pytest.raises(TypeError, match="icon"):
        iconify.DashIconify()
    icon = iconify.DashIconify(icon="mdi:home", width=24)
    assert icon.to_plotly_json() == {
        "props": {"icon": "mdi:home", "width": 24},
        "type": "DashIconify",
        "namespace": "dash_iconify",
    }


def test_old_style_classes_inside_a_layout_serialise():
    daq = library("dash_daq")
    layout = html.Div([daq.LEDDisplay(id="led", value="12:00"), daq.Knob(id="knob", value=3)])
    encoded = json.loads(to_json(layout))
    assert [child["type"] for child in encoded["props"]["children"]] == ["LEDDisplay", "Knob"]
    assert {child["namespace"] for child in encoded["props"]["children"]} == {"dash_daq"}


def test_children_props_reach_the_page_config(all_libraries):
    app = Dash(__name__)
    app.layout = html.Div()
    config = page_config(index_html(app))
    children_props = config["children_props"]
    assert "marks[].label" in children_props["dash_mantine_components"]["Slider"]
    assert (
        "comboboxProps.middlewares.flip.boundary"
        in children_props["dash_mantine_components"]["Select"]
    )
    assert "options[].label" in children_props["dash_bootstrap_components"]["Checklist"]
    # Old-style classes declare none: the entry is empty, never a crash.
    assert not children_props.get("dash_daq", {}).get("BooleanSwitch")


def test_dmc_index_hook_edits_the_page(monkeypatch):
    dmc = library("dash_mantine_components")
    from dash._hooks import hooks

    monkeypatch.setitem(hooks._ns, "index", list(hooks._ns.get("index", [])))
    dmc.pre_render_color_scheme()
    app = Dash(__name__)
    app.layout = html.Div()
    page = index_html(app)
    assert "data-mantine-color-scheme='loading'" in page
    assert "mantine-color-scheme-value" in page


# --------------------------------------------------------------------------- scripts in the page


def test_library_scripts_follow_import_order_between_react_and_the_renderer(all_libraries):
    app = Dash(__name__)
    app.layout = html.Div()
    sources = script_sources(index_html(app))
    suites = [src.split("/_dash-component-suites/")[1] for src in sources]

    def position(prefix: str) -> int:
        matches = [i for i, src in enumerate(suites) if src.startswith(prefix)]
        assert matches, f"no script from {prefix} in {suites}"
        return matches[0]

    order = [name for name in ComponentRegistry.registry if name in LIBRARIES]
    positions = [position(name + "/") for name in order]
    assert positions == sorted(positions)
    assert position("dash/deps/prop-types") < positions[0]
    assert positions[-1] < position("dash/dash-renderer/")


def test_only_main_bundles_get_tags_async_and_maps_do_not(all_libraries):
    app = Dash(__name__)
    app.layout = html.Div()
    third_party = [src for src in script_sources(index_html(app)) if "/dash/" not in src]
    assert len(third_party) == len(LIBRARIES)
    assert not any("async-" in src or src.endswith(".map") for src in third_party)


def test_eager_loading_adds_async_chunks_but_never_maps(all_libraries):
    app = Dash(__name__, eager_loading=True)
    app.layout = html.Div()
    sources = script_sources(index_html(app))
    assert any("dash_ag_grid/async-community." in src for src in sources)
    assert any("dash_mantine_components/async-" in src for src in sources)
    assert not any(".map" in src for src in sources)


def test_dbc_script_url_keeps_its_subfolder_and_the_prefix():
    dbc = library("dash_bootstrap_components")
    app = Dash(__name__, requests_pathname_prefix="/shop/")
    app.layout = html.Div()
    sources = script_sources(index_html(app))
    version = re.sub(r"[^\w-]", "_", dbc.__version__)
    pattern = (
        r"/shop/_dash-component-suites/dash_bootstrap_components/_components/"
        rf"dash_bootstrap_components\.v{version}m\d+\.min\.js"
    )
    assert any(re.fullmatch(pattern, src) for src in sources), sources


def test_cdn_urls_when_not_serving_locally():
    dbc = library("dash_bootstrap_components")
    app = Dash(__name__, serve_locally=False)
    app.layout = html.Div()
    sources = script_sources(index_html(app))
    assert dbc._js_dist[0]["external_url"] in sources
    assert not any("_dash-component-suites/dash_bootstrap_components" in src for src in sources)


def test_dev_bundles_fall_back_to_the_library_bundle():
    # None of the libraries ships a dev_package_path: debug mode serves their normal bundle.
    library("dash_ag_grid")
    app = Dash(__name__)
    app.layout = html.Div()
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    sources = script_sources(index_html(app))
    assert any(
        re.search(r"/dash_ag_grid/dash_ag_grid\.v[\w-]+m\d+\.min\.js$", src) for src in sources
    )
    assert any("dash_renderer" in src and src.endswith(".dev.js") for src in sources)


def test_get_dist_lists_library_bundles_without_async_chunks(all_libraries):
    app = Dash(__name__)
    dist = app.get_dist(["dash_bootstrap_components", "dash_ag_grid"])
    urls = [item["url"] for item in dist]
    assert {item["type"] for item in dist} == {"_js_dist"}
    assert len(urls) == 2
    assert "/_components/dash_bootstrap_components." in urls[0]
    assert "/dash_ag_grid/dash_ag_grid." in urls[1]


# ------------------------------------------------------------------------------ serving chunks


@pytest.mark.parametrize(
    ("module_name", "requested", "on_disk"),
    [
        # webpack-4 bundles ask for chunks with a fingerprint baked in at build time (stale version).
        ("dash_daq", "async-colorpicker.v0_5_1m1634839366.js", "async-colorpicker.js"),
        ("dash_iconify", "async-DashIconify.v0_1_2m1650551946.js", "async-DashIconify.js"),
        # webpack-5 bundles ask for plain names.
        ("dash_ag_grid", "async-community.js", "async-community.js"),
        ("dash_mantine_components", "async-CodeHighlight.js", "async-CodeHighlight.js"),
        (
            "dash_bootstrap_components",
            "_components/dash_bootstrap_components.v9m1.min.js",
            "_components/dash_bootstrap_components.min.js",
        ),
    ],
)
def test_chunks_are_served_with_foreign_fingerprints_stripped(
    all_libraries, module_name, requested, on_disk
):
    app = Dash(__name__)
    app.layout = html.Div()
    client = app.server.test_client()
    client.get("/")
    response = client.get(f"/_dash-component-suites/{module_name}/{requested}")
    assert response.status_code == 200
    assert "javascript" in response.content_type
    assert response.data == package_file(module_name, on_disk)


def test_source_maps_are_served_as_json(all_libraries):
    app = Dash(__name__)
    app.layout = html.Div()
    client = app.server.test_client()
    response = client.get("/_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js.map")
    assert response.status_code == 200
    assert response.content_type.startswith("application/json")


def test_a_registered_chunk_missing_from_the_wheel_does_not_break_the_app(all_libraries):
    # dash-daq registers async-slider.js but does not ship it.
    app = Dash(__name__)
    app.layout = html.Div()
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    response = client.get("/_dash-component-suites/dash_daq/async-slider.js")
    assert response.status_code == 404
    assert client.get("/_dash-component-suites/dash_daq/dash_daq.min.js").status_code == 200


def test_unregistered_files_of_a_library_are_not_served(all_libraries):
    # As in Dash, asking for a file the package did not register is a DependencyException (500).
    app = Dash(__name__)
    app.layout = html.Div()
    client = app.server.test_client()
    for path in ("dash_ag_grid/package-info.json", "dash_ag_grid/AgGrid.py"):
        response = client.get(f"/_dash-component-suites/{path}")
        assert response.status_code == 500
        assert path.split("/")[1] in response.get_json()["message"]


# ------------------------------------------------------------------------ JSON of DataFrame rows


def frame_with_gaps():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    return pd.DataFrame(
        {
            "make": ["Tesla", "Ford"],
            "price": [64950.5, math.nan],
            "units": np.array([3, 4], dtype="int64"),
            "delivered": pd.to_datetime(["2024-01-02 00:00", "2024-03-05 14:30"]),
            "sold": [pd.NaT, pd.Timestamp("2024-05-01")],
        }
    )


def test_dataframe_records_encode_like_real_dash():
    rows = frame_with_gaps().to_dict("records")
    assert json.loads(to_json(rows)) == [
        {
            "make": "Tesla",
            "price": 64950.5,
            "units": 3,
            "delivered": "2024-01-02T00:00:00",
            "sold": None,
        },
        {
            "make": "Ford",
            "price": None,
            "units": 4,
            "delivered": "2024-03-05T14:30:00",
            "sold": "2024-05-01T00:00:00",
        },
    ]


def test_grid_layout_and_callback_output_carry_dataframe_rows():
    dag = library("dash_ag_grid")
    frame = frame_with_gaps()
    app = Dash(__name__)
    app.layout = html.Div(
        [html.Button(id="reload"), dag.AgGrid(id="grid", rowData=frame.to_dict("records"))]
    )

    @app.callback(Output("grid", "rowData"), Input("reload", "n_clicks"))
    def reload(_n):
        return frame.iloc[::-1].to_dict("records")

    client = app.server.test_client()
    layout = client.get("/_dash-layout").get_json()
    grid = layout["props"]["children"][1]
    assert grid["namespace"] == "dash_ag_grid"
    assert grid["props"]["rowData"][1]["price"] is None
    assert grid["props"]["rowData"][0]["delivered"] == "2024-01-02T00:00:00"

    body = {
        "output": "grid.rowData",
        "outputs": {"id": "grid", "property": "rowData"},
        "inputs": [{"id": "reload", "property": "n_clicks", "value": 1}],
        "changedPropIds": ["reload.n_clicks"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    rows = response.get_json()["response"]["grid"]["rowData"]
    assert rows[0]["make"] == "Ford" and rows[0]["price"] is None
    assert rows[0]["delivered"] == "2024-03-05T14:30:00"
    assert rows[1]["sold"] is None


def test_dbc_table_from_dataframe_builds_html_rows():
    dbc = library("dash_bootstrap_components")
    table = dbc.Table.from_dataframe(frame_with_gaps()[["make", "units"]], striped=True)
    encoded = json.loads(to_json(table))
    assert encoded["type"] == "Table" and encoded["props"]["striped"] is True
    head, body = encoded["props"]["children"]
    assert head["type"] == "Thead" and head["namespace"] == "dash_html_components"
    cells = [
        [cell["props"]["children"] for cell in row["props"]["children"]]
        for row in body["props"]["children"]
    ]
    assert cells == [["Tesla", 3], ["Ford", 4]]


def test_reimporting_a_library_keeps_its_place_in_the_registry(all_libraries):
    before = list(ComponentRegistry.registry)
    importlib.reload(sys.modules["dash_iconify.DashIconify"])
    assert list(ComponentRegistry.registry) == before

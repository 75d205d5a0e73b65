"""Component authoring: `dash-generate-components` turns react-docgen metadata into a package.

Each test runs the command line (`cli`) on a temporary folder, the way a
component author runs it from a project root, and checks what the author gets:
typed classes with docstrings, `_imports_.py`, and an `__init__.py` whose
`_js_dist` / `__version__` let Dash serve the bundle.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import shutil
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dash import html
from dash.development.base_component import ComponentRegistry
from dash.development.component_generator import cli, generate_package

FIXTURE_ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "my_components"

BUTTON_PROPS: dict[str, Any] = {
    "setProps": {"type": {"name": "func"}, "required": False, "description": "Set by Dash."},
    "label": {
        "type": {"name": "string"},
        "required": True,
        "description": "Text on the button.",
    },
    "id": {"type": {"name": "string"}, "required": False, "description": "The component id."},
    "variant": {
        "type": {
            "name": "enum",
            "value": [
                {"value": "'solid'", "computed": False},
                {"value": "'ghost'", "computed": False},
            ],
        },
        "required": False,
        "description": "Look of the button.",
        "defaultValue": {"value": "'solid'", "computed": False},
    },
    "n_clicks": {"type": {"name": "number"}, "required": False, "description": "Click count."},
    "icon": {"type": {"name": "node"}, "required": False, "description": "Icon before the text."},
    "children": {"type": {"name": "node"}, "required": False, "description": "Content."},
}

TS_BADGE_PROPS: dict[str, Any] = {
    "tone": {
        "tsType": {
            "name": "union",
            "raw": '"info" | "warn"',
            "elements": [
                {"name": "literal", "value": '"info"'},
                {"name": "literal", "value": '"warn"'},
            ],
        },
        "required": False,
        "description": "Colour family.",
    },
    "count": {"tsType": {"name": "number"}, "required": True, "description": "Shown number."},
    "onDismiss": {"tsType": {"name": "signature", "type": "function"}, "required": False},
}


def docgen5(**components: dict[str, Any]) -> dict[str, Any]:
    """react-docgen 5 output: one component per source file."""
    return {
        f"src/lib/components/{name}.react.js": {
            "displayName": name,
            "description": f"The {name} component.",
            "methods": [],
            "props": props,
        }
        for name, props in components.items()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An author's project root (the current folder) with a package.json."""
    (tmp_path / "package.json").write_text(
        json.dumps({"name": "@acme/widgets", "version": "1.2.3", "main": "index.js"})
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def import_package(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], ModuleType]]:
    """Import a generated package from its parent folder; forget it afterwards."""
    imported: list[str] = []

    def load(package_dir: Path) -> ModuleType:
        monkeypatch.syspath_prepend(str(package_dir.parent))
        importlib.invalidate_caches()
        imported.append(package_dir.name)
        return importlib.import_module(package_dir.name)

    yield load
    for top in imported:
        for name in [n for n in sys.modules if n.split(".")[0] == top]:
            del sys.modules[name]
        ComponentRegistry.registry.discard(top)


def write_metadata(folder: Path, metadata: object) -> Path:
    path = folder / "metadata.json"
    path.write_text(json.dumps(metadata))
    return path


def test_cli_writes_an_importable_package_with_typed_classes(project, import_package):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    (project / "widgets").mkdir()
    (project / "widgets" / "widgets.min.js").write_text("window.widgets = {};")

    assert cli([str(metadata), "widgets"]) == 0

    files = sorted(p.name for p in (project / "widgets").iterdir())
    assert files == ["Button.py", "__init__.py", "_imports_.py", "widgets.min.js"]
    widgets = import_package(project / "widgets")
    assert widgets.__all__ == ["Button"]
    button = widgets.Button("Go", label="Save", variant="ghost", n_clicks=2)
    assert button.to_plotly_json() == {
        "props": {"children": "Go", "label": "Save", "variant": "ghost", "n_clicks": 2},
        "type": "Button",
        "namespace": "widgets",
    }
    hints = typing.get_type_hints(widgets.Button.__init__, vars(sys.modules["widgets.Button"]))
    assert hints["label"] is str
    assert hints["variant"] == typing.Optional[typing.Literal["solid", "ghost"]]
    assert list(inspect.signature(widgets.Button).parameters)[:2] == ["children", "id"]


def test_generated_class_keeps_dash_component_behaviour(project, import_package):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets"]) == 0
    widgets = import_package(project / "widgets")

    with pytest.raises(TypeError, match="label"):
        widgets.Button()
    with pytest.raises(TypeError, match="colour"):
        widgets.Button(label="x", colour="red")
    assert "setProps" not in widgets.Button._prop_names
    assert widgets.Button._children_props == ["icon"]
    assert ComponentRegistry.children_props["widgets"]["Button"] == ["icon"]
    icon = html.I(className="bi-save")
    assert list(widgets.Button(label="x", icon=icon)._traverse()) == [icon]


def test_docstring_lists_every_prop_with_type_default_and_meaning(project, import_package):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets"]) == 0
    doc = import_package(project / "widgets").Button.__doc__

    assert "The Button component." in doc
    assert "label : string; required\n        Text on the button." in doc
    assert "variant : one of: 'solid', 'ghost'; default 'solid'" in doc
    assert "n_clicks : number; optional" in doc
    assert "setProps" not in doc


def test_init_sets_version_and_js_dist_from_package_info(project, import_package):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    package = project / "widgets"
    package.mkdir()
    for name in ("widgets.min.js", "widgets.min.js.map", "async-chart.js", "widgets.css"):
        (package / name).write_text("/* built */")

    assert cli([str(metadata), "widgets"]) == 0
    widgets = import_package(package)

    unpkg = "https://unpkg.com/@acme/widgets@1.2.3/widgets/"
    assert widgets.__version__ == "1.2.3"
    assert widgets._js_dist == [
        {
            "relative_package_path": "widgets.min.js",
            "external_url": unpkg + "widgets.min.js",
            "namespace": "widgets",
        },
        {
            "relative_package_path": "async-chart.js",
            "external_url": unpkg + "async-chart.js",
            "namespace": "widgets",
            "async": True,
        },
        {
            "relative_package_path": "widgets.min.js.map",
            "external_url": unpkg + "widgets.min.js.map",
            "namespace": "widgets",
            "dynamic": True,
        },
    ]
    assert widgets._css_dist == [
        {
            "relative_package_path": "widgets.css",
            "external_url": unpkg + "widgets.css",
            "namespace": "widgets",
        }
    ]


def test_dev_bundle_next_to_the_minified_one_becomes_its_dev_path(tmp_path):
    package = tmp_path / "lib"
    package.mkdir()
    (package / "lib.min.js").write_text("")
    (package / "lib.dev.js").write_text("")
    generate_package({}, "lib", out_dir=package)
    source = (package / "__init__.py").read_text()
    scope: dict[str, Any] = {}
    exec(compile(source.replace("from ._imports_", "# "), "init", "exec"), scope)
    assert scope["_js_dist"] == [
        {
            "relative_package_path": "lib.min.js",
            "namespace": "lib",
            "dev_package_path": "lib.dev.js",
        }
    ]


def test_without_a_bundle_js_dist_names_the_conventional_file(project, import_package):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets", "-p", str(project / "package.json")]) == 0
    widgets = import_package(project / "widgets")
    assert [entry["relative_package_path"] for entry in widgets._js_dist] == ["widgets.min.js"]


def test_missing_default_package_json_warns_and_uses_version_zero(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    metadata = write_metadata(tmp_path, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets"]) == 0
    assert "No package.json" in capsys.readouterr().err
    init = (tmp_path / "widgets" / "__init__.py").read_text()
    assert '__version__ = "0.0.0"' in init
    assert "external_url" not in init


def test_missing_explicit_package_info_is_an_error(project, capsys):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets", "-p", "nowhere/package-info.json"]) == 2
    assert "Cannot read the package info file nowhere/package-info.json" in capsys.readouterr().err
    assert not (project / "widgets").exists()


def test_author_edited_init_is_kept_and_generated_one_is_refreshed(project):
    metadata = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(metadata), "widgets"]) == 0
    init = project / "widgets" / "__init__.py"

    (project / "package.json").write_text(json.dumps({"name": "widgets", "version": "2.0.0"}))
    assert cli([str(metadata), "widgets"]) == 0
    assert '__version__ = "2.0.0"' in init.read_text()

    init.write_text("from ._imports_ import *  # noqa: F403\n__version__ = 'mine'\n")
    assert cli([str(metadata), "widgets"]) == 0
    assert init.read_text().endswith("__version__ = 'mine'\n")


def test_react_docgen_6_output_with_several_components_per_file(project, import_package):
    metadata = {
        "src/lib/index.tsx": [
            {"displayName": "Badge", "description": "A badge.", "props": TS_BADGE_PROPS},
            {"displayName": "Chip", "description": "A chip.", "props": {}},
        ]
    }
    assert cli([str(write_metadata(project, metadata)), "widgets"]) == 0
    widgets = import_package(project / "widgets")
    assert widgets.__all__ == ["Badge", "Chip"]
    assert widgets.Badge._prop_names == ["tone", "count"]
    assert 'typing.Literal["info", "warn"]' in (project / "widgets" / "Badge.py").read_text()
    with pytest.raises(TypeError, match="count"):
        widgets.Badge(tone="info")


def test_ignore_skips_components_by_name_or_file_name(project):
    metadata = docgen5(Button=BUTTON_PROPS, Internal={}, _Helper={})
    metadata["src/lib/components/_private.js"] = {"displayName": "Visible", "props": {}}
    path = write_metadata(project, metadata)

    assert cli([str(path), "widgets"]) == 0
    assert sorted(p.stem for p in (project / "widgets").glob("[A-Z]*.py")) == ["Button", "Internal"]

    shutil.rmtree(project / "widgets")
    assert cli([str(path), "widgets", "--ignore", "^Int"]) == 0
    names = sorted(p.stem for p in (project / "widgets").glob("*.py"))
    assert names == ["Button", "Visible", "_Helper", "__init__", "_imports_"]


def test_keep_prop_order_leaves_metadata_order(project, import_package):
    path = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(path), "widgets", "-k", "Other,Button"]) == 0
    widgets = import_package(project / "widgets")
    assert widgets.Button._prop_names == ["label", "id", "variant", "n_clicks", "icon", "children"]


def test_max_props_limits_the_signature_not_the_props(project, import_package):
    path = write_metadata(project, docgen5(Button=BUTTON_PROPS))
    assert cli([str(path), "widgets", "--max-props", "3"]) == 0
    widgets = import_package(project / "widgets")

    parameters = inspect.signature(widgets.Button).parameters
    assert [name for name in parameters if name != "kwargs"] == ["children", "id", "label"]
    button = widgets.Button(label="x", icon="*", variant="ghost")
    assert button.to_plotly_json()["props"] == {
        "children": None,
        "label": "x",
        "icon": "*",
        "variant": "ghost",
    }


def test_source_folder_without_react_docgen_explains_how_to_make_the_json(
    tmp_path, monkeypatch, capsys
):
    sources = tmp_path / "src" / "lib" / "components"
    sources.mkdir(parents=True)
    (sources / "Button.react.js").write_text("export default function Button() {}")
    monkeypatch.chdir(tmp_path)
    assert cli([str(sources), "widgets"]) == 2
    err = capsys.readouterr().err
    assert "react-docgen is not installed locally" in err
    assert "npm install --save-dev react-docgen" in err
    assert "--out metadata.json" in err
    assert "dash-generate-components metadata.json" in err


@pytest.mark.skipif(os.name == "nt", reason="the fake react-docgen is a POSIX shell script")
def test_source_folder_runs_the_locally_installed_react_docgen(project, import_package):
    sources = project / "src" / "lib" / "components"
    sources.mkdir(parents=True)
    calls = project / "calls.txt"
    output = json.dumps(
        {
            str(sources / "Button.react.js"): [
                {"displayName": "Button", "description": "", "props": BUTTON_PROPS}
            ]
        }
    )
    fake = project / "node_modules" / ".bin" / "react-docgen"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        'if [ "$1" = "--version" ]; then echo 7.1.0; exit 0; fi\n'
        'while [ "$#" -gt 0 ]; do\n'
        f'  if [ "$1" = "--out" ]; then printf \'%s\' \'{output}\' > "$2"; fi\n'
        "  shift\n"
        "done\n"
    )
    fake.chmod(0o755)

    assert cli([str(sources), "widgets"]) == 0
    widgets = import_package(project / "widgets")
    assert widgets.__all__ == ["Button"]
    parse_call = calls.read_text().splitlines()[-1]
    assert re.fullmatch(
        rf"parse {re.escape(str(sources))}/\*\*/\*\.\{{js,jsx,ts,tsx\}} --out .+", parse_call
    )


def test_bad_names_are_reported_without_a_traceback(project, capsys):
    path = write_metadata(project, {"src/a.js": {"displayName": "my-button", "props": {}}})
    assert cli([str(path), "widgets"]) == 2
    assert "'my-button', which is not a valid Python class name" in capsys.readouterr().err
    assert cli([str(path), "my-widgets"]) == 2
    assert "not a valid Python package name" in capsys.readouterr().err


def test_generated_package_is_served_by_an_app(project, import_package, make_app):
    package = project / "widgets"
    package.mkdir()
    (package / "widgets.min.js").write_text("window.widgets = {Button: function () {}};")
    assert cli([str(write_metadata(project, docgen5(Button=BUTTON_PROPS))), "widgets"]) == 0
    widgets = import_package(package)

    app = make_app(html.Div(widgets.Button(label="Save", id="save")))
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    match = re.search(r'src="/(_dash-component-suites/widgets/widgets\.v1_2_3m\d+\.min\.js)"', page)
    assert match is not None
    script = client.get("/" + match.group(1))
    assert script.status_code == 200
    assert script.get_data(as_text=True).startswith("window.widgets")


def test_committed_fixture_package_matches_the_generator(tmp_path):
    package = tmp_path / "my_components"
    package.mkdir()
    shutil.copy(FIXTURE_ROOT / "my_components" / "my_components.js", package)
    status = cli(
        [
            str(FIXTURE_ROOT / "metadata.json"),
            "my_components",
            "-p",
            str(FIXTURE_ROOT / "package.json"),
            "-o",
            str(package),
        ]
    )
    assert status == 0
    for name in ("Counter.py", "_imports_.py", "__init__.py"):
        committed = (FIXTURE_ROOT / "my_components" / name).read_text()
        assert (package / name).read_text() == committed, (
            f"tests/fixtures/my_components/my_components/{name} is out of date: run "
            "`dash-generate-components metadata.json my_components` in tests/fixtures/my_components"
        )

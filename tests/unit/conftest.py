"""Shared fixtures of the unit tests: app construction, a clean environment, a fake
component library on disk."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dash import _callback
from dash.dash import Dash
from dash.development.base_component import ComponentRegistry

_ENV_PREFIXES = ("DASH_", "dash_")
_ENV_NAMES = ("HOST", "PORT", "host", "port", "CONDA_PREFIX")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No DASH_* / HOST / PORT variables from the machine running the tests."""
    for name in list(os.environ):
        if name.startswith(_ENV_PREFIXES) or name in _ENV_NAMES:
            monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def isolated_callbacks() -> Iterator[None]:
    """Empty `dash.callback` containers during the test, restored afterwards.

    An app takes the global callbacks on its first request; saving them keeps other
    test modules' module-level registrations intact.
    """
    containers = (
        _callback.GLOBAL_CALLBACK_LIST,
        _callback.GLOBAL_CALLBACK_MAP,
        _callback.GLOBAL_INLINE_SCRIPTS,
    )
    saved = [container.copy() for container in containers]
    for container in containers:
        container.clear()
    yield
    for container, content in zip(containers, saved, strict=True):
        container.clear()
        if isinstance(container, dict):
            container.update(content)
        else:
            container.extend(content)


@pytest.fixture
def make_app(clean_env: pytest.MonkeyPatch, isolated_callbacks: None) -> Callable[..., Dash]:
    """Build a Dash app (named after this test package) with an optional layout."""

    def factory(layout: Any = None, **kwargs: Any) -> Dash:
        kwargs.setdefault("name", __name__)
        app = Dash(**kwargs)
        if layout is not None:
            app.layout = layout
        return app

    return factory


FAKE_LIBRARY = "fake_dash_library"


@pytest.fixture
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """An importable component package `fake_dash_library` with JS, CSS and map files.

    Its registration in `ComponentRegistry` and the import are undone afterwards.
    """
    package = tmp_path_factory.mktemp("site") / FAKE_LIBRARY
    (package / "sub").mkdir(parents=True)
    (package / "lib.min.js").write_text("window.fake_dash_library = {};")
    (package / "lib.min.js.map").write_text("{}")
    (package / "sub" / "chunk.js").write_text("/* async chunk */")
    (package / "style.css").write_text("body { color: red; }")
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            from dash.development.base_component import Component

            __version__ = "1.2.3+local"
            _js_dist = [
                {"relative_package_path": "lib.min.js", "namespace": "fake_dash_library",
                 "external_url": "https://cdn.example.com/lib.min.js"},
                {"relative_package_path": "sub/chunk.js", "namespace": "fake_dash_library",
                 "async": True},
                {"relative_package_path": "lib.min.js.map", "namespace": "fake_dash_library",
                 "dynamic": True},
                {"relative_package_path": "never-shipped.js", "namespace": "fake_dash_library",
                 "async": True},
            ]
            _css_dist = [
                {"relative_package_path": "style.css", "namespace": "fake_dash_library"},
            ]


            class Widget(Component):
                _namespace = "fake_dash_library"
                _type = "Widget"
                _children_props = ["label"]
                _prop_names = ["id", "label"]
                _base_nodes = ["label", "children"]
                _valid_wildcard_attributes = []

                def __init__(self, id=None, label=None, **kwargs):
                    explicit = {k: v for k, v in (("id", id), ("label", label)) if v is not None}
                    super().__init__(**explicit)
            """
        )
    )
    sys.path.insert(0, str(package.parent))
    try:
        import fake_dash_library  # type: ignore[import-not-found]

        yield fake_dash_library
    finally:
        sys.path.remove(str(package.parent))
        sys.modules.pop(FAKE_LIBRARY, None)
        ComponentRegistry.registry.discard(FAKE_LIBRARY)
        ComponentRegistry.children_props.pop(FAKE_LIBRARY, None)
        ComponentRegistry.namespace_to_package.pop(FAKE_LIBRARY, None)

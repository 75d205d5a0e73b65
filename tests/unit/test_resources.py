"""Component-suite resources: filtering rules, fingerprints, registered paths, get_dist."""

from __future__ import annotations

import os

import pytest

from dash import __version__, html
from dash.exceptions import ResourceException
from dash.resources import (
    SuiteRegistry,
    build_fingerprint,
    check_fingerprint,
    filter_resources,
    library_resources,
    react_resources,
)

dash_version = __version__.replace(".", "_").replace("+", "_")

# ---------------------------------------------------------------------- fingerprints


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "dash-renderer/build/dash_renderer.min.js",
            "dash-renderer/build/dash_renderer.v4_4_1m1795673215.min.js",
        ),
        ("deps/react@18.3.1.min.js", "deps/react@18.v4_4_1m1795673215.3.1.min.js"),
        ("bundle.js", "bundle.v4_4_1m1795673215.js"),
    ],
)
def test_fingerprint_goes_after_the_first_dot(path, expected):
    assert build_fingerprint(path, "4.4.1", 1795673215) == expected


def test_fingerprint_sanitises_the_version():
    assert build_fingerprint("a.js", "1.0.0+next rc", 7) == "a.v1_0_0_next_rcm7.js"


@pytest.mark.parametrize(
    "path",
    [
        "dash-renderer/build/dash_renderer.min.js",
        "deps/react@18.3.1.min.js",
        "_components/dash_bootstrap_components.min.js",
        "bundle.js",
    ],
)
def test_check_fingerprint_undoes_build_fingerprint(path):
    assert check_fingerprint(build_fingerprint(path, "2.0.4", 123)) == (path, True)


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("async-colorpicker.v0_5_1m1634839366.js", ("async-colorpicker.js", True)),
        ("dir/x.vABC-1_2m0af.min.js", ("dir/x.min.js", True)),
        ("dash_renderer.min.js", ("dash_renderer.min.js", False)),
        ("lib.v1m2", ("lib.v1m2", False)),
        ("lib.vxmZZ.js", ("lib.vxmZZ.js", False)),
    ],
)
def test_check_fingerprint_checks_shape_only(requested, expected):
    assert check_fingerprint(requested) == expected


# ------------------------------------------------------------------------- filtering


def _entry(**extra):
    return {"relative_package_path": "a.js", "namespace": "pkg", **extra}


def test_async_and_dynamic_together_are_rejected():
    with pytest.raises(ResourceException, match="async"):
        filter_resources([_entry(dynamic=True, **{"async": True})])


@pytest.mark.parametrize(
    ("mode", "eager", "dynamic"),
    [
        (True, False, True),
        (True, True, False),
        ("eager", False, True),
        ("eager", True, False),
        ("lazy", True, True),
    ],
)
def test_async_entries_become_dynamic_unless_eager(mode, eager, dynamic):
    [resource] = filter_resources([_entry(**{"async": mode})], eager_loading=eager)
    assert resource.dynamic is dynamic
    assert resource.is_async


def test_css_is_always_eager():
    [resource] = filter_resources([_entry(**{"async": True})], is_css=True)
    assert resource.dynamic is False


def test_external_url_when_not_serving_locally_or_external_only():
    entry = _entry(external_url="https://cdn/a.js")
    assert filter_resources([entry])[0].local_paths == ("a.js",)
    assert filter_resources([entry], serve_locally=False)[0].external_urls == ("https://cdn/a.js",)
    only = _entry(external_url=["https://cdn/a.js", "https://cdn/b.js"], external_only=True)
    assert filter_resources([only])[0].external_urls == ("https://cdn/a.js", "https://cdn/b.js")


def test_dev_bundles_use_dev_package_path_and_dev_only_entries():
    entries = [
        _entry(dev_package_path="a.dev.js"),
        _entry(relative_package_path="p.js", dev_only=True),
    ]
    assert [r.local_paths for r in filter_resources(entries)] == [("a.js",)]
    dev = filter_resources(entries, dev_bundles=True)
    assert [r.local_paths for r in dev] == [("a.dev.js",), ("p.js",)]


def test_entries_without_a_source():
    with pytest.warns(UserWarning, match="Skipping"):
        assert filter_resources([{"namespace": "pkg"}]) == []
    with pytest.raises(ResourceException, match="neither"):
        filter_resources([{"namespace": "pkg"}], serve_locally=False)
    with pytest.raises(ResourceException, match="absolute_path"):
        filter_resources([{"absolute_path": "/x.js", "namespace": "pkg"}])


def test_local_entry_needs_a_namespace():
    with pytest.raises(ResourceException, match="namespace"):
        filter_resources([{"relative_package_path": "a.js"}])


def test_attributes_are_kept():
    [resource] = filter_resources([_entry(attributes={"crossorigin": "anonymous"})])
    assert resource.attributes == {"crossorigin": "anonymous"}


def test_react_resources_switch_to_development_builds():
    prod = [entry["relative_package_path"] for entry in react_resources(False)]
    dev = [entry["relative_package_path"] for entry in react_resources(True)]
    assert prod == [
        "deps/polyfill@7.12.1.min.js",
        "deps/react@18.3.1.min.js",
        "deps/react-dom@18.3.1.min.js",
        "deps/prop-types@15.8.1.min.js",
    ]
    assert dev == [path.replace(".min.js", ".js") for path in prod]


# ------------------------------------------------------------------------ registry


def test_collect_registers_every_local_path_but_tags_only_static_ones(fake_library):
    registry = SuiteRegistry("/app/")
    resources = filter_resources(library_resources("_js_dist", [fake_library.__name__]))
    tags = registry.collect(resources)
    directory = os.path.dirname(fake_library.__file__)
    mtime = int(os.stat(os.path.join(directory, "lib.min.js")).st_mtime)
    assert tags == [
        (f"/app/_dash-component-suites/fake_dash_library/lib.v1_2_3_localm{mtime}.min.js", {})
    ]
    assert registry.registered_paths["fake_dash_library"] == {
        "lib.min.js",
        "sub/chunk.js",
        "lib.min.js.map",
        "never-shipped.js",
    }
    assert registry.is_registered("fake_dash_library", "sub/chunk.js")
    assert not registry.is_registered("fake_dash_library", "other.js")


def test_files_are_not_stated_when_registered(fake_library, monkeypatch):
    registry = SuiteRegistry("/")
    stat_calls = []
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: stat_calls.append(args))
    resources = filter_resources(
        [
            {
                "relative_package_path": "never-shipped.js",
                "namespace": "fake_dash_library",
                "async": True,
            }
        ]
    )
    assert registry.collect(resources) == []
    assert stat_calls == []


def test_missing_file_or_version_gives_a_plain_url(fake_library, monkeypatch):
    registry = SuiteRegistry("/")
    assert registry.suite_url("fake_dash_library", "never-shipped.js") == (
        "/_dash-component-suites/fake_dash_library/never-shipped.js"
    )
    monkeypatch.delattr(fake_library, "__version__")
    assert registry.suite_url("fake_dash_library", "lib.min.js") == (
        "/_dash-component-suites/fake_dash_library/lib.min.js"
    )


def test_dash_suite_files_use_the_sub_package_version(monkeypatch):
    monkeypatch.setattr(html, "__version__", "9.9.9")
    registry = SuiteRegistry("/")
    monkeypatch.setattr(registry, "_mtime", lambda namespace, path: 5)
    assert registry.suite_url("dash", "html/x.min.js") == (
        "/_dash-component-suites/dash/html/x.v9_9_9m5.min.js"
    )
    assert registry.suite_url("dash", "deps/react@18.3.1.min.js") == (
        f"/_dash-component-suites/dash/deps/react@18.v{dash_version}m5.3.1.min.js"
    )


def test_get_dist_excludes_async_entries(make_app, fake_library):
    app = make_app()
    dist = app.get_dist([fake_library.__name__])
    assert [item["type"] for item in dist] == ["_js_dist", "_css_dist"]
    assert "lib.v1_2_3_local" in dist[0]["url"] and dist[0]["url"].endswith(".min.js")
    assert "style.v1_2_3_local" in dist[1]["url"]
    assert app.registered_paths["fake_dash_library"] >= {"lib.min.js", "style.css"}


def test_get_dist_uses_external_urls_when_not_serving_locally(make_app, fake_library):
    app = make_app(serve_locally=False)
    dist = app.get_dist([fake_library.__name__])
    assert dist[0] == {"type": "_js_dist", "url": "https://cdn.example.com/lib.min.js"}

"""Path helpers: get_asset_url, get_relative_path, strip_relative_path (app and module level)."""

from __future__ import annotations

import pytest

import dash
from dash._get_paths import app_get_relative_path, app_strip_relative_path
from dash.exceptions import UnsupportedRelativePath


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, "/assets/logo.png"),
        ({"requests_pathname_prefix": "/my-app/"}, "/my-app/assets/logo.png"),
        ({"url_base_pathname": "/base/"}, "/base/assets/logo.png"),
        ({"assets_url_path": "static"}, "/static/logo.png"),
        (
            {"assets_external_path": "https://cdn.example.com/"},
            "https://cdn.example.com/assets/logo.png",
        ),
    ],
)
def test_get_asset_url(make_app, arguments, expected):
    assert make_app(**arguments).get_asset_url("logo.png") == expected


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("/", "", "/"),
        ("/my-app/", "", "/my-app/"),
        ("/", "/page", "/page"),
        ("/my-app/", "/page", "/my-app/page"),
        ("/my-app/", "/page/", "/my-app/page/"),
        ("/", "//x", "/x"),
        ("/my-app/", "/", "/my-app/"),
    ],
)
def test_get_relative_path_table(prefix, path, expected):
    assert app_get_relative_path(prefix, path) == expected


def test_get_relative_path_needs_a_leading_slash():
    with pytest.raises(UnsupportedRelativePath, match="'/page'"):
        app_get_relative_path("/my-app/", "page")


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("/my-app/", None, None),
        ("/my-app/", "/my-app/page/sub/", "page/sub"),
        ("/my-app/", "/my-app", ""),
        ("/my-app/", "/my-app/", ""),
        ("/my-app/", "/my-apple/x", "le/x"),
        ("/", "/page-1/", "page-1"),
        ("/", "/", ""),
    ],
)
def test_strip_relative_path_table(prefix, path, expected):
    assert app_strip_relative_path(prefix, path) == expected


@pytest.mark.parametrize(
    ("prefix", "path"), [("/my-app/", "/other/x"), ("/", "page"), ("/", ""), ("/my-app/", "")]
)
def test_strip_relative_path_rejects_foreign_paths(prefix, path):
    with pytest.raises(UnsupportedRelativePath):
        app_strip_relative_path(prefix, path)


def test_app_methods_use_requests_prefix(make_app):
    app = make_app(routes_pathname_prefix="/r/", requests_pathname_prefix="/proxy/r/")
    assert app.get_relative_path("/page") == "/proxy/r/page"
    assert app.strip_relative_path("/proxy/r/page/") == "page"


def test_module_level_helpers_use_the_latest_app(make_app):
    make_app(requests_pathname_prefix="/first/")
    make_app(requests_pathname_prefix="/latest/")
    assert dash.get_asset_url("a.css") == "/latest/assets/a.css"
    assert dash.get_relative_path("/page") == "/latest/page"
    assert dash.strip_relative_path("/latest/page") == "page"

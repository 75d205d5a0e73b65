"""The assets folder: which files load, in which order, under which URL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dash import html
from dash._assets import Asset, asset_src, walk_assets


def _touch(root: Path, *paths: str) -> None:
    for path in paths:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"/* {path} */")


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    folder = tmp_path / "assets"
    _touch(
        folder,
        "b.js",
        "a.css",
        "a.js",
        "mod.mjs",
        "logo.png",
        "sub/c.js",
        "sub/deeper/d.css",
        "sub-x/e.js",
        "favicon.ico",
        "sub/favicon.ico",
    )
    return folder


def _paths(items: list[Asset]) -> list[str]:
    return [item.path for item in items]


def test_walk_order_root_first_then_sorted_directories(assets):
    scan = walk_assets(str(assets))
    assert _paths(scan.scripts) == ["a.js", "b.js", "mod.mjs", "sub/c.js", "sub-x/e.js"]
    assert _paths(scan.stylesheets) == ["a.css", "sub/deeper/d.css"]


def test_last_favicon_found_wins(assets):
    assert walk_assets(str(assets)).favicon.path == "sub/favicon.ico"


def test_mjs_files_are_modules(assets):
    scan = walk_assets(str(assets))
    assert [item.path for item in scan.scripts if item.is_module] == ["mod.mjs"]


def test_assets_ignore_matches_file_names_only(assets):
    scan = walk_assets(str(assets), assets_ignore="^sub|b\\.js")
    # `sub` names directories, not files: their files still load.
    assert _paths(scan.scripts) == ["a.js", "mod.mjs", "sub/c.js", "sub-x/e.js"]


def test_assets_path_ignore_matches_any_directory_component(assets):
    scan = walk_assets(str(assets), assets_path_ignore=["^deeper$"])
    assert _paths(scan.stylesheets) == ["a.css"]
    scan = walk_assets(str(assets), assets_path_ignore=["^sub$"])
    assert _paths(scan.scripts) == ["a.js", "b.js", "mod.mjs", "sub-x/e.js"]
    assert _paths(scan.stylesheets) == ["a.css"]


def test_missing_folder_gives_empty_scan(tmp_path):
    scan = walk_assets(str(tmp_path / "nope"))
    assert scan.scripts == [] and scan.stylesheets == [] and scan.favicon is None


def test_asset_url_has_mtime_query(assets):
    asset = walk_assets(str(assets)).scripts[0]
    config = {"requests_pathname_prefix": "/app/", "assets_url_path": "assets"}
    assert asset_src(config, asset) == f"/app/assets/a.js?m={os.path.getmtime(assets / 'a.js')}"


def test_external_assets_without_local_serving_have_no_query(assets):
    asset = walk_assets(str(assets)).scripts[0]
    config = {
        "requests_pathname_prefix": "/",
        "assets_url_path": "assets",
        "assets_external_path": "https://cdn.example.com/",
        "serve_locally": False,
    }
    assert asset_src(config, asset) == "https://cdn.example.com/assets/a.js"


# ------------------------------------------------------------------ through the app


def test_page_loads_assets_in_walk_order(make_app, assets):
    app = make_app(layout=html.Div("x"), assets_folder=str(assets), assets_ignore="b\\.js")
    page = app.server.test_client().get("/").get_data(as_text=True)
    positions = [page.index(name) for name in ("/assets/a.js?m=", "/assets/sub/c.js?m=")]
    assert positions == sorted(positions)
    assert "/assets/b.js" not in page
    assert '<script src="/assets/mod.mjs?m=' in page and 'type="module"' in page
    assert '<link rel="stylesheet" href="/assets/a.css?m=' in page
    assert 'rel="icon" type="image/x-icon" href="/assets/sub/favicon.ico?m=' in page


def test_include_assets_files_false_loads_none_but_serves_them(make_app, assets):
    app = make_app(layout=html.Div("x"), assets_folder=str(assets), include_assets_files=False)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "/assets/" not in page
    assert client.get("/assets/a.js").status_code == 200


def test_ignored_assets_are_still_served(make_app, assets):
    app = make_app(layout=html.Div("x"), assets_folder=str(assets), assets_ignore=".*")
    response = app.server.test_client().get("/assets/b.js")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "/* b.js */"

"""Hot reload, server side: the file watcher and what `_reload-hash` tells the page."""

from __future__ import annotations

import gc
import os
import threading

import pytest

from dash import html
from dash._hot_reload import (
    DELETED,
    FileChange,
    ReloadState,
    Watcher,
    diff_mtimes,
    scan_mtimes,
)

# A poll interval long enough that the background thread never polls during a test:
# the tests poll synchronously with `watcher.check()`.
NEVER = 3600.0
EDITED = 2_000_000_000  # an mtime no file of the test has by accident


def _touch(path, text="x", mtime=EDITED):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, (mtime, mtime))


@pytest.fixture
def assets(tmp_path):
    folder = tmp_path / "assets"
    _touch(folder / "style.css", "body { color: red; }", 1_000_000_000)
    _touch(folder / "app.js", "console.log(1);", 1_000_000_000)
    return folder


@pytest.fixture
def reloading_app(make_app, assets):
    """An app with hot reload on (the background thread idle) and one page load done."""
    app = make_app(layout=html.Div("x"), assets_folder=str(assets))
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    app.server.test_client().get("/")
    yield app
    if app._hot_reload is not None:
        app._hot_reload.stop()


@pytest.fixture
def client(reloading_app):
    return reloading_app.server.test_client()


def _reload_hash(client):
    response = client.get("/_reload-hash")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def _check(app):
    return app._hot_reload.watcher.check()


# ----------------------------------------------------------------- pure scanning


def test_scan_reads_every_file_below_a_root_and_skips_caches(tmp_path):
    _touch(tmp_path / "a.css")
    _touch(tmp_path / "sub" / "b.js")
    _touch(tmp_path / "__pycache__" / "c.cpython-311.pyc")
    _touch(tmp_path / "d.pyc")
    _touch(tmp_path / ".e.css.swp")
    _touch(tmp_path / "f.css~")
    assert scan_mtimes(str(tmp_path)) == {
        str(tmp_path / "a.css"): EDITED,
        str(tmp_path / "sub" / "b.js"): EDITED,
    }


def test_scan_of_a_single_file_and_of_a_missing_root(tmp_path):
    _touch(tmp_path / "a.txt")
    assert scan_mtimes(str(tmp_path / "a.txt")) == {str(tmp_path / "a.txt"): EDITED}
    assert scan_mtimes(str(tmp_path / "missing")) == {}


def test_diff_reports_added_modified_and_deleted_files_in_path_order():
    before = {"/a": 1.0, "/b": 1.0, "/c": 1.0}
    after = {"/a": 1.0, "/b": 2.0, "/d": 3.0}
    assert diff_mtimes(before, after) == [
        FileChange("/b", 2.0),
        FileChange("/c", DELETED),
        FileChange("/d", 3.0),
    ]
    assert FileChange("/c", DELETED).deleted and not FileChange("/b", 2.0).deleted
    assert diff_mtimes(after, dict(after)) == []


def test_reload_state_delivers_each_change_once():
    state = ReloadState()
    first = state.answer(["dash"])
    assert first == {
        "files": [],
        "hard": False,
        "packages": ["dash"],
        "reloadHash": first["reloadHash"],
    }
    assert len(first["reloadHash"]) == 32
    state.record([{"url": "/assets/a.css", "modified": 5, "is_css": True}])
    state.record([{"url": "/assets/b.js", "modified": 6, "is_css": False}])
    second = state.answer(["dash"])
    assert second["hard"] is True and second["reloadHash"] != first["reloadHash"]
    assert [entry["url"] for entry in second["files"]] == ["/assets/a.css", "/assets/b.js"]
    third = state.answer(["dash"])
    assert third["hard"] is False and third["files"] == []
    assert third["reloadHash"] == second["reloadHash"]


# ------------------------------------------------------------------------ watcher


def test_watcher_new_roots_only_set_a_baseline(tmp_path):
    roots = [str(tmp_path / "one")]
    _touch(tmp_path / "one" / "a.css")
    _touch(tmp_path / "two" / "b.css")
    reported = []
    watcher = Watcher(lambda: roots, reported.append, NEVER)
    assert watcher.check() == []
    roots.append(str(tmp_path / "two"))
    assert watcher.check() == []  # the new root's files are not "changes"
    _touch(tmp_path / "two" / "b.css", mtime=EDITED + 1)
    assert watcher.check() == [FileChange(str(tmp_path / "two" / "b.css"), EDITED + 1)]
    assert len(reported) == 1


def test_watcher_thread_reports_changes_and_stops_cleanly(tmp_path):
    _touch(tmp_path / "a.css")
    seen = threading.Event()
    watcher = Watcher(lambda: [str(tmp_path)], lambda changes: seen.set(), interval=0.01)
    watcher.start()
    try:
        assert watcher.running
        _touch(tmp_path / "a.css", mtime=EDITED + 1)
        assert seen.wait(10), "the watcher thread never reported the change"
    finally:
        watcher.stop()
    assert not watcher.running
    watcher.stop()  # stopping twice is harmless


def test_watcher_survives_errors_in_its_callback(tmp_path):
    _touch(tmp_path / "a.css")
    calls = []

    def explode(changes):
        calls.append(changes)
        if len(calls) == 1:
            raise RuntimeError("boom")

    watcher = Watcher(lambda: [str(tmp_path)], explode, interval=0.01)
    watcher.start()
    try:
        _touch(tmp_path / "a.css", mtime=EDITED + 1)
        _wait_for(lambda: len(calls) >= 1)
        _touch(tmp_path / "a.css", mtime=EDITED + 2)
        _wait_for(lambda: len(calls) >= 2)
        assert watcher.running
    finally:
        watcher.stop()


def _wait_for(condition):
    done = threading.Event()
    for _ in range(1000):
        if condition():
            return
        done.wait(0.01)
    raise AssertionError("condition never became true")


# ------------------------------------------------------------- `_reload-hash` route


def test_reload_hash_without_hot_reload_has_no_hash(make_app):
    app = make_app(layout=html.Div("x"))
    payload = app.server.test_client().get("/_reload-hash").get_json()
    assert payload["reloadHash"] is None and payload["hard"] is False
    assert payload["files"] == [] and "dash" in payload["packages"]
    assert app._hot_reload is None


def test_reload_hash_before_any_change(client):
    payload = _reload_hash(client)
    assert payload["hard"] is False and payload["files"] == []
    assert len(payload["reloadHash"]) == 32
    assert "dash" in payload["packages"]
    assert _reload_hash(client)["reloadHash"] == payload["reloadHash"]


def test_css_change_is_reported_once_with_a_new_hash(reloading_app, client, assets):
    before = _reload_hash(client)["reloadHash"]
    _touch(assets / "style.css", "body { color: blue; }")
    _check(reloading_app)
    payload = _reload_hash(client)
    assert payload["hard"] is True
    assert payload["reloadHash"] != before
    assert payload["files"] == [{"url": "/assets/style.css", "modified": EDITED, "is_css": True}]
    after = _reload_hash(client)
    assert after["hard"] is False and after["files"] == []
    assert after["reloadHash"] == payload["reloadHash"]


def test_js_change_is_not_css(reloading_app, client, assets):
    _touch(assets / "app.js", "console.log(2);")
    _check(reloading_app)
    assert _reload_hash(client)["files"] == [
        {"url": "/assets/app.js", "modified": EDITED, "is_css": False}
    ]


def test_deleted_asset_is_reported_with_modified_minus_one(reloading_app, client, assets):
    (assets / "style.css").unlink()
    _check(reloading_app)
    payload = _reload_hash(client)
    assert payload["hard"] is True
    assert payload["files"] == [{"url": "/assets/style.css", "modified": -1, "is_css": True}]


def test_new_and_deleted_assets_update_the_page(reloading_app, client, assets):
    _touch(assets / "sub" / "extra.css")
    _touch(assets / "late.js")
    (assets / "app.js").unlink()
    _check(reloading_app)
    page = client.get("/").get_data(as_text=True)
    assert f'href="/assets/sub/extra.css?m={float(EDITED)}"' in page
    assert f'src="/assets/late.js?m={float(EDITED)}"' in page
    assert "/assets/app.js" not in page
    files = {entry["url"]: entry["modified"] for entry in _reload_hash(client)["files"]}
    assert files == {
        "/assets/app.js": -1,
        "/assets/late.js": EDITED,
        "/assets/sub/extra.css": EDITED,
    }


def test_asset_urls_use_the_requests_prefix(make_app, assets):
    app = make_app(
        layout=html.Div("x"), assets_folder=str(assets), requests_pathname_prefix="/proxy/"
    )
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    try:
        _touch(assets / "style.css", "p {}")
        _check(app)
        payload = app.server.test_client().get("/_reload-hash").get_json()
        assert payload["files"][0]["url"] == "/proxy/assets/style.css"
    finally:
        app._hot_reload.stop()


def test_component_package_change_is_hard_and_refreshes_fingerprints(
    make_app, assets, fake_library
):
    from dash.resources import package_directory

    app = make_app(layout=html.Div("x"), assets_folder=str(assets))
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    client = app.server.test_client()
    try:
        client.get("/")
        bundle = os.path.join(package_directory("fake_dash_library"), "lib.min.js")
        os.utime(bundle, (EDITED, EDITED))
        _check(app)
        payload = client.get("/_reload-hash").get_json()
        assert payload["hard"] is True and payload["files"] == []
        assert "fake_dash_library" in payload["packages"]
        assert f"/lib.v1_2_3_localm{EDITED}.min.js" in client.get("/").get_data(as_text=True)
    finally:
        app._hot_reload.stop()


def test_extra_hot_reload_paths_are_watched(make_app, assets, tmp_path):
    data = tmp_path / "data"
    _touch(data / "table.csv", "a,b")
    app = make_app(
        layout=html.Div("x"), assets_folder=str(assets), extra_hot_reload_paths=[str(data)]
    )
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    try:
        _touch(data / "table.csv", "a,b,c", EDITED + 5)
        assert _check(app) == [FileChange(str(data / "table.csv"), EDITED + 5)]
        payload = app.server.test_client().get("/_reload-hash").get_json()
        assert payload["hard"] is True and payload["files"] == []
    finally:
        app._hot_reload.stop()


# ---------------------------------------------------------------- watcher lifetime


def test_turning_hot_reload_off_stops_the_watcher(reloading_app):
    watcher = reloading_app._hot_reload.watcher
    assert watcher.running
    reloading_app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    assert not watcher.running
    assert reloading_app._hot_reload is None
    payload = reloading_app.server.test_client().get("/_reload-hash").get_json()
    assert payload["reloadHash"] is None


def test_enabling_again_replaces_the_watcher(reloading_app):
    first = reloading_app._hot_reload
    reloading_app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    assert not first.watcher.running
    assert reloading_app._hot_reload is not first and reloading_app._hot_reload.watcher.running


def test_watch_interval_comes_from_the_environment(make_app, clean_env):
    clean_env.setenv("DASH_HOT_RELOAD_WATCH_INTERVAL", "1234")
    app = make_app(layout=html.Div("x"))
    app.enable_dev_tools(debug=True)
    try:
        assert app._hot_reload.watcher.interval == 1234.0
    finally:
        app._hot_reload.stop()


def test_a_discarded_app_stops_its_watcher(make_app):
    app = make_app(layout=html.Div("x"))
    app.enable_dev_tools(debug=True, dev_tools_hot_reload_watch_interval=NEVER)
    watcher = app._hot_reload.watcher
    assert watcher.running
    del app
    make_app()  # dash.get_app() now returns this one: nothing refers to the first app
    gc.collect()
    _wait_for(lambda: not watcher.running)

"""The dash.testing plugin itself, checked against a small hand-written Flask page.

The page imitates a Dash page: `#react-entry-point` first shows the
`._dash-loading` placeholder, then a script replaces it with a button and an
output, as the renderer would after hydration.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest
from flask import Flask

from dash.testing.application_runners import ThreadedRunner
from dash.testing.errors import DashAppLoadingError, TestingTimeoutError

pytestmark = pytest.mark.browser

FAKE_DASH_PAGE = """<!DOCTYPE html>
<html><head><title>fake dash</title>
<style>#out { color: rgb(0, 128, 0); }</style></head>
<body>
<div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>
<script>
  setTimeout(function () {
    var entry = document.getElementById("react-entry-point");
    entry.innerHTML =
      '<button id="btn">click</button><div id="out">0 clicks</div>' +
      '<span class="spinner">busy</span>';
    var clicks = 0;
    document.getElementById("btn").addEventListener("click", function () {
      clicks += 1;
      document.getElementById("out").textContent = clicks + " clicks";
      if (clicks === 2) { document.querySelector(".spinner").remove(); }
    });
  }, 300);
</script>
</body></html>"""

NEVER_LOADS_PAGE = """<!DOCTYPE html><html><body>
<div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>
<script>console.error("renderer exploded");</script>
</body></html>"""


def make_fake_app(page: str = FAKE_DASH_PAGE) -> Flask:
    app = Flask(__name__)

    @app.route("/")
    def index() -> str:
        return page

    return app


def test_thread_server_frees_its_port_for_the_next_app() -> None:
    for greeting in ("first", "second"):
        app = Flask(__name__)
        app.add_url_rule("/", "index", lambda greeting=greeting: greeting)
        with ThreadedRunner() as runner:
            runner.start(app)
            assert runner.url == "http://127.0.0.1:8050"
            with urllib.request.urlopen(runner.url, timeout=5) as response:
                assert response.read().decode() == greeting
        assert not ThreadedRunner.accessible("http://127.0.0.1:8050")


def test_busy_port_gives_a_clear_error() -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        with ThreadedRunner() as runner, pytest.raises(DashAppLoadingError, match="in use"):
            runner.start(make_fake_app(), port=port)
    finally:
        blocker.close()


def test_unknown_server_option_is_rejected() -> None:
    with ThreadedRunner() as runner, pytest.raises(TypeError, match="colour"):
        runner.start(make_fake_app(), colour="blue")


def test_duo_waits_for_the_app_then_drives_it(dash_duo) -> None:
    dash_duo.start_server(make_fake_app())

    # start_server returned only after the placeholder was replaced.
    assert dash_duo.find_element("#out").text == "0 clicks"
    dash_duo.multiple_click("#btn", 3)
    dash_duo.wait_for_text_to_equal("#out", "3 clicks")
    dash_duo.wait_for_contains_text("#out", "clicks")
    dash_duo.wait_for_style_to_equal("#out", "color", "rgba(0, 128, 0, 1)")
    dash_duo.wait_for_no_elements(".spinner")
    assert dash_duo.wait_for_element_by_id("btn").text == "click"
    assert len(dash_duo.find_elements("button")) == 1
    # The page has no favicon: Chromium's 404 for it is not counted as an error.
    assert dash_duo.get_logs() == []


def test_get_logs_reports_console_errors_once(dash_duo) -> None:
    dash_duo.start_server(make_fake_app())
    dash_duo.driver.execute_script("console.error('boom from the app');")
    dash_duo.driver.execute_script("console.log('just chatter');")

    logs = _wait_for_logs(dash_duo)
    assert [entry["level"] for entry in logs] == ["SEVERE"]
    assert "boom from the app" in logs[0]["message"]
    assert {"level", "message", "timestamp"} <= set(logs[0])
    assert dash_duo.get_logs() == []

    dash_duo.driver.execute_script("console.error('ignored');")
    dash_duo.reset_log_timestamp()
    assert dash_duo.get_logs() == []


def _wait_for_logs(dash_duo) -> list[dict]:
    found: list[dict] = []

    def has_logs() -> bool:
        found.extend(dash_duo.get_logs())
        return bool(found)

    from dash.testing.wait import until

    until(has_logs, timeout=5)
    return found


def test_timeout_message_says_what_was_seen(dash_duo) -> None:
    dash_duo.start_server(make_fake_app())
    with pytest.raises(TestingTimeoutError, match="'0 clicks'"):
        dash_duo.wait_for_text_to_equal("#out", "7 clicks", timeout=0.5)
    with pytest.raises(TestingTimeoutError, match="#nothing"):
        dash_duo.wait_for_element("#nothing", timeout=0.5)


def test_page_that_never_hydrates_fails_with_console_errors(dash_duo) -> None:
    dash_duo.wait_timeout = 2
    with pytest.raises(DashAppLoadingError, match="renderer exploded"):
        dash_duo.start_server(make_fake_app(NEVER_LOADS_PAGE))


def test_snapshot_and_console_log_files(dash_duo, tmp_path: Path) -> None:
    dash_duo.start_server(make_fake_app())
    dash_duo.driver.execute_script("console.warn('keep me in the log');")
    picture = dash_duo.take_snapshot("snap[param]")
    assert picture.name == "snap_param.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    log_file = dash_duo.save_logs("snap[param]")
    assert "keep me in the log" in log_file.read_text()


def test_failed_browser_test_leaves_artifacts(tmp_path: Path) -> None:
    test_file = tmp_path / "test_fails.py"
    test_file.write_text(
        textwrap.dedent(
            """
            from flask import Flask

            def test_fails(dash_duo):
                app = Flask(__name__)
                app.add_url_rule(
                    "/", "index",
                    lambda: '<div id="react-entry-point"></div>'
                    '<script>console.error("seen in the log")</script>',
                )
                dash_duo.start_server(app)
                assert False, "deliberate failure"
            """
        )
    )
    artifacts = tmp_path / "artifacts"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(test_file),
            f"--dash-artifacts={artifacts}",
            f"--rootdir={tmp_path}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "deliberate failure" in result.stdout
    assert (artifacts / "test_fails.png").is_file()
    assert "seen in the log" in (artifacts / "test_fails.console.log").read_text()
    assert "dash artifacts" in result.stdout


def test_missing_chromium_is_reported_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    from dash.testing.browser import Browser
    from dash.testing.errors import InvalidDriverError

    monkeypatch.setenv("DASH_TEST_CHROMEPATH", "/nowhere/chromium")
    with pytest.raises(InvalidDriverError, match="apt-get install chromium"):
        Browser()


def test_import_app_runs_a_script_and_finds_its_app(tmp_path: Path) -> None:
    from dash.testing.application_runners import import_app
    from dash.testing.errors import NoAppFoundError

    script = tmp_path / "tiny_app.py"
    script.write_text("from flask import Flask\nserver = Flask(__name__)\n")
    assert import_app(str(script), application_name="server").name.endswith("tiny_app")
    with pytest.raises(NoAppFoundError, match="'app'"):
        import_app(str(script))

"""Background callbacks in Chromium with `DiskcacheManager`: progress shown while the job runs,
buttons switched through `running`, a Cancel button that kills the job's process, results served
from the cache with `cache_by`, and the example app."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dash import Dash, Input, Output, State, dcc, html
from dash.testing.application_runners import import_app
from dash.testing.wait import until

diskcache = pytest.importorskip("diskcache")
psutil = pytest.importorskip("psutil")
pytest.importorskip("multiprocess")

from dash.background_callback import DiskcacheManager  # noqa: E402
from dash.background_callback.managers import diskcache_manager  # noqa: E402

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
JOB_DEADLINE = 30.0  # seconds a job waits for its gate; never reached when things work


@pytest.fixture(autouse=True)
def _no_leftover_jobs():
    """Kill job processes a failing test left behind."""
    yield
    for pid, process in list(diskcache_manager._started.items()):
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        diskcache_manager._started.pop(pid, None)


@pytest.fixture
def manager(tmp_path):
    return DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))


def wait_for_file(path: Path) -> None:
    """Block the job until the test creates `path`."""
    deadline = time.monotonic() + JOB_DEADLINE
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def process_gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def job_app(manager: DiskcacheManager, folder: Path) -> Dash:
    """A two-step job: progress 1 of 2, wait for the `gate` file, progress 2 of 2, result."""
    app = Dash(__name__, background_callback_manager=manager)
    app.layout = html.Div(
        [
            html.Button("Run", id="run"),
            html.Button("Cancel", id="cancel", disabled=True),
            html.Progress(id="bar", value="0", max="2"),
            html.Div("idle", id="status"),
            html.Div(id="result"),
        ]
    )
    gate = folder / "gate"
    pid_file = folder / "pid"

    @app.callback(
        Output("result", "children"),
        Input("run", "n_clicks"),
        background=True,
        prevent_initial_call=True,
        interval=100,
        progress=[Output("bar", "value"), Output("status", "children")],
        progress_default=["0", "idle"],
        running=[
            (Output("run", "disabled"), True, False),
            (Output("cancel", "disabled"), False, True),
        ],
        cancel=[Input("cancel", "n_clicks")],
    )
    def job(set_progress, n_clicks):
        pid_file.write_text(str(os.getpid()))
        set_progress(("1", "step 1 of 2"))
        wait_for_file(gate)
        set_progress(("2", "step 2 of 2"))
        return f"finished run {n_clicks}"

    return app


def test_progress_running_and_result(dash_duo, manager, tmp_path) -> None:
    dash_duo.start_server(job_app(manager, tmp_path))
    dash_duo.wait_for_text_to_equal("#status", "idle")
    assert dash_duo.find_element("#run").get_property("disabled") is False

    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#status", "step 1 of 2")
    dash_duo.wait_for_text_to_equal("#bar", "1")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is True, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is False, 10)
    assert dash_duo.find_element("#result").text == ""  # the job is held at its gate

    (tmp_path / "gate").touch()
    dash_duo.wait_for_text_to_equal("#result", "finished run 1")
    # On completion running is switched off and the progress goes back to its default.
    dash_duo.wait_for_text_to_equal("#status", "idle")
    dash_duo.wait_for_text_to_equal("#bar", "0")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is False, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is True, 10)

    # A second run works the same way (the gate is already open).
    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#result", "finished run 2")
    assert dash_duo.get_logs() == []


def test_cancel_stops_the_job_process(dash_duo, manager, tmp_path, wait_idle) -> None:
    dash_duo.start_server(job_app(manager, tmp_path))
    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#status", "step 1 of 2")
    pid = int((tmp_path / "pid").read_text())
    assert not process_gone(pid)

    dash_duo.find_element("#cancel").click()
    dash_duo.wait_for_text_to_equal("#status", "idle")
    until(lambda: process_gone(pid), 10, msg="the job process is still alive after Cancel")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is False, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is True, 10)

    # Opening the gate now changes nothing: the job is gone and its result never appears.
    (tmp_path / "gate").touch()
    wait_idle()
    assert dash_duo.find_element("#result").text == ""
    assert dash_duo.find_element("#bar").get_attribute("value") == "0"
    assert dash_duo.get_logs() == []


def test_identical_request_is_served_from_cache(dash_duo, tmp_path) -> None:
    manager = DiskcacheManager(
        diskcache.Cache(str(tmp_path / "cache")), cache_by=[lambda: "version-1"]
    )
    runs = tmp_path / "runs"
    app = Dash(__name__, background_callback_manager=manager)
    app.layout = html.Div(
        [
            dcc.Input(id="word", value="apple"),
            html.Button("Shout", id="shout"),
            html.Div(id="loud"),
        ]
    )

    @app.callback(
        Output("loud", "children"),
        Input("shout", "n_clicks"),
        State("word", "value"),
        background=True,
        prevent_initial_call=True,
        interval=100,
        cache_args_to_ignore=[0],
    )
    def shout(n_clicks, word):
        with runs.open("a") as log:
            log.write(f"{word}\n")
        return word.upper()

    dash_duo.start_server(app)
    dash_duo.find_element("#shout").click()
    dash_duo.wait_for_text_to_equal("#loud", "APPLE")

    word = dash_duo.find_element("#word")
    word.clear()
    word.send_keys("pear")
    dash_duo.find_element("#shout").click()
    dash_duo.wait_for_text_to_equal("#loud", "PEAR")

    word.clear()
    word.send_keys("apple")
    dash_duo.find_element("#shout").click()
    dash_duo.wait_for_text_to_equal("#loud", "APPLE")
    # The third request equals the first: answered from the cache, the job did not run again.
    assert runs.read_text().split() == ["apple", "pear"]
    assert dash_duo.get_logs() == []


def test_background_example(dash_duo, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DASH_BACKGROUND_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DASH_BACKGROUND_STEP_SECONDS", "0.05")
    app = import_app(str(EXAMPLES / "background.py"))
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#status", "Press Run to start.")
    assert dash_duo.find_element("#cancel").get_property("disabled") is True

    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#result", "There are 9,592 primes below 100,000.", timeout=30)
    dash_duo.wait_for_text_to_equal("#status", "Press Run to start.")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is False, 10)
    dash_duo.wait_for_text_to_equal("#bar", "0")
    assert dash_duo.get_logs() == []

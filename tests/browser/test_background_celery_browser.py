"""Background callbacks in Chromium with `CeleryManager`: the app is served by dash_duo in
this process, the jobs run in a separate Celery worker process, and the two share nothing
but Redis. Progress shows in an `html.Progress`, `running` switches the buttons, Cancel
stops the worker's task process, and `cache_by` serves a repeated request from the result
backend."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from celery_support import (
    celery_worker,
    flush_databases,
    process_gone,
    redis_url,
    require_celery_tools,
    wait_until,
)
from ports import start_on_free_port

from dash.testing.wait import until

require_celery_tools()

pytestmark = pytest.mark.browser

MODULE_NAME = "celery_browser_app"
BROKER_DB, BACKEND_DB = 2, 3  # databases of their own on a shared Redis

APP_SOURCE = textwrap.dedent(
    """
    import os
    import time
    from pathlib import Path

    from celery import Celery

    from dash import Dash, Input, Output, State, dcc, html
    from dash.background_callback import CeleryManager

    REDIS = os.environ["CELERY_BROWSER_REDIS"]
    FOLDER = Path(os.environ["CELERY_BROWSER_DIR"])
    GATE = FOLDER / "gate"
    PID_FILE = FOLDER / "pid"
    RUNS = FOLDER / "runs"

    celery_app = Celery(
        __name__,
        broker=f"{REDIS}/{os.environ['CELERY_BROWSER_BROKER_DB']}",
        backend=f"{REDIS}/{os.environ['CELERY_BROWSER_BACKEND_DB']}",
    )
    manager = CeleryManager(celery_app)
    cached_manager = CeleryManager(celery_app, cache_by=[lambda: "version-1"], expire=300)

    app = Dash(__name__, background_callback_manager=manager)
    app.layout = html.Div(
        [
            html.Button("Run", id="run"),
            html.Button("Cancel", id="cancel", disabled=True),
            html.Progress(id="bar", value="0", max="2"),
            html.Div("idle", id="status"),
            html.Div(id="result"),
            dcc.Input(id="word", value="apple"),
            html.Button("Shout", id="shout"),
            html.Div(id="loud"),
        ]
    )


    def wait_for_gate():
        deadline = time.monotonic() + 30
        while not GATE.exists() and time.monotonic() < deadline:
            time.sleep(0.02)


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
        PID_FILE.write_text(str(os.getpid()))
        set_progress(("1", "step 1 of 2"))
        wait_for_gate()
        set_progress(("2", "step 2 of 2"))
        return f"finished run {n_clicks}"


    @app.callback(
        Output("loud", "children"),
        Input("shout", "n_clicks"),
        State("word", "value"),
        background=True,
        manager=cached_manager,
        prevent_initial_call=True,
        interval=100,
        cache_args_to_ignore=[0],
    )
    def shout(n_clicks, word):
        with RUNS.open("a") as log:
            log.write(word + "\\n")
        return word.upper()
    """
)


class CeleryApp:
    """The app module as imported by the web side, its folder and its worker process."""

    def __init__(self, module: ModuleType, folder: Path, worker_pid: int) -> None:
        self.module = module
        self.folder = folder
        self.worker_pid = worker_pid

    def task_pid(self) -> int:
        """The pid of the process running the current job (it writes it first thing)."""
        text = wait_until(lambda: self._read("pid"), "the job to write its pid")
        return int(text)

    def _read(self, name: str) -> str:
        path = self.folder / name
        return path.read_text() if path.exists() else ""


@pytest.fixture(scope="module")
def celery_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CeleryApp]:
    """Import the app module here (web side) and run a Celery worker for it elsewhere."""
    folder = tmp_path_factory.mktemp("celery_browser")
    (folder / f"{MODULE_NAME}.py").write_text(APP_SOURCE)
    with redis_url() as base:
        flush_databases(base, BROKER_DB, BACKEND_DB)
        env = {
            "CELERY_BROWSER_REDIS": base,
            "CELERY_BROWSER_DIR": str(folder),
            "CELERY_BROWSER_BROKER_DB": str(BROKER_DB),
            "CELERY_BROWSER_BACKEND_DB": str(BACKEND_DB),
        }
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)
        sys.path.insert(0, str(folder))
        try:
            module = __import__(MODULE_NAME)
            try:
                with celery_worker(
                    module.celery_app, f"{MODULE_NAME}:celery_app", folder, env
                ) as w:
                    yield CeleryApp(module, folder, w.pid)
            finally:
                # Close the web side's broker and result-backend connections rather than leave
                # them to the processes later tests fork.
                module.celery_app.close()
        finally:
            sys.path.remove(str(folder))
            sys.modules.pop(MODULE_NAME, None)
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            flush_databases(base, BROKER_DB, BACKEND_DB)


@pytest.fixture
def app_files(celery_app: CeleryApp) -> Iterator[Path]:
    """The gate, pid and runs files start absent in every test."""
    names = ("gate", "pid", "runs")
    for name in names:
        (celery_app.folder / name).unlink(missing_ok=True)
    yield celery_app.folder
    (celery_app.folder / "gate").touch()  # release a job a failing test left waiting
    for name in ("pid", "runs"):
        (celery_app.folder / name).unlink(missing_ok=True)


def worker_children(worker_pid: int) -> set[int]:
    import psutil

    return {child.pid for child in psutil.Process(worker_pid).children(recursive=True)}


def test_progress_running_and_result(dash_duo, celery_app, app_files) -> None:
    start_on_free_port(dash_duo, celery_app.module.app)
    dash_duo.wait_for_text_to_equal("#status", "idle")
    assert dash_duo.find_element("#run").get_property("disabled") is False

    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#status", "step 1 of 2")
    # The job runs in the worker's task process, not in the web process.
    pid = celery_app.task_pid()
    assert pid != os.getpid() and pid in worker_children(celery_app.worker_pid)
    dash_duo.wait_for_text_to_equal("#bar", "1")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is True, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is False, 10)
    assert dash_duo.find_element("#result").text == ""

    (app_files / "gate").touch()
    dash_duo.wait_for_text_to_equal("#result", "finished run 1")
    # On completion running is switched off and the progress returns to its default.
    dash_duo.wait_for_text_to_equal("#status", "idle")
    dash_duo.wait_for_text_to_equal("#bar", "0")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is False, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is True, 10)

    # A second run goes through the worker again (the gate is open now).
    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#result", "finished run 2")
    assert dash_duo.get_logs() == []


def test_identical_request_is_served_from_the_result_backend(
    dash_duo, celery_app, app_files
) -> None:
    start_on_free_port(dash_duo, celery_app.module.app)
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
    # The third request equals the first (n_clicks is ignored): the worker did not run it.
    assert (app_files / "runs").read_text().split() == ["apple", "pear"]
    assert dash_duo.get_logs() == []


def test_cancel_stops_the_worker_task_process(dash_duo, celery_app, app_files, wait_idle) -> None:
    start_on_free_port(dash_duo, celery_app.module.app)
    dash_duo.find_element("#run").click()
    dash_duo.wait_for_text_to_equal("#status", "step 1 of 2")
    pid = celery_app.task_pid()
    assert pid in worker_children(celery_app.worker_pid)
    assert not process_gone(pid)

    dash_duo.find_element("#cancel").click()
    until(lambda: process_gone(pid), 15, msg="the task process is still alive after Cancel")
    dash_duo.wait_for_text_to_equal("#status", "idle")
    until(lambda: dash_duo.find_element("#run").get_property("disabled") is False, 10)
    until(lambda: dash_duo.find_element("#cancel").get_property("disabled") is True, 10)

    # Opening the gate now changes nothing: the task is gone and its result never comes.
    (app_files / "gate").touch()
    wait_idle()
    assert dash_duo.find_element("#result").text == ""
    assert dash_duo.find_element("#bar").get_attribute("value") == "0"
    assert dash_duo.get_logs() == []

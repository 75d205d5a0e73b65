"""Background callbacks with `CeleryManager`: a real Redis server, a real Celery worker
in another process, the app driven through the Flask test client (and, when gunicorn
is installed, served by two gunicorn workers)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

celery = pytest.importorskip("celery")
redis = pytest.importorskip("redis")
psutil = pytest.importorskip("psutil")

REDIS_PORT = 6390
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}"
DEADLINE = 30.0
UPDATE = "/_dash-update-component"
CONFIG = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>')

APP_MODULE = textwrap.dedent(
    """
    import os
    import time

    from celery import Celery

    from dash import Dash, Input, Output, html, set_props
    from dash.background_callback import CeleryManager
    from dash.exceptions import PreventUpdate

    REDIS = os.environ["BG_TEST_REDIS"]
    GATE = os.path.join(os.environ["BG_TEST_DIR"], "gate")
    RUNS = os.path.join(os.environ["BG_TEST_DIR"], "runs")

    celery_app = Celery(__name__, broker=REDIS + "/0", backend=REDIS + "/1")
    manager = CeleryManager(celery_app)
    cached_manager = CeleryManager(celery_app, cache_by=[lambda: "launch-1"], expire=300)

    app = Dash(__name__, background_callback_manager=manager)
    server = app.server


    @server.after_request
    def tag_worker(response):
        response.headers["X-Worker-Pid"] = str(os.getpid())
        return response


    app.layout = html.Div(
        [html.Button(id="btn"), html.Button(id="stop"), html.Div(id="out"),
         html.Div(id="prog"), html.Div(id="side"), html.Div(id="err"), html.Div(id="cached")]
    )


    def wait_for_gate():
        deadline = time.monotonic() + 30
        while not os.path.exists(GATE) and time.monotonic() < deadline:
            time.sleep(0.02)


    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        background=True,
        interval=100,
        progress=Output("prog", "children"),
        progress_default="idle",
        cancel=[Input("stop", "n_clicks")],
    )
    def slow(set_progress, n):
        if n == "endless":
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                set_progress(os.getpid())
                time.sleep(0.05)
        set_progress("50%")
        set_props("side", {"children": "side!"})
        wait_for_gate()
        return f"done {n}"


    @app.callback(Output("err", "children"), Input("btn", "n_clicks"), background=True)
    def failing(n):
        if n == "prevent":
            raise PreventUpdate
        raise ValueError("boom in celery")


    @app.callback(
        Output("cached", "children"), Input("btn", "n_clicks"), background=True,
        manager=cached_manager,
    )
    def counted(n):
        with open(RUNS, "a") as handle:
            handle.write("x")
        return f"cached {n}"
    """
)


def wait_for(condition, what, deadline=DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def process_gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting for its parent counts as gone)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _redis_alive() -> bool:
    try:
        return bool(redis.Redis(port=REDIS_PORT, socket_timeout=0.5).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture(scope="session")
def redis_server():
    """A throw-away Redis on 127.0.0.1:6390 (skipped when redis-server is not installed)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server); CI installs it")
    if _redis_alive():
        pytest.skip(f"port {REDIS_PORT} is already used by another Redis; stop it first")
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(_redis_alive, "redis-server to accept connections", 10)
        yield REDIS_URL
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def app_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("celery_app")
    (directory / "bg_celery_app.py").write_text(APP_MODULE)
    return directory


def _environment(app_dir: Path, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["BG_TEST_REDIS"] = redis_url
    env["BG_TEST_DIR"] = str(app_dir)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(app_dir), env.get("PYTHONPATH")]))
    return env


@pytest.fixture(scope="session")
def celery_module(app_dir, redis_server):
    """The app module, imported here as the web side, with a Celery worker running it."""
    os.environ["BG_TEST_REDIS"] = redis_server
    os.environ["BG_TEST_DIR"] = str(app_dir)
    sys.path.insert(0, str(app_dir))
    redis.Redis(port=REDIS_PORT).flushall()
    import bg_celery_app  # type: ignore[import-not-found]

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bg_celery_app:celery_app",
            "worker",
            "--pool=prefork",
            "--concurrency=2",
            "--loglevel=warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=app_dir,
        env=_environment(app_dir, redis_server),
    )
    try:
        wait_for(
            lambda: bg_celery_app.celery_app.control.ping(timeout=0.5),
            "the Celery worker to answer",
        )
        yield bg_celery_app
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)
        sys.path.remove(str(app_dir))
        sys.modules.pop("bg_celery_app", None)


@pytest.fixture
def gate(app_dir):
    path = app_dir / "gate"
    path.unlink(missing_ok=True)
    yield path
    path.unlink(missing_ok=True)


def body(output="out", value=1):
    return {
        "output": f"{output}.children",
        "outputs": {"id": output, "property": "children"},
        "inputs": [{"id": "btn", "property": "n_clicks", "value": value}],
        "changedPropIds": ["btn.n_clicks"],
    }


def nulled(request):
    polled = json.loads(json.dumps(request))
    for item in polled["inputs"]:
        item["value"] = None
    return polled


class Page:
    """A page of the app: its end_id; start and poll through any HTTP client."""

    def __init__(self, get, post):
        self._post = post
        self.end_id = json.loads(CONFIG.search(get("/")).group(1))["end_id"]

    def post(self, request, **query):
        return self._post(request, {"endId": self.end_id, **query})

    def start(self, request, **query):
        status, payload = self.post(request, **query)
        assert status == 200, payload
        return payload

    def poll(self, request, started):
        return self.post(nulled(request), cacheKey=started["cacheKey"], job=started["job"])

    def poll_until_done(self, request, started):
        replies = []

        def finished():
            status, payload = self.poll(request, started)
            replies.append((status, payload))
            return status != 200 or "response" in payload

        wait_for(finished, "the job's result")
        return replies


def _flask_page(app) -> Page:
    client = app.server.test_client()

    def post(request, query):
        response = client.post(UPDATE, json=request, query_string=query)
        return response.status_code, response.get_json(silent=True)

    return Page(lambda path: client.get(path).get_data(as_text=True), post)


@pytest.fixture
def page(celery_module):
    return _flask_page(celery_module.app)


# ------------------------------------------------------------------------ tests


def test_start_poll_result_with_progress_and_set_props(page, gate):
    started = page.start(body(value=1))
    assert started["progressDefault"] == {"prog.children": "idle"}
    assert started["cancel"] == [{"id": "stop", "property": "n_clicks"}]

    seen = {"progress": {}, "sideUpdate": {}}

    def progress_and_side_update_seen():
        status, reply = page.poll(body(value=1), started)
        assert status == 200 and "response" not in reply
        for key in seen:
            seen[key].update(reply.get(key, {}))
        return all(seen.values())

    wait_for(progress_and_side_update_seen, "polls with progress and side updates")
    assert seen == {
        "progress": {"prog.children": "50%"},
        "sideUpdate": {"side": {"children": "side!"}},
    }
    gate.touch()
    status, final = page.poll_until_done(body(value=1), started)[-1]
    assert (status, final) == (200, {"multi": True, "response": {"out": {"children": "done 1"}}})


def _cancel_body():
    return {
        "output": "stop.id",
        "outputs": {"id": "stop", "property": "id"},
        "inputs": [{"id": "stop", "property": "n_clicks", "value": 1}],
        "changedPropIds": ["stop.n_clicks"],
    }


def _job_pid(page, request, started):
    def pid():
        status, reply = page.poll(request, started)
        return (reply.get("progress") or {}).get("prog.children")

    return wait_for(pid, "the job to report its pid")


def test_cancel_terminates_the_task_process(page, celery_module):
    request = body(value="endless")
    started = page.start(request)
    pid = _job_pid(page, request, started)
    assert not process_gone(pid)
    status, reply = page.post(_cancel_body(), cancelJob=started["job"])
    assert status == 200 and reply == {"multi": True, "response": {}}
    wait_for(lambda: process_gone(pid), "the task's process to stop")
    job = started["job"].rpartition("~")[0]
    wait_for(
        lambda: celery_module.celery_app.AsyncResult(job).state not in {"PENDING", "STARTED"},
        "the task to leave the running states",
    )
    assert page.poll(request, started)[0] == 204


def test_forged_handle_gets_400_and_kills_nothing(page):
    request = body(value="endless")
    started = page.start(request)
    pid = _job_pid(page, request, started)
    job = started["job"].rpartition("~")[0]
    for forged in (job, f"{job}~{'0' * 64}"):
        status, reply = page.post(_cancel_body(), cancelJob=forged)
        assert status == 400 and "not issued" in reply["message"]
    status, _ = page.poll(request, {"cacheKey": "k~" + "0" * 64, "job": started["job"]})
    assert status == 400
    time.sleep(0.2)
    assert not process_gone(pid)
    page.post(_cancel_body(), cancelJob=started["job"])
    wait_for(lambda: process_gone(pid), "the task's process to stop")


def test_error_in_task_gives_500(page):
    started = page.start(body("err"))
    status, reply = page.poll_until_done(body("err"), started)[-1]
    assert status == 500
    assert reply["message"].endswith("BackgroundCallbackError")


def test_prevent_update_in_task_gives_204(page):
    started = page.start(body("err", value="prevent"))
    assert page.poll_until_done(body("err", value="prevent"), started)[-1][0] == 204


def test_cache_by_answers_from_the_result_backend(page, app_dir):
    runs = app_dir / "runs"
    runs.unlink(missing_ok=True)
    first = page.start(body("cached", 9))
    assert page.poll_until_done(body("cached", 9), first)[-1][1]["response"] == {
        "cached": {"children": "cached 9"}
    }
    second = page.start(body("cached", 9))
    assert second["job"].startswith("cached~")
    status, reply = page.poll(body("cached", 9), second)
    assert reply["response"] == {"cached": {"children": "cached 9"}}
    assert runs.read_text() == "x"


# ------------------------------------------------------------- gunicorn, 2 workers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_start_on_one_gunicorn_worker_poll_on_another(celery_module, app_dir, redis_server, gate):
    """Two gunicorn worker processes share nothing but Redis: a job started through one
    is polled (and its handles verified) through the other."""
    if shutil.which("gunicorn") is None and not _module_available("gunicorn"):
        pytest.skip("gunicorn is not installed")
    import requests

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(app_dir),
            "bg_celery_app:server",
        ],
        env=_environment(app_dir, redis_server),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _responds(base), "gunicorn to serve")
        worker_pids = {child.pid for child in psutil.Process(server.pid).children()}
        assert len(worker_pids) == 2

        def post(request, query):
            # A new connection each time, so either worker may answer.
            response = requests.post(
                base + UPDATE, json=request, params=query, headers={"Connection": "close"}
            )
            return response.status_code, (response.json() if response.content else None)

        page = Page(lambda path: requests.get(base + path).text, post)
        started = page.start(body(value=2))
        gate.touch()
        status, final = page.poll_until_done(body(value=2), started)[-1]
        assert status == 200 and final["response"] == {"out": {"children": "done 2"}}
        # Keep polling the finished job's handles until both workers have checked them.
        assert _worker_pids_answering(base, page, started) == worker_pids
    finally:
        server.terminate()
        server.wait(timeout=20)


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _responds(base: str) -> bool:
    import requests

    try:
        return requests.get(base + "/_dash-layout", timeout=1).status_code == 200
    except requests.RequestException:
        return False


def _worker_pids_answering(base: str, page: Page, started: dict) -> set[int]:
    """Pids of the gunicorn workers that accepted the job's signed handles (204: job done)."""
    import requests

    seen: set[int] = set()
    request = nulled(body(value=2))
    params = {"endId": page.end_id, "cacheKey": started["cacheKey"], "job": started["job"]}

    def both_seen():
        response = requests.post(
            base + UPDATE, json=request, params=params, headers={"Connection": "close"}
        )
        assert response.status_code == 204, response.text
        seen.add(int(response.headers["X-Worker-Pid"]))
        return len(seen) == 2

    wait_for(both_seen, "both gunicorn workers to answer")
    return seen

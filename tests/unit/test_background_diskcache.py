"""Background callbacks with `DiskcacheManager`, through the Flask test client:
start, poll, result; progress and set_props; cancel and oldJob stopping the job
process; caching; forged handles; errors and PreventUpdate inside jobs."""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import pytest

from dash import Input, Output, State, ctx, html, no_update, set_props
from dash.background_callback import DiskcacheManager
from dash.background_callback.managers import diskcache_manager
from dash.exceptions import PreventUpdate

diskcache = pytest.importorskip("diskcache")
psutil = pytest.importorskip("psutil")

CONFIG = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>')
DEADLINE = 20.0  # seconds; generous for a loaded machine, never reached when things work
UPDATE = "/_dash-update-component"


def wait_for(condition, what):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def body(value=1, output="out", inputs=("btn", "n_clicks"), state=None):
    request = {
        "output": f"{output}.children",
        "outputs": {"id": output, "property": "children"},
        "inputs": [{"id": inputs[0], "property": inputs[1], "value": value}],
        "changedPropIds": [f"{inputs[0]}.{inputs[1]}"],
    }
    if state is not None:
        request["state"] = [{"id": "note", "property": "value", "value": state}]
    return request


def nulled(request):
    """A poll body: the renderer re-sends the request with every value nulled."""
    polled = json.loads(json.dumps(request))
    for item in polled["inputs"] + polled.get("state", []):
        item["value"] = None
    return polled


def job_pid(handle):
    return int(handle.partition("@")[0])


def process_gone(pid):
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


class Page:
    """One browser page: its end_id, and helpers to start and poll background jobs."""

    def __init__(self, client):
        self.client = client
        page = client.get("/").get_data(as_text=True)
        self.end_id = json.loads(CONFIG.search(page).group(1))["end_id"]

    def post(self, request, **query):
        return self.client.post(UPDATE, json=request, query_string={"endId": self.end_id, **query})

    def start(self, request, **query):
        response = self.post(request, **query)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.json

    def poll(self, request, started):
        return self.post(nulled(request), cacheKey=started["cacheKey"], job=started["job"])

    def poll_until_done(self, request, started):
        replies = []

        def finished():
            response = self.poll(request, started)
            replies.append(response)
            return response.status_code != 200 or "response" in response.json

        wait_for(finished, "the job's result")
        return replies


@pytest.fixture(autouse=True)
def _no_leftover_jobs():
    """Kill job processes a failing test left behind (pytest would wait for them at exit)."""
    yield
    for pid, process in list(diskcache_manager._started.items()):
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        diskcache_manager._started.pop(pid, None)


@pytest.fixture
def cache(tmp_path):
    return diskcache.Cache(str(tmp_path / "cache"))


@pytest.fixture
def manager(cache):
    return DiskcacheManager(cache)


@pytest.fixture
def gate(tmp_path):
    """A file a job waits for, so a test decides when the job may finish."""
    return tmp_path / "gate"


def wait_for_gate(gate: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


LAYOUT = html.Div(
    [
        html.Button(id="btn"),
        html.Button(id="stop"),
        html.Div(id="out"),
        html.Div(id="prog"),
        html.Div(id="side"),
        html.Div(id="note"),
    ]
)


@pytest.fixture
def app(make_app, manager):
    return make_app(layout=LAYOUT, background_callback_manager=manager)


@pytest.fixture
def page(app):
    return Page(app.server.test_client())


# ------------------------------------------------------------------ happy path


def test_start_poll_result_with_progress_and_set_props(app, page, gate):
    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        background=True,
        interval=100,
        progress=Output("prog", "children"),
        progress_default="idle",
    )
    def slow(set_progress, n):
        set_progress("50%")
        set_props("side", {"children": "side!"})
        wait_for_gate(gate)
        return f"done {n}"

    started = page.start(body(1))
    assert set(started) == {"cacheKey", "job", "progressDefault"}
    assert started["progressDefault"] == {"prog.children": "idle"}
    assert "multi" not in started

    seen = {"progress": {}, "sideUpdate": {}}

    def progress_and_side_update_seen():
        reply = page.poll(body(1), started).json
        assert set(reply) <= {"multi", "progress", "sideUpdate"}  # still running: no response
        for key in seen:
            seen[key].update(reply.get(key, {}))
        return all(seen.values())

    wait_for(progress_and_side_update_seen, "polls with progress and side updates")
    assert seen == {
        "progress": {"prog.children": "50%"},
        "sideUpdate": {"side": {"children": "side!"}},
    }
    assert page.poll(body(1), started).json == {"multi": True}
    gate.touch()
    final = page.poll_until_done(body(1), started)[-1]
    assert final.json == {"multi": True, "response": {"out": {"children": "done 1"}}}
    # The result is consumed: the job is gone and nothing is stored any more.
    assert page.poll(body(1), started).status_code == 204


def test_set_props_between_polls_are_merged(app, page, gate):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def slow(n):
        set_props("side", {"children": "a"})
        set_props("prog", {"children": "b"})
        set_props("side", {"title": "c"})
        wait_for_gate(gate)
        return "done"

    started = page.start(body())
    expected = {"side": {"children": "a", "title": "c"}, "prog": {"children": "b"}}
    applied: dict = {}

    def all_updates_applied():
        # Like the renderer: apply each poll's sideUpdate; none may be lost between polls.
        for id_text, props in page.poll(body(), started).json.get("sideUpdate", {}).items():
            applied.setdefault(id_text, {}).update(props)
        return applied == expected

    wait_for(all_updates_applied, "every side update")
    gate.touch()
    page.poll_until_done(body(), started)


def test_ctx_in_the_job_is_a_copy_of_the_request(app, page):
    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        State("note", "value"),
        background=True,
    )
    def whoami(n, note):
        return {
            "triggered": ctx.triggered_id,
            "inputs": ctx.inputs,
            "states": ctx.states,
            "outputs": ctx.outputs_list,
            "header": ctx.headers.get("X-Test"),
            "cookie": ctx.cookies.get("user"),
            "args": ctx.args,
            "path": ctx.path,
            "note": note,
        }

    page.client.set_cookie("user", "ann")
    request = body(3, state="memo")
    response = page.client.post(
        UPDATE, json=request, headers={"X-Test": "yes"}, query_string={"endId": page.end_id}
    )
    started = response.json
    result = page.poll_until_done(request, started)[-1].json["response"]["out"]["children"]
    assert result["triggered"] == "btn"
    assert result["inputs"] == {"btn.n_clicks": 3}
    assert result["states"] == {"note.value": "memo"}
    assert result["outputs"] == {"id": "out", "property": "children"}
    assert result["header"] == "yes"
    assert result["cookie"] == "ann"
    assert result["args"] == {"endId": page.end_id}
    assert result["path"].startswith(UPDATE)
    assert result["note"] == "memo"


def test_async_function_runs_in_its_own_loop(app, page):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    async def slow(n):
        await asyncio.sleep(0)
        return f"async {n}"

    started = page.start(body(2))
    final = page.poll_until_done(body(2), started)[-1]
    assert final.json["response"] == {"out": {"children": "async 2"}}


def test_keyword_arguments_and_multi_outputs(app, page):
    @app.callback(
        output=[Output("out", "children"), Output("side", "children")],
        inputs={"clicks": Input("btn", "n_clicks")},
        background=True,
    )
    def slow(clicks):
        return [clicks, no_update]

    started = page.start(
        {
            "output": "..out.children...side.children..",
            "outputs": [
                {"id": "out", "property": "children"},
                {"id": "side", "property": "children"},
            ],
            "inputs": [{"id": "btn", "property": "n_clicks", "value": 4}],
            "changedPropIds": ["btn.n_clicks"],
        }
    )
    request = {
        "output": "..out.children...side.children..",
        "outputs": [{"id": "out", "property": "children"}, {"id": "side", "property": "children"}],
        "inputs": [{"id": "btn", "property": "n_clicks", "value": 4}],
    }
    final = page.poll_until_done(request, started)[-1]
    assert final.json["response"] == {"out": {"children": 4}}


def test_components_come_back_as_components(app, page):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def slow(n):
        return html.Span(f"n={n}", id="made")

    started = page.start(body(5))
    final = page.poll_until_done(body(5), started)[-1]
    assert final.json["response"]["out"]["children"] == {
        "props": {"children": "n=5", "id": "made"},
        "type": "Span",
        "namespace": "dash_html_components",
    }


# ----------------------------------------------------------- cancel and oldJob


@pytest.fixture
def endless(app):
    """A background callback that runs until stopped, cancellable with `stop.n_clicks`."""

    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        background=True,
        progress=Output("prog", "children"),
        cancel=[Input("stop", "n_clicks")],
    )
    def endless_job(set_progress, n):
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            set_progress("working")
            time.sleep(0.02)
        return "never"

    return endless_job


def cancel_body():
    return {
        "output": "stop.id",
        "outputs": {"id": "stop", "property": "id"},
        "inputs": [{"id": "stop", "property": "n_clicks", "value": 1}],
        "changedPropIds": ["stop.n_clicks"],
    }


def test_cancel_job_stops_the_process(endless, page):
    started = page.start(body())
    assert started["cancel"] == [{"id": "stop", "property": "n_clicks"}]
    pid = job_pid(started["job"])
    assert not process_gone(pid)
    response = page.post(cancel_body(), cancelJob=started["job"])
    assert response.status_code == 200
    assert response.json == {"multi": True, "response": {}}
    wait_for(lambda: process_gone(pid), "the job process to stop")
    assert page.poll(body(), started).status_code == 204


def test_old_job_is_stopped_by_the_next_start(endless, page):
    first = page.start(body(1))
    second = page.start(body(2), oldJob=first["job"])
    wait_for(lambda: process_gone(job_pid(first["job"])), "the old job to stop")
    assert not process_gone(job_pid(second["job"]))
    page.post(cancel_body(), cancelJob=second["job"])
    wait_for(lambda: process_gone(job_pid(second["job"])), "the second job to stop")


def test_a_vanished_job_polls_as_204(endless, page):
    started = page.start(body())
    psutil.Process(job_pid(started["job"])).kill()
    wait_for(lambda: process_gone(job_pid(started["job"])), "the killed job")
    assert page.poll(body(), started).status_code == 204


# ------------------------------------------------------------ forged handles


def test_forged_and_foreign_handles_get_400_and_kill_nothing(app, endless, page):
    started = page.start(body())
    pid = job_pid(started["job"])
    value, _, mac = started["job"].rpartition("~")
    other_page = Page(page.client)
    forgeries = {
        "unsigned": str(pid),
        "made-up signature": f"{value}~{'0' * 64}",
        "signature of another value": f"1@{value.partition('@')[2]}~{mac}",
    }
    for name, handle in forgeries.items():
        response = page.post(cancel_body(), cancelJob=handle)
        assert response.status_code == 400, name
        assert "not issued" in response.json["message"]
        assert page.post(body(), oldJob=handle).status_code == 400, name
    # A genuine handle, replayed by another page (another end_id), is foreign there.
    assert other_page.post(cancel_body(), cancelJob=started["job"]).status_code == 400
    assert other_page.poll(body(), started).status_code == 400
    forged_key = {"cacheKey": "0" * 64 + "~" + "0" * 64, "job": started["job"]}
    assert page.poll(body(), forged_key).status_code == 400
    time.sleep(0.1)
    assert not process_gone(pid)
    page.post(cancel_body(), cancelJob=started["job"])
    wait_for(lambda: process_gone(pid), "the job to stop")


def test_two_apps_on_one_cache_accept_each_others_handles(make_app, cache, gate):
    """Two workers of one app (same code, same cache, no Flask secret) agree on the secret."""
    apps = [make_app(layout=LAYOUT, background_callback_manager=DiskcacheManager(cache))]
    apps.append(make_app(layout=LAYOUT, background_callback_manager=DiskcacheManager(cache)))
    for app in apps:
        app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)(
            _echo_clicks
        )
    first = Page(apps[0].server.test_client())
    second = apps[1].server.test_client()
    started = first.start(body(7))
    second_page = Page.__new__(Page)
    second_page.client, second_page.end_id = second, first.end_id
    final = second_page.poll_until_done(body(7), started)[-1]
    assert final.json["response"] == {"out": {"children": "echo 7"}}


def _echo_clicks(n):
    return f"echo {n}"


# ------------------------------------------------------------------ caching


def test_cache_by_serves_a_repeated_request_without_running_again(make_app, cache, tmp_path):
    runs = tmp_path / "runs"
    manager = DiskcacheManager(cache, cache_by=[lambda: "launch-1"], expire=60)
    app = make_app(layout=LAYOUT, background_callback_manager=manager)

    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        State("note", "value"),
        background=True,
        cache_args_to_ignore=[1],
    )
    def counted(n, note):
        with open(runs, "a") as handle:
            handle.write("x")
        return f"result {n}"

    page = Page(app.server.test_client())
    first = page.start(body(1, state="a"))
    assert page.poll_until_done(body(1, state="a"), first)[-1].json["response"] == {
        "out": {"children": "result 1"}
    }
    key = first["cacheKey"].partition("~")[0]
    assert cache.get(key, expire_time=True)[1] is not None  # kept, with its `expire` lifetime
    second = page.start(body(1, state="ignored difference"))
    assert second["cacheKey"].partition("~")[0] == first["cacheKey"].partition("~")[0]
    reply = page.poll(body(1, state="a"), second)
    assert reply.json["response"] == {"out": {"children": "result 1"}}
    assert runs.read_text() == "x"
    third = page.start(body(2, state="a"))
    page.poll_until_done(body(2, state="a"), third)
    assert runs.read_text() == "xx"


def test_without_cache_by_every_request_runs(app, page, tmp_path):
    runs = tmp_path / "runs"

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def counted(n):
        with open(runs, "a") as handle:
            handle.write("x")
        return n

    for _ in range(2):
        started = page.start(body(1))
        page.poll_until_done(body(1), started)
    assert runs.read_text() == "xx"


# ------------------------------------------------------------ errors, prevent


def test_an_error_in_the_job_gives_500(app, page):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def broken(n):
        raise ValueError("boom in job")

    started = page.start(body())
    final = page.poll_until_done(body(), started)[-1]
    assert final.status_code == 500
    assert "boom" not in final.get_data(as_text=True)  # no traceback without debug
    assert final.json["message"].endswith("BackgroundCallbackError")


def test_an_error_in_the_job_goes_to_on_error(app, page):
    seen = []

    def handler(error):
        seen.append(str(error))
        set_props("side", {"children": "error shown"})
        return "recovered"

    @app.callback(
        Output("out", "children"), Input("btn", "n_clicks"), background=True, on_error=handler
    )
    def broken(n):
        raise ValueError("boom in job")

    started = page.start(body())
    final = page.poll_until_done(body(), started)[-1]
    assert final.json == {
        "multi": True,
        "sideUpdate": {"side": {"children": "error shown"}},
        "response": {"out": {"children": "recovered"}},
    }
    assert seen[0].startswith("An error occurred inside a background callback: boom in job")
    assert "Traceback" in seen[0] and "ValueError" in seen[0]


def test_prevent_update_in_the_job_gives_204(app, page):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def prevented(n):
        raise PreventUpdate

    started = page.start(body())
    assert page.poll_until_done(body(), started)[-1].status_code == 204


def test_an_unserialisable_result_is_reported(app, page):
    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def odd(n):
        return object()

    started = page.start(body())
    final = page.poll_until_done(body(), started)[-1]
    assert final.status_code == 500


def test_callback_manager_overrides_the_app_default(make_app, tmp_path, cache):
    own = DiskcacheManager(diskcache.Cache(str(tmp_path / "own")))
    app = make_app(layout=LAYOUT, background_callback_manager=DiskcacheManager(cache))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True, manager=own)
    def slow(n):
        return "own manager"

    page = Page(app.server.test_client())
    started = page.start(body())
    final = page.poll_until_done(body(), started)[-1]
    assert final.json["response"] == {"out": {"children": "own manager"}}

"""dcc.Upload with several files and with folder selection, and dcc.Loading's delays, target
components and custom spinner, driven as a user would."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest
from ports import start_on_free_port as start

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

SPINNER = ".dash-spinner"


def _upload_app(**upload_props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Upload(html.Div("Drop files"), id="up", **upload_props),
            html.Pre(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("up", "contents"),
        Input("up", "filename"),
        prevent_initial_call=True,
    )
    def show(contents, filenames):
        decoded = [base64.b64decode(c.split(",", 1)[1]).decode() for c in contents]
        return json.dumps({"names": filenames, "texts": decoded})

    return app


def _has_attribute(dash_duo, element, name: str) -> bool:
    return dash_duo.driver.execute_script(
        "return arguments[0].hasAttribute(arguments[1])", element, name
    )


def test_upload_of_several_files_sends_lists(dash_duo, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.csv"
    first.write_text("alpha", encoding="utf-8")
    second.write_text("x,y\n1,2", encoding="utf-8")
    start(dash_duo, _upload_app(multiple=True))
    field = dash_duo.wait_for_element("#up input[type=file]")
    assert field.get_attribute("multiple") == "true"
    assert not _has_attribute(dash_duo, field, "webkitdirectory")
    field.send_keys(f"{first}\n{second}")
    until(lambda: dash_duo.find_element("#out").text, timeout=5)
    shown = json.loads(dash_duo.find_element("#out").text)
    assert shown == {"names": ["a.txt", "b.csv"], "texts": ["alpha", "x,y\n1,2"]}


def test_folder_selection_marks_the_file_input(dash_duo) -> None:
    start(dash_duo, _upload_app(multiple=True, enable_folder_selection=True))
    field = dash_duo.wait_for_element("#up input[type=file]")
    assert _has_attribute(dash_duo, field, "webkitdirectory")
    assert _has_attribute(dash_duo, field, "directory")


def _loading_app(**loading_props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("fast", id="fast"),
            html.Button("slow", id="slow"),
            html.Button("other", id="other"),
            dcc.Loading(
                html.Div([html.Div(id="fast-out"), html.Div(id="slow-out")]),
                id="loading",
                className="box",
                **loading_props,
            ),
            dcc.Loading(html.Div(id="other-out"), className="other-box"),
        ]
    )

    @app.callback(
        Output("fast-out", "children"), Input("fast", "n_clicks"), prevent_initial_call=True
    )
    def fast(n):
        time.sleep(0.2)
        return f"fast {n}"

    @app.callback(
        Output("slow-out", "children"), Input("slow", "n_clicks"), prevent_initial_call=True
    )
    def slow(n):
        time.sleep(1.5)
        return f"slow {n}"

    @app.callback(
        Output("other-out", "children"), Input("other", "n_clicks"), prevent_initial_call=True
    )
    def other(n):
        time.sleep(1.0)
        return f"other {n}"

    return app


def _seen_before(dash_duo, selectors: list[str], until_text: tuple[str, str]) -> set[str]:
    """Which `selectors` matched at any moment before `until_text[0]` showed `until_text[1]`."""
    seen: set[str] = set()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        seen.update(selector for selector in selectors if dash_duo.find_elements(selector))
        if dash_duo.find_element(until_text[0]).text == until_text[1]:
            return seen
        time.sleep(0.02)
    raise AssertionError(f"{until_text[0]} never showed {until_text[1]!r}")


def _spinner_seen(dash_duo, selector: str, until_text: tuple[str, str]) -> bool:
    """Whether `selector` appeared at any moment before `until_text[0]` showed `until_text[1]`."""
    return selector in _seen_before(dash_duo, [selector], until_text)


def test_delay_show_skips_the_spinner_for_quick_updates(dash_duo) -> None:
    start(dash_duo, _loading_app(delay_show=600))
    dash_duo.wait_for_element("#fast").click()
    assert not _spinner_seen(dash_duo, f".box {SPINNER}", ("#fast-out", "fast 1"))
    dash_duo.find_element("#slow").click()
    assert _spinner_seen(dash_duo, f".box {SPINNER}", ("#slow-out", "slow 1"))
    dash_duo.wait_for_no_elements(f".box {SPINNER}")


def test_target_components_limit_what_shows_the_spinner(dash_duo) -> None:
    start(dash_duo, _loading_app(target_components={"slow-out": "children"}))
    dash_duo.wait_for_element("#fast").click()
    assert not _spinner_seen(dash_duo, f".box {SPINNER}", ("#fast-out", "fast 1"))
    dash_duo.find_element("#slow").click()
    # a Loading elsewhere on the page is not disturbed (watched while the update runs)
    seen = _seen_before(
        dash_duo, [f".box {SPINNER}", f".other-box {SPINNER}"], ("#slow-out", "slow 1")
    )
    assert seen == {f".box {SPINNER}"}


def test_custom_spinner_replaces_the_default_one(dash_duo) -> None:
    start(dash_duo, _loading_app(custom_spinner=html.Span("Working…", id="my-spinner")))
    dash_duo.wait_for_element("#slow").click()
    # the default spinner never shows, not even while the update runs
    seen = _seen_before(dash_duo, ["#my-spinner", f".box {SPINNER}"], ("#slow-out", "slow 1"))
    assert seen == {"#my-spinner"}
    dash_duo.wait_for_no_elements("#my-spinner")

"""dcc.Markdown, Loading, Upload, Download, Clipboard, ConfirmDialog(Provider), Tooltip and
Geolocation in Chromium."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from ports import start_on_free_port as start

from dash import Dash, Input, Output, State, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_markdown_renders_escapes_html_and_highlights_code(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Markdown(
                """
                # Title
                A [link](https://example.com) and <b>raw html</b>.

                ```python
                x = 1
                ```
                """,
                id="md",
                link_target="_blank",
            ),
            dcc.Markdown("<i>trusted</i>", id="html", dangerously_allow_html=True),
        ]
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#md h1", "Title")
    assert dash_duo.find_element("#md a").get_attribute("target") == "_blank"
    assert "<b>raw html</b>" in dash_duo.find_element("#md p").text
    code = dash_duo.wait_for_element("#md pre code.language-python.hljs[data-highlighted='yes']")
    assert code.find_elements("css selector", "span.hljs-number")
    assert dash_duo.find_element("#html i").text == "trusted"
    assert dash_duo.find_element("#md").get_attribute("class") in (None, "")
    assert dash_duo.get_logs() == []


def test_loading_spinner_shows_while_a_child_updates(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Button("Load", id="go"),
            dcc.Loading(html.Div("idle", id="slow"), id="loading", className="spin"),
        ]
    )

    @app.callback(Output("slow", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        time.sleep(1.2)
        return f"done {n}"

    start(dash_duo, app)
    dash_duo.wait_for_no_elements(".spin .dash-spinner")
    dash_duo.find_element("#go").click()
    dash_duo.wait_for_element(".spin .dash-spinner.dash-default-spinner")
    dash_duo.wait_for_style_to_equal("#slow", "visibility", "hidden")
    dash_duo.wait_for_text_to_equal("#slow", "done 1")
    dash_duo.wait_for_no_elements(".spin .dash-spinner")
    dash_duo.wait_for_style_to_equal("#slow", "visibility", "visible")
    assert dash_duo.get_logs() == []


def test_upload_sends_a_data_url_filename_and_seconds(dash_duo, tmp_path: Path) -> None:
    sample = tmp_path / "hello.txt"
    sample.write_text("hello upload")
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Upload(html.Div("Drop here"), id="upload", accept=".txt"), html.Div(id="out")]
    )

    @app.callback(
        Output("out", "children"),
        Input("upload", "contents"),
        State("upload", "filename"),
        State("upload", "last_modified"),
        prevent_initial_call=True,
    )
    def show(contents, filename, last_modified):
        header, payload = contents.split(",", 1)
        text = base64.b64decode(payload).decode()
        in_seconds = 1e9 < last_modified < 1e11
        return f"{filename}|{header}|{text}|{in_seconds}"

    start(dash_duo, app)
    dash_duo.wait_for_element("#upload input[type=file]").send_keys(str(sample))
    dash_duo.wait_for_text_to_equal("#out", "hello.txt|data:text/plain;base64|hello upload|True")
    assert dash_duo.get_logs() == []


def test_download_saves_the_file(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Button("Save", id="save"), dcc.Download(id="download")])

    @app.callback(Output("download", "data"), Input("save", "n_clicks"), prevent_initial_call=True)
    def save(_):
        return dcc.send_string("a,b\n1,2\n", "table.csv")

    start(dash_duo, app)
    dash_duo.wait_for_element("#save").click()
    target = Path(dash_duo.download_path) / "table.csv"
    until(target.exists, timeout=10, msg=f"{target} was not downloaded")
    until(lambda: target.read_text() == "a,b\n1,2\n", timeout=5)
    assert dash_duo.get_logs() == []


def test_confirm_dialog_provider_counts_the_answer(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.ConfirmDialogProvider(
                html.Button("Delete", id="delete"), id="confirm", message="Really delete?"
            ),
            html.Div(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("confirm", "submit_n_clicks"),
        Input("confirm", "cancel_n_clicks"),
        prevent_initial_call=True,
    )
    def show(submitted, cancelled):
        return f"ok={submitted} cancel={cancelled}"

    start(dash_duo, app)
    dash_duo.wait_for_element("#delete").click()
    until(lambda: _alert_text(dash_duo), timeout=5)
    alert = dash_duo.driver.switch_to.alert
    assert alert.text == "Really delete?"
    alert.accept()
    dash_duo.wait_for_text_to_equal("#out", "ok=1 cancel=None")
    dash_duo.find_element("#delete").click()
    until(lambda: _alert_text(dash_duo), timeout=5)
    dash_duo.driver.switch_to.alert.dismiss()
    dash_duo.wait_for_text_to_equal("#out", "ok=1 cancel=1")
    assert dash_duo.get_logs() == []


def _alert_text(dash_duo) -> str | None:
    try:
        return dash_duo.driver.switch_to.alert.text
    except Exception:
        return None


def test_clipboard_copies_the_target_text(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Textarea(id="source", value="copy me"),
            dcc.Clipboard(id="clip", target_id="source"),
            html.Div(id="clicks"),
        ]
    )

    @app.callback(Output("clicks", "children"), Input("clip", "n_clicks"))
    def show(n):
        return f"clicks={n}"

    start(dash_duo, app)
    dash_duo.driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    icon = dash_duo.wait_for_element("#clip svg")
    assert icon.get_attribute("data-icon") == "copy"
    dash_duo.find_element("#clip").click()
    dash_duo.wait_for_text_to_equal("#clicks", "clicks=1")
    dash_duo.wait_for_element("#clip svg[data-icon='check-circle']")
    copied = dash_duo.driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done(String(e)))"
    )
    assert copied == "copy me"
    dash_duo.wait_for_element("#clip svg[data-icon='copy']")
    assert dash_duo.get_logs() == []


def test_tooltip_follows_bbox_and_show(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Button("Toggle", id="toggle"),
            html.Div(
                [dcc.Tooltip("Tip text", id="tip", show=False, direction="bottom")],
                style={"position": "relative"},
            ),
        ]
    )

    @app.callback(
        Output("tip", "show"),
        Output("tip", "bbox"),
        Input("toggle", "n_clicks"),
        prevent_initial_call=True,
    )
    def toggle(_):
        return True, {"x0": 10, "y0": 20, "x1": 50, "y1": 40}

    start(dash_duo, app)
    box = dash_duo.wait_for_element(".dcc-tooltip-bounding-box")
    assert box.value_of_css_property("display") == "none"
    assert dash_duo.find_element("#tip").get_attribute("class") == "hover-content"
    dash_duo.find_element("#toggle").click()
    until(lambda: "display: inline-block" in box.get_attribute("style"), timeout=5)
    assert box.value_of_css_property("left") == "10px"
    assert box.value_of_css_property("width") == "40px"
    assert dash_duo.find_element(".hover").get_attribute("class") == "hover hover-bottom"
    assert dash_duo.find_element("#tip").text == "Tip text"
    assert dash_duo.get_logs() == []


def test_geolocation_reports_the_position(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Geolocation(id="geo"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("geo", "position"), prevent_initial_call=True)
    def show(position):
        return f"{position['lat']},{position['lon']}"

    dash_duo.driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"]})
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setGeolocationOverride", {"latitude": 45.5, "longitude": -73.6, "accuracy": 10}
    )
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#out", "45.5,-73.6")
    assert dash_duo.get_logs() == []

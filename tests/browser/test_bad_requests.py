"""Malformed callback requests get a 4xx JSON answer and the app keeps working."""

from __future__ import annotations

import json

import pytest
import requests

from dash import Dash, Input, Output, html

pytestmark = pytest.mark.browser

VALID_SHAPE = {
    "output": "out.children",
    "outputs": {"id": "out", "property": "children"},
    "inputs": [{"id": "btn", "property": "n_clicks", "value": 1}],
    "changedPropIds": ["btn.n_clicks"],
}

BAD_BODIES = {
    "not json at all": ("application/json", "{this is not json"),
    "wrong content type": ("text/plain", json.dumps(VALID_SHAPE)),
    "empty object": ("application/json", "{}"),
    "a list instead of an object": ("application/json", "[1, 2, 3]"),
    "unknown output": (
        "application/json",
        json.dumps({**VALID_SHAPE, "output": "nowhere.children"}),
    ),
    "inputs not a list": ("application/json", json.dumps({**VALID_SHAPE, "inputs": "oops"})),
}


def test_malformed_requests_get_4xx_json_and_app_keeps_working(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Click", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n_clicks):
        return f"clicks: {n_clicks or 0}"

    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#out", "clicks: 0")

    session = requests.Session()
    session.trust_env = False  # loopback: never through a proxy
    url = f"{dash_duo.server_url}/_dash-update-component"
    for case, (content_type, body) in BAD_BODIES.items():
        answer = session.post(url, data=body, headers={"Content-Type": content_type}, timeout=10)
        assert 400 <= answer.status_code < 500, (case, answer.status_code, answer.text)
        assert answer.headers["Content-Type"].startswith("application/json"), case
        message = answer.json()["message"]
        assert isinstance(message, str) and message, case
        assert "Traceback" not in answer.text, case

    # A well-formed request still works, and so does the page.
    good = session.post(url, json=VALID_SHAPE, timeout=10)
    assert good.status_code == 200
    assert good.json()["response"] == {"out": {"children": "clicks: 1"}}
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "clicks: 1")
    assert dash_duo.get_logs() == []

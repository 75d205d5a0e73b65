"""Dispatch benchmark: POST /_dash-update-component through the Flask test client.

Two callbacks: a trivial one (1 Input, 1 Output) and one with 3 Outputs. Each
is called --requests times with a pre-encoded body like the renderer's; the
table gives the mean time per request in microseconds (after a warm-up).

    python bench/dispatch.py [--requests 2000] [--baseline PYTHON]
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import _harness
from _harness import Report, Row, measured

WARM_UP_REQUESTS = 50


def build_app() -> Any:
    """An app with the two benchmarked callbacks."""
    from dash import Dash, Input, Output, html

    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Div(id="in", title="hello"),
            html.Div(id="out"),
            html.Div(id="a"),
            html.Div(id="b"),
            html.Div(id="c"),
        ]
    )

    @app.callback(Output("out", "children"), Input("in", "title"))
    def echo(value: str) -> str:
        return value

    @app.callback(
        Output("a", "children"),
        Output("b", "children"),
        Output("c", "children"),
        Input("in", "title"),
    )
    def three(value: str) -> tuple[str, str, int]:
        return value, value.upper(), len(value)

    return app


def request_body(outputs: list[str], value: str) -> bytes:
    """The JSON the renderer posts when `in.title` changes, for callbacks writing `children`."""
    targets = [{"id": output, "property": "children"} for output in outputs]
    if len(outputs) == 1:
        output: str = f"{outputs[0]}.children"
        output_field: Any = targets[0]
    else:
        output = ".." + "...".join(f"{o}.children" for o in outputs) + ".."
        output_field = targets
    body = {
        "output": output,
        "outputs": output_field,
        "inputs": [{"id": "in", "property": "title", "value": value}],
        "changedPropIds": ["in.title"],
        "parsedChangedPropsIds": ["in.title"],
    }
    return json.dumps(body).encode("utf-8")


def expected_response(outputs: list[str], value: str) -> dict[str, Any]:
    """The `response` member both implementations must answer for `request_body(outputs, value)`."""
    values: list[Any] = [value] if len(outputs) == 1 else [value, value.upper(), len(value)]
    return {output: {"children": v} for output, v in zip(outputs, values, strict=True)}


def check_answer(client: Any, body: bytes, expected: dict[str, Any]) -> None:
    """Fail unless the server answers `body` with the `expected` outputs (no timing on wrong answers)."""
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    answer = json.loads(response.get_data()) if response.status_code == 200 else None
    if answer is None or answer.get("response") != expected:
        raise RuntimeError(
            f"unexpected answer {response.status_code}: {response.get_data()[:200]!r}"
        )


def mean_microseconds(client: Any, body: bytes, requests: int) -> float:
    """Mean wall time of one POST of `body`, over `requests` posts after a warm-up."""

    def post() -> None:
        response = client.post(
            "/_dash-update-component", data=body, content_type="application/json"
        )
        if response.status_code != 200:
            raise RuntimeError(
                f"POST answered {response.status_code}: {response.get_data()[:200]!r}"
            )
        response.get_data()

    for _ in range(WARM_UP_REQUESTS):
        post()
    start = time.perf_counter()
    for _ in range(requests):
        post()
    return 1e6 * (time.perf_counter() - start) / requests


def run(arguments: argparse.Namespace) -> Report:
    """Measure both callbacks for the installed dash."""
    report = Report(_harness.implementation_name())
    cases = [("1 input -> 1 output", ["out"]), ("1 input -> 3 outputs", ["a", "b", "c"])]
    try:
        client = build_app().server.test_client()
    except Exception as error:  # noqa: BLE001 - reported in the table
        note = "app setup failed: " + _harness.error_text(error)
        report.rows.extend(Row(name, None, "us/request", note) for name, _ in cases)
        return report
    for name, outputs in cases:
        body = request_body(outputs, "hello world")

        def measure(body: bytes = body, outputs: list[str] = outputs) -> float:
            check_answer(client, body, expected_response(outputs, "hello world"))
            return mean_microseconds(client, body, arguments.requests)

        report.rows.append(measured(name, "us/request", measure))
    report.details.append(
        f"{arguments.requests:,} requests per case after {WARM_UP_REQUESTS} warm-up requests"
    )
    return report


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    options = _harness.parser(__doc__.splitlines()[0])
    options.add_argument("--requests", type=int, default=2000, help="timed requests per callback")
    return options.parse_args()


if __name__ == "__main__":
    _harness.main("Callback dispatch through POST /_dash-update-component", arguments(), run)

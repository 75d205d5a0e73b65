"""Callback chain benchmark: a click travelling through chained, fanned-out and clientside callbacks.

One app, served in a subprocess of the interpreter under test (and, given a baseline, of the
baseline interpreter), driven by headless Chromium from this interpreter. Three buttons:

* server chain: the click sets `s0.children`; callback i copies `s{i}.children` into
  `s{i+1}.children` (`--length` callbacks, 20 by default), each one a request to the server;
* fan-out: one click feeds `--width` (50) separate callbacks, one per output `f{i}.children`;
* clientside chain: the server chain's shape with clientside (inline JavaScript) callbacks.

Each figure is the time from `click()` to the moment the DOM shows the clicked value in the last
element (every element for the fan-out), measured in the page with a MutationObserver so WebDriver
latency is not counted. Median of `--runs` clicks after one warm-up click.

    python bench/callback_chain.py [--baseline PYTHON] [--runs 9] [--length 20] [--width 50]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import _harness
from _harness import Report

SCENARIOS = ("server chain", "fan-out", "clientside chain")


# -- the served app (runs under the interpreter being measured) --------------------------------


def build_app(length: int, width: int) -> object:
    """The benchmark app: three buttons and the elements their callbacks write to."""
    from dash import Dash, Input, Output, html

    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("chain", id="chain-btn"),
            html.Div([html.Div(id=f"s{i}") for i in range(length + 1)], id="chain"),
            html.Button("fan-out", id="fan-btn"),
            html.Div([html.Div(id=f"f{i}", className="fan") for i in range(width)], id="fans"),
            html.Button("clientside", id="cs-btn"),
            html.Div([html.Div(id=f"c{i}") for i in range(length + 1)], id="cs-chain"),
        ]
    )

    @app.callback(Output("s0", "children"), Input("chain-btn", "n_clicks"))
    def start_chain(clicks: int | None) -> str:
        return f"click {clicks or 0}"

    for i in range(length):
        app.callback(Output(f"s{i + 1}", "children"), Input(f"s{i}", "children"))(_same)

    for i in range(width):
        app.callback(Output(f"f{i}", "children"), Input("fan-btn", "n_clicks"))(_fan_value)

    app.clientside_callback(
        "function (clicks) { return 'click ' + (clicks || 0); }",
        Output("c0", "children"),
        Input("cs-btn", "n_clicks"),
    )
    for i in range(length):
        app.clientside_callback(
            "function (value) { return value; }",
            Output(f"c{i + 1}", "children"),
            Input(f"c{i}", "children"),
        )
    return app


def _same(value: object) -> object:
    return value


def _fan_value(clicks: int | None) -> str:
    return f"click {clicks or 0}"


# -- the measuring side (this interpreter) ---------------------------------------------------------


def _ready_chain(prefix: str, length: int, clicks: int) -> str:
    return (
        f"const el = document.getElementById('{prefix}{length}');"
        f" return el !== null && el.textContent === 'click {clicks}';"
    )


def _ready_fan(width: int, clicks: int) -> str:
    return (
        "const cells = document.querySelectorAll('.fan');"
        f" if (cells.length !== {width}) return false;"
        f" for (const cell of cells) if (cell.textContent !== 'click {clicks}') return false;"
        " return true;"
    )


def _click(button: str) -> str:
    return f"document.getElementById('{button}').click();"


def measure(python: str, arguments: argparse.Namespace) -> Report:
    """Serve the app with `python`; time `--runs` clicks of each button in Chromium."""
    length, width, runs = arguments.length, arguments.width, max(1, arguments.runs)
    load = _harness.load_note()
    script = str(Path(__file__).resolve())
    extra = ["--length", str(length), "--width", str(width)]
    server = _harness.ServedApp(python, script, extra)
    driver = None
    try:
        report = Report(server.implementation)
        report.details.append(load)
        report.details.append(
            f"chains of {length} callbacks, fan-out to {width}; {runs} clicks each, median"
        )
        driver = _harness.start_chromium()
        driver.get(server.url)
        _harness.wait_in_page(driver, _ready_chain("s", length, 0), 60)
        _harness.wait_in_page(driver, _ready_chain("c", length, 0), 60)
        _harness.wait_in_page(driver, _ready_fan(width, 0), 60)
        _harness.wait_idle(driver)
        cases = {
            SCENARIOS[0]: ("chain-btn", "#chain", lambda k: _ready_chain("s", length, k)),
            SCENARIOS[1]: ("fan-btn", "#fans", lambda k: _ready_fan(width, k)),
            SCENARIOS[2]: ("cs-btn", "#cs-chain", lambda k: _ready_chain("c", length, k)),
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        errors: dict[str, str] = {}
        for name, (button, watch, ready) in cases.items():
            try:
                for clicks in range(1, runs + 2):
                    elapsed = _harness.time_until(driver, _click(button), ready(clicks), watch)
                    if clicks > 1:  # the first click warms up
                        samples[name].append(elapsed)
                    _harness.wait_idle(driver)
            except Exception as error:  # noqa: BLE001 - reported in the table
                errors[name] = _harness.error_text(error)
        return _harness.add_medians(report, samples, errors)
    finally:
        if driver is not None:
            driver.quit()
        server.close()


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    result = _harness.browser_parser(__doc__.splitlines()[0])
    result.add_argument("--runs", type=int, default=9, help="timed clicks per scenario")
    result.add_argument("--length", type=int, default=20, help="callbacks in each chain")
    result.add_argument("--width", type=int, default=50, help="callbacks of the fan-out")
    return result.parse_args()


def main() -> None:
    _harness.compare_in_browser(
        "Callback chains: click to last update in headless Chromium",
        measure,
        arguments(),
        lambda o: _harness.serve_quietly(build_app(o.length, o.width), o.serve),
    )


if __name__ == "__main__":
    main()

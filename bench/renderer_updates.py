"""Renderer update benchmark: big children replacements, a pattern-matching style update, typing.

Three small apps, one per scenario and each served alone (so one scenario's components never slow
another), in a subprocess of the interpreter under test (and, given a baseline, of the baseline
interpreter), driven by headless Chromium from this interpreter:

* replace children: a click makes a callback return 1,000 (then 5,000) new `html.Div`s as the
  `children` of one Div, replacing the previous ones;
* style via ALL: a click makes one callback set `style` on 1,000 Divs with pattern-matching ids
  through an `ALL` output;
* keystroke echo: one character typed into a `dcc.Input` whose `value` a callback copies into a
  Div; one keystroke at a time.

Each figure is the time from the trigger (`click()`, or the input event of the keystroke) to the
moment the DOM shows the result, measured in the page by a MutationObserver on the element showing
it, so WebDriver latency is not counted. Median of `--runs` triggers after one warm-up.

    python bench/renderer_updates.py [--baseline PYTHON] [--runs 7] [--cells 1000]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import _harness
from _harness import Report

REPLACE_SIZES = (1_000, 5_000)
# A scenario whose warm-up takes longer than this is timed only SLOW_RUNS times.
SLOW_MS = 10_000
SLOW_RUNS = 2
TIMEOUT_S = 300


# -- the served app (runs under the interpreter being measured) --------------------------------


SCENARIO_APPS = ("replace", "style", "type")


def build_app(scenario: str, cells: int) -> object:
    """The app of one scenario (each is served alone, so one's components never slow another).

    `replace`: buttons and the box whose children they replace; `style`: a button and `cells`
    Divs with pattern-matching ids; `type`: the echoing `dcc.Input`.
    """
    from dash import ALL, Dash, Input, Output, ctx, dcc, html

    app = Dash(__name__)
    if scenario == "replace":
        sizes = (*REPLACE_SIZES, 0)
        app.layout = html.Div(
            [html.Div([html.Button(f"{n}", id=f"replace-{n}") for n in sizes]), html.Div(id="box")]
        )

        @app.callback(
            Output("box", "children"),
            [Input(f"replace-{n}", "n_clicks") for n in sizes],
            prevent_initial_call=True,
        )
        def replace(*clicks: int | None) -> list:
            size = int(str(ctx.triggered_id).split("-")[1])
            total = sum(c or 0 for c in clicks)
            return [html.Div(f"item {i} / {total}", className="item") for i in range(size)]

    elif scenario == "style":
        cell_divs = [
            html.Div(str(i), id={"type": "cell", "index": i}, className="cell")
            for i in range(cells)
        ]
        app.layout = html.Div(
            [html.Button("style", id="style-btn"), html.Div(cell_divs, id="cells")]
        )

        @app.callback(
            Output({"type": "cell", "index": ALL}, "style"),
            Input("style-btn", "n_clicks"),
            prevent_initial_call=True,
        )
        def restyle(clicks: int | None) -> list[dict]:
            return [{"color": f"rgb({(clicks or 0) % 256}, 0, 0)"} for _ in range(cells)]

    else:
        app.layout = html.Div([dcc.Input(id="typed", value="", type="text"), html.Div(id="echo")])

        @app.callback(Output("echo", "children"), Input("typed", "value"))
        def echo(value: str | None) -> str:
            return f"typed {value or ''}"

    return app


# -- the measuring side (this interpreter) ---------------------------------------------------------


def _ready_replaced(size: int, total: int) -> str:
    if not size:
        return "const box = document.getElementById('box'); return box !== null && !box.firstChild;"
    return (
        "const box = document.getElementById('box');"
        f" return box !== null && box.childElementCount === {size}"
        f" && box.firstElementChild.textContent === 'item 0 / {total}'"
        f" && box.lastElementChild.textContent === 'item {size - 1} / {total}';"
    )


def _ready_styled(cells: int, clicks: int) -> str:
    color = f"rgb({clicks % 256}, 0, 0)"
    return (
        "const all = document.querySelectorAll('.cell');"
        f" return all.length === {cells} && all[0].style.color === '{color}'"
        f" && all[all.length - 1].style.color === '{color}';"
    )


def _ready_echo(text: str) -> str:
    return (
        "const echo = document.getElementById('echo');"
        f" return echo !== null && echo.textContent === 'typed {text}';"
    )


def _click(element_id: str) -> str:
    return f"document.getElementById('{element_id}').click();"


def _type(text: str) -> str:
    """Set the input's value as a keystroke does (through React's value setter) and fire `input`."""
    return (
        "const el = document.getElementById('typed');"
        " const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        f" setter.call(el, '{text}');"
        " el.dispatchEvent(new Event('input', { bubbles: true }));"
    )


def _time_series(
    driver: object,
    runs: int,
    step: Callable[[int], tuple[str, str]],
    samples: list[float],
    watch: str,
) -> bool:
    """Run `step(i)` -> (trigger, ready) once to warm up, then time it `runs` times into `samples`.

    The DOM is watched at `watch` (a CSS selector), attributes included for the style scenario.
    When the warm-up took longer than `SLOW_MS`, only `SLOW_RUNS` runs are timed (answers True).
    """
    slow = False
    i = 0
    while i <= runs:
        trigger, ready = step(i)
        elapsed = _harness.time_until(driver, trigger, ready, watch, watch == "#cells", TIMEOUT_S)
        if i:
            samples.append(elapsed)
        elif elapsed > SLOW_MS and runs > SLOW_RUNS:
            slow, runs = True, SLOW_RUNS
        _harness.wait_idle(driver, TIMEOUT_S)
        i += 1
    return slow


def _cases(cells: int) -> dict[str, tuple[str, str, Callable[[int], tuple[str, str]]]]:
    """Scenario name -> (app, watched element, step(i) -> (trigger, ready))."""
    replaced = {"clicks": 0}

    def replace_step(size: int) -> Callable[[int], tuple[str, str]]:
        def step(_: int) -> tuple[str, str]:
            replaced["clicks"] += 1
            return _click(f"replace-{size}"), _ready_replaced(size, replaced["clicks"])

        return step

    def style_step(i: int) -> tuple[str, str]:
        return _click("style-btn"), _ready_styled(cells, i + 1)

    def type_step(i: int) -> tuple[str, str]:
        text = "x" * (i + 1)
        return _type(text), _ready_echo(text)

    cases = {f"replace children {n:,}": ("replace", "#box", replace_step(n)) for n in REPLACE_SIZES}
    cases[f"style via ALL on {cells:,}"] = ("style", "#cells", style_step)
    cases["keystroke echo"] = ("type", "#echo", type_step)
    return cases


_LOADED = {
    "replace": "return document.getElementById('box') !== null;",
    "style": "return document.querySelectorAll('.cell').length > 0;",
    "type": "const echo = document.getElementById('echo'); return echo !== null"
    " && echo.textContent === 'typed ';",
}


def measure(python: str, arguments: argparse.Namespace) -> Report:
    """Serve each scenario's app with `python`; time it `--runs` times in Chromium."""
    cells, runs = arguments.cells, max(1, arguments.runs)
    load = _harness.load_note()
    script = str(Path(__file__).resolve())
    cases = _cases(cells)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    errors: dict[str, str] = {}
    notes: list[str] = []
    implementation = "?"
    driver = _harness.start_chromium(TIMEOUT_S)
    try:
        for scenario in SCENARIO_APPS:
            server = _harness.ServedApp(python, script, ["--app", scenario, "--cells", str(cells)])
            implementation = server.implementation
            try:
                driver.get(server.url)
                _harness.wait_in_page(driver, _LOADED[scenario], 60)
                _harness.wait_idle(driver)
                for name, (app, watch, step) in cases.items():
                    if app != scenario:
                        continue
                    try:
                        if _time_series(driver, runs, step, samples[name], watch):
                            notes.append(
                                f"{name}: warm-up over {SLOW_MS // 1000} s, timed {SLOW_RUNS}x"
                            )
                    except Exception as error:  # noqa: BLE001 - reported in the table
                        errors[name] = _harness.error_text(error)
            finally:
                server.close()
    finally:
        driver.quit()
    report = Report(implementation)
    report.details.append(load)
    report.details.append(f"{runs} triggers per scenario after one warm-up, median")
    _harness.add_medians(report, samples, errors)
    report.details.extend(notes)
    return report


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    result = _harness.browser_parser(__doc__.splitlines()[0])
    result.add_argument("--runs", type=int, default=7, help="timed triggers per scenario")
    result.add_argument("--cells", type=int, default=1_000, help="Divs restyled through ALL")
    result.add_argument("--app", choices=SCENARIO_APPS, help=argparse.SUPPRESS)
    return result.parse_args()


def main() -> None:
    _harness.compare_in_browser(
        "Renderer updates: trigger to DOM in headless Chromium",
        measure,
        arguments(),
        lambda o: _harness.serve_quietly(build_app(o.app, o.cells), o.serve),
    )


if __name__ == "__main__":
    main()

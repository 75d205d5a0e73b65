"""Shared plumbing of the benchmark scripts: timing, tables, and the baseline run.

Every scenario script measures the `dash` importable by the interpreter running
it. Given a second interpreter (``--baseline PYTHON`` or the environment
variable ``DASH_BASELINE_PYTHON``), the script also runs itself under that
interpreter in a subprocess, collects its rows as JSON and prints the two side
by side with the ratio dash-next / Dash (below 1 means dash-next is better:
every metric here is a time or a size).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

BASELINE_ENV = "DASH_BASELINE_PYTHON"
_JSON_MARKER = "BENCH-JSON:"


@dataclass
class Row:
    """One measured quantity: lower is better. `value` is None when it failed."""

    name: str
    value: float | None
    unit: str
    note: str = ""


@dataclass
class Report:
    """What one interpreter measured."""

    implementation: str
    rows: list[Row] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def implementation_name() -> str:
    """`dash-next <version>` for this project, `dash <version>` for Plotly's Dash."""
    import dash

    version = getattr(dash, "__version__", "?")
    kind = "dash-next" if "next" in version else "dash"
    return f"{kind} {version}"


def is_dash_next(implementation: str) -> bool:
    """Whether a report's implementation name is this project's."""
    return implementation.startswith("dash-next")


def best_seconds(action: Callable[[], object], repeat: int, warm_up: bool = True) -> float:
    """Shortest wall time of `repeat` runs of `action` (a full collection before each).

    An untimed first run (unless `warm_up` is False) keeps one-off costs such as
    lazy imports and caches filling out of the result.
    """
    if warm_up:
        action()
    best = float("inf")
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measured(name: str, unit: str, measure: Callable[[], float]) -> Row:
    """A row for `measure()`; a failure becomes an empty row naming the error.

    The server of dash-next is still being written: a scenario that cannot run
    yet reports why instead of stopping the whole script.
    """
    try:
        return Row(name, measure(), unit)
    except Exception as error:  # noqa: BLE001 - reported in the table, never hidden
        return Row(name, None, unit, error_text(error))


def error_text(error: BaseException) -> str:
    """A failure as one short line for a report's note column."""
    return f"{type(error).__name__}: {error}"[:120]


def parser(description: str) -> argparse.ArgumentParser:
    """Argument parser with the options every scenario shares."""
    result = argparse.ArgumentParser(description=description)
    result.add_argument(
        "--baseline",
        default=os.environ.get(BASELINE_ENV) or None,
        metavar="PYTHON",
        help=f"interpreter of a venv with PyPI dash, to compare against (default: ${BASELINE_ENV})",
    )
    result.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    return result


def _child_argv(argv: list[str]) -> list[str]:
    """`argv` without the baseline option, plus the flag asking for JSON output."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--baseline":
            skip = True
        elif not arg.startswith("--baseline="):
            kept.append(arg)
    return [*kept, "--json"]


def _run_baseline(python: str, script: str, argv: list[str]) -> Report:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", BASELINE_ENV)
    }
    done = subprocess.run(
        [python, script, *_child_argv(argv)], capture_output=True, text=True, env=env, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(_JSON_MARKER)]
    if done.returncode != 0 or not lines:
        raise SystemExit(
            f"baseline run failed ({python} {script}, exit {done.returncode}):\n{done.stderr[-2000:]}"
        )
    data = json.loads(lines[-1][len(_JSON_MARKER) :])
    return Report(data["implementation"], [Row(**row) for row in data["rows"]], data["details"])


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit in ("bytes", "count"):
        return f"{value:,.0f}"
    return f"{value:,.1f}" if value >= 100 else f"{value:,.3f}"


def _print_table(header: list[str], rows: Iterable[list[str]]) -> None:
    body = [header, *rows]
    widths = [max(len(line[i]) for line in body) for i in range(len(header))]
    for index, line in enumerate(body):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))


def print_report(title: str, report: Report) -> None:
    """One interpreter's rows, then its detail lines."""
    print(f"\n{title}: {report.implementation}")
    _print_table(
        ["scenario", "value", "unit", "note"],
        ([row.name, _format(row.value, row.unit), row.unit, row.note] for row in report.rows),
    )
    for line in report.details:
        print(f"  {line}")


def print_comparison(ours: Report, theirs: Report) -> None:
    """Rows present in both reports, with the ratio dash-next / Dash."""
    if is_dash_next(theirs.implementation) and not is_dash_next(ours.implementation):
        ours, theirs = theirs, ours
    baseline = {row.name: row for row in theirs.rows}
    lines = []
    for row in ours.rows:
        other = baseline.get(row.name)
        if other is None:
            continue
        ratio = "n/a"
        if row.value is not None and other.value:
            ratio = f"{row.value / other.value:.2f}"
        lines.append(
            [
                row.name,
                _format(row.value, row.unit),
                _format(other.value, other.unit),
                row.unit,
                ratio,
            ]
        )
    print(
        f"\ncomparison ({ours.implementation} vs {theirs.implementation}); ratio < 1: dash-next is better"
    )
    _print_table(["scenario", "dash-next", "Dash", "unit", "ratio"], lines)


def main(
    title: str, arguments: argparse.Namespace, scenario: Callable[[argparse.Namespace], Report]
) -> None:
    """Run `scenario` here and, when asked, under the baseline interpreter; print the tables."""
    ours = scenario(arguments)
    if arguments.json:
        payload = {
            "implementation": ours.implementation,
            "rows": [asdict(r) for r in ours.rows],
            "details": ours.details,
        }
        print(_JSON_MARKER + json.dumps(payload))
        return
    print(title)
    print_report("this interpreter", ours)
    if arguments.baseline:
        script = os.path.abspath(sys.argv[0])
        theirs = _run_baseline(arguments.baseline, script, sys.argv[1:])
        print_report("baseline interpreter", theirs)
        print_comparison(ours, theirs)


# -- browser scenarios: an app served in a subprocess, timed in headless Chromium ------------------

CHROMIUM = os.environ.get("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("DASH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
IMPLEMENTATION_MARK = "IMPLEMENTATION:"
SERVER_STARTUP_TIMEOUT_S = 120

# Runs `trigger` then resolves with the milliseconds until `ready` first holds (both given as
# function bodies), checked by a MutationObserver on the element matching `watch` (and its subtree) so
# the check runs right after the DOM changed, before the next paint. Measured in the page: WebDriver
# latency is not counted. Observing only the part of the page that shows the result keeps the
# observer's own cost out of the figures (attribute changes only when asked, for style updates).
_TIME_UNTIL = """
const [triggerBody, readyBody, watch, attributes, timeoutMs, done] = arguments;
const trigger = new Function(triggerBody);
const ready = new Function(readyBody);
const target = document.querySelector(watch);
if (target === null) { done("nothing in the page matches " + watch); return; }
let finished = false;
let timer = null;
const observer = new MutationObserver(() => { if (!finished && ready()) finish(performance.now() - start); });
const finish = (answer) => {
  finished = true;
  observer.disconnect();
  clearTimeout(timer);
  done(answer);
};
observer.observe(target, { subtree: true, childList: true, characterData: true, attributes });
timer = setTimeout(() => { if (!finished) finish("not ready after " + timeoutMs + " ms: " + readyBody); },
  timeoutMs);
const start = performance.now();
trigger();
if (!finished && ready()) finish(performance.now() - start);
"""


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedApp:
    """`python script --serve PORT *extra` in a subprocess, until `close()`.

    The child prints `IMPLEMENTATION: <name>` (see `announce_implementation`) before serving; the
    environment loses PYTHONPATH/PYTHONHOME so a baseline interpreter imports its own dash.
    """

    def __init__(self, python: str, script: str, extra: list[str] | None = None) -> None:
        import tempfile

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._log = tempfile.NamedTemporaryFile(prefix="bench-app-", suffix=".log", delete=False)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        command = [python, script, "--serve", str(self.port), *(extra or [])]
        self._process = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=os.path.dirname(script),
        )
        self._wait_until_answering()

    def log_text(self) -> str:
        """Everything the server printed so far."""
        with open(self._log.name, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def _wait_until_answering(self) -> None:
        import urllib.request

        deadline = time.monotonic() + SERVER_STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._log.close()
                raise RuntimeError(f"the app server exited:\n{self.log_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.close()
        raise RuntimeError(f"the app server did not answer within {SERVER_STARTUP_TIMEOUT_S} s")

    @property
    def implementation(self) -> str:
        """The name the child announced, or `?`."""
        for line in self.log_text().splitlines():
            if line.startswith(IMPLEMENTATION_MARK):
                return line[len(IMPLEMENTATION_MARK) :].strip()
        return "?"

    def close(self) -> None:
        """Stop the server and remove its log."""
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        os.unlink(self._log.name)


def announce_implementation() -> None:
    """Print the marker line `ServedApp.implementation` reads (call in the served child)."""
    print(IMPLEMENTATION_MARK, implementation_name(), flush=True)


def serve_quietly(app: object, port: int) -> None:
    """Run a Dash app on 127.0.0.1:`port` without request logging, until killed."""
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    announce_implementation()
    app.run(host="127.0.0.1", port=port, debug=False)  # type: ignore[attr-defined]


def start_chromium(script_timeout_s: float = 120) -> object:
    """Headless Chromium through the system chromedriver (selenium from this interpreter)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(script_timeout_s + 10)
    # A slow page keeps one WebDriver call busy as long as the script runs: let the HTTP wait as long.
    config = getattr(driver.command_executor, "_client_config", None)
    if config is not None:
        config.timeout = script_timeout_s + 30
    return driver


def wait_in_page(driver: object, ready_body: str, timeout_s: float = 60) -> None:
    """Poll until the JavaScript function body `ready_body` returns true in the page."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if driver.execute_script(ready_body):  # type: ignore[attr-defined]
            return
        time.sleep(0.05)
    raise RuntimeError(f"the page never satisfied: {ready_body}")


def time_until(
    driver: object,
    trigger_body: str,
    ready_body: str,
    watch: str = "body",
    attributes: bool = False,
    timeout_s: float = 60,
) -> float:
    """Milliseconds from running `trigger_body` in the page until `ready_body` holds there.

    `ready_body` is checked whenever the element matching the CSS selector `watch` or its subtree
    changes (its children or text; its attributes too with `attributes`).
    """
    answer = driver.execute_async_script(  # type: ignore[attr-defined]
        _TIME_UNTIL, trigger_body, ready_body, watch, attributes, int(timeout_s * 1000)
    )
    if isinstance(answer, str):
        raise RuntimeError(answer)
    return float(answer)


def wait_idle(driver: object, timeout_s: float = 60) -> None:
    """Wait until the renderer has no callback pending (the page title stops saying Updating)."""
    wait_in_page(driver, "return !document.title.startsWith('Updating');", timeout_s)
    time.sleep(0.15)


def median_rows(
    samples: dict[str, list[float]], errors: dict[str, str], unit: str = "ms"
) -> tuple[list[Row], list[str]]:
    """One row per scenario (median of its samples) and a detail line listing the samples."""
    import statistics

    rows: list[Row] = []
    details: list[str] = []
    for name, values in samples.items():
        value = statistics.median(values) if values else None
        rows.append(Row(name, value, unit, errors.get(name, "")))
        if values:
            details.append(f"{name}: " + ", ".join(f"{v:.1f}" for v in values) + f" {unit}")
    return rows, details


def load_note() -> str:
    """The machine's 1-minute load average, for the details under a browser table."""
    try:
        one_minute = os.getloadavg()[0]
    except OSError:
        return "load average: unknown"
    return f"load average at the start: {one_minute:.2f} (rerun when it is high)"


def add_medians(report: Report, samples: dict[str, list[float]], errors: dict[str, str]) -> Report:
    """`report` with one median row per scenario and the samples listed under the table."""
    rows, details = median_rows(samples, errors)
    report.rows.extend(rows)
    report.details.extend(details)
    return report


def browser_parser(description: str) -> argparse.ArgumentParser:
    """`parser` plus the hidden `--serve PORT` with which `ServedApp` starts the scenario's app."""
    result = parser(description)
    result.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    return result


def compare_in_browser(
    title: str,
    measure: Callable[[str, argparse.Namespace], Report],
    options: argparse.Namespace,
    serve: Callable[[argparse.Namespace], None],
) -> None:
    """In a `--serve` child, `serve(options)`; otherwise print `title`, measure this interpreter's
    dash, then the baseline's if one is given."""
    if options.serve:
        serve(options)
        return
    print(title)
    ours = measure(sys.executable, options)
    print_report("this interpreter", ours)
    if options.baseline:
        theirs = measure(options.baseline, options)
        print_report("baseline interpreter", theirs)
        print_comparison(ours, theirs)

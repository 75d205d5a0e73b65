"""DataTable benchmark: first render and scrolling of 100,000 rows x 10 columns with virtualization.

Serves one app, a `dash_table.DataTable` with `virtualization=True` over 100,000 rows of ten
columns, in a subprocess of the interpreter under test (and, given a baseline, of the baseline
interpreter), and drives headless Chromium (selenium, /usr/bin/chromium) from this interpreter:

* first data row: from the start of navigation to the moment the first data row is in the
  page with a size (read in the page from `performance.now()`, so WebDriver latency is not counted);
* scroll to middle / scroll to end: from setting the table's `scrollTop` to the first animation
  frame where rows of that part of the data are rendered.

Each figure is the median of `--runs` page loads (the browser cache is warm after the first).
Only this interpreter needs selenium: the baseline interpreter only serves the app.

    python bench/table_render.py [--baseline PYTHON] [--runs 5] [--rows 100000]
"""

from __future__ import annotations

import argparse
import time
import urllib.request
from pathlib import Path
from typing import Any

import _harness
from _harness import Report

COLUMNS = 10
TABLE_HEIGHT_PX = 500
RENDER_TIMEOUT_S = 120

# Runs in the page before any of its scripts: records when the first data row is laid out.
FIRST_ROW_PROBE = """
(() => {
  const found = () => {
    const cell = document.querySelector('#tbl td.dash-cell[data-dash-column="c0"]');
    return cell !== null && cell.getBoundingClientRect().height > 0 && cell.textContent.trim() === "0";
  };
  // Checked once per frame: the row counts as shown on the first frame that has it laid out.
  const check = () => {
    if (found()) window.__firstRowAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""

# Scrolls the table to `fraction` of its height, then waits (frame by frame) until a rendered row
# holds an index in [low, high]; answers the milliseconds that took, or an error string.
SCROLL_AND_WAIT = """
const [fraction, low, high, timeoutMs, done] = arguments;
const table = document.getElementById("tbl");
// The element that scrolls the rows differs between implementations: take the one that does.
let scroller = null;
for (const el of table.querySelectorAll("div")) {
  const overflow = getComputedStyle(el).overflowY;
  const scrolls = (overflow === "auto" || overflow === "scroll") && el.scrollHeight > el.clientHeight + 1;
  if (scrolls && (!scroller || el.scrollHeight > scroller.scrollHeight)) scroller = el;
}
if (!scroller) { done("no scrolling element in the table"); return; }
const rendered = () => {
  for (const cell of table.querySelectorAll('td.dash-cell[data-dash-column="c0"]')) {
    const index = Number(cell.textContent.trim());
    if (index >= low && index <= high && cell.getBoundingClientRect().height > 0) return true;
  }
  return false;
};
const start = performance.now();
scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
const check = () => {
  if (rendered()) done(performance.now() - start);
  else if (performance.now() - start > timeoutMs) done("rows " + low + "-" + high + " never rendered");
  else requestAnimationFrame(check);
};
requestAnimationFrame(check);
"""


# -- the served app (runs under the interpreter being measured) --------------------------------


def table_data(rows: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Columns and rows of the benchmark table: an index, numbers, and short text labels."""
    columns = [{"id": "c0", "name": "Row", "type": "numeric"}]
    for j in range(1, COLUMNS):
        numeric = j % 3 != 0
        columns.append(
            {"id": f"c{j}", "name": f"Column {j}", "type": "numeric" if numeric else "text"}
        )
    data = []
    for i in range(rows):
        row: dict[str, Any] = {"c0": i}
        for j in range(1, COLUMNS):
            mixed = (i * 7919 + j * 104729) % 100_000
            row[f"c{j}"] = mixed / 100 if j % 3 != 0 else f"item-{mixed:05d}"
        data.append(row)
    return columns, data


def serve(port: int, rows: int) -> None:
    """Serve the benchmark app on 127.0.0.1:`port` until killed."""
    import warnings

    from dash import Dash, dash_table, html

    columns, data = table_data(rows)
    app = Dash(__name__)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        table = dash_table.DataTable(
            id="tbl",
            columns=columns,
            data=data,
            virtualization=True,
            page_action="none",
            style_table={"height": f"{TABLE_HEIGHT_PX}px", "overflowY": "auto"},
        )
    app.layout = html.Div([html.H1("DataTable benchmark"), table])
    _harness.serve_quietly(app, port)


# -- the measuring side (this interpreter) ---------------------------------------------------------


def layout_bytes(server: _harness.ServedApp) -> int:
    """Size of the app's `_dash-layout` answer."""
    with urllib.request.urlopen(server.url + "_dash-layout", timeout=60) as response:
        return len(response.read())


def start_browser() -> Any:
    """Headless Chromium (see `_harness.start_chromium`) with the first-row probe installed."""
    driver = _harness.start_chromium(RENDER_TIMEOUT_S)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_ROW_PROBE})
    return driver


def first_row_ms(driver: Any, url: str) -> float:
    """Load `url`; milliseconds from navigation start until the first data row is shown."""
    driver.get("about:blank")
    driver.get(url)
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    while time.monotonic() < deadline:
        at = driver.execute_script("return window.__firstRowAt;")
        if at is not None:
            return float(at)
        time.sleep(0.05)
    raise RuntimeError(f"the first data row did not show within {RENDER_TIMEOUT_S} s")


def scroll_ms(driver: Any, fraction: float, low: int, high: int) -> float:
    """Milliseconds from scrolling to `fraction` until a row with index in [low, high] is shown."""
    answer = driver.execute_async_script(
        SCROLL_AND_WAIT, fraction, low, high, RENDER_TIMEOUT_S * 1000
    )
    if isinstance(answer, str):
        raise RuntimeError(answer)
    return float(answer)


def measure(python: str, arguments: argparse.Namespace) -> Report:
    """Serve the app with `python` and time it in the browser `--runs` times."""
    rows, runs = arguments.rows, max(1, arguments.runs)
    # Middle: rows within 2 % of the middle index; end: the last row.
    middle, spread = rows // 2, max(50, rows // 50)
    names = ("first data row", "scroll to middle", "scroll to end")
    samples: dict[str, list[float]] = {name: [] for name in names}
    errors: dict[str, str] = {}
    server = _harness.ServedApp(python, str(Path(__file__).resolve()), ["--rows", str(rows)])
    driver = None
    try:
        report = Report(server.implementation)
        report.details.append(f"{rows:,} rows x {COLUMNS} columns, {runs} runs, median")
        report.details.append(f"_dash-layout: {layout_bytes(server):,} bytes")
        driver = start_browser()
        for _ in range(runs):
            steps = (
                (names[0], lambda: first_row_ms(driver, server.url)),
                (names[1], lambda: scroll_ms(driver, 0.5, middle - spread, middle + spread)),
                (names[2], lambda: scroll_ms(driver, 1.0, rows - 1, rows - 1)),
            )
            for name, step in steps:
                try:
                    samples[name].append(step())
                except Exception as error:  # noqa: BLE001 - reported in the table
                    errors[name] = _harness.error_text(error)
                    break
        return _harness.add_medians(report, samples, errors)
    finally:
        if driver is not None:
            driver.quit()
        server.close()


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    result = _harness.browser_parser(__doc__.splitlines()[0])
    result.add_argument("--runs", type=int, default=5, help="page loads per implementation")
    result.add_argument("--rows", type=int, default=100_000, help="rows of the table")
    return result.parse_args()


def main() -> None:
    _harness.compare_in_browser(
        "DataTable with virtualization: first render and scrolling in headless Chromium",
        measure,
        arguments(),
        lambda o: serve(o.serve, o.rows),
    )


if __name__ == "__main__":
    main()

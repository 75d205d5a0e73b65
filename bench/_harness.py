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
        return Row(name, None, unit, f"{type(error).__name__}: {error}"[:120])


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

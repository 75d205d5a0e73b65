"""A background callback: a slow job runs in its own process while the page stays responsive.

The job reports its progress into a progress bar, the Run button is disabled while it runs, and the
Cancel button stops it (the job's process is killed). Results are cached per limit, so asking again
for a limit already computed answers at once.

Run it from the repository root, then open http://127.0.0.1:8050:

    python examples/background.py

Set `DASH_BACKGROUND_CACHE` to a folder to keep the job cache there (a temporary folder otherwise).
"""

from __future__ import annotations

import os
import tempfile
import time

import diskcache

from dash import Dash, DiskcacheManager, Input, Output, State, callback, dcc, html

STEPS = 10
STEP_SECONDS = float(os.environ.get("DASH_BACKGROUND_STEP_SECONDS", "0.4"))

cache_folder = os.environ.get("DASH_BACKGROUND_CACHE") or tempfile.mkdtemp(
    prefix="dash-background-"
)


def results_version() -> str:
    """Joins every cache key: change it to forget the results computed so far."""
    return "primes-v1"


manager = DiskcacheManager(diskcache.Cache(cache_folder), cache_by=[results_version])

app = Dash(__name__, title="Background callback", background_callback_manager=manager)

app.layout = html.Main(
    className="card",
    children=[
        html.H1("Background callback"),
        html.P(
            "Counting the primes below a number takes a while. The work runs in a separate "
            "process; the bar shows how far it got and Cancel stops it.",
            className="lead",
        ),
        html.Label("Count the primes below", htmlFor="limit"),
        dcc.Input(id="limit", type="number", value=100_000, min=2, step=1000),
        html.Div(
            className="controls",
            children=[
                html.Button("Run", id="run"),
                html.Button("Cancel", id="cancel", disabled=True),
            ],
        ),
        html.Progress(id="bar", value="0", max=str(STEPS)),
        html.P("Press Run to start.", id="status"),
        html.P(id="result"),
    ],
)


def primes_below(limit: int, start: int, stop: int) -> int:
    """How many primes lie in [start, stop), for numbers below `limit`."""
    count = 0
    for number in range(max(start, 2), min(stop, limit)):
        if all(number % divisor for divisor in range(2, int(number**0.5) + 1)):
            count += 1
    return count


@callback(
    Output("result", "children"),
    Input("run", "n_clicks"),
    State("limit", "value"),
    background=True,
    prevent_initial_call=True,
    progress=[Output("bar", "value"), Output("status", "children")],
    progress_default=["0", "Press Run to start."],
    running=[
        (Output("run", "disabled"), True, False),
        (Output("cancel", "disabled"), False, True),
    ],
    cancel=[Input("cancel", "n_clicks")],
    interval=200,
    # The click count does not change the answer: same limit, same cached result.
    cache_args_to_ignore=[0],
)
def count_primes(set_progress, _n_clicks: int, limit: int | None) -> str:
    """Count the primes below `limit` in STEPS slices, reporting after each slice."""
    limit = int(limit or 2)
    size = -(-limit // STEPS)
    total = 0
    for step in range(STEPS):
        set_progress((str(step), f"Working… step {step + 1} of {STEPS}"))
        total += primes_below(limit, step * size, (step + 1) * size)
        time.sleep(STEP_SECONDS)
    set_progress((str(STEPS), "Done."))
    return f"There are {total:,} primes below {limit:,}."


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})

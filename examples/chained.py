"""Chained callbacks: each value is computed by its own callback from the one above.

    buttons -> Celsius -> Fahrenheit -> how it feels

Run it from the repository root, then open http://127.0.0.1:8050:

    python examples/chained.py
"""

from __future__ import annotations

import os

from dash import Dash, Input, Output, callback, html

START_CELSIUS = 20
STEP_CELSIUS = 5

# Upper bounds (exclusive, in °F) of each description, coldest first.
FEELINGS = [
    (32, "Freezing"),
    (50, "Cold"),
    (65, "Cool"),
    (80, "Pleasant"),
    (95, "Hot"),
]

app = Dash(__name__, title="Chained callbacks")

app.layout = html.Main(
    className="card",
    children=[
        html.H1("Chained callbacks"),
        html.P(
            "The buttons set a temperature. Each line below is computed by its own "
            "callback from the line above it, so one click runs three callbacks in order.",
            className="lead",
        ),
        html.Div(
            className="controls",
            children=[
                html.Button(f"− {STEP_CELSIUS} °C", id="colder"),
                html.Button(f"+ {STEP_CELSIUS} °C", id="warmer"),
            ],
        ),
        html.Dl(
            className="chain",
            children=[
                html.Dt("Celsius"),
                html.Dd(id="celsius"),
                html.Dt("Fahrenheit"),
                html.Dd(id="fahrenheit"),
                html.Dt("How it feels"),
                html.Dd(id="feeling"),
            ],
        ),
    ],
)


@callback(
    Output("celsius", "children"),
    Input("colder", "n_clicks"),
    Input("warmer", "n_clicks"),
)
def set_celsius(colder: int | None, warmer: int | None) -> int:
    """Level 1: the temperature the buttons have set."""
    return START_CELSIUS + STEP_CELSIUS * ((warmer or 0) - (colder or 0))


@callback(Output("fahrenheit", "children"), Input("celsius", "children"))
def to_fahrenheit(celsius: float) -> float:
    """Level 2: the same temperature in °F."""
    return round(celsius * 9 / 5 + 32, 1)


@callback(Output("feeling", "children"), Input("fahrenheit", "children"))
def describe(fahrenheit: float) -> str:
    """Level 3: a word for how that feels."""
    for upper_bound, feeling in FEELINGS:
        if fahrenheit < upper_bound:
            return feeling
    return "Scorching"


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})

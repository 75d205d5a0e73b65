"""Hello, dash-next: a button whose clicks a Python callback counts.

Run it from the repository root, then open http://127.0.0.1:8050:

    python examples/hello.py

Set DASH_DEBUG=true for the dev tools and hot reload.
"""

from __future__ import annotations

import os

from dash import Dash, Input, Output, callback, html

app = Dash(__name__, title="Hello, dash-next")

app.layout = html.Main(
    className="card",
    children=[
        html.H1("Hello, dash-next"),
        html.P(
            "This page is a Dash app written in plain Python. Click the button: "
            "the browser asks a Python callback for the new text.",
            className="lead",
        ),
        html.Button("Click me", id="hello-button"),
        html.P(id="hello-output", className="output"),
    ],
)


@callback(Output("hello-output", "children"), Input("hello-button", "n_clicks"))
def describe_clicks(n_clicks: int | None) -> str:
    """Say how often the button was clicked (None before the first click)."""
    if not n_clicks:
        return "You have not clicked yet."
    return f"You clicked {n_clicks} time{'' if n_clicks == 1 else 's'}."


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})

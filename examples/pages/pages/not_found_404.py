"""Shown for every address no page serves (Dash picks the module named `not_found_404`)."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(__name__, title="Greenhouse · Not found", show_in_nav=False)

layout = html.Section(
    id="not-found-page",
    children=[
        html.H1("Nothing grows here"),
        html.P("This address is not part of the greenhouse.", className="lead"),
        dcc.Link("Back to all plants", href=dash.get_relative_path("/"), id="back-home"),
    ],
)

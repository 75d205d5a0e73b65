"""The home page: every plant of the catalogue, each linking to its own page."""

from __future__ import annotations

import json
from pathlib import Path

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path="/",
    title="Greenhouse · Plants",
    description="Every plant of the greenhouse, with its light and watering needs.",
)

PLANTS = json.loads((Path(__file__).parents[1] / "data" / "plants.json").read_text())


def plant_card(plant_id: str, plant: dict) -> html.Li:
    """A list entry linking to the plant's page."""
    return html.Li(
        className="plant",
        children=[
            dcc.Link(
                plant["name"],
                href=dash.get_relative_path(f"/plants/{plant_id}"),
                id=f"link-{plant_id}",
            ),
            html.Span(plant["latin"], className="latin"),
        ],
    )


layout = html.Section(
    id="home-page",
    children=[
        html.H1("Plants"),
        html.P("Pick a plant to see how to keep it happy.", className="lead"),
        html.Ul(
            [plant_card(plant_id, plant) for plant_id, plant in PLANTS.items()], className="plants"
        ),
    ],
)

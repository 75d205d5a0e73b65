"""One plant: the `<plant_id>` part of the address picks it (a `path_template`)."""

from __future__ import annotations

import json
from pathlib import Path

import dash
from dash import Input, Output, callback, dcc, html

PLANTS = json.loads((Path(__file__).parents[1] / "data" / "plants.json").read_text())


def plant_title(plant_id: str | None = None) -> str:
    """The browser tab title of a plant page."""
    plant = PLANTS.get(plant_id or "")
    return f"Greenhouse · {plant['name']}" if plant else "Greenhouse · Unknown plant"


dash.register_page(
    __name__,
    path_template="/plants/<plant_id>",
    name="Plant",
    title=plant_title,
    description="Light and watering needs of one plant.",
    show_in_nav=False,
)


def layout(plant_id: str | None = None, **_query: str) -> html.Section:
    """The plant's page; an id the catalogue does not know gets a short notice.

    Both cases have the same components (the watering controls are hidden for
    an unknown plant), so the callback below always finds its inputs.
    """
    plant = PLANTS.get(plant_id or "")
    known = plant is not None
    plant = plant or {
        "name": "Unknown plant",
        "latin": "",
        "summary": f"The catalogue has no plant called {plant_id!r}.",
        "light": "unknown",
        "water_days": 0,
    }
    return html.Section(
        id="plant-page",
        children=[
            html.H1(plant["name"], id="plant-name"),
            html.P(plant["latin"], className="latin"),
            html.P(plant["summary"], className="lead"),
            html.Dl(
                className="facts",
                hidden=not known,
                children=[
                    html.Dt("Light"),
                    html.Dd(plant["light"]),
                    html.Dt("Water"),
                    html.Dd(f"about every {plant['water_days']} days"),
                ],
            ),
            html.Div(
                className="controls",
                children=[
                    html.Button("I watered it", id="water-button", hidden=not known),
                    dcc.Link(
                        "Watering advice", href=dash.get_relative_path("/care"), id="care-link"
                    ),
                    dcc.Link("All plants", href=dash.get_relative_path("/"), id="home-link"),
                ],
            ),
            dcc.Store(id="plant-water-days", data=plant["water_days"]),
            html.P(id="water-output", className="output"),
        ],
    )


@callback(
    Output("water-output", "children"),
    Input("water-button", "n_clicks"),
    Input("plant-water-days", "data"),
)
def next_watering(n_clicks: int | None, water_days: int) -> str:
    """Say when to water next, once the button was pressed (nothing for an unknown plant)."""
    if not water_days:
        return ""
    if not n_clicks:
        return "Press the button after watering."
    return f"Watered {n_clicks}× this visit. Next time: in {water_days} days."

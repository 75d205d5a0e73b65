"""Watering advice; `?season=winter` picks the season. Old addresses redirect here."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    title="Greenhouse · Care",
    description="How often to water, season by season.",
    redirect_from=["/watering", "/tips"],
)

ADVICE = {
    "summer": "Water when the top two centimetres of soil are dry; plants drink more now.",
    "winter": "Water about half as often: growth slows and the soil stays moist longer.",
}


def layout(season: str = "summer", **_other: str) -> html.Section:
    """The advice for `season` (from the query string), with links to the other season."""
    season = season if season in ADVICE else "summer"
    return html.Section(
        id="care-page",
        children=[
            html.H1("Care"),
            html.P(ADVICE[season], id="care-advice", className="lead"),
            html.Div(
                className="controls",
                children=[
                    dcc.Link(
                        name.capitalize(),
                        href=dash.get_relative_path(f"/care?season={name}"),
                        id=f"season-{name}",
                        className="pill active" if name == season else "pill",
                    )
                    for name in ADVICE
                ],
            ),
        ],
    )

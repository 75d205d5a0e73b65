"""A multi-page app: a small greenhouse catalogue with four kinds of pages.

* `/` lists the plants (pages/home.py);
* `/plants/<plant_id>` shows one plant; the id comes from the URL
  (pages/plant.py, a `path_template`);
* `/care` gives watering advice and reads `?season=` from the query string; the
  old addresses `/watering` and `/tips` answer with a 301 to it (`redirect_from`);
* any other address shows the custom "not found" page (pages/not_found_404.py).

Dash imports every module of `pages/` that calls `dash.register_page`. Links
(`dcc.Link`) change the page without reloading it. Run it from the repository
root, then open http://127.0.0.1:8050:

    python examples/pages/app.py
"""

from __future__ import annotations

import os

import dash
from dash import Dash, dcc, html

app = Dash(
    __name__,
    use_pages=True,
    title="Greenhouse",
    description="A small catalogue of house plants, built as a multi-page Dash app.",
)


def navigation() -> html.Nav:
    """One link per registered page (in registry order), the 404 page left out."""
    return html.Nav(
        className="nav",
        children=[
            dcc.Link(page["name"], href=page["relative_path"], id=f"nav-{page['name'].lower()}")
            for page in dash.page_registry.values()
            if page.get("show_in_nav", True)
        ],
    )


app.layout = html.Div(
    className="shell",
    children=[
        html.Header(
            className="masthead",
            children=[
                dcc.Link("Greenhouse", href=dash.get_relative_path("/"), className="brand"),
                navigation(),
            ],
        ),
        html.Main(dash.page_container, className="card"),
        html.Footer("Built with dash-next pages.", className="footer"),
    ],
)


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})

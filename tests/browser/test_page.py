"""The page around the app: layout functions, assets, a custom index string, the title."""

from __future__ import annotations

import itertools
from pathlib import Path

import flask
import pytest

from dash import Dash, Input, Output, html
from dash.testing.errors import DashAppLoadingError
from dash.testing.wait import until

pytestmark = pytest.mark.browser


def test_layout_function_is_called_for_every_page_load(dash_duo) -> None:
    visits = itertools.count(1)
    app = Dash(__name__)

    def serve_layout():
        return html.Div(
            [
                html.Div(f"visit {next(visits)}", id="visit"),
                html.Button("Click", id="btn"),
                html.Div(id="out"),
            ]
        )

    app.layout = serve_layout

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n_clicks):
        return f"clicked {n_clicks}"

    dash_duo.start_server(app)
    first = int(dash_duo.find_element("#visit").text.split()[1])
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "clicked 1")

    dash_duo.wait_for_page()  # load the page again
    second = int(dash_duo.find_element("#visit").text.split()[1])
    assert second > first
    # The fresh layout starts from scratch: no click recorded yet.
    assert dash_duo.find_element("#out").text == ""
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "clicked 1")
    assert dash_duo.get_logs() == []


def test_assets_css_is_applied(dash_duo, tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    (assets / "nested").mkdir(parents=True)
    (assets / "theme.css").write_text("#banner { color: rgb(200, 30, 30); padding-top: 7px; }\n")
    (assets / "nested" / "extra.css").write_text(".note { font-style: italic; }\n")
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.Div(
        [html.H1("Styled by assets", id="banner"), html.P("a note", id="note", className="note")]
    )

    dash_duo.start_server(app)
    dash_duo.wait_for_style_to_equal("#banner", "color", "rgba(200, 30, 30, 1)")
    dash_duo.wait_for_style_to_equal("#banner", "padding-top", "7px")
    dash_duo.wait_for_style_to_equal("#note", "font-style", "italic")
    assert dash_duo.get_logs() == []


CUSTOM_INDEX = """<!DOCTYPE html>
<html lang="en">
  <head>
    {%metas%}
    <title>{%title%}</title>
    {%favicon%}
    {%css%}
  </head>
  <body>
    <header id="site-header">Company header</header>
    {%app_entry%}
    <footer>
      {%config%}
      {%scripts%}
      {%renderer%}
    </footer>
    <div id="site-footer">Company footer</div>
  </body>
</html>
"""


def test_custom_index_string_wraps_the_app(dash_duo) -> None:
    app = Dash(__name__, title="Custom page")
    app.index_string = CUSTOM_INDEX
    app.layout = html.Div([html.Button("Click", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n_clicks):
        return f"clicks: {n_clicks or 0}"

    dash_duo.start_server(app)
    assert dash_duo.find_element("#site-header").text == "Company header"
    assert dash_duo.find_element("#site-footer").text == "Company footer"
    assert dash_duo.find_element("html").get_attribute("lang") == "en"
    dash_duo.wait_for_text_to_equal("#out", "clicks: 0")
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "clicks: 1")
    until(lambda: dash_duo.driver.title == "Custom page", timeout=10)
    assert dash_duo.get_logs() == []


def test_broken_layout_makes_start_server_fail_clearly(dash_duo) -> None:
    app = Dash(__name__)

    def broken_layout():
        # Fails only when the renderer asks for the layout (Dash also calls a
        # layout function to validate it, outside any _dash-layout request).
        if flask.has_request_context() and flask.request.path.endswith("_dash-layout"):
            raise RuntimeError("database is down")
        return html.Div("never shown", id="content")

    app.layout = broken_layout
    with pytest.raises(DashAppLoadingError, match="Error loading layout"):
        dash_duo.start_server(app)

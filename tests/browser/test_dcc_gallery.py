"""Every dcc component of this suite on one page: renders without console errors; screenshot kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from ports import start_on_free_port as start

from dash import Dash, dcc, html

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parent / "artifacts" / "dcc_gallery.png"

MARKDOWN = """
### Markdown
Some *emphasis*, a [link](https://plotly.com) and `inline code`.

```python
def greet(name):
    return f"Hello {name}"  # highlighted lazily
```
"""


def gallery() -> html.Div:
    section = {"margin": "0 0 18px"}
    return html.Div(
        style={"fontFamily": "system-ui, sans-serif", "maxWidth": "760px", "margin": "16px auto"},
        children=[
            html.H2("dcc gallery"),
            html.Div([dcc.Input(id="text", placeholder="Type here")], style=section),
            html.Div(
                [dcc.Input(id="number", type="number", value=3, min=0, max=10)], style=section
            ),
            html.Div(
                [dcc.Textarea(id="area", value="Multi\nline", style={"width": "100%"})],
                style=section,
            ),
            html.Div(
                [
                    dcc.Button("Primary action", id="button"),
                    " ",
                    dcc.Button("Disabled", id="disabled-button", disabled=True),
                ],
                style=section,
            ),
            dcc.Checklist(
                ["New York", "Montréal", "San Francisco"],
                ["Montréal"],
                id="checklist",
                inline=True,
                style=section,
            ),
            dcc.RadioItems(["Small", "Medium", "Large"], "Medium", id="radio", style=section),
            dcc.Tabs(
                id="tabs",
                children=[
                    dcc.Tab(label="First tab", children=html.P("Content of the first tab")),
                    dcc.Tab(label="Second tab", children=html.P("Content of the second tab")),
                    dcc.Tab(label="Disabled", disabled=True),
                ],
                style={"marginBottom": "0"},
            ),
            html.Div(style=section),
            dcc.Markdown(MARKDOWN, id="markdown"),
            html.Div(
                [
                    dcc.Link("An in-app link", href="/somewhere"),
                    " ",
                    dcc.Clipboard(id="clip", content="copied text"),
                ],
                style=section,
            ),
            dcc.Loading(
                html.Div("Loading content", style={"height": "60px"}),
                id="loading",
                display="show",
                type="circle",
            ),
            html.Div(
                [
                    dcc.Upload(
                        html.Div("Drag and drop or click to select a file"),
                        id="upload",
                        style={
                            "border": "1px dashed #999",
                            "borderRadius": "4px",
                            "padding": "16px",
                            "textAlign": "center",
                        },
                    )
                ],
                style=section,
            ),
            html.Div(
                [
                    html.Span("Tooltip anchor"),
                    dcc.Tooltip(
                        "Tooltip content",
                        id="tooltip",
                        show=True,
                        bbox={"x0": 0, "y0": 0, "x1": 110, "y1": 20},
                    ),
                ],
                style={"position": "relative", "height": "40px"},
            ),
            dcc.Store(id="store", data={"a": 1}),
            dcc.Interval(id="interval", max_intervals=0),
            dcc.Location(id="url"),
            dcc.Download(id="download"),
            dcc.ConfirmDialog(id="confirm", message="Sure?"),
        ],
    )


def test_gallery_renders_every_component(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = gallery()
    start(dash_duo, app)
    dash_duo.wait_for_element("#tabs .tab--selected")
    dash_duo.wait_for_element("#markdown pre code[data-highlighted='yes']")
    assert dash_duo.find_element(".tab-content").text == "Content of the first tab"
    assert dash_duo.find_element("#loading .dash-spinner.dash-sk-circle")
    style = dash_duo.driver.execute_script(
        "return getComputedStyle(document.documentElement)"
        ".getPropertyValue('--Dash-Fill-Interactive-Strong').trim()"
    )
    assert style == "#7f4bc4"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    dash_duo.driver.set_window_size(1000, 1500)
    dash_duo.driver.save_screenshot(str(SCREENSHOT))
    assert dash_duo.get_logs() == []

"""props_check for our own suites: html, dcc and dash_table components carry propTypes derived
from the metadata their Python classes are generated from, so in debug a prop of the wrong type
shows a Dash-worded error in the overlay, valid apps show none, and production shows nothing."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as _serve

from dash import ALL, Dash, Input, Output, dash_table, dcc, html
from dash.testing.wait import until

pytestmark = [
    pytest.mark.browser,
    # DataTable's deprecation notice is not what these tests are about.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

# Debug as `app.run(debug=True)` gives it, minus the reloader and the file watcher.
DEBUG = {"debug": True, "use_reloader": False, "use_debugger": True, "dev_tools_hot_reload": False}

ERROR_COUNT = ".test-devtools-error-count"
ERROR_TITLE = ".dash-fe-error__title"


def _bad_props_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Input(id="bad-input", value=[1]),
            html.Div("clicked?", id="bad-div", n_clicks="x"),
            dcc.Dropdown(
                id="bad-dropdown", options=[{"label": "A", "value": "a", "colour": "red"}]
            ),
            dash_table.DataTable(
                id="bad-table", columns=[{"name": "A", "id": "a"}], data=[{"a": 1}], page_size="ten"
            ),
            html.Div("still here", id="after"),
        ]
    )
    return app


EXPECTED = {
    "value": 'Invalid argument `value` passed into Input with ID "bad-input".',
    "n_clicks": 'Invalid argument `n_clicks` passed into Div with ID "bad-div".',
    "options": 'Invalid argument `options` passed into Dropdown with ID "bad-dropdown".',
    "page_size": 'Invalid argument `page_size` passed into DataTable with ID "bad-table".',
}


def _titles(dash_duo) -> list[str]:
    return [element.text for element in dash_duo.find_elements(ERROR_TITLE)]


def test_wrong_prop_types_of_our_suites_show_props_check_errors(dash_duo) -> None:
    _serve(dash_duo, _bad_props_app(), **DEBUG)
    dash_duo.wait_for_text_to_equal("#after", "still here")
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, str(len(EXPECTED)))
    titles = _titles(dash_duo)
    for prop, start in EXPECTED.items():
        assert any(title.startswith(start) for title in titles), (prop, titles)
    number = next(title for title in titles if "`page_size`" in title)
    assert "Expected `number`." in number and "Was supplied type `string`." in number
    # The failing components are replaced by the error, the page around them keeps working.
    assert not dash_duo.find_elements("#bad-input")
    assert not dash_duo.find_elements("#bad-div")


def test_without_debug_bad_props_show_nothing_and_the_page_renders(dash_duo) -> None:
    _serve(dash_duo, _bad_props_app())
    dash_duo.wait_for_text_to_equal("#after", "still here")
    dash_duo.wait_for_text_to_equal("#bad-div", "clicked?")
    dash_duo.wait_for_element("#bad-input")
    assert not dash_duo.find_elements(ERROR_TITLE)
    assert not dash_duo.find_elements(".dash-debug-menu")


def _valid_app() -> Dash:
    """Every dcc component, a range of html elements and a DataTable with typical valid props."""
    app = Dash(__name__)
    options = [{"label": "New York", "value": "NYC"}, {"label": html.B("Montréal"), "value": "MTL"}]
    app.layout = html.Div(
        [
            html.H2("valid props", className="title", style={"color": "#333"}, title="heading"),
            html.Button("go", id="go", n_clicks=0, disabled=False, type="button", tabIndex=0),
            html.A(
                "link", href="/somewhere", target="_blank", **{"data-kind": "x", "aria-label": "a"}
            ),
            html.Details([html.Summary("more"), html.P("hidden text")], open=True),
            html.Img(src="data:image/gif;base64,R0lGODlhAQABAAAAACw=", alt="", width=1, height="1"),
            html.Label(["label ", html.Span("span", hidden="hidden")], htmlFor="text"),
            html.Div(id="out"),
            html.Div(id={"type": "pattern", "index": 1}, children="pattern id", n_clicks=3),
            dcc.Input(id="text", placeholder="Type here", debounce=True),
            dcc.Input(id="number", type="number", value=3, min=0, max=10, step=1),
            dcc.Textarea(id="area", value="Multi\nline", style={"width": "100%"}),
            dcc.Button("Primary", id="button", disabled=False),
            dcc.Checklist(["New York", "Montréal"], ["Montréal"], id="checklist", inline=True),
            dcc.Checklist(options, ["NYC"], id="checklist-dicts"),
            dcc.RadioItems({"S": "Small", "L": "Large"}, "S", id="radio"),
            dcc.Dropdown(options, "MTL", id="dropdown", clearable=False),
            dcc.Dropdown(["a", "b", "c"], ["a"], id="multi", multi=True, placeholder="Pick"),
            dcc.Slider(0, 10, 1, value=5, id="slider", marks={0: "0", 10: {"label": "ten"}}),
            dcc.RangeSlider(0, 20, value=[5, 15], id="range", tooltip={"placement": "bottom"}),
            dcc.DatePickerSingle(id="date", date="2024-05-01", display_format="YYYY-MM-DD"),
            dcc.DatePickerRange(id="dates", start_date="2024-05-01", end_date="2024-05-09"),
            dcc.Graph(
                id="graph",
                figure={"data": [{"x": [1, 2], "y": [3, 1]}]},
                config={"displayModeBar": False},
            ),
            dcc.Tabs(
                id="tabs",
                value="one",
                children=[
                    dcc.Tab(label="First", value="one", children=html.P("first tab")),
                    dcc.Tab(label="Second", value="two", children=html.P("second tab")),
                ],
            ),
            dcc.Markdown("Some *emphasis* and `code`", id="markdown"),
            dcc.Link("in-app link", href="/page", refresh=False),
            dcc.Clipboard(id="clip", content="copied text"),
            dcc.Loading(html.Div("Loading content"), id="loading", type="circle"),
            dcc.Upload(html.Div("Drop a file"), id="upload", multiple=True),
            dcc.Tooltip(
                "tip", id="tooltip", show=False, bbox={"x0": 0, "y0": 0, "x1": 10, "y1": 10}
            ),
            dcc.Store(id="store", data={"a": [1, 2]}, storage_type="memory"),
            dcc.Interval(id="interval", interval=10_000, max_intervals=0),
            dcc.Location(id="url", refresh=False),
            dcc.Download(id="download"),
            dcc.ConfirmDialog(id="confirm", message="Sure?"),
            dcc.ConfirmDialogProvider(html.Button("confirm"), id="provider", message="Sure?"),
            dcc.Geolocation(id="geo"),
            dash_table.DataTable(
                id="table",
                columns=[{"name": "A", "id": "a", "type": "numeric"}, {"name": "B", "id": "b"}],
                data=[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}],
                page_size=10,
                sort_action="native",
                filter_action="native",
                editable=True,
                row_selectable="multi",
                style_cell={"textAlign": "left"},
                style_data_conditional=[{"if": {"row_index": "odd"}, "backgroundColor": "#eee"}],
                tooltip_data=[{"a": "one"}, {"a": {"value": "**two**", "type": "markdown"}}],
            ),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Input("go", "n_clicks"),
        Input("dropdown", "value"),
        Input("range", "value"),
        Input("table", "active_cell"),
        Input("text", "n_submit"),
        Input({"type": "pattern", "index": ALL}, "n_clicks"),
    )
    def summarise(n_clicks, city, span, cell, submits, pattern_clicks):
        return f"{n_clicks} {city} {span} {cell} {submits} {pattern_clicks}"

    return app


def test_typical_valid_props_of_every_component_show_no_props_check_error(dash_duo) -> None:
    _serve(dash_duo, _valid_app(), **DEBUG)
    dash_duo.wait_for_element(".dash-debug-menu__outer")
    dash_duo.wait_for_text_to_equal("#out", "0 MTL [5, 15] None None [3]")
    # The lazy components have loaded and rendered (each one went through the check first).
    dash_duo.wait_for_element("#graph .js-plotly-plot")
    dash_duo.wait_for_element("#table td")
    dash_duo.wait_for_element("#dropdown")
    dash_duo.find_element("#go").click()
    dash_duo.wait_for_text_to_equal("#out", "1 MTL [5, 15] None None [3]")
    until(lambda: dash_duo.find_element("#slider") is not None, timeout=5)
    assert not dash_duo.find_elements(ERROR_COUNT), _titles(dash_duo)


def test_a_callback_on_a_property_our_component_lacks_is_reported_in_debug(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"), dcc.Input(id="text"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_klicks"), Input("text", "value"))
    def echo(clicks, text):
        return f"{clicks} {text}"

    _serve(dash_duo, app, **DEBUG)
    dash_duo.wait_for_text_to_equal(ERROR_COUNT, "1")
    assert _titles(dash_duo) == ["Invalid prop for this component"]
    dash_duo.find_element(".test-devtools-error-toggle").click()
    detail = dash_duo.wait_for_element(".dash-error-card__content").text
    assert "go.n_klicks" in detail and 'has no property "n_klicks"' in detail

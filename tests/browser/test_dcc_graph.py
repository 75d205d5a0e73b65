"""dcc.Graph in Chromium: lazy plotly.js, plotting, and what clicks, hovers, drags and callbacks do."""

from __future__ import annotations

import json
import time

import pytest
from ports import start_on_free_port as start
from selenium.webdriver.common.action_chains import ActionChains

from dash import Dash, Input, Output, State, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

GD = "document.querySelector('#g .js-plotly-plot')"


def scatter(**layout) -> dict:
    """Three big markers spread over the plot, easy to hit with the mouse."""
    trace = {
        "type": "scatter",
        "mode": "markers",
        "x": [1, 2, 3],
        "y": [1, 3, 2],
        "marker": {"size": 24},
        "customdata": [["a", 10], ["b", 20], ["c", 30]],
        "name": "points",
    }
    return {"data": [trace], "layout": {"margin": {"t": 10}, "showlegend": True, **layout}}


def echo(app: Dash, prop: str) -> None:
    """A `#<prop>` div showing the graph's `prop` as JSON."""

    @app.callback(Output(prop, "children"), Input("g", prop))
    def show(value):
        return json.dumps(value)


def wait_for_plot(dash_duo) -> None:
    dash_duo.wait_for_element("#g.dash-graph:not(.dash-graph--pending) .js-plotly-plot .main-svg")


def point(dash_duo, index: int):
    return dash_duo.find_elements("#g .scatterlayer .trace .points path")[index]


def offset(dash_duo, x: float, y: float) -> tuple[int, int]:
    """Where data point (x, y) is, as an offset from the centre of the plotly graph div."""
    script = f"""
        const gd = {GD}, xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const box = gd.getBoundingClientRect();
        return [xa._offset + xa.d2p(arguments[0]) - box.width / 2, ya._offset + ya.d2p(arguments[1]) - box.height / 2];
    """
    dx, dy = dash_duo.driver.execute_script(script, x, y)
    return round(dx), round(dy)


def drag(dash_duo, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press the mouse at data point `start`, move to `end` and release."""
    graph = dash_duo.find_element("#g .js-plotly-plot")
    x0, y0 = offset(dash_duo, *start)
    x1, y1 = offset(dash_duo, *end)
    chain = (
        ActionChains(dash_duo.driver).move_to_element_with_offset(graph, x0, y0).click_and_hold()
    )
    chain.move_by_offset((x1 - x0) // 2, (y1 - y0) // 2).move_by_offset(
        x1 - x0 - (x1 - x0) // 2, y1 - y0 - (y1 - y0) // 2
    )
    chain.release().perform()


def shown(dash_duo, selector: str):
    return json.loads(dash_duo.find_element(selector).text or "null")


def test_plotly_is_loaded_only_when_a_graph_is_rendered(dash_duo) -> None:
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([dcc.Button("Show graph", id="show"), html.Div(id="slot")])

    @app.callback(Output("slot", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
    def add_graph(_):
        return dcc.Graph(id="g", figure=scatter(), className="chart", style={"width": "600px"})

    start(dash_duo, app)
    dash_duo.wait_for_element("#show")
    assert dash_duo.driver.execute_script("return typeof window.Plotly") == "undefined"
    scripts = "return document.querySelectorAll('script[src*=\"plotly.min.js\"]').length"
    assert dash_duo.driver.execute_script(scripts) == 0
    dash_duo.find_element("#show").click()
    wait_for_plot(dash_duo)
    assert dash_duo.driver.execute_script(scripts) == 1
    graph = dash_duo.find_element("#g")
    assert graph.get_attribute("class").split() == ["dash-graph", "chart"]
    assert graph.value_of_css_property("width") == "600px"
    assert len(dash_duo.find_elements("#g .scatterlayer .trace .points path")) == 3
    assert dash_duo.driver.execute_script(f"return {GD}._context.typesetMath") is False
    assert dash_duo.get_logs() == []


def test_click_hover_and_unhover_write_back_points(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Graph(id="g", figure=scatter(hovermode="closest"), clear_on_unhover=True),
            html.Div(id="clickData"),
            html.Div(id="hoverData"),
        ]
    )
    echo(app, "clickData")
    hovers = []

    @app.callback(Output("hoverData", "children"), Input("g", "hoverData"))
    def show_hover(value):
        hovers.append(value)
        return json.dumps(value)

    start(dash_duo, app)
    wait_for_plot(dash_duo)
    ActionChains(dash_duo.driver).move_to_element(point(dash_duo, 1)).click().perform()
    until(lambda: shown(dash_duo, "#clickData") is not None, timeout=5)
    first = shown(dash_duo, "#clickData")
    (clicked,) = first["points"]
    assert (clicked["x"], clicked["y"], clicked["curveNumber"], clicked["pointNumber"]) == (
        2,
        3,
        0,
        1,
    )
    assert clicked["customdata"] == ["b", 20]
    assert set(clicked["bbox"]) == {"x0", "x1", "y0", "y1"}
    assert isinstance(first["timestamp"], int)
    # The same point again still fires: the timestamp changes.
    ActionChains(dash_duo.driver).click().perform()
    until(lambda: shown(dash_duo, "#clickData")["timestamp"] != first["timestamp"], timeout=5)

    # hoverData has its own request, which may answer after the clicks' ones.
    hover = until(lambda: shown(dash_duo, "#hoverData"), timeout=5)
    assert hover["points"][0]["pointNumber"] == 1
    count = len(hovers)
    ActionChains(dash_duo.driver).move_by_offset(1, 0).perform()  # same point: no new hoverData
    ActionChains(dash_duo.driver).move_to_element(dash_duo.find_element("#clickData")).perform()
    dash_duo.wait_for_text_to_equal("#hoverData", "null")
    assert len(hovers) == count + 1
    assert dash_duo.get_logs() == []


def test_zoom_box_select_and_legend_click(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Graph(
                id="g",
                figure=scatter(legend={"orientation": "h", "y": -0.2}),
                style={"width": "700px"},
            ),
            html.Div(id="selectedData"),
            html.Div(id="relayoutData"),
            html.Div(id="restyleData"),
        ]
    )
    for prop in ("selectedData", "relayoutData", "restyleData"):
        echo(app, prop)
    start(dash_duo, app)
    wait_for_plot(dash_duo)
    drag(dash_duo, (0.9, 3.1), (2.5, 0.9))  # zoom (the default drag mode)
    until(lambda: "xaxis.range[0]" in (shown(dash_duo, "#relayoutData") or {}), timeout=5)
    zoom = shown(dash_duo, "#relayoutData")
    assert 0.85 < zoom["xaxis.range[0]"] < 0.95 and 2.45 < zoom["xaxis.range[1]"] < 2.55

    ActionChains(dash_duo.driver).move_to_element(
        dash_duo.find_element("#g .js-plotly-plot")
    ).perform()
    dash_duo.find_element("#g .modebar-btn[data-val='select']").click()
    until(lambda: (shown(dash_duo, "#relayoutData") or {}).get("dragmode") == "select", timeout=5)
    drag(dash_duo, (0.95, 3.05), (2.45, 0.95))
    until(lambda: shown(dash_duo, "#selectedData") is not None, timeout=5)
    selected = shown(dash_duo, "#selectedData")
    assert [p["pointNumber"] for p in selected["points"]] == [0, 1]
    assert set(selected["range"]) == {"x", "y"}

    dash_duo.find_element("#g .legend .traces").click()
    until(lambda: shown(dash_duo, "#restyleData") == [{"visible": ["legendonly"]}, [0]], timeout=5)
    assert dash_duo.get_logs() == []


def test_extend_data_adds_points_but_leaves_figure_unchanged(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Button("Extend", id="extend"),
            dcc.Button("Prepend", id="prepend"),
            dcc.Button("Count", id="count"),
            dcc.Graph(id="g", figure=scatter()),
            html.Div(id="figure-points"),
        ]
    )

    @app.callback(Output("g", "extendData"), Input("extend", "n_clicks"), prevent_initial_call=True)
    def extend(n):
        return [{"x": [[3 + n]], "y": [[n]]}, [0], 5]

    @app.callback(
        Output("g", "prependData"), Input("prepend", "n_clicks"), prevent_initial_call=True
    )
    def prepend(_):
        return {"x": [[0]], "y": [[0]]}

    @app.callback(
        Output("figure-points", "children"),
        Input("count", "n_clicks"),
        State("g", "figure"),
        prevent_initial_call=True,
    )
    def count(_, figure):
        return str(len(figure["data"][0]["x"]))

    start(dash_duo, app)
    wait_for_plot(dash_duo)
    plotted = f"return {GD}.data[0].x"
    dash_duo.find_element("#extend").click()
    until(lambda: dash_duo.driver.execute_script(plotted) == [1, 2, 3, 4], timeout=5)
    dash_duo.find_element("#extend").click()
    dash_duo.find_element("#extend").click()
    until(
        lambda: dash_duo.driver.execute_script(plotted) == [2, 3, 4, 5, 6], timeout=5
    )  # max 5 points
    dash_duo.find_element("#prepend").click()
    until(lambda: dash_duo.driver.execute_script(plotted) == [0, 2, 3, 4, 5, 6], timeout=5)
    dash_duo.find_element("#count").click()
    dash_duo.wait_for_text_to_equal("#figure-points", "3")
    assert dash_duo.get_logs() == []


def test_new_figure_redraws_and_animates(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Button("Next", id="next"),
            dcc.Graph(id="g", figure=scatter(), animate=True),
            dcc.Graph(id="h", figure=scatter(title={"text": "first"})),
        ]
    )

    @app.callback(
        Output("g", "figure"),
        Output("h", "figure"),
        Input("next", "n_clicks"),
        prevent_initial_call=True,
    )
    def move(n):
        moved = scatter()
        moved["data"][0]["y"] = [n, n, n]
        return moved, scatter(title={"text": f"title {n}"})

    start(dash_duo, app)
    wait_for_plot(dash_duo)
    dash_duo.find_element("#next").click()
    dash_duo.wait_for_text_to_equal("#h .gtitle", "title 1")
    until(lambda: dash_duo.driver.execute_script(f"return {GD}.data[0].y") == [1, 1, 1], timeout=5)
    assert dash_duo.get_logs() == []


def test_responsive_graph_follows_its_container(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        dcc.Graph(id="g", figure=scatter(width=300, height=200), responsive=True),
        id="box",
        style={"width": "500px", "height": "300px"},
    )
    start(dash_duo, app)
    wait_for_plot(dash_duo)
    width = f"return {GD}.querySelector('.main-svg').getAttribute('width')"
    height = f"return {GD}.querySelector('.main-svg').getAttribute('height')"
    until(lambda: dash_duo.driver.execute_script(width) == "500", timeout=5)
    assert dash_duo.driver.execute_script(height) == "300"
    dash_duo.driver.execute_script("document.getElementById('box').style.width = '400px'")
    until(lambda: dash_duo.driver.execute_script(width) == "400", timeout=5)
    assert dash_duo.get_logs() == []


def test_drawn_shapes_are_written_into_the_figure(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Graph(id="g", figure=scatter(dragmode="drawrect")), html.Div(id="shapes")]
    )

    @app.callback(Output("shapes", "children"), Input("g", "figure"))
    def count_shapes(figure):
        shapes = figure["layout"].get("shapes", [])
        return f"{len(shapes)} {shapes[0]['type'] if shapes else ''}".strip()

    start(dash_duo, app)
    wait_for_plot(dash_duo)
    dash_duo.wait_for_text_to_equal("#shapes", "0")
    drag(dash_duo, (1.2, 2.8), (2.2, 1.5))
    dash_duo.wait_for_text_to_equal("#shapes", "1 rect")
    assert dash_duo.get_logs() == []


def test_graph_is_marked_while_its_figure_is_computed(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Button("Slow", id="slow"), dcc.Graph(id="g", figure=scatter())])

    @app.callback(Output("g", "figure"), Input("slow", "n_clicks"), prevent_initial_call=True)
    def slow_figure(_):
        time.sleep(1)
        return scatter(title={"text": "done"})

    start(dash_duo, app)
    wait_for_plot(dash_duo)
    assert dash_duo.find_element("#g").get_attribute("data-dash-is-loading") is None
    dash_duo.find_element("#slow").click()
    dash_duo.wait_for_element('#g[data-dash-is-loading="true"]')
    dash_duo.wait_for_text_to_equal("#g .gtitle", "done")
    dash_duo.wait_for_element("#g:not([data-dash-is-loading])")
    assert dash_duo.get_logs() == []

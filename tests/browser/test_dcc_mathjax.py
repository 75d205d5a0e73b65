"""MathJax in Chromium: dcc.Markdown and dcc.Graph with `mathjax=True` typeset TeX as SVG, loading
MathJax once, on demand; a page without math never downloads it."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as start

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

pytestmark = pytest.mark.browser

MATHJAX_REQUESTS = """
    return performance.getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('async-mathjax'));
"""


def mathjax_requests(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(MATHJAX_REQUESTS)


def math_texts(dash_duo, selector: str) -> list[str]:
    """The text of the MathML MathJax keeps beside each typeset formula under `selector`."""
    script = "return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent)"
    return dash_duo.driver.execute_script(script, f"{selector} mjx-assistive-mml")


def test_markdown_typesets_math_only_with_mathjax(dash_duo):
    text = "Energy $E=mc^2$ with $x_1 + y_2$ and *words*\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nCost `$5`"
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Markdown(text, id="on", mathjax=True),
            dcc.Markdown(text, id="off"),
            dcc.Markdown("Also $\\alpha$", id="second", mathjax=True),
        ]
    )
    start(dash_duo, app)

    dash_duo.wait_for_element("#on mjx-container svg")
    dash_duo.wait_for_element("#second mjx-container svg")
    on_math = dash_duo.find_elements("#on mjx-container")
    assert len(on_math) == 3
    assert [m.get_attribute("display") for m in on_math] == [None, None, "true"]
    # Underscores inside math are TeX, not emphasis; markdown outside math still works.
    assert [em.text for em in dash_duo.find_elements("#on em")] == ["words"]
    assert dash_duo.find_element("#on code").text == "$5"

    off = dash_duo.find_element("#off")
    assert dash_duo.find_elements("#off mjx-container") == []
    assert "$E=mc^2$" in off.text
    assert len(mathjax_requests(dash_duo)) == 1
    assert dash_duo.get_logs() == []


def test_markdown_typesets_math_arriving_from_a_callback(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("more", id="more"),
            dcc.Markdown("nothing yet", id="md", mathjax=True),
        ]
    )

    @app.callback(Output("md", "children"), Input("more", "n_clicks"), prevent_initial_call=True)
    def formula(clicks):
        return f"Now $\\frac{{{clicks}}}{{2}}$"

    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal("#md", "nothing yet")
    # No math on the page yet: MathJax is not fetched.
    assert mathjax_requests(dash_duo) == []

    dash_duo.find_element("#more").click()
    dash_duo.wait_for_element("#md mjx-container svg")
    assert math_texts(dash_duo, "#md") == ["12"]
    dash_duo.find_element("#more").click()
    until(lambda: math_texts(dash_duo, "#md") == ["22"], timeout=10)
    assert len(dash_duo.find_elements("#md mjx-container svg")) == 1
    assert len(mathjax_requests(dash_duo)) == 1
    assert dash_duo.get_logs() == []


def test_graph_typesets_latex_titles_only_with_mathjax(dash_duo):
    figure = {
        "data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}],
        "layout": {"title": {"text": "$\\alpha + \\beta$"}, "xaxis": {"title": {"text": "$x_1$"}}},
    }
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Graph(id="g", figure=figure, mathjax=True), dcc.Graph(id="plain", figure=figure)]
    )
    start(dash_duo, app)

    dash_duo.wait_for_element("#g:not(.dash-graph--pending) .js-plotly-plot .main-svg")
    # plotly.js hides the title text and draws a group holding MathJax's SVG instead.
    dash_duo.wait_for_element("#g .g-gtitle .gtitle-math-group svg")
    dash_duo.wait_for_element("#g .g-xtitle .xtitle-math-group svg")
    assert not dash_duo.find_element("#g .g-gtitle text.gtitle").is_displayed()

    # MathJax is on the page now, but a graph without mathjax=True keeps its titles as text.
    dash_duo.wait_for_element("#plain:not(.dash-graph--pending) .js-plotly-plot .main-svg")
    assert dash_duo.find_elements("#plain [class*=math-group]") == []
    assert dash_duo.find_element("#plain .g-gtitle text.gtitle").text == "$\\alpha + \\beta$"
    assert len(mathjax_requests(dash_duo)) == 1
    assert dash_duo.get_logs() == []


def test_page_without_mathjax_never_fetches_it(dash_duo):
    figure = {
        "data": [{"type": "bar", "x": ["a"], "y": [1]}],
        "layout": {"title": {"text": "$\\alpha$"}},
    }
    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Markdown("Price $E=mc^2$ *now*", id="md"), dcc.Graph(id="g", figure=figure)]
    )
    start(dash_duo, app)

    dash_duo.wait_for_text_to_equal("#md em", "now")
    dash_duo.wait_for_element("#g:not(.dash-graph--pending) .js-plotly-plot .main-svg")
    dash_duo.wait_for_element("#g .g-gtitle text")
    assert "$\\alpha$" in dash_duo.find_element("#g .g-gtitle").text
    assert "$E=mc^2$" in dash_duo.find_element("#md").text
    assert mathjax_requests(dash_duo) == []
    assert dash_duo.driver.execute_script("return typeof window.MathJax") == "undefined"
    assert dash_duo.get_logs() == []

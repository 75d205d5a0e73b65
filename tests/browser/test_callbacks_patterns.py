"""Pattern-matching callbacks in the browser: a todo list with ALL / MATCH, ALLSMALLER totals."""

from __future__ import annotations

import pytest
from ports import start_on_free_port as _serve

from dash import ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, ctx, html, no_update
from dash.testing.wait import until

pytestmark = pytest.mark.browser

LABELS = ["todo", "doing", "done"]


def _item(index: int, text: str) -> html.Div:
    return html.Div(
        [
            html.Span(text, id={"type": "text", "index": index}),
            html.Button("todo", id={"type": "state", "index": index}, className="state"),
            html.Button("x", id={"type": "delete", "index": index}, className="delete"),
        ],
        id={"type": "row", "index": index},
        className="row",
    )


def _todo_app(calls: list) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Add", id="add"),
            html.Div([], id="list"),
            html.Div(id="summary"),
        ]
    )

    @app.callback(
        Output("list", "children"),
        Input("add", "n_clicks"),
        Input({"type": "delete", "index": ALL}, "n_clicks"),
        State("list", "children"),
        prevent_initial_call=True,
    )
    def edit_list(add_clicks, _deletes, rows):
        rows = rows or []
        if ctx.triggered_id == "add":
            return [*rows, _item(add_clicks, f"task {add_clicks}")]
        if not ctx.triggered[0]["value"]:
            return no_update  # a delete button appearing, not being clicked
        gone = ctx.triggered_id["index"]
        return [row for row in rows if row["props"]["id"]["index"] != gone]

    @app.callback(
        Output({"type": "state", "index": MATCH}, "children"),
        Input({"type": "state", "index": MATCH}, "n_clicks"),
        prevent_initial_call=True,
    )
    def cycle_state(n_clicks):
        calls.append(("cycle", ctx.triggered_id["index"]))
        return LABELS[n_clicks % len(LABELS)]

    @app.callback(
        Output("summary", "children"),
        Input({"type": "state", "index": ALL}, "children"),
    )
    def summarise(states):
        calls.append(("summary", len(states)))
        done = sum(1 for state in states if state == "done")
        return f"{len(states)} items, {done} done"

    return app


def test_todo_list_add_edit_delete(dash_duo, wait_idle) -> None:
    calls: list = []
    _serve(dash_duo, _todo_app(calls))
    dash_duo.wait_for_text_to_equal("#summary", "0 items, 0 done")

    for _ in range(3):
        dash_duo.find_element("#add").click()
        wait_idle()
    dash_duo.wait_for_text_to_equal("#summary", "3 items, 0 done")
    assert [span.text for span in dash_duo.find_elements("#list span")] == [
        "task 1",
        "task 2",
        "task 3",
    ]

    # "Edit": the second item's button cycles todo -> doing -> done; only its own callback runs.
    calls.clear()
    state_2 = '[id=\'{"index":2,"type":"state"}\']'
    dash_duo.find_element(state_2).click()
    dash_duo.wait_for_text_to_equal(state_2, "doing")
    dash_duo.find_element(state_2).click()
    dash_duo.wait_for_text_to_equal(state_2, "done")
    dash_duo.wait_for_text_to_equal("#summary", "3 items, 1 done")
    wait_idle()
    assert [call for call in calls if call[0] == "cycle"] == [("cycle", 2), ("cycle", 2)]
    assert [state.text for state in dash_duo.find_elements(".state")] == ["todo", "done", "todo"]

    # Delete the first item: the ALL summary re-fires for the list without it.
    dash_duo.find_element('[id=\'{"index":1,"type":"delete"}\']').click()
    dash_duo.wait_for_text_to_equal("#summary", "2 items, 1 done")
    assert [span.text for span in dash_duo.find_elements("#list span")] == ["task 2", "task 3"]
    dash_duo.find_element('[id=\'{"index":2,"type":"delete"}\']').click()
    dash_duo.wait_for_text_to_equal("#summary", "1 items, 0 done")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_allsmaller_running_totals(dash_duo, wait_idle) -> None:
    app = Dash(__name__)
    values = [3, 5, 7, 11]
    app.layout = html.Div(
        [
            html.Div(
                [
                    html.Button(f"+{value}", id={"type": "add", "index": i}, className="add"),
                    html.Span(id={"type": "total", "index": i}, className="total"),
                ]
            )
            for i, value in enumerate(values)
        ]
    )

    @app.callback(
        Output({"type": "total", "index": MATCH}, "children"),
        Input({"type": "add", "index": MATCH}, "n_clicks"),
        Input({"type": "add", "index": ALLSMALLER}, "n_clicks"),
        State({"type": "add", "index": MATCH}, "id"),
    )
    def running_total(own_clicks, earlier_clicks, own_id):
        index = own_id["index"]
        assert len(earlier_clicks) == index  # the buttons strictly before this one
        counts = [*earlier_clicks, own_clicks]
        return str(sum((clicks or 0) * values[i] for i, clicks in enumerate(counts)))

    _serve(dash_duo, app)
    until(lambda: [t.text for t in dash_duo.find_elements(".total")] == ["0", "0", "0", "0"], 10)

    buttons = dash_duo.find_elements(".add")
    buttons[1].click()  # +5 for item 1 and everything after it
    until(lambda: [t.text for t in dash_duo.find_elements(".total")] == ["0", "5", "5", "5"], 10)
    buttons[0].click()
    buttons[0].click()  # +3 twice
    until(lambda: [t.text for t in dash_duo.find_elements(".total")] == ["6", "11", "11", "11"], 10)
    buttons[3].click()  # the last one changes only itself
    until(lambda: [t.text for t in dash_duo.find_elements(".total")] == ["6", "11", "11", "22"], 10)
    wait_idle()
    assert dash_duo.get_logs() == []

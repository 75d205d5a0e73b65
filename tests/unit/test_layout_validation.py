"""Layout checks: accepted types at assignment, unique ids before serving."""

from __future__ import annotations

import pytest

from dash import html
from dash._validate import validate_layout, validate_layout_type
from dash.exceptions import DuplicateIdError, NoLayoutException


@pytest.mark.parametrize("value", [None, 5, "text", {"props": {}}])
def test_layout_type_must_be_component_list_or_function(value):
    with pytest.raises(NoLayoutException, match="layout must be"):
        validate_layout_type(value)


@pytest.mark.parametrize(
    "value", [html.Div(), [html.Div(), "t"], (html.Div(),), lambda: html.Div()]
)
def test_accepted_layout_types(value):
    validate_layout_type(value)


def test_setting_a_bad_layout_raises(make_app):
    app = make_app()
    with pytest.raises(NoLayoutException):
        app.layout = 42


def test_function_layout_with_duplicate_ids_fails_at_assignment(make_app):
    app = make_app()
    with pytest.raises(DuplicateIdError, match="`same`"):
        app.layout = lambda: html.Div([html.P(id="same"), html.Div(html.Span(id="same"))])


def test_function_layout_is_checked_once_and_kept_as_validation_layout(make_app):
    calls = []

    def layout():
        calls.append(1)
        return html.Div(id="root")

    app = make_app()
    app.layout = layout
    assert len(calls) == 1
    assert app.validation_layout.id == "root"


def test_suppressed_callback_exceptions_skip_the_assignment_check(make_app):
    app = make_app(suppress_callback_exceptions=True)
    app.layout = lambda: html.Div([html.P(id="same"), html.P(id="same")])
    assert app.validation_layout is None


def test_missing_layout_is_reported(make_app):
    with pytest.raises(NoLayoutException, match="layout was None"):
        validate_layout(None, None)


def test_duplicate_ids_anywhere_in_the_tree(make_app):
    tree = html.Div([html.Div(html.Section([html.P(id="x")])), html.Span(id="x")])
    with pytest.raises(DuplicateIdError, match="`x`"):
        validate_layout(tree, tree)


def test_duplicate_dict_ids_are_found_whatever_the_key_order():
    tree = html.Div([html.P(id={"type": "a", "index": 1}), html.P(id={"index": 1, "type": "a"})])
    with pytest.raises(DuplicateIdError):
        validate_layout(tree, tree)


def test_duplicate_ids_across_list_layout_items():
    layout = [html.P(id="x"), "text", html.Div(html.P(id="x"))]
    with pytest.raises(DuplicateIdError):
        validate_layout(layout, layout)


def test_list_layout_items_must_be_strings_or_components():
    layout = [html.P(), 3]
    with pytest.raises(NoLayoutException, match="Item 1"):
        validate_layout(layout, layout)


def test_function_returning_nothing_is_reported():
    with pytest.raises(NoLayoutException, match="returned a NoneType"):
        validate_layout(lambda: None, None)


def test_valid_layouts_pass():
    tree = html.Div([html.P(id="a"), html.P(id="b"), html.P(), "text", 3])
    validate_layout(tree, tree)
    validate_layout([tree, "x"], [tree, "x"])


# -------------------------------------------------------------- on the first request


def test_no_layout_gives_500_until_one_is_set(make_app):
    app = make_app()
    client = app.server.test_client()
    assert client.get("/").status_code == 500
    app.layout = html.Div("now")
    assert client.get("/").status_code == 200


def test_duplicate_ids_give_500_on_first_request(make_app):
    app = make_app(layout=html.Div([html.P(id="x"), html.P(id="x")]))
    assert app.server.test_client().get("/_dash-layout").status_code == 500


def test_bad_list_item_gives_500_on_first_request(make_app):
    app = make_app(layout=[html.P(), 3.5])
    assert app.server.test_client().get("/").status_code == 500

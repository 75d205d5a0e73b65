"""`add_startup_route`: validation and the process-global list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dash import _startup_routes
from dash._startup_routes import STARTUP_ROUTES, add_startup_route, startup_route_path


@pytest.fixture(autouse=True)
def empty_routes() -> Iterator[None]:
    saved = list(STARTUP_ROUTES)
    STARTUP_ROUTES.clear()
    yield
    STARTUP_ROUTES[:] = saved


def view():
    return {"ok": True}


def test_route_is_stored_with_its_methods():
    add_startup_route("my-package/data", view, ["GET", "POST"])
    route = STARTUP_ROUTES[0]
    assert route == ("my-package/data", view, ("GET", "POST"))
    assert (route.name, route.view_func, route.methods) == (
        "my-package/data",
        view,
        ("GET", "POST"),
    )
    assert startup_route_path(route.name) == "_dash_startup_route/my-package/data"


def test_methods_default_to_get_and_a_single_str_is_accepted():
    add_startup_route("a", view)
    add_startup_route("b", view, "POST")
    assert [route.methods for route in STARTUP_ROUTES] == [("GET",), ("POST",)]


def test_registration_order_is_kept():
    for name in ("one", "two", "three"):
        add_startup_route(name, view, ["GET"])
    assert [route.name for route in STARTUP_ROUTES] == ["one", "two", "three"]


def test_name_must_be_a_str():
    with pytest.raises(ValueError, match="must be str"):
        add_startup_route(42, view, ["GET"])


def test_name_must_not_start_with_a_slash():
    with pytest.raises(ValueError, match="leading '/'"):
        add_startup_route("/data", view, ["GET"])


def test_view_must_be_callable():
    with pytest.raises(ValueError, match="view_func must be a callable"):
        add_startup_route("data", "not callable", ["GET"])


def test_methods_must_be_get_or_post():
    with pytest.raises(ValueError, match="'GET' and/or 'POST'"):
        add_startup_route("data", view, ["GET", "DELETE"])


def test_methods_must_not_be_empty():
    with pytest.raises(ValueError, match="non-empty"):
        add_startup_route("data", view, [])


def test_name_must_be_unique():
    add_startup_route("data", view, ["GET"])
    with pytest.raises(ValueError, match="already registered"):
        add_startup_route("data", lambda: None, ["POST"])
    assert len(STARTUP_ROUTES) == 1


def test_failed_validation_adds_nothing():
    with pytest.raises(ValueError):
        add_startup_route("/bad", view, ["GET"])
    assert _startup_routes.STARTUP_ROUTES == []

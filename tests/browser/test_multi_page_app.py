"""The multi-page example in Chromium: links without reloads, back button, direct
URLs, redirects, titles and meta tags."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from ports import start_on_free_port as start

import dash
from dash import _pages
from dash.testing.application_runners import import_app
from dash.testing.wait import until

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pages" / "app.py"


@pytest.fixture
def pages_app() -> Iterator[dash.Dash]:
    """The example app, its pages registered; registry and page modules cleaned up after."""
    _pages.PAGE_REGISTRY.clear()
    before = set(sys.modules)
    yield import_app(str(EXAMPLE))
    _pages.PAGE_REGISTRY.clear()
    for name in set(sys.modules) - before:
        if name.startswith("pages."):
            sys.modules.pop(name, None)


def open_path(dash_duo, path: str) -> None:
    dash_duo.wait_for_page(dash_duo.server_url.rstrip("/") + path)


def title_is(dash_duo, expected: str) -> None:
    until(lambda: dash_duo.driver.title == expected, timeout=10, msg=f"title {expected!r}")


def meta(dash_duo, attribute: str, key: str) -> str:
    element = dash_duo.find_element(f'meta[{attribute}="{key}"]')
    return element.get_attribute("content")


def path_of(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "return window.location.pathname + window.location.search"
    )


SUMMER = "Water when the top two centimetres of soil are dry; plants drink more now."
WINTER = "Water about half as often: growth slows and the soil stays moist longer."


def test_links_change_pages_without_reloading(dash_duo, pages_app) -> None:
    start(dash_duo, pages_app)
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    title_is(dash_duo, "Greenhouse · Plants")
    dash_duo.driver.execute_script("window.stillTheSamePage = 'yes';")

    dash_duo.find_element("#link-pothos").click()
    dash_duo.wait_for_text_to_equal("#plant-name", "Pothos")
    title_is(dash_duo, "Greenhouse · Pothos")
    assert path_of(dash_duo) == "/plants/pothos"

    # A callback of the routed page works.
    dash_duo.find_element("#water-button").click()
    dash_duo.wait_for_text_to_equal(
        "#water-output", "Watered 1× this visit. Next time: in 10 days."
    )

    dash_duo.find_element("#care-link").click()
    dash_duo.wait_for_text_to_equal("#care-advice", SUMMER)
    title_is(dash_duo, "Greenhouse · Care")
    dash_duo.find_element("#season-winter").click()
    dash_duo.wait_for_text_to_equal("#care-advice", WINTER)
    assert path_of(dash_duo) == "/care?season=winter"

    dash_duo.find_element("#nav-home").click()
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    title_is(dash_duo, "Greenhouse · Plants")

    # Every change above happened in the same document: nothing reloaded it.
    assert dash_duo.driver.execute_script("return window.stillTheSamePage") == "yes"
    assert dash_duo.get_logs() == []


def test_back_and_forward_buttons_restore_pages(dash_duo, pages_app) -> None:
    start(dash_duo, pages_app)
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    dash_duo.driver.execute_script("window.stillTheSamePage = 'yes';")
    dash_duo.find_element("#link-calathea").click()
    dash_duo.wait_for_text_to_equal("#plant-name", "Calathea")
    dash_duo.find_element("#care-link").click()
    dash_duo.wait_for_text_to_equal("#care-advice", SUMMER)

    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#plant-name", "Calathea")
    title_is(dash_duo, "Greenhouse · Calathea")
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    title_is(dash_duo, "Greenhouse · Plants")
    dash_duo.driver.forward()
    dash_duo.wait_for_text_to_equal("#plant-name", "Calathea")
    assert path_of(dash_duo) == "/plants/calathea"
    assert dash_duo.driver.execute_script("return window.stillTheSamePage") == "yes"
    assert dash_duo.get_logs() == []


def test_direct_urls_open_their_page_with_its_meta_tags(dash_duo, pages_app) -> None:
    start(dash_duo, pages_app)
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")

    open_path(dash_duo, "/plants/monstera?from=newsletter")
    dash_duo.wait_for_text_to_equal("#plant-name", "Monstera")
    title_is(dash_duo, "Greenhouse · Monstera")
    assert meta(dash_duo, "property", "og:title") == "Greenhouse · Monstera"
    assert meta(dash_duo, "name", "description") == "Light and watering needs of one plant."
    assert meta(dash_duo, "property", "twitter:url").endswith("/plants/monstera?from=newsletter")
    assert meta(dash_duo, "property", "og:image").endswith("/assets/logo.svg")

    open_path(dash_duo, "/care?season=winter")
    dash_duo.wait_for_text_to_equal("#care-advice", WINTER)
    assert meta(dash_duo, "property", "og:description") == "How often to water, season by season."

    # An unknown id still uses the template page; an unknown path gets the 404 page.
    open_path(dash_duo, "/plants/cactus")
    dash_duo.wait_for_text_to_equal("#plant-name", "Unknown plant")
    title_is(dash_duo, "Greenhouse · Unknown plant")
    open_path(dash_duo, "/no/such/page")
    dash_duo.wait_for_text_to_equal("#not-found-page h1", "Nothing grows here")
    title_is(dash_duo, "Greenhouse · Not found")
    dash_duo.find_element("#back-home").click()
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    assert dash_duo.get_logs() == []


def test_old_addresses_redirect_to_the_care_page(dash_duo, pages_app) -> None:
    start(dash_duo, pages_app)
    dash_duo.wait_for_text_to_equal("#home-page h1", "Plants")
    open_path(dash_duo, "/watering")
    dash_duo.wait_for_text_to_equal("#care-advice", SUMMER)
    assert path_of(dash_duo) == "/care"
    title_is(dash_duo, "Greenhouse · Care")
    assert dash_duo.get_logs() == []

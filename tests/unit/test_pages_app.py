"""Multi-page apps served by a real `Dash` app (Flask test client): folder import,
the routing callback, redirects, meta tags, the validation layout and path helpers
under a requests prefix."""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import flask
import pytest

import dash
from dash import Dash, Input, State, dcc, html
from dash import _pages as pages

ROUTE_OUTPUT = ".._pages_content.children..._pages_store.data.."

HOME = """
import dash
from dash import html

dash.register_page(__name__, path="/", title="Welcome")
layout = html.Div("home page", id="home")
"""

ASSET = """
import dash
from dash import html

dash.register_page(
    __name__,
    path_template="/asset/<asset_id>",
    title=lambda asset_id=None: f"Asset {asset_id}",
    description=lambda asset_id=None: f"All about asset {asset_id}",
    redirect_from=["/old-asset", "/legacy/asset"],
)


def layout(asset_id=None, **query):
    return html.Div(f"asset {asset_id} {sorted(query.items())}", id="asset")
"""

REPORT = """
import dash
from dash import html

dash.register_page(__name__, name="Quarterly", image_url="https://cdn.example.com/q.png")
layout = html.Div("report", id="report")
"""

NOT_FOUND = """
import dash
from dash import html

dash.register_page(__name__)
layout = html.H2("custom not found", id="nope")
"""

HELPER = """
# A module of the pages folder that never registers a page is not imported.
raise RuntimeError("must not be imported")
"""


@pytest.fixture
def clean_pages() -> Iterator[None]:
    """An empty page registry and no page modules left behind."""
    saved_registry = list(pages.PAGE_REGISTRY.items())
    saved_provider = pages._context_provider
    modules_before = set(sys.modules)
    pages.PAGE_REGISTRY.clear()
    yield
    pages.PAGE_REGISTRY.clear()
    pages.PAGE_REGISTRY.update(saved_registry)
    pages.set_context_provider(saved_provider)
    for name in set(sys.modules) - modules_before:
        sys.modules.pop(name, None)


@pytest.fixture
def project(tmp_path: Path, clean_pages: None, make_app: Callable[..., Dash]) -> Any:
    """A fake app module in `tmp_path` with a pages folder; `project.app(**kwargs)` builds it."""
    (tmp_path / "pages" / "reports").mkdir(parents=True)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.png").write_bytes(b"png")
    files = {
        "home.py": HOME,
        "asset.py": ASSET,
        "reports/quarterly_report.py": REPORT,
        "not_found_404.py": NOT_FOUND,
        "helpers.py": HELPER,
        "_private.py": "import dash\ndash.register_page(__name__)\nraise RuntimeError()\n",
    }
    for name, source in files.items():
        (tmp_path / "pages" / name).write_text(textwrap.dedent(source))
    module = types.ModuleType("pages_test_app")
    module.__file__ = str(tmp_path / "pages_test_app.py")
    sys.modules["pages_test_app"] = module

    class Project:
        root = tmp_path

        @staticmethod
        def app(**kwargs: Any) -> Dash:
            kwargs.setdefault("use_pages", True)
            return make_app(name="pages_test_app", **kwargs)

    return Project


def route(client: Any, pathname: str, search: str = "", **states: Any) -> Any:
    """Ask the routing callback for `pathname` the way the renderer does; `states`
    are `value` States of components named like the keywords."""
    inputs = [
        {"id": "_pages_location", "property": "pathname", "value": pathname},
        {"id": "_pages_location", "property": "search", "value": search},
    ]
    body = {
        "output": ROUTE_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": inputs,
        "changedPropIds": ["_pages_location.pathname"],
    }
    if states:
        body["state"] = [
            {"id": key, "property": "value", "value": value} for key, value in states.items()
        ]
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    answer = response.get_json()["response"]
    return answer["_pages_content"]["children"], answer["_pages_store"]["data"]


def meta_tags(page: str) -> str:
    return "\n".join(line.strip() for line in page.splitlines() if line.strip().startswith("<meta"))


# ------------------------------------------------------------------ the registry


def test_pages_folder_is_imported_with_inferred_entries(project):
    project.app()
    assert list(dash.page_registry) == [
        "pages.home",
        "pages.asset",
        "pages.not_found_404",
        "pages.reports.quarterly_report",
    ]
    home, asset = dash.page_registry["pages.home"], dash.page_registry["pages.asset"]
    report = dash.page_registry["pages.reports.quarterly_report"]
    assert (home["path"], home["order"], home["title"]) == ("/", 0, "Welcome")
    assert asset["path"] == "/asset/none"
    assert report["path"] == "/reports/quarterly-report"
    assert report["name"] == "Quarterly"
    assert dash.page_registry["pages.not_found_404"]["name"] == "Not found 404"
    # The app.* image of the assets folder is every page's image.
    assert {page["image"] for page in dash.page_registry.values()} == {"app.png"}
    assert asset["redirect_from"] is None
    assert "pages.helpers" not in sys.modules


def test_page_registry_is_the_registry_of_dash_pages(project):
    assert dash.page_registry is pages.PAGE_REGISTRY
    assert dash.register_page is pages.register_page


def test_missing_pages_folder_is_an_error(tmp_path, clean_pages, make_app):
    module = types.ModuleType("no_pages_app")
    module.__file__ = str(tmp_path / "no_pages_app.py")
    sys.modules["no_pages_app"] = module
    with pytest.raises(dash.exceptions.InvalidConfig, match="does not exist"):
        make_app(name="no_pages_app", use_pages=True)
    # Without pages a missing default folder is fine.
    make_app(name="no_pages_app")


def test_custom_pages_folder_turns_pages_on(project):
    (project.root / "screens").mkdir()
    (project.root / "screens" / "start.py").write_text(
        "import dash\ndash.register_page(__name__, path='/', layout='start')\n"
    )
    app = project.app(use_pages=None, pages_folder="screens")
    assert app.use_pages
    assert list(dash.page_registry) == ["screens.start"]


# ------------------------------------------------------------------- routing


def test_layout_defaults_to_the_page_container(project):
    app = project.app()
    client = app.server.test_client()
    layout = client.get("/_dash-layout").get_json()
    ids = [child["props"]["id"] for child in layout["props"]["children"]]
    assert ids == ["_pages_location", "_pages_content", "_pages_store", "_pages_dummy"]
    assert layout["props"]["children"][0]["props"]["refresh"] == "callback-nav"


def test_page_container_pieces():
    location, content, store, dummy = dash.page_container.children
    assert isinstance(location, dcc.Location) and location.refresh == "callback-nav"
    assert isinstance(content, html.Div) and content.disable_n_clicks is True
    assert isinstance(store, dcc.Store) and store.id == "_pages_store"
    assert isinstance(dummy, html.Div) and dummy.id == "_pages_dummy"


def test_routing_and_title_callbacks_are_declared(project):
    app = project.app()
    specs = app.server.test_client().get("/_dash-dependencies").get_json()
    routing = next(spec for spec in specs if spec["output"] == ROUTE_OUTPUT)
    assert routing["prevent_initial_call"] is True
    assert routing["hidden"] is True
    assert [dep["property"] for dep in routing["inputs"]] == ["pathname", "search"]
    title = next(spec for spec in specs if spec["output"] == "_pages_dummy.children")
    assert title["clientside_function"] is not None
    assert title["inputs"] == [{"id": "_pages_store", "property": "data"}]
    page = app.server.test_client().get("/").data.decode()
    assert "document.title" in page


def test_routing_answers_each_page(project):
    client = project.app().server.test_client()
    layout, store = route(client, "/")
    assert layout["props"]["children"] == "home page"
    assert store == {"title": "Welcome"}

    layout, store = route(client, "/reports/quarterly-report/")
    assert layout["props"]["id"] == "report"
    assert store == {"title": "Quarterly"}


def test_template_variables_and_query_string_reach_the_layout(project):
    client = project.app().server.test_client()
    layout, store = route(client, "/asset/42", "?color=red&tag=a&tag=b&empty=")
    assert layout["props"]["children"] == (
        "asset 42 [('color', 'red'), ('empty', ''), ('tag', ['a', 'b'])]"
    )
    assert store == {"title": "Asset 42"}


def test_unknown_path_gets_the_not_found_404_page_with_status_200(project):
    client = project.app().server.test_client()
    layout, store = route(client, "/no/such/page")
    assert layout["props"]["children"] == "custom not found"
    assert store == {"title": "Not found 404"}
    assert client.get("/no/such/page").status_code == 200


def test_unknown_path_without_a_404_page(project):
    (project.root / "pages" / "not_found_404.py").unlink()
    client = project.app(title="My site").server.test_client()
    layout, store = route(client, "/nowhere")
    assert layout == {
        "props": {"children": "404 - Page not found"},
        "type": "H1",
        "namespace": "dash_html_components",
    }
    assert store == {"title": "My site"}


def test_routing_callback_inputs_reach_the_layout(project):
    (project.root / "pages" / "greeting.py").write_text(
        textwrap.dedent(
            """
            import dash
            from dash import html

            dash.register_page(__name__)

            def layout(language=None, **other):
                return html.Div({"fr": "Bonjour", "en": "Hello"}.get(language, "?"))
            """
        )
    )
    app = project.app(routing_callback_inputs={"language": State("language", "value")})
    app.layout = html.Div([dcc.Dropdown(id="language"), dash.page_container])
    client = app.server.test_client()
    layout, _ = route(client, "/greeting", language="fr")
    assert layout["props"]["children"] == "Bonjour"
    specs = client.get("/_dash-dependencies").get_json()
    routing = next(spec for spec in specs if spec["output"] == ROUTE_OUTPUT)
    assert routing["state"] == [{"id": "language", "property": "value"}]


def test_routing_callback_inputs_may_be_inputs(project):
    app = project.app(routing_callback_inputs={"theme": Input("theme", "value")})
    app.layout = html.Div([dcc.Input(id="theme"), dash.page_container])
    specs = app.server.test_client().get("/_dash-dependencies").get_json()
    routing = next(spec for spec in specs if spec["output"] == ROUTE_OUTPUT)
    assert [dep["id"] for dep in routing["inputs"]] == ["_pages_location"] * 2 + ["theme"]


# ------------------------------------------------------------------ redirects


def test_redirect_from_answers_301_to_the_page(project):
    client = project.app().server.test_client()
    for old in ("/old-asset", "/legacy/asset"):
        response = client.get(old)
        assert response.status_code == 301
        assert response.headers["Location"] == "/asset/none"


def test_redirects_use_the_requests_prefix(project):
    app = project.app(
        routes_pathname_prefix="/app/", requests_pathname_prefix="/proxy/app/", server=True
    )
    client = app.server.test_client()
    response = client.get("/proxy/app/old-asset")
    assert response.status_code == 301
    assert response.headers["Location"] == "/proxy/app/asset/none"
    assert dash.page_registry["pages.asset"]["relative_path"] == "/proxy/app/asset/none"


def test_redirects_wait_for_a_late_server(project):
    app = project.app(server=False)
    server = flask.Flask("late")
    app.init_app(server)
    assert server.test_client().get("/old-asset").status_code == 301


# ------------------------------------------------------------------ meta tags


def test_meta_tags_of_a_template_page(project):
    client = project.app().server.test_client()
    page = client.get("/asset/7?x=1").data.decode()
    assert meta_tags(page).splitlines()[:10] == [
        '<meta name="description" content="All about asset 7">',
        '<meta property="twitter:card" content="summary_large_image">',
        '<meta property="twitter:url" content="http://localhost/asset/7?x=1">',
        '<meta property="twitter:title" content="Asset 7">',
        '<meta property="twitter:description" content="All about asset 7">',
        '<meta property="twitter:image" content="http://localhost/assets/app.png">',
        '<meta property="og:title" content="Asset 7">',
        '<meta property="og:type" content="website">',
        '<meta property="og:description" content="All about asset 7">',
        '<meta property="og:image" content="http://localhost/assets/app.png">',
    ]
    # The page tags come before the default ones, and <title> stays the app title.
    assert '<meta charset="UTF-8">' in meta_tags(page).splitlines()[10:]
    assert "<title>Dash</title>" in page


def test_meta_tags_use_image_url_and_the_app_title_when_nothing_matches(project):
    client = project.app(title="Site").server.test_client()
    report = meta_tags(client.get("/reports/quarterly-report").data.decode())
    assert '<meta property="og:image" content="https://cdn.example.com/q.png">' in report
    unknown = meta_tags(client.get("/elsewhere").data.decode())
    assert '<meta property="og:title" content="Site">' in unknown
    assert '<meta property="og:image" content="">' in unknown


def test_meta_tags_can_be_turned_off(project):
    client = project.app(include_pages_meta=False).server.test_client()
    assert "og:title" not in client.get("/").data.decode()


def test_no_page_meta_tags_without_pages(make_app):
    client = make_app(layout=html.Div("x")).server.test_client()
    assert "og:title" not in client.get("/").data.decode()


# --------------------------------------------------------- validation layout


def test_validation_layout_holds_every_page_and_the_app_layout(project):
    app = project.app()
    config = app.server.test_client().get("/").data.decode()
    assert app.validation_layout is not None
    ids = set(app.validation_layout)
    assert {"home", "asset", "report", "nope", "_pages_content"} <= ids
    assert '"validation_layout"' in config


def test_validation_layout_is_skipped_when_callback_exceptions_are_suppressed(project):
    app = project.app(suppress_callback_exceptions=True)
    app.server.test_client().get("/")
    assert app.validation_layout is None


def test_layout_without_page_container_fails_the_first_request(project):
    app = project.app()
    app.layout = html.Div("no container here")
    app.server.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.server.test_client().get("/")
    assert response.status_code == 500
    with pytest.raises(Exception, match="page_container` not found"):
        app._setup_server()


def test_duplicate_paths_fail_the_first_request(project):
    (project.root / "pages" / "home_again.py").write_text(
        "import dash\ndash.register_page(__name__, path='/', layout='again')\n"
    )
    app = project.app()
    with pytest.raises(Exception, match="duplicate paths"):
        app._setup_server()


def test_register_page_is_refused_during_a_request(project):
    app = project.app()
    with app.server.test_request_context("/"), pytest.raises(dash.exceptions.PageError):
        dash.register_page("late_page", layout=html.Div())


# -------------------------------------------------------------- path helpers


def test_path_helpers_under_a_requests_prefix(project):
    app = project.app(requests_pathname_prefix="/my-app/")
    assert app.get_relative_path("/page-2") == "/my-app/page-2"
    assert app.get_relative_path("") == "/my-app/"
    assert app.strip_relative_path("/my-app/page/sub/") == "page/sub"
    assert app.strip_relative_path("/my-app") == ""
    assert app.strip_relative_path(None) is None
    assert app.get_asset_url("logo.png") == "/my-app/assets/logo.png"
    # The module-level helpers follow the most recently created app.
    assert dash.get_relative_path("/x") == "/my-app/x"
    assert dash.strip_relative_path("/my-app/x/") == "x"
    assert dash.get_asset_url("a.css") == "/my-app/assets/a.css"
    with pytest.raises(dash.exceptions.UnsupportedRelativePath):
        app.get_relative_path("no-slash")
    with pytest.raises(dash.exceptions.UnsupportedRelativePath):
        app.strip_relative_path("/elsewhere/x")
    # The registry's relative paths use the prefix, and routing strips it.
    assert dash.page_registry["pages.home"]["relative_path"] == "/my-app/"
    client = app.server.test_client()
    layout, _ = route(client, "/my-app/asset/9")
    assert layout["props"]["children"] == "asset 9 []"


def test_get_app_returns_the_latest_app(project):
    app = project.app()
    assert dash.get_app() is app

"""Multi-page core: `register_page` inference rules, the registry, routing, meta tags
and the import of a pages folder."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest

from dash import Input, Output, html
from dash import _pages as pages
from dash._callback import register_callback
from dash._dispatch import dispatch
from dash._get_paths import app_get_asset_url, app_get_relative_path, app_strip_relative_path
from dash._pages import (
    PAGE_REGISTRY,
    PagesContext,
    check_registry,
    import_pages,
    infer_image,
    page_meta_tags,
    pages_folder_path,
    parse_path_variables,
    parse_query_string,
    register_page,
    resolve_page,
    routing_layout_result,
)
from dash.exceptions import InvalidConfig, NoLayoutException, PageError, UnsupportedRelativePath


class FakeApp:
    """The app facts `register_page` reads, editable by each test."""

    def __init__(self, assets_folder: str) -> None:
        self.title = "Dash"
        self.description: str | None = None
        self.assets_folder = assets_folder
        self.pages_folder = "pages"
        self.prefix = "/"
        self.redirects: list[tuple[str, str]] = []

    def get_relative_path(self, path: str) -> str:
        return app_get_relative_path(self.prefix, path)

    def strip_relative_path(self, path: str | None) -> str | None:
        return app_strip_relative_path(self.prefix, path)

    def context(self) -> PagesContext:
        return PagesContext(
            title=self.title,
            description=self.description,
            assets_folder=self.assets_folder,
            pages_folder=self.pages_folder,
            get_relative_path=self.get_relative_path,
            add_redirect=lambda source, target: self.redirects.append((source, target)),
        )


@pytest.fixture
def registry() -> Iterator[Any]:
    saved = list(PAGE_REGISTRY.items())
    PAGE_REGISTRY.clear()
    yield PAGE_REGISTRY
    PAGE_REGISTRY.clear()
    PAGE_REGISTRY.update(saved)


@pytest.fixture
def app(tmp_path, registry) -> Iterator[FakeApp]:
    assets = tmp_path / "assets"
    assets.mkdir()
    fake = FakeApp(str(assets))
    saved = pages._context_provider
    pages.set_context_provider(fake.context)
    yield fake
    pages.set_context_provider(saved)


def entry(module: str) -> dict[str, Any]:
    return PAGE_REGISTRY[module]


def layout() -> Any:
    return html.Div("page")


# ------------------------------------------------------------------ path


class TestPathInference:
    @pytest.mark.parametrize(
        ("module", "expected"),
        [
            ("pages.weekly_analytics", "/weekly-analytics"),
            ("pages.sub.deep_page", "/sub/deep-page"),
            ("pages.About_Us", "/about-us"),
            ("home", "/home"),
            ("myapp.pages.reports.q1", "/reports/q1"),
        ],
    )
    def test_path_from_module_name(self, app, module, expected):
        register_page(module, layout=layout)
        assert entry(module)["path"] == expected
        assert entry(module)["supplied_path"] is None

    def test_text_after_the_last_occurrence_of_the_folder_name(self, app):
        register_page("pages.subpages_x", layout=layout)
        assert entry("pages.subpages_x")["path"] == "/-x"

    def test_custom_pages_folder_given_as_a_path(self, app, tmp_path):
        app.pages_folder = str(tmp_path / "my_views")
        register_page("my_views.team_list", layout=layout)
        assert entry("my_views.team_list")["path"] == "/team-list"

    def test_pages_folder_disabled_uses_whole_module(self, app):
        app.pages_folder = ""
        register_page("pages.report", layout=layout)
        assert entry("pages.report")["path"] == "/pages/report"

    def test_path_template_variables_become_none(self, app):
        register_page("pages.asset", path_template="/asset/<asset_id>", layout=layout)
        page = entry("pages.asset")
        assert page["path"] == "/asset/none"
        assert page["path_template"] == "/asset/<asset_id>"

    def test_path_template_with_two_variables(self, app):
        register_page("pages.x", path_template="/<org>/repo/<repo_name>", layout=layout)
        assert entry("pages.x")["path"] == "/none/repo/none"

    def test_supplied_path_is_kept(self, app):
        register_page("pages.x", path="/Custom_Path/", layout=layout)
        assert entry("pages.x")["path"] == "/Custom_Path/"
        assert entry("pages.x")["supplied_path"] == "/Custom_Path/"

    def test_supplied_path_without_leading_slash_is_refused(self, app):
        with pytest.raises(UnsupportedRelativePath, match="starting with '/'"):
            register_page("pages.x", path="x", layout=layout)

    def test_relative_path_uses_the_requests_prefix(self, app):
        app.prefix = "/my-app/"
        register_page("pages.report", layout=layout)
        assert entry("pages.report")["relative_path"] == "/my-app/report"


# --------------------------------------------------------- name and title


class TestNameTitleDescription:
    def test_name_from_last_segment_capitalized(self, app):
        register_page("pages.weekly_analytics", layout=layout)
        assert entry("pages.weekly_analytics")["name"] == "Weekly analytics"
        assert entry("pages.weekly_analytics")["supplied_name"] is None

    def test_supplied_name_is_kept(self, app):
        register_page("pages.historical_outlook", name="Our historical view", layout=layout)
        page = entry("pages.historical_outlook")
        assert page["name"] == page["supplied_name"] == "Our historical view"
        assert page["title"] == "Our historical view"

    def test_title_falls_back_to_name_when_app_title_is_default(self, app):
        register_page("pages.weekly_analytics", layout=layout)
        assert entry("pages.weekly_analytics")["title"] == "Weekly analytics"
        assert entry("pages.weekly_analytics")["supplied_title"] is None

    def test_title_falls_back_to_custom_app_title(self, app):
        app.title = "Sales"
        register_page("pages.weekly_analytics", layout=layout)
        assert entry("pages.weekly_analytics")["title"] == "Sales"

    def test_supplied_title_wins(self, app):
        app.title = "Sales"
        register_page("pages.a", title="Overview", layout=layout)
        assert entry("pages.a")["title"] == entry("pages.a")["supplied_title"] == "Overview"

    def test_callable_title_is_stored_as_is(self, app):
        def title(asset_id=None):
            return f"Asset {asset_id}"

        register_page("pages.a", title=title, layout=layout)
        assert entry("pages.a")["title"] is title

    def test_description_supplied(self, app):
        app.description = "App"
        register_page("pages.a", description="Page", layout=layout)
        assert entry("pages.a")["description"] == "Page"

    def test_description_falls_back_to_app_description(self, app):
        app.description = "All about sales"
        register_page("pages.a", layout=layout)
        assert entry("pages.a")["description"] == "All about sales"

    def test_description_defaults_to_empty(self, app):
        register_page("pages.a", layout=layout)
        assert entry("pages.a")["description"] == ""


# ------------------------------------------------------------------ image


class TestImage:
    def touch(self, app, *names):
        for name in names:
            with open(f"{app.assets_folder}/{name}", "w") as file:
                file.write("x")

    def test_page_id_image(self, app):
        self.touch(app, "weekly_analytics.png", "app.png", "logo.png")
        register_page("pages.weekly_analytics", layout=layout)
        assert entry("pages.weekly_analytics")["image"] == "weekly_analytics.png"
        assert entry("pages.weekly_analytics")["supplied_image"] is None

    def test_dashed_page_id_image(self, app):
        self.touch(app, "weekly-analytics.jpg", "app.png")
        register_page("pages.weekly_analytics", layout=layout)
        assert entry("pages.weekly_analytics")["image"] == "weekly-analytics.jpg"

    def test_app_image_before_logo(self, app):
        self.touch(app, "logo.png", "app.svg")
        register_page("pages.other", layout=layout)
        assert entry("pages.other")["image"] == "app.svg"

    def test_logo_image_last(self, app):
        self.touch(app, "logo.webp", "unrelated.png")
        register_page("pages.other", layout=layout)
        assert entry("pages.other")["image"] == "logo.webp"

    def test_extension_case_does_not_matter(self, app):
        self.touch(app, "home.JPEG")
        assert infer_image("home", app.assets_folder) == "home.JPEG"

    def test_stem_is_text_before_first_dot(self, app):
        self.touch(app, "home.banner.png")
        assert infer_image("home", app.assets_folder) == "home.banner.png"

    def test_non_images_and_subfolders_are_ignored(self, app, tmp_path):
        self.touch(app, "home.txt", "home.pdf")
        (tmp_path / "assets" / "img").mkdir()
        (tmp_path / "assets" / "img" / "home.png").write_text("x")
        assert infer_image("home", app.assets_folder) is None

    def test_missing_assets_folder(self, tmp_path):
        assert infer_image("home", str(tmp_path / "nowhere")) is None

    def test_supplied_image_and_image_url(self, app):
        self.touch(app, "a.png")
        register_page("pages.a", image="custom.png", image_url="https://x.org/i.png", layout=layout)
        page = entry("pages.a")
        assert (page["image"], page["supplied_image"]) == ("custom.png", "custom.png")
        assert page["image_url"] == "https://x.org/i.png"


# ------------------------------------------------------------- order, registry


class TestOrderAndRegistry:
    def test_home_page_gets_order_zero_when_nobody_chose_one(self, app):
        register_page("pages.b", layout=layout)
        register_page("pages.home", path="/", layout=layout)
        assert entry("pages.home")["order"] == 0
        assert entry("pages.home")["supplied_order"] is None
        assert entry("pages.b")["order"] is None
        assert list(PAGE_REGISTRY) == ["pages.home", "pages.b"]

    def test_home_page_order_is_dropped_once_an_order_is_supplied(self, app):
        register_page("pages.home", path="/", layout=layout)
        register_page("pages.b", order=5, layout=layout)
        assert entry("pages.home")["order"] is None
        assert list(PAGE_REGISTRY) == ["pages.b", "pages.home"]

    def test_sort_order(self, app):
        register_page("pages.z_none", layout=layout)
        register_page("pages.a_none", layout=layout)
        register_page("pages.text_b", order="b", layout=layout)
        register_page("pages.ten", order=10, layout=layout)
        register_page("pages.text_a", order="a", layout=layout)
        register_page("pages.two", order=2, layout=layout)
        register_page("pages.two_again", order=2, layout=layout)
        register_page("pages.half", order=0.5, layout=layout)
        assert list(PAGE_REGISTRY) == [
            "pages.half",
            "pages.two",
            "pages.two_again",
            "pages.ten",
            "pages.text_a",
            "pages.text_b",
            "pages.a_none",
            "pages.z_none",
        ]

    def test_registry_is_sorted_in_place(self, app):
        import dash._pages

        before = dash._pages.PAGE_REGISTRY
        register_page("pages.b", order=2, layout=layout)
        register_page("pages.a", order=1, layout=layout)
        assert before is dash._pages.PAGE_REGISTRY
        assert list(before) == ["pages.a", "pages.b"]

    def test_entry_keys(self, app):
        register_page("pages.report", custom_key="custom value", layout=layout)
        page = entry("pages.report")
        for key in (
            "module path_template path name title description order image image_url layout "
            "supplied_path supplied_name supplied_title supplied_order supplied_layout "
            "supplied_image redirect_from relative_path"
        ).split():
            assert key in page, key
        assert page["module"] == "pages.report"
        assert page["custom_key"] == "custom value"
        assert page["layout"] is page["supplied_layout"] is layout

    def test_redirect_from_registers_routes_and_stays_none(self, app):
        app.prefix = "/my-app/"
        register_page("pages.new", redirect_from=["/old", "/older/"], layout=layout)
        assert entry("pages.new")["redirect_from"] is None
        assert app.redirects == [
            ("/my-app/old", "/my-app/new"),
            ("/my-app/older/", "/my-app/new"),
        ]

    def test_registering_again_replaces_the_entry(self, app):
        register_page("pages.a", name="First", layout=layout)
        register_page("pages.a", name="Second", layout=layout)
        assert len(PAGE_REGISTRY) == 1
        assert entry("pages.a")["name"] == "Second"


# ------------------------------------------------------------------ errors


class TestRegistrationErrors:
    def test_no_app(self, registry):
        saved = pages._context_provider
        pages.set_context_provider(None)
        try:
            with pytest.raises(PageError, match="before any Dash app"):
                register_page("pages.a", layout=layout)
        finally:
            pages.set_context_provider(saved)

    def test_module_must_be_a_str(self, app):
        with pytest.raises(PageError, match="must be the module name"):
            register_page(sys.modules[__name__], layout=layout)

    def test_inside_a_callback(self, app):
        specs: list[dict] = []
        callback_map: dict[str, dict] = {}

        @partial(register_callback, specs, callback_map, False)(
            Output("out", "children"), Input("in", "value")
        )
        def add_page(value):
            register_page("pages.late", layout=layout)
            return value

        body = {
            "output": "out.children",
            "outputs": {"id": "out", "property": "children"},
            "inputs": [{"id": "in", "property": "value", "value": 1}],
            "changedPropIds": ["in.value"],
        }
        with pytest.raises(PageError, match="inside a callback"):
            dispatch(callback_map, body)
        assert "pages.late" not in PAGE_REGISTRY

    def test_during_a_request(self, app):
        facts = app.context()
        pages.set_context_provider(
            lambda: PagesContext(**{**facts.__dict__, "in_request": lambda: True})
        )
        with pytest.raises(PageError, match="request"):
            register_page("pages.a", layout=layout)

    def test_ignored_inside_background_jobs(self, app):
        with pages.ignoring_registrations():
            register_page("pages.a", layout=layout)
        assert PAGE_REGISTRY == {}
        register_page("pages.a", layout=layout)
        assert "pages.a" in PAGE_REGISTRY

    @pytest.mark.parametrize(
        "template",
        ["/asset/<asset-id>", "/asset/<1st>", "/asset/<class>", "/asset/x<asset_id>", "/a/<>"],
    )
    def test_bad_template_variables(self, app, template):
        with pytest.raises(Exception, match="path_template"):
            register_page("pages.asset", path_template=template, layout=layout)
        assert PAGE_REGISTRY == {}


class TestFirstRequestChecks:
    def test_duplicate_paths(self, app):
        register_page("pages.a", path="/same", layout=layout)
        register_page("pages.b", path="/same", layout=layout)
        with pytest.raises(
            Exception, match=r"modules \['pages.a', 'pages.b'\] have duplicate paths"
        ):
            check_registry(PAGE_REGISTRY)

    def test_main_module(self, app):
        register_page("__main__", layout=layout)
        with pytest.raises(Exception, match="__main__"):
            check_registry(PAGE_REGISTRY)

    def test_missing_layout(self, app):
        register_page("pages.nowhere")
        with pytest.raises(NoLayoutException, match="pages.nowhere"):
            check_registry(PAGE_REGISTRY)

    def test_layout_taken_from_the_loaded_module(self, app, monkeypatch):
        module = type(sys)("pages_fake_loaded")
        module.layout = layout
        monkeypatch.setitem(sys.modules, "pages_fake_loaded", module)
        register_page("pages_fake_loaded")
        check_registry(PAGE_REGISTRY)
        assert entry("pages_fake_loaded")["layout"] is layout

    def test_validation_layouts_call_functions_without_arguments(self, app):
        static = html.P("static")
        register_page("pages.a", order=1, layout=static)
        register_page("pages.b", order=2, layout=lambda: html.P("made"))
        made = pages.page_layouts_for_validation(PAGE_REGISTRY)
        assert made[0] is static
        assert made[1].children == "made"


# ------------------------------------------------------------------ routing


class TestPathVariablesAndQuery:
    def test_single_variable(self):
        assert parse_path_variables("asset/a100", "asset/<asset_id>") == {"asset_id": "a100"}

    def test_two_variables(self):
        assert parse_path_variables("acme/repo/dash", "<org>/repo/<name>") == {
            "org": "acme",
            "name": "dash",
        }

    def test_static_parts_must_match(self):
        assert parse_path_variables("assets/a100", "asset/<asset_id>") is None
        assert parse_path_variables("asset/a100/extra", "asset/<id>/x") is None

    def test_empty_capture_is_no_match(self):
        assert parse_path_variables("", "<slug>") is None

    def test_regex_characters_in_template_are_literal(self):
        assert parse_path_variables("a.b/1", "a.b/<n>") == {"n": "1"}
        assert parse_path_variables("axb/1", "a.b/<n>") is None

    def test_query_single_values_are_strings(self):
        assert parse_query_string("?a=1&b=two") == {"a": "1", "b": "two"}

    def test_query_repeated_keys_are_lists(self):
        assert parse_query_string("?tag=x&tag=y&n=1") == {"tag": ["x", "y"], "n": "1"}

    def test_query_blank_values_are_kept(self):
        assert parse_query_string("?flag=&x=1") == {"flag": "", "x": "1"}

    def test_query_empty(self):
        assert parse_query_string("") == {}
        assert parse_query_string(None) == {}


@pytest.fixture
def site(app):
    """Home, a templated asset page, a report page and (optionally) a custom 404."""

    def asset_layout(asset_id=None, **query):
        return html.Div(f"asset {asset_id} {sorted(query.items())}")

    register_page("pages.home", path="/", layout=html.Div("home"))
    register_page(
        "pages.asset",
        path_template="/asset/<asset_id>",
        title=lambda asset_id=None: f"Asset {asset_id}",
        layout=asset_layout,
    )
    register_page("pages.report", layout=lambda **query: html.Div(f"report {query}"))
    return app


def route(app, pathname, search="", states=None):
    return routing_layout_result(
        pathname, search, PAGE_REGISTRY, app.strip_relative_path, app.title, states
    )


class TestRouting:
    def test_home(self, site):
        layout, title = route(site, "/")
        assert layout.children == "home"
        assert title == {"title": "Home"}

    def test_static_page_with_trailing_slash(self, site):
        layout, title = route(site, "/report/")
        assert layout.children == "report {}"
        assert title == {"title": "Report"}

    def test_template_variables_reach_layout_and_title(self, site):
        layout, title = route(site, "/asset/a100")
        assert layout.children == "asset a100 []"
        assert title == {"title": "Asset a100"}

    def test_query_arguments_reach_layout(self, site):
        layout, _ = route(site, "/asset/a1", "?view=chart&tag=x&tag=y")
        assert layout.children == "asset a1 [('tag', ['x', 'y']), ('view', 'chart')]"

    def test_routing_states_reach_layout(self, site):
        layout, _ = route(site, "/report", "?a=1", states={"lang": "fr"})
        assert layout.children == "report {'a': '1', 'lang': 'fr'}"

    def test_under_a_requests_prefix(self, site):
        site.prefix = "/my-app/"
        layout, _ = route(site, "/my-app/asset/7/")
        assert layout.children == "asset 7 []"

    def test_empty_capture_falls_through(self, app):
        register_page("pages.home", path="/", order=2, layout=html.Div("home"))
        register_page("pages.slug", path_template="/<slug>", order=1, layout=lambda slug: slug)
        assert route(app, "/")[0].children == "home"
        assert route(app, "/hello")[0] == "hello"

    def test_no_match_without_404_page(self, site):
        site.title = "My app"
        layout, title = route(site, "/nowhere")
        assert isinstance(layout, html.H1)
        assert layout.children == "404 - Page not found"
        assert title == {"title": "My app"}

    def test_no_match_uses_the_not_found_404_page(self, site):
        register_page("pages.not_found_404", layout=lambda **query: html.Div(f"custom 404 {query}"))
        layout, title = route(site, "/nowhere", "?q=1")
        assert layout.children == "custom 404 {'q': '1'}"
        assert title == {"title": "Not found 404"}

    def test_path_outside_the_prefix_is_not_found(self, site):
        site.prefix = "/my-app/"
        layout, _ = route(site, "/elsewhere/report")
        assert layout.children == "404 - Page not found"

    def test_resolve_without_fallback(self, site):
        register_page("pages.not_found_404", layout=layout)
        page, variables = resolve_page(
            "/nowhere", PAGE_REGISTRY, site.strip_relative_path, not_found_fallback=False
        )
        assert (page, variables) == (None, {})

    def test_first_page_in_registry_order_wins(self, app):
        register_page("pages.specific", path="/asset/special", order=1, layout=html.P("special"))
        register_page("pages.asset", path_template="/asset/<id>", order=2, layout=lambda id: id)
        assert route(app, "/asset/special")[0].children == "special"
        assert route(app, "/asset/other")[0] == "other"


# ------------------------------------------------------------------ meta tags


def meta_lines(app, page, path_vars=None, request_url="http://h:8050/asset/1"):
    config = {"requests_pathname_prefix": "/", "assets_url_path": "assets"}
    text = page_meta_tags(
        page,
        request_url,
        "http://h:8050/",
        partial(app_get_asset_url, config),
        path_vars,
        app_title=app.title,
    )
    return text.splitlines()


class TestMetaTags:
    def test_order_and_content(self, app):
        register_page(
            "pages.asset",
            path_template="/asset/<asset_id>",
            title=lambda asset_id=None: f"Asset {asset_id}",
            description=lambda asset_id=None: f"About {asset_id}",
            image="asset.png",
            layout=layout,
        )
        lines = meta_lines(app, entry("pages.asset"), {"asset_id": "1"})
        assert lines == [
            '<meta name="description" content="About 1">',
            '<meta property="twitter:card" content="summary_large_image">',
            '<meta property="twitter:url" content="http://h:8050/asset/1">',
            '<meta property="twitter:title" content="Asset 1">',
            '<meta property="twitter:description" content="About 1">',
            '<meta property="twitter:image" content="http://h:8050/assets/asset.png">',
            '<meta property="og:title" content="Asset 1">',
            '<meta property="og:type" content="website">',
            '<meta property="og:description" content="About 1">',
            '<meta property="og:image" content="http://h:8050/assets/asset.png">',
        ]

    def test_image_url_overrides_image(self, app):
        register_page("pages.a", image="a.png", image_url="https://cdn.x/a.png", layout=layout)
        lines = meta_lines(app, entry("pages.a"))
        assert lines[5] == '<meta property="twitter:image" content="https://cdn.x/a.png">'
        assert lines[9] == '<meta property="og:image" content="https://cdn.x/a.png">'

    def test_no_image(self, app):
        register_page("pages.a", layout=layout)
        assert meta_lines(app, entry("pages.a"))[9] == '<meta property="og:image" content="">'

    def test_no_page_uses_app_title(self, app):
        app.title = "Sales"
        lines = meta_lines(app, None)
        assert lines[0] == '<meta name="description" content="">'
        assert lines[3] == '<meta property="twitter:title" content="Sales">'

    def test_values_are_escaped(self, app):
        register_page("pages.a", title='Q&A "live"', layout=layout)
        assert meta_lines(app, entry("pages.a"))[6] == (
            '<meta property="og:title" content="Q&amp;A &quot;live&quot;">'
        )


# ------------------------------------------------------------- folder import


PAGE_SOURCE = """
from dash import html
from dash._pages import register_page

register_page(__name__{extra})

{layout}
"""


def write_page(path, layout="layout = html.Div(__name__)", extra=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(PAGE_SOURCE.format(layout=layout, extra=extra)))


@pytest.fixture
def project(tmp_path, app) -> Iterator[Any]:
    root = tmp_path / "project"
    folder = root / "pages"
    write_page(folder / "home.py", extra=", path='/'")
    write_page(folder / "weekly_analytics.py")
    write_page(folder / "sub" / "deep_page.py")
    write_page(folder / "_private.py")
    write_page(folder / "_drafts" / "draft.py")
    write_page(folder / ".hidden" / "secret.py")
    (folder / "helpers.py").write_text("VALUE = 1\n")
    (folder / "notes.txt").write_text("register_page")
    before = set(sys.modules)
    yield root
    for name in set(sys.modules) - before:
        del sys.modules[name]


class TestImportPages:
    def test_import_rules_and_module_names(self, project):
        imported = import_pages(str(project / "pages"), "app", project_root=str(project))
        assert imported == ["pages.home", "pages.weekly_analytics", "pages.sub.deep_page"]
        assert sorted(PAGE_REGISTRY) == sorted(imported)
        assert "pages.helpers" not in sys.modules

    def test_inferred_paths_of_imported_pages(self, project):
        import_pages(str(project / "pages"), "app", project_root=str(project))
        paths = {module: page["path"] for module, page in PAGE_REGISTRY.items()}
        assert paths == {
            "pages.home": "/",
            "pages.sub.deep_page": "/sub/deep-page",
            "pages.weekly_analytics": "/weekly-analytics",
        }

    def test_module_layout_is_adopted(self, project):
        import_pages(str(project / "pages"), "app", project_root=str(project))
        page = entry("pages.sub.deep_page")
        assert page["supplied_layout"] is None
        assert page["layout"].children == "pages.sub.deep_page"
        assert sys.modules["pages.sub.deep_page"].layout is page["layout"]

    def test_page_without_layout(self, project):
        write_page(project / "pages" / "empty.py", layout="")
        with pytest.raises(NoLayoutException, match="pages.empty"):
            import_pages(str(project / "pages"), "app", project_root=str(project))

    def test_supplied_layout_is_not_replaced(self, project):
        write_page(project / "pages" / "given.py", layout="", extra=", layout=html.P('given')")
        import_pages(str(project / "pages"), "app", project_root=str(project))
        assert entry("pages.given")["layout"].children == "given"

    def test_nested_pages_folder_name(self, project):
        nested = project / "web" / "views"
        write_page(nested / "team.py")
        app_folder = str(nested)
        assert import_pages(app_folder, "app", project_root=str(project)) == ["web.views.team"]

    def test_app_package_prefixes_module_names(self, project, monkeypatch):
        package = type(sys)("myapp")
        package.__file__ = str(project / "__init__.py")
        monkeypatch.setitem(sys.modules, "myapp", package)
        imported = import_pages(str(project / "pages"), "myapp")
        assert imported[0] == "myapp.pages.home"
        assert "myapp.pages.home" in PAGE_REGISTRY


class TestPagesFolder:
    def test_missing_folder_with_use_pages(self, tmp_path):
        with pytest.raises(InvalidConfig, match="does not exist"):
            pages_folder_path(str(tmp_path), "pages", use_pages=True)

    def test_missing_custom_folder(self, tmp_path):
        with pytest.raises(InvalidConfig, match="my_pages"):
            pages_folder_path(str(tmp_path), "my_pages", use_pages=False)

    def test_missing_default_folder_without_pages_is_fine(self, tmp_path):
        assert pages_folder_path(str(tmp_path), "pages", use_pages=False) is None

    def test_empty_name_disables_import(self, tmp_path):
        assert pages_folder_path(str(tmp_path), "", use_pages=True) is None

    def test_existing_folder(self, tmp_path):
        (tmp_path / "pages").mkdir()
        assert pages_folder_path(str(tmp_path), "pages", use_pages=True) == str(tmp_path / "pages")

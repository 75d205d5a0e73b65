"""The index page: template markers, metas, css and script order, config JSON, validation."""

from __future__ import annotations

import json
import re

import pytest

from dash import Dash, Input, Output, html
from dash._index import DEFAULT_INDEX, interpolate, metas_html, validate_index
from dash.exceptions import InvalidIndexException

CONFIG_PATTERN = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>')


def _page(app, path: str = "/") -> str:
    response = app.server.test_client().get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _config(app, path: str = "/") -> dict:
    return json.loads(CONFIG_PATTERN.search(_page(app, path)).group(1))


def _script_srcs(page: str) -> list[str]:
    return re.findall(r'<script src="([^"]*)"', page)


@pytest.fixture
def app(make_app):
    return make_app(layout=html.Div("hello"))


# ---------------------------------------------------------------------- template


def test_default_page_has_every_piece_and_no_marker_left(app):
    page = _page(app)
    assert "{%" not in page
    assert page.startswith("<!DOCTYPE html>")
    assert '<div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>' in page
    assert "<title>Dash</title>" in page
    assert page.rstrip().endswith(
        '<script id="_dash-renderer" type="application/javascript">'
        "var renderer = new DashRenderer();</script>\n    </footer>\n  </body>\n</html>"
    )


def test_interpolate_replaces_every_occurrence_and_keeps_unknown_markers():
    page = interpolate("{%title%}|{%title%}|{%other%}", title="T")
    assert page == "T|T|{%other%}"


def test_default_template_holds_all_markers():
    for marker in (
        "metas",
        "title",
        "favicon",
        "css",
        "app_entry",
        "config",
        "scripts",
        "renderer",
    ):
        assert f"{{%{marker}%}}" in DEFAULT_INDEX


def test_index_string_missing_markers_error_text(app):
    with pytest.raises(InvalidIndexException) as error:
        app.index_string = "<html>{%app_entry%}</html>"
    assert str(error.value) == "Missing item(s) {%config%}, {%scripts%} in index string."


def test_index_string_without_renderer_fails_each_request(make_app):
    app = make_app(
        layout=html.Div("x"),
        index_string="<html><body>{%app_entry%}{%config%}{%scripts%}</body></html>",
    )
    client = app.server.test_client()
    assert client.get("/").status_code == 500
    assert client.get("/again").status_code == 500


def test_validate_index_names_what_is_missing():
    with pytest.raises(
        InvalidIndexException, match="#_dash-config, dash-renderer, new DashRenderer"
    ):
        validate_index('<div id="react-entry-point"></div>')


def test_custom_index_string(make_app):
    template = (
        "<html><head>{%css%}</head><body><h1>Custom</h1>{%app_entry%}"
        "<footer>{%config%}{%scripts%}{%renderer%}</footer></body></html>"
    )
    page = _page(make_app(layout=html.Div("x"), index_string=template))
    assert page.startswith("<html><head>") and "<h1>Custom</h1>" in page
    assert "<title>" not in page


def test_interpolate_index_override(make_app, clean_env, isolated_callbacks):
    class MyDash(Dash):
        def interpolate_index(self, **kwargs):
            return (
                '<html><body><div id="custom-header">My header</div>'
                f"{kwargs['app_entry']}{kwargs['config']}{kwargs['scripts']}{kwargs['renderer']}"
                "</body></html>"
            )

    app = MyDash(__name__)
    app.layout = html.Div("x")
    page = _page(app)
    assert page.startswith('<html><body><div id="custom-header">My header</div>')
    assert 'id="_dash-renderer"' in page


# ------------------------------------------------------------------------- metas


def test_default_metas_come_first():
    page = metas_html([{"name": "description", "content": "About"}])
    assert page.split("\n") == [
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta charset="UTF-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="description" content="About">',
    ]


def test_user_metas_replace_their_defaults():
    page = metas_html([{"name": "viewport", "content": "width=500"}, {"charset": "latin-1"}])
    assert page.count("viewport") == 1 and "width=500" in page
    assert page.count("charset") == 1 and 'charset="latin-1"' in page
    assert "X-UA-Compatible" in page


def test_meta_values_are_escaped():
    assert 'content="a &quot;b&quot; &lt;c&gt;"' in metas_html(
        [{"name": "x", "content": 'a "b" <c>'}]
    )


def test_title_and_meta_changes_show_on_next_request(app):
    _page(app)
    app.title = "Fresh title"
    app.config.meta_tags = [{"name": "author", "content": "me"}]
    page = _page(app)
    assert "<title>Fresh title</title>" in page
    assert '<meta name="author" content="me">' in page


# --------------------------------------------------------------------------- css


def test_stylesheet_order_and_forms(make_app, tmp_path, fake_library):
    (tmp_path / "local.css").write_text("p {}")
    app = make_app(
        layout=html.Div("x"),
        assets_folder=str(tmp_path),
        external_stylesheets=[
            "https://cdn.example.com/a.css",
            {"href": "https://cdn.example.com/b.css", "crossorigin": "anonymous"},
        ],
    )
    page = _page(app)
    tags = re.findall(r"<link [^>]*>", page)
    tags = [tag for tag in tags if 'rel="icon"' not in tag]
    assert tags[0] == '<link rel="stylesheet" href="https://cdn.example.com/a.css">'
    assert tags[1] == '<link href="https://cdn.example.com/b.css" crossorigin="anonymous">'
    assert "fake_dash_library/style.v1_2_3_local" in tags[2]
    assert tags[3].startswith('<link rel="stylesheet" href="/assets/local.css?m=')


# ----------------------------------------------------------------------- scripts


def test_script_order(make_app, tmp_path, fake_library):
    (tmp_path / "app.js").write_text("1")
    app = make_app(
        layout=html.Div("x"),
        assets_folder=str(tmp_path),
        external_scripts=[
            "https://cdn.example.com/ext.js",
            {"src": "https://cdn.example.com/d.js", "defer": "defer"},
        ],
    )
    app.clientside_callback(
        "function (v) { return v; }", Output("o", "children"), Input("i", "value")
    )
    page = _page(app)
    srcs = _script_srcs(page)
    expected_prefixes = [
        "/_dash-component-suites/dash/deps/polyfill@7.",
        "/_dash-component-suites/dash/deps/react@18.",
        "/_dash-component-suites/dash/deps/react-dom@18.",
        "/_dash-component-suites/dash/deps/prop-types@15.",
        "https://cdn.example.com/ext.js",
        "https://cdn.example.com/d.js",
        "/_dash-component-suites/fake_dash_library/lib.v1_2_3_local",
        "/assets/app.js?m=",
        "/_dash-component-suites/dash/dash-renderer/build/dash_renderer.",
        "/_dash-component-suites/dash/dcc/dash_core_components.",
        "/_dash-component-suites/dash/html/dash_html_components.",
        "/_dash-component-suites/dash/dash_table/bundle.",
    ]
    assert len(srcs) == len(expected_prefixes)
    for src, prefix in zip(srcs, expected_prefixes, strict=True):
        assert src.startswith(prefix), (src, prefix)
    assert '<script src="https://cdn.example.com/d.js" defer="defer"></script>' in page
    # async and dynamic library files are registered but get no tag
    assert "chunk" not in page and ".map" not in page
    inline = page.index("_dashprivate_clientside_funcs")
    assert page.index("dash_html_components.") < inline < page.index('id="_dash-renderer"')


def test_props_check_uses_react_development_builds(app):
    app.enable_dev_tools(debug=True, dev_tools_props_check=True)
    srcs = _script_srcs(_page(app))
    assert any(re.search(r"/deps/react@18(\.v[\w-]+m\d+)?\.3\.1\.js$", src) for src in srcs)
    assert not any("react@18" in src and src.endswith(".min.js") for src in srcs)


def test_serve_dev_bundles_uses_the_dev_renderer(app):
    app.enable_dev_tools(debug=True, dev_tools_serve_dev_bundles=True)
    srcs = _script_srcs(_page(app))
    assert any(
        "dash-renderer/build/dash_renderer." in src and src.endswith("dev.js") for src in srcs
    )


def test_not_serving_locally_uses_cdn_react_and_plotly_url(make_app):
    app = make_app(layout=html.Div("x"), serve_locally=False)
    page = _page(app)
    assert "https://unpkg.com/react@18.3.1/umd/react.production.min.js" in _script_srcs(page)
    config = _config(app)
    assert config["serve_locally"] is False
    assert re.match(r"https://cdn\.plot\.ly/plotly-[\d.]+\.min\.js", config["plotlyjs_url"])


def test_renderer_hooks_are_inlined(make_app):
    app = make_app(
        layout=html.Div("x"),
        hooks={"request_pre": "(payload) => console.log(payload)", "layout_post": "(l) => l"},
    )
    page = _page(app)
    assert (
        "var renderer = new DashRenderer({request_pre: (payload) => console.log(payload),"
        "layout_post: (l) => l});" in page
    )


# ------------------------------------------------------------------------ favicon


def test_default_favicon_link(make_app):
    app = make_app(layout=html.Div("x"), requests_pathname_prefix="/p/")
    assert '<link rel="icon" type="image/x-icon" href="/p/_favicon.ico?v=' in _page(app)


# ------------------------------------------------------------------------- config


def test_config_json_keys(app):
    config = _config(app)
    assert config["url_base_pathname"] is None
    assert config["requests_pathname_prefix"] == "/"
    for key in (
        "ui",
        "props_check",
        "disable_version_check",
        "show_undo_redo",
        "suppress_callback_exceptions",
        "serve_locally",
        "validate_callbacks",
        "plotly_cloud_installed",
    ):
        assert isinstance(config[key], bool), key
    assert config["update_title"] == "Updating..."
    assert config["children_props"]["dash_html_components"]["Div"] == []
    assert config["csrf_token_name"] == "_csrf_token"
    assert config["csrf_header_name"] == "X-CSRFToken"
    assert config["dash_version"]
    assert "hot_reload" not in config and "dev_tools" not in config
    assert "plotlyjs_url" not in config


def test_config_with_dev_tools(app):
    app.enable_dev_tools(debug=True)
    config = _config(app)
    assert config["ui"] is True and config["props_check"] is True
    assert config["hot_reload"] == {"interval": 3000, "max_retry": 8}
    assert config["dev_tools"] == []


def test_config_prefixes(make_app):
    app = make_app(layout=html.Div("x"), url_base_pathname="/base/")
    config = _config(app, "/base/")
    assert config["url_base_pathname"] == "/base/"
    assert config["requests_pathname_prefix"] == "/base/"


def test_config_children_props_of_third_party_library(make_app, fake_library):
    app = make_app(layout=html.Div("x"))
    assert _config(app)["children_props"]["fake_dash_library"] == {"Widget": ["label"]}


def test_config_validation_layout_unless_suppressed(make_app):
    app = make_app(layout=lambda: html.Div(id="from-function"))
    assert _config(app)["validation_layout"]["props"]["id"] == "from-function"
    app.config.suppress_callback_exceptions = True
    assert "validation_layout" not in _config(app)

"""The index page: its template, the markers it must hold, and the HTML of each piece.

All functions are pure string builders. The app object decides which resources
go in (see `dash.dash.Dash._index_pieces`) and calls `interpolate_index`.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any, Union

from ._json import to_json
from .exceptions import InvalidIndexException

__all__ = [
    "APP_ENTRY",
    "DEFAULT_INDEX",
    "RENDERER_HOOK_NAMES",
    "build_config",
    "check_index_string",
    "config_html",
    "default_metas",
    "favicon_html",
    "format_tag",
    "inline_scripts_html",
    "interpolate",
    "metas_html",
    "renderer_html",
    "renderer_js",
    "scripts_html",
    "stylesheets_html",
    "validate_index",
]

DEFAULT_INDEX = """<!DOCTYPE html>
<html>
  <head>
    {%metas%}
    <title>{%title%}</title>
    {%favicon%}
    {%css%}
  </head>
  <body>
    <!--[if IE]><script>
    alert("This Dash app needs a modern browser; Internet Explorer is not supported.");
    </script><![endif]-->
    {%app_entry%}
    <footer>
      {%config%}
      {%scripts%}
      {%renderer%}
    </footer>
  </body>
</html>
"""

APP_ENTRY = '<div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>'

MARKERS = ("metas", "title", "favicon", "css", "app_entry", "config", "scripts", "renderer")

# Markers `index_string` must contain (checked when it is set).
REQUIRED_MARKERS = ("app_entry", "config", "scripts")

# What the rendered page must contain (checked on every index request).
_PAGE_CHECKS = (
    (re.compile(r'id="react-entry-point"'), "#react-entry-point"),
    (re.compile(r'id="_dash-config"'), "#_dash-config"),
    (re.compile(r'src="[^"]*dash[-_]renderer[^"]*"'), "dash-renderer"),
    (re.compile(r'id="_dash-renderer'), "new DashRenderer"),
)

RENDERER_HOOK_NAMES = (
    "layout_pre",
    "layout_post",
    "request_pre",
    "request_post",
    "callback_resolved",
    "request_refresh_jwt",
)

_DEFAULT_METAS = (
    {"http-equiv": "X-UA-Compatible", "content": "IE=edge"},
    {"charset": "UTF-8"},
    {"name": "viewport", "content": "width=device-width, initial-scale=1"},
)

Tag = Union[str, Mapping[str, Any], tuple[str, Mapping[str, Any]]]
"""A tag source: a URL, a dict of attributes, or a URL with extra attributes."""


def check_index_string(index_string: str) -> None:
    """Raise `InvalidIndexException` if `index_string` lacks a required marker."""
    missing = [f"{{%{name}%}}" for name in REQUIRED_MARKERS if f"{{%{name}%}}" not in index_string]
    if missing:
        raise InvalidIndexException(f"Missing item(s) {', '.join(missing)} in index string.")


def interpolate(template: str, **pieces: str) -> str:
    """Replace every `{%name%}` marker of `template` with `pieces[name]` (raw text)."""
    page = template
    for name in MARKERS:
        page = page.replace(f"{{%{name}%}}", pieces.get(name, ""))
    return page


def validate_index(page: str) -> None:
    """Raise `InvalidIndexException` if the rendered page cannot start the renderer."""
    missing = [label for pattern, label in _PAGE_CHECKS if not pattern.search(page)]
    if missing:
        raise InvalidIndexException(
            f"Missing item(s) {', '.join(missing)} in index. Keep the {{%app_entry%}}, "
            "{%config%}, {%scripts%} and {%renderer%} markers (or their content) in your "
            "index_string or interpolate_index."
        )


def format_tag(
    tag: str, attributes: Mapping[str, Any], *, closed: bool = False, escape: bool = False
) -> str:
    """`<tag k="v" ...>`, plus `</tag>` when `closed`; values HTML-escaped if `escape`."""
    rendered = " ".join(
        f'{key}="{html.escape(str(value)) if escape else value}"'
        for key, value in attributes.items()
    )
    opening = f"<{tag} {rendered}>" if rendered else f"<{tag}>"
    return f"{opening}</{tag}>" if closed else opening


def default_metas(meta_tags: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The default meta tags the user did not supply an equivalent of, then `meta_tags`."""
    has = {
        "X-UA-Compatible": any(m.get("http-equiv") == "X-UA-Compatible" for m in meta_tags),
        "charset": any("charset" in m for m in meta_tags),
        "viewport": any(m.get("name") == "viewport" for m in meta_tags),
    }
    defaults = [
        meta
        for key, meta in zip(
            ("X-UA-Compatible", "charset", "viewport"), _DEFAULT_METAS, strict=True
        )
        if not has[key]
    ]
    return [*defaults, *meta_tags]


def metas_html(meta_tags: Sequence[Mapping[str, Any]]) -> str:
    """One `<meta>` per dict (defaults first), attribute values escaped."""
    return "\n".join(format_tag("meta", meta, escape=True) for meta in default_metas(meta_tags))


def _tag_attributes(source: Tag, url_key: str) -> dict[str, Any]:
    if isinstance(source, str):
        return {url_key: source}
    if isinstance(source, tuple):
        url, extra = source
        return {url_key: url, **extra}
    return dict(source)


def stylesheets_html(sources: Iterable[Tag]) -> str:
    """`<link>` tags; a URL gets `rel="stylesheet"`, a dict keeps exactly its attributes."""
    tags = []
    for source in sources:
        attributes = _tag_attributes(source, "href")
        if not isinstance(source, Mapping):
            attributes = {"rel": "stylesheet", **attributes}
        tags.append(format_tag("link", attributes))
    return "\n".join(tags)


def scripts_html(sources: Iterable[Tag]) -> str:
    """`<script src=...></script>` tags (a dict source gives exactly its attributes)."""
    return "\n".join(
        format_tag("script", _tag_attributes(source, "src"), closed=True) for source in sources
    )


def inline_scripts_html(scripts: Iterable[str]) -> str:
    """One `<script>` element per inline JavaScript statement."""
    return "\n".join(f"<script>{script}</script>" for script in scripts)


def config_html(config: Mapping[str, Any]) -> str:
    """The `_dash-config` script element holding `config` as JSON."""
    return f'<script id="_dash-config" type="application/json">{to_json(config)}</script>'


def renderer_js(hooks: Mapping[str, str] | None) -> str:
    """The JavaScript that starts the renderer, with the renderer hooks inlined verbatim."""
    if hooks is None:
        return "var renderer = new DashRenderer();"
    inlined = ",".join(f"{name}: {source}" for name, source in hooks.items())
    return f"var renderer = new DashRenderer({{{inlined}}});"


def renderer_html(hooks: Mapping[str, str] | None) -> str:
    """The `_dash-renderer` script element."""
    return (
        f'<script id="_dash-renderer" type="application/javascript">{renderer_js(hooks)}</script>'
    )


def favicon_html(href: str) -> str:
    """The `<link rel="icon">` element."""
    return f'<link rel="icon" type="image/x-icon" href="{href}">'


def _optional_version(module_name: str) -> str | None:
    module = sys.modules.get(module_name)
    version = getattr(module, "__version__", None) if module is not None else None
    return None if version is None else str(version)


@cache
def _installed_version(distribution: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def build_config(
    config: Mapping[str, Any],
    dev_tools: Mapping[str, Any],
    *,
    serve_locally: bool,
    children_props: Mapping[str, Any],
    dash_version: str,
    validation_layout: Any = None,
    plotlyjs_url: str | None = None,
    devtool_components: Sequence[Any] = (),
) -> dict[str, Any]:
    """The `_dash-config` JSON the renderer reads (protocol-server §3.3)."""
    page_config: dict[str, Any] = {
        "url_base_pathname": config["url_base_pathname"],
        "requests_pathname_prefix": config["requests_pathname_prefix"],
        "ui": bool(dev_tools["ui"]),
        "props_check": bool(dev_tools["props_check"]),
        "disable_version_check": bool(dev_tools["disable_version_check"]),
        "show_undo_redo": bool(config["show_undo_redo"]),
        "suppress_callback_exceptions": bool(config["suppress_callback_exceptions"]),
        "update_title": config["update_title"],
        "children_props": children_props,
        "serve_locally": serve_locally,
        "dash_version": dash_version,
        "python_version": sys.version,
        "dash_version_url": "https://dash-version.plotly.com:8080/current_version",
        "ddk_version": _optional_version("dash_design_kit"),
        "plotly_version": _installed_version("plotly"),
        "validate_callbacks": bool(dev_tools["validate_callbacks"]),
        "plotly_cloud_installed": os.environ.get("DASH_ENTERPRISE_ENV") == "WORKSPACE",
        "csrf_token_name": config["csrf_token_name"],
        "csrf_header_name": config["csrf_header_name"],
    }
    if not serve_locally and plotlyjs_url:
        page_config["plotlyjs_url"] = plotlyjs_url
    if dev_tools["hot_reload"]:
        page_config["hot_reload"] = {
            "interval": int(dev_tools["hot_reload_interval"] * 1000),
            "max_retry": dev_tools["hot_reload_max_retry"],
        }
    if validation_layout is not None and not config["suppress_callback_exceptions"]:
        page_config["validation_layout"] = validation_layout
    if dev_tools["ui"]:
        page_config["dev_tools"] = list(devtool_components)
    return page_config

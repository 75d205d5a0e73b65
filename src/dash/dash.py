"""The Dash app object: settings, layout, callbacks, the index page and `run`.

`Dash` wires the parts together; the work is done elsewhere: settings in
`_config`, routes in `_routes`, the page in `_index`, suite files in `resources`,
the assets folder in `_assets`, callbacks in `_callback` / `_dispatch`.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import inspect
import logging
import os
import sys
import threading
import warnings
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlparse

import flask

from . import (
    _background,
    _callback,
    _get_paths,
    _hooks,
    _index,
    _pages,
    _routes,
    _startup_routes,
    dcc,
    html,
)
from ._assets import AssetsScan, asset_src, walk_assets
from ._config import AttributeDict, get_combined_config, resolve_dev_tools, resolve_pathnames
from ._hot_reload import HotReloader
from ._jupyter import jupyter_dash
from ._no_update import no_update
from ._validate import validate_layout, validate_layout_type
from .background_callback._signing import HandleSigner, resolve_secret
from .dependencies import Input, Output
from .development.base_component import Component, ComponentRegistry
from .exceptions import (
    AppNotFoundError,
    DuplicateCallback,
    ObsoleteAttributeException,
    ObsoleteKwargException,
    ProxyError,
)
from .resources import (
    SuiteRegistry,
    Tag,
    dash_suite_resources,
    filter_resources,
    library_resources,
    plotlyjs_url,
    react_resources,
    renderer_resources,
)
from .version import __version__

__all__ = ["Dash", "get_app", "page_container"]

_latest_app: Dash | None = None

_OBSOLETE_KWARGS = {
    "static_folder": "`static_folder` is no longer supported; put your files in the assets "
    "folder (`assets_folder`) instead.",
    "components_cache_max_age": "`components_cache_max_age` is no longer supported: component "
    "files are served with fingerprinted URLs and cached for a year.",
    "long_callback_manager": "`long_callback_manager` is obsolete; pass the manager as "
    "`background_callback_manager` instead.",
}
_REMOVED_KWARGS = ("dynamic_loading", "preloaded_libraries")

_READ_ONLY_KEYS = (
    "name",
    "assets_folder",
    "assets_url_path",
    "eager_loading",
    "serve_locally",
    "compress",
    "pages_folder",
    "csrf_token_name",
    "csrf_header_name",
)
_PATH_KEYS = ("url_base_pathname", "routes_pathname_prefix", "requests_pathname_prefix")
_BACKENDS = ("flask",)
_CSP_ALGORITHMS = ("sha256", "sha384", "sha512")

_DEV_TOOLS_ARGUMENTS = (
    "ui",
    "props_check",
    "serve_dev_bundles",
    "hot_reload",
    "hot_reload_interval",
    "hot_reload_watch_interval",
    "hot_reload_max_retry",
    "silence_routes_logging",
    "disable_version_check",
    "prune_errors",
    "validate_callbacks",
)


def _build_page_container() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=_pages.LOCATION_ID, refresh="callback-nav"),
            html.Div(id=_pages.CONTENT_ID, disable_n_clicks=True),
            dcc.Store(id=_pages.STORE_ID),
            html.Div(id=_pages.DUMMY_ID, disable_n_clicks=True),
        ]
    )


page_container = _build_page_container()
"""Where a multi-page app shows the current page (`dash.page_container`).

Put it in the layout (a multi-page app without a layout gets it as its layout):
it holds the `dcc.Location` the routing callback listens to, the Div the page
layout goes in, and the pieces that update the browser tab's title.
"""


def _stop_background_jobs(*_values: Any) -> Any:
    """The generated cancel callback: dispatch stops the `cancelJob` jobs; nothing changes."""
    return no_update


def get_app() -> Dash:
    """The most recently created `Dash` app (for code that has no reference to it).

    Raises `AppNotFoundError` before any app exists.
    """
    if _latest_app is None:
        raise AppNotFoundError(
            "No Dash app has been created yet: create `app = Dash(...)` before calling "
            "dash.get_app() or the module-level path helpers."
        )
    return _latest_app


def _caller_module_name() -> str:
    frame = inspect.currentframe()
    try:
        while frame is not None and frame.f_globals.get("__name__") == __name__:
            frame = frame.f_back
        return frame.f_globals.get("__name__", "__main__") if frame is not None else "__main__"
    finally:
        del frame


def _module_directory(name: str) -> str:
    try:
        return flask.helpers.get_root_path(name)
    except (ImportError, ValueError, AttributeError):
        return os.getcwd()


def _check_obsolete(obsolete: Mapping[str, Any]) -> None:
    for key in obsolete:
        if key in _OBSOLETE_KWARGS:
            raise ObsoleteKwargException(_OBSOLETE_KWARGS[key])
        if key in _REMOVED_KWARGS:
            print(f"Dash(): `{key}` has been removed and is ignored.", file=sys.stderr)
            continue
        raise TypeError(f"Dash() got an unexpected keyword argument '{key}'")


def _check_nonblank(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Dash(): `{name}` must be a non-empty string, got {value!r}.")
    return value


def _check_renderer_hooks(hooks: Mapping[str, str] | None) -> Mapping[str, str] | None:
    if hooks is None:
        return None
    unknown = [key for key in hooks if key not in _index.RENDERER_HOOK_NAMES]
    if unknown:
        raise ValueError(
            f"Dash(hooks=...) got unknown renderer hook(s) {', '.join(map(repr, unknown))}; "
            f"the renderer knows {', '.join(_index.RENDERER_HOOK_NAMES)}."
        )
    return hooks


def _resolve_use_async(use_async: bool | None) -> bool:
    available = importlib.util.find_spec("asgiref") is not None
    if use_async is None:
        return available
    if use_async and not available:
        raise Exception(
            "Dash(use_async=True) needs the async extras: pip install 'dash[async]' "
            "(it provides asgiref)."
        )
    return bool(use_async)


def _check_port(port: Any) -> int:
    try:
        number = int(port)
        if not 1 <= number <= 65535:
            raise ValueError(port)
    except (TypeError, ValueError) as error:
        error.args = (f"Expecting an integer from 1 to 65535, found port={port!r}",)
        raise
    return number


def _display_url(protocol: str, host: str, port: int, proxy: str | None, path: str) -> str:
    if not proxy:
        return f"{protocol}://{host}:{port}{path}"
    served_text, _, public_text = proxy.partition("::")
    served, public = urlparse(served_text), urlparse(public_text)
    for label, expected, actual in (
        ("protocol", protocol, served.scheme),
        ("host", host, served.hostname),
        ("port", port, served.port),
    ):
        if expected != actual:
            raise ProxyError(
                f"The proxy {proxy!r} serves {label} {actual!r}, but the app runs with "
                f"{label} {expected!r}. Give `proxy` as '<served url>::<public url>' where the "
                "served url matches host, port and protocol of run()."
            )
    public_port = f":{public.port}" if public.port else ""
    return f"{public.scheme}://{public.hostname}{public_port}{path}"


def _hot_reload_files(paths: Sequence[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for directory, _subdirs, names in os.walk(path):
                files.extend(os.path.join(directory, name) for name in names)
        else:
            files.append(path)
    return files


class Dash:
    """A Dash app: a layout of components, the callbacks between them, and a Flask server.

    Every argument of the Dash API reference is accepted. Settings that can also
    come from the environment read `DASH_<NAME>` (or its lowercase name) when the
    argument is not given; explicit arguments win. `app.config` holds the
    settings afterwards. See `run` to serve the app locally, or expose
    `app.server` to a WSGI server such as gunicorn.

    Main parameters:
        name: module used to locate the assets folder and to name the Flask
            app; defaults to the module that creates the app.
        server: True (create a Flask app), a `flask.Flask` to attach to, or
            False (attach later with `init_app`).
        assets_folder, assets_url_path, assets_ignore, assets_path_ignore,
            assets_external_path, include_assets_files: where `.js`/`.css`
            files loaded automatically come from and which are skipped.
        url_base_pathname, routes_pathname_prefix, requests_pathname_prefix:
            the URL prefixes the server registers and the browser uses.
        serve_locally, eager_loading: serve component files from this server
            (else from CDNs) and load async chunks up front.
        meta_tags, index_string, external_scripts, external_stylesheets,
            title, update_title: what the index page contains.
        suppress_callback_exceptions, prevent_initial_callbacks, on_error:
            callback defaults for the whole app.
        hooks: JavaScript renderer hooks (`layout_pre`, `request_post`, ...).
        plugins: objects whose `plug(app)` is called during construction.
    """

    STARTUP_ROUTES: list[_startup_routes.StartupRoute] = _startup_routes.STARTUP_ROUTES

    def __init__(
        self,
        name: str | None = None,
        server: bool | flask.Flask = True,
        assets_folder: str = "assets",
        pages_folder: str = "pages",
        use_pages: bool | None = None,
        assets_url_path: str = "assets",
        assets_ignore: str = "",
        assets_path_ignore: list[str] | None = None,
        assets_external_path: str | None = None,
        eager_loading: bool = False,
        include_assets_files: bool | None = None,
        include_pages_meta: bool = True,
        url_base_pathname: str | None = None,
        requests_pathname_prefix: str | None = None,
        routes_pathname_prefix: str | None = None,
        serve_locally: bool = True,
        compress: bool | None = None,
        meta_tags: Sequence[dict[str, Any]] | None = None,
        index_string: str = _index.DEFAULT_INDEX,
        external_scripts: Sequence[str | dict[str, Any]] | None = None,
        external_stylesheets: Sequence[str | dict[str, Any]] | None = None,
        suppress_callback_exceptions: bool | None = None,
        prevent_initial_callbacks: bool | str = False,
        show_undo_redo: bool = False,
        extra_hot_reload_paths: Sequence[str] | None = None,
        plugins: list | None = None,
        title: str = "Dash",
        update_title: str | None = "Updating...",
        background_callback_manager: Any = None,
        add_log_handler: bool = True,
        hooks: Mapping[str, str] | None = None,
        routing_callback_inputs: dict[str, Any] | None = None,
        description: str | None = None,
        on_error: Callable[[Exception], Any] | None = None,
        use_async: bool | None = None,
        backend: str = "flask",
        health_endpoint: str | None = None,
        csrf_token_name: str = "_csrf_token",
        csrf_header_name: str = "X-CSRFToken",
        websocket_callbacks: bool = False,
        websocket_allowed_origins: Sequence[str] | None = None,
        websocket_inactivity_timeout: float | None = None,
        websocket_heartbeat_interval: float | None = None,
        websocket_batch_delay: float | None = None,
        websocket_max_workers: int | None = None,
        enable_mcp: bool | None = None,
        mcp_path: str | None = None,
        **obsolete: Any,
    ) -> None:
        _check_obsolete(obsolete)
        _hooks.load_plugin_hooks()
        if backend not in _BACKENDS:
            raise NotImplementedError(
                f"Dash(backend={backend!r}) is not available in dash-next yet; "
                "apps are served with Flask (backend='flask')."
            )
        if not isinstance(server, (bool, flask.Flask)):
            raise ValueError(
                f"Dash(server=...) must be True, False or a flask.Flask instance, got {server!r}."
            )
        compress = get_combined_config("compress", compress, False)
        if compress:
            self._check_compress_installed()

        name = name or _caller_module_name()
        base, routes, requests = resolve_pathnames(
            url_base_pathname, routes_pathname_prefix, requests_pathname_prefix
        )
        self.config = AttributeDict(
            name=name,
            assets_folder=os.path.join(_module_directory(name), assets_folder),
            assets_url_path=assets_url_path.replace("\\", "/"),
            assets_ignore=assets_ignore,
            assets_path_ignore=list(assets_path_ignore or []),
            assets_external_path=get_combined_config(
                "assets_external_path", assets_external_path, None
            ),
            pages_folder=pages_folder,
            eager_loading=eager_loading,
            include_assets_files=get_combined_config(
                "include_assets_files", include_assets_files, True
            ),
            include_pages_meta=include_pages_meta,
            url_base_pathname=base,
            routes_pathname_prefix=routes,
            requests_pathname_prefix=requests,
            serve_locally=serve_locally,
            compress=compress,
            meta_tags=list(meta_tags or []),
            external_scripts=list(external_scripts or []),
            external_stylesheets=list(external_stylesheets or []),
            suppress_callback_exceptions=get_combined_config(
                "suppress_callback_exceptions", suppress_callback_exceptions, False
            ),
            prevent_initial_callbacks=prevent_initial_callbacks,
            show_undo_redo=show_undo_redo,
            extra_hot_reload_paths=list(extra_hot_reload_paths or []),
            title=title,
            update_title=update_title,
            description=description,
            hide_all_callbacks=False,
            health_endpoint=health_endpoint,
            csrf_token_name=_check_nonblank("csrf_token_name", csrf_token_name),
            csrf_header_name=_check_nonblank("csrf_header_name", csrf_header_name),
        )
        self.config.set_read_only(
            _READ_ONLY_KEYS, "Read-only: this setting can only be given to the Dash constructor."
        )
        self.config.set_read_only(
            _PATH_KEYS,
            "Read-only: path prefixes can only be given to the Dash constructor or init_app().",
        )
        self.config.finalize(
            "Invalid config key: app.config only holds the settings listed in the Dash() "
            "constructor; check the spelling."
        )

        self.index_string = index_string
        self.backend = backend
        self.use_pages = bool(pages_folder != "pages" if use_pages is None else use_pages)
        self.pages_folder = pages_folder
        self.routing_callback_inputs = dict(routing_callback_inputs or {})
        self._background_manager = background_callback_manager
        self._on_error = on_error
        self._use_async = _resolve_use_async(use_async)
        self._renderer_hooks = _check_renderer_hooks(hooks)
        self._transport_options = {
            "websocket_callbacks": websocket_callbacks,
            "websocket_allowed_origins": websocket_allowed_origins,
            "websocket_inactivity_timeout": websocket_inactivity_timeout,
            "websocket_heartbeat_interval": websocket_heartbeat_interval,
            "websocket_batch_delay": websocket_batch_delay,
            "websocket_max_workers": websocket_max_workers,
            "enable_mcp": get_combined_config("mcp_enabled", enable_mcp, False),
            "mcp_path": get_combined_config("mcp_path", mcp_path, "_mcp"),
        }

        self._layout: Any = None
        self._layout_is_function = False
        self.validation_layout: Any = None
        self.callback_map: dict[str, dict] = {}
        self._callback_list: list[dict] = []
        self._inline_scripts: list[str] = []

        self._dev_tools = resolve_dev_tools(False)
        self._debug: Any = False
        self._hot_reload: HotReloader | None = None
        self._suites = SuiteRegistry(requests)
        self._assets = AssetsScan()
        self._page_pieces: dict[str, str] | None = None
        self._setup_done = False
        self._setup_lock = threading.Lock()
        self._signer: HandleSigner | None = None

        self.logger = logging.getLogger(__name__)
        if add_log_handler and not self.logger.handlers:
            self.logger.addHandler(logging.StreamHandler(stream=sys.stdout))
            self.logger.setLevel(logging.INFO)

        global _latest_app
        _latest_app = self

        self.server: flask.Flask | None
        if isinstance(server, flask.Flask):
            self.server = server
        elif server:
            self.server = flask.Flask(name)
        else:
            self.server = None

        self._redirects: list[tuple[str, str]] = []
        self._routes_registered = False
        self._pages_imported = False
        _pages.set_context_provider(self._pages_context)
        if self.use_pages:
            self._import_pages()

        for plugin in plugins or []:
            plugin.plug(self)

        if self.server is not None:
            self.init_app()

        _hooks.run_setup_hooks(self)
        _hooks.register_hook_callbacks(self)
        self._on_error = _hooks.wrap_error_handler(self._on_error)

    # ------------------------------------------------------------------ server

    @staticmethod
    def _check_compress_installed() -> None:
        if importlib.util.find_spec("flask_compress") is None:
            raise ImportError(
                "Dash(compress=True) needs Flask-Compress: pip install 'dash[compress]'."
            )

    def init_app(self, app: flask.Flask | None = None, **kwargs: Any) -> None:
        """Attach the app to a Flask server and register its routes.

        Called by the constructor when a server is given (or `server=True`); call
        it yourself after `Dash(server=False)`. `kwargs` update `app.config`;
        the path prefixes may be changed here, before any route exists.
        """
        if kwargs:
            self.config.unlock(_PATH_KEYS)
            try:
                self.config.update(kwargs)
            finally:
                self.config.set_read_only(
                    _PATH_KEYS,
                    "Read-only: path prefixes can only be given to the Dash constructor or "
                    "init_app().",
                )
            self._suites.requests_pathname_prefix = self.config.requests_pathname_prefix
        if app is not None:
            self.server = app
        if self.server is None:
            raise ValueError("init_app() needs a flask.Flask server: app.init_app(server).")
        if self.config.compress:
            from flask_compress import Compress

            self.server.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])
            Compress(self.server)
        _routes.register_routes(self)
        for source, target in self._redirects:
            _routes.add_redirect_route(self, source, target)
        self._routes_registered = True
        self.server.before_request(self._setup_server)
        self.setup_startup_routes()

    @staticmethod
    def add_startup_route(
        name: str, view_func: Callable[..., Any], methods: Sequence[str] | str = ("GET",)
    ) -> None:
        """Ask every app created afterwards to serve `view_func` at
        `<routes prefix>_dash_startup_route/<name>` (for component packages).

        `name` is a str without a leading `/`, unique among startup routes;
        `methods` is "GET" and/or "POST". Breaking a rule raises `ValueError`.
        """
        _startup_routes.add_startup_route(name, view_func, methods, into=Dash.STARTUP_ROUTES)

    def setup_startup_routes(self) -> None:
        """Register the routes stored in `STARTUP_ROUTES` on this app's server."""
        for name, view_func, methods in self.STARTUP_ROUTES:
            _routes.add_route(
                self, _startup_routes.startup_route_path(name), view_func, list(methods)
            )

    @property
    def registered_paths(self) -> dict[str, set[str]]:
        """`{package: {relative paths}}` of the component-suite files this app serves."""
        return self._suites.registered_paths

    # ------------------------------------------------------------------ layout

    @property
    def layout(self) -> Any:
        """The page content: a component, a list of components, or a function returning one."""
        return self._layout

    @layout.setter
    def layout(self, value: Any) -> None:
        validate_layout_type(value)
        self._layout = value
        self._layout_is_function = callable(value) and not isinstance(
            value, (Component, list, tuple)
        )
        if (
            self._layout_is_function
            and not self.config.suppress_callback_exceptions
            and self.validation_layout is None
        ):
            layout_value = self._layout_value()
            validate_layout(value, layout_value)
            self.validation_layout = layout_value

    def _layout_value(self) -> Any:
        return self._layout() if self._layout_is_function else self._layout

    @property
    def title(self) -> str:
        """The browser tab title (`config.title`)."""
        return self.config.title

    @title.setter
    def title(self, value: str) -> None:
        self.config.title = value

    @property
    def index_string(self) -> str:
        """The HTML template of the index page, with `{%marker%}` placeholders."""
        return self._index_string

    @index_string.setter
    def index_string(self, value: str) -> None:
        _index.check_index_string(value)
        self._index_string = value

    @property
    def renderer(self) -> str:
        """The JavaScript statement that starts the renderer on the page."""
        return _index.renderer_js(self._renderer_hooks)

    # --------------------------------------------------------------- callbacks

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable]:
        """Declare a server callback: Outputs, then Inputs and States; returns a decorator.

        `prevent_initial_call` defaults to the app's `prevent_initial_callbacks`.
        """
        if self._background_manager is not None and kwargs.get("background"):
            kwargs.setdefault("manager", self._background_manager)
        return _callback.register_callback(
            self._callback_list,
            self.callback_map,
            self.config.prevent_initial_callbacks,
            *args,
            **kwargs,
        )

    def clientside_callback(self, clientside_function: Any, *args: Any, **kwargs: Any) -> None:
        """Declare a callback run in the browser by a JavaScript function.

        `clientside_function` is a `ClientsideFunction(namespace, function_name)`
        or the source of a JavaScript function.
        """
        _callback.register_clientside_callback(
            self._callback_list,
            self.callback_map,
            self.config.prevent_initial_callbacks,
            self._inline_scripts,
            clientside_function,
            *args,
            **kwargs,
        )

    def _take_global_callbacks(self) -> None:
        clashes = [key for key in _callback.GLOBAL_CALLBACK_MAP if key in self.callback_map]
        if clashes:
            raise DuplicateCallback(
                f"The callback `{clashes[0]}` provided with `dash.callback` was already "
                "assigned with `app.callback`. Each output may belong to one callback only; "
                "remove one of them or use Output(..., allow_duplicate=True)."
            )
        self.callback_map.update(_callback.GLOBAL_CALLBACK_MAP)
        self._callback_list.extend(_callback.GLOBAL_CALLBACK_LIST)
        _callback.GLOBAL_CALLBACK_MAP.clear()
        _callback.GLOBAL_CALLBACK_LIST.clear()
        self._take_global_inline_scripts()

    def _take_global_inline_scripts(self) -> None:
        self._inline_scripts.extend(_callback.GLOBAL_INLINE_SCRIPTS)
        _callback.GLOBAL_INLINE_SCRIPTS.clear()

    # ------------------------------------------------------------------- paths

    def get_asset_url(self, path: str) -> str:
        """URL of `path` inside the assets folder, honouring the path prefixes."""
        return _get_paths.app_get_asset_url(self.config, path)

    def get_relative_path(self, path: str) -> str:
        """`path` (starting with `/`) prefixed with `requests_pathname_prefix`."""
        return _get_paths.app_get_relative_path(self.config.requests_pathname_prefix, path)

    def strip_relative_path(self, path: str | None) -> str | None:
        """`path` without `requests_pathname_prefix` and surrounding slashes (None stays None)."""
        return _get_paths.app_strip_relative_path(self.config.requests_pathname_prefix, path)

    # ------------------------------------------------------------------- pages

    def _pages_context(self) -> _pages.PagesContext:
        return _pages.PagesContext(
            title=self.title,
            description=self.config.description,
            assets_folder=self.config.assets_folder,
            pages_folder=self.pages_folder,
            get_relative_path=self.get_relative_path,
            add_redirect=self._add_redirect,
            in_request=flask.has_request_context,
        )

    def _import_pages(self) -> None:
        if self._pages_imported:
            return
        self._pages_imported = True
        app_root = _module_directory(self.config.name)
        folder = _pages.pages_folder_path(app_root, self.pages_folder, self.use_pages)
        if folder is not None:
            _pages.import_pages(folder, self.config.name)

    def _add_redirect(self, source: str, target: str) -> None:
        """Answer GET `source` with a 301 to `target` (both full URL paths)."""
        self._redirects.append((source, target))
        if self._routes_registered:
            _routes.add_redirect_route(self, source, target)

    def _setup_pages_routing(self) -> None:
        """First request of a multi-page app: check the registry, set the validation
        layout and add the routing and title callbacks (protocol-server §14.3)."""
        registry = _pages.PAGE_REGISTRY
        _pages.check_registry(registry)
        if not self.config.suppress_callback_exceptions:
            self.validation_layout = self._pages_validation_layout()
        inputs = {
            "pathname_": Input(_pages.LOCATION_ID, "pathname"),
            "search_": Input(_pages.LOCATION_ID, "search"),
            **self.routing_callback_inputs,
        }

        def route_page(pathname_: str | None, search_: str | None, **states: Any) -> Any:
            return _pages.routing_layout_result(
                pathname_, search_, registry, self.strip_relative_path, self.title, states
            )

        self.callback(
            Output(_pages.CONTENT_ID, "children"),
            Output(_pages.STORE_ID, "data"),
            inputs=inputs,
            prevent_initial_call=True,
            hidden=True,
        )(route_page)
        self.clientside_callback(
            _pages.SET_TITLE_JS,
            Output(_pages.DUMMY_ID, "children"),
            Input(_pages.STORE_ID, "data"),
        )

    def _pages_validation_layout(self) -> html.Div:
        layouts = _pages.page_layouts_for_validation(_pages.PAGE_REGISTRY)
        app_layout = self._layout_value()
        if isinstance(app_layout, (list, tuple)):
            layouts.extend(app_layout)
        else:
            layouts.append(app_layout)
        validation_layout = html.Div(layouts)
        if _pages.CONTENT_ID not in validation_layout:
            raise Exception(
                "`dash.page_container` not found in the layout: a multi-page app shows its "
                "pages inside it. Add `dash.page_container` to app.layout (or leave the "
                "layout unset to use it alone)."
            )
        return validation_layout

    def _page_meta_html(self) -> str:
        """The meta tags of the page the current request's path shows."""
        request = flask.request
        routes_prefix = self.config.routes_pathname_prefix
        page, variables = _pages.resolve_page(
            request.path,
            _pages.PAGE_REGISTRY,
            partial(_get_paths.app_strip_relative_path, routes_prefix),
            not_found_fallback=False,
        )
        return _pages.page_meta_tags(
            page,
            request_url=request.url,
            url_root=request.url_root,
            get_asset_url=self.get_asset_url,
            path_vars=variables,
            app_title=self.title,
        )

    # --------------------------------------------------------------- resources

    def _serve_locally(self) -> bool:
        return bool(self.config.serve_locally or self._dev_tools.serve_dev_bundles)

    def _filter_options(self) -> dict[str, bool]:
        return {
            "serve_locally": self._serve_locally(),
            "eager_loading": self._eager_loading(),
            "dev_bundles": bool(self._dev_tools.serve_dev_bundles),
        }

    def _eager_loading(self) -> bool:
        if self.config.eager_loading:
            return True
        return any(
            getattr(sys.modules.get(name), "_force_eager_loading", False)
            for name in ComponentRegistry.registry
        )

    def _collect(self, entries: list[dict], is_css: bool = False) -> list[Tag]:
        resources = filter_resources(entries, is_css=is_css, **self._filter_options())
        return self._suites.collect(resources)

    def get_dist(self, libraries: Sequence[str]) -> list[dict[str, str]]:
        """`[{"type": "_js_dist" | "_css_dist", "url": ...}]` of `libraries`, async files excluded."""
        dists = []
        for kind in ("_js_dist", "_css_dist"):
            resources = filter_resources(
                library_resources(kind, libraries),
                is_css=kind == "_css_dist",
                **self._filter_options(),
            )
            for url, _attributes in self._suites.collect(resources, include_async=False):
                dists.append({"type": kind, "url": url})
        return dists

    def _third_party_libraries(self) -> list[str]:
        return [name for name in ComponentRegistry.registry if name != "dash"]

    def _build_page_pieces(self) -> dict[str, str]:
        serve_locally = self._serve_locally()
        libraries = self._third_party_libraries()
        react = self._collect(react_resources(bool(self._dev_tools.props_check)))
        scripts: list[Any] = self._collect(library_resources("_js_dist", libraries))
        for asset in self._assets.scripts:
            src = asset_src(self.config, asset)
            scripts.append({"src": src, "type": "module"} if asset.is_module else src)
        scripts += self._collect(
            renderer_resources() + dash_suite_resources("_js_dist", serve_locally)
        )
        scripts += self._collect(_hooks.hook_scripts())
        css: list[Any] = self._collect(library_resources("_css_dist", libraries), is_css=True)
        css += self._collect(dash_suite_resources("_css_dist", serve_locally), is_css=True)
        css += [asset_src(self.config, asset) for asset in self._assets.stylesheets]
        css += self._collect(_hooks.hook_stylesheets(), is_css=True)
        return {
            "react": _index.scripts_html(react),
            "scripts": _index.scripts_html(scripts),
            "css": _index.stylesheets_html(css),
        }

    # ------------------------------------------------------------- first request

    def _setup_server(self) -> None:
        """Prepare what every request needs, once, before the first request is served."""
        if self._setup_done:
            return
        with self._setup_lock:
            if self._setup_done:
                return
            if self.config.include_assets_files:
                self._assets = self._walk_assets()
            if self.use_pages and self._layout is None:
                self.layout = page_container
            validate_layout(self._layout, self._layout_value())
            self._page_pieces = self._build_page_pieces()
            self._take_global_callbacks()
            for spec in self._callback_list:
                if spec.get("hidden") is None:
                    spec["hidden"] = self.config.hide_all_callbacks
            _background.check_circular_updates(self.callback_map)
            self._add_cancel_callbacks()
            if self.use_pages:
                self._setup_pages_routing()
            self._setup_done = True

    def _add_cancel_callbacks(self) -> None:
        """One server callback per distinct `cancel` Input of the background callbacks
        (§13.3): output `<cancel id>.id`, so the renderer has a request to send
        `cancelJob` with; it stops those jobs and changes nothing."""
        cancels: dict[str, tuple[Input, Any]] = {}
        for entry in list(self.callback_map.values()):
            spec = getattr(entry.get("meta"), "background", None)
            if spec is None or spec.is_cancel:
                continue
            for cancel_input in spec.cancel_inputs:
                cancels.setdefault(str(cancel_input), (cancel_input, spec.manager))
        for cancel_input, manager in cancels.values():
            self.callback(
                Output(cancel_input.component_id, "id"),
                cancel_input,
                prevent_initial_call=True,
                manager=manager,
            )(_stop_background_jobs)
            output_id = self._callback_list[-1]["output"]
            self.callback_map[output_id]["meta"].background = _background.cancel_spec(manager)

    def _handle_signer(self) -> HandleSigner:
        """The signer of background job handles, made on first use (§13.5).

        Its secret is the Flask `secret_key` if set, else the secret kept in the
        store of the app's manager (or of the first background callback's), so
        that every worker process signs and checks handles alike.
        """
        if self._signer is None:
            flask_secret = self.server.secret_key if self.server is not None else None
            self._signer = HandleSigner(resolve_secret(flask_secret, self._signing_manager()))
        return self._signer

    def _signing_manager(self) -> Any:
        if self._background_manager is not None:
            return self._background_manager
        for entry in self.callback_map.values():
            spec = getattr(entry.get("meta"), "background", None)
            if spec is not None and spec.manager is not None:
                return spec.manager
        return None

    def _background_env(self, read_query: Callable[[], Any]) -> _background.BackgroundEnv:
        """What dispatch needs for background callbacks of this app."""
        return _background.BackgroundEnv(
            read_query=read_query,
            default_manager=self._background_manager,
            get_signer=self._handle_signer,
        )

    def _walk_assets(self) -> AssetsScan:
        return walk_assets(
            self.config.assets_folder, self.config.assets_ignore, self.config.assets_path_ignore
        )

    def _refresh_after_file_changes(self, assets_changed: bool, packages_changed: bool) -> None:
        """Make the next index page reflect changed files (called by the hot reloader).

        Assets are walked again (new files get tags, deleted ones lose them) and
        component files get fresh fingerprints, since the browser caches
        fingerprinted URLs for a year.
        """
        if assets_changed and self._setup_done and self.config.include_assets_files:
            self._assets = self._walk_assets()
        if packages_changed:
            self._suites._mtimes.clear()
        self._page_pieces = None

    # -------------------------------------------------------------- index page

    def _favicon_href(self) -> str:
        favicon = self._assets.favicon
        if favicon is not None:
            return asset_src(self.config, favicon)
        return f"{self.config.requests_pathname_prefix}_favicon.ico?v={__version__}"

    def _page_config(self) -> dict[str, Any]:
        serve_locally = self._serve_locally()
        page_config = _index.build_config(
            self.config,
            self._dev_tools,
            serve_locally=serve_locally,
            children_props=ComponentRegistry.children_props,
            dash_version=__version__,
            validation_layout=self.validation_layout,
            plotlyjs_url=None if serve_locally else plotlyjs_url(),
            devtool_components=_hooks.devtools_config() if self._dev_tools.ui else (),
        )
        page_config["end_id"] = self._handle_signer().new_end_id()
        return page_config

    def _index_pieces(self) -> dict[str, str]:
        if self._page_pieces is None:
            self._page_pieces = self._build_page_pieces()
        pieces = self._page_pieces
        scripts = "\n".join(
            part
            for part in (
                pieces["react"],
                _index.scripts_html(self.config.external_scripts),
                pieces["scripts"],
                _index.inline_scripts_html(self._inline_scripts),
            )
            if part
        )
        css = "\n".join(
            part
            for part in (_index.stylesheets_html(self.config.external_stylesheets), pieces["css"])
            if part
        )
        metas = _index.metas_html(self.config.meta_tags)
        if self.use_pages and self.config.include_pages_meta and flask.has_request_context():
            metas = f"{self._page_meta_html()}\n{metas}"
        return {
            "metas": metas,
            "title": self.title,
            "css": css,
            "config": _index.config_html(self._page_config()),
            "scripts": scripts,
            "app_entry": _index.APP_ENTRY,
            "favicon": _index.favicon_html(self._favicon_href()),
            "renderer": _index.renderer_html(self._renderer_hooks),
        }

    def render_index(self) -> str:
        """The HTML of the index page, validated (`InvalidIndexException` if it cannot work)."""
        page = self.interpolate_index(**self._index_pieces())
        page = _hooks.apply_index_hooks(page)
        _index.validate_index(page)
        return page

    def interpolate_index(
        self,
        metas: str = "",
        title: str = "",
        css: str = "",
        config: str = "",
        scripts: str = "",
        app_entry: str = "",
        favicon: str = "",
        renderer: str = "",
    ) -> str:
        """Fill `index_string` with the page pieces; override to build your own page."""
        return _index.interpolate(
            self.index_string,
            metas=metas,
            title=title,
            css=css,
            config=config,
            scripts=scripts,
            app_entry=app_entry,
            favicon=favicon,
            renderer=renderer,
        )

    def csp_hashes(self, hash_algorithm: str = "sha256") -> list[str]:
        """CSP source expressions (`'<alg>-<base64 digest>'`) of the page's inline scripts.

        Covers the inline clientside functions and the renderer start-up script;
        add them to a Content-Security-Policy `script-src`.
        """
        if hash_algorithm not in _CSP_ALGORITHMS:
            raise ValueError(
                f"csp_hashes: hash_algorithm must be one of {', '.join(_CSP_ALGORITHMS)}, "
                f"got {hash_algorithm!r}."
            )
        self._take_global_inline_scripts()

        def digest(script: str) -> str:
            raw = hashlib.new(hash_algorithm, script.encode("utf-8")).digest()
            return base64.b64encode(raw).decode("ascii")

        return [
            f"'{hash_algorithm}-{digest(script)}'"
            for script in [*self._inline_scripts, self.renderer]
        ]

    # ------------------------------------------------------------ dev tools, run

    def enable_dev_tools(
        self,
        debug: bool | None = None,
        dev_tools_ui: bool | None = None,
        dev_tools_props_check: bool | None = None,
        dev_tools_serve_dev_bundles: bool | None = None,
        dev_tools_hot_reload: bool | None = None,
        dev_tools_hot_reload_interval: float | None = None,
        dev_tools_hot_reload_watch_interval: float | None = None,
        dev_tools_hot_reload_max_retry: int | None = None,
        dev_tools_silence_routes_logging: bool | None = None,
        dev_tools_disable_version_check: bool | None = None,
        dev_tools_prune_errors: bool | None = None,
        dev_tools_validate_callbacks: bool | None = None,
    ) -> bool:
        """Turn the dev tools on or off, for `run` or for an app served by a WSGI server.

        Every setting defaults to its environment variable (`DASH_DEBUG`,
        `DASH_UI`, `DASH_HOT_RELOAD_INTERVAL`, ...; "true"/"false" in any case
        are bools, other values stay strings, so `DASH_DEBUG=0` is on), else to
        `debug` for the on/off tools. `debug` itself defaults to True here (and to
        False through `run`). Explicit arguments win over the environment.

        * `ui`: the dev-tools bar, error overlay and callback graph in the page;
        * `props_check`: React development builds, component props checked;
        * `serve_dev_bundles`: unminified `.dev.js` bundles, served locally even
          when `serve_locally=False`;
        * `hot_reload`: watch assets, component packages and
          `extra_hot_reload_paths` every `hot_reload_watch_interval` s (default
          0.5); the page polls `_reload-hash` every `hot_reload_interval` s
          (default 3) and gives up after `hot_reload_max_retry` failures (8);
        * `silence_routes_logging`: the `werkzeug` request log set to ERROR;
        * `prune_errors`: callback tracebacks start at the user's code;
        * `disable_version_check`: no update notice (default False).

        Returns `debug`.
        """
        if debug is None:
            debug = get_combined_config("debug", None, True)
        arguments = locals()
        settings = {name: arguments[f"dev_tools_{name}"] for name in _DEV_TOOLS_ARGUMENTS}
        self._dev_tools = resolve_dev_tools(debug, **settings)
        self._debug = debug
        if self._dev_tools.silence_routes_logging:
            logging.getLogger("werkzeug").setLevel(logging.ERROR)
        if self._dev_tools.serve_dev_bundles and not self.config.serve_locally:
            warnings.warn(
                "dev_tools_serve_dev_bundles is on, so component files are served locally "
                "although serve_locally=False.",
                stacklevel=2,
            )
        self._restart_hot_reload()
        self._page_pieces = None
        return debug

    def _restart_hot_reload(self) -> None:
        if self._hot_reload is not None:
            self._hot_reload.stop()
            self._hot_reload = None
        if self._dev_tools.hot_reload:
            self._hot_reload = HotReloader(self, self._dev_tools.hot_reload_watch_interval)
            self._hot_reload.start()

    def run(
        self,
        host: str | None = None,
        port: str | int | None = None,
        proxy: str | None = None,
        debug: bool | None = None,
        jupyter_mode: str | None = None,
        jupyter_width: str = "100%",
        jupyter_height: int = 650,
        jupyter_server_url: str | None = None,
        hide_all_callbacks: bool | None = None,
        dev_tools_ui: bool | None = None,
        dev_tools_props_check: bool | None = None,
        dev_tools_serve_dev_bundles: bool | None = None,
        dev_tools_hot_reload: bool | None = None,
        dev_tools_hot_reload_interval: float | None = None,
        dev_tools_hot_reload_watch_interval: float | None = None,
        dev_tools_hot_reload_max_retry: int | None = None,
        dev_tools_silence_routes_logging: bool | None = None,
        dev_tools_disable_version_check: bool | None = None,
        dev_tools_prune_errors: bool | None = None,
        dev_tools_validate_callbacks: bool | None = None,
        **flask_run_options: Any,
    ) -> None:
        """Serve the app with Flask's development server (use a WSGI server in production).

        `host` defaults to env `HOST` else 127.0.0.1, `port` to env `PORT` else
        8050, `proxy` ("served::public" URLs) to env `DASH_PROXY`, `debug` to env
        `DASH_DEBUG` else False. Other keywords go to `Flask.run`.
        """
        if debug is None:
            debug = get_combined_config("debug", None, False)
        arguments = locals()
        settings = {
            f"dev_tools_{name}": arguments[f"dev_tools_{name}"] for name in _DEV_TOOLS_ARGUMENTS
        }
        debug = self.enable_dev_tools(debug, **settings)
        if hide_all_callbacks is not None:
            self.config.hide_all_callbacks = hide_all_callbacks
        self._jupyter_options = {
            "mode": jupyter_mode,
            "width": jupyter_width,
            "height": jupyter_height,
            "server_url": jupyter_server_url,
        }

        if not host:
            host = "127.0.0.1" if "CONDA_PREFIX" in os.environ else os.getenv("HOST", "127.0.0.1")
        port = _check_port(os.getenv("PORT", "8050") if port is None else port)
        proxy = proxy or os.getenv("DASH_PROXY")
        protocol = "https" if flask_run_options.get("ssl_context") else "http"
        url = _display_url(protocol, host, port, proxy, self.config.requests_pathname_prefix)
        self.logger.info("Dash is running on %s\n", url)

        if debug and self._dev_tools.hot_reload and self.config.extra_hot_reload_paths:
            extra = flask_run_options.setdefault("extra_files", [])
            extra.extend(_hot_reload_files(self.config.extra_hot_reload_paths))
        if self.server is None:
            raise ValueError("app.run() needs a server: call app.init_app(server) first.")
        if jupyter_dash.active:
            jupyter_dash.run_app(
                self, jupyter_mode, jupyter_width, jupyter_height, host, port, jupyter_server_url
            )
            return
        self.server.run(host=host, port=port, debug=bool(debug), **flask_run_options)

    # ------------------------------------------------------------ later issues

    def enable_pages(self) -> None:
        """Turn on multi-page routing: import the pages folder (once) and route with
        `dash.page_container` from the first request on.

        The constructor calls it when `use_pages` is on (which `pages_folder`
        other than "pages" implies); without `use_pages` it does nothing.
        """
        if self.use_pages:
            self._import_pages()

    @property
    def run_server(self) -> Any:
        """Removed: use `app.run`."""
        raise ObsoleteAttributeException("app.run_server has been replaced by app.run.")

    @property
    def long_callback(self) -> Any:
        """Removed: use `app.callback(..., background=True)`."""
        raise ObsoleteAttributeException(
            "app.long_callback has been removed; use app.callback(..., background=True)."
        )

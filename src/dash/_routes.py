"""The HTTP routes of a Dash app: thin Flask views over the pure parts.

Each view reads the request, calls into the app or a pure module (`_dispatch`,
`resources`, `_index`) and wraps the answer in a Flask `Response`. Every route
name is registered under `routes_pathname_prefix`; the endpoint name is the full
rule, so several apps with different prefixes can share one Flask server.
"""

from __future__ import annotations

import functools
import mimetypes
import os
import time
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import flask

from ._background import BackgroundQuery
from ._dispatch import BadCallbackRequest, DispatchResult, RequestInfo, dispatch
from ._error_page import error_page
from ._hooks import apply_layout_hooks, hook_routes
from ._hot_reload import idle_answer
from ._json import loads, to_json_bytes
from .exceptions import DependencyException, PreventUpdate
from .resources import check_fingerprint

if TYPE_CHECKING:
    from .dash import Dash

__all__ = ["add_redirect_route", "add_route", "register_routes"]

JSON_MIMETYPE = "application/json"
_SUITE_MIMETYPES = {".js": "text/javascript", ".map": JSON_MIMETYPE, ".css": "text/css"}
_ONE_YEAR = "public, max-age=31536000"


def add_route(
    app: Dash, name: str, view: Callable[..., Any], methods: Sequence[str] = ("GET",)
) -> None:
    """Register `view` at `<routes prefix><name>` on the app's server."""
    rule = f"{app.config.routes_pathname_prefix}{name}"
    assert app.server is not None
    app.server.add_url_rule(rule, endpoint=rule, view_func=view, methods=list(methods))


def register_routes(app: Dash) -> None:
    """Register every route of `app` (protocol-server §2)."""
    add_route(app, "_dash-layout", partial(serve_layout, app))
    add_route(app, "_dash-dependencies", partial(serve_dependencies, app))
    add_route(app, "_dash-update-component", partial(update_component, app), ["POST"])
    add_route(
        app,
        "_dash-component-suites/<string:package_name>/<path:fingerprinted_path>",
        partial(serve_component_suite, app),
    )
    add_route(app, "_reload-hash", partial(serve_reload_hash, app))
    add_route(app, "_favicon.ico", serve_favicon)
    assets_url_path = app.config.assets_url_path.strip("/")
    add_route(app, f"{assets_url_path}/<path:filename>", partial(serve_asset, app))
    health_endpoint = app.config.health_endpoint
    if health_endpoint:
        add_route(app, health_endpoint.lstrip("/"), serve_health)
    for name, view, methods in hook_routes():
        add_route(app, name.lstrip("/"), _json_dict_view(view), methods)
    add_route(app, "", partial(serve_index, app))
    add_route(app, "<path:path>", partial(serve_index, app))


def add_redirect_route(app: Dash, source: str, target: str) -> None:
    """Answer GET `source` (a full URL path, not under the routes prefix) with a
    301 redirect to `target` (a `redirect_from` path of a page)."""
    assert app.server is not None
    endpoint = f"_dash_redirect{source}"
    if endpoint in app.server.view_functions:
        return
    app.server.add_url_rule(
        source, endpoint=endpoint, view_func=partial(flask.redirect, target, 301), methods=["GET"]
    )


def _json_dict_view(view: Callable[..., Any]) -> Callable[..., Any]:
    """`view`, with a returned dict sent as JSON through dash's encoder."""

    @functools.wraps(view)
    def json_view(*args: Any, **kwargs: Any) -> Any:
        result = view(*args, **kwargs)
        return json_response(result) if isinstance(result, dict) else result

    return json_view


def json_response(payload: Any, status: int = 200) -> flask.Response:
    """A JSON `Response` encoded with dash's encoder."""
    return flask.Response(to_json_bytes(payload), status=status, mimetype=JSON_MIMETYPE)


def _error(status: int, message: str, **extra: Any) -> flask.Response:
    return json_response({"message": message, **extra}, status)


# ------------------------------------------------------------------ page and data


def serve_index(app: Dash, path: str = "") -> flask.Response:
    """Every GET that no other route answers: the index page."""
    return flask.Response(app.render_index(), mimetype="text/html")


def serve_layout(app: Dash) -> flask.Response:
    """The layout as JSON (a layout function is called on every request), after the
    `dash.hooks.layout` functions. In debug a failing layout function answers the HTML
    traceback page, which the renderer shows in place of the app."""
    try:
        layout = apply_layout_hooks(app._layout_value())
    except Exception as error:
        if not app._debug:
            raise
        app.logger.error("Error loading layout", exc_info=error)
        page = error_page(
            error, prune=bool(app._dev_tools.prune_errors), where="Error loading layout"
        )
        return flask.Response(page, status=500, mimetype="text/html")
    return flask.Response(to_json_bytes(layout), mimetype=JSON_MIMETYPE)


def serve_dependencies(app: Dash) -> flask.Response:
    """The callback specs, in registration order."""
    return flask.Response(to_json_bytes(app._callback_list), mimetype=JSON_MIMETYPE)


# ---------------------------------------------------------------------- callbacks


class _LazyRequestInfo:
    """The `RequestInfo` view of a Flask request, read only when a callback asks.

    Most callbacks never touch `ctx.cookies`/`ctx.headers`; copying them eagerly
    cost about 40% of a trivial callback request.
    """

    __slots__ = ("_request",)

    def __init__(self, request: flask.Request) -> None:
        self._request = request

    @property
    def cookies(self) -> dict[str, str]:
        return dict(self._request.cookies)

    @property
    def headers(self) -> dict[str, str]:
        return dict(self._request.headers)

    @property
    def args(self) -> dict:
        return self._request.args.to_dict()

    @property
    def path(self) -> str:
        return self._request.full_path

    @property
    def remote(self) -> str | None:
        return self._request.remote_addr

    @property
    def origin(self) -> str | None:
        return self._request.origin


def _request_info(request: flask.Request) -> RequestInfo:
    return _LazyRequestInfo(request._get_current_object())  # type: ignore[return-value]


def _read_callback_body(request: flask.Request) -> Any:
    """The decoded JSON body, or an error `Response`."""
    if request.mimetype != JSON_MIMETYPE:
        return _error(
            415,
            "Callback requests must be sent as JSON with the header "
            f"'Content-Type: application/json' (got {request.mimetype or 'none'!r}).",
        )
    try:
        return loads(request.get_data())
    except ValueError as error:
        return _error(400, f"The callback request body is not valid JSON: {error}.")


def _output_name(body: Any) -> str:
    output = body.get("output") if isinstance(body, dict) else None
    return output if isinstance(output, str) else "<unknown output>"


def _callback_failure(app: Dash, body: Any, error: Exception) -> flask.Response:
    """500: in debug the HTML traceback page (§16.3), else JSON without traceback."""
    output = _output_name(body)
    app.logger.error("Callback error updating %s", output, exc_info=error)
    if app._debug:
        page = error_page(
            error,
            prune=bool(app._dev_tools.prune_errors),
            where=f"Callback error updating {output}",
        )
        return flask.Response(page, status=500, mimetype="text/html")
    return _error(500, f"Callback error updating {output}: {type(error).__name__}")


def _server_timing(timing: dict[str, dict[str, Any]], total_ms: float) -> list[str]:
    entries = [f"__dash_server;dur={round(total_ms)}"]
    for name, entry in timing.items():
        description = entry.get("desc")
        described = f';desc="{description}"' if description is not None else ""
        entries.append(f"{name}{described};dur={entry.get('dur')}")
    return entries


def _to_response(result: DispatchResult) -> flask.Response:
    if result.status == 204:
        response = flask.Response(status=204)
    else:
        response = flask.Response(result.body, status=result.status, mimetype=JSON_MIMETYPE)
    for action, name, value in result.headers:
        if action == "append":
            response.headers.add(name, value)
        else:
            response.headers[name] = value
    for args, kwargs in result.cookies:
        response.set_cookie(*args, **kwargs)
    return response


def update_component(app: Dash) -> flask.Response:
    """Run the callback a `_dash-update-component` request asks for.

    The query parameters `cacheKey`, `job`, `oldJob`, `cancelJob` and `endId`
    of background callbacks are read only when the callback is one.
    """
    started = time.perf_counter()
    request = flask.request
    body = _read_callback_body(request)
    if isinstance(body, flask.Response):
        return body
    current = request._get_current_object()  # type: ignore[attr-defined]
    try:
        result = dispatch(
            app.callback_map,
            body,
            request=_request_info(request),
            app_on_error=app._on_error,
            debug=bool(app._debug),
            background=app._background_env(lambda: BackgroundQuery.from_args(current.args)),
        )
    except BadCallbackRequest as error:
        return _error(error.status, error.message)
    except PreventUpdate:
        return flask.Response(status=204)
    except Exception as error:
        return _callback_failure(app, body, error)
    response = _to_response(result)
    if app._debug and app._dev_tools.ui:
        total_ms = (time.perf_counter() - started) * 1000
        for entry in _server_timing(result.timing, total_ms):
            response.headers.add("Server-Timing", entry)
    return response


# -------------------------------------------------------------------------- files


def _suite_mimetype(path: str) -> str:
    extension = os.path.splitext(path)[1]
    known = _SUITE_MIMETYPES.get(extension) or mimetypes.types_map.get(extension)
    return known or "application/octet-stream"


def _unregistered_message(app: Dash, package_name: str, path: str) -> str:
    registered = app.registered_paths
    if package_name not in registered:
        known = ", ".join(sorted(registered)) or "none yet"
        return (
            f'Error loading dependency: "{package_name}" is not a registered component '
            f"package (registered: {known}). Import the package in your app before it "
            "starts so that its files can be served."
        )
    return (
        f'Error loading dependency: "{path}" is not a file registered by "{package_name}". '
        f"Only files listed in the package's _js_dist / _css_dist are served."
    )


def serve_component_suite(app: Dash, package_name: str, fingerprinted_path: str) -> flask.Response:
    """A JS/CSS/map file of a registered component package (fingerprint stripped)."""
    path, fingerprinted = check_fingerprint(fingerprinted_path)
    if not app._suites.is_registered(package_name, path):
        error = DependencyException(_unregistered_message(app, package_name, path))
        app.logger.error("%s", error)
        return _error(500, str(error))
    filepath = app._suites.file_path(package_name, path)
    try:
        with open(filepath or "", "rb") as handle:
            data = handle.read()
    except OSError:
        return _error(404, f'The file "{path}" of package "{package_name}" is missing.')
    response = flask.Response(data, mimetype=_suite_mimetype(path))
    if fingerprinted:
        response.headers["Cache-Control"] = _ONE_YEAR
        return response
    response.add_etag()
    return response.make_conditional(flask.request)


def serve_asset(app: Dash, filename: str) -> flask.Response:
    """A file of the assets folder (Flask static-file behaviour: ETag, 304, 404)."""
    return flask.send_from_directory(app.config.assets_folder, filename)


@lru_cache(maxsize=1)
def _favicon_bytes() -> bytes:
    with open(os.path.join(os.path.dirname(__file__), "favicon.ico"), "rb") as handle:
        return handle.read()


def serve_favicon() -> flask.Response:
    """Dash's bundled favicon."""
    response = flask.Response(_favicon_bytes(), mimetype="image/x-icon")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def serve_reload_hash(app: Dash) -> flask.Response:
    """Hot-reload status polled by the renderer; reading it resets `hard` and `files`.

    Without hot reload the hash is null and nothing ever changes.
    """
    packages = list(app.registered_paths)
    reloader = app._hot_reload
    payload = idle_answer(packages) if reloader is None else reloader.answer(packages)
    return flask.jsonify(payload)


def serve_health() -> flask.Response:
    """The health check: 200 `OK`."""
    return flask.Response("OK", mimetype="text/plain")

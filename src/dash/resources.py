"""JavaScript and CSS of component suites: entries, filtering, fingerprints, registered paths.

A component package describes its files with `_js_dist` / `_css_dist` lists of
entry dicts (`relative_package_path`, `external_url`, `namespace`, `async`,
`dynamic`, ...). `filter_resources` applies the app settings to those entries and
`SuiteRegistry` turns the survivors into URLs, remembering every local path so
that the `_dash-component-suites` route serves only registered files.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .exceptions import ResourceException

__all__ = [
    "Resource",
    "SuiteRegistry",
    "build_fingerprint",
    "check_fingerprint",
    "dash_suite_resources",
    "filter_resources",
    "library_resources",
    "react_resources",
    "renderer_resources",
]

ResourceEntry = dict[str, Any]
Tag = tuple[str, dict[str, Any]]
"""A URL and the extra attributes of its tag."""

_FINGERPRINT_PART = re.compile(r"^v[\w-]+m[0-9a-fA-F]+$")
_VERSION_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")

# Dash's own suites live inside the `dash` package; their files carry the
# version of their sub-package (dash.dcc, dash.html, dash.dash_table).
_DASH_SUB_PACKAGES = ("dcc", "html", "dash_table")

REACT_VERSION = "18.3.1"
_UNPKG = "https://unpkg.com"


@dataclass(frozen=True)
class Resource:
    """An entry after filtering: where its files come from and whether it gets a tag."""

    namespace: str | None
    local_paths: tuple[str, ...] = ()
    external_urls: tuple[str, ...] = ()
    dynamic: bool = False
    is_async: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)


def _as_tuple(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _is_dynamic(entry: ResourceEntry, eager_loading: bool) -> bool:
    mode = entry.get("async")
    if mode == "lazy":
        return True
    if mode is True or mode == "eager":
        return not eager_loading
    return bool(entry.get("dynamic", False))


def filter_resources(
    entries: Iterable[ResourceEntry],
    *,
    serve_locally: bool = True,
    eager_loading: bool = False,
    dev_bundles: bool = False,
    is_css: bool = False,
) -> list[Resource]:
    """Apply the app settings to resource entries.

    `async` entries become dynamic (registered for serving but given no tag)
    unless eager loading is on; `lazy` ones always do; CSS is always eager. The
    source is the external URL when the entry is `external_only` or the app does
    not serve locally, else the dev bundle with `dev_bundles`, else the package
    path. Raises `ResourceException` for contradictory or source-less entries.
    """
    resources = []
    for entry in entries:
        if "async" in entry and "dynamic" in entry:
            raise ResourceException(
                f"A resource cannot be both `async` and `dynamic`; remove one of them from {entry!r}."
            )
        if entry.get("dev_only") and not dev_bundles:
            continue
        resource = _pick_source(entry, serve_locally, dev_bundles)
        if resource is None:
            continue
        resources.append(
            Resource(
                namespace=resource.namespace,
                local_paths=resource.local_paths,
                external_urls=resource.external_urls,
                dynamic=_is_dynamic(entry, eager_loading or is_css),
                is_async=entry.get("async") not in (None, False),
                attributes=dict(entry.get("attributes") or {}),
            )
        )
    return resources


def _pick_source(entry: ResourceEntry, serve_locally: bool, dev_bundles: bool) -> Resource | None:
    namespace = entry.get("namespace")
    external = entry.get("external_url")
    if external and (entry.get("external_only") or not serve_locally):
        return Resource(namespace, external_urls=_as_tuple(external))
    local = None
    if dev_bundles and entry.get("dev_package_path"):
        local = entry["dev_package_path"]
    elif entry.get("relative_package_path"):
        local = entry["relative_package_path"]
    if local is not None:
        if not namespace:
            raise ResourceException(
                f"The resource {entry!r} has a package path but no `namespace`: add the name "
                "of the Python package that holds the file."
            )
        return Resource(namespace, local_paths=_as_tuple(local))
    if "absolute_path" in entry:
        raise ResourceException(f"Serving files from `absolute_path` is not supported: {entry!r}.")
    if serve_locally:
        warnings.warn(
            f"Skipping the resource {entry!r}: it has no `relative_package_path` to serve locally.",
            stacklevel=3,
        )
        return None
    raise ResourceException(
        f"The resource {entry!r} has neither `external_url` nor `relative_package_path`."
    )


def build_fingerprint(path: str, version: str, mtime: int) -> str:
    """`dir/stem.v<version>m<mtime>.<rest>`: the stem ends at the first dot of the file name.

    Characters of `version` outside `[A-Za-z0-9_-]` become `_`.
    """
    directory, _, filename = path.rpartition("/")
    stem, dot, rest = filename.partition(".")
    safe_version = _VERSION_UNSAFE.sub("_", str(version))
    fingerprinted = f"{stem}.v{safe_version}m{mtime}{dot}{rest}"
    return f"{directory}/{fingerprinted}" if directory else fingerprinted


def check_fingerprint(path: str) -> tuple[str, bool]:
    """Strip a fingerprint from `path`; returns `(original path, had a fingerprint)`.

    Only the shape is checked (second dot-part of the file name matching
    `v<version>m<hex>`), never the value, so stale fingerprints still resolve.
    """
    directory, slash, filename = path.rpartition("/")
    parts = filename.split(".")
    if len(parts) > 2 and _FINGERPRINT_PART.match(parts[1]):
        original = ".".join([parts[0], *parts[2:]])
        return f"{directory}{slash}{original}", True
    return path, False


def _module_version(namespace: str, path: str) -> str | None:
    module_name = namespace
    if namespace == "dash":
        first = path.split("/", 1)[0]
        if first in _DASH_SUB_PACKAGES:
            module_name = f"dash.{first}"
    module = sys.modules.get(module_name)
    if module is None:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return None
    version = getattr(module, "__version__", None)
    return None if version is None else str(version)


def package_directory(namespace: str) -> str | None:
    """Directory of the importable package `namespace`, without importing it."""
    module = sys.modules.get(namespace)
    location = getattr(module, "__file__", None) if module is not None else None
    if location is None:
        try:
            spec = importlib.util.find_spec(namespace)
        except (ImportError, ValueError):
            return None
        if spec is None:
            return None
        if spec.origin and spec.origin not in ("namespace", "built-in"):
            location = spec.origin
        elif spec.submodule_search_locations:
            return list(spec.submodule_search_locations)[0]
        else:
            return None
    return os.path.dirname(location)


class SuiteRegistry:
    """The files an app may serve from component packages, and their URLs.

    Paths are registered while URLs are built (on the first request and by
    `get_dist`). File modification times, part of each fingerprint, are read
    lazily the first time a URL is needed and then cached, so a package that
    lists a file it does not ship costs nothing until that file is requested.
    """

    def __init__(self, requests_pathname_prefix: str) -> None:
        self.requests_pathname_prefix = requests_pathname_prefix
        self.registered_paths: dict[str, set[str]] = {}
        self._mtimes: dict[tuple[str, str], int | None] = {}

    def is_registered(self, namespace: str, path: str) -> bool:
        """True when `path` of package `namespace` may be served."""
        return path in self.registered_paths.get(namespace, ())

    def file_path(self, namespace: str, path: str) -> str | None:
        """Absolute path of a registered file, or None when its package is not found."""
        directory = package_directory(namespace)
        return None if directory is None else os.path.join(directory, *path.split("/"))

    def _mtime(self, namespace: str, path: str) -> int | None:
        key = (namespace, path)
        if key not in self._mtimes:
            filepath = self.file_path(namespace, path)
            try:
                self._mtimes[key] = None if filepath is None else int(os.stat(filepath).st_mtime)
            except OSError:
                self._mtimes[key] = None
        return self._mtimes[key]

    def suite_url(self, namespace: str, path: str) -> str:
        """The fingerprinted URL of a package file (unfingerprinted if version or file is missing)."""
        version = _module_version(namespace, path)
        mtime = self._mtime(namespace, path) if version is not None else None
        served = path if mtime is None else build_fingerprint(path, version or "", mtime)
        return f"{self.requests_pathname_prefix}_dash-component-suites/{namespace}/{served}"

    def collect(self, resources: Iterable[Resource], include_async: bool = True) -> list[Tag]:
        """Register the local paths of `resources` and return the tags to emit.

        Dynamic resources are registered but produce no tag; with
        `include_async=False` async ones produce none either.
        """
        tags: list[Tag] = []
        for resource in resources:
            emit = not resource.dynamic and (include_async or not resource.is_async)
            if resource.namespace is not None and resource.local_paths:
                self.registered_paths.setdefault(resource.namespace, set()).update(
                    resource.local_paths
                )
            if not emit:
                continue
            for path in resource.local_paths:
                tags.append((self.suite_url(resource.namespace or "", path), resource.attributes))
            for url in resource.external_urls:
                tags.append((url, resource.attributes))
        return tags


def library_resources(kind: str, libraries: Iterable[str]) -> list[ResourceEntry]:
    """The `_js_dist` or `_css_dist` entries of each imported module in `libraries`.

    Modules that are not imported are skipped: a component package is imported
    by the time its classes are registered.
    """
    entries: list[ResourceEntry] = []
    for name in libraries:
        module = sys.modules.get(name)
        if module is not None:
            entries.extend(getattr(module, kind, None) or [])
    return entries


def react_resources(development: bool) -> list[ResourceEntry]:
    """Polyfill, React, ReactDOM and PropTypes, as served from `dash/deps/`."""
    suffix = "js" if development else "min.js"
    flavour = "development" if development else "production.min"
    files = (
        ("polyfill@7.12.1", f"{_UNPKG}/@babel/polyfill@7.12.1/dist/polyfill.{suffix}"),
        (f"react@{REACT_VERSION}", f"{_UNPKG}/react@{REACT_VERSION}/umd/react.{flavour}.js"),
        (
            f"react-dom@{REACT_VERSION}",
            f"{_UNPKG}/react-dom@{REACT_VERSION}/umd/react-dom.{flavour}.js",
        ),
        ("prop-types@15.8.1", f"{_UNPKG}/prop-types@15.8.1/prop-types.{suffix}"),
    )
    return [
        {"relative_package_path": f"deps/{name}.{suffix}", "external_url": url, "namespace": "dash"}
        for name, url in files
    ]


def renderer_resources() -> list[ResourceEntry]:
    """The renderer bundle (development build with dev bundles) and its source map."""
    return [
        {
            "relative_package_path": "dash-renderer/build/dash_renderer.min.js",
            "dev_package_path": "dash-renderer/build/dash_renderer.dev.js",
            "namespace": "dash",
        },
        {
            "relative_package_path": "dash-renderer/build/dash_renderer.dev.js.map",
            "dev_only": True,
            "dynamic": True,
            "namespace": "dash",
        },
    ]


def _plotly_resource(serve_locally: bool) -> ResourceEntry:
    entry: ResourceEntry = {
        "relative_package_path": "package_data/plotly.min.js",
        "namespace": "plotly",
        "async": "eager",
    }
    if not serve_locally:
        entry["external_url"] = plotlyjs_url()
    return entry


@lru_cache(maxsize=1)
def plotlyjs_url() -> str:
    """The CDN URL of the plotly.js bundled with the installed plotly package."""
    from plotly.offline import get_plotlyjs_version

    return f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"


def dash_suite_resources(kind: str, serve_locally: bool = True) -> list[ResourceEntry]:
    """Entries of Dash's own suites (dcc, html, dash_table) for `_js_dist` or `_css_dist`.

    plotly.js is listed after dcc's files as an eager-async entry: registered for
    serving (dcc.Graph loads it on demand) but given no tag unless eager loading.
    """
    from . import dash_table, dcc, html

    entries: list[ResourceEntry] = list(getattr(dcc, kind, None) or [])
    if kind == "_js_dist":
        entries.append(_plotly_resource(serve_locally))
    for suite in (html, dash_table):
        entries.extend(getattr(suite, kind, None) or [])
    return entries

"""Multi-page apps: the page registry, `register_page` and the pure routing core.

Nothing here imports Flask or builds components of the routing layout (that is
the app's job, see `page_container` in the app wiring). The app tells this
module what it needs to know through `set_context_provider`: a function that
returns a `PagesContext` (the app's title, description, folders, path helper
and a way to add redirect routes).

`PAGE_REGISTRY` is exported as `dash.page_registry`; it is sorted in place after
every registration, so a reference taken early stays valid.
"""

from __future__ import annotations

import html as _html
import importlib.util
import keyword
import os
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from ._callback_context import current_run
from .exceptions import InvalidConfig, NoLayoutException, PageError, UnsupportedRelativePath

__all__ = [
    "CONTENT_ID",
    "DUMMY_ID",
    "IMAGE_EXTENSIONS",
    "LOCATION_ID",
    "NOT_FOUND_SEGMENT",
    "PAGE_REGISTRY",
    "PagesContext",
    "SET_TITLE_JS",
    "STORE_ID",
    "check_path_template",
    "check_registry",
    "ignoring_registrations",
    "import_pages",
    "infer_image",
    "infer_name",
    "infer_path",
    "match_page",
    "page_layouts_for_validation",
    "page_meta_tags",
    "page_module_name",
    "pages_folder_path",
    "parse_path_variables",
    "parse_query_string",
    "register_page",
    "resolve_page",
    "routing_layout_result",
    "set_context_provider",
    "sort_registry",
]

PAGE_REGISTRY: OrderedDict[str, dict[str, Any]] = OrderedDict()

# Ids of the pieces of `dash.page_container`, and the clientside body that copies
# the routed page's title into the browser tab.
LOCATION_ID = "_pages_location"
CONTENT_ID = "_pages_content"
STORE_ID = "_pages_store"
DUMMY_ID = "_pages_dummy"
SET_TITLE_JS = (
    "function (data) {\n"
    "  if (data) { document.title = data.title || 'Dash'; }\n"
    "  return window.dash_clientside.no_update;\n"
    "}"
)

IMAGE_EXTENSIONS = frozenset({"apng", "avif", "gif", "jpeg", "jpg", "png", "svg", "webp"})
NOT_FOUND_SEGMENT = "not_found_404"

_VARIABLE = re.compile(r"<([^<>]*)>")


def _never() -> bool:
    return False


@dataclass(frozen=True)
class PagesContext:
    """What `register_page` needs to know about the app.

    Attributes:
        title: the app title (`app.title`); "Dash" means "not customised".
        description: the app description, or None.
        assets_folder: absolute path of the assets folder (for image inference).
        pages_folder: the pages folder as configured (a name or a path; only
            its last component is used for path inference; "" when disabled).
        get_relative_path: `app.get_relative_path`.
        add_redirect: called as `add_redirect(source_url, target_url)` for each
            `redirect_from` path, both already prefixed; the app registers a GET
            route at `source_url` answering 301 to `target_url`. None: ignored.
        in_request: true while an HTTP request is being served (registration is
            refused then, the registry being process-global).
    """

    title: str
    description: str | None
    assets_folder: str
    pages_folder: str
    get_relative_path: Callable[[str], str]
    add_redirect: Callable[[str, str], None] | None = None
    in_request: Callable[[], bool] = _never


_context_provider: Callable[[], PagesContext | None] | None = None
_ignore_registrations: ContextVar[bool] = ContextVar("dash_ignore_register_page", default=False)


def set_context_provider(provider: Callable[[], PagesContext | None] | None) -> None:
    """Install the function that describes the current app (the app calls this).

    The provider is called on every `register_page`, so later changes to
    `app.title` or `app.description` are seen. Passing None forgets the app.
    """
    global _context_provider
    _context_provider = provider


@contextmanager
def ignoring_registrations() -> Iterator[None]:
    """Within this block `register_page` does nothing (used while running background jobs)."""
    token = _ignore_registrations.set(True)
    try:
        yield
    finally:
        _ignore_registrations.reset(token)


# --------------------------------------------------------------------- inference


def infer_path(module: str, path_template: str | None, pages_folder: str) -> str:
    """The URL path of a page that did not give one.

    With a template each `<variable>` becomes `none`; otherwise the part of the
    module name after the last occurrence of the pages folder's name, with `_`
    turned into `-`, `.` into `/`, lowercased. The result starts with `/`.
    """
    if path_template is not None:
        path = _VARIABLE.sub("none", path_template)
    else:
        folder_name = os.path.basename(os.path.normpath(pages_folder)) if pages_folder else ""
        tail = module.rpartition(folder_name)[2] if folder_name else module
        path = tail.replace("_", "-").replace(".", "/").lower()
    return path if path.startswith("/") else "/" + path


def infer_name(module: str) -> str:
    """The link name of a page: its last module segment, `_` as spaces, capitalised."""
    return module.rpartition(".")[2].replace("_", " ").capitalize()


def _image_extension(file_name: str) -> str:
    return file_name.rpartition(".")[2].lower() if "." in file_name else ""


def infer_image(page_id: str, assets_folder: str) -> str | None:
    """The image file (relative to the assets folder) used for a page's meta tags.

    Only image files directly inside `assets_folder` count (extensions in
    `IMAGE_EXTENSIONS`, any case). The first file, in name order, whose stem
    (text before the first dot) is the page id or the page id with `_` as `-`
    wins; else an `app.*` image; else a `logo.*` image; else None.
    """
    try:
        names = sorted(os.listdir(assets_folder))
    except OSError:
        return None
    page_stems = {page_id, page_id.replace("_", "-")}
    page_image = app_image = logo_image = None
    for name in names:
        if _image_extension(name) not in IMAGE_EXTENSIONS:
            continue
        if not os.path.isfile(os.path.join(assets_folder, name)):
            continue
        stem = name.partition(".")[0]
        if stem in page_stems and page_image is None:
            page_image = name
        elif stem == "app" and app_image is None:
            app_image = name
        elif stem == "logo" and logo_image is None:
            logo_image = name
    return page_image or app_image or logo_image


def check_path_template(path_template: str) -> None:
    """Raise `Exception` unless every `<variable>` of the template is a whole
    path segment named by a Python identifier that is not a keyword."""
    for segment in path_template.split("/"):
        if "<" not in segment and ">" not in segment:
            continue
        if not (segment.startswith("<") and segment.endswith(">")) or segment.count("<") > 1:
            raise Exception(
                f"Invalid path_template {path_template!r}: the segment {segment!r} mixes text "
                "and a variable. Variables must fill a whole segment, like '/asset/<asset_id>'."
            )
        variable = segment[1:-1]
        if not variable.isidentifier() or keyword.iskeyword(variable):
            raise Exception(
                f"Invalid path_template {path_template!r}: {variable!r} is not a valid Python "
                "variable name (the layout receives it as a keyword argument). Use letters, "
                "digits and underscores, not starting with a digit and not a keyword."
            )


# ------------------------------------------------------------------ registration


def _current_context(module: Any) -> PagesContext:
    context = _context_provider() if _context_provider is not None else None
    if context is None:
        raise PageError(
            "dash.register_page() was called before any Dash app exists. Create "
            "`app = Dash(__name__, use_pages=True)` first, then register pages."
        )
    if current_run() is not None or context.in_request():
        raise PageError(
            f"dash.register_page({module!r}) cannot be called inside a callback or a request: "
            "dash.page_registry is shared by every user of the app. Register pages at import "
            "time instead."
        )
    if not isinstance(module, str):
        raise PageError(
            f"The first argument of dash.register_page() must be the module name as a str "
            f"(usually __name__), got {module!r}."
        )
    return context


def _redirect_sources(redirect_from: Any) -> list[str]:
    if not redirect_from:
        return []
    if isinstance(redirect_from, str):
        return [redirect_from]
    return list(redirect_from)


def _checked_path(module: str, path: str) -> str:
    if not isinstance(path, str) or not path.startswith("/"):
        raise UnsupportedRelativePath(
            f"dash.register_page({module!r}): path must be a str starting with '/', got {path!r}."
        )
    return path


def _page_entry(
    context: PagesContext,
    module: str,
    *,
    path: str | None,
    path_template: str | None,
    name: str | None,
    order: Any,
    title: Any,
    description: Any,
    image: str | None,
    image_url: str | None,
    layout: Any,
    extra: Mapping[str, Any],
) -> dict[str, Any]:
    resolved_path = (
        _checked_path(module, path)
        if path is not None
        else infer_path(module, path_template, context.pages_folder)
    )
    resolved_name = name if name else infer_name(module)
    if title is not None:
        resolved_title = title
    else:
        resolved_title = context.title if context.title != "Dash" else resolved_name
    if image is not None:
        resolved_image = image
    else:
        resolved_image = infer_image(module.rpartition(".")[2], context.assets_folder)
    page: dict[str, Any] = {
        "module": module,
        "supplied_path": path,
        "path_template": path_template,
        "path": resolved_path,
        "supplied_name": name,
        "name": resolved_name,
        "supplied_title": title,
        "title": resolved_title,
        "description": description if description is not None else context.description or "",
        "supplied_order": order,
        "order": order,
        "supplied_layout": layout,
        "layout": layout,
        "supplied_image": image,
        "image": resolved_image,
        "image_url": image_url,
        "redirect_from": None,
        "relative_path": context.get_relative_path(resolved_path),
    }
    # Extra keyword arguments are stored too, without replacing a computed key.
    for key, value in extra.items():
        page.setdefault(key, value)
    return page


def register_page(
    module: str,
    path: str | None = None,
    path_template: str | None = None,
    name: str | None = None,
    order: Any = None,
    title: str | Callable[..., str] | None = None,
    description: str | Callable[..., str] | None = None,
    image: str | None = None,
    image_url: str | None = None,
    redirect_from: Iterable[str] | None = None,
    layout: Any = None,
    **kwargs: Any,
) -> None:
    """Add a page to `dash.page_registry` (`dash.register_page`).

    Parameters:
        module: the page's module name, usually `__name__`; the registry key.
        path: URL path; inferred from `path_template` or `module` when omitted.
        path_template: a path with `<variable>` segments passed to the layout.
        name: link name; inferred from the module ("Weekly analytics").
        order: sort position in the registry.
        title, description: str, or a function of the path variables.
        image, image_url: the meta-tag image (a file of the assets folder,
            inferred when omitted) or a full URL that overrides it.
        redirect_from: paths answering 301 to this page.
        layout: a component or a function; else the module's `layout`.
        **kwargs: stored in the entry as they are.

    Raises:
        PageError: no app exists yet, inside a callback, or `module` is not a str.
        Exception: a template variable is not a valid identifier.
    """
    if _ignore_registrations.get():
        return
    context = _current_context(module)
    if path_template is not None:
        check_path_template(path_template)
    page = _page_entry(
        context,
        module,
        path=path,
        path_template=path_template,
        name=name,
        order=order,
        title=title,
        description=description,
        image=image,
        image_url=image_url,
        layout=layout,
        extra=kwargs,
    )
    if context.add_redirect is not None:
        target = context.get_relative_path(page["path"])
        for source in _redirect_sources(redirect_from):
            context.add_redirect(context.get_relative_path(source), target)
    PAGE_REGISTRY[module] = page
    _assign_home_order(PAGE_REGISTRY)
    sort_registry(PAGE_REGISTRY)


def _assign_home_order(registry: Mapping[str, dict[str, Any]]) -> None:
    # The `/` page is first by default, but only while nobody chose an order.
    any_supplied = any(page.get("supplied_order") is not None for page in registry.values())
    for page in registry.values():
        if page.get("path") == "/" and not any_supplied:
            page["order"] = 0
        else:
            page["order"] = page.get("supplied_order")


def _sort_key(page: Mapping[str, Any]) -> tuple[bool, float, str, str]:
    order = page.get("order")
    is_number = isinstance(order, (int, float)) and not isinstance(order, bool)
    return (
        order is None,
        order if is_number else float("inf"),
        str(order),
        str(page.get("module", "")),
    )


def sort_registry(registry: OrderedDict[str, dict[str, Any]]) -> None:
    """Sort the registry in place: pages with an order first, numeric orders
    ascending, then by the order's text, then by module name."""
    for key in sorted(registry, key=lambda module: _sort_key(registry[module])):
        registry.move_to_end(key)


# ------------------------------------------------------------- first request


def _module_layout(module: str) -> Any:
    loaded = sys.modules.get(module)
    return getattr(loaded, "layout", None) if loaded is not None else None


def check_registry(registry: Mapping[str, dict[str, Any]]) -> None:
    """Checks the app runs on its first request when pages are used.

    Fills in missing layouts from the page modules' `layout` attribute.

    Raises:
        Exception: a page was registered as `__main__`, or two pages share a path.
        NoLayoutException: a page has no layout.
    """
    modules_by_path: dict[str, list[str]] = {}
    for page in registry.values():
        module = page["module"]
        if module == "__main__":
            raise Exception(
                "A page was registered with module '__main__' (register_page(__name__) in the "
                "script that runs the app). Give the page a name instead: "
                "dash.register_page('home', path='/', layout=...)."
            )
        if page.get("layout") is None:
            page["layout"] = _module_layout(module)
        if page["layout"] is None:
            raise NoLayoutException(
                f"The page {module!r} of dash.page_registry has no layout: pass "
                "register_page(..., layout=...) or define a `layout` variable or function "
                "in that module."
            )
        modules_by_path.setdefault(page["path"], []).append(module)
    for modules in modules_by_path.values():
        if len(modules) > 1:
            raise Exception(f"modules {modules} have duplicate paths")


def page_layouts_for_validation(registry: Mapping[str, dict[str, Any]]) -> list[Any]:
    """Every page layout, functions called without arguments (for `validation_layout`)."""
    layouts = []
    for page in registry.values():
        layout = page.get("layout")
        layouts.append(layout() if callable(layout) else layout)
    return layouts


# ------------------------------------------------------------------- routing


@lru_cache(maxsize=256)
def _compiled_template(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    pieces = _VARIABLE.split(template)
    # Even indexes are literal text, odd indexes are variable names.
    pattern = "".join(
        "(.*)" if index % 2 else re.escape(piece) for index, piece in enumerate(pieces)
    )
    return re.compile(pattern, re.DOTALL), tuple(pieces[1::2])


def parse_path_variables(pathname: str, path_template: str) -> dict[str, str] | None:
    """The `<variable>` values of `pathname` under `path_template`, or None.

    Literal parts must match exactly; each variable captures any text
    (including `/`). A match where a variable is empty counts as no match.
    """
    regex, names = _compiled_template(path_template)
    match = regex.fullmatch(pathname)
    if match is None:
        return None
    values = match.groups()
    if any(value == "" for value in values):
        return None
    return dict(zip(names, values, strict=True))


def parse_query_string(search: str | None) -> dict[str, str | list[str]]:
    """`?a=1&b=2&b=3` as `{"a": "1", "b": ["2", "3"]}` (blank values kept)."""
    if not search:
        return {}
    query = search[1:] if search.startswith("?") else search
    parsed = parse_qs(query, keep_blank_values=True)
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


def match_page(
    path_id: str | None, registry: Mapping[str, dict[str, Any]]
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The first page (registry order) serving `path_id`, and its path variables.

    `path_id` is a pathname already passed through `strip_relative_path` (no
    prefix, no slashes at the ends). Returns `(None, {})` when nothing matches.
    """
    if path_id is None:
        return None, {}
    for page in registry.values():
        template = page.get("path_template")
        if template:
            variables = parse_path_variables(path_id, template.strip("/"))
            if variables:
                return page, variables
        if path_id == page["path"].strip("/"):
            return page, {}
    return None, {}


def _not_found_page(registry: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    for module, page in registry.items():
        if module.rpartition(".")[2] == NOT_FOUND_SEGMENT:
            return page
    return None


def resolve_page(
    pathname: str | None,
    registry: Mapping[str, dict[str, Any]],
    strip_relative_path: Callable[[str | None], str | None],
    not_found_fallback: bool = True,
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The page for a browser pathname, and its path variables.

    Without a match: the page whose last module segment is `not_found_404`
    (unless `not_found_fallback` is false), else None. A pathname outside the
    requests prefix matches nothing.
    """
    try:
        path_id = strip_relative_path(pathname)
    except UnsupportedRelativePath:
        path_id = None
    page, variables = match_page(path_id, registry)
    if page is None and not_found_fallback:
        page = _not_found_page(registry)
    return page, variables


def routing_layout_result(
    pathname: str | None,
    search: str | None,
    registry: Mapping[str, dict[str, Any]],
    strip_relative_path: Callable[[str | None], str | None],
    app_title: str,
    states: Mapping[str, Any] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """What the pages routing callback returns: `(layout, {"title": title})`.

    A layout function receives the query-string arguments, the path variables
    and the `routing_callback_inputs` values (`states`) as keyword arguments;
    on a name clash the later source wins, so path variables override query
    arguments and states override both. A title function receives the path
    variables. Without any matching page (and no `not_found_404` page) the
    layout is `H1("404 - Page not found")` with the app title.
    """
    query = parse_query_string(search)
    page, variables = resolve_page(pathname, registry, strip_relative_path)
    if page is None:
        from .html import H1  # the html suite imports components; keep this module light

        layout: Any = H1("404 - Page not found")
        title: Any = app_title
    else:
        layout, title = page.get("layout"), page.get("title")
    if callable(layout):
        layout = layout(**{**query, **variables, **(states or {})})
    if callable(title):
        title = title(**variables)
    return layout, {"title": title}


# ----------------------------------------------------------------- meta tags


def page_meta_tags(
    page: Mapping[str, Any] | None,
    request_url: str,
    url_root: str,
    get_asset_url: Callable[[str], str],
    path_vars: Mapping[str, str] | None = None,
    app_title: str = "Dash",
) -> str:
    """The description, Twitter and Open Graph meta tags of the index page.

    `page` is the page matching the request path (None: app title, empty
    description and image). The image is the page's `image_url`, else
    `url_root` + the asset URL of its `image`, else "". Title and description
    functions receive `path_vars`. Values are HTML-escaped.
    """
    variables = dict(path_vars or {})
    page = page or {}
    title = page.get("title", app_title)
    description = page.get("description", "")
    if callable(title):
        title = title(**variables)
    if callable(description):
        description = description(**variables)
    image_url = page.get("image_url")
    if not image_url and page.get("image"):
        image_url = url_root + get_asset_url(page["image"]).lstrip("/")
    tags = (
        ("name", "description", description),
        ("property", "twitter:card", "summary_large_image"),
        ("property", "twitter:url", request_url),
        ("property", "twitter:title", title),
        ("property", "twitter:description", description),
        ("property", "twitter:image", image_url or ""),
        ("property", "og:title", title),
        ("property", "og:type", "website"),
        ("property", "og:description", description),
        ("property", "og:image", image_url or ""),
    )
    return "\n".join(
        f'<meta {attribute}="{key}" content="{_html.escape(str(value), quote=True)}">'
        for attribute, key, value in tags
    )


# ------------------------------------------------------------- folder import


def pages_folder_path(app_root: str, pages_folder: str, use_pages: bool) -> str | None:
    """The absolute folder whose pages are imported, or None when none are.

    Raises `InvalidConfig` when pages are on (or the folder name is not the
    default "pages") and the folder does not exist. `""` disables the import.
    """
    if not pages_folder:
        return None
    folder = os.path.join(app_root, pages_folder)
    if not os.path.isdir(folder):
        if use_pages or pages_folder != "pages":
            raise InvalidConfig(
                f"The pages folder {folder!r} does not exist. Create it, pass "
                "pages_folder='<your folder>', or pages_folder='' to register pages by hand."
            )
        return None
    return folder if use_pages else None


def _is_package(module_name: str) -> bool:
    module = sys.modules.get(module_name)
    file = getattr(module, "__file__", None) if module is not None else None
    return bool(file) and os.path.basename(file) == "__init__.py"


def _default_project_root(app_module_name: str) -> str:
    module = sys.modules.get(app_module_name)
    file = getattr(module, "__file__", None) if module is not None else None
    return os.path.dirname(os.path.abspath(file)) if file else os.getcwd()


def page_module_name(
    file_path: str, pages_folder: str, project_root: str, app_module_name: str
) -> str:
    """The module name a page file is imported under.

    `<pages folder relative to the project root>.<sub folders>.<file stem>`
    (only the folder's own name when it lies outside the project root),
    prefixed by the app's module name when the app module is a package.
    """
    folder = os.path.abspath(pages_folder)
    root = os.path.abspath(project_root)
    if folder == root or folder.startswith(root.rstrip(os.sep) + os.sep):
        parent = os.path.relpath(folder, root)
    else:
        parent = os.path.basename(folder)
    inner = os.path.splitext(os.path.relpath(os.path.abspath(file_path), folder))[0]
    parts = [part for part in parent.split(os.sep) if part not in ("", ".")]
    parts += inner.split(os.sep)
    if _is_package(app_module_name):
        parts.insert(0, app_module_name)
    return ".".join(parts)


def _page_files(pages_folder: str) -> Iterator[str]:
    for directory, subdirectories, files in os.walk(pages_folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith((".", "_")))
        for file in sorted(files):
            if file.startswith((".", "_")) or not file.endswith(".py"):
                continue
            path = os.path.join(directory, file)
            with open(path, encoding="utf-8") as source:
                if "register_page" in source.read():
                    yield path


def _adopt_module_layout(module_name: str, module: Any) -> None:
    page = PAGE_REGISTRY.get(module_name)
    if page is None or page.get("supplied_layout") is not None:
        return
    if not hasattr(module, "layout"):
        raise NoLayoutException(
            f"The page module {module_name!r} has no `layout`: define a variable or a "
            "function named `layout` in it, or pass register_page(..., layout=...)."
        )
    page["layout"] = module.layout


def import_pages(
    pages_folder: str, app_module_name: str, project_root: str | None = None
) -> list[str]:
    """Import the page modules of `pages_folder` (and its sub folders).

    Folders and files starting with `.` or `_` are skipped, and so are `.py`
    files whose text does not mention `register_page`. Modules are named by
    `page_module_name` (`project_root` defaults to the app module's folder)
    and put in `sys.modules`. A registered page without `layout=` takes the
    module's `layout`.

    Returns the imported module names, in import order.

    Raises:
        NoLayoutException: a page module registered itself but has no `layout`.
    """
    root = project_root if project_root is not None else _default_project_root(app_module_name)
    imported = []
    for path in _page_files(pages_folder):
        name = page_module_name(path, pages_folder, root, app_module_name)
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        _adopt_module_layout(name, module)
        imported.append(name)
    return imported

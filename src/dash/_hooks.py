"""`dash.hooks`: process-global extension points for plugins and component packages.

Hooks registered here apply to every app created afterwards. Plugins installed
as packages declare an entry point in the group `dash_hooks`; importing that
entry point (once per process, `load_plugin_hooks`) registers its hooks.

Storage (plain attributes, so tests may reset them by assignment, for instance
`hooks._ns["layout"] = []` or `hooks._finals = {}`):

* `hooks._ns`: `{kind: [Hook, ...]}`, each list sorted by priority, highest first.
  Kinds: "setup", "layout", "routes", "error", "callback", "index",
  "custom_data", "websocket_connect", "websocket_message", and "dev_tools"
  (whose items are plain dicts, see `Hooks.devtool`).
* `hooks._finals`: `{kind: Hook}`, the single `final=True` hook of a kind.
* `hooks._js_dist` / `hooks._css_dist`: resource entries added by `script` /
  `stylesheet`.
* `hooks._clientside_callbacks`: `(clientside_function, args, kwargs)` tuples.

The module-level functions below are what the app calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import metadata
from typing import Any

from .exceptions import HookError

__all__ = [
    "HOOK_KINDS",
    "Hook",
    "Hooks",
    "apply_index_hooks",
    "apply_layout_hooks",
    "collect_custom_data",
    "devtools_config",
    "get_hooks",
    "hook_routes",
    "hook_scripts",
    "hook_stylesheets",
    "hooks",
    "load_plugin_hooks",
    "register_hook_callbacks",
    "run_setup_hooks",
    "wrap_error_handler",
]

HOOK_KINDS = (
    "setup",
    "layout",
    "routes",
    "error",
    "callback",
    "index",
    "custom_data",
    "dev_tools",
    "websocket_connect",
    "websocket_message",
)
ENTRY_POINT_GROUP = "dash_hooks"
_DEVTOOL_POSITIONS = ("right", "left")


class Hook:
    """A registered hook: call it like the function it wraps.

    Attributes: `func`, `priority` (higher runs first), `final` and `data`
    (what the kind needs besides the function: a route's name and methods, a
    callback's arguments, a custom-data namespace).
    """

    __slots__ = ("data", "final", "func", "priority")

    def __init__(
        self, func: Callable[..., Any], priority: float = 0, final: bool = False, data: Any = None
    ) -> None:
        self.func = func
        self.priority = priority
        self.final = final
        self.data = data

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)

    def __repr__(self) -> str:
        name = getattr(self.func, "__qualname__", repr(self.func))
        return f"Hook({name}, priority={self.priority}, final={self.final})"


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class Hooks:
    """The registry behind `dash.hooks`; each decorator returns the function unchanged."""

    def __init__(self) -> None:
        self._ns: dict[str, list[Any]] = {kind: [] for kind in HOOK_KINDS}
        self._finals: dict[str, Hook] = {}
        self._js_dist: list[dict[str, Any]] = []
        self._css_dist: list[dict[str, Any]] = []
        self._clientside_callbacks: list[tuple[Any, tuple, dict[str, Any]]] = []

    # ------------------------------------------------------------- storage

    def add_hook(
        self,
        kind: str,
        func: Callable[..., Any],
        priority: float | None = None,
        final: bool = False,
        data: Any = None,
    ) -> Hook:
        """Store `func` as a hook of `kind` and return it.

        A higher `priority` runs first. Without one, the hook runs after every
        hook registered so far (current minimum − 1). `final=True` puts it after
        all others; a kind has at most one final hook.

        Raises:
            HookError: `func` is not callable, or a final hook of `kind` exists.
        """
        if not callable(func):
            raise HookError(f"A dash.hooks {kind} hook must be a function, got {func!r}.")
        if final:
            if self._finals.get(kind) is not None:
                raise HookError("Final hook already present")
            hook = Hook(func, priority if priority is not None else 0, True, data)
            self._finals[kind] = hook
            return hook
        registered = self._ns.setdefault(kind, [])
        if priority is None:
            priority = min((h.priority for h in registered), default=1) - 1
        hook = Hook(func, priority, False, data)
        registered.append(hook)
        # A stable sort keeps registration order among equal priorities.
        registered.sort(key=lambda h: -h.priority)
        return hook

    def get_hooks(self, kind: str) -> list[Any]:
        """The hooks of `kind` in running order, the final one (if any) last."""
        final = self._finals.get(kind)
        ordered = list(self._ns.get(kind, ()))
        return [*ordered, final] if final is not None else ordered

    def _decorator(
        self, kind: str, priority: float | None, final: bool, data: Any = None
    ) -> Decorator:
        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            self.add_hook(kind, func, priority=priority, final=final, data=data)
            return func

        return register

    # --------------------------------------------------------- decorators

    def layout(self, priority: float | None = None, final: bool = False) -> Decorator:
        """`fn(layout) -> layout`, applied to the layout each time `/_dash-layout` serves it."""
        return self._decorator("layout", priority, final)

    def setup(self, priority: float | None = None, final: bool = False) -> Decorator:
        """`fn(app)`, called while each app is constructed."""
        return self._decorator("setup", priority, final)

    def route(
        self,
        name: str | None = None,
        methods: Sequence[str] = ("GET",),
        priority: float | None = None,
        final: bool = False,
    ) -> Decorator:
        """A Flask view served by every app at `<routes prefix><name or function name>`;
        a returned dict is sent as JSON."""

        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            data = {"name": name or func.__name__, "methods": tuple(methods)}
            self.add_hook("routes", func, priority=priority, final=final, data=data)
            return func

        return register

    def error(self, priority: float | None = None, final: bool = False) -> Decorator:
        """`fn(exception)`, called after the app's `on_error` handler when a callback fails."""
        return self._decorator("error", priority, final)

    def callback(
        self, *args: Any, priority: float | None = None, final: bool = False, **kwargs: Any
    ) -> Decorator:
        """A server callback (same arguments as `dash.callback`) added to every app."""

        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            self.add_hook("callback", func, priority=priority, final=final, data=(args, kwargs))
            return func

        return register

    def clientside_callback(self, clientside_function: Any, *args: Any, **kwargs: Any) -> None:
        """A browser-side callback (same arguments as `dash.clientside_callback`) added to
        every app."""
        self._clientside_callbacks.append((clientside_function, args, kwargs))

    def index(self, priority: float | None = None, final: bool = False) -> Decorator:
        """`fn(html) -> html`, applied to the index page before it is validated."""
        return self._decorator("index", priority, final)

    def custom_data(
        self, namespace: str, priority: float | None = None, final: bool = False
    ) -> Decorator:
        """`fn(ctx) -> data`, run for each callback request; the result is
        `ctx.custom_data[namespace]`."""
        return self._decorator("custom_data", priority, final, {"namespace": namespace})

    def websocket_connect(self, priority: float | None = None, final: bool = False) -> Decorator:
        """Gatekeeper for websocket connections (websocket transport)."""
        return self._decorator("websocket_connect", priority, final)

    def websocket_message(self, priority: float | None = None, final: bool = False) -> Decorator:
        """Gatekeeper for websocket messages (websocket transport)."""
        return self._decorator("websocket_message", priority, final)

    def script(self, resources: Sequence[dict[str, Any]]) -> None:
        """Add script resource entries (the shape of a component package's `_js_dist`)."""
        self._js_dist.extend(resources)

    def stylesheet(self, resources: Sequence[dict[str, Any]]) -> None:
        """Add stylesheet resource entries (the shape of a package's `_css_dist`)."""
        self._css_dist.extend(resources)

    def devtool(
        self,
        namespace: str,
        component_type: str,
        props: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
        position: str = "right",
    ) -> None:
        """Show the component `namespace.component_type` in the dev-tools bar.

        `props` may be a function, called each time the page config is built.
        `position` is "right" or "left".
        """
        if position not in _DEVTOOL_POSITIONS:
            raise HookError(
                f"dash.hooks.devtool({namespace!r}, {component_type!r}): position must be "
                f"'right' or 'left', got {position!r}."
            )
        self._ns.setdefault("dev_tools", []).append(
            {
                "namespace": namespace,
                "type": component_type,
                "props": props if props is not None else {},
                "position": position,
            }
        )


hooks = Hooks()
_plugins_loaded = False


def get_hooks(kind: str) -> list[Any]:
    """The hooks of `kind` registered on `dash.hooks`, in running order."""
    return hooks.get_hooks(kind)


def load_plugin_hooks() -> list[str]:
    """Import the `dash_hooks` entry points of installed packages (first call only).

    Returns the names of the entry points loaded by this call.

    Raises:
        HookError: an entry point failed to import (the cause is chained).
    """
    global _plugins_loaded
    if _plugins_loaded:
        return []
    _plugins_loaded = True
    loaded = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry_point.load()
        except Exception as error:
            raise HookError(
                f"The dash plugin entry point {entry_point.name!r} ({entry_point.value}) failed "
                f"to load: {error!r}. Fix or uninstall the package that provides it."
            ) from error
        loaded.append(entry_point.name)
    return loaded


def apply_layout_hooks(layout: Any) -> Any:
    """`layout` passed through every layout hook in order."""
    for hook in get_hooks("layout"):
        layout = hook(layout)
    return layout


def apply_index_hooks(index_html: str) -> str:
    """The index page passed through every index hook in order."""
    for hook in get_hooks("index"):
        index_html = hook(index_html)
    return index_html


def run_setup_hooks(app: Any) -> None:
    """Call every setup hook with `app` (during its construction)."""
    for hook in get_hooks("setup"):
        hook(app)


def register_hook_callbacks(app: Any) -> None:
    """Add the callbacks registered on `dash.hooks` to `app`, through
    `app.callback` and `app.clientside_callback`."""
    for hook in get_hooks("callback"):
        args, kwargs = hook.data
        app.callback(*args, **kwargs)(hook.func)
    for clientside_function, args, kwargs in hooks._clientside_callbacks:
        app.clientside_callback(clientside_function, *args, **kwargs)


def hook_routes() -> list[tuple[str, Callable[..., Any], tuple[str, ...]]]:
    """`(name, view function, methods)` of every route hook, in priority order."""
    return [(hook.data["name"], hook.func, hook.data["methods"]) for hook in get_hooks("routes")]


def hook_scripts() -> list[dict[str, Any]]:
    """Script resource entries added with `dash.hooks.script`."""
    return list(hooks._js_dist)


def hook_stylesheets() -> list[dict[str, Any]]:
    """Stylesheet resource entries added with `dash.hooks.stylesheet`."""
    return list(hooks._css_dist)


def devtools_config() -> list[dict[str, Any]]:
    """The dev-tools components for the page config, with callable props evaluated."""
    entries = []
    for entry in get_hooks("dev_tools"):
        props = entry.get("props") or {}
        entries.append({**entry, "props": props() if callable(props) else props})
    return entries


def collect_custom_data(callback_ctx: Any) -> dict[str, Any]:
    """`{namespace: fn(ctx)}` over the custom-data hooks (a later hook of the same
    namespace wins)."""
    return {hook.data["namespace"]: hook(callback_ctx) for hook in get_hooks("custom_data")}


def wrap_error_handler(
    original: Callable[[Exception], Any] | None,
) -> Callable[[Exception], Any] | None:
    """The app's error handler followed by the error hooks.

    Without error hooks `original` is returned as it is. Otherwise the result
    calls `original` (if any), then every error hook (read at call time); it
    returns the original's result when truthy, else the last hook's result.
    """
    if not get_hooks("error"):
        return original

    def handle(error: Exception) -> Any:
        result = original(error) if original is not None else None
        hook_result = None
        for hook in get_hooks("error"):
            hook_result = hook(error)
        return result or hook_result

    return handle

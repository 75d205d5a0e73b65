"""`dash.ctx` / `dash.callback_context` and `dash.set_props`.

While a callback runs, dispatch activates a `CallbackRun` (one per request) in a
context variable; `ctx` reads it. Every derived view (`inputs`, `triggered`,
`args_grouping`...) is computed on first use only, so a callback that never
looks at `ctx` pays nothing for it. Outside a callback every attribute raises
`MissingCallbackContextException`.
"""

from __future__ import annotations

import contextvars
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import exceptions
from ._grouping import make_grouping_by_index
from ._utils import AttributeDict, decode_id, split_prop_id, stringify_id

__all__ = [
    "CallbackContext",
    "CallbackResponse",
    "CallbackRun",
    "RequestInfo",
    "callback_context",
    "ctx",
    "set_props",
]


@dataclass
class RequestInfo:
    """What the web layer knows about the HTTP request behind a callback call."""

    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    args: dict = field(default_factory=dict)
    path: str = ""
    remote: str | None = None
    origin: str | None = None


class CallbackResponse:
    """Collects the cookies and headers a callback wants on its HTTP reply (`ctx.response`)."""

    def __init__(self) -> None:
        self.headers: list[tuple[str, str, str]] = []
        self.cookies: list[tuple[tuple, dict]] = []

    def set_cookie(self, *args: Any, **kwargs: Any) -> None:
        """Set a cookie; arguments as for werkzeug's `Response.set_cookie(key, value, ...)`."""
        self.cookies.append((args, kwargs))

    def delete_cookie(self, key: str, **kwargs: Any) -> None:
        """Ask the browser to drop cookie `key` (`path`, `domain`... as for `set_cookie`)."""
        self.cookies.append(((key,), {"value": "", "expires": 0, "max_age": 0, **kwargs}))

    def set_header(self, name: str, value: str) -> None:
        """Set header `name`, replacing any value it had."""
        self.headers.append(("set", name, value))

    def append_header(self, name: str, value: str) -> None:
        """Add a value for header `name`, keeping the values it already had."""
        self.headers.append(("append", name, value))


class _FalsyList(list):
    """The `triggered` list of an initial call: it holds a placeholder entry but tests false."""

    def __bool__(self) -> bool:
        return False


def _request_leaf(item: dict, changed: frozenset[str]) -> AttributeDict:
    str_id = stringify_id(item["id"])
    return AttributeDict(
        id=item["id"],
        property=item["property"],
        value=item.get("value"),
        str_id=str_id,
        triggered=f"{str_id}.{item['property']}" in changed,
    )


def _flat_values(items: list) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for item in items:
        for one in item if isinstance(item, list) else (item,):
            values[f"{stringify_id(one['id'])}.{one['property']}"] = one.get("value")
    return values


class CallbackRun:
    """The state of one callback call: the request pieces and what the callback queued.

    `meta` is the callback's registration metadata; the attributes read here are
    `args_index`, `outputs_index`, `multi`, `no_output`, `using_args_grouping`
    and `using_outputs_grouping`.
    """

    def __init__(
        self,
        meta: Any,
        outputs: Any,
        inputs: list,
        state: list,
        changed_prop_ids: list[str],
        request: RequestInfo | None = None,
    ) -> None:
        self.meta = meta
        self.outputs_list = outputs
        self.inputs_list = inputs
        self.states_list = state
        self.changed_prop_ids = changed_prop_ids
        self._request = request
        self.side_updates: dict[str, dict[str, Any]] = {}
        self.timing: dict[str, dict[str, Any]] = {}

    # `request` and `response` are built on first use: most callbacks never touch them.
    @cached_property
    def request(self) -> RequestInfo:
        return self._request if self._request is not None else RequestInfo()

    @cached_property
    def response(self) -> CallbackResponse:
        return CallbackResponse()

    def reply_headers(self) -> list[tuple[str, str, str]]:
        """Headers queued through `ctx.response` (empty if it was never used)."""
        response = self.__dict__.get("response")
        return response.headers if response is not None else []

    def reply_cookies(self) -> list[tuple[tuple, dict]]:
        """Cookies queued through `ctx.response` (empty if it was never used)."""
        response = self.__dict__.get("response")
        return response.cookies if response is not None else []

    def activate(self) -> contextvars.Token:
        """Make this run the one `ctx` reads; pass the token to `deactivate`."""
        return _CURRENT_RUN.set(self)

    @staticmethod
    def deactivate(token: contextvars.Token) -> None:
        """Restore the run that was active before `activate`."""
        _CURRENT_RUN.reset(token)

    def queue_side_update(self, component_id: Any, props: dict[str, Any]) -> None:
        """Record `props` for `component_id`, merged with earlier updates of the same id."""
        key = stringify_id(component_id)
        existing = self.side_updates.get(key)
        if existing is None:
            self.side_updates[key] = dict(props)
        else:
            existing.update(props)

    @cached_property
    def custom_data(self) -> AttributeDict:
        # Imported here: hooks are optional and most callbacks never read custom data.
        from ._hooks import collect_custom_data

        return AttributeDict(collect_custom_data(callback_context))

    @cached_property
    def inputs(self) -> dict[str, Any]:
        return _flat_values(self.inputs_list)

    @cached_property
    def states(self) -> dict[str, Any]:
        return _flat_values(self.states_list)

    @cached_property
    def triggered(self) -> list[dict[str, Any]]:
        if not self.changed_prop_ids:
            return _FalsyList([{"prop_id": ".", "value": None}])
        inputs = self.inputs
        return [
            {"prop_id": prop_id, "value": inputs.get(prop_id)} for prop_id in self.changed_prop_ids
        ]

    @cached_property
    def triggered_prop_ids(self) -> dict[str, Any]:
        return {prop_id: decode_id(split_prop_id(prop_id)[0]) for prop_id in self.changed_prop_ids}

    @cached_property
    def args_grouping(self) -> Any:
        changed = frozenset(self.changed_prop_ids)
        leaves = [
            [_request_leaf(one, changed) for one in item]
            if isinstance(item, list)
            else _request_leaf(item, changed)
            for item in (*self.inputs_list, *self.states_list)
        ]
        return make_grouping_by_index(self.meta.args_index, leaves)

    @cached_property
    def outputs_grouping(self) -> Any:
        if self.meta.no_output:
            return []
        if not self.meta.multi:
            return self.outputs_list
        return make_grouping_by_index(self.meta.outputs_index, self.outputs_list)


_CURRENT_RUN: contextvars.ContextVar[CallbackRun | None] = contextvars.ContextVar(
    "dash_callback_run", default=None
)


def _current_run(name: str) -> CallbackRun:
    run = _CURRENT_RUN.get()
    if run is None:
        raise exceptions.MissingCallbackContextException(
            f"dash.callback_context.{name} is only available from a callback!"
        )
    return run


def current_run() -> CallbackRun | None:
    """The active callback run, or None outside a callback."""
    return _CURRENT_RUN.get()


class CallbackContext:
    """Information about the callback call in progress (`dash.ctx`, `dash.callback_context`)."""

    @property
    def triggered(self) -> list[dict[str, Any]]:
        """`[{"prop_id": "id.prop", "value": v}]` for the inputs that changed.

        On an initial call nothing changed: the list holds one entry with
        `prop_id` `"."` and tests false, so `if not ctx.triggered:` works.
        """
        return _current_run("triggered").triggered

    @property
    def triggered_prop_ids(self) -> dict[str, Any]:
        """`{"id.prop": id}` for the inputs that changed; dict ids are decoded."""
        return _current_run("triggered_prop_ids").triggered_prop_ids

    @property
    def triggered_id(self) -> Any:
        """The id (str, or dict with attribute access) of the first changed input, or None."""
        prop_ids = _current_run("triggered_id").triggered_prop_ids
        return next(iter(prop_ids.values()), None)

    @property
    def inputs(self) -> dict[str, Any]:
        """`{"id.prop": value}` for every Input (wildcard lists flattened)."""
        return _current_run("inputs").inputs

    @property
    def states(self) -> dict[str, Any]:
        """`{"id.prop": value}` for every State (wildcard lists flattened)."""
        return _current_run("states").states

    @property
    def inputs_list(self) -> list:
        """The Inputs as sent by the browser: `{id, property, value}` items, lists for wildcards."""
        run = _current_run("inputs_list")
        if run.meta.using_args_grouping:
            _warn_ambiguous("inputs_list", "args_grouping")
        return run.inputs_list

    @property
    def states_list(self) -> list:
        """The States as sent by the browser (an empty list when there are none)."""
        run = _current_run("states_list")
        if run.meta.using_args_grouping:
            _warn_ambiguous("states_list", "args_grouping")
        return run.states_list

    @property
    def outputs_list(self) -> Any:
        """The outputs as sent by the browser: a dict (single), a list (multi) or `[]`."""
        run = _current_run("outputs_list")
        if run.meta.using_outputs_grouping:
            _warn_ambiguous("outputs_list", "outputs_grouping")
        return run.outputs_list

    @property
    def args_grouping(self) -> Any:
        """The arguments' grouping with `{id, property, value, str_id, triggered}` leaves."""
        return _current_run("args_grouping").args_grouping

    @property
    def outputs_grouping(self) -> Any:
        """The outputs' grouping with `{id, property}` leaves."""
        return _current_run("outputs_grouping").outputs_grouping

    @property
    def using_args_grouping(self) -> bool:
        """True when the arguments are grouped (dicts, nesting, or States before Inputs)."""
        return bool(_current_run("using_args_grouping").meta.using_args_grouping)

    @property
    def using_outputs_grouping(self) -> bool:
        """True when the outputs are a dict or a nested grouping."""
        return bool(_current_run("using_outputs_grouping").meta.using_outputs_grouping)

    @property
    def response(self) -> CallbackResponse:
        """Set cookies and headers on the reply: `set_cookie`, `delete_cookie`, `set_header`..."""
        return _current_run("response").response

    def record_timing(self, name: str, duration: float, description: str | None = None) -> None:
        """Record `duration` seconds under `name` for the `Server-Timing` header (debug mode).

        Raises `KeyError` if `name` was already recorded during this call.
        """
        timing = _current_run("record_timing").timing
        if name in timing:
            raise KeyError(f'Duplicate resource name "{name}" in ctx.record_timing.')
        timing[name] = {"dur": round(duration * 1000), "desc": description}

    @property
    def timing_information(self) -> dict[str, dict[str, Any]]:
        """The entries recorded with `record_timing`: `{name: {"dur": ms, "desc": text}}`."""
        return _current_run("timing_information").timing

    @property
    def cookies(self) -> dict[str, str]:
        """The request's cookies."""
        return _current_run("cookies").request.cookies

    @property
    def headers(self) -> dict[str, str]:
        """The request's headers."""
        return _current_run("headers").request.headers

    @property
    def args(self) -> dict:
        """The request's query-string arguments."""
        return _current_run("args").request.args

    @property
    def path(self) -> str:
        """The request's full path, e.g. `/_dash-update-component?`."""
        return _current_run("path").request.path

    @property
    def remote(self) -> str | None:
        """The client's address."""
        return _current_run("remote").request.remote

    @property
    def origin(self) -> str | None:
        """The request's `Origin` header."""
        return _current_run("origin").request.origin

    @property
    def custom_data(self) -> AttributeDict:
        """Data contributed by `dash.hooks.custom_data` functions, by namespace.

        The hooks run the first time a callback reads this, once per request.
        """
        return _current_run("custom_data").custom_data

    @property
    def websocket(self) -> None:
        """The websocket handle under websocket transport; always None for HTTP."""
        _current_run("websocket")
        return None


def _warn_ambiguous(name: str, grouping_name: str) -> None:
    warnings.warn(
        f"ctx.{name} is ambiguous when the callback uses a grouping; use ctx.{grouping_name}.",
        DeprecationWarning,
        stacklevel=3,
    )


callback_context = ctx = CallbackContext()


def set_props(component_id: str | dict, props: dict[str, Any]) -> None:
    """Update `props` of the component `component_id`, which need not be an output.

    The updates reach the browser with the callback's response (`sideUpdate`);
    several calls for one component are merged.
    """
    run = _CURRENT_RUN.get()
    if run is None:
        raise exceptions.MissingCallbackContextException(
            "dash.set_props is only available from a callback!"
        )
    run.queue_side_update(component_id, props)

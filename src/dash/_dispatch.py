"""Callback dispatch: a `_dash-update-component` request body in, a response body out.

Pure Python, no web framework: the route decodes the JSON, calls `dispatch`, and
turns the `DispatchResult` (or a `BadCallbackRequest`) into an HTTP reply. All
per-callback parsing happened at registration (`CallbackMeta`), so a request
only checks shapes, picks out values, calls the function and encodes.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import _background, exceptions
from ._callback import CallbackMeta, OutputTarget
from ._callback_context import CallbackRun, RequestInfo
from ._grouping import (
    SchemaLengthValidationError,
    SchemaTypeValidationError,
    flatten_grouping,
    make_grouping_by_index,
)
from ._json import to_json_bytes
from ._no_update import NoUpdate
from ._utils import stringify_id
from .dependencies import id_matches
from .development import base_component

__all__ = ["BadCallbackRequest", "DispatchResult", "RequestInfo", "dispatch"]

_is_no_update = NoUpdate.is_no_update


class BadCallbackRequest(exceptions.CallbackException):
    """The request body is malformed or names no registered callback.

    The route answers `status` (400 or 404) with `{"message": message}`.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = str(self)


@dataclass
class DispatchResult:
    """What the route sends back: status, JSON body, and the extras the callback asked for."""

    status: int  # 200 (body is JSON) or 204 (empty body)
    body: bytes
    headers: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # ("set"|"append", name, value)
    cookies: list[tuple[tuple, dict]] = field(default_factory=list)  # set_cookie (args, kwargs)
    timing: dict[str, dict[str, Any]] = field(default_factory=dict)  # ctx.record_timing entries


class _Prevented(Exception):
    """Internal signal: the callback (or its error handler) raised PreventUpdate."""


# ------------------------------------------------------------------- request checks


def _bad(message: str) -> BadCallbackRequest:
    return BadCallbackRequest(400, message)


def _optional_list(body: dict, key: str) -> list:
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(f"The callback request's `{key}` must be a list, got {type(value).__name__}.")
    return value


def _read_body(body: Any) -> tuple[str, list, list, list]:
    """(output, inputs, state, changedPropIds) after checking their types."""
    if not isinstance(body, dict):
        raise _bad(
            "The callback request body must be a JSON object with the keys `output`, "
            f"`outputs` and `inputs`; got {type(body).__name__}."
        )
    output = body.get("output")
    if not isinstance(output, str):
        raise _bad("The callback request body needs `output`: the callback's output string.")
    inputs = body.get("inputs")
    if not isinstance(inputs, list):
        raise _bad(
            f"The callback request for {output!r} needs `inputs`: a list with one entry per Input."
        )
    state = _optional_list(body, "state")
    changed = _optional_list(body, "changedPropIds")
    for prop_id in changed:
        if not isinstance(prop_id, str):
            raise _bad(f"`changedPropIds` must hold strings like 'id.prop', got {prop_id!r}.")
    return output, inputs, state, changed


def _lookup(callback_map: dict, output: str) -> tuple[dict, CallbackMeta]:
    entry = callback_map.get(output)
    if entry is None:
        raise BadCallbackRequest(
            404,
            f"Callback function not found for output {output!r}; check that the callback is "
            "registered (with @callback or app.callback) before the app serves requests, and "
            "that the page was loaded from this app (reload it after changing callbacks).",
        )
    meta = entry["meta"]
    if meta.clientside:
        raise _bad(f"The callback for {output!r} is a clientside callback; it runs in the browser.")
    return entry, meta


def _target_matches(target: OutputTarget, item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    prop = item.get("property")
    if prop != target.wire_prop and (
        not isinstance(prop, str) or prop.partition("@")[0] != target.prop
    ):
        return False
    if target.is_pattern:
        return isinstance(item.get("id"), dict) and id_matches(target.component_id, item["id"])
    return item.get("id") == target.component_id


def _check_target(meta: CallbackMeta, target: OutputTarget, item: Any) -> None:
    if target.is_list:
        ok = isinstance(item, list) and all(_target_matches(target, one) for one in item)
    else:
        ok = _target_matches(target, item)
    if not ok:
        raise _bad(
            f"The request's outputs do not match the callback {meta.name}: expected "
            f"{'a list of ' if target.is_list else ''}{{id, property}} for {target.dependency!r}, "
            f"got {item!r}. The page may be out of date; reload it."
        )


def _read_outputs(meta: CallbackMeta, body: dict) -> Any:
    outputs = body.get("outputs")
    if meta.no_output:
        return [] if outputs is None else outputs
    if not meta.multi:
        _check_target(meta, meta.targets[0], outputs)
        return outputs
    if not isinstance(outputs, list) or len(outputs) != len(meta.targets):
        raise _bad(
            f"The request's outputs do not match the callback {meta.name}: expected a list of "
            f"{len(meta.targets)} outputs, got {outputs!r}. The page may be out of date; reload it."
        )
    for target, item in zip(meta.targets, outputs, strict=True):
        _check_target(meta, target, item)
    return outputs


def _is_dependency_item(item: Any) -> bool:
    return isinstance(item, dict) and "id" in item and "property" in item


def _wildcard_values(meta: CallbackMeta, item: Any) -> list[Any]:
    if not isinstance(item, list) or not all(map(_is_dependency_item, item)):
        raise _bad(
            f"A wildcard (ALL/ALLSMALLER) dependency of {meta.name} must be sent as a "
            f"list of {{id, property, value}} objects, got {item!r}."
        )
    return [one.get("value") for one in item]


def _argument_values(meta: CallbackMeta, inputs: list, state: list) -> list[Any]:
    """Values of every Input then State, in declared order (lists for ALL/ALLSMALLER)."""
    if len(inputs) != meta.n_inputs or len(state) != meta.n_state:
        raise _bad(
            f"Inputs do not match callback definition: {meta.name} declares {meta.n_inputs} "
            f"Input(s) and {meta.n_state} State(s), the request sent {len(inputs)} and "
            f"{len(state)}. The page may be out of date; reload it."
        )
    values: list[Any] = []
    append = values.append
    # Lengths were checked above, so the zip cannot run short.
    for item, is_list in zip(inputs + state if state else inputs, meta.arg_is_list, strict=False):
        if is_list:
            append(_wildcard_values(meta, item))
        elif isinstance(item, dict) and "id" in item and "property" in item:
            append(item.get("value"))
        else:
            raise _bad(
                f"Each input and state of {meta.name} must be sent as an {{id, property, "
                f"value}} object, got {item!r}."
            )
    return values


# ---------------------------------------------------------------------- the call


def _resolve(result: Any) -> Any:
    # Coroutines from `async def` callbacks run to completion in a fresh event loop
    # for now; the event loop of an async server comes with full async support.
    if inspect.iscoroutine(result):
        return asyncio.run(result)
    return result


def _invoke(meta: CallbackMeta, func: Callable[..., Any], values: list, run: CallbackRun) -> Any:
    if meta.trivial_args:
        args: Any = values
    else:
        args = make_grouping_by_index(meta.args_index, values)
    if meta.args_as_keywords:
        return _resolve(func(**args))
    return _resolve(func(*args))


# Resolved on first use: the component registry only grows when a component class is defined.
_registry: Any = None


def _component_count() -> int:
    global _registry
    if _registry is None:
        registry_class = getattr(base_component, "ComponentRegistry", None)
        _registry = getattr(registry_class, "registry", ())
    return len(_registry)


def _call(
    entry: dict,
    meta: CallbackMeta,
    values: list,
    run: CallbackRun,
    app_on_error: Callable[[Exception], Any] | None,
    background_step: _background.BackgroundStep | None = None,
) -> Any:
    """The callback's result, after its error handler if it raised; `_Prevented` on PreventUpdate.

    A background callback's "result" is its start or poll step (§13): an
    `Interim` reply, or the job's `Finished` value.
    """
    libraries_before = _component_count()
    try:
        if background_step is None:
            result = _invoke(meta, entry["callback"], values, run)
        else:
            result = background_step.run(values, run)
    except exceptions.PreventUpdate:
        raise _Prevented from None
    except Exception as error:
        handler = meta.on_error or app_on_error
        if handler is None:
            raise
        try:
            result = _resolve(handler(error))
        except exceptions.PreventUpdate:
            raise _Prevented from None
        if result is None and not meta.no_output:
            result = NoUpdate()
    if _component_count() != libraries_before and not meta.options.get("_allow_dynamic_callbacks"):
        raise exceptions.ImportedInsideCallbackError(
            f"A component library was imported for the first time while the callback "
            f"{meta.name} ran. Import every component library at the top of your app module, "
            "before the app starts, so the page can load its scripts."
        )
    return result


# ---------------------------------------------------------------- return values


def _put(response: dict, key: str, prop: str, value: Any) -> None:
    props = response.get(key)
    if props is None:
        response[key] = {prop: value}
    else:
        props[prop] = value


def _add_output(
    response: dict, meta: CallbackMeta, target: OutputTarget, request_item: Any, value: Any
) -> None:
    if _is_no_update(value):
        return
    if not target.is_list:
        key = stringify_id(request_item["id"]) if target.is_pattern else target.id_text
        _put(response, key, target.prop, value)
        return
    if not isinstance(value, (list, tuple)):
        raise exceptions.InvalidCallbackReturnValue(
            f"The callback {meta.name} returned {value!r} for {target.dependency!r}, which is a "
            "wildcard multi-output: return a list or tuple with one value per matching "
            f"component ({len(request_item)} now)."
        )
    if len(value) != len(request_item):
        raise exceptions.InvalidCallbackReturnValue(
            f"Invalid number of output values for {target.dependency!r} in the callback "
            f"{meta.name}: {len(request_item)} components match, the callback returned "
            f"{len(value)} values: {value!r}."
        )
    for item, one in zip(request_item, value, strict=True):
        if not _is_no_update(one):
            _put(response, stringify_id(item["id"]), target.prop, one)


def _flat_return(meta: CallbackMeta, result: Any) -> Any:
    if meta.flat_multi:
        SchemaTypeValidationError.check(result, meta.outputs, (), (list, tuple))
        SchemaLengthValidationError.check(result, meta.outputs, (), len(meta.targets))
        return result
    return flatten_grouping(result, meta.outputs)


def _collect_outputs(meta: CallbackMeta, outputs: Any, result: Any) -> dict[str, dict[str, Any]]:
    """`{stringified id: {prop: value}}` for every output the callback did not skip."""
    response: dict[str, dict[str, Any]] = {}
    if meta.no_output:
        if result is not None:
            raise exceptions.InvalidCallbackReturnValue(
                f"No-output callback received return value: {result!r}. The callback "
                f"{meta.name} has no Outputs, so it must return None; use dash.set_props "
                "to update components from it."
            )
        return response
    if _is_no_update(result):
        return response
    if not meta.multi:
        _add_output(response, meta, meta.targets[0], outputs, result)
        return response
    for target, item, value in zip(meta.targets, outputs, _flat_return(meta, result), strict=True):
        _add_output(response, meta, target, item, value)
    return response


# --------------------------------------------------------------------- encoding


def _children(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [(f"[{key!r}]", item) for key, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [(f"[{index}]", item) for index, item in enumerate(value)]
    to_plotly_json = getattr(value, "to_plotly_json", None)
    if to_plotly_json is not None:
        try:
            props = to_plotly_json().get("props", {})
        except Exception:
            return []
        return [(f".{name}", item) for name, item in props.items()]
    return []


def _find_unserializable(value: Any, path: str) -> tuple[str, Any] | None:
    """The deepest (path, value) that fails to encode, or None if `value` encodes."""
    try:
        to_json_bytes(value)
        return None
    except TypeError:
        pass
    for suffix, child in _children(value):
        found = _find_unserializable(child, path + suffix)
        if found is not None:
            return found
    return path, value


def _unserializable_error(
    meta: CallbackMeta, response: dict, side_updates: dict
) -> exceptions.InvalidCallbackReturnValue:
    places = [("", response), ("dash.set_props: ", side_updates)]
    for label, updates in places:
        for id_text, props in updates.items():
            for prop, value in props.items():
                found = _find_unserializable(value, f"{id_text}.{prop}")
                if found is not None:
                    path, bad = found
                    return exceptions.InvalidCallbackReturnValue(
                        f"The callback {meta.name} returned a value that cannot be sent to the "
                        f"browser: {label}{path} is a {type(bad).__name__}: {bad!r}. Outputs "
                        "must be JSON-serialisable: components, strings, numbers, booleans, "
                        "None, and lists or dicts of those."
                    )
    return exceptions.InvalidCallbackReturnValue(
        f"The callback {meta.name} returned a value that cannot be encoded as JSON."
    )


def _encode(meta: CallbackMeta, payload: dict, response: dict, side_updates: dict) -> bytes:
    try:
        return to_json_bytes(payload)
    except TypeError:
        raise _unserializable_error(meta, response, side_updates) from None


# ---------------------------------------------------------------------- entry


def _interim_result(interim: _background.Interim, run: CallbackRun) -> DispatchResult:
    if interim.payload is None:
        return DispatchResult(204, b"", run.reply_headers(), run.reply_cookies(), run.timing)
    return DispatchResult(
        200, to_json_bytes(interim.payload), run.reply_headers(), run.reply_cookies(), run.timing
    )


def dispatch(
    callback_map: dict,
    body: object,
    *,
    request: RequestInfo | None = None,
    app_on_error: Callable[[Exception], Any] | None = None,
    debug: bool = False,
    background: _background.BackgroundEnv | None = None,
) -> DispatchResult:
    """Run the callback a decoded `_dash-update-component` body asks for.

    Returns 200 with the JSON response, or 204 when the callback raised
    `PreventUpdate` (or a no-output callback changed nothing). Raises
    `BadCallbackRequest` for a malformed body or an unknown output, the
    `InvalidCallbackReturnValue` family for bad return values, and lets any other
    exception of the callback propagate (after `on_error`, if one is set).
    `debug` is accepted for the route's convenience and changes nothing yet.

    Background callbacks (§13) start or poll a job instead of running here;
    `background` carries the query parameters, the app's manager and the handle
    signer. A handle the server did not issue gives `BadCallbackRequest` (400).
    """
    output, inputs, state, changed = _read_body(body)
    entry, meta = _lookup(callback_map, output)
    outputs = _read_outputs(meta, body)  # type: ignore[arg-type]
    values = _argument_values(meta, inputs, state)
    step = None
    if meta.background is not None:
        try:
            step = _background.prepare(meta, background)
        except _background.HandleError as error:
            raise BadCallbackRequest(400, str(error)) from None
    run = CallbackRun(meta, outputs, inputs, state, changed, request)
    token = run.activate()
    try:
        result = _call(entry, meta, values, run, app_on_error, step)
    except _Prevented:
        return DispatchResult(204, b"", run.reply_headers(), run.reply_cookies(), run.timing)
    finally:
        run.deactivate(token)
    progress = None
    if step is not None:
        if isinstance(result, _background.Interim):
            return _interim_result(result, run)
        if isinstance(result, _background.Finished):
            result, progress = result.value, result.progress
    response = _collect_outputs(meta, outputs, result)
    side_updates = run.side_updates
    if meta.no_output and not side_updates:
        return DispatchResult(204, b"", run.reply_headers(), run.reply_cookies(), run.timing)
    payload: dict[str, Any] = {"multi": True}
    if progress:
        payload["progress"] = progress
    if side_updates:
        payload["sideUpdate"] = side_updates
    payload["response"] = response
    return DispatchResult(
        200,
        _encode(meta, payload, response, side_updates),
        run.reply_headers(),
        run.reply_cookies(),
        run.timing,
    )

"""The job side of a background callback: run the user's function away from the request.

A job gets a plain-data copy of the callback context (made before the job
starts, so nothing refers to the HTTP request), runs the function with `ctx`,
`set_props` and the progress setter wired to the manager's store, and stores
its outcome as an envelope the web side turns into the callback's response.
"""

from __future__ import annotations

import asyncio
import inspect
import traceback
from collections.abc import Callable
from typing import Any

from .. import exceptions
from .._callback_context import CallbackRun, RequestInfo
from .._grouping import flatten_grouping, make_grouping_by_index
from .._pages import ignoring_registrations
from .._utils import stringify_id

__all__ = ["job_context", "run_job"]


def job_context(run: CallbackRun) -> dict[str, Any]:
    """A JSON-safe copy of what `ctx` shows during `run`, request data included.

    Called in the web process before the job starts: the request object is gone
    by the time the job reads `ctx.headers` or `ctx.cookies`.
    """
    request = run.request
    return {
        "outputs_list": run.outputs_list,
        "inputs_list": run.inputs_list,
        "states_list": run.states_list,
        "changed_prop_ids": list(run.changed_prop_ids),
        "cookies": dict(request.cookies),
        "headers": dict(request.headers),
        "args": dict(request.args),
        "path": request.path,
        "remote": request.remote,
        "origin": request.origin,
    }


class JobRun(CallbackRun):
    """`ctx` inside a job: the copied context; `set_props` goes straight to the store."""

    def __init__(self, meta: Any, context: dict[str, Any], manager: Any, result_key: str) -> None:
        request = RequestInfo(
            cookies=context.get("cookies") or {},
            headers=context.get("headers") or {},
            args=context.get("args") or {},
            path=context.get("path") or "",
            remote=context.get("remote"),
            origin=context.get("origin"),
        )
        super().__init__(
            meta,
            context.get("outputs_list"),
            context.get("inputs_list") or [],
            context.get("states_list") or [],
            context.get("changed_prop_ids") or [],
            request,
        )
        self.manager = manager
        self.result_key = result_key

    def queue_side_update(self, component_id: Any, props: dict[str, Any]) -> None:
        self.manager.add_updated_props(self.result_key, {stringify_id(component_id): dict(props)})


def _progress_setter(meta: Any, manager: Any, result_key: str) -> Callable[[Any], None]:
    progress = meta.background.progress
    prop_ids = meta.background.progress_ids

    def set_progress(value: Any) -> None:
        values = flatten_grouping(value, progress)
        manager.write_progress(result_key, dict(zip(prop_ids, values, strict=True)))

    return set_progress


def _call(meta: Any, values: list, manager: Any, result_key: str) -> Any:
    func = meta.func
    args: Any = values if meta.trivial_args else make_grouping_by_index(meta.args_index, values)
    leading = [_progress_setter(meta, manager, result_key)] if meta.reports_progress else []
    if meta.args_as_keywords:
        result = func(*leading, **args)
    else:
        result = func(*leading, *args)
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    return result


def _error_envelope(error: BaseException) -> dict[str, str]:
    return {
        "kind": "error",
        "msg": str(error) or type(error).__name__,
        "tb": traceback.format_exc(),
    }


def run_job(manager: Any, meta: Any, result_key: str, values: list, context: dict) -> None:
    """Run the background callback `meta` with argument `values`; store its outcome.

    The outcome under `result_key` is the return value, a PreventUpdate marker,
    or the error message and traceback if the function raised.
    """
    run = JobRun(meta, context, manager, result_key)
    token = run.activate()
    try:
        with ignoring_registrations():
            try:
                envelope: dict[str, Any] = {
                    "kind": "result",
                    "value": _call(meta, values, manager, result_key),
                }
            except exceptions.PreventUpdate:
                envelope = {"kind": "prevent_update"}
            except Exception as error:
                envelope = _error_envelope(error)
    finally:
        run.deactivate(token)
    try:
        manager.write_result(result_key, envelope)
    except TypeError as error:
        message = (
            f"The callback {meta.name} returned a value that cannot be sent to the browser "
            f"({error}). Outputs must be JSON-serialisable: components, strings, numbers, "
            "booleans, None, and lists or dicts of those."
        )
        manager.write_result(result_key, {"kind": "error", "msg": message, "tb": ""})

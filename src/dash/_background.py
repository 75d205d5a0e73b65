"""The background-callback protocol (protocol-server §13), web side, as plain functions.

Dispatch hands a background callback's request here. Without `cacheKey` in the
query the request *starts* a job and the reply names it (`{cacheKey, job,
cancel?, progressDefault?}`); with `cacheKey` it *polls*: progress and
`set_props` updates so far, then the outcome once the job stored one. The
generated cancel callbacks stop the jobs named by `cancelJob`.

Handles are signed (`value~hmac`, see `background_callback._signing`) for the
page that received them. A handle that fails the check is a bad request: the
route answers 400 `{"message": ...}` and nothing is read or stopped. (Dash
ignores such handles silently; a clear 4xx tells a legitimate client that
reloading is needed and tells a forger nothing more.)
"""

from __future__ import annotations

import inspect
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import exceptions
from ._grouping import flatten_grouping, make_grouping_by_index
from ._no_update import NoUpdate
from ._utils import sha256_hex
from .background_callback._job import job_context
from .background_callback._signing import HandleSigner, process_secret
from .background_callback.managers import CACHED_JOB, register_background_function

__all__ = [
    "BackgroundEnv",
    "BackgroundQuery",
    "BackgroundSpec",
    "Finished",
    "HandleError",
    "Interim",
    "cancel_spec",
    "check_circular_updates",
    "prepare",
    "register_background",
]


class HandleError(exceptions.CallbackException):
    """A job handle or page id in the query is not one this server issued (answered 400)."""


# ------------------------------------------------------------------ registration


@dataclass(eq=False)
class BackgroundSpec:
    """A background callback's settings, prepared once when the callback is defined."""

    key: str  # sha256(callback id + source): the function's name in every manager
    source: str
    manager: Any
    progress: Any = None  # grouping of Output, or None
    progress_ids: list[str] = field(default_factory=list)  # "id.prop" per progress output
    progress_default: dict[str, Any] | None = None  # the start reply's `progressDefault`
    cancel: list[dict[str, Any]] = field(default_factory=list)  # the start reply's `cancel`
    cancel_inputs: list[Any] = field(default_factory=list)
    running_ids: list[str] = field(default_factory=list)
    cache_args_to_ignore: frozenset = frozenset()
    cache_ignore_triggered: bool = True
    is_cancel: bool = False  # a generated callback that stops jobs (`cancelJob`)


def _function_source(func: Callable[..., Any]) -> str:
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        code = getattr(func, "__code__", None)
        return f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', func)!r}:" + (
            code.co_code.hex() if code is not None else ""
        )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _progress_default(progress: Any, default: Any, progress_ids: list[str]) -> dict | None:
    if progress is None or default is None:
        return None
    return dict(zip(progress_ids, flatten_grouping(default, progress), strict=True))


def register_background(meta: Any, options: Mapping[str, Any]) -> BackgroundSpec:
    """Prepare `meta`'s background settings and register its function in every manager."""
    source = _function_source(meta.func)
    progress = options.get("progress")
    if isinstance(progress, tuple):
        progress = list(progress)
    progress_ids = [str(output) for output in flatten_grouping(progress)] if progress else []
    cancel_inputs = _as_list(options.get("cancel"))
    spec = BackgroundSpec(
        key=sha256_hex(meta.output_id + source),
        source=source,
        manager=options.get("manager"),
        progress=progress,
        progress_ids=progress_ids,
        progress_default=_progress_default(progress, options.get("progress_default"), progress_ids),
        cancel=[
            {"id": dep.component_id_str(), "property": dep.component_property}
            for dep in cancel_inputs
        ],
        cancel_inputs=cancel_inputs,
        running_ids=[str(entry[0]) for entry in options.get("running") or ()],
        cache_args_to_ignore=frozenset(options.get("cache_args_to_ignore") or ()),
        cache_ignore_triggered=bool(options.get("cache_ignore_triggered", True)),
    )
    register_background_function(spec.key, meta)
    return spec


def cancel_spec(manager: Any) -> BackgroundSpec:
    """Settings of a generated cancel callback: it stops the jobs named by `cancelJob`."""
    return BackgroundSpec(key="", source="", manager=manager, is_cancel=True)


def _output_ids(meta: Any) -> set[str]:
    return {f"{target.id_text}.{target.prop}" for target in meta.targets}


def check_circular_updates(callback_map: Mapping[str, dict]) -> None:
    """Raise `BackgroundCallbackError` if a background callback's progress or running
    updates would trigger it again (directly or through one other callback): each
    trigger would start a new job, forever."""
    metas = [
        entry["meta"]
        for entry in callback_map.values()
        if entry.get("meta") is not None and not entry.get("clientside")
    ]
    for meta in metas:
        spec = getattr(meta, "background", None)
        if spec is None or spec.is_cancel:
            continue
        updated = set(spec.progress_ids) | set(spec.running_ids)
        if not updated:
            continue
        reached = set(updated)
        for other in metas:
            if any(str(dep) in updated for dep in other.flat_inputs):
                reached |= _output_ids(other)
        circular = sorted(str(dep) for dep in meta.flat_inputs if str(dep) in reached)
        if circular:
            raise exceptions.BackgroundCallbackError(
                f"Background callback circular error: {', '.join(circular)} is an Input of the "
                f"background callback {meta.name}, but it is also updated by that callback's "
                "`progress` or `running` outputs (directly or through another callback), so "
                "every update would start the job again. Use different component properties "
                "for progress/running and for the callback's inputs."
            )


# ----------------------------------------------------------------------- request


@dataclass
class BackgroundQuery:
    """The background parameters of a `_dash-update-component` query string."""

    cache_key: str | None = None
    job: str | None = None
    old_jobs: list[str] = field(default_factory=list)
    cancel_jobs: list[str] = field(default_factory=list)
    end_id: str | None = None

    @classmethod
    def from_args(cls, args: Any) -> BackgroundQuery:
        """Read `cacheKey`, `job`, repeated `oldJob`/`cancelJob` and `endId` from query args
        (a werkzeug `MultiDict` or a plain dict)."""
        getlist = getattr(args, "getlist", None)

        def many(name: str) -> list[str]:
            if getlist is not None:
                return list(getlist(name))
            return _as_list(args.get(name))

        return cls(
            cache_key=args.get("cacheKey"),
            job=args.get("job"),
            old_jobs=many("oldJob"),
            cancel_jobs=many("cancelJob"),
            end_id=args.get("endId"),
        )


@dataclass
class BackgroundEnv:
    """What the web layer supplies for background callbacks; read only when one runs."""

    read_query: Callable[[], BackgroundQuery] = BackgroundQuery
    default_manager: Any = None
    get_signer: Callable[[], HandleSigner] | None = None


@dataclass
class Interim:
    """A reply that is not the callback's result: a start reply, a running poll, or 204."""

    payload: dict[str, Any] | None  # None: answer 204


@dataclass
class Finished:
    """The job's return value, plus the last progress read with it."""

    value: Any
    progress: dict[str, Any] | None = None


def _unsign(signer: HandleSigner, kind: str, handle: str, end_id: str, param: str) -> str:
    value = signer.unsign(kind, handle, end_id)
    if value is None:
        raise HandleError(
            f"The `{param}` handle {handle[:80]!r} was not issued to this page by this server "
            "(or the server's secret changed since). Background job handles are signed and "
            "bound to the page that started the job; reload the page and start it again."
        )
    return value


@dataclass
class BackgroundStep:
    """A checked background request, ready to run inside the callback context."""

    meta: Any
    spec: BackgroundSpec
    manager: Any
    signer: HandleSigner
    end_id: str
    query: BackgroundQuery
    cache_key: str | None = None
    job: str | None = None
    old_jobs: list[str] = field(default_factory=list)
    cancel_jobs: list[str] = field(default_factory=list)

    def run(self, values: list, run: Any) -> Any:
        """Start, poll or cancel; the result goes through dispatch like a callback's."""
        if self.spec.is_cancel:
            if self.manager is not None:
                for job in self.cancel_jobs:
                    self.manager.terminate_job(job)
            return NoUpdate()
        if self.cache_key is None:
            return self._start(values, run)
        return self._poll(run)

    # ------------------------------------------------------------------- start

    def _cache_key(self, values: list, run: Any) -> str:
        meta, spec = self.meta, self.spec
        grouping = values if meta.trivial_args else make_grouping_by_index(meta.args_index, values)
        ignore = spec.cache_args_to_ignore
        if isinstance(grouping, dict):
            args: Any = {name: v for name, v in grouping.items() if name not in ignore}
        else:
            args = [v for index, v in enumerate(grouping) if index not in ignore]
        parts: dict[str, Any] = {
            "args": args,
            "fn_source": spec.source,
            "triggered": None if spec.cache_ignore_triggered else list(run.triggered),
        }
        for index, function in enumerate(self.manager.cache_by):
            parts[f"cache_key_{index}"] = function()
        if not self.manager.cache_by:
            # Without cache_by results are not shared: keep identical requests apart.
            parts["request"] = secrets.token_hex(8)
        return sha256_hex(str(parts))

    def _cached(self, key: str) -> bool:
        if not self.manager.cache_by:
            return False
        stored = self.manager.read_result(key)
        if stored is None:
            return False
        if stored.get("kind") == "result":
            return True
        self.manager.clear_result(key)  # errors and PreventUpdate are not reused
        return False

    def _start(self, values: list, run: Any) -> Interim:
        for job in self.old_jobs:
            self.manager.terminate_job(job)
        key = self._cache_key(values, run)
        if self._cached(key):
            job = CACHED_JOB
        else:
            if self.spec.key not in self.manager.functions:
                raise exceptions.BackgroundCallbackError(
                    f"The background callback {self.meta.name} is not registered in its manager "
                    f"{type(self.manager).__name__}."
                )
            job = self.manager.start_job(self.spec.key, key, values, job_context(run))
        payload: dict[str, Any] = {
            "cacheKey": self.signer.sign("cacheKey", key, self.end_id),
            "job": self.signer.sign("job", job, self.end_id),
        }
        if self.spec.cancel:
            payload["cancel"] = self.spec.cancel
        if self.spec.progress_default is not None:
            payload["progressDefault"] = self.spec.progress_default
        return Interim(payload)

    # -------------------------------------------------------------------- poll

    def _poll(self, run: Any) -> Any:
        manager, key, job = self.manager, self.cache_key, self.job
        assert key is not None
        progress = manager.take_progress(key)
        updates = manager.take_updated_props(key)
        outcome = manager.read_result(key)
        if outcome is None:
            if job is not None and manager.job_running(job):
                payload: dict[str, Any] = {"multi": True}
                if progress:
                    payload["progress"] = progress
                if updates:
                    payload["sideUpdate"] = updates
                return Interim(payload)
            outcome = manager.read_result(key)  # it may have finished since the first read
            if outcome is None:
                return Interim(None)  # the job is gone (cancelled or killed): nothing to apply
        for id_text, props in (updates or {}).items():
            run.queue_side_update(id_text, props)
        kind = outcome.get("kind")
        if kind == "result" and manager.cache_by:
            manager.refresh_result(key)
        else:
            manager.clear_result(key)
        if job is not None and manager.job_running(job):
            manager.terminate_job(job)
        if kind == "prevent_update":
            raise exceptions.PreventUpdate
        if kind == "error":
            raise exceptions.BackgroundCallbackError(
                "An error occurred inside a background callback: "
                f"{outcome.get('msg')}\n{outcome.get('tb', '')}"
            )
        return Finished(outcome.get("value"), progress or None)


_DEFAULT_ENV = BackgroundEnv()
_process_signer: HandleSigner | None = None


def _default_signer() -> HandleSigner:
    global _process_signer
    if _process_signer is None:
        _process_signer = HandleSigner(process_secret())
    return _process_signer


def prepare(meta: Any, env: BackgroundEnv | None) -> BackgroundStep:
    """Check a background request's query before anything runs.

    Raises `HandleError` for a handle or `endId` this server did not issue and
    `MissingLongCallbackManagerError` when the callback has no manager.
    """
    spec: BackgroundSpec = meta.background
    env = env or _DEFAULT_ENV
    query = env.read_query()
    signer = env.get_signer() if env.get_signer is not None else _default_signer()
    end_id = query.end_id or ""
    if query.end_id is not None and not signer.end_id_is_valid(query.end_id):
        raise HandleError(
            "The `endId` of this request was not issued by this server (or the server's "
            "secret changed since the page was loaded); reload the page."
        )
    manager = spec.manager or env.default_manager
    step = BackgroundStep(meta, spec, manager, signer, end_id, query)
    if spec.is_cancel:
        step.cancel_jobs = [
            _unsign(signer, "job", handle, end_id, "cancelJob") for handle in query.cancel_jobs
        ]
        return step
    if manager is None:
        raise exceptions.MissingLongCallbackManagerError(
            f"The background callback {meta.name} has no manager. Pass one to the callback "
            "(`manager=DiskcacheManager()`) or to the app "
            "(`Dash(background_callback_manager=...)`)."
        )
    step.old_jobs = [_unsign(signer, "job", h, end_id, "oldJob") for h in query.old_jobs]
    if query.cache_key is not None:
        step.cache_key = _unsign(signer, "cacheKey", query.cache_key, end_id, "cacheKey")
        if query.job is not None:
            step.job = _unsign(signer, "job", query.job, end_id, "job")
    return step

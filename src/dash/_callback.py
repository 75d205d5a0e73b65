"""Callback registration: `@callback`, `clientside_callback` and the dependency specs.

Registering a callback parses its arguments once into a `CallbackMeta` (flat
dependencies, groupings, output targets with their cleaned property names) and
a spec dict (one entry of `/_dash-dependencies`). The spec goes into a callback
list, the metadata into a callback map keyed by the output string; dispatch
then never re-parses anything per request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import exceptions
from ._grouping import (
    flatten_grouping,
    is_flat_index_list,
    make_index_grouping,
    map_grouping,
)
from ._utils import callback_id_item, caller_location, sha256_hex
from .dependencies import (
    ClientsideFunction,
    DashDependency,
    Input,
    Output,
    State,
)

__all__ = [
    "GLOBAL_CALLBACK_LIST",
    "GLOBAL_CALLBACK_MAP",
    "GLOBAL_INLINE_SCRIPTS",
    "CallbackMeta",
    "OutputTarget",
    "callback",
    "clientside_callback",
    "register_callback",
    "register_clientside_callback",
]

GLOBAL_CALLBACK_LIST: list[dict] = []
GLOBAL_CALLBACK_MAP: dict[str, dict] = {}
GLOBAL_INLINE_SCRIPTS: list[str] = []

CLIENTSIDE_NAMESPACE = "_dashprivate_clientside_funcs"

# Keyword arguments of `callback` besides the dependency ones. Background options
# are prepared by `_background.register_background` when the function is decorated.
_SERVER_OPTIONS = {
    "background": False,
    "manager": None,
    "interval": 1000,
    "progress": None,
    "progress_default": None,
    "running": None,
    "cancel": None,
    "cache_args_to_ignore": None,
    "cache_ignore_triggered": True,
    "on_error": None,
    "optional": False,
    "hidden": None,
    "api_endpoint": None,
    "websocket": False,
    "persistent": False,
    "_allow_dynamic_callbacks": False,
}
_CLIENTSIDE_OPTIONS = {
    "optional": False,
    "hidden": None,
    "websocket": False,
    "persistent": False,
}
_DEPENDENCY_KEYWORDS = ("output", "inputs", "state", "prevent_initial_call")


@dataclass(eq=False)
class OutputTarget:
    """One declared output, prepared for checking requests and building responses."""

    dependency: Output
    component_id: Any  # str, or dict maybe holding wildcards
    id_text: str  # stringified id (response key when the id is concrete)
    prop: str  # property name without any `@hash`
    wire_prop: str  # property as the browser sends it (with `@hash` for allow_duplicate)
    is_pattern: bool  # dict id holding a wildcard
    is_list: bool  # ALL in the id: the request and the return value are lists


@dataclass(eq=False)
class CallbackMeta:
    """Everything dispatch needs about one callback, computed once at registration."""

    output_id: str
    outputs: Any  # grouping of Output objects; None for a no-output callback
    targets: list[OutputTarget]
    multi: bool  # the outputs are a list/dict grouping (the function returns one value each)
    flat_multi: bool  # the outputs are a plain list: the return value is a list of equal length
    no_output: bool
    outputs_index: Any  # outputs grouping with leaves 0..n-1
    flat_inputs: list[Input]
    flat_state: list[State]
    arg_is_list: tuple[bool, ...]  # per Input then State: does the request hold a list?
    args_index: Any  # argument grouping (list or dict) with leaves indexing inputs+state
    args_as_keywords: bool  # dict grouping: the function takes keyword arguments
    trivial_args: bool  # plain positional Inputs then States: values pass straight through
    using_args_grouping: bool
    using_outputs_grouping: bool
    clientside: bool = False
    func: Callable[..., Any] | None = None
    on_error: Callable[[Exception], Any] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    reports_progress: bool = False  # background with `progress`: the function gets a setter first
    background: Any = None  # `_background.BackgroundSpec` of a background (or cancel) callback
    n_inputs: int = field(init=False)
    n_state: int = field(init=False)

    def __post_init__(self) -> None:
        self.n_inputs = len(self.flat_inputs)
        self.n_state = len(self.flat_state)

    @property
    def name(self) -> str:
        """How messages name the callback: its function name and output string."""
        func_name = getattr(self.func, "__name__", None)
        if func_name:
            return f"`{func_name}` (output {self.output_id!r})"
        return f"for output {self.output_id!r}"


@dataclass
class _Dependencies:
    outputs: Any  # grouping of Output, or None
    multi: bool
    inputs_grouping: Any  # list (positional) or dict (keyword) of Input/State groupings
    prevent_initial_call: Any


# --------------------------------------------------------------------------- parsing


def _check_dependency(arg: Any, allowed: tuple[type, ...], role: str) -> None:
    if hasattr(arg, "component_event"):
        raise exceptions.NonExistentEventException(
            f"{arg!r} uses `component_event`: events were removed from Dash. "
            "Use an Input on a property instead, e.g. Input('button', 'n_clicks')."
        )
    if isinstance(arg, allowed):
        return
    if isinstance(arg, Output):
        raise exceptions.IncorrectTypeException(
            f"{arg!r} appears after an Input or State. Outputs must come first in the "
            "callback arguments: @callback(Output(...), Input(...), State(...))."
        )
    if isinstance(arg, DashDependency):
        raise exceptions.IncorrectTypeException(
            f"{arg!r} cannot be used as {role}; expected "
            + " or ".join(kind.__name__ for kind in allowed)
            + "."
        )
    raise exceptions.IncorrectTypeException(
        f"Callback arguments must be Output, Input or State objects (or lists and dicts of "
        f"them); got {arg!r} ({type(arg).__name__}) as {role}."
    )


def _is_output_dict(arg: Any) -> bool:
    return (
        isinstance(arg, dict)
        and bool(arg)
        and all(isinstance(leaf, Output) for leaf in flatten_grouping(arg))
    )


def _split_outputs(args: tuple, flat: list, kwargs: dict) -> tuple[Any, bool, list]:
    """(outputs grouping or None, multi, remaining positional arguments)."""
    if "output" in kwargs:
        outputs = kwargs.pop("output")
        if any(isinstance(arg, Output) for arg in flat):
            raise exceptions.IncorrectTypeException(
                "Outputs were given both positionally and with `output=`; use one or the other."
            )
        if outputs is not None and not isinstance(outputs, (Output, list, tuple, dict)):
            raise ValueError(
                f"`output=` must be an Output or a list, tuple or dict of Outputs, got {outputs!r}."
            )
        explicit_list = isinstance(outputs, (list, tuple))
        rest = flat
    elif flat and _is_output_dict(flat[0]):
        outputs, explicit_list, rest = flat[0], False, flat[1:]
    else:
        count = 0
        while count < len(flat) and isinstance(flat[count], Output):
            count += 1
        outputs, rest = flat[:count], flat[count:]
        explicit_list = isinstance(args[0], (list, tuple)) if args else False
    if isinstance(outputs, tuple):
        outputs = list(outputs)
    if isinstance(outputs, list) and len(outputs) == 1 and not explicit_list:
        outputs = outputs[0]
    if outputs is None or (isinstance(outputs, (list, dict)) and not outputs):
        return None, False, rest
    for leaf in flatten_grouping(outputs):
        _check_dependency(leaf, (Output,), "an output")
    return outputs, not isinstance(outputs, Output), rest


def _as_grouping(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value if isinstance(value, (list, dict)) else [value]


def _keyword_inputs(inputs: Any, state: Any) -> Any:
    inputs = _as_grouping(inputs)
    if state is None:
        return inputs
    state = _as_grouping(state)
    if isinstance(inputs, dict) and isinstance(state, dict):
        shared = inputs.keys() & state.keys()
        if shared:
            raise ValueError(f"`inputs=` and `state=` both use the keys {sorted(shared)}.")
        return {**inputs, **state}
    if isinstance(inputs, list) and isinstance(state, list):
        return inputs + state
    raise ValueError(
        "`inputs=` and `state=` must both be dicts or both be lists; got "
        f"{type(inputs).__name__} and {type(state).__name__}."
    )


def _split_inputs(rest: list, kwargs: dict) -> Any:
    """The argument grouping: a list (positional arguments) or a dict (keyword arguments)."""
    if "inputs" in kwargs:
        if rest:
            raise ValueError(
                "Inputs were given both positionally and with `inputs=`; use one or the other."
            )
        return _keyword_inputs(kwargs.pop("inputs"), kwargs.pop("state", None))
    if "state" in kwargs:
        raise ValueError("`state=` needs `inputs=`: give the Inputs with `inputs=` as well.")
    if len(rest) == 1 and isinstance(rest[0], dict):
        return rest[0]
    return list(rest)


def parse_dependencies(args: tuple, kwargs: dict) -> _Dependencies:
    """Sort `callback(...)` arguments into outputs, argument grouping and prevent_initial_call.

    `kwargs` is consumed: the dependency keywords are removed from it.
    """
    prevent_initial_call = kwargs.pop("prevent_initial_call", None)
    if prevent_initial_call is None and args and isinstance(args[-1], bool):
        prevent_initial_call = args[-1]
        args = args[:-1]
    flat: list[Any] = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            flat.extend(arg)
        else:
            flat.append(arg)
    outputs, multi, rest = _split_outputs(args, flat, kwargs)
    inputs_grouping = _split_inputs(rest, kwargs)
    return _Dependencies(outputs, multi, inputs_grouping, prevent_initial_call)


# ------------------------------------------------------------------------- metadata


def _argument_layout(grouping: Any) -> tuple[list[Input], list[State], Any]:
    """Flat Inputs, flat States and the grouping re-written with indices into Inputs+States."""
    leaves = flatten_grouping(grouping)
    for leaf in leaves:
        _check_dependency(leaf, (Input, State), "an input or state")
    flat_inputs = [leaf for leaf in leaves if isinstance(leaf, Input)]
    flat_state = [leaf for leaf in leaves if not isinstance(leaf, Input)]
    n_inputs = len(flat_inputs)
    positions: list[int] = []
    seen_inputs = seen_state = 0
    for leaf in leaves:
        if isinstance(leaf, Input):
            positions.append(seen_inputs)
            seen_inputs += 1
        else:
            positions.append(n_inputs + seen_state)
            seen_state += 1
    next_position = iter(positions)
    index = map_grouping(lambda _leaf: next(next_position), grouping)
    return flat_inputs, flat_state, index


def _output_target(output: Output, input_hash: str) -> OutputTarget:
    id_text = output.component_id_str()
    wire_prop = output.component_property
    if output.allow_duplicate:
        wire_prop = f"{wire_prop}@{input_hash}"
    return OutputTarget(
        dependency=output,
        component_id=output.component_id,
        id_text=id_text,
        prop=output.component_property,
        wire_prop=wire_prop,
        is_pattern=output.has_wildcard(),
        is_list=output.is_list(),
    )


def _output_string(targets: list[OutputTarget], multi: bool, inputs: list[Input]) -> str:
    if not targets:
        source = ".".join(str(dep) for dep in inputs) if inputs else caller_location()
        return sha256_hex(source)
    items = [callback_id_item(target.id_text, target.wire_prop) for target in targets]
    if not multi:
        return items[0]
    return ".." + "...".join(items) + ".."


def build_meta(deps: _Dependencies, clientside: bool = False) -> CallbackMeta:
    """The per-callback metadata that dispatch relies on."""
    flat_inputs, flat_state, args_index = _argument_layout(deps.inputs_grouping)
    args_as_keywords = isinstance(args_index, dict)
    if args_as_keywords:
        for key in args_index:
            if not isinstance(key, str) or not key.isidentifier():
                raise exceptions.CallbackException(
                    f"The dict of callback inputs uses the key {key!r}, which is not a valid "
                    "Python argument name; the dict keys become keyword arguments."
                )
    flat_outputs = flatten_grouping(deps.outputs) if deps.outputs is not None else []
    input_hash = sha256_hex(".".join(str(dep) for dep in flat_inputs))
    targets = [_output_target(output, input_hash) for output in flat_outputs]
    outputs_index = make_index_grouping(deps.outputs) if deps.multi else 0
    flat_multi = deps.multi and is_flat_index_list(outputs_index)
    trivial_args = not args_as_keywords and is_flat_index_list(args_index)
    return CallbackMeta(
        output_id=_output_string(targets, deps.multi, flat_inputs),
        outputs=deps.outputs,
        targets=targets,
        multi=deps.multi,
        flat_multi=flat_multi,
        no_output=not targets,
        outputs_index=outputs_index,
        flat_inputs=flat_inputs,
        flat_state=flat_state,
        arg_is_list=tuple(dep.is_list() for dep in (*flat_inputs, *flat_state)),
        args_index=args_index,
        args_as_keywords=args_as_keywords,
        trivial_args=trivial_args,
        using_args_grouping=not trivial_args,
        using_outputs_grouping=deps.multi and not flat_multi,
        clientside=clientside,
    )


# ----------------------------------------------------------------------------- specs


def _effective_prevent_initial_call(value: Any, config_default: Any) -> Any:
    return config_default if value is None else value


def _check_allow_duplicate(meta: CallbackMeta, prevent_initial_call: Any) -> None:
    duplicates = [t.dependency for t in meta.targets if t.dependency.allow_duplicate]
    if duplicates and not prevent_initial_call:
        names = ", ".join(str(dep) for dep in duplicates)
        raise exceptions.DuplicateCallback(
            f"allow_duplicate=True on {names} requires prevent_initial_call=True, because the "
            "order of initial calls between callbacks sharing an output is not guaranteed. "
            "Set prevent_initial_call=True, or prevent_initial_call='initial_duplicate' on the "
            "callback (or prevent_initial_callbacks='initial_duplicate' on the app) to keep "
            "the initial call."
        )


def _running_spec(running: Any) -> dict[str, dict[str, Any]]:
    on: dict[str, Any] = {}
    off: dict[str, Any] = {}
    for entry in running:
        if not (
            isinstance(entry, (list, tuple)) and len(entry) == 3 and isinstance(entry[0], Output)
        ):
            raise exceptions.IncorrectTypeException(
                f"Each `running` entry must be a tuple (Output, value_while_running, "
                f"value_when_done); got {entry!r}."
            )
        output, while_running, when_done = entry
        on[str(output)] = while_running
        off[str(output)] = when_done
    return {"running": on, "runningOff": off}


def _check_background_options(options: dict[str, Any]) -> None:
    for name in ("progress", "cancel"):
        value = options.get(name)
        if value is None:
            continue
        for dep in flatten_grouping(_as_grouping(value)):
            if isinstance(dep, DashDependency) and dep.has_wildcard():
                raise exceptions.WildcardInLongCallback(
                    f"`{name}` of a background callback cannot use wildcard ids; "
                    f"{dep!r} holds a wildcard."
                )
    progress, default = options.get("progress"), options.get("progress_default")
    if (
        isinstance(progress, (list, tuple))
        and isinstance(default, (list, tuple))
        and len(progress) != len(default)
    ):
        raise Exception(
            f"`progress_default` has {len(default)} values but `progress` has "
            f"{len(progress)} outputs; give one default per progress output."
        )


def _spec(
    meta: CallbackMeta,
    prevent_initial_call: Any,
    options: dict[str, Any],
    clientside_function: dict[str, str] | None,
) -> dict[str, Any]:
    if clientside_function is not None:
        dynamic_creator: Any = False
    else:
        dynamic_creator = True if options.get("_allow_dynamic_callbacks") else None
    background = options.get("background")
    spec: dict[str, Any] = {
        "output": meta.output_id,
        "inputs": [dep.to_dict() for dep in meta.flat_inputs],
        "state": [dep.to_dict() for dep in meta.flat_state],
        "clientside_function": clientside_function,
        "prevent_initial_call": prevent_initial_call is True,
        "background": {"interval": options.get("interval", 1000)} if background else None,
        "dynamic_creator": dynamic_creator,
        "no_output": meta.no_output,
        "optional": bool(options.get("optional", False)),
        "hidden": options.get("hidden"),
        "websocket": bool(options.get("websocket", False)),
        "persistent": bool(options.get("persistent", False)),
    }
    if options.get("running"):
        spec["running"] = _running_spec(options["running"])
    return spec


def _take_options(kwargs: dict, known: dict[str, Any], what: str) -> dict[str, Any]:
    options = {}
    for name, default in known.items():
        options[name] = kwargs.pop(name, default)
    for name in list(kwargs):
        if name.startswith("mcp_"):
            options[name] = kwargs.pop(name)
    unknown = [name for name in kwargs if name not in _DEPENDENCY_KEYWORDS]
    if unknown:
        allowed = ", ".join(sorted({*known, *_DEPENDENCY_KEYWORDS} - {"_allow_dynamic_callbacks"}))
        raise TypeError(
            f"{what} got unexpected keyword argument(s) {', '.join(map(repr, unknown))}; "
            f"accepted keywords are: {allowed}."
        )
    return options


def _insert(
    callback_list: list[dict], callback_map: dict[str, dict], spec: dict, meta: CallbackMeta
) -> None:
    callback_list.append(spec)
    callback_map[meta.output_id] = {
        "inputs": spec["inputs"],
        "state": spec["state"],
        "raw_inputs": meta.flat_inputs,
        "callback": meta.func,
        "meta": meta,
        "spec": spec,
        "no_output": meta.no_output,
        "clientside": meta.clientside,
    }


def register_callback(
    callback_list: list[dict],
    callback_map: dict[str, dict],
    config_prevent_initial_callbacks: Any,
    *args: Any,
    **kwargs: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Parse a server callback's dependencies now; return the decorator that registers it.

    The decorator appends the spec to `callback_list`, stores the callback under
    its output string in `callback_map`, and returns the function unchanged.
    Definition mistakes raise here, before the function is decorated.
    """
    options = _take_options(kwargs, _SERVER_OPTIONS, "callback()")
    _check_background_options(options)
    deps = parse_dependencies(args, kwargs)
    meta = build_meta(deps)
    prevent_initial_call = _effective_prevent_initial_call(
        deps.prevent_initial_call, config_prevent_initial_callbacks
    )
    _check_allow_duplicate(meta, prevent_initial_call)
    meta.on_error = options["on_error"]
    meta.options = options
    meta.reports_progress = bool(options["background"]) and options["progress"] is not None
    spec = _spec(meta, prevent_initial_call, options, None)

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        meta.func = func
        if options["background"]:
            from ._background import register_background

            meta.background = register_background(meta, options)
        _insert(callback_list, callback_map, spec, meta)
        return func

    return register


def _inline_script(function_name: str, source: str) -> str:
    namespace = json.dumps(CLIENTSIDE_NAMESPACE)
    return (
        "(function (clientside) {\n"
        f"  var funcs = clientside[{namespace}] = clientside[{namespace}] || {{}};\n"
        f"  funcs[{json.dumps(function_name)}] = {source}\n"
        "  ;\n"
        "})(window.dash_clientside = window.dash_clientside || {});"
    )


def register_clientside_callback(
    callback_list: list[dict],
    callback_map: dict[str, dict],
    config_prevent_initial_callbacks: Any,
    inline_scripts: list[str],
    clientside_function: ClientsideFunction | str,
    *args: Any,
    **kwargs: Any,
) -> None:
    """Register a callback that runs in the browser.

    `clientside_function` is a `ClientsideFunction(namespace, name)` or the
    JavaScript source of a function; a source is installed by an inline page
    script under `dash_clientside._dashprivate_clientside_funcs[<sha256>]`.
    """
    options = _take_options(kwargs, _CLIENTSIDE_OPTIONS, "clientside_callback()")
    deps = parse_dependencies(args, kwargs)
    meta = build_meta(deps, clientside=True)
    prevent_initial_call = _effective_prevent_initial_call(
        deps.prevent_initial_call, config_prevent_initial_callbacks
    )
    _check_allow_duplicate(meta, prevent_initial_call)
    meta.options = options
    if isinstance(clientside_function, ClientsideFunction):
        function_spec = clientside_function.to_dict()
    elif isinstance(clientside_function, str):
        name = sha256_hex(clientside_function)
        inline_scripts.append(_inline_script(name, clientside_function))
        function_spec = {"namespace": CLIENTSIDE_NAMESPACE, "function_name": name}
    else:
        raise exceptions.IncorrectTypeException(
            "clientside_callback needs a ClientsideFunction(namespace, function_name) or the "
            f"JavaScript source of a function as its first argument, got {clientside_function!r}."
        )
    spec = _spec(meta, prevent_initial_call, options, function_spec)
    _insert(callback_list, callback_map, spec, meta)


def callback(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a server callback without an app object (`@dash.callback`).

    Arguments: Outputs first, then Inputs and States (in lists, tuples or a dict
    of keyword arguments), optionally a final `prevent_initial_call` bool, plus
    the keyword options of `app.callback`. The app's `prevent_initial_callbacks`
    default does not apply here. Returns a decorator that gives back the
    function unchanged.
    """
    return register_callback(GLOBAL_CALLBACK_LIST, GLOBAL_CALLBACK_MAP, False, *args, **kwargs)


def clientside_callback(
    clientside_function: ClientsideFunction | str, *args: Any, **kwargs: Any
) -> None:
    """Declare a browser-side callback without an app object (`dash.clientside_callback`)."""
    register_clientside_callback(
        GLOBAL_CALLBACK_LIST,
        GLOBAL_CALLBACK_MAP,
        False,
        GLOBAL_INLINE_SCRIPTS,
        clientside_function,
        *args,
        **kwargs,
    )

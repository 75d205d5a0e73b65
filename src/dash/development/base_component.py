"""The `Component` base class shared by every Dash component, and its registry.

A component is a Python object holding the props that were explicitly passed to
it; `to_plotly_json()` turns it into the `{"props", "type", "namespace"}` shape
the renderer draws. Generated component classes (ours and third-party ones)
subclass `Component`; defining such a class registers its package so the
server can find the package's scripts.

Per-class facts (allowed prop names, wildcard prefixes, which props may hold
components) are worked out once per class and cached in `_ClassFacts`, so that
building and serialising large layouts does no per-call introspection.
"""

from __future__ import annotations

import abc
import functools
import inspect
import random
import re
import sys
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Union

__all__ = [
    "Component",
    "ComponentMeta",
    "ComponentRegistry",
    "ComponentType",
    "_explicitize_args",
]


class _Sentinel:
    """A named marker value (`Component.UNDEFINED`, `Component.REQUIRED`)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name

    __str__ = __repr__


class _OrderedNameSet:
    """An insertion-ordered set of names: the top-level modules of component packages."""

    def __init__(self) -> None:
        self._names: dict[str, None] = {}

    def add(self, name: str) -> None:
        """Remember `name`, keeping the position of its first addition."""
        self._names[name] = None

    def discard(self, name: str) -> None:
        """Forget `name` if it is present."""
        self._names.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"_OrderedNameSet({list(self._names)!r})"


class ComponentRegistry:
    """What the server needs to know about the component packages imported so far.

    * `registry`: top-level module names of component packages, in import order.
    * `children_props`: `{namespace: {TypeName: [paths of component-valued props]}}`
      (the value is None for old-style classes that do not declare them).
    * `namespace_to_package`: `{namespace: top-level module name}`.
    """

    registry = _OrderedNameSet()
    children_props: dict[str, dict[str, list[str] | None]] = {}
    namespace_to_package: dict[str, str] = {}

    @classmethod
    def get_resources(cls, resource_name: str, exclude: Sequence[str] = ()) -> list[dict]:
        """Concatenate the `resource_name` lists (`_js_dist` / `_css_dist`) of the
        registered packages, in registry order, skipping the modules in `exclude`."""
        resources: list[dict] = []
        for module_name in cls.registry:
            if module_name in exclude:
                continue
            module = sys.modules.get(module_name)
            resources.extend(getattr(module, resource_name, None) or [])
        return resources


# A path step of a `_children_props` entry: ("key", name), ("list", "") or ("dict", "").
_Step = tuple[str, str]
_PATH_TOKEN = re.compile(r"\[\]|\{\}|[^.\[\]{}]+")


def _parse_children_prop(path: str) -> tuple[_Step, ...]:
    """Split a children_props path such as `options[].label` into steps."""
    steps: list[_Step] = []
    for token in _PATH_TOKEN.findall(path):
        if token == "[]":
            steps.append(("list", ""))
        elif token == "{}":
            steps.append(("dict", ""))
        else:
            steps.append(("key", token))
    return tuple(steps)


class _ClassFacts:
    """What `Component` needs to know about one component class, computed once."""

    __slots__ = (
        "prop_names",
        "prop_order",
        "wildcards",
        "base_nodes",
        "children_paths",
        "deprecation",
        "type_name",
        "namespace",
    )

    def __init__(self, source: Any, cls: type) -> None:
        """Read the facts from `source`: the class itself, or (for classes that set
        them in `__init__`) a freshly initialised instance."""
        names = list(getattr(source, "_prop_names", None) or ())
        self.prop_order: tuple[str, ...] = tuple(names)
        self.prop_names: frozenset[str] = frozenset(names)
        self.wildcards: tuple[str, ...] = tuple(
            getattr(source, "_valid_wildcard_attributes", None) or ()
        )
        self.base_nodes: frozenset[str] = frozenset(
            getattr(source, "_base_nodes", None) or ("children",)
        )
        self.children_paths: tuple[tuple[_Step, ...], ...] = tuple(
            _parse_children_prop(path) for path in getattr(source, "_children_props", None) or ()
        )
        self.deprecation: str | None = getattr(source, "_deprecation_message", None)
        self.type_name: str = getattr(source, "_type", None) or cls.__name__
        self.namespace: str = getattr(source, "_namespace", None) or cls.__module__.split(".")[0]


_FACTS: dict[type, _ClassFacts] = {}


def _facts_of(component: Component) -> _ClassFacts:
    """The cached facts of the component's class, learning them on first use."""
    cls = type(component)
    facts = _FACTS.get(cls)
    if facts is None:
        facts = _FACTS[cls] = _ClassFacts(component, cls)
    return facts


class ComponentMeta(abc.ABCMeta):
    """Registers every component class in `ComponentRegistry` when it is defined."""

    def __new__(mcs, name: str, bases: tuple[type, ...], attributes: dict[str, Any]):
        cls = super().__new__(mcs, name, bases, attributes)
        module = attributes.get("__module__", "").split(".")[0]
        is_base_class = not any(isinstance(base, ComponentMeta) for base in bases)
        if is_base_class or module == "builtins":
            return cls
        namespace = attributes.get("_namespace", module)
        ComponentRegistry.registry.add(module)
        ComponentRegistry.namespace_to_package[namespace] = module
        ComponentRegistry.children_props.setdefault(namespace, {})[name] = attributes.get(
            "_children_props"
        )
        if "_prop_names" in attributes:
            # New-style classes declare everything on the class: learn it now.
            _FACTS[cls] = _ClassFacts(cls, cls)
        return cls


_SUITE_ALIASES = {
    "dash_html_components": "html",
    "dash_core_components": "dcc",
    "dash_table": "dash_table",
}


def _package_version(namespace: str) -> str:
    """The `__version__` of the package behind `namespace`, or "unknown"."""
    for module_name in (namespace, ComponentRegistry.namespace_to_package.get(namespace)):
        module = sys.modules.get(module_name) if module_name else None
        version = getattr(module, "__version__", None)
        if version:
            return str(version)
    return "unknown"


def _describe(component: Component, kwargs: dict[str, Any]) -> str:
    """Start of an error message naming the component, its version and its id."""
    facts = _facts_of(component)
    suite = _SUITE_ALIASES.get(facts.namespace, facts.namespace)
    with_id = f' with the ID "{kwargs["id"]}"' if "id" in kwargs else ""
    return (
        f"The `{suite}.{facts.type_name}` component "
        f"(version {_package_version(facts.namespace)}){with_id}"
    )


def _reject_unknown_prop(component: Component, name: str, kwargs: dict[str, Any]) -> None:
    facts = _facts_of(component)
    allowed = ", ".join(sorted(facts.prop_names))
    raise TypeError(
        f"{_describe(component, kwargs)} received an unexpected keyword argument: `{name}`\n"
        f"Allowed arguments: {allowed}"
    )


def _reject_component_value(component: Component, name: str, value: Any, kwargs: dict) -> None:
    raise TypeError(
        f"{_describe(component, kwargs)} detected a Component for a prop other than "
        f"`children`: prop `{name}` got {value!r}.\n"
        "Did you forget to wrap several children in a list? "
        'Write html.Div(["a", "b"]) rather than html.Div("a", "b").'
    )


_ID_VALUE_TYPES = (str, int, float, bool)


def _check_id(component: Component, value: Any, kwargs: dict[str, Any]) -> None:
    """Raise TypeError unless `value` is a usable component id (None means no id)."""
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, dict):
        raise TypeError(
            f"{_describe(component, kwargs)} has an `id` of type {type(value).__name__}: "
            f"{value!r}. An `id` must be a string, or a dict for pattern-matching callbacks."
        )
    for key, part in value.items():
        if not isinstance(key, str):
            raise TypeError(
                f"{_describe(component, kwargs)} has a dict `id` with the key {key!r} of type "
                f"{type(key).__name__}. The keys of a dict id must be strings."
            )
        if not isinstance(part, _ID_VALUE_TYPES):
            raise TypeError(
                f"{_describe(component, kwargs)} has a dict `id` whose key `{key}` holds "
                f"{part!r} of type {type(part).__name__}. "
                "The values of a dict id must be strings, numbers or booleans."
            )


_random_ids = random.Random(0)


def _walk_path(value: Any, steps: tuple[_Step, ...], label: str) -> Iterator[tuple[str, Any]]:
    """Follow children_props `steps` from `value`, yielding (label, value found)."""
    if not steps:
        yield label, value
        return
    kind, key = steps[0]
    rest = steps[1:]
    if kind == "key":
        if isinstance(value, dict) and key in value:
            yield from _walk_path(value[key], rest, f"{label}.{key}")
    elif kind == "list":
        if isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from _walk_path(item, rest, f"{label}[{index}]")
    elif isinstance(value, dict):
        for dict_key, item in value.items():
            yield from _walk_path(item, rest, f"{label}{{{dict_key}}}")


def _spread(label: str, value: Any) -> Iterator[tuple[str, Any]]:
    """A node-holding value as (label, node) pairs: one per list item, or itself."""
    if value is None:
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield f"{label}[{index}]", item
    else:
        yield label, value


def _node_name(node: Any) -> str:
    """Type name of a node, with its id when it has one (for traversal paths)."""
    node_id = getattr(node, "id", None) if isinstance(node, Component) else None
    suffix = f"(id={node_id!r})" if node_id is not None else ""
    return f"{type(node).__name__}{suffix}"


class Component(metaclass=ComponentMeta):
    """Base class of every Dash component (html, dcc, dash_table and third-party suites).

    Subclasses describe their props with `_prop_names`, `_valid_wildcard_attributes`,
    `_base_nodes`, `_children_props`, `_type` and `_namespace`, either on the class
    (new style) or on the instance before calling `Component.__init__` (old style).
    The constructor checks each keyword argument and stores it as an attribute.
    """

    UNDEFINED = _Sentinel("undefined")
    REQUIRED = _Sentinel("required")

    _prop_names: list[str] = []
    _valid_wildcard_attributes: list[str] = []
    _base_nodes: list[str] = ["children"]
    _children_props: list[str] = []
    _deprecation_message: str | None = None

    def __init__(self, **kwargs: Any) -> None:
        facts = _facts_of(self)
        allowed = facts.prop_names
        wildcards = facts.wildcards
        nodes = facts.base_nodes
        undefined = Component.UNDEFINED
        for name, value in kwargs.items():
            if value is undefined:
                continue
            if name not in allowed and not name.startswith(wildcards):
                _reject_unknown_prop(self, name, kwargs)
            if isinstance(value, Component) and name not in nodes:
                _reject_component_value(self, name, value, kwargs)
            if name == "id":
                _check_id(self, value, kwargs)
            setattr(self, name, value)
        if facts.deprecation:
            warnings.warn(facts.deprecation, DeprecationWarning, stacklevel=4)

    # -- serialisation -----------------------------------------------------------

    def to_plotly_json(self) -> dict[str, Any]:
        """The wire shape: `{"props": {explicitly set props}, "type", "namespace"}`.

        Nested components stay as Component objects; the JSON encoder recurses.
        """
        facts = _facts_of(self)
        allowed = facts.prop_names
        wildcards = facts.wildcards
        props = {
            name: value
            for name, value in self.__dict__.items()
            if name in allowed or (wildcards and name.startswith(wildcards))
        }
        return {"props": props, "type": facts.type_name, "namespace": facts.namespace}

    # -- traversal ---------------------------------------------------------------

    def _direct_nodes(self) -> Iterator[tuple[str, Any]]:
        """(label, node) for each node held directly: `children` items first, then
        the values found at the class's `_children_props` paths."""
        yield from _spread("children", getattr(self, "children", None))
        for steps in _facts_of(self).children_paths:
            first = steps[0][1]
            start = getattr(self, first, None)
            if start is None:
                continue
            for label, value in _walk_path(start, steps[1:], first):
                yield from _spread(label, value)

    def _traverse(self) -> Iterator[Any]:
        """Every descendant node (components, strings, numbers), depth-first."""
        for _, node in self._direct_nodes():
            yield node
            if isinstance(node, Component):
                yield from node._traverse()

    def _traverse_with_paths(self) -> Iterator[tuple[str, Any]]:
        """Every descendant node with a readable path to it, depth-first.

        A path reads like `children[1] Div(id='x') > label Span`.
        """
        for label, node in self._direct_nodes():
            path = f"{label} {_node_name(node)}"
            yield path, node
            if isinstance(node, Component):
                for sub_path, sub_node in node._traverse_with_paths():
                    yield f"{path} > {sub_path}", sub_node

    def _traverse_ids(self) -> Iterator[Component]:
        """Every descendant component that has an id, depth-first."""
        for node in self._traverse():
            if isinstance(node, Component) and getattr(node, "id", None) is not None:
                yield node

    def __iter__(self) -> Iterator[Any]:
        """The ids of the descendants, depth-first (not this component's own id)."""
        for node in self._traverse_ids():
            yield node.id

    def __len__(self) -> int:
        """How many nodes the children tree holds, strings and numbers included."""
        children = getattr(self, "children", None)
        if children is None:
            return 0
        if isinstance(children, Component):
            return 1 + len(children)
        if isinstance(children, (list, tuple)):
            total = 0
            for child in children:
                total += 1
                if isinstance(child, Component):
                    total += len(child)
            return total
        return 1

    # -- item access by id -------------------------------------------------------

    def _locate(self, target: Any) -> tuple[Component, int | None] | None:
        """Find the component with id `target` among the descendants (through
        `children` only): (its parent, its index in the parent's list or None)."""
        children = getattr(self, "children", None)
        if isinstance(children, Component):
            if getattr(children, "id", _MISSING) == target:
                return self, None
            return children._locate(target)
        if isinstance(children, (list, tuple)):
            for index, child in enumerate(children):
                if not isinstance(child, Component):
                    continue
                if getattr(child, "id", _MISSING) == target:
                    return self, index
                found = child._locate(target)
                if found is not None:
                    return found
        return None

    def _locate_or_raise(self, target: Any) -> tuple[Component, int | None]:
        children = getattr(self, "children", None)
        if not isinstance(children, (Component, list, tuple)):
            raise KeyError
        found = self._locate(target)
        if found is None:
            raise KeyError(target)
        return found

    def __getitem__(self, target: Any) -> Component:
        """The descendant component whose id is `target` (KeyError if none)."""
        parent, index = self._locate_or_raise(target)
        return parent.children if index is None else parent.children[index]

    def __setitem__(self, target: Any, component: Any) -> None:
        """Replace the descendant whose id is `target` with `component`."""
        parent, index = self._locate_or_raise(target)
        if index is None:
            parent.children = component
        elif isinstance(parent.children, tuple):
            siblings = parent.children
            parent.children = siblings[:index] + (component,) + siblings[index + 1 :]
        else:
            parent.children[index] = component

    def __delitem__(self, target: Any) -> None:
        """Remove the descendant whose id is `target` (a single child becomes None)."""
        parent, index = self._locate_or_raise(target)
        if index is None:
            parent.children = None
        elif isinstance(parent.children, tuple):
            siblings = parent.children
            parent.children = siblings[:index] + siblings[index + 1 :]
        else:
            del parent.children[index]

    # -- misc ----------------------------------------------------------------------

    def __repr__(self) -> str:
        facts = _facts_of(self)
        state = self.__dict__
        shown = [name for name in facts.prop_order if state.get(name) is not None]
        if facts.wildcards:
            shown += [name for name in state if name.startswith(facts.wildcards)]
        if any(name != "children" for name in shown):
            inner = ", ".join(f"{name}={state[name]!r}" for name in shown)
        else:
            inner = repr(getattr(self, "children", None))
        return f"{facts.type_name}({inner})"

    def _set_random_id(self) -> Any:
        """Give the component a deterministic random id unless it has one; return the id.

        Used when a component object (rather than an id) is given to a callback
        dependency. The ids come from one `random.Random(0)` stream, so every
        process of a multi-worker server assigns the same ids in the same order.
        """
        existing = getattr(self, "id", None)
        if existing is not None:
            return existing
        facts = _facts_of(self)
        kind = f"`{_SUITE_ALIASES.get(facts.namespace, facts.namespace)}.{facts.type_name}`"
        if getattr(self, "persistence", False):
            raise RuntimeError(
                f"A {kind} component with the `persistence` prop set was used in a callback "
                "without an explicit id. Persistence is keyed on the component id, and an "
                "automatic id could change between runs: give this component an `id`."
            )
        if "dash_snapshots" in sys.modules:
            raise RuntimeError(
                f"A {kind} component was used in a callback without an explicit id while "
                "dash_snapshots is in use. Snapshots need stable ids: give it an `id`."
            )
        new_id = str(uuid.UUID(int=_random_ids.getrandbits(128)))
        self.id = new_id
        return new_id


_MISSING = _Sentinel("missing")

# What a `children`-like prop may hold: a component, text, a number, None, or a list of those.
_Node = Union[Component, str, int, float, None]
ComponentType = Union[_Node, Sequence[_Node]]


def _explicitize_args(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a generated `__init__` so that it learns which arguments the caller passed.

    The wrapper passes `_explicit_args` (names of the positional arguments given,
    then of every keyword argument) so the constructor can forward only those to
    `Component.__init__`. It keeps the wrapped function's signature.
    Too many positional arguments raise a TypeError suggesting to wrap the
    children in a list.
    """
    code = func.__code__
    positional = code.co_varnames[1 : code.co_argcount]
    takes_varargs = bool(code.co_flags & inspect.CO_VARARGS)
    limit = len(positional) + 1

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "_explicit_args" in kwargs:
            raise TypeError("`_explicit_args` is reserved for Dash and cannot be passed in.")
        if len(args) > limit and not takes_varargs:
            owner = func.__qualname__.split(".")[0]
            raise TypeError(
                f"{owner} takes at most {len(positional)} positional arguments "
                f"({', '.join(positional)}) but {len(args) - 1} were given. To pass several "
                f'children, wrap them in a list: {owner}(["a", "b"]), not {owner}("a", "b").'
            )
        kwargs["_explicit_args"] = [*positional[: len(args) - 1], *kwargs]
        return func(*args, **kwargs)

    # functools.wraps sets `__wrapped__`, through which inspect.signature and help()
    # report the generated signature (computing it eagerly would slow imports down).
    return wrapper

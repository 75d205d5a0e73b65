"""Python source of one generated component class, from a normalised description.

`ComponentSpec` / `PropSpec` are the generator's own view of component metadata
(see `component_generator` for the conversion from react-docgen JSON);
`class_source` renders them as a module holding one `Component` subclass.
"""

from __future__ import annotations

import json
import keyword
from dataclasses import dataclass, field

from ._generator_types import PropType, annotate_type, describe_type

# Parameter names the generated __init__ needs for itself.
_RESERVED_PARAMS = frozenset({"self", "kwargs"})
_WILDCARD_SUFFIX = "*"
_LINE_WIDTH = 96


@dataclass(frozen=True)
class PropSpec:
    """One prop of a component as the generator needs it."""

    name: str
    type: PropType
    required: bool = False
    description: str = ""
    default: str | None = None  # source text of the JS default, shown in the docstring


@dataclass(frozen=True)
class ComponentSpec:
    """One component: its identity and its props in display order."""

    type_name: str
    namespace: str
    description: str
    props: tuple[PropSpec, ...]
    children_props: tuple[str, ...] = field(default=())

    @property
    def wildcard_prefixes(self) -> list[str]:
        """`['data-', 'aria-']`-style prefixes of the wildcard props."""
        prefixes = [p.name[:-1] for p in self.props if p.name.endswith("-" + _WILDCARD_SUFFIX)]
        return sorted(prefixes, key=lambda prefix: (prefix != "data-", prefix))

    @property
    def has_children(self) -> bool:
        return any(p.name == "children" for p in self.props)

    @property
    def base_nodes(self) -> list[str]:
        """Props that may hold a Component directly: plain children_props names + children."""
        plain = [path for path in self.children_props if not any(c in path for c in ".[{")]
        return [*dict.fromkeys([*plain, "children"])]


def is_parameter_name(name: str) -> bool:
    """Whether a prop can appear as a named parameter of the generated `__init__`
    (others, such as `data-*` or `async`, are accepted through `**kwargs`)."""
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and not name.startswith("_")
        and name not in _RESERVED_PARAMS
    )


def component_paths(prefix: str, prop_type: PropType) -> list[str]:
    """children_props path expressions for the places in a prop that can hold components."""
    name = prop_type.get("name")
    value = prop_type.get("value")
    if name in ("node", "element"):
        return [prefix]
    if name == "union":
        found = [path for part in value or [] for path in component_paths(prefix, part)]
        return [*dict.fromkeys(found)]
    if name == "arrayOf" and isinstance(value, dict):
        if value.get("name") in ("node", "element"):
            return [prefix]
        return component_paths(prefix + "[]", value)
    if name == "objectOf" and isinstance(value, dict):
        return component_paths(prefix + "{}", value)
    if name in ("shape", "exact") and isinstance(value, dict):
        return [
            path for key, sub in value.items() for path in component_paths(f"{prefix}.{key}", sub)
        ]
    return []


def _py_str(text: str) -> str:
    """A string literal in double quotes (JSON string syntax is valid Python)."""
    return json.dumps(text)


def _py_list(items: list[str], indent: str) -> str:
    """A list literal of strings, wrapped to stay readable."""
    if not items:
        return "[]"
    quoted = [_py_str(item) for item in items]
    one_line = "[" + ", ".join(quoted) + "]"
    if len(indent) + len(one_line) < _LINE_WIDTH - 30:
        return one_line
    lines, current = [], ""
    for item in quoted:
        candidate = f"{current} {item}," if current else f"{item},"
        if len(indent) + 4 + len(candidate) > _LINE_WIDTH and current:
            lines.append(current)
            candidate = f"{item},"
        current = candidate
    lines.append(current)
    inner = "".join(f"{indent}    {line}\n" for line in lines)
    return f"[\n{inner}{indent}]"


def _annotation(prop: PropSpec) -> str:
    if prop.name == "children":
        return "ComponentType"
    if prop.name == "id" and prop.type.get("name") == "string":
        return "typing.Union[str, dict]"
    return annotate_type(prop.type)


def _type_words(prop: PropSpec) -> str:
    if prop.name == "id" and prop.type.get("name") == "string":
        return "string or dict"
    return describe_type(prop.type)


def _docstring(spec: ComponentSpec) -> str:
    """The class docstring: description, then every prop with type, default and meaning."""
    description = spec.description.strip() or f"A {spec.type_name} component."
    lines = [*description.splitlines(), ""]
    lines += ["Keyword arguments", "-----------------"]
    for prop in spec.props:
        if prop.required:
            status = "required"
        elif prop.default is not None:
            status = f"default {prop.default}"
        else:
            status = "optional"
        lines.append(f"{prop.name} : {_type_words(prop)}; {status}")
        for text in (prop.description.strip() or "(no description)").splitlines():
            lines.append(f"    {text}".rstrip())
    body = "\n".join(f"    {line}".rstrip() for line in lines)
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'    """\n{body}\n    """'


def _signature(spec: ComponentSpec, max_props: int = 0) -> list[str]:
    """Parameter lines of `__init__`: children and id positional, the rest keyword-only.

    With `max_props` > 0 only that many props (in display order) get a named
    parameter; the others still work as keyword arguments through `**kwargs`.
    """
    by_name = {p.name: p for p in spec.props}
    positional = [by_name[n] for n in ("children", "id") if n in by_name]
    keyword_only = [p for p in spec.props if p not in positional and is_parameter_name(p.name)]
    if max_props > 0:
        positional = positional[:max_props]
        keyword_only = keyword_only[: max(0, max_props - len(positional))]
    params = ["self", *map(_parameter, positional)]
    if keyword_only:
        params += ["*", *map(_parameter, keyword_only)]
    params.append("**kwargs: typing.Any")
    return params


def _parameter(prop: PropSpec) -> str:
    """One `name: annotation = default` parameter; required props default to REQUIRED."""
    annotation = _annotation(prop)
    if prop.required:
        return f"{prop.name}: {annotation} = Component.REQUIRED"
    if prop.name != "children":
        annotation = f"typing.Optional[{annotation}]"
    return f"{prop.name}: {annotation} = None"


def _required_checks(spec: ComponentSpec) -> list[str]:
    lines = []
    if any(p.name == "children" and p.required for p in spec.props):
        lines += [
            '        if "children" not in _explicit_args:',
            '            raise TypeError("Required argument children was not specified.")',
        ]
    others = [p.name for p in spec.props if p.required and p.name != "children"]
    if others:
        lines += [
            f"        for _name in ({', '.join(map(_py_str, others))},):",
            "            if _name not in _explicit_args:",
            '                raise TypeError(f"Required argument `{_name}` was not specified.")',
        ]
    return lines


def _init_body(spec: ComponentSpec) -> list[str]:
    lines = [
        '        _explicit_args = kwargs.pop("_explicit_args")',
        *_required_checks(spec),
        "        _locals = locals()",
        "        _locals.update(kwargs)",
    ]
    if spec.has_children:
        lines += [
            '        _props = {k: _locals[k] for k in _explicit_args if k != "children"}',
            "        super().__init__(children=children, **_props)",
        ]
    else:
        lines += [
            "        _props = {k: _locals[k] for k in _explicit_args}",
            "        super().__init__(**_props)",
        ]
    return lines


def _imports(signature: list[str]) -> list[str]:
    text = "\n".join(signature)
    names = ["Component", "_explicitize_args"]
    if "ComponentType" in text:
        names.insert(1, "ComponentType")
    lines = [
        "import typing",
        "",
        f"from dash.development.base_component import {', '.join(names)}",
    ]
    if "NumberType" in text:
        lines.append("from dash.types import NumberType")
    return lines


def _noqa(class_name: str) -> str:
    """Silence the linter's ambiguous-name rule for names such as `html.I`."""
    return "  # noqa: E742" if class_name in ("I", "O", "l") else ""


def class_source(spec: ComponentSpec, header: str, max_props: int = 0) -> str:
    """Source of a module defining the component class described by `spec`.

    `header` is a comment line saying where the file comes from; `max_props`
    limits the named parameters of `__init__` (0: every prop).
    """
    prop_names = [p.name for p in spec.props]
    signature = _signature(spec, max_props)
    lines = [
        f"# {header}",
        "from __future__ import annotations",
        "",
        *_imports(signature),
        "",
        "",
        f"class {spec.type_name}(Component):{_noqa(spec.type_name)}",
        _docstring(spec),
        "",
        f"    _type = {_py_str(spec.type_name)}",
        f"    _namespace = {_py_str(spec.namespace)}",
        f"    _children_props = {_py_list(list(spec.children_props), '    ')}",
        f"    _base_nodes = {_py_list(spec.base_nodes, '    ')}",
        f"    _prop_names = {_py_list(prop_names, '    ')}",
        f"    _valid_wildcard_attributes = {_py_list(spec.wildcard_prefixes, '    ')}",
        "    available_properties = _prop_names",
        "    available_wildcard_properties = _valid_wildcard_attributes",
        "",
        "    @_explicitize_args",
        "    def __init__(",
        *[f"        {param}," for param in signature],
        "    ) -> None:",
        *_init_body(spec),
        "",
    ]
    return "\n".join(lines)

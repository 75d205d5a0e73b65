"""Prop types of component metadata: normalising them, describing them in words,
and turning them into Python annotations for generated classes.

Types arrive in the react-docgen shape `{"name": ..., "value": ...}`. PropTypes
is the main flavour; Flow (`flowType`) and TypeScript (`tsType`) types are first
converted to the PropTypes shape by `normalize_type`.
"""

from __future__ import annotations

import json
from typing import Any

PropType = dict[str, Any]

# Types that only make sense in JavaScript: such props are left out of the Python class.
JS_ONLY_TYPES = frozenset({"func", "symbol", "instanceOf"})

_NODE_TEXT = "a component, string or number, or a list of those"

_SIMPLE_TEXT = {
    "string": "string",
    "number": "number",
    "bool": "boolean",
    "object": "dict",
    "array": "list",
    "any": "any value",
    "node": _NODE_TEXT,
    "element": "a component",
    "func": "function",
    "symbol": "symbol",
}

_SIMPLE_ANNOTATION = {
    "string": "str",
    "number": "NumberType",
    "bool": "bool",
    "object": "dict",
    "array": "list",
    "any": "typing.Any",
    "node": "ComponentType",
    "element": "Component",
}

# Flow / TypeScript names that map directly onto a PropTypes name.
_FOREIGN_SIMPLE = {
    "string": "string",
    "number": "number",
    "boolean": "bool",
    "bool": "bool",
    "any": "any",
    "unknown": "any",
    "Object": "object",
    "object": "object",
    "Record": "object",
    "Array": "array",
    "ReactNode": "node",
    "Node": "node",
    "React.ReactNode": "node",
    "ReactElement": "element",
    "Element": "element",
    "JSX.Element": "element",
    "Function": "func",
}


def normalize_type(prop: dict[str, Any]) -> PropType:
    """The PropTypes-shaped type of a metadata prop (from `type`, `flowType` or `tsType`)."""
    if "type" in prop and prop["type"]:
        return prop["type"]
    foreign = prop.get("flowType") or prop.get("tsType")
    if foreign:
        return _from_foreign(foreign)
    return {"name": "any"}


def _from_foreign(foreign: dict[str, Any]) -> PropType:
    """Convert one Flow / TypeScript type description to the PropTypes shape."""
    name = foreign.get("name", "any")
    elements = foreign.get("elements") or []
    if name == "literal":
        return {"name": "enum", "value": [{"value": foreign.get("value"), "computed": False}]}
    if name == "union":
        parts = [_from_foreign(element) for element in elements]
        if parts and all(part["name"] == "enum" for part in parts):
            return {"name": "enum", "value": [v for part in parts for v in part["value"]]}
        return {"name": "union", "value": parts}
    if name == "Array" and elements:
        return {"name": "arrayOf", "value": _from_foreign(elements[0])}
    if name == "signature":
        signature = foreign.get("signature") or {}
        if foreign.get("type") == "function":
            return {"name": "func"}
        shape = {
            entry["key"]: {
                **_from_foreign(entry["value"]),
                "required": entry["value"].get("required", False),
            }
            for entry in signature.get("properties", [])
            if isinstance(entry.get("key"), str)
        }
        return {"name": "shape", "value": shape}
    if name in _FOREIGN_SIMPLE:
        return {"name": _FOREIGN_SIMPLE[name]}
    return {"name": "any", "raw": foreign.get("raw", name)}


def _enum_values(prop_type: PropType) -> list[str]:
    return [str(option.get("value")) for option in prop_type.get("value") or []]


def describe_type(prop_type: PropType) -> str:
    """The type in words, as the docstring of a generated class shows it."""
    name = prop_type.get("name", "any")
    value = prop_type.get("value")
    if name in _SIMPLE_TEXT:
        return _SIMPLE_TEXT[name]
    if name == "enum":
        return "one of: " + ", ".join(_enum_values(prop_type))
    if name == "union":
        return " | ".join(describe_type(part) for part in value or [])
    if name == "arrayOf":
        return f"list of ({describe_type(value or {})})"
    if name == "objectOf":
        return f"dict with values of type ({describe_type(value or {})})"
    if name in ("shape", "exact"):
        fields = ", ".join(
            f"`{key}` ({describe_type(sub)}{'' if not sub.get('required') else ', required'})"
            for key, sub in (value or {}).items()
        )
        return f"dict with keys: {fields}" if fields else "dict"
    if name == "instanceOf":
        return f"instance of {value}"
    return str(prop_type.get("raw") or name)


def _literal(raw: str) -> str | None:
    """A JS literal from an enum as Python source, or None if it is not a plain literal."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return json.dumps(text[1:-1])
    if text in ("true", "false"):
        return "True" if text == "true" else "False"
    if text == "null":
        return "None"
    try:
        float(text)
    except ValueError:
        return None
    return text


def annotate_type(prop_type: PropType) -> str:
    """The type as Python annotation source (uses `typing`, `NumberType`,
    `ComponentType` and `Component`, which generated modules import)."""
    name = prop_type.get("name", "any")
    value = prop_type.get("value")
    if name in _SIMPLE_ANNOTATION:
        return _SIMPLE_ANNOTATION[name]
    if name == "enum":
        options = _enum_values(prop_type)
        literals = [literal for literal in map(_literal, options) if literal is not None]
        if options and len(literals) == len(options):
            return f"typing.Literal[{', '.join(literals)}]"
        return "typing.Any"
    if name == "union":
        parts = list(dict.fromkeys(annotate_type(part) for part in value or []))
        if "typing.Any" in parts or not parts:
            return "typing.Any"
        return parts[0] if len(parts) == 1 else f"typing.Union[{', '.join(parts)}]"
    if name == "arrayOf":
        return f"list[{annotate_type(value or {})}]"
    if name == "objectOf":
        return f"dict[str, {annotate_type(value or {})}]"
    if name in ("shape", "exact"):
        return "dict"
    return "typing.Any"

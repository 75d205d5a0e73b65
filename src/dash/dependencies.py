"""STUB (owned by the callbacks helper): Input, Output, State, wildcards."""
from __future__ import annotations


class _Wildcard:
    def __init__(self, name: str) -> None:
        self._name = name


MATCH = _Wildcard("MATCH")
ALL = _Wildcard("ALL")
ALLSMALLER = _Wildcard("ALLSMALLER")


class DashDependency:
    def __init__(self, component_id, component_property) -> None:
        self.component_id = component_id
        self.component_property = component_property


class Output(DashDependency):
    pass


class Input(DashDependency):
    pass


class State(DashDependency):
    pass


class ClientsideFunction:
    def __init__(self, namespace: str, function_name: str) -> None:
        self.namespace = namespace
        self.function_name = function_name

"""STUB (owned by the components helper)."""
from __future__ import annotations


class Component:
    pass


def _explicitize_args(func):
    return func

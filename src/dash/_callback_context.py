"""STUB (owned by the callbacks helper)."""
from __future__ import annotations

callback_context = ctx = None


def set_props(component_id, props):
    raise NotImplementedError

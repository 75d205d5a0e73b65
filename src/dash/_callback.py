"""STUB (owned by the callbacks helper)."""
from __future__ import annotations

GLOBAL_CALLBACK_LIST: list = []
GLOBAL_CALLBACK_MAP: dict = {}
GLOBAL_INLINE_SCRIPTS: list = []


def callback(*args, **kwargs):
    raise NotImplementedError


def clientside_callback(*args, **kwargs):
    raise NotImplementedError

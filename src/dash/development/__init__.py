"""Tools for component authors: the Component base class and the class generator."""

from __future__ import annotations

from . import base_component  # noqa: F401

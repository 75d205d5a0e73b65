"""Tools for component authors: the Component base class and the class generator."""

from . import base_component  # noqa: F401

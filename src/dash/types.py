"""Type aliases used by generated component classes and by the app API."""

from __future__ import annotations

from typing import SupportsComplex, SupportsFloat, SupportsInt, Union

from typing_extensions import TypedDict

NumberType = Union[SupportsFloat, SupportsInt, SupportsComplex]


class RendererHooks(TypedDict, total=False):
    """JavaScript source of the renderer hooks accepted by `Dash(hooks=...)`."""

    layout_pre: str
    layout_post: str
    request_pre: str
    request_post: str
    callback_resolved: str
    request_refresh_jwt: str


__all__ = ["NumberType", "RendererHooks"]

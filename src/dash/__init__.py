"""dash-next: build interactive web apps in pure Python.

This module only re-exports the public API; each name lives in its own module.
"""

from __future__ import annotations

# Third-party component libraries check this marker before they load.
__plotly_dash = True

from . import (  # noqa: E402
    background_callback,  # noqa: E402
    dash_table,
    dcc,
    development,  # noqa: E402  (third-party libraries look for dash.development)
    exceptions,
    html,
    types,
)
from ._callback import callback, clientside_callback  # noqa: E402
from ._callback_context import callback_context, ctx, set_props  # noqa: E402
from ._get_paths import get_asset_url, get_relative_path, strip_relative_path  # noqa: E402
from ._hooks import hooks  # noqa: E402
from ._jupyter import jupyter_dash  # noqa: E402
from ._no_update import NoUpdate, no_update  # noqa: E402
from ._pages import PAGE_REGISTRY as page_registry  # noqa: E402
from ._pages import register_page  # noqa: E402
from ._patch import Patch  # noqa: E402
from .background_callback import CeleryManager, DiskcacheManager  # noqa: E402
from .dash import Dash, get_app, page_container  # noqa: E402
from .dependencies import (  # noqa: E402
    ALL,
    ALLSMALLER,
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
)
from .version import __version__  # noqa: E402

__all__ = [
    "ALL",
    "ALLSMALLER",
    "CeleryManager",
    "ClientsideFunction",
    "Dash",
    "DiskcacheManager",
    "Input",
    "MATCH",
    "NoUpdate",
    "Output",
    "Patch",
    "State",
    "__version__",
    "background_callback",
    "callback",
    "callback_context",
    "clientside_callback",
    "ctx",
    "dash_table",
    "dcc",
    "development",
    "exceptions",
    "get_app",
    "get_asset_url",
    "get_relative_path",
    "hooks",
    "html",
    "jupyter_dash",
    "no_update",
    "page_container",
    "page_registry",
    "register_page",
    "set_props",
    "strip_relative_path",
    "types",
]

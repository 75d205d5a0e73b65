"""Background callbacks: managers that run long callbacks outside the web request.

`DiskcacheManager` runs jobs in subprocesses on the app's machine;
`CeleryManager` runs them on Celery workers. Pass one to
`Dash(background_callback_manager=...)` or to a callback (`manager=...`)
declared with `background=True`.
"""

from __future__ import annotations

from . import managers
from .managers import BaseBackgroundCallbackManager
from .managers.celery_manager import CeleryManager
from .managers.diskcache_manager import DiskcacheManager

__all__ = ["BaseBackgroundCallbackManager", "CeleryManager", "DiskcacheManager", "managers"]

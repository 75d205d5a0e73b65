"""`DashComposite`: a browser and an app server working together (the `dash_duo` fixture)."""

from __future__ import annotations

from typing import Any

from .application_runners import BaseDashRunner
from .browser import Browser

__all__ = ["DashComposite"]


class DashComposite(Browser):
    """A `Browser` that can also start the app it is going to test.

    `server` is the runner (e.g. a `ThreadedRunner`) that `start_server` uses.
    """

    def __init__(self, server: BaseDashRunner, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.server = server

    def start_server(self, app: Any, navigate: bool = True, **kwargs: Any) -> None:
        """Serve `app` and, unless `navigate` is false, open it and wait until it renders.

        Keyword arguments go to the runner's `start` (`port`, `debug`,
        `dev_tools_*`, `start_timeout`...).
        """
        self.server(app, **kwargs)
        if navigate:
            self.server_url = self.server.url

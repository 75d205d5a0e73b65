"""Exceptions raised by `dash.testing` when a test cannot drive the app as asked."""

from __future__ import annotations

__all__ = [
    "BrowserError",
    "DashAppLoadingError",
    "DashTestingError",
    "InvalidDriverError",
    "NoAppFoundError",
    "ServerCloseError",
    "TestingTimeoutError",
]


class DashTestingError(Exception):
    """Base class of every error raised by the testing helpers."""


class InvalidDriverError(DashTestingError):
    """The requested browser or its driver cannot be started."""


class BrowserError(DashTestingError):
    """The browser cannot do what the test asked (e.g. switch to a window that is not open)."""


class NoAppFoundError(DashTestingError):
    """`import_app` found no Dash app under the expected name in the module."""


class DashAppLoadingError(DashTestingError):
    """The app server did not start, or its page never finished loading."""


class ServerCloseError(DashTestingError):
    """The app server did not stop within the allowed time."""


class TestingTimeoutError(DashTestingError):
    """A `wait_for_*` condition was still false when its timeout ran out."""

    # Keep pytest from collecting this class as a test case.
    __test__ = False

"""Free loopback ports for browser tests that must not depend on Dash's default 8050."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_on_free_port(dash_duo, app, **options) -> int:
    """`dash_duo.start_server(app, **options)` on a free port, returned.

    Another test run may hold 8050; a fresh port is also a fresh origin, so web storage
    starts empty.
    """
    port = free_port()
    dash_duo.start_server(app, port=port, **options)
    return port

"""Checks that a page state *stays* as it is (not a test module itself).

After an action that must change nothing (a click on a disabled control, a
key the component ignores), asserting at once proves little: callbacks run
in a later task and their answers come back over the network, so a wrong
update could still be on its way.
`holds` watches the state for a short while and fails as soon as it breaks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

HOLD_SECONDS = 0.6  # long enough for a prop update or a loopback callback to land
POLL_SECONDS = 0.05


def holds(
    condition: Callable[[], Any],
    seconds: float = HOLD_SECONDS,
    msg: str = "the page changed although the action should have had no effect",
) -> None:
    """Fail with `msg` if `condition()` is falsy at any poll during `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        assert condition(), msg
        if time.monotonic() >= deadline:
            return
        time.sleep(POLL_SECONDS)

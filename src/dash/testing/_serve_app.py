"""Entry point of `ProcessRunner`'s subprocess: import an app module and serve it with waitress.

Usage: ``python -m dash.testing._serve_app <module-or-path> <app-name> <host> <port>``.
The module is a dotted name importable from the working directory, or a path
to a ``.py`` file (its folder joins `sys.path` so sibling imports work).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any


def load_app(target: str, application_name: str) -> Any:
    """Import `target` (module name or `.py` path) and return its `application_name` object."""
    from .application_runners import import_app
    from .errors import NoAppFoundError

    sys.path.insert(0, os.getcwd())
    if target.endswith(".py"):
        sys.path.insert(0, str(Path(target).resolve().parent))
        return import_app(target, application_name=application_name)
    # A real import (as waitress-serve does), so the module is in sys.modules.
    module = importlib.import_module(target)
    try:
        return getattr(module, application_name)
    except AttributeError:
        raise NoAppFoundError(
            f"{target} defines no variable named {application_name!r}; pass "
            "application_name= with the name the module gives its Dash app."
        ) from None


def main(argv: list[str]) -> None:
    """Serve the app named on the command line until the process is stopped."""
    import waitress

    target, application_name, host, port = argv
    app = load_app(target, application_name)
    waitress.serve(getattr(app, "server", app), host=host, port=int(port), threads=8)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Testing tools for Dash apps: a pytest plugin driving headless Chromium.

Use the fixtures in tests (no import needed, the plugin is registered with
pytest when dash is installed)::

    def test_click(dash_duo):
        dash_duo.start_server(app)
        dash_duo.find_element("#button").click()
        dash_duo.wait_for_text_to_equal("#output", "clicked 1 time")
        assert dash_duo.get_logs() == []

Modules: `plugin` (fixtures and options), `application_runners`
(`ThreadedRunner`, `MultiProcessRunner`, `ProcessRunner`, `import_app`),
`browser` (`Browser`), `composite` (`DashComposite`), `dash_page` (readers of
the renderer's state), `wait` (polling conditions), `errors`, `newhooks`
(`pytest_setup_options`). Importing this package does not import Selenium.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["ignore_register_page"]


@contextmanager
def ignore_register_page() -> Iterator[None]:
    """Within this block `dash.register_page` does nothing.

    Lets a test import a page module of a multi-page app (to call its layout
    or callbacks) without registering the page a second time.
    """
    from dash._pages import ignoring_registrations

    with ignoring_registrations():
        yield

"""Testing tools for Dash apps: a pytest plugin driving headless Chromium.

Use the fixtures in tests (no import needed, the plugin is registered with
pytest when dash is installed)::

    def test_click(dash_duo):
        dash_duo.start_server(app)
        dash_duo.find_element("#button").click()
        dash_duo.wait_for_text_to_equal("#output", "clicked 1 time")
        assert dash_duo.get_logs() == []

Modules: `plugin` (fixtures and options), `application_runners`
(`ThreadedRunner`, `import_app`), `browser` (`Browser`), `composite`
(`DashComposite`), `wait` (polling conditions), `errors`. Importing this
package does not import Selenium.
"""

from __future__ import annotations

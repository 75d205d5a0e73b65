"""`DashPageMixin`: what a test can read from the Dash page itself.

The renderer exposes its store as `window.store` (protocol-renderer §0.3);
`getState()` answers `paths` (`strs`, `objs`), `pendingCallbacks`,
`callbacks` and `isLoading`. These helpers read it, and the rendered DOM of
`#react-entry-point`, for the class that mixes them in (it must offer
`driver` and `find_element`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DashPageMixin"]

# Pending callbacks as plain data: the renderer's entries may hold functions,
# which WebDriver cannot send back.
_PENDING_CALLBACKS_SCRIPT = """
var store = window.store;
if (!store) { return []; }
return (store.getState().pendingCallbacks || []).map(function (entry) {
  var plain = {};
  Object.keys(entry).forEach(function (key) {
    if (typeof entry[key] !== "function") { plain[key] = entry[key]; }
  });
  return plain;
});
"""

_CALLBACKS_SETTLED_SCRIPT = """
var store = window.store;
if (!store) { return true; }
var pending = store.getState().pendingCallbacks;
return !pending || pending.length === 0;
"""


def _parse_html(markup: str) -> Any:
    try:
        from bs4 import BeautifulSoup
    except ImportError as error:
        raise ImportError(
            "dash_outerhtml_dom / dash_innerhtml_dom return a BeautifulSoup document; "
            "install it with: pip install beautifulsoup4"
        ) from error
    try:
        import lxml  # noqa: F401

        parser = "lxml"
    except ImportError:
        parser = "html.parser"
    return BeautifulSoup(markup, parser)


class DashPageMixin:
    """Readers of the renderer's state and of the app's rendered markup."""

    dash_entry_locator = "#react-entry-point"
    devtools_error_count_locator = ".test-devtools-error-count"

    driver: Any
    find_element: Any

    def _get_dash_dom_by_attribute(self, attribute: str) -> Any:
        markup = self.find_element(self.dash_entry_locator).get_attribute(attribute)
        return _parse_html(markup or "")

    @property
    def dash_outerhtml_dom(self) -> Any:
        """The app's root element (`#react-entry-point`) with its content, as BeautifulSoup."""
        return self._get_dash_dom_by_attribute("outerHTML")

    @property
    def dash_innerhtml_dom(self) -> Any:
        """The content of the app's root element, as BeautifulSoup."""
        return self._get_dash_dom_by_attribute("innerHTML")

    @property
    def redux_state_paths(self) -> dict[str, Any]:
        """The renderer's id index: `{"strs": {id: path}, "objs": {keys: [...]}}`."""
        return self.driver.execute_script(
            "var s = window.store; return s ? s.getState().paths : null;"
        )

    @property
    def redux_state_rqs(self) -> list[dict[str, Any]]:
        """Callbacks requested or running right now (empty once the page has settled)."""
        return self.driver.execute_script(_PENDING_CALLBACKS_SCRIPT)

    @property
    def redux_state_is_loading(self) -> bool:
        """True while the renderer is still loading the app or running callbacks."""
        return bool(
            self.driver.execute_script(
                "var s = window.store; return s ? s.getState().isLoading : true;"
            )
        )

    def _wait_for_callbacks(self) -> bool:
        """True when no callback is pending (or no Dash page is open); poll it with `wait.until`."""
        return bool(self.driver.execute_script(_CALLBACKS_SETTLED_SCRIPT))

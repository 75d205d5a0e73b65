"""`Browser`: a Selenium Chrome session with the helpers Dash tests use.

Chromium and ChromeDriver come from the system (Debian's `chromium` and
`chromium-driver` by default; env `DASH_TEST_CHROMEPATH` and
`DASH_TEST_CHROMEDRIVER` point elsewhere). Selenium Manager is never asked to
download anything: both paths are always given explicitly.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options as ChromeOptions
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from . import wait
from ._dcc_helpers import DccHelpersMixin
from .consts import SELENIUM_GRID_DEFAULT
from .dash_page import DashPageMixin
from .errors import BrowserError, DashAppLoadingError, InvalidDriverError, TestingTimeoutError

__all__ = ["Browser"]

logger = logging.getLogger(__name__)

DEFAULT_CHROME_PATH = "/usr/bin/chromium"
DEFAULT_CHROMEDRIVER_PATH = "/usr/bin/chromedriver"

# Flags for a quiet, reproducible Chromium: no GPU, no sandbox (tests often run
# as root in containers), and no background traffic to Google's services
# (which a closed network refuses, flooding the console with errors).
CHROME_ARGUMENTS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)

# Dash pages load this before the renderer replaces it with the layout.
_LOADING_SELECTOR = "#react-entry-point > ._dash-loading"
_LOAD_ERROR_SELECTOR = "#react-entry-point ._dash-error"

_UNSAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")


def _is_favicon_miss(entry: dict[str, Any]) -> bool:
    """A missing favicon is noise, not an app error."""
    message = str(entry.get("message", ""))
    return "favicon.ico" in message and "404" in message


def _safe_filename(name: str) -> str:
    return _UNSAFE_FILENAME_CHARS.sub("_", name).strip("_") or "snapshot"


class Browser(DashPageMixin, DccHelpersMixin):
    """A Chrome/Chromium WebDriver session plus Dash-aware finds and waits.

    Use it as a context manager (``with Browser(headless=True) as br:``) or
    subclass it; the `dash_br` and `dash_duo` fixtures build one for you.

    Parameters
    ----------
    browser:
        Only ``"Chrome"`` is supported.
    remote, remote_url:
        Use a Selenium Grid at `remote_url` instead of a local ChromeDriver.
    headless:
        Run Chromium without a window (``--headless=new``).
    options:
        A `ChromeOptions` to start from (e.g. from the `pytest_setup_options`
        hook); the flags above are added to it.
    download_path:
        Folder where the browser saves downloads.
    wait_timeout:
        Default timeout, in seconds, of every `wait_for_*` method.
    pause:
        Stop in the debugger once the app's page has loaded.
    percy_run, percy_finalize, percy_assets_root:
        Percy settings (`percy_snapshot` only sends snapshots when
        `PERCY_TOKEN` is set and the `percy` package is installed).
    artifacts_dir:
        Where `take_snapshot` and `save_logs` write (default: env
        `DASH_TEST_ARTIFACTS`, else `<tmp>/dash_artifacts`).
    """

    def __init__(
        self,
        browser: str = "Chrome",
        remote: bool = False,
        remote_url: str | None = None,
        headless: bool = True,
        options: ChromeOptions | None = None,
        download_path: str = "",
        wait_timeout: float = 10,
        pause: bool = False,
        artifacts_dir: str | os.PathLike[str] | None = None,
        percy_run: bool = True,
        percy_finalize: bool = True,
        percy_assets_root: str = "",
    ) -> None:
        if browser.lower() != "chrome":
            raise InvalidDriverError(
                f"Browser {browser!r} is not supported by dash-next's testing; use Chrome."
            )
        self._browser = "chrome"
        self._remote = remote or remote_url is not None
        self._remote_url = remote_url or SELENIUM_GRID_DEFAULT
        self._headless = headless
        self._options = options
        self._download_path = download_path
        self._wait_timeout = wait_timeout
        self._pause = pause
        self._percy_run = percy_run
        self._percy_finalize = percy_finalize
        self._percy_assets_root = percy_assets_root
        self._window_idx = 0
        self._artifacts_dir = Path(
            artifacts_dir
            or os.environ.get("DASH_TEST_ARTIFACTS")
            or Path(tempfile.gettempdir()) / "dash_artifacts"
        )
        self._url = ""
        self._last_ts = 0
        self._unread_logs: list[dict[str, Any]] = []
        self._log_history: list[dict[str, Any]] = []
        self._user_data_dir: str | None = None
        self._driver = self.get_webdriver()
        self._driver.implicitly_wait(2)

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.quit()

    def quit(self) -> None:
        """Close the browser and delete its temporary profile."""
        driver, self._driver = self._driver, None
        try:
            if driver is not None:
                driver.quit()
        except WebDriverException:
            logger.exception("the browser did not quit cleanly")
        finally:
            if self._user_data_dir:
                shutil.rmtree(self._user_data_dir, ignore_errors=True)
                self._user_data_dir = None

    def get_webdriver(self) -> WebDriver:
        """Start the WebDriver session (local ChromeDriver or remote grid)."""
        if self._remote:
            return self._start(lambda options: webdriver.Remote(self._remote_url, options=options))
        chrome_path = os.environ.get("DASH_TEST_CHROMEPATH", DEFAULT_CHROME_PATH)
        driver_path = os.environ.get("DASH_TEST_CHROMEDRIVER", DEFAULT_CHROMEDRIVER_PATH)
        if not Path(chrome_path).is_file():
            raise InvalidDriverError(
                f"Chromium not found at {chrome_path}. Install it (Debian: "
                "`apt-get install chromium`) or set DASH_TEST_CHROMEPATH."
            )
        if not Path(driver_path).is_file():
            raise InvalidDriverError(
                f"ChromeDriver not found at {driver_path}. Install it (Debian: "
                "`apt-get install chromium-driver`) or set DASH_TEST_CHROMEDRIVER."
            )

        def start_local(options: ChromeOptions) -> WebDriver:
            # Both paths are explicit, so Selenium Manager never downloads anything.
            options.binary_location = chrome_path
            return webdriver.Chrome(options=options, service=ChromeService(driver_path))

        return self._start(start_local)

    def _start(self, launch: Any) -> WebDriver:
        options = self._chrome_options()
        try:
            return launch(options)
        except WebDriverException as error:
            if self._user_data_dir:
                shutil.rmtree(self._user_data_dir, ignore_errors=True)
                self._user_data_dir = None
            raise InvalidDriverError(f"Could not start Chromium: {error.msg or error}") from error

    def _chrome_options(self) -> ChromeOptions:
        options = self._options if self._options is not None else ChromeOptions()
        wanted = list(CHROME_ARGUMENTS)
        if self._headless:
            wanted.insert(0, "--headless=new")
        if not self._remote:
            self._user_data_dir = tempfile.mkdtemp(prefix="dash-chromium-")
            wanted.append(f"--user-data-dir={self._user_data_dir}")
        # Flags the caller's options already set (with any value) are left as they are.
        given = {argument.split("=", 1)[0] for argument in options.arguments}
        for argument in wanted:
            if argument.split("=", 1)[0] not in given:
                options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if self._download_path:
            options.add_experimental_option(
                "prefs",
                {
                    "download.default_directory": str(self._download_path),
                    "download.prompt_for_download": False,
                    "download.directory_upgrade": True,
                    "safebrowsing.enabled": False,
                },
            )
        return options

    # -- properties --------------------------------------------------------

    @property
    def driver(self) -> WebDriver:
        """The Selenium WebDriver, for anything the helpers do not cover."""
        if self._driver is None:
            raise InvalidDriverError("this browser has already quit")
        return self._driver

    @property
    def session_id(self) -> str:
        """The WebDriver session id."""
        return str(self.driver.session_id)

    @property
    def wait_timeout(self) -> float:
        """Default timeout, in seconds, of the `wait_for_*` methods."""
        return self._wait_timeout

    @wait_timeout.setter
    def wait_timeout(self, value: float) -> None:
        self._wait_timeout = value

    @property
    def download_path(self) -> str:
        """Folder where downloads land."""
        return self._download_path

    @property
    def server_url(self) -> str:
        """URL of the app under test; setting it opens the page and waits for the app."""
        return self._url

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._url = value
        self.wait_for_page()

    # -- navigation --------------------------------------------------------

    def wait_for_page(self, url: str | None = None, timeout: float | None = None) -> None:
        """Open `url` (default: `server_url`) and wait until the Dash app has rendered.

        "Rendered" means `#react-entry-point` exists, its "Loading..."
        placeholder is gone and no lazily loaded component chunk is still downloading. `timeout` defaults to `wait_timeout`. Raises
        `DashAppLoadingError` if the page shows the renderer's load error or
        never finishes loading.
        """
        target = self._url if url is None else url
        timeout = self._wait_timeout if timeout is None else timeout
        self.driver.get(target)
        try:
            wait.until(self._page_settled, timeout, msg="")
        except TestingTimeoutError:
            raise DashAppLoadingError(self._loading_failure_message(target, timeout)) from None
        error_text = self._load_error_text()
        if error_text is not None:
            raise DashAppLoadingError(f"The app at {target} failed to load: {error_text}")
        if self._pause:
            import pdb

            pdb.set_trace()  # noqa: T100  (the --pause option asks for exactly this)

    def _page_settled(self) -> bool:
        # Rendered (or failed), and no lazily loaded chunk of a component suite still downloading,
        # so a test can reach for a Dropdown or DataTable right after the page opened.
        script = (
            "var entry = document.querySelector(arguments[0]);"
            "if (document.querySelector(arguments[2])) return true;"
            "if (!entry || document.querySelector(arguments[1])) return false;"
            "var chunks = window.__dash_next_chunks || {};"
            "for (var key in chunks) { if (chunks[key].loading) return false; }"
            "return true;"
        )
        return bool(
            self.driver.execute_script(
                script, self.dash_entry_locator, _LOADING_SELECTOR, _LOAD_ERROR_SELECTOR
            )
        )

    def _load_error_text(self) -> str | None:
        script = "var e = document.querySelector(arguments[0]); return e ? e.textContent : null;"
        return self.driver.execute_script(script, _LOAD_ERROR_SELECTOR)

    def _loading_failure_message(self, target: str, timeout: float) -> str:
        self._collect_logs()
        severe = [e["message"] for e in self._unread_logs if e.get("level") == "SEVERE"]
        has_entry = self.driver.execute_script(
            "return !!document.querySelector(arguments[0]);", self.dash_entry_locator
        )
        problem = (
            "the page has no #react-entry-point (is this a Dash app?)"
            if not has_entry
            else "the app was still showing 'Loading...' (the renderer did not start)"
        )
        message = f"The app at {target} did not load within {timeout}s: {problem}."
        if severe:
            message += " Browser console errors:\n  " + "\n  ".join(severe)
        return message

    # -- finding elements ----------------------------------------------------

    def find_element(self, selector: str, attribute: str = "CSS_SELECTOR") -> WebElement:
        """First element matching `selector`; `attribute` names a `By` strategy."""
        return self.driver.find_element(getattr(By, attribute.upper()), selector)

    def find_elements(self, selector: str, attribute: str = "CSS_SELECTOR") -> list[WebElement]:
        """All elements matching `selector` (possibly none)."""
        return self.driver.find_elements(getattr(By, attribute.upper()), selector)

    def _get_element(self, elem_or_selector: str | WebElement) -> WebElement:
        if isinstance(elem_or_selector, str):
            return self.find_element(elem_or_selector)
        return elem_or_selector

    # -- waits -------------------------------------------------------------

    def _wait_for(self, condition: Any, timeout: float | None, msg: Any) -> Any:
        return wait.until(
            lambda: condition(self.driver),
            self._wait_timeout if timeout is None else timeout,
            msg=msg,
        )

    def _wait_for_condition(self, condition: Any, timeout: float | None) -> Any:
        limit = self._wait_timeout if timeout is None else timeout
        return self._wait_for(
            condition, timeout, msg=lambda: f"waited {limit}s for {condition.describe()}"
        )

    def wait_for_element(self, selector: str, timeout: float | None = None) -> WebElement:
        """Wait until an element matches the CSS `selector`, and return it."""
        return self.wait_for_element_by_css_selector(selector, timeout)

    def wait_for_element_by_css_selector(
        self, selector: str, timeout: float | None = None
    ) -> WebElement:
        """Wait until an element matches the CSS `selector`, and return it."""
        limit = self._wait_timeout if timeout is None else timeout
        return self._wait_for(
            lambda driver: driver.execute_script(
                "return document.querySelector(arguments[0]);", selector
            ),
            timeout,
            msg=f"no element matched {selector!r} within {limit}s",
        )

    def wait_for_element_by_id(self, element_id: str, timeout: float | None = None) -> WebElement:
        """Wait until the element with id `element_id` exists, and return it."""
        limit = self._wait_timeout if timeout is None else timeout
        return self._wait_for(
            lambda driver: driver.execute_script(
                "return document.getElementById(arguments[0]);", element_id
            ),
            timeout,
            msg=f"no element with id {element_id!r} within {limit}s",
        )

    def wait_for_no_elements(self, selector: str, timeout: float | None = None) -> None:
        """Wait until nothing matches the CSS `selector`."""
        limit = self._wait_timeout if timeout is None else timeout
        self._wait_for(
            lambda driver: (
                not driver.execute_script(
                    "return document.querySelectorAll(arguments[0]).length;", selector
                )
            ),
            timeout,
            msg=f"elements matching {selector!r} were still there after {limit}s",
        )

    def wait_for_text_to_equal(
        self, selector: str | WebElement, text: str, timeout: float | None = None
    ) -> bool:
        """Wait until the element's text (or input value) equals `text`."""
        return self._wait_for_condition(wait.text_to_equal(selector, text), timeout)

    def wait_for_contains_text(
        self, selector: str | WebElement, text: str, timeout: float | None = None
    ) -> bool:
        """Wait until the element's text (or input value) contains `text`."""
        return self._wait_for_condition(wait.contains_text(selector, text), timeout)

    def wait_for_style_to_equal(
        self, selector: str | WebElement, style: str, val: str, timeout: float | None = None
    ) -> bool:
        """Wait until the computed CSS property `style` of the element equals `val`."""
        return self._wait_for_condition(wait.style_to_equal(selector, style, val), timeout)

    def wait_for_class_to_equal(
        self, selector: str | WebElement, classname: str, timeout: float | None = None
    ) -> bool:
        """Wait until the element's `class` attribute equals `classname`."""
        return self._wait_for_condition(wait.class_to_equal(selector, classname), timeout)

    def wait_for_contains_class(
        self, selector: str | WebElement, classname: str, timeout: float | None = None
    ) -> bool:
        """Wait until the element's class list includes `classname`."""
        return self._wait_for_condition(wait.contains_class(selector, classname), timeout)

    # -- interactions --------------------------------------------------------

    def multiple_click(
        self, elem_or_selector: str | WebElement, clicks: int, delay: float | None = None
    ) -> None:
        """Click the element `clicks` times, sleeping `delay` seconds between clicks.

        A selector is looked up again before each click, so an element that
        re-renders in between is still found.
        """
        for index in range(clicks):
            self._get_element(elem_or_selector).click()
            if delay and index < clicks - 1:
                time.sleep(delay)

    def clear_input(self, elem_or_selector: str | WebElement) -> None:
        """Empty a text input by selecting its content and deleting it."""
        from selenium.webdriver.common.keys import Keys

        element = self._get_element(elem_or_selector)
        element.send_keys(Keys.CONTROL, "a")
        element.send_keys(Keys.DELETE)

    # -- windows and tabs ------------------------------------------------------

    def switch_window(self, idx: int = 0) -> None:
        """Make the `idx`-th open window or tab the one the helpers drive."""
        handles = self.driver.window_handles
        if not -len(handles) <= idx < len(handles):
            raise BrowserError(
                f"cannot switch to window {idx}: the browser has {len(handles)} window(s) "
                "open (open_new_tab() opens another one)"
            )
        self.driver.switch_to.window(handles[idx])

    def toggle_window(self) -> None:
        """Switch between the first window and the second one (e.g. a tab from `open_new_tab`)."""
        target = (self._window_idx + 1) % 2
        self.switch_window(target)
        self._window_idx = target

    def open_new_tab(self, url: str | None = None) -> None:
        """Open `url` (default: the app's URL) in a new tab; `toggle_window` then switches to it."""
        self.driver.execute_script(
            "window.open(arguments[0], 'new window');", self._url if url is None else url
        )

    # -- browser console -----------------------------------------------------

    def _collect_logs(self) -> None:
        """Move new console entries from the driver (which forgets them once read)."""
        if self._driver is None:
            return
        try:
            getter = getattr(self._driver, "get_log", None)
            if getter is not None:
                entries = getter("browser")
            else:
                entries = self._driver.execute(Command.GET_LOG, {"type": "browser"})["value"]
        except WebDriverException:
            logger.exception("could not read the browser console")
            return
        self._unread_logs.extend(entries)
        self._log_history.extend(entries)

    def get_logs(self) -> list[dict[str, Any]]:
        """SEVERE console entries since the last call (or `reset_log_timestamp`).

        Each entry is a dict with at least `level`, `message` and `timestamp`.
        A 404 for `favicon.ico` is left out; nothing else is.
        """
        self._collect_logs()
        fresh = [
            entry
            for entry in self._unread_logs
            if entry.get("level") == "SEVERE"
            and entry.get("timestamp", 0) > self._last_ts
            and not _is_favicon_miss(entry)
        ]
        if self._unread_logs:
            self._last_ts = max(self._last_ts, *(e.get("timestamp", 0) for e in self._unread_logs))
        self._unread_logs.clear()
        return fresh

    def reset_log_timestamp(self) -> None:
        """Forget console entries so far: `get_logs` then reports only newer ones."""
        self._collect_logs()
        if self._unread_logs:
            self._last_ts = max(self._last_ts, *(e.get("timestamp", 0) for e in self._unread_logs))
        self._unread_logs.clear()

    # -- artifacts -----------------------------------------------------------

    def _artifact_path(self, name: str, suffix: str) -> Path:
        self._artifacts_dir.mkdir(parents=True, exist_ok=True)
        return self._artifacts_dir / f"{_safe_filename(name)}{suffix}"

    def take_snapshot(self, name: str) -> Path:
        """Save a PNG screenshot named after `name` in the artifacts folder; return its path."""
        path = self._artifact_path(name, ".png")
        self.driver.save_screenshot(str(path))
        return path

    def percy_snapshot(
        self,
        name: str = "",
        wait_for_callbacks: bool = False,
        convert_canvases: bool = False,
        widths: list[int] | None = None,
    ) -> None:
        """Send a visual snapshot to Percy; without a Percy token this does nothing else.

        With `wait_for_callbacks`, first waits (up to 40 s) until no callback
        is pending, so the snapshot (or the test's next step) sees a settled
        page. Snapshots are sent only when `PERCY_TOKEN` is set, `percy_run`
        is true and the `percy` package (percy-selenium) is installed.
        """
        if wait_for_callbacks:
            wait.until(
                self._wait_for_callbacks,
                timeout=40,
                poll=0.2,
                msg=f"percy_snapshot({name!r}): callbacks were still pending after 40s",
            )
        if not (self._percy_run and os.environ.get("PERCY_TOKEN")):
            logger.debug("percy_snapshot(%r) skipped: no PERCY_TOKEN or percy_run off", name)
            return
        try:
            from percy import percy_snapshot as send_snapshot
        except ImportError:
            logger.warning(
                "PERCY_TOKEN is set but percy-selenium is not installed; %r skipped", name
            )
            return
        if convert_canvases:
            self._convert_canvases_to_images()
        options = {"widths": widths} if widths else {}
        send_snapshot(self.driver, name, **options)

    def _convert_canvases_to_images(self) -> None:
        """Replace each `<canvas>` by an `<img>` of its pixels (Percy cannot capture canvases)."""
        self.driver.execute_script(
            "document.querySelectorAll('canvas').forEach(function (canvas) {"
            "  var image = document.createElement('img');"
            "  image.src = canvas.toDataURL();"
            "  image.style.cssText = canvas.style.cssText;"
            "  canvas.replaceWith(image);"
            "});"
        )

    def visit_and_snapshot(
        self,
        resource_path: str,
        hook_id: str,
        wait_for_callbacks: bool = True,
        convert_canvases: bool = False,
        assert_check: bool = True,
        stay_on_page: bool = False,
        widths: list[int] | None = None,
    ) -> None:
        """Open `resource_path` of the app, wait for `#hook_id`, snapshot it, then go back.

        With `assert_check`, fails if the dev tools show an error alert.
        """
        path = resource_path.lstrip("/")
        self.driver.get(f"{self._url.rstrip('/')}/{path}")
        self.wait_for_element_by_id(hook_id)
        self.percy_snapshot(
            path,
            wait_for_callbacks=wait_for_callbacks,
            convert_canvases=convert_canvases,
            widths=widths,
        )
        if assert_check:
            alerts = self.find_elements(".dash-debug-alert, .test-devtools-error-count")
            assert not alerts, f"the dev tools report errors on {resource_path}"
        if not stay_on_page:
            self.driver.back()

    def save_logs(self, name: str) -> Path:
        """Write every console entry seen in this session (all levels) to a file; return it."""
        self._collect_logs()
        path = self._artifact_path(name, ".console.log")
        lines = [
            f"{entry.get('timestamp')} {entry.get('level')} {entry.get('message')}"
            for entry in self._log_history
        ]
        path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        return path

    # -- page state ----------------------------------------------------------

    def get_local_storage(self, store_id: str = "local") -> Any:
        """The JSON value stored under `store_id` in `window.localStorage`."""
        return self._storage_item("localStorage", store_id)

    def get_session_storage(self, session_id: str = "session") -> Any:
        """The JSON value stored under `session_id` in `window.sessionStorage`."""
        return self._storage_item("sessionStorage", session_id)

    def _storage_item(self, storage: str, key: str) -> Any:
        raw = self.driver.execute_script(f"return window.{storage}.getItem(arguments[0]);", key)
        return None if raw is None else json.loads(raw)

    def clear_local_storage(self) -> None:
        """Empty `window.localStorage`."""
        self.driver.execute_script("window.localStorage.clear();")

    def clear_session_storage(self) -> None:
        """Empty `window.sessionStorage`."""
        self.driver.execute_script("window.sessionStorage.clear();")

    def clear_storage(self) -> None:
        """Empty both local and session storage."""
        self.clear_local_storage()
        self.clear_session_storage()

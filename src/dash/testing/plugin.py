"""The `dash` pytest plugin: fixtures that serve an app and drive it in Chromium.

Registered through the `pytest11` entry point, so installing dash-next makes
`dash_thread_server`, `dash_br` and `dash_duo` available to every test suite.
Selenium is imported only when a browser fixture is used, so projects that
install dash without the `testing` extra can still run pytest.

A test that fails while using `dash_duo` or `dash_br` leaves a screenshot and
the browser console log in the artifacts folder (`--dash-artifacts`, env
`DASH_TEST_ARTIFACTS`, else `<tmp>/dash_artifacts`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .application_runners import ThreadedRunner

if TYPE_CHECKING:
    from .browser import Browser
    from .composite import DashComposite

BROWSER_FIXTURES = ("dash_duo", "dash_br")


class DashHookSpecs:
    """Hooks a test suite can implement in its conftest.py."""

    @pytest.hookspec(firstresult=True)
    def pytest_setup_options(self) -> Any:
        """Return Selenium `ChromeOptions` to start the browser from (flags are added to it)."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(DashHookSpecs)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dash", "Dash browser tests")
    group.addoption(
        "--webdriver",
        choices=("Chrome", "chrome"),
        default="Chrome",
        help="Browser to drive (only Chrome/Chromium is supported).",
    )
    group.addoption(
        "--headless",
        action="store_true",
        default=False,
        help="Run the browser without a window (the default when there is no display).",
    )
    group.addoption(
        "--remote",
        action="store_true",
        default=False,
        help="Use a remote Selenium Grid instead of a local ChromeDriver.",
    )
    group.addoption(
        "--remote-url",
        default=None,
        help="URL of the Selenium Grid hub (implies --remote).",
    )
    group.addoption(
        "--pause",
        action="store_true",
        default=False,
        help="Stop in pdb once the app's page has loaded (use with -s).",
    )
    group.addoption(
        "--dash-artifacts",
        default=None,
        help="Folder for screenshots and console logs of failed browser tests.",
    )


def _has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _browser_options(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    config = request.config
    download = tmp_path / "download"
    download.mkdir(exist_ok=True)
    return {
        "browser": config.getoption("webdriver"),
        "remote": config.getoption("remote"),
        "remote_url": config.getoption("remote_url"),
        "headless": config.getoption("headless") or not _has_display(),
        "options": config.hook.pytest_setup_options(),
        "download_path": str(download),
        "pause": config.getoption("pause"),
        "artifacts_dir": config.getoption("dash_artifacts"),
    }


def _import_browser_classes() -> tuple[type[Browser], type[DashComposite]]:
    try:
        from .browser import Browser
        from .composite import DashComposite
    except ImportError as error:
        raise ImportError(
            f"Dash browser fixtures need Selenium ({error}). Install the testing "
            "extra: pip install 'dash[testing]'."
        ) from error
    return Browser, DashComposite


@pytest.fixture
def dash_thread_server() -> Iterator[ThreadedRunner]:
    """Serves a Dash app in a thread of the test process; call it with the app."""
    with ThreadedRunner() as runner:
        yield runner


@pytest.fixture
def dash_br(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Browser]:
    """A headless Chromium session with Dash-aware waits, without an app server."""
    browser_class, _ = _import_browser_classes()
    with browser_class(**_browser_options(request, tmp_path)) as browser:
        yield browser


@pytest.fixture
def dash_duo(
    request: pytest.FixtureRequest, dash_thread_server: ThreadedRunner, tmp_path: Path
) -> Iterator[DashComposite]:
    """A browser plus a threaded app server: `dash_duo.start_server(app)`, then drive it."""
    _, composite_class = _import_browser_classes()
    with composite_class(dash_thread_server, **_browser_options(request, tmp_path)) as duo:
        yield duo


def _save_failure_artifacts(browser: Browser, name: str) -> str:
    try:
        paths = [browser.take_snapshot(name), browser.save_logs(name)]
    except Exception as error:  # the browser may have crashed: report, do not mask the failure
        return f"could not save screenshot/console log: {error}"
    return "\n".join(str(path) for path in paths)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    funcargs = getattr(item, "funcargs", {})
    for name in BROWSER_FIXTURES:
        browser = funcargs.get(name)
        if browser is not None:
            report.sections.append(("dash artifacts", _save_failure_artifacts(browser, item.name)))

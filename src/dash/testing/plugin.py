"""The `dash` pytest plugin: fixtures that serve an app and drive it in Chromium.

Registered through the `pytest11` entry point, so installing dash-next makes
`dash_thread_server`, `dash_process_server`, `dash_multi_process_server`,
`dash_br`, `dash_duo` and `dash_duo_mp` available to every test suite.
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

from . import newhooks
from .application_runners import MultiProcessRunner, ProcessRunner, ThreadedRunner

if TYPE_CHECKING:
    from .browser import Browser
    from .composite import DashComposite

BROWSER_FIXTURES = ("dash_duo", "dash_duo_mp", "dash_br")


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(newhooks)


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
        "--percy-assets",
        default="tests/assets",
        help="Folder of the app's assets, for Percy snapshots.",
    )
    group.addoption(
        "--nopercyfinalize",
        action="store_false",
        dest="percy_finalize",
        default=True,
        help="Do not finalize the Percy build when the browser quits (parallel CI jobs).",
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
        "percy_assets_root": config.getoption("percy_assets"),
        "percy_finalize": config.getoption("percy_finalize"),
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
def dash_process_server() -> Iterator[ProcessRunner]:
    """Serves an app module with waitress in a subprocess: `dash_process_server("my_app")`."""
    with ProcessRunner() as runner:
        yield runner


@pytest.fixture
def dash_multi_process_server() -> Iterator[MultiProcessRunner]:
    """Serves a Dash app object from a forked child process; call it with the app."""
    with MultiProcessRunner() as runner:
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


@pytest.fixture
def dash_duo_mp(
    request: pytest.FixtureRequest,
    dash_multi_process_server: MultiProcessRunner,
    tmp_path: Path,
) -> Iterator[DashComposite]:
    """Like `dash_duo`, but the app runs in a child process (`dash_multi_process_server`)."""
    _, composite_class = _import_browser_classes()
    with composite_class(dash_multi_process_server, **_browser_options(request, tmp_path)) as duo:
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

"""Polling waits and the element conditions that `Browser.wait_for_*` is built on.

`until(cond, timeout)` calls `cond()` until it returns something truthy, and
returns that value; `until_not` waits for a falsy one. Both raise
`TestingTimeoutError` when time runs out, so a test fails with a message rather
than hanging.

The condition classes take a WebDriver when called, as Selenium's expected
conditions do, and remember what they last saw so a timeout can say it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import TestingTimeoutError

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

__all__ = [
    "class_to_equal",
    "contains_class",
    "contains_text",
    "style_to_equal",
    "text_to_equal",
    "until",
    "until_not",
]

Message = str | Callable[[], str]


def _message_text(msg: Message) -> str:
    return msg() if callable(msg) else msg


def until(
    wait_cond: Callable[[], Any],
    timeout: float,
    poll: float = 0.1,
    msg: Message = "expected condition not met within timeout",
) -> Any:
    """Call `wait_cond` every `poll` seconds until it returns a truthy value.

    Returns that value. Raises `TestingTimeoutError` (with `msg`, which may be a
    callable producing the text) once `timeout` seconds have passed.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = wait_cond()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TestingTimeoutError(_message_text(msg))
        time.sleep(poll)


def until_not(
    wait_cond: Callable[[], Any],
    timeout: float,
    poll: float = 0.1,
    msg: Message = "expected condition still met after timeout",
) -> Any:
    """Call `wait_cond` every `poll` seconds until it returns a falsy value.

    Returns that value. Raises `TestingTimeoutError` once `timeout` seconds
    have passed with the condition still truthy.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = wait_cond()
        if not result:
            return result
        if time.monotonic() >= deadline:
            raise TestingTimeoutError(_message_text(msg))
        time.sleep(poll)


class _ElementCondition:
    """Shared machinery: find the element, check it, remember what was seen."""

    def __init__(self, selector: str | WebElement, timeout: float | None = None) -> None:
        self.selector = selector
        self.timeout = timeout
        self.last_seen = "nothing yet"

    def _find(self, driver: WebDriver) -> WebElement:
        from selenium.common.exceptions import NoSuchElementException

        if not isinstance(self.selector, str):
            return self.selector
        # A script lookup answers at once, where find_element would sit out the
        # browser's implicit wait on every poll while the element is missing.
        element = driver.execute_script(
            "return document.querySelector(arguments[0]);", self.selector
        )
        if element is None:
            raise NoSuchElementException(f"no element matches {self.selector!r}")
        return element

    def __call__(self, driver: WebDriver) -> bool:
        from selenium.common.exceptions import WebDriverException

        try:
            return self.check(self._find(driver))
        except WebDriverException as error:
            # Missing or re-rendered (stale) elements are normal while the page updates.
            self.last_seen = f"no usable element ({type(error).__name__})"
            return False

    def check(self, element: WebElement) -> bool:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def message(self, driver: WebDriver | None = None) -> str:
        """What the condition waited for and what it saw last (for timeout errors)."""
        waited = f"waited {self.timeout}s for " if self.timeout is not None else "waited for "
        return waited + self.describe()

    @property
    def target(self) -> str:
        """How the element is named in messages."""
        return self.selector if isinstance(self.selector, str) else "the given element"


def _text_and_value(element: WebElement) -> tuple[str, str | None]:
    return str(element.text), element.get_attribute("value")


class text_to_equal(_ElementCondition):
    """The element's text (or its `value` attribute, for inputs) equals `text`."""

    def __init__(self, selector: str | WebElement, text: str, timeout: float | None = None) -> None:
        super().__init__(selector, timeout)
        self.text = str(text)

    def check(self, element: WebElement) -> bool:
        text, value = _text_and_value(element)
        self.last_seen = f"text {text!r}" + (f", value {value!r}" if value is not None else "")
        return text == self.text or (value is not None and str(value) == self.text)

    def describe(self) -> str:
        return f"text of {self.target} to equal {self.text!r}; last saw {self.last_seen}"


class contains_text(_ElementCondition):
    """The element's text (or its `value` attribute) contains `text`."""

    def __init__(self, selector: str | WebElement, text: str, timeout: float | None = None) -> None:
        super().__init__(selector, timeout)
        self.text = str(text)

    def check(self, element: WebElement) -> bool:
        text, value = _text_and_value(element)
        self.last_seen = f"text {text!r}" + (f", value {value!r}" if value is not None else "")
        return self.text in text or (value is not None and self.text in str(value))

    def describe(self) -> str:
        return f"text of {self.target} to contain {self.text!r}; last saw {self.last_seen}"


class style_to_equal(_ElementCondition):
    """The element's computed CSS property `style` equals `val`."""

    def __init__(
        self, selector: str | WebElement, style: str, val: str, timeout: float | None = None
    ) -> None:
        super().__init__(selector, timeout)
        self.style = style
        self.val = val

    def check(self, element: WebElement) -> bool:
        seen = element.value_of_css_property(self.style)
        self.last_seen = repr(seen)
        return seen == self.val

    def describe(self) -> str:
        return (
            f"computed style {self.style!r} of {self.target} to equal {self.val!r}; "
            f"last saw {self.last_seen}"
        )


class class_to_equal(_ElementCondition):
    """The element's `class` attribute equals `classname` exactly."""

    def __init__(
        self, selector: str | WebElement, classname: str, timeout: float | None = None
    ) -> None:
        super().__init__(selector, timeout)
        self.classname = classname

    def check(self, element: WebElement) -> bool:
        seen = element.get_attribute("class")
        self.last_seen = repr(seen)
        return seen == self.classname

    def describe(self) -> str:
        return f"class of {self.target} to equal {self.classname!r}; last saw {self.last_seen}"


class contains_class(_ElementCondition):
    """The element's class list includes `classname`."""

    def __init__(
        self, selector: str | WebElement, classname: str, timeout: float | None = None
    ) -> None:
        super().__init__(selector, timeout)
        self.classname = classname

    def check(self, element: WebElement) -> bool:
        seen = element.get_attribute("class") or ""
        self.last_seen = repr(seen)
        return self.classname in seen.split()

    def describe(self) -> str:
        return f"class of {self.target} to contain {self.classname!r}; last saw {self.last_seen}"

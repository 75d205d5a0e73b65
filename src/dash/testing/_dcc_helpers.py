"""`DccHelpersMixin`: drive dcc widgets the way a user would (Dropdown, DatePickers, Graph).

The selectors follow the markup of dom-contract §5: a Dropdown's `#id` is its
trigger button and the open list is the page-wide `.dash-dropdown-options`;
a date picker's inputs sit in `#{id}-wrapper` and the open calendar's day
cells are `td.dash-datepicker-calendar-date-inside|-outside` (text = day).
The class that mixes this in offers `driver`, `find_elements`,
`_get_element`, `wait_timeout` and `_wait_for_callbacks`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from selenium.common.exceptions import MoveTargetOutOfBoundsException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from . import wait
from .errors import TestingTimeoutError

__all__ = ["DccHelpersMixin"]

logger = logging.getLogger(__name__)

DROPDOWN_OPTION = ".dash-dropdown-options .dash-dropdown-option"
DAY_INSIDE_CLASS = "dash-datepicker-calendar-date-inside"
DAY_OUTSIDE_CLASS = "dash-datepicker-calendar-date-outside"
CALENDAR_DAY = f"td.{DAY_INSIDE_CLASS}, td.{DAY_OUTSIDE_CLASS}"


def _has_class(element: WebElement, name: str) -> bool:
    return name in (element.get_attribute("class") or "").split()


def _offset_from_centre(size: dict[str, Any], fx: float, fy: float) -> tuple[int, int]:
    """WebDriver offsets are measured from the element's centre; fractions from its top-left."""
    width, height = size["width"], size["height"]
    return round(width * fx - width / 2), round(height * fy - height / 2)


class DccHelpersMixin:
    """Dropdown choice, date picking, graph zoom and clicks at relative coordinates."""

    driver: Any
    find_elements: Any
    _get_element: Any
    wait_timeout: float
    _wait_for_callbacks: Any

    def _wait_for_elements(self, selector: str, what: str) -> list[WebElement]:
        limit = self.wait_timeout
        return wait.until(
            lambda: self.driver.find_elements(By.CSS_SELECTOR, selector),
            limit,
            msg=f"{what} did not appear within {limit}s (no element matched {selector!r})",
        )

    def _settle_callbacks(self) -> None:
        limit = self.wait_timeout
        wait.until(
            self._wait_for_callbacks,
            limit,
            poll=0.1,
            msg=f"callbacks were still pending after {limit}s",
        )

    # -- dcc.Dropdown ----------------------------------------------------------

    def select_dcc_dropdown(
        self,
        elem_or_selector: str | WebElement,
        value: str | None = None,
        index: int | None = None,
    ) -> None:
        """Open a dcc.Dropdown and click the option whose text is `value` (or the `index`-th one).

        `elem_or_selector` is the dropdown itself (e.g. ``"#my-dropdown"``).
        When nothing matches, the available options are logged as an error,
        no option is clicked and the list is closed again (Escape).
        """
        self._get_element(elem_or_selector).click()
        options = self._wait_for_elements(DROPDOWN_OPTION, "the dropdown's option list")
        choice = self._matching_option(options, value, index)
        if choice is None:
            logger.error(
                "select_dcc_dropdown: no option matches value=%r / index=%r; the options are: %s",
                value,
                index,
                " | ".join(option.text for option in options),
            )
            ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
            return
        choice.click()

    @staticmethod
    def _matching_option(
        options: list[WebElement], value: str | None, index: int | None
    ) -> WebElement | None:
        if isinstance(index, int):
            return options[index] if -len(options) <= index < len(options) else None
        if value is None:
            return None
        wanted = str(value)
        for option in options:
            if option.text == wanted:
                return option
        # Fall back on the option's value (what the callback receives) for unlabelled lookups.
        for option in options:
            boxes = option.find_elements(By.CSS_SELECTOR, "input")
            if boxes and boxes[0].get_attribute("value") == wanted:
                return option
        return None

    # -- dcc.DatePickerSingle / DatePickerRange ---------------------------------

    def _date_inputs(self, compid: str) -> list[WebElement]:
        return self._wait_for_elements(
            f"#{compid}-wrapper .dash-datepicker-input", f"the date picker #{compid}"
        )

    def _calendar_days(self) -> list[WebElement]:
        return self._wait_for_elements(CALENDAR_DAY, "the date picker's calendar")

    def select_date_single(
        self, compid: str, index: int = 0, day: int | str = "", outside_month: bool = False
    ) -> str | None:
        """Open the DatePickerSingle `compid` and click a day; return the input's new text.

        With `day`, the cell showing that day number is clicked (a day of the
        shown month, or of a neighbouring month when `outside_month`);
        otherwise the `index`-th day cell of the open calendar. Logs an error
        and returns None when no cell matches.
        """
        box = self._date_inputs(compid)[0]
        box.click()
        days = self._calendar_days()
        if day:
            wanted_class = DAY_OUTSIDE_CLASS if outside_month else DAY_INSIDE_CLASS
            matched = [
                cell for cell in days if cell.text == str(day) and _has_class(cell, wanted_class)
            ]
        else:
            matched = [days[index]] if -len(days) <= index < len(days) else []
        if not matched:
            logger.error("select_date_single: no day cell matches day=%r index=%r", day, index)
            return None
        matched[0].click()
        self._settle_callbacks()
        return box.get_attribute("value")

    def select_date_range(
        self, compid: str, day_range: Sequence[int | str], start_first: bool = True
    ) -> tuple[str | None, ...] | None:
        """Open the DatePickerRange `compid` and click one or two days of the shown month(s).

        The start input is opened first (the end input when `start_first` is
        false). Returns the texts of the start and end inputs afterwards, or
        None (with an error logged) when a day cannot be found.
        """
        if not day_range or len(day_range) > 2:
            raise ValueError(
                f"select_date_range needs one or two days in day_range, got {day_range!r}"
            )
        inputs = self._date_inputs(compid)
        (inputs[0] if start_first else inputs[-1]).click()
        for day in day_range:
            cells = [
                cell
                for cell in self._calendar_days()
                if cell.text == str(day) and _has_class(cell, DAY_INSIDE_CLASS)
            ]
            if not cells:
                logger.error("select_date_range: no day %r in the open calendar", day)
                return None
            cells[0].click()
            self._settle_callbacks()
        return tuple(box.get_attribute("value") for box in self._date_inputs(compid))

    # -- dcc.Graph and pointer gestures -----------------------------------------

    def zoom_in_graph_by_ratio(
        self,
        elem_or_selector: str | WebElement,
        start_fraction: float = 0.5,
        zoom_box_fraction: float = 0.2,
        compare: bool = True,
    ) -> None:
        """Drag a zoom box across a graph.

        The drag starts at `start_fraction` of the element's width and height
        (from its top-left corner) and spans `zoom_box_fraction` of them. With
        `compare`, raises AssertionError unless the graph's markup changes.
        """
        element = self._get_element(elem_or_selector)
        before = element.get_attribute("innerHTML")
        size = element.size
        x, y = _offset_from_centre(size, start_fraction, start_fraction)
        dx = round(size["width"] * zoom_box_fraction)
        dy = round(size["height"] * zoom_box_fraction)
        try:
            ActionChains(self.driver).move_to_element_with_offset(
                element, x, y
            ).click_and_hold().move_by_offset(dx // 2, dy // 2).move_by_offset(
                dx - dx // 2, dy - dy // 2
            ).release().perform()
        except MoveTargetOutOfBoundsException:
            logger.exception("zoom_in_graph_by_ratio: the zoom box leaves the element")
            raise
        if not compare:
            return
        try:
            wait.until(lambda: element.get_attribute("innerHTML") != before, self.wait_timeout)
        except (TestingTimeoutError, WebDriverException):
            raise AssertionError(
                "zoom_in_graph_by_ratio: the graph did not change after dragging a zoom box "
                "(is the element a dcc.Graph with zooming enabled?)"
            ) from None

    def click_at_coord_fractions(
        self, elem_or_selector: str | WebElement, fx: float, fy: float
    ) -> None:
        """Click the element at `fx`, `fy` fractions of its width and height from its top-left."""
        element = self._get_element(elem_or_selector)
        x, y = _offset_from_centre(element.size, fx, fy)
        ActionChains(self.driver).move_to_element_with_offset(element, x, y).click().perform()

// The open calendar of the date pickers (dom-contract §5.6): month navigation, a month Dropdown and a
// year Input in `.dash-datepicker-controls`, then one `table.dash-datepicker-calendar` per month.
// Days are focusable; arrows, Page Up/Down and Home/End move between them, Enter or Space picks.
import { addDays, addMonths, differenceInCalendarMonths, endOfWeek, setMonth, setYear, startOfWeek } from "date-fns";
import type { Day, Locale } from "date-fns";
import React from "react";
import { canGoBack, canGoForward, formatDate, isAllowed, isoDate, monthNames, monthWeeks, shownMonths, weekdayNames } from "../logic/dates";
import type { CalendarDay, DateLimits } from "../logic/dates";
import { dayClassName } from "../logic/daterange";
import type { DayState } from "../logic/daterange";
import { DatePickerMonthSelect } from "./DatePickerMonthSelect";
import { Input } from "./Input";

export interface CalendarProps {
  month: Date;
  onMonthChange(month: Date): void;
  monthsShown: number;
  limits: DateLimits;
  locale?: Locale;
  monthFormat: string;
  firstDayOfWeek: number;
  showOutsideDays: boolean;
  daySize: number;
  vertical: boolean;
  rtl: boolean;
  dayState(day: CalendarDay): DayState;
  onPick(day: string): void;
  onHover?(day: string | null): void;
}

const MIN_YEAR = 1000;

function NavIcon({ back }: { back: boolean }): React.ReactElement {
  return (
    <svg width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <path d={back ? "M9 3.5 5 7.5 9 11.5" : "M6 3.5 10 7.5 6 11.5"} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The day a navigation key moves to, or null for other keys. */
function movedDay(key: string, day: Date, weekStartsOn: Day): Date | null {
  switch (key) {
    case "ArrowLeft": return addDays(day, -1);
    case "ArrowRight": return addDays(day, 1);
    case "ArrowUp": return addDays(day, -7);
    case "ArrowDown": return addDays(day, 7);
    case "PageUp": return addMonths(day, -1);
    case "PageDown": return addMonths(day, 1);
    case "Home": return startOfWeek(day, { weekStartsOn });
    case "End": return endOfWeek(day, { weekStartsOn });
    default: return null;
  }
}

function Controls(props: CalendarProps & { names: string[] }): React.ReactElement {
  const { month, limits, names } = props;
  const last = addMonths(month, props.monthsShown - 1);
  const monthEnabled = (index: number): boolean => {
    const candidate = setMonth(month, index);
    return canGoForward(addMonths(candidate, -1), limits) && canGoBack(addMonths(candidate, 1), limits);
  };
  const setYearFromBox = (changes: Record<string, unknown>): void => {
    const year = changes.value;
    if (typeof year === "number" && Number.isInteger(year) && year >= MIN_YEAR) props.onMonthChange(setYear(month, year));
  };
  return (
    <div className="dash-datepicker-controls">
      <button
        type="button"
        className="dash-datepicker-month-nav"
        aria-label="Previous month"
        disabled={!canGoBack(month, limits)}
        onClick={() => props.onMonthChange(addMonths(month, -1))}
      >
        <NavIcon back={!props.rtl} />
      </button>
      <div className="dash-datepicker-month-grid">
        {names.map((name) => (
          <div key={name} className="dash-datepicker-month-sizer" aria-hidden="true">
            {name}
          </div>
        ))}
        <DatePickerMonthSelect names={names} value={month.getMonth()} isEnabled={monthEnabled} onChange={(m) => props.onMonthChange(setMonth(month, m))} />
      </div>
      <Input
        type="number"
        value={month.getFullYear()}
        min={limits.min?.getFullYear()}
        max={limits.max?.getFullYear()}
        step={1}
        className="dash-datepicker-year"
        setProps={setYearFromBox}
      />
      <button
        type="button"
        className="dash-datepicker-month-nav"
        aria-label="Next month"
        disabled={!canGoForward(last, limits)}
        onClick={() => props.onMonthChange(addMonths(month, 1))}
      >
        <NavIcon back={props.rtl} />
      </button>
    </div>
  );
}

interface MonthTableProps extends CalendarProps {
  shown: Date;
  weekdays: string[];
  cells: React.MutableRefObject<Map<string, HTMLTableCellElement>>;
  onDayKey(event: React.KeyboardEvent, day: Date): void;
}

function DayCell(props: MonthTableProps & { day: CalendarDay }): React.ReactElement {
  const { day } = props;
  if (!day.inside && !props.showOutsideDays) {
    return (
      <td className="dash-datepicker-calendar-padding">
        <span />
      </td>
    );
  }
  const state = props.dayState(day);
  const pick = (): void => {
    if (!state.disabled) props.onPick(day.iso);
  };
  return (
    <td
      ref={(cell) => {
        if (cell && day.inside) props.cells.current.set(day.iso, cell);
        else if (day.inside) props.cells.current.delete(day.iso);
      }}
      className={dayClassName(state)}
      aria-disabled={state.disabled}
      aria-selected={state.selected}
      aria-label={formatDate(day.date, "dddd, MMMM D, YYYY", props.locale)}
      tabIndex={day.inside && !state.disabled ? 0 : undefined}
      onClick={pick}
      onMouseEnter={() => props.onHover?.(day.iso)}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          pick();
        } else {
          props.onDayKey(event, day.date);
        }
      }}
    >
      <span>{day.date.getDate()}</span>
    </td>
  );
}

function MonthTable(props: MonthTableProps): React.ReactElement {
  const weeks = monthWeeks(props.shown, props.firstDayOfWeek);
  return (
    <table className="dash-datepicker-calendar" style={{ width: `${7 * props.daySize + 16}px` }} role="grid">
      <thead>
        {props.monthsShown > 1 ? (
          <tr>
            <th colSpan={7} className="dash-datepicker-calendar-month-header">
              {formatDate(props.shown, props.monthFormat, props.locale)}
            </th>
          </tr>
        ) : null}
        <tr>
          {props.weekdays.map((name, i) => (
            <th key={i}>
              <span>{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].iso} className="dash-datepicker-calendar-week">
            {week.map((day) => (
              <DayCell key={day.iso} {...props} day={day} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Keyboard focus follows the arrow keys, turning the months when it leaves them. */
function useDayFocus(props: CalendarProps) {
  const cells = React.useRef(new Map<string, HTMLTableCellElement>());
  const pending = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (pending.current === null) return;
    const cell = cells.current.get(pending.current);
    if (cell) {
      cell.focus();
      pending.current = null;
    }
  });
  const onDayKey = (event: React.KeyboardEvent, day: Date): void => {
    const target = movedDay(event.key, day, (((props.firstDayOfWeek % 7) + 7) % 7) as Day);
    if (!target || !withinLimits(target, props.limits)) return;
    event.preventDefault();
    const offset = differenceInCalendarMonths(target, props.month);
    if (offset < 0 || offset >= props.monthsShown) props.onMonthChange(addMonths(props.month, offset < 0 ? offset : offset - props.monthsShown + 1));
    pending.current = isoDate(target);
    const cell = cells.current.get(pending.current);
    if (cell) {
      cell.focus();
      pending.current = null;
    }
  };
  return { cells, onDayKey };
}

/** Whether keyboard focus may go to a day: anything between the min and max dates (disabled days included). */
function withinLimits(day: Date, limits: DateLimits): boolean {
  return isAllowed(day, { ...limits, disabled: new Set() });
}

export function DatePickerCalendar(props: CalendarProps): React.ReactElement {
  const names = React.useMemo(() => monthNames(props.locale), [props.locale]);
  const weekdays = React.useMemo(() => weekdayNames(props.firstDayOfWeek, props.locale), [props.firstDayOfWeek, props.locale]);
  const { cells, onDayKey } = useDayFocus(props);
  const months = shownMonths(props.month, props.monthsShown);
  return (
    <div className="dash-datepicker-calendar-wrapper" style={{ "--day-size": `${props.daySize}px` } as React.CSSProperties}>
      <Controls {...props} names={names} />
      <div
        className="dash-datepicker-calendar-container"
        dir={props.rtl ? "rtl" : "ltr"}
        style={{ flexDirection: props.vertical ? "column" : "row" }}
        onMouseLeave={() => props.onHover?.(null)}
      >
        {months.map((shown) => (
          <MonthTable key={shown.getTime()} {...props} shown={shown} weekdays={weekdays} cells={cells} onDayKey={onDayKey} />
        ))}
      </div>
    </div>
  );
}

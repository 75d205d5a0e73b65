// dcc.DatePickerSingle: one text box (`input#{id}`) that opens a calendar (dom-contract §5.6).
// → `date` as `YYYY-MM-DD` when a day is clicked, typed (Enter/Tab/arrows/blur) or cleared.
import { startOfMonth } from "date-fns";
import React from "react";
import { dateLimits, isAllowed, normaliseDate, openingMonth, parseIsoDate } from "../logic/dates";
import type { CalendarDay } from "../logic/dates";
import { domId, sendProps } from "../page";
import type { RendererProps } from "../page";
import { DatePickerCalendar } from "./DatePickerCalendar";
import { DatePickerInput } from "./DatePickerInput";
import { DEFAULT_DISPLAY_FORMAT, DatePickerShell, calendarSettings, portalMode, usePickerLocale } from "./DatePickerShell";
import type { CommonDateProps } from "./DatePickerShell";

export interface DatePickerSingleProps extends CommonDateProps, RendererProps {
  date?: string | null;
  placeholder?: string;
}

export function DatePickerSingle(props: DatePickerSingleProps): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const [month, setMonth] = React.useState(() => startOfMonth(new Date()));
  const locale = usePickerLocale();
  const limits = React.useMemo(
    () => dateLimits(props.min_date_allowed, props.max_date_allowed, props.disabled_days),
    [props.min_date_allowed, props.max_date_allowed, props.disabled_days],
  );
  const date = normaliseDate(props.date);
  const disabled = Boolean(props.disabled);

  const openCalendar = (): void => {
    if (open || disabled) return;
    setMonth(openingMonth(date, props.initial_visible_month, limits, new Date()));
    setOpen(true);
  };
  const choose = (day: string | null): void => {
    if (day !== date) sendProps(props, { date: day });
  };
  const pick = (day: string): void => {
    choose(day);
    if (!props.stay_open_on_select) setOpen(false);
  };
  const commitTyped = (day: string | null): boolean => {
    if (day === null) {
      if (props.clearable) choose(null);
      return Boolean(props.clearable);
    }
    const typed = parseIsoDate(day) as Date;
    if (!isAllowed(typed, limits)) return false;
    choose(day);
    setMonth(startOfMonth(typed));
    return true;
  };
  const clear = (): void => {
    choose(null);
    if (props.reopen_calendar_on_clear) openCalendar();
    else setOpen(false);
  };
  const dayState = (day: CalendarDay) => ({
    inside: day.inside,
    selected: day.iso === date,
    highlighted: false,
    disabled: !isAllowed(day.date, limits),
  });
  const id = domId(props.id);
  const placeholder = props.placeholder ?? "Select Date";

  return (
    <DatePickerShell
      wrapperId={id === undefined ? undefined : `${id}-wrapper`}
      className={props.className}
      style={props.style}
      disabled={disabled}
      open={open}
      setOpen={(next) => (next ? openCalendar() : setOpen(false))}
      portal={portalMode(props.with_portal, props.with_full_screen_portal)}
      clearLabel={props.clearable && !disabled && date ? "Clear date" : undefined}
      onClear={clear}
      calendar={() => (
        <DatePickerCalendar
          {...calendarSettings(props, locale, { months: 1, outsideDays: true })}
          month={month}
          onMonthChange={setMonth}
          limits={limits}
          dayState={dayState}
          onPick={pick}
        />
      )}
    >
      <DatePickerInput
        id={id}
        className="dash-datepicker-input dash-datepicker-end-date"
        value={date}
        placeholder={placeholder}
        displayFormat={props.display_format ?? DEFAULT_DISPLAY_FORMAT}
        locale={locale}
        disabled={disabled}
        rtl={Boolean(props.is_RTL)}
        ariaLabel={placeholder}
        onCommit={commitTyped}
        onFocus={() => undefined}
        onOpen={openCalendar}
      />
    </DatePickerShell>
  );
}

DatePickerSingle.dashPersistence = { persisted_props: ["date"], persistence_type: "local" };

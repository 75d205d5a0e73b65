// dcc.DatePickerRange: start and end boxes (`input#{id}`, `input#{id}-end-date`) sharing one
// calendar (dom-contract §5.6). → `start_date` / `end_date` as `YYYY-MM-DD`, each as soon as it is
// chosen ('singledate') or both together once the range is complete ('bothdates').
import { addMonths, differenceInCalendarMonths, startOfMonth } from "date-fns";
import React from "react";
import { dateLimits, isAllowed, normaliseDate, openingMonth, parseIsoDate } from "../logic/dates";
import type { CalendarDay, DateLimits } from "../logic/dates";
import { isHighlighted, pickRangeDay, rangeChanges, tooFewNights } from "../logic/daterange";
import type { DateRange, RangeEnd } from "../logic/daterange";
import { domId, sendProps } from "../page";
import type { RendererProps } from "../page";
import { DatePickerCalendar } from "./DatePickerCalendar";
import { DatePickerInput } from "./DatePickerInput";
import { DEFAULT_DISPLAY_FORMAT, DatePickerShell, calendarSettings, portalMode, usePickerLocale } from "./DatePickerShell";
import type { CommonDateProps } from "./DatePickerShell";

export interface DatePickerRangeProps extends CommonDateProps, RendererProps {
  start_date?: string | null;
  end_date?: string | null;
  start_date_id?: string;
  end_date_id?: string;
  start_date_placeholder_text?: string;
  end_date_placeholder_text?: string;
  minimum_nights?: number;
  updatemode?: "singledate" | "bothdates";
}

function RangeArrow(): React.ReactElement {
  return (
    <svg className="dash-datepicker-range-arrow" width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <path d="M2.5 7.5h10M9 4l3.5 3.5L9 11" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The range shown: the props, or the user's half-chosen range until it is sent. */
function useDraftRange(sent: DateRange): [DateRange, (range: DateRange) => void] {
  const [draft, setDraft] = React.useState<DateRange>(sent);
  React.useEffect(() => setDraft(sent), [sent.start, sent.end]);
  return [draft, setDraft];
}

/** The first month to show so that the day the user is about to change is visible, together with
 * the start day when both fit in the panels. */
function firstMonthFor(range: DateRange, focus: RangeEnd, props: DatePickerRangeProps, limits: DateLimits, months: number): Date {
  const focused = focus === "end" ? range.end ?? range.start : range.start ?? range.end;
  const first = openingMonth(focused, props.initial_visible_month, limits, new Date());
  if (!(focus === "end" && range.end && focused === range.end)) return first;
  const start = parseIsoDate(range.start);
  const gap = start ? differenceInCalendarMonths(first, start) : -1;
  return start && gap >= 0 && gap < months ? startOfMonth(start) : addMonths(first, -(months - 1));
}

export function DatePickerRange(props: DatePickerRangeProps): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const [month, setMonth] = React.useState(() => startOfMonth(new Date()));
  const [focus, setFocus] = React.useState<RangeEnd>("start");
  const [hovered, setHovered] = React.useState<string | null>(null);
  const locale = usePickerLocale();
  const limits = React.useMemo(
    () => dateLimits(props.min_date_allowed, props.max_date_allowed, props.disabled_days),
    [props.min_date_allowed, props.max_date_allowed, props.disabled_days],
  );
  const sent: DateRange = { start: normaliseDate(props.start_date), end: normaliseDate(props.end_date) };
  const [range, setRange] = useDraftRange(sent);
  const disabled = Boolean(props.disabled);
  const minimumNights = props.minimum_nights ?? 0;
  const settings = calendarSettings(props, locale, { months: 2, outsideDays: false });

  const openCalendar = (end: RangeEnd = focus): void => {
    if (open || disabled) return;
    setMonth(firstMonthFor(range, end, props, limits, settings.monthsShown));
    setOpen(true);
  };
  const apply = (next: DateRange): void => {
    setRange(next);
    const changes = rangeChanges(sent, next, props.updatemode);
    if (changes) sendProps(props, changes);
  };
  const inputs = { start: React.useRef<HTMLInputElement>(null), end: React.useRef<HTMLInputElement>(null) };
  const pick = (day: string): void => {
    const result = pickRangeDay(range, day, focus, minimumNights);
    apply(result.range);
    setFocus(result.next);
    if (result.complete && !props.stay_open_on_select) setOpen(false);
    else inputs[result.next].current?.focus();
  };
  const commitTyped = (end: RangeEnd) => (day: string | null): boolean => {
    if (day === null) {
      if (props.clearable) apply(end === "start" ? { ...range, start: null } : { ...range, end: null });
      return Boolean(props.clearable);
    }
    const typed = parseIsoDate(day) as Date;
    if (!isAllowed(typed, limits) || tooFewNights(day, range, end, minimumNights)) return false;
    const result = pickRangeDay(range, day, end, minimumNights);
    if (end === "end" && result.range.end !== day) return false;
    apply(result.range);
    const offset = differenceInCalendarMonths(typed, month);
    if (offset < 0 || offset >= settings.monthsShown) setMonth(startOfMonth(typed));
    return true;
  };
  const clear = (): void => {
    apply({ start: null, end: null });
    setFocus("start");
    if (props.reopen_calendar_on_clear) openCalendar("start");
    else setOpen(false);
  };
  const dayState = (day: CalendarDay) => ({
    inside: day.inside,
    selected: day.iso === range.start || day.iso === range.end,
    highlighted: isHighlighted(day.iso, range, hovered, focus),
    disabled: !isAllowed(day.date, limits) || tooFewNights(day.iso, range, focus, minimumNights),
  });

  const id = domId(props.id);
  const startId = props.start_date_id ?? id;
  const endId = props.end_date_id ?? (id === undefined ? undefined : `${id}-end-date`);
  const startPlaceholder = props.start_date_placeholder_text ?? "Start Date";
  const endPlaceholder = props.end_date_placeholder_text ?? "End Date";
  const boxProps = {
    displayFormat: props.display_format ?? DEFAULT_DISPLAY_FORMAT,
    locale,
    disabled,
    rtl: settings.rtl,
  };
  return (
    <DatePickerShell
      wrapperId={id === undefined ? undefined : `${id}-wrapper`}
      className={props.className}
      style={props.style}
      disabled={disabled}
      open={open}
      setOpen={(next) => (next ? openCalendar() : setOpen(false))}
      portal={portalMode(props.with_portal, props.with_full_screen_portal)}
      clearLabel={props.clearable && !disabled ? "Clear Dates" : undefined}
      onClear={clear}
      labelledBy={[startId, endId].filter(Boolean).join(" ") || undefined}
      calendar={() => (
        <DatePickerCalendar
          {...settings}
          month={month}
          onMonthChange={setMonth}
          limits={limits}
          dayState={dayState}
          onPick={pick}
          onHover={setHovered}
        />
      )}
    >
      <DatePickerInput
        {...boxProps}
        id={startId}
        className="dash-datepicker-input dash-datepicker-start-date"
        inputRef={inputs.start}
        value={range.start}
        placeholder={startPlaceholder}
        ariaLabel={startPlaceholder}
        onCommit={commitTyped("start")}
        onFocus={() => setFocus("start")}
        onOpen={() => openCalendar("start")}
      />
      <RangeArrow />
      <DatePickerInput
        {...boxProps}
        id={endId}
        className="dash-datepicker-input dash-datepicker-end-date"
        inputRef={inputs.end}
        value={range.end}
        placeholder={endPlaceholder}
        ariaLabel={endPlaceholder}
        onCommit={commitTyped("end")}
        onFocus={() => setFocus("end")}
        onOpen={() => openCalendar("end")}
      />
    </DatePickerShell>
  );
}

DatePickerRange.dashPersistence = { persisted_props: ["start_date", "end_date"], persistence_type: "local" };

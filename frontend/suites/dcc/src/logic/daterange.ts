// DatePickerRange rules (renderer §5.2): picking the two ends, `minimum_nights`, what the calendar
// highlights, and which props are sent for `updatemode` 'singledate' and 'bothdates'.
import { differenceInCalendarDays } from "date-fns";
import { parseIsoDate } from "./dates";

export type RangeEnd = "start" | "end";

export interface DateRange {
  start: string | null;
  end: string | null;
}

export interface RangePick {
  range: DateRange;
  /** The end the next pick sets. */
  next: RangeEnd;
  /** Both ends are chosen: the calendar may close. */
  complete: boolean;
}

function nights(from: string, to: string): number {
  return differenceInCalendarDays(parseIsoDate(to) as Date, parseIsoDate(from) as Date);
}

/**
 * A day picked while `focus` is the end being chosen. A start after the end (or closer than
 * `minimum_nights`) drops the end; an end before the start starts a new range.
 */
export function pickRangeDay(range: DateRange, day: string, focus: RangeEnd, minimumNights: number): RangePick {
  if (focus === "start") {
    const keepEnd = range.end !== null && nights(day, range.end) >= minimumNights;
    return { range: { start: day, end: keepEnd ? range.end : null }, next: "end", complete: false };
  }
  if (range.start === null) return { range: { start: null, end: day }, next: "start", complete: false };
  const gap = nights(range.start, day);
  if (gap < 0) return { range: { start: day, end: null }, next: "end", complete: false };
  if (gap < minimumNights) return { range, next: "end", complete: false };
  return { range: { start: range.start, end: day }, next: "start", complete: true };
}

/** Whether a day cannot be the end because it is too close after the start (`minimum_nights`). */
export function tooFewNights(day: string, range: DateRange, focus: RangeEnd, minimumNights: number): boolean {
  if (focus !== "end" || range.start === null || minimumNights <= 0) return false;
  const gap = nights(range.start, day);
  return gap >= 0 && gap < minimumNights;
}

/** Whether a day lies in the range, or between the start and the hovered day while the end is chosen. */
export function isHighlighted(day: string, range: DateRange, hovered: string | null, focus: RangeEnd): boolean {
  const { start } = range;
  const end = range.end ?? (focus === "end" && start !== null ? hovered : null);
  if (start === null || end === null) return false;
  return nights(start, day) >= 0 && nights(day, end) >= 0;
}

/**
 * The props to send after the range changed: 'singledate' sends each changed end at once;
 * 'bothdates' waits until both ends are set (or both cleared) and sends them together.
 */
export function rangeChanges(sent: DateRange, range: DateRange, updatemode: string | undefined): Record<string, string | null> | null {
  const changes: Record<string, string | null> = {};
  if (updatemode === "bothdates") {
    const settled = (range.start !== null) === (range.end !== null);
    if (!settled || (range.start === sent.start && range.end === sent.end)) return null;
    return { start_date: range.start, end_date: range.end };
  }
  if (range.start !== sent.start) changes.start_date = range.start;
  if (range.end !== sent.end) changes.end_date = range.end;
  return Object.keys(changes).length ? changes : null;
}

export interface DayState {
  inside: boolean;
  selected: boolean;
  highlighted: boolean;
  disabled: boolean;
}

/** The class string of a day cell (it starts with a space, as Dash's does). */
export function dayClassName(state: DayState): string {
  const base = state.inside ? "dash-datepicker-calendar-date-inside" : "dash-datepicker-calendar-date-outside";
  const classes = [base];
  if (state.selected) classes.push("dash-datepicker-calendar-date-selected");
  if (state.highlighted) classes.push("dash-datepicker-calendar-date-highlighted");
  if (state.disabled) classes.push("dash-datepicker-calendar-date-disabled");
  return ` ${classes.join(" ")}`;
}

// Date rules of DatePickerSingle / DatePickerRange (renderer §5.2): `YYYY-MM-DD` strings in and out,
// moment-style `display_format`/`month_format` turned into date-fns patterns, allowed days, the
// calendar grid of a month, and the locale the page provides through `window.dateFns.locale`.
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  endOfMonth,
  endOfWeek,
  format,
  isValid,
  parse,
  startOfMonth,
  startOfWeek,
} from "date-fns";
import type { Day, Locale } from "date-fns";

const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/;

/** The day of a `YYYY-MM-DD` string (a time part is ignored) as a local Date; null when not a date. */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  date.setFullYear(year);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** A local Date as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** A date prop normalised to `YYYY-MM-DD` (time dropped), or null. */
export function normaliseDate(value: unknown): string | null {
  const date = parseIsoDate(value);
  return date ? isoDate(date) : null;
}

// moment.js tokens (longest first) and their date-fns equivalents.
const MOMENT_TOKENS: [string, string][] = [
  ["YYYYYY", "yyyyyy"], ["YYYY", "yyyy"], ["YY", "yy"], ["Y", "y"],
  ["gggg", "YYYY"], ["gg", "YY"], ["GGGG", "RRRR"], ["GG", "RR"],
  ["Qo", "Qo"], ["Q", "Q"],
  ["MMMM", "MMMM"], ["MMM", "MMM"], ["MM", "MM"], ["Mo", "Mo"], ["M", "M"],
  ["DDDD", "DDD"], ["DDDo", "Do"], ["DDD", "D"], ["DD", "dd"], ["Do", "do"], ["D", "d"],
  ["dddd", "EEEE"], ["ddd", "EEE"], ["dd", "EEEEEE"], ["do", "eo"], ["d", "e"],
  ["E", "i"], ["e", "e"],
  ["WW", "II"], ["Wo", "Io"], ["W", "I"], ["ww", "ww"], ["wo", "wo"], ["w", "w"],
  ["HH", "HH"], ["H", "H"], ["hh", "hh"], ["h", "h"], ["kk", "kk"], ["k", "k"],
  ["mm", "mm"], ["m", "m"], ["ss", "ss"], ["s", "s"],
  ["SSS", "SSS"], ["SS", "SS"], ["S", "S"],
  ["A", "a"], ["a", "aaa"],
  ["ZZ", "xx"], ["Z", "xxx"], ["X", "t"], ["x", "T"],
  ["LLLL", "PPPPp"], ["LLL", "PPp"], ["LL", "PP"], ["LTS", "pp"], ["LT", "p"], ["L", "P"],
  ["llll", "PPPp"], ["lll", "PPp"], ["ll", "PP"], ["l", "P"],
];

function quoted(text: string): string {
  return text ? `'${text.replace(/'/g, "''")}'` : "";
}

/** A moment-style format (`YYYY-MM-DD`, `MMMM Do, YYYY`, `[Week] W`) as a date-fns pattern. */
export function momentToDateFns(pattern: string): string {
  let out = "";
  let literal = "";
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === "[") {
      const close = pattern.indexOf("]", i);
      literal += close === -1 ? pattern.slice(i + 1) : pattern.slice(i + 1, close);
      i = close === -1 ? pattern.length : close + 1;
      continue;
    }
    const token = MOMENT_TOKENS.find(([moment]) => pattern.startsWith(moment, i));
    if (token) {
      out += quoted(literal) + token[1];
      literal = "";
      i += token[0].length;
    } else if (/[a-zA-Z']/.test(pattern[i])) {
      literal += pattern[i++];
    } else {
      out += quoted(literal) + pattern[i++];
      literal = "";
    }
  }
  return out + quoted(literal);
}

const patterns = new Map<string, string>();

function datePattern(moment: string): string {
  let pattern = patterns.get(moment);
  if (pattern === undefined) {
    pattern = momentToDateFns(moment);
    patterns.set(moment, pattern);
  }
  return pattern;
}

function fnsOptions(locale: Locale | undefined, weekStartsOn?: Day) {
  return { locale, weekStartsOn, useAdditionalWeekYearTokens: true, useAdditionalDayOfYearTokens: true };
}

/** `date` written with a moment-style format (falls back to `YYYY-MM-DD` if the format is unusable). */
export function formatDate(date: Date, momentFormat: string, locale?: Locale): string {
  try {
    return format(date, datePattern(momentFormat), fnsOptions(locale));
  } catch {
    return isoDate(date);
  }
}

/** Text typed by the user read with the display format (or as `YYYY-MM-DD`); null when it is no date. */
export function parseTypedDate(text: string, momentFormat: string, locale?: Locale): Date | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const parsed = parse(trimmed, datePattern(momentFormat), new Date(2000, 0, 1), fnsOptions(locale));
    if (isValid(parsed) && parsed.getFullYear() >= 1000) return new Date(parsed.getFullYear(), parsed.getMonth(), parsed.getDate());
  } catch {
    // an unusable display format: fall through to ISO dates
  }
  return parseIsoDate(trimmed);
}

/** Which days may be picked: `min_date_allowed`, `max_date_allowed` and `disabled_days`. */
export interface DateLimits {
  min: Date | null;
  max: Date | null;
  disabled: ReadonlySet<string>;
}

export function dateLimits(min: unknown, max: unknown, disabledDays: unknown): DateLimits {
  const days = Array.isArray(disabledDays) ? disabledDays.map(normaliseDate).filter((d): d is string => d !== null) : [];
  return { min: parseIsoDate(min), max: parseIsoDate(max), disabled: new Set(days) };
}

export function isAllowed(date: Date, limits: DateLimits): boolean {
  if (limits.min && differenceInCalendarDays(date, limits.min) < 0) return false;
  if (limits.max && differenceInCalendarDays(date, limits.max) > 0) return false;
  return !limits.disabled.has(isoDate(date));
}

/** The first month shown when the calendar opens: the selected day, `initial_visible_month`, or today within the limits. */
export function openingMonth(selected: unknown, initialVisibleMonth: unknown, limits: DateLimits, today: Date): Date {
  const chosen = parseIsoDate(selected) ?? parseIsoDate(initialVisibleMonth);
  if (chosen) return startOfMonth(chosen);
  if (limits.max && differenceInCalendarDays(today, limits.max) > 0) return startOfMonth(limits.max);
  if (limits.min && differenceInCalendarDays(today, limits.min) < 0) return startOfMonth(limits.min);
  return startOfMonth(today);
}

/** Whether the month before `first` (or after `last`) still holds an allowed day. */
export function canGoBack(first: Date, limits: DateLimits): boolean {
  return !limits.min || differenceInCalendarDays(startOfMonth(limits.min), first) < 0;
}

export function canGoForward(last: Date, limits: DateLimits): boolean {
  return !limits.max || differenceInCalendarDays(startOfMonth(limits.max), startOfMonth(last)) > 0;
}

export interface CalendarDay {
  date: Date;
  iso: string;
  inside: boolean;
}

/** The weeks shown for a month, each seven days starting on `firstDayOfWeek` (0 = Sunday). */
export function monthWeeks(month: Date, firstDayOfWeek: number): CalendarDay[][] {
  const weekStartsOn = (((firstDayOfWeek % 7) + 7) % 7) as Day;
  const first = startOfMonth(month);
  const last = endOfWeek(endOfMonth(month), { weekStartsOn });
  const weeks: CalendarDay[][] = [];
  for (let day = startOfWeek(first, { weekStartsOn }); differenceInCalendarDays(last, day) >= 0; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    weeks[weeks.length - 1].push({ date: day, iso: isoDate(day), inside: day.getMonth() === first.getMonth() });
  }
  return weeks;
}

/** The two-letter weekday names of the header, starting on `firstDayOfWeek`. */
export function weekdayNames(firstDayOfWeek: number, locale?: Locale): string[] {
  const sunday = new Date(2023, 0, 1);
  return Array.from({ length: 7 }, (_, i) => format(addDays(sunday, (firstDayOfWeek + i) % 7), "EEEEEE", { locale }));
}

/** The twelve month names of the locale. */
export function monthNames(locale?: Locale): string[] {
  return Array.from({ length: 12 }, (_, i) => format(new Date(2023, i, 1), "LLLL", { locale }));
}

/** The months shown side by side, starting at `first`. */
export function shownMonths(first: Date, count: number): Date[] {
  return Array.from({ length: Math.max(1, count) }, (_, i) => addMonths(startOfMonth(first), i));
}

/** The date-fns locale for the browser's languages among those the page loaded into `window.dateFns.locale`. */
export function pickLocale(available: Record<string, Locale> | undefined, languages: readonly string[]): Locale | undefined {
  if (!available) return undefined;
  const entries = Object.entries(available);
  const find = (wanted: string): Locale | undefined => {
    const compact = wanted.replace(/[-_]/g, "").toLowerCase();
    const hit = entries.find(
      ([key, locale]) => key.toLowerCase() === compact || locale?.code?.replace(/[-_]/g, "").toLowerCase() === compact,
    );
    return hit?.[1];
  };
  for (const language of languages) {
    const locale = find(language) ?? find(language.split("-")[0]);
    if (locale) return locale;
  }
  return undefined;
}

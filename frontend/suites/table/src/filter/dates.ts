// Date text for `datestartswith`: "2024-1-5 7:3" and "2024-01-05T07:03" compare alike once every
// part is zero-padded; two-digit years mean 19YY/20YY (within 50 years of now, as Dash allows).

const DATE = /^\s*(\d{4}|\d{2})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?)?)?)?\s*Z?\s*$/i;

function pad(part: string): string {
  return part.length === 1 ? `0${part}` : part;
}

function fullYear(year: string, now = new Date()): string {
  if (year.length === 4) return year;
  const current = now.getFullYear();
  let candidate = Math.floor(current / 100) * 100 + Number(year);
  if (candidate > current + 50) candidate -= 100;
  return String(candidate);
}

/** The canonical `YYYY-MM-DD HH:MM:SS.fff` prefix of a date text, or null if it is not a date. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  let text = fullYear(year);
  if (month) text += `-${pad(month)}`;
  if (day) text += `-${pad(day)}`;
  if (hour) text += ` ${pad(hour)}`;
  if (minute) text += `:${pad(minute)}`;
  if (second) text += `:${pad(second)}${fraction ?? ""}`;
  return text;
}

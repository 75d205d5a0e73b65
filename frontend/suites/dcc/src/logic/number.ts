// dcc.Input value rules (renderer §5.2): what the box shows for a value, and what value the box's
// text stands for. Pure functions, shared by the component and the node tests.

export type InputValue = string | number | null | undefined;

/** Whether the input type carries numbers. */
export function isNumberType(type: unknown): boolean {
  return type === "number";
}

/** The number typed in a box, or null when the text is empty or not a finite number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * The prop value the box's text stands for. Number boxes give a number, or null when the text is
 * empty, not a number, or breaks the `min`/`max`/`step` constraints (`valid` false).
 */
export function valueFromText(text: string, type: unknown, valid: boolean): string | number | null {
  if (!isNumberType(type)) return text;
  if (!valid) return null;
  return parseNumber(text);
}

/** Whether two values are the same for this input type (numbers compare numerically). */
export function sameValue(a: InputValue, b: InputValue, type: unknown): boolean {
  const emptyA = a === null || a === undefined || a === "";
  const emptyB = b === null || b === undefined || b === "";
  if (emptyA || emptyB) return emptyA === emptyB;
  if (isNumberType(type)) return Number(a) === Number(b);
  return String(a) === String(b);
}

/** The text a box shows for a prop value. */
export function textOf(value: InputValue): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Whether the box's current text already shows `value` (so a re-render must not overwrite it). */
export function textShowsValue(text: string, value: InputValue, type: unknown): boolean {
  if (!isNumberType(type)) return text === textOf(value);
  const typed = parseNumber(text);
  if (value === null || value === undefined || value === "") return typed === null;
  return typed !== null && typed === Number(value);
}

function finiteOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Number of decimals needed to show `value` without float noise. */
function decimals(value: number): number {
  const text = String(value);
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

export interface StepLimits {
  step?: unknown;
  min?: unknown;
  max?: unknown;
}

/** The step the -/+ buttons use: `step`, or 1 when it is "any" or missing. */
export function stepSize(step: unknown): number {
  const parsed = finiteOrNull(step);
  return parsed !== null && parsed > 0 ? parsed : 1;
}

/**
 * The value after pressing - (`direction` -1) or + (+1): one step along the grid that starts at
 * `min` (or 0), clamped to `min`/`max`. An empty box starts from `min`, else from 0.
 */
export function stepped(current: InputValue, direction: 1 | -1, limits: StepLimits): number {
  const step = stepSize(limits.step);
  const min = finiteOrNull(limits.min);
  const max = finiteOrNull(limits.max);
  const base = min ?? 0;
  const start = finiteOrNull(current);
  let next: number;
  if (start === null) {
    next = min ?? 0;
    if (min === null) next = direction > 0 ? step : -step;
  } else {
    const offset = (start - base) / step;
    const onGrid = Math.abs(offset - Math.round(offset)) < 1e-9;
    const index = onGrid ? Math.round(offset) + direction : direction > 0 ? Math.ceil(offset) : Math.floor(offset);
    next = base + index * step;
  }
  if (min !== null && next < min) next = min;
  if (max !== null && next > max) next = max;
  const digits = Math.max(decimals(step), decimals(base));
  return Number(next.toFixed(Math.min(digits, 20)));
}

/** Whether the - (`direction` -1) or + (+1) button can still move the value. */
export function canStep(current: InputValue, direction: 1 | -1, limits: StepLimits): boolean {
  const value = finiteOrNull(current);
  if (value === null) return true;
  const bound = finiteOrNull(direction > 0 ? limits.max : limits.min);
  if (bound === null) return true;
  return direction > 0 ? value < bound : value > bound;
}

/** The debounce delay in ms for a numeric `debounce`, else null (True/False are not timers). */
export function debounceDelay(debounce: unknown): number | null {
  if (typeof debounce !== "number" || !Number.isFinite(debounce) || debounce < 0) return null;
  return debounce * 1000;
}

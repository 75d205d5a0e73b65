// dcc.Slider / dcc.RangeSlider rules (renderer §5.2): bounds and step inference, marks (given or
// generated), snapping, tooltips and the direct-input boxes. Pure functions for the components
// and the node tests.
import { format } from "d3-format";

export interface Mark {
  value: number;
  label: string;
  style?: Record<string, unknown>;
}

/** Given marks beyond this count are ignored in favour of generated ones. */
export const MAX_MARKS = 500;
/** Dots are only drawn when there are at most this many steps. */
export const MAX_DOTS = 100;
const FALLBACK_MIN = 0;
const FALLBACK_MAX = 100;

function finite(value: unknown): number | null {
  if (value === null || value === undefined || value === "" || typeof value === "boolean") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The numeric keys of a `marks` dict (non-numeric keys are skipped). */
function markKeys(marks: unknown): number[] {
  if (typeof marks !== "object" || marks === null) return [];
  return Object.keys(marks)
    .map((key) => finite(key))
    .filter((key): key is number => key !== null);
}

/** `min` and `max`: as given, else the smallest/largest mark, else 0 and 100. */
export function sliderBounds(min: unknown, max: unknown, marks: unknown): { min: number; max: number } {
  const keys = markKeys(marks);
  const low = finite(min) ?? (keys.length ? Math.min(...keys) : FALLBACK_MIN);
  let high = finite(max) ?? (keys.length ? Math.max(...keys) : Math.max(FALLBACK_MAX, low + 1));
  if (high < low) high = low;
  return { min: low, max: high };
}

/**
 * The step: as given when positive; `null` (None) means "marks only"; missing gives 1 for integer
 * bounds, else a power of ten leaving 100 to 1000 positions.
 */
export function sliderStep(step: unknown, min: number, max: number): number | null {
  if (step === null) return null;
  const given = finite(step);
  if (given !== null && given > 0) return given;
  if (Number.isInteger(min) && Number.isInteger(max)) return 1;
  const range = max - min;
  if (range <= 0) return 1;
  return 10 ** (Math.floor(Math.log10(range)) - 2);
}

/** Number of decimals needed to write `value` without float noise. */
export function decimalsOf(value: number): number {
  const text = String(value);
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `value` rounded to the precision of the grid (removes 0.1 + 0.2 noise). */
export function roundTo(value: number, ...grid: number[]): number {
  const digits = Math.min(20, Math.max(0, ...grid.map(decimalsOf)));
  return Number(value.toFixed(digits));
}

const siFormat = format("~s");

/** The label of a generated mark: SI prefixes from 1000 up (10k, 2.5M), plain numbers below. */
export function markLabel(value: number): string {
  if (Math.abs(value) >= 1000) return siFormat(value).replace("−", "-");
  return String(roundTo(value, 1e-10));
}

/** The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at least `raw`. */
function niceAtLeast(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (power * factor >= raw - 1e-12) return power * factor;
  }
  return power * 10;
}

/**
 * Marks generated when `marks` is not given: `min`, `max` and evenly spaced nice values between
 * them (at most 11), on the step grid, none crowding `max`.
 */
export function generatedMarks(min: number, max: number, step: number | null): Mark[] {
  if (max <= min) return [{ value: min, label: markLabel(min) }];
  const grid = step ?? 0;
  let interval = niceAtLeast((max - min) / 10);
  if (grid > 0 && interval < grid) interval = grid;
  if (grid > 0) interval = Math.ceil(roundTo(interval / grid, 1e-9)) * grid;
  const values: number[] = [];
  for (let v = min; v < max - interval * 0.5 + 1e-12; v = roundTo(v + interval, interval, min)) values.push(v);
  values.push(max);
  return values.map((value) => ({ value, label: markLabel(value) }));
}

/**
 * The marks to draw: none when `marks` is null, generated when it is missing or has more than
 * 500 entries, else the given ones inside [min, max], sorted. Labels are strings or `{label, style}`.
 */
export function sliderMarks(marks: unknown, min: number, max: number, step: number | null): Mark[] {
  if (marks === null) return [];
  if (typeof marks !== "object" || Object.keys(marks).length > MAX_MARKS) {
    return generatedMarks(min, max, step);
  }
  const out: Mark[] = [];
  for (const [key, entry] of Object.entries(marks as Record<string, unknown>)) {
    const value = finite(key);
    if (value === null || value < min || value > max) continue;
    if (typeof entry === "object" && entry !== null) {
      const { label, style } = entry as { label?: unknown; style?: Record<string, unknown> };
      out.push({ value, label: label === undefined || label === null ? "" : String(label), style });
    } else {
      out.push({ value, label: entry === undefined || entry === null ? "" : String(entry) });
    }
  }
  return out.sort((a, b) => a.value - b.value);
}

export interface SliderGrid {
  min: number;
  max: number;
  step: number | null;
  marks: Mark[];
}

/** `value` clamped to [min, max] and moved to the nearest allowed position (step or mark). */
export function snapValue(value: number, grid: SliderGrid): number {
  const clamped = Math.min(grid.max, Math.max(grid.min, value));
  if (grid.step === null) {
    if (!grid.marks.length) return clamped;
    let best = grid.marks[0].value;
    for (const mark of grid.marks) if (Math.abs(mark.value - clamped) < Math.abs(best - clamped)) best = mark.value;
    return best;
  }
  const steps = Math.round((clamped - grid.min) / grid.step);
  let snapped = roundTo(grid.min + steps * grid.step, grid.step, grid.min);
  if (snapped > grid.max) snapped = roundTo(snapped - grid.step, grid.step, grid.min);
  return snapped;
}

/** With step None, the mark after (`direction` 1) or before (-1) `value`, or `value` at the ends. */
export function adjacentMark(value: number, direction: 1 | -1, marks: Mark[]): number {
  const values = marks.map((m) => m.value);
  if (direction > 0) return values.find((v) => v > value + 1e-12) ?? value;
  return [...values].reverse().find((v) => v < value - 1e-12) ?? value;
}

const STEP_KEYS = new Set(["ArrowUp", "ArrowRight", "ArrowDown", "ArrowLeft", "PageUp", "PageDown"]);

/**
 * Which way a key moves a handle: 1 towards max, -1 towards min, null for other keys. Right/Up
 * move towards max unless `reverse` flips the axis (then Left on horizontal, Down on vertical).
 */
export function keyDirection(key: string, vertical: boolean, reverse: boolean): 1 | -1 | null {
  if (!STEP_KEYS.has(key)) return null;
  if (key === "PageUp") return 1;
  if (key === "PageDown") return -1;
  let back: string[];
  if (!reverse) back = ["ArrowDown", "ArrowLeft"];
  else back = vertical ? ["ArrowUp", "ArrowLeft"] : ["ArrowDown", "ArrowRight"];
  return back.includes(key) ? -1 : 1;
}

/** Where `value` sits along the track, 0 to 100. */
export function percentOf(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

/**
 * The CSS offset of a mark or dot at `percent`, matching Radix's thumb positions: thumbs are kept
 * inside the track, so they sit half a thumb in from each end.
 */
export function alignedOffset(percent: number): string {
  const shift = roundTo(1 - percent / 50, 1e-6);
  return `calc(${roundTo(percent, 1e-6)}% + var(--Dash-Slider-Thumb-Size, 16px) / 2 * ${shift})`;
}

/** Positions of the dots (`dots=True`): every step, when there are at most 100. */
export function dotValues(min: number, max: number, step: number | null): number[] {
  if (step === null || step <= 0 || max <= min) return [];
  const count = Math.floor(roundTo((max - min) / step, 1e-9));
  if (count > MAX_DOTS) return [];
  return Array.from({ length: count + 1 }, (_, i) => roundTo(min + i * step, step, min));
}

/** Whether a mark is inside the highlighted part of the track. */
export function insideSelection(value: number, values: number[], included: boolean, range: boolean): boolean {
  if (!included || !values.length) return false;
  const low = range ? Math.min(...values) : -Infinity;
  const high = Math.max(...values);
  return value >= low - 1e-12 && value <= high + 1e-12;
}

/** The handle positions: the given number(s), else min (Slider) or min..max (RangeSlider). */
export function thumbValues(value: unknown, range: boolean, min: number, max: number, count?: unknown): number[] {
  if (range) {
    if (Array.isArray(value) && value.length) {
      return value.map((v) => finite(v) ?? min).map((v) => Math.min(max, Math.max(min, v)));
    }
    const handles = Math.max(2, (finite(count) ?? 1) + 1);
    return Array.from({ length: handles }, (_, i) => roundTo(min + ((max - min) * i) / (handles - 1), 1e-9));
  }
  const single = finite(Array.isArray(value) ? value[0] : value);
  return [Math.min(max, Math.max(min, single ?? min))];
}

export interface TooltipSpec {
  always_visible?: boolean;
  placement?: string;
  template?: string;
  style?: Record<string, unknown>;
  transform?: string;
}

/** The text of a handle's tooltip: `transform` (a `window.dccFunctions` name) then `template`. */
export function tooltipText(
  value: number,
  tooltip: TooltipSpec | null | undefined,
  functions: Record<string, unknown> | undefined,
): string {
  let shown: unknown = value;
  const name = tooltip?.transform;
  if (name && functions && typeof functions[name] === "function") {
    shown = (functions[name] as (v: number) => unknown)(value);
  }
  const template = tooltip?.template;
  return template ? template.split("{value}").join(String(shown)) : String(shown);
}

/** Whether the number boxes are shown: allowed, a real step, horizontal, one or two handles. */
export function showsInputs(allow: unknown, step: number | null, vertical: boolean, handles: number): boolean {
  return allow !== false && step !== null && !vertical && handles <= 2;
}

/**
 * The handle values after typing `text` into box `index` (on blur/Enter): parsed, snapped,
 * clamped and, for ranges, kept between the neighbouring handles. Null when the text is no number.
 */
export function valuesFromInput(text: string, index: number, values: number[], grid: SliderGrid): number[] | null {
  const typed = finite(text.trim());
  if (typed === null) return null;
  let next = snapValue(typed, grid);
  if (index > 0) next = Math.max(next, values[index - 1]);
  if (index < values.length - 1) next = Math.min(next, values[index + 1]);
  const out = [...values];
  out[index] = next;
  return out;
}

/** Whether two value lists are equal. */
export function sameValues(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** RangeSlider `pushable`: the minimum number of steps kept between handles (True/False = 0). */
export function minStepsBetween(pushable: unknown): number {
  const number = finite(pushable);
  return number !== null && number > 0 ? number : 0;
}

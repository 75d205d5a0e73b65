// dcc.Dropdown rules (renderer §5.2): searching, ordering, multi-value edits and the texts shown.
// Pure functions over normalized options, shared by the component and the node tests.
import { labelText } from "./options";
import type { NormalizedOption, OptionValue } from "./options";

/** The value shown by a single dropdown (null when nothing is selected). */
export type DropdownValue = OptionValue | OptionValue[] | undefined;

/** The texts of the `labels` prop, with Dash's English defaults. */
export interface DropdownLabels {
  select_all: string;
  deselect_all: string;
  selected_count: string;
  search: string;
  clear_search: string;
  clear_selection: string;
  no_options_found: string;
}

export const DEFAULT_LABELS: DropdownLabels = {
  select_all: "Select All",
  deselect_all: "Deselect All",
  selected_count: "{num_selected} selected",
  search: "Search",
  clear_search: "Clear search",
  clear_selection: "Clear selection",
  no_options_found: "No options found",
};

/** The `labels` prop merged over the defaults (unknown keys and non-strings are ignored). */
export function dropdownLabels(labels: unknown): DropdownLabels {
  const merged = { ...DEFAULT_LABELS };
  if (typeof labels !== "object" || labels === null) return merged;
  for (const key of Object.keys(merged) as (keyof DropdownLabels)[]) {
    const text = (labels as Record<string, unknown>)[key];
    if (typeof text === "string") merged[key] = text;
  }
  return merged;
}

/** "N selected" from the `selected_count` template. */
export function selectedCountText(labels: DropdownLabels, count: number): string {
  return labels.selected_count.split("{num_selected}").join(String(count));
}

/** The selected values as a list, whatever the `multi` mode (null/undefined give []). */
export function selectedValues(value: unknown): OptionValue[] {
  if (Array.isArray(value)) return value as OptionValue[];
  if (value === null || value === undefined) return [];
  return [value as OptionValue];
}

/** The value attribute text of an option: numbers as written, booleans as "true"/"false". */
export function valueText(value: OptionValue): string {
  return value === null ? "" : String(value);
}

/** The texts a search matches for one option: its value, its label (when text) and `search`. */
function searchTexts(option: NormalizedOption, searchLabels: boolean): string[] {
  const texts = [valueText(option.value)];
  if (searchLabels) {
    const text = labelText(option.label);
    if (text !== undefined) texts.push(text);
  }
  if (option.search) texts.push(option.search);
  return texts.map((t) => t.toLowerCase());
}

/** How well `query` matches `text`: 0 exact, 1 prefix, 2 word start, 3 anywhere, -1 no match. */
function matchRank(text: string, query: string): number {
  const at = text.indexOf(query);
  if (at < 0) return -1;
  if (text === query) return 0;
  if (at === 0) return 1;
  if (/\s/.test(text[at - 1])) return 2;
  for (let next = text.indexOf(query, at + 1); next > 0; next = text.indexOf(query, next + 1)) {
    if (/\s/.test(text[next - 1])) return 2;
  }
  return 3;
}

/**
 * The options matching the search text. Every whitespace-separated word of the query must occur
 * (case-insensitively) in the value, the text label or `search` of an option. Labels are only
 * searched when no option has a component label. `order` 'index' ranks the best matches first
 * (exact, then prefix, then word start, then anywhere); 'original' keeps the options' order.
 */
export function filterOptions(
  options: NormalizedOption[],
  search: string | null | undefined,
  order: "index" | "original" = "index",
): NormalizedOption[] {
  const words = (search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return options;
  const searchLabels = options.every((o) => labelText(o.label) !== undefined);
  const hits: { option: NormalizedOption; rank: number; index: number }[] = [];
  options.forEach((option, index) => {
    const texts = searchTexts(option, searchLabels);
    let rank = 0;
    for (const word of words) {
      const best = Math.min(...texts.map((t) => matchRank(t, word)).filter((r) => r >= 0));
      if (!Number.isFinite(best)) return;
      rank += best;
    }
    hits.push({ option, rank, index });
  });
  if (order === "index") hits.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return hits.map((hit) => hit.option);
}

/** Multi menus list the selected options first (in option order) when they open. */
export function selectedFirst(options: NormalizedOption[], value: unknown): NormalizedOption[] {
  const chosen = selectedValues(value);
  const on = options.filter((o) => chosen.includes(o.value));
  const off = options.filter((o) => !chosen.includes(o.value));
  return [...on, ...off];
}

/** The order of option values captured when a menu opens (so rows do not jump while picking). */
export function openOrder(options: NormalizedOption[], value: unknown, multi: boolean): OptionValue[] {
  return (multi ? selectedFirst(options, value) : options).map((o) => o.value);
}

/** The options in a captured order; options added since then go last, removed ones disappear. */
export function inOrder(options: NormalizedOption[], order: OptionValue[] | null): NormalizedOption[] {
  if (!order) return options;
  const rank = new Map(order.map((value, index) => [value, index]));
  const known = options.filter((o) => rank.has(o.value));
  known.sort((a, b) => (rank.get(a.value) as number) - (rank.get(b.value) as number));
  return [...known, ...options.filter((o) => !rank.has(o.value))];
}

/**
 * The value after picking `picked`. Single: that value (picking it again keeps it). Multi: the list
 * with the value appended, or removed when it was already there (selection order is kept).
 */
export function pickValue(value: unknown, picked: OptionValue, multi: boolean): DropdownValue {
  if (!multi) return picked;
  const current = selectedValues(value);
  return current.includes(picked) ? current.filter((v) => v !== picked) : [...current, picked];
}

/** The value once cleared: null for a single dropdown, [] for a multi one. */
export function clearedValue(multi: boolean): DropdownValue {
  return multi ? [] : null;
}

/** "Select All": every enabled option of `shown` added after the current values. */
export function selectAll(value: unknown, shown: NormalizedOption[]): OptionValue[] {
  const current = selectedValues(value);
  const added = shown.filter((o) => !o.disabled && !current.includes(o.value)).map((o) => o.value);
  return [...current, ...added];
}

/** "Deselect All": the current values minus the enabled options of `shown`. */
export function deselectAll(value: unknown, shown: NormalizedOption[]): OptionValue[] {
  const removable = new Set(shown.filter((o) => !o.disabled).map((o) => o.value));
  return selectedValues(value).filter((v) => !removable.has(v));
}

/**
 * The value without the values the options no longer offer, or undefined when nothing changes.
 * Used when `options` change (not while a search is active: searches may narrow the options).
 */
export function prunedValue(value: unknown, options: NormalizedOption[], multi: boolean): DropdownValue | undefined {
  if (value === null || value === undefined) return undefined;
  const offered = new Set(options.map((o) => o.value));
  if (multi || Array.isArray(value)) {
    const current = selectedValues(value);
    const kept = current.filter((v) => offered.has(v));
    return kept.length === current.length ? undefined : kept;
  }
  return offered.has(value as OptionValue) ? undefined : null;
}

/** Whether the dropdown has something to clear. */
export function hasValue(value: unknown): boolean {
  return selectedValues(value).length > 0;
}

/** The index a navigation key moves to in a list of `size` rows (page = rows per page). */
export function movedIndex(key: string, current: number, size: number, page = 10): number | null {
  if (size <= 0) return null;
  const last = size - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(current + 1, last);
    case "ArrowUp":
      return current - 1;
    case "PageDown":
      return Math.min(current + page, last);
    case "PageUp":
      return Math.max(current - page, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** Whether a key press is a printable character that should start a search. */
export function isPrintableKey(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

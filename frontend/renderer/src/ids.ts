// Component ids, prop ids and output strings (renderer §2.1, protocol-server §8.3–§8.4).
import type { DashId, DictId, IdValue, OutputDependency, Wildcard, WildcardName } from "./types";

const WILDCARDS: ReadonlySet<string> = new Set(["MATCH", "ALL", "ALLSMALLER"]);

export function isWildcard(value: unknown): value is Wildcard {
  return typeof value === "object" && value !== null && "wild" in value;
}

function idValueText(value: IdValue): string {
  return isWildcard(value) ? value.wild : JSON.stringify(value);
}

/**
 * Canonical text of an id: strings unchanged; dicts as `{"k":v,...}` with sorted keys, no spaces,
 * wildcards written bare (`MATCH`). It is also the DOM id of dict-id components.
 */
export function stringifyId(id: unknown): string {
  if (typeof id !== "object" || id === null) return id as string;
  const dict = id as DictId;
  const parts = Object.keys(dict)
    .sort()
    .map((key) => JSON.stringify(key) + ":" + idValueText(dict[key]));
  return "{" + parts.join(",") + "}";
}

/** `idString.prop`, the form used in `changedPropIds` and as graph keys. */
export function propId(id: DashId, property: string): string {
  return stringifyId(id) + "." + property;
}

/** Drop an `allow_duplicate` suffix: `children@1f3a…` → `children`. */
export function stripHash(property: string): string {
  const at = property.indexOf("@");
  return at === -1 ? property : property.slice(0, at);
}

/** Turn `["MATCH"]`-style wildcards of the dependency JSON into `{wild}` markers. */
export function normalizeId(raw: unknown): DashId {
  if (typeof raw !== "object" || raw === null) return String(raw);
  const out: DictId = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(value) && value.length === 1 && WILDCARDS.has(value[0])) {
      out[key] = { wild: value[0] as WildcardName };
    } else {
      out[key] = value as IdValue;
    }
  }
  return out;
}

/** Parse an id's text: dict ids are JSON (possibly from Python, so re-canonicalise with `stringifyId`). */
export function parseIdText(text: string): DashId {
  return text.startsWith("{") ? normalizeId(JSON.parse(text)) : text;
}

/** Canonical JS id string for an id string produced by the server (Python writes `1.0`, `\u00e9`). */
export function canonicalIdText(text: string): string {
  return text.startsWith("{") ? stringifyId(parseIdText(text)) : text;
}

/** Split `idString.prop` at the LAST dot. Dict ids are parsed. */
export function splitPropId(text: string): { id: DashId; property: string } {
  const dot = text.lastIndexOf(".");
  return { id: parseIdText(text.slice(0, dot)), property: text.slice(dot + 1) };
}

/** Whether an output string declares several outputs (`..a.x...b.y..`). */
export function isMultiOutput(output: string): boolean {
  return output.startsWith("..");
}

/** Position of the last dot not escaped by a backslash, or -1. */
function lastUnescapedDot(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === "." && text[i - 1] !== "\\") return i;
  }
  return -1;
}

/** One item of an output string: `idText.prop` with dots in the id escaped as `\.`. */
function parseOutputItem(item: string): OutputDependency {
  const dot = lastUnescapedDot(item);
  const idText = item.slice(0, dot).replace(/\\\./g, ".");
  const rawProperty = item.slice(dot + 1);
  return { id: parseIdText(idText), property: stripHash(rawProperty), rawProperty, allowOptional: false };
}

/** Parse a callback's `output` string into its outputs (empty for no-output callbacks). */
export function parseOutputs(output: string, noOutput = false): OutputDependency[] {
  if (noOutput) return [];
  if (!isMultiOutput(output)) return [parseOutputItem(output)];
  return output.slice(2, -2).split("...").map(parseOutputItem);
}

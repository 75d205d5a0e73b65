// Pattern-matching ids (renderer §2.10, protocol-server §8.4): which concrete dict ids a pattern with
// MATCH / ALL / ALLSMALLER names, the ALLSMALLER ordering, and the MATCH values that tell apart the
// instances of one callback. Pure functions over ids; the layout is searched elsewhere.
import { isWildcard, stringifyId } from "../ids";
import type { DashId, DictId, IdValue } from "../types";

/** The concrete values a callback instance gives to its MATCH keys, e.g. `{index: 2}`. */
export type MatchValues = Readonly<Record<string, IdValue>>;

/** Whether an id holds a wildcard anywhere. */
export function isPattern(id: DashId): id is DictId {
  return typeof id === "object" && Object.values(id).some(isWildcard);
}

/** Whether a dependency with this id resolves to a list (it has ALL or ALLSMALLER). */
export function isArrayPattern(id: DashId): boolean {
  if (typeof id !== "object") return false;
  return Object.values(id).some((value) => isWildcard(value) && value.wild !== "MATCH");
}

/** Keys of an id holding the given wildcard, sorted. */
export function keysWith(id: DashId, wild: "MATCH" | "ALL" | "ALLSMALLER"): string[] {
  if (typeof id !== "object") return [];
  return Object.keys(id)
    .filter((key) => {
      const value = id[key];
      return isWildcard(value) && value.wild === wild;
    })
    .sort();
}

/** Sorted keys of a dict id joined by commas: the bucket of `state.paths.objs` it lives in. */
export function keySetOf(id: DictId): string {
  return Object.keys(id).sort().join(",");
}

function numericValue(value: IdValue): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return null;
}

function rank(value: IdValue): number {
  if (numericValue(value) !== null) return 0;
  if (typeof value === "boolean") return 1;
  return 2;
}

/**
 * ALLSMALLER ordering: numbers and numeric strings numerically, then false < true, then other
 * strings in code-unit order. Negative when `a` sorts before `b`.
 */
export function compareIdValues(a: IdValue, b: IdValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (numericValue(a) as number) - (numericValue(b) as number);
  if (ra === 1) return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Whether two dependency ids may name the same component (used for graph edges and readiness):
 * string ids must be equal; dict ids need the same keys and, per key, equal values or a wildcard.
 */
export function idsOverlap(a: DashId, b: DashId): boolean {
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  if (!keys.every((key) => Object.prototype.hasOwnProperty.call(b, key))) return false;
  for (const key of keys) {
    if (isWildcard(a[key]) || isWildcard(b[key])) continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
}

/** The values of `id` at `keys` (MATCH values of an instance triggered by or writing to `id`). */
export function valuesAt(id: Readonly<Record<string, IdValue>>, keys: readonly string[]): MatchValues {
  const out: Record<string, IdValue> = {};
  for (const key of keys) out[key] = id[key];
  return out;
}

/** `pattern` with its MATCH keys replaced by the instance's values (other wildcards kept). */
export function substitute(id: DashId, match: MatchValues | null): DashId {
  if (!match || typeof id !== "object") return id;
  let out: DictId | null = null;
  for (const key of Object.keys(id)) {
    const value = id[key];
    if (isWildcard(value) && value.wild === "MATCH" && Object.prototype.hasOwnProperty.call(match, key)) {
      out = out || { ...id };
      out[key] = match[key];
    }
  }
  return out || id;
}

/** Text that tells instances of one callback apart (empty when there are no MATCH values). */
export function matchKey(match: MatchValues | null): string {
  return match ? stringifyId(match as DictId) : "";
}

/** The concrete id of a `paths.objs` entry: `keys` sorted as the bucket stores its values. */
export function idFromValues(sortedKeys: readonly string[], values: readonly IdValue[]): DictId {
  const id: DictId = {};
  sortedKeys.forEach((key, i) => {
    id[key] = values[i];
  });
  return id;
}

// Resolving a dependency to the component(s) it names in the current layout (renderer §2.10). A
// concrete id names at most one component; a pattern names every match of its key set, in crawl order,
// with MATCH / ALLSMALLER compared against the instance's MATCH values.
import { isWildcard, stringifyId } from "../ids";
import type { DashId, DictId, IdValue, LayoutPath } from "../types";
import { compareIdValues, idFromValues, isPattern, keySetOf, type MatchValues } from "./patterns";

/** One `state.paths.objs` entry: a dict id's values in sorted-key order and where it lives. */
export interface DictEntry {
  values: IdValue[];
  path: LayoutPath;
}

/** What dependency resolution needs from the store. */
export interface LayoutLookup {
  pathOf(canonicalId: string): LayoutPath | undefined;
  get(path: readonly (string | number)[]): unknown;
  /** Dict-id components whose sorted keys joined by commas are `keySet`, in crawl order. */
  dictEntries(keySet: string): readonly DictEntry[];
}

export interface ResolvedDependency {
  /** The concrete id. */
  id: DashId;
  /** The canonical id text. */
  idText: string;
  path: LayoutPath;
}

function entryMatches(
  pattern: DictId,
  keys: readonly string[],
  values: readonly IdValue[],
  match: MatchValues | null,
): boolean {
  for (let i = 0; i < keys.length; i++) {
    const want = pattern[keys[i]];
    const have = values[i];
    if (!isWildcard(want)) {
      if (want !== have) return false;
      continue;
    }
    if (want.wild === "ALL" || !match) continue;
    const reference = match[keys[i]];
    if (reference === undefined) continue;
    if (want.wild === "MATCH" ? have !== reference : !(compareIdValues(have, reference) < 0)) return false;
  }
  return true;
}

/** Every component an id (concrete or pattern) names, in crawl order. */
export function resolveId(id: DashId, layout: LayoutLookup, match: MatchValues | null = null): ResolvedDependency[] {
  if (!isPattern(id)) {
    const idText = stringifyId(id);
    const path = layout.pathOf(idText);
    return path ? [{ id, idText, path }] : [];
  }
  const keys = Object.keys(id).sort();
  const found: ResolvedDependency[] = [];
  for (const entry of layout.dictEntries(keySetOf(id))) {
    if (!entryMatches(id, keys, entry.values, match)) continue;
    const concrete = idFromValues(keys, entry.values);
    found.push({ id: concrete, idText: stringifyId(concrete), path: entry.path });
  }
  return found;
}

/** Whether `id` (concrete) is among the components `pattern` names for this instance. */
export function namedBy(pattern: DashId, id: DashId, match: MatchValues | null): boolean {
  if (!isPattern(pattern)) return stringifyId(pattern) === stringifyId(id);
  if (typeof id !== "object") return false;
  const keys = Object.keys(pattern).sort();
  if (keys.length !== Object.keys(id).length) return false;
  if (!keys.every((key) => key in id)) return false;
  return entryMatches(pattern, keys, keys.map((key) => id[key]), match);
}

/** Current value of a prop of a resolved component (undefined when unset or missing). */
export function readValue(resolved: ResolvedDependency, property: string, layout: LayoutLookup): unknown {
  const node = layout.get(resolved.path) as { props?: Record<string, unknown> } | undefined;
  return node && node.props ? node.props[property] : undefined;
}

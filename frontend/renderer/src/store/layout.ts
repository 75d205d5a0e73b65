// Reading and writing the layout tree by path (keys and array indices from the store root).
import type { LayoutPath, PathKey } from "../types";

/** The value at `path` inside `root`, or undefined when any step is missing. */
export function getIn(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/**
 * Put `value` at `path` inside `root`, in place, creating missing containers (arrays for numeric keys).
 * Used for inserting components (ExternalWrapper); prop updates go through the store instead.
 */
export function setIn(root: Record<string, unknown>, path: readonly PathKey[], value: unknown): void {
  let container: Record<PathKey, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    let next = container[path[i]];
    if (next === null || typeof next !== "object") {
      next = typeof path[i + 1] === "number" ? [] : {};
      container[path[i]] = next;
    }
    container = next as Record<PathKey, unknown>;
  }
  container[path[path.length - 1]] = value;
}

/** Text key of a path, used for per-component subscriptions and `state.loading` keys. */
export function pathKey(path: readonly PathKey[]): string {
  return JSON.stringify(path);
}

/** Whether `path` starts with `prefix`. */
export function startsWith(path: readonly PathKey[], prefix: readonly PathKey[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

export function samePath(a: readonly PathKey[], b: readonly PathKey[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** Copy of `path` as a mutable array (callers receive paths they may keep). */
export function copyPath(path: readonly PathKey[]): LayoutPath {
  return path.slice();
}

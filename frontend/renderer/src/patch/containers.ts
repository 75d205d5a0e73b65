// Reading, writing and copying one level of a JSON-like value, safely for any key.
import type { Container, PatchKey } from "./types";

const hasOwn = Object.prototype.hasOwnProperty;

export function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

/** `container[key]`, ignoring inherited properties (so "constructor" or "__proto__" read as missing). */
export function readSlot(container: Container, key: PatchKey): unknown {
  if (Array.isArray(container)) return container[key as number];
  return hasOwn.call(container, key) ? container[key] : undefined;
}

/** `container[key] = value`, always as an own data property (never the `__proto__` setter). */
export function writeSlot(container: Container, key: PatchKey, value: unknown): void {
  if (Array.isArray(container)) {
    container[key as number] = value;
  } else if (key === "__proto__") {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    container[key] = value;
  }
}

/** Copy own keys of `source` into `target`, as `writeSlot` does. */
export function assignKeys(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) writeSlot(target, key, source[key]);
}

/** A one-level copy: a new list or object whose items are shared with `container`. */
export function shallowCopy(container: Container): Container {
  return Array.isArray(container) ? container.slice() : { ...container };
}

// The error a Patch raises when it does not fit the value it is applied to.
import type { PatchKey } from "./types";

/** Thrown by `applyPatch`; the renderer catches it and reports it like a callback error. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatchError";
  }
}

/** `["a",0]`-style text for a location, or "the root" for the whole value. */
export function describeLocation(location: readonly PatchKey[]): string {
  return location.length ? JSON.stringify(location) : "the root";
}

/** "a list", "a number (3)", ... to say what was found where something else was needed. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "object":
      return "an object";
    case "string":
      return `a string (${JSON.stringify(value.length > 20 ? value.slice(0, 20) + "…" : value)})`;
    case "number":
    case "boolean":
      return `a ${typeof value} (${String(value)})`;
    default:
      return `a ${typeof value}`;
  }
}

// Boolean HTML attributes (`disabled`, `open`, `readOnly`, ...) accept True/False from Python or, as in
// HTML, the attribute's own name in any case (`disabled="DISABLED"`). React wants a real boolean.

/**
 * The boolean React should receive for a boolean attribute, or `undefined` to leave it out.
 * `attribute` is the attribute name in lower case (`readonly` for the `readOnly` prop).
 */
export function normalizeBoolean(attribute: string, value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === attribute || lower === "true") return true;
    // "false" must not switch the attribute on; "" is falsy for React as well.
    if (lower === "false" || lower === "") return false;
    return true;
  }
  return Boolean(value);
}

// Typed or pasted text → the value stored in `data`, per the column's type, `on_change` and
// `validation` (renderer §7 "Columns").
import { isNumeric } from "../filter/lexer";
import { normalizeDate } from "../filter/dates";
import type { Column } from "../types";

export type Coerced = { accepted: true; value: unknown } | { accepted: false };

function typed(text: unknown, column: Column): { ok: boolean; value: unknown } {
  const allowNull = column.validation?.allow_null ?? false;
  const isBlank = text === null || text === undefined || (typeof text === "string" && text.trim() === "");
  switch (column.type) {
    case "numeric":
      if (isBlank) return { ok: allowNull, value: null };
      return isNumeric(text) ? { ok: true, value: Number(text) } : { ok: false, value: text };
    case "text":
      if (isBlank && allowNull) return { ok: true, value: null };
      return { ok: text !== null && text !== undefined, value: text === null || text === undefined ? text : String(text) };
    case "datetime": {
      if (isBlank) return { ok: allowNull, value: null };
      const date = normalizeDate(typeof text === "number" ? String(text) : text);
      return date === null ? { ok: false, value: text } : { ok: true, value: date };
    }
    default:
      return { ok: true, value: text };
  }
}

/** The value to store for `text` entered in `column`, or `accepted: false` to keep the old one. */
export function coerceValue(text: unknown, column: Column): Coerced {
  if (!column.type || column.type === "any") return { accepted: true, value: text };
  const action = column.on_change?.action ?? "coerce";
  if (action === "none") return { accepted: true, value: text };
  const result = typed(text, column);
  if (result.ok) return { accepted: true, value: action === "coerce" ? result.value : text };
  switch (column.on_change?.failure ?? "reject") {
    case "accept":
      return { accepted: true, value: text };
    case "default":
      return { accepted: true, value: column.validation?.default ?? null };
    default:
      return { accepted: false };
  }
}

// Sorting: what a click on a sort icon does to `sort_by`, and which values sort as empty.
import type { Column, SortEntry } from "../types";

export type Direction = "asc" | "desc" | "none";

/** The direction a column is sorted in right now. */
export function directionOf(sortBy: SortEntry[] | undefined, columnId: string): Direction {
  return sortBy?.find((entry) => entry.column_id === columnId)?.direction ?? "none";
}

/** `sort_by` after clicking the sort icon of `columnId`: asc → desc → none, then again asc.
 *  In `single` mode the column replaces any other sort; in `multi` it is added or updated. */
export function nextSortBy(sortBy: SortEntry[] | undefined, columnId: string, mode: "single" | "multi" = "single"): SortEntry[] {
  const current = directionOf(sortBy, columnId);
  const next: Direction = current === "none" ? "asc" : current === "asc" ? "desc" : "none";
  if (mode === "single") return next === "none" ? [] : [{ column_id: columnId, direction: next }];
  const others = (sortBy ?? []).filter((entry) => entry.column_id !== columnId);
  if (next === "none") return others;
  if (current === "none") return [...others, { column_id: columnId, direction: next }];
  return (sortBy ?? []).map((entry) => (entry.column_id === columnId ? { column_id: columnId, direction: next } : entry));
}

/** Whether a value sorts as empty (always last): undefined, null, NaN, or one of `sort_as_null`
 *  (the column's own list, else the table's). */
export function nullyTest(column: Column | undefined, tableSortAsNull: unknown[] | undefined): (value: unknown) => boolean {
  const extra = column?.sort_as_null ?? tableSortAsNull ?? [];
  const set = new Set(extra);
  return (value) =>
    value === null || value === undefined || (typeof value === "number" && Number.isNaN(value)) || set.has(value);
}

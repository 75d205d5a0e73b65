// The row steps of the pipeline as plain functions over index lists: which rows of `data` pass
// the filter, in which order they sort, which of them are on the page. They read `data[i][column]`
// directly and never build per-row objects, so 100,000 rows cost a few number arrays.
import type { Row } from "../types";

/** One level of a sort: the column, its direction, and which of its values count as empty. */
export interface SortKey {
  columnId: string;
  direction: "asc" | "desc";
  isNully(value: unknown): boolean;
}

/** `[0, 1, …, count - 1]`: every row in data order. */
export function allIndices(count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/** Whether `indices` is exactly `[0, 1, …, count - 1]`. */
export function isAllIndices(indices: readonly number[], count: number): boolean {
  if (indices.length !== count) return false;
  for (let i = 0; i < count; i++) if (indices[i] !== i) return false;
  return true;
}

/** The rows at `indices`: `data` itself when they are all of its rows in order (no copy). */
export function rowsAt(data: Row[], indices: readonly number[]): Row[] {
  return isAllIndices(indices, data.length) ? data : indices.map((i) => data[i]);
}

/** Indices (ascending) of the rows of `data` that `keep` accepts. */
export function filterIndices(data: readonly Row[], keep: (row: Row) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) if (keep(data[i])) out.push(i);
  return out;
}

/** One key's values and empty-flags, read once per row rather than once per comparison. */
interface KeyColumn {
  values: unknown[];
  empty: Uint8Array;
  sign: number;
}

function keyColumn(data: readonly Row[], indices: readonly number[], key: SortKey): KeyColumn {
  const values = new Array<unknown>(data.length);
  const empty = new Uint8Array(data.length);
  for (const i of indices) {
    const value = data[i]?.[key.columnId];
    values[i] = value;
    if (key.isNully(value)) empty[i] = 1;
  }
  return { values, empty, sign: key.direction === "desc" ? -1 : 1 };
}

/**
 * `indices` ordered by `keys` (the first key decides, later ones break ties). Empty values go
 * last whatever the direction; rows equal on every key keep their order in `indices` (stable).
 * Returns a new array; `indices` is left as it is.
 */
export function sortIndices(data: readonly Row[], indices: readonly number[], keys: readonly SortKey[]): number[] {
  const out = indices.slice();
  if (!keys.length || out.length < 2) return out;
  const columns = keys.map((key) => keyColumn(data, indices, key));
  out.sort((a, b) => {
    for (const { values, empty, sign } of columns) {
      const aEmpty = empty[a];
      const bEmpty = empty[b];
      if (aEmpty || bEmpty) {
        if (aEmpty && bEmpty) continue;
        return aEmpty ? 1 : -1;
      }
      const x = values[a] as number;
      const y = values[b] as number;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
  return out;
}

/** The indices on page `page` (0-based) of `size` rows each. */
export function pageIndices(indices: readonly number[], page: number, size: number): number[] {
  const start = Math.max(0, page) * Math.max(0, size);
  return indices.slice(start, start + Math.max(0, size));
}

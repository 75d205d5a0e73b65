// Fixed rows and columns (dom-contract §7.1): which rows go to the top fragments, which columns
// to the left ones, and the column widths every fragment shares so that they line up.
import type { DataTableProps } from "../types";

export interface FixedSplit {
  /** Header and filter rows live in the top fragments. */
  headersOnTop: boolean;
  /** How many data rows (from the first of the page) live in the top fragments. */
  topDataRows: number;
  /** How many visible data columns live in the left fragments (0: no left fragments). */
  leftColumns: number;
}

function count(value: unknown, limit: number): number {
  const n = typeof value === "number" && Number.isFinite(value) ? Math.floor(value) : 0;
  return Math.max(0, Math.min(n, limit));
}

/** The split asked for by `fixed_rows` / `fixed_columns`, bounded by what the table holds. */
export function fixedSplit(
  fixedRows: DataTableProps["fixed_rows"],
  fixedColumns: DataTableProps["fixed_columns"],
  columnCount: number,
  rowCount: number,
): FixedSplit {
  const headersOnTop = Boolean(fixedRows?.headers);
  return {
    headersOnTop,
    topDataRows: headersOnTop ? count(fixedRows?.data, rowCount) : 0,
    leftColumns: fixedColumns?.headers ? count(fixedColumns.data, columnCount) : 0,
  };
}

/** Which visible data columns a fragment shows for real; the others are phantoms there. */
export interface ColumnPart {
  /** First real data column (inclusive). */
  start: number;
  /** End of the real data columns (exclusive). */
  end: number;
  /** Whether the row-deletion / row-selection cells are real in this fragment. */
  operations: boolean;
  /** Whether the fragment is a fixed-column one (its last real cell gets `last-of-type`). */
  fixed: boolean;
}

/** The column parts of the left and right fragments (left is null without fixed columns). */
export function columnParts(split: FixedSplit, columnCount: number): { left: ColumnPart | null; right: ColumnPart } {
  if (!split.leftColumns) return { left: null, right: { start: 0, end: columnCount, operations: true, fixed: false } };
  return {
    left: { start: 0, end: split.leftColumns, operations: true, fixed: true },
    right: { start: split.leftColumns, end: columnCount, operations: false, fixed: false },
  };
}

/** Whether the data column `index` is a phantom in `part`. */
export function isPhantom(part: ColumnPart, index: number): boolean {
  return index < part.start || index >= part.end;
}

/**
 * The widths every fragment uses: the widest measurement of each column, grown in proportion
 * (operation columns excepted) when the table should fill `available` pixels.
 */
export function sharedWidths(measured: number[][], operationColumns: number, available: number, fill: boolean): number[] {
  const columns = measured.reduce((n, widths) => Math.max(n, widths.length), 0);
  const widths: number[] = [];
  for (let i = 0; i < columns; i++) {
    let widest = 0;
    for (const table of measured) widest = Math.max(widest, table[i] ?? 0);
    widths.push(Math.ceil(widest));
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const growable = widths.slice(operationColumns).reduce((a, b) => a + b, 0);
  if (!fill || total >= available || growable <= 0) return widths;
  const scale = (available - total + growable) / growable;
  const grown = widths.map((w, i) => (i < operationColumns ? w : Math.floor(w * scale)));
  // Rounding down leaves a few pixels: give them to the last column.
  const rest = available - grown.reduce((a, b) => a + b, 0);
  grown[grown.length - 1] += Math.max(0, rest);
  return grown;
}

/**
 * The rows a virtualized table reports as its viewport: the fixed top rows (`topRows`) and the
 * rendered window [`start`, `end`) of the page's rows (both in page-row positions).
 */
export function viewportWindow(indices: number[], virtualized: boolean, topRows: number, start: number, end: number): number[] {
  if (!virtualized) return indices;
  const from = Math.max(topRows, start);
  const to = Math.min(indices.length, Math.max(from, end));
  if (from === topRows && to === indices.length) return indices;
  return indices.slice(0, topRows).concat(indices.slice(from, to));
}

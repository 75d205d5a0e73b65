// Header rows: a list `name` gives one header row per entry; a string name repeats on every row,
// a missing name shows the column id on the last row. With `merge_duplicate_headers` equal
// neighbouring labels of a row become one cell spanning them.
import type { Column, HeaderFlag } from "../types";

export interface HeaderCell {
  label: string;
  /** Index among visible columns of the first column under this cell. */
  start: number;
  /** Number of columns it spans. */
  span: number;
}

/** Number of header rows the columns need (at least one). */
export function headerRowCount(columns: Column[]): number {
  let rows = 1;
  for (const column of columns) if (Array.isArray(column.name)) rows = Math.max(rows, column.name.length);
  return rows;
}

/** The label of `column` on header row `row` of `rows`. */
export function labelAt(column: Column, row: number, rows: number): string {
  if (column.name === undefined || column.name === null) return row === rows - 1 ? column.id : "";
  if (Array.isArray(column.name)) return column.name[row] ?? "";
  return String(column.name);
}

/** The cells of every header row. */
export function headerRows(columns: Column[], merge: boolean): HeaderCell[][] {
  const rows = headerRowCount(columns);
  const result: HeaderCell[][] = [];
  for (let row = 0; row < rows; row++) {
    const cells: HeaderCell[] = [];
    columns.forEach((column, index) => {
      const label = labelAt(column, row, rows);
      const previous = cells[cells.length - 1];
      if (merge && previous && previous.label === label) previous.span += 1;
      else cells.push({ label, start: index, span: 1 });
    });
    result.push(cells);
  }
  return result;
}

/** Whether a per-header-row flag (`deletable`, `hideable`, ...) is on for header row `row`. */
export function flagOn(flag: HeaderFlag | undefined, row: number, rows: number): boolean {
  if (flag === "first") return row === 0;
  if (flag === "last") return row === rows - 1;
  if (Array.isArray(flag)) return Boolean(flag[row]);
  return Boolean(flag);
}

// Cell selection: cells are addressed by row (position on the current page) and column (position
// among visible columns); the props also carry the row id and column id.
import type { Cell, Column, Row } from "../types";
import { rowIdOf } from "./derived";

/** The Cell value of a position. */
export function cellAt(row: number, column: number, rows: Row[], columns: Column[]): Cell {
  const cell: Cell = { row, column, column_id: columns[column]?.id };
  const id = rowIdOf(rows[row]);
  if (id !== null) cell.row_id = id;
  return cell;
}

/** Every cell of the rectangle between two corners, row by row. */
export function cellRange(start: Cell, end: Cell, rows: Row[], columns: Column[]): Cell[] {
  const cells: Cell[] = [];
  const [top, bottom] = [Math.min(start.row, end.row), Math.max(start.row, end.row)];
  const [left, right] = [Math.min(start.column, end.column), Math.max(start.column, end.column)];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells.push(cellAt(r, c, rows, columns));
  return cells;
}

export type Move = "up" | "down" | "left" | "right";

/** The position one step away, kept inside the grid. */
export function moved(cell: Cell, move: Move, rowCount: number, columnCount: number): { row: number; column: number } {
  let { row, column } = cell;
  if (move === "up") row = Math.max(0, row - 1);
  if (move === "down") row = Math.min(rowCount - 1, row + 1);
  if (move === "left") column = Math.max(0, column - 1);
  if (move === "right") column = Math.min(columnCount - 1, column + 1);
  return { row, column };
}

/** A set of "row,column" keys for quick "is this cell selected" checks. */
export function selectionKeys(cells: Cell[] | undefined): Set<string> {
  return new Set((cells ?? []).map((cell) => `${cell.row},${cell.column}`));
}

/** `selected_rows` after toggling one row's select box. */
export function toggledRows(selected: number[], dataIndex: number, mode: "single" | "multi"): number[] {
  if (mode === "single") return [dataIndex];
  return selected.includes(dataIndex) ? selected.filter((i) => i !== dataIndex) : [...selected, dataIndex];
}

/** `selected_rows` after deleting the row at `dataIndex` (later indices shift down). */
export function rowsAfterDelete(selected: number[], dataIndex: number): number[] {
  return selected.filter((i) => i !== dataIndex).map((i) => (i > dataIndex ? i - 1 : i));
}

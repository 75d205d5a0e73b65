// The cells of the xlsx export: the same header lines and rows as the CSV export, with values kept
// typed (numbers stay numbers, booleans stay booleans) and, for `display` headers with
// `merge_duplicate_headers`, each merged header label written once over the columns it spans.
// Pure data in the shape write-excel-file takes; the writer itself lives in the lazy xlsx chunk.
import type { Column, Row } from "../types";
import { exportHeaderRows } from "./exporting";
import type { ExportHeaders } from "./exporting";
import { headerRows } from "./headers";
import { plainText } from "./format";

/** One cell of the workbook: a typed value, optionally spanning `columnSpan` columns to its right. */
export interface SheetCell {
  value: string | number | boolean;
  type: StringConstructor | NumberConstructor | BooleanConstructor;
  columnSpan?: number;
  fontWeight?: "bold";
}

/** A cell, or null for an empty cell or one covered by a merged cell to its left. */
export type SheetRow = (SheetCell | null)[];

/** The typed cell of one data value; empty values give an empty cell. */
export function sheetCell(value: unknown): SheetCell | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    // Excel has no NaN or infinities: write them as the table shows them.
    return Number.isFinite(value) ? { value, type: Number } : { value: String(value), type: String };
  }
  if (typeof value === "boolean") return { value, type: Boolean };
  return { value: plainText(value), type: String };
}

function headerCell(label: string, span = 1): SheetCell | null {
  if (label === "" && span === 1) return null;
  const cell: SheetCell = { value: label, type: String, fontWeight: "bold" };
  if (span > 1) cell.columnSpan = span;
  return cell;
}

/** Header lines of the sheet: merged cells for `display` + merge, else the CSV header lines. */
export function sheetHeaderRows(columns: Column[], headers: ExportHeaders, merge: boolean): SheetRow[] {
  if (headers === "display" && merge) {
    return headerRows(columns, true).map((cells) => {
      const line: SheetRow = new Array(columns.length).fill(null);
      for (const cell of cells) line[cell.start] = headerCell(cell.label, cell.span);
      return line;
    });
  }
  return exportHeaderRows(columns, headers, merge).map((line) => line.map((label) => headerCell(label)));
}

/** The whole sheet: header lines, then one line per row in `columns` order. */
export function toSheetRows(rows: Row[], columns: Column[], headers: ExportHeaders, merge: boolean): SheetRow[] {
  const lines = sheetHeaderRows(columns, headers, merge);
  for (const row of rows) lines.push(columns.map((column) => sheetCell(row[column.id])));
  return lines;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

function cellText(cell: SheetCell | null): string {
  return cell === null ? "" : String(cell.value);
}

/** A readable width (in characters) per column: its longest unmerged text, within sane bounds. */
export function columnWidths(lines: SheetRow[]): number[] {
  const count = lines.reduce((most, line) => Math.max(most, line.length), 0);
  const widths: number[] = new Array(count).fill(MIN_WIDTH);
  for (const line of lines) {
    line.forEach((cell, index) => {
      if (cell?.columnSpan && cell.columnSpan > 1) return;
      widths[index] = Math.max(widths[index], Math.min(MAX_WIDTH, cellText(cell).length + 2));
    });
  }
  return widths;
}

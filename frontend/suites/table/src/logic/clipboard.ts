// Copy and paste as spreadsheets do it: tab-separated rows, fields with tabs, newlines or quotes
// in double quotes. Pasting fills editable cells from the active cell down and right, adding rows
// (when the view is not sorted or filtered) and columns as needed.
import type { Column, Row } from "../types";
import { coerceValue } from "./coerce";
import { plainText } from "./format";

function field(value: unknown): string {
  const text = plainText(value);
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tab-separated text of a grid of values. */
export function toTsv(grid: unknown[][]): string {
  return grid.map((row) => row.map(field).join("\t")).join("\n");
}

/** The grid of strings in tab-separated text (Excel / Google Sheets clipboard format). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const input = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' && cell === "") {
      // A quoted field runs to the next lone quote.
      let j = i + 1;
      let quoted = "";
      while (j < input.length) {
        if (input[j] === '"' && input[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (input[j] === '"') break;
        else quoted += input[j++];
      }
      if (j < input.length && (j + 1 === input.length || input[j + 1] === "\t" || input[j + 1] === "\n")) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
    i++;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

export interface PasteTarget {
  data: Row[];
  /** Visible columns, in display order. */
  columns: Column[];
  /** Every column (hidden ones too), to add new ones at the end. */
  allColumns: Column[];
  /** Indices into `data` of the rows shown, in display order. */
  viewportIndices: number[];
  /** Where the paste starts. */
  row: number;
  column: number;
  /** Whether new rows may be added (not while sorted or filtered). */
  canAddRows: boolean;
  isEditable: (column: Column) => boolean;
}

export interface PasteResult {
  data: Row[];
  columns: Column[] | null;
}

/** `data` (and `columns`, if new ones were needed) after pasting `grid`. */
export function applyPaste(grid: string[][], target: PasteTarget): PasteResult {
  const data = target.data.slice();
  const visible = target.columns.slice();
  const width = Math.max(...grid.map((r) => r.length));
  const added: Column[] = [];
  for (let k = 0; k < target.column + width - target.columns.length; k++) {
    const id = `Column ${target.allColumns.length + k + 1}`;
    added.push({ id, name: id, editable: true });
  }
  visible.push(...added);
  const changed = new Set<number>();
  grid.forEach((values, i) => {
    const viewRow = target.row + i;
    let dataIndex = target.viewportIndices[viewRow];
    if (dataIndex === undefined) {
      if (!target.canAddRows) return;
      dataIndex = data.length;
      data.push(Object.fromEntries(visible.map((c) => [c.id, ""])));
    }
    values.forEach((text, j) => {
      const column = visible[target.column + j];
      if (!column || !(target.isEditable(column) || added.includes(column))) return;
      const result = coerceValue(text, column);
      if (!result.accepted) return;
      if (!changed.has(dataIndex!)) {
        data[dataIndex!] = { ...data[dataIndex!] };
        changed.add(dataIndex!);
      }
      data[dataIndex!][column.id] = result.value;
    });
  });
  return { data, columns: added.length ? [...target.allColumns, ...added] : null };
}

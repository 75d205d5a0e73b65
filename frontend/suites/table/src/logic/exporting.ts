// The Export button: the filtered and sorted rows (every page) as a CSV file.
import type { Column, Row } from "../types";
import { headerRowCount, headerRows, labelAt } from "./headers";
import { plainText } from "./format";

export type ExportHeaders = "none" | "ids" | "names" | "display";

function csvField(value: unknown): string {
  const text = plainText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header lines of the export. `display` blanks repeated merged labels as the table shows them. */
export function exportHeaderRows(columns: Column[], headers: ExportHeaders, merge: boolean): string[][] {
  if (headers === "none") return [];
  if (headers === "ids") return [columns.map((c) => c.id)];
  const rows = headerRowCount(columns);
  if (headers === "names" || !merge) {
    return Array.from({ length: rows }, (_, r) => columns.map((c) => labelAt(c, r, rows)));
  }
  return headerRows(columns, true).map((cells) => {
    const line: string[] = new Array(columns.length).fill("");
    for (const cell of cells) line[cell.start] = cell.label;
    return line;
  });
}

/** CSV text of `rows` in the given columns. */
export function toCsv(rows: Row[], columns: Column[], headers: ExportHeaders, merge: boolean): string {
  const lines = exportHeaderRows(columns, headers, merge).map((line) => line.map(csvField).join(","));
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.id])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** Starts the browser download of a text file. */
export function download(text: string, fileName: string, mime: string): void {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
